//! The note behind a value cell: what it means, who says so, and when that was checked.

use crate::components::context::Ctx;
use crate::components::icon::verdict_icon;
use crate::model::text;
use crate::model::view_state::CellAt;
use crate::state::Action;
use yew::prelude::*;

/// Props of [`Note`].
#[derive(Properties, PartialEq)]
pub struct NoteProps {
    pub cell: CellAt,
}

/// A value's note, its sources (with what each claims, where they disagree) and its date.
#[function_component]
pub fn Note(props: &NoteProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Note is rendered inside the App's context");
    let (Some(m), Some(criterion)) = (
        ctx.data.messengers.get(props.cell.messenger),
        ctx.data.criteria.get(props.cell.criterion),
    ) else {
        return Html::default();
    };
    let Some(cell) = m.cell(&criterion.id) else {
        return Html::default();
    };
    let title_id = format!("mc-note-title-{}", m.id);
    let on_close = {
        let (c, at) = (ctx.clone(), props.cell);
        Callback::from(move |_: MouseEvent| c.dispatch(Action::ToggleCell(at)))
    };
    html! {
        <div class="mc-note" id={format!("mc-note-{}", m.id)} role="region" aria-labelledby={title_id.clone()}>
            <h3 id={title_id} class="mc-note-title">
                { verdict_icon(criterion.verdict(cell.value)) }
                { ctx.fill("ui.note.title", &[
                    ("messenger", &m.name),
                    ("criterion", &ctx.t(&text::criterion_label(&criterion.id))),
                    ("value", &ctx.t(&text::value_word(cell.value))),
                ]) }
            </h3>
            <p>{ ctx.long_text(&text::value_note(&m.id, &criterion.id)) }</p>
            <p class="mc-note-explanation">{ ctx.t(&text::criterion_explanation(&criterion.id)) }</p>
            <h4>{ ctx.t("ui.note.sources") }</h4>
            <ul class="mc-sources">
                { for cell.sources.iter().map(|source| html! {
                    <li>
                        <a href={source.url.clone()} rel="noopener noreferrer" target="_blank">{ source.name.clone() }</a>
                        if let Some(claim) = source.claims {
                            { " " }
                            <span class="mc-claim">{ ctx.fill("ui.note.claims", &[("value", &ctx.t(&text::value_word(claim)))]) }</span>
                        }
                    </li>
                }) }
            </ul>
            <p class="mc-checked">
                { ctx.t("ui.note.checked") }{ " " }
                <time datetime={cell.checked.clone()}>{ ctx.date(&cell.checked) }</time>
            </p>
            <button type="button" class="mc-note-close" onclick={on_close}>
                { ctx.t("ui.note.close") }
            </button>
        </div>
    }
}
