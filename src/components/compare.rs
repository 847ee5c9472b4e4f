//! Two or three messengers side by side, the criteria where they differ first.

use crate::components::context::Ctx;
use crate::components::icon::verdict_icon;
use crate::model::filter::{compare_rows, visible_criteria};
use crate::model::text;
use crate::model::view_state::MAX_COMPARED;
use crate::state::Action;
use yew::prelude::*;

/// Props of [`Compare`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The chosen messengers, in the order chosen.
    pub chosen: Vec<usize>,
    /// Only these criteria, when the link chose them.
    pub cols: Option<Vec<usize>>,
}

/// The comparison page: a choice of messengers, then their values side by side.
#[function_component]
pub fn Compare(props: &CompareProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Compare is rendered inside the App's context");
    let full = props.chosen.len() >= MAX_COMPARED;
    let choices = ctx.data.messengers.iter().enumerate().map(|(i, m)| {
        let checked = props.chosen.contains(&i);
        let c = ctx.clone();
        let id = format!("mc-compare-{}", m.id);
        html! {
            <label class="mc-check" for={id.clone()}>
                <input type="checkbox" id={id} data-messenger={m.id.clone()} {checked} disabled={full && !checked}
                    onchange={Callback::from(move |_: Event| c.dispatch(Action::ToggleCompare(i)))} />
                { m.name.clone() }
            </label>
        }
    });
    let criteria = visible_criteria(&ctx.data, props.cols.as_deref());
    let rows = compare_rows(&ctx.data, &props.chosen, &criteria);
    let split = rows
        .iter()
        .position(|(_, differs)| !differs)
        .unwrap_or(rows.len());
    let span = (props.chosen.len() + 1).to_string();
    let section = |key: &str| {
        html! {
            <tr class="mc-compare-split"><th colspan={span.clone()} scope="colgroup">{ ctx.t(key) }</th></tr>
        }
    };
    let row = |&(ci, differs): &(usize, bool)| {
        let criterion = &ctx.data.criteria[ci];
        html! {
            <tr data-criterion={criterion.id.clone()} data-differs={differs.to_string()}>
                <th scope="row">{ ctx.t(&text::criterion_label(&criterion.id)) }</th>
                { for props.chosen.iter().filter_map(|&m| ctx.data.messengers.get(m)).map(|m| {
                    let Some(cell) = m.cell(&criterion.id) else { return html! { <td></td> } };
                    let verdict = criterion.verdict(cell.value);
                    html! {
                        <td data-messenger={m.id.clone()} data-value={cell.value.id()} data-verdict={verdict.id()}>
                            <span class={format!("mc-value-chip mc-verdict--{}", verdict.id())}>
                                { verdict_icon(verdict) }
                                { ctx.t(&text::value_word(cell.value)) }
                            </span>
                            <p class="mc-compare-note">{ ctx.long_text(&text::value_note(&m.id, &criterion.id)) }</p>
                        </td>
                    }
                }) }
            </tr>
        }
    };
    html! {
        <section class="mc-compare" aria-labelledby="mc-compare-title">
            <h2 id="mc-compare-title">{ ctx.t("ui.compare.title") }</h2>
            <fieldset class="mc-filters">
                <legend>{ ctx.t("ui.compare.choose") }</legend>
                { for choices }
            </fieldset>
            if props.chosen.len() < 2 {
                <p class="mc-muted" role="status">{ ctx.t("ui.compare.need-two") }</p>
            } else {
                <div class="mc-scroll" tabindex="0" role="region" aria-labelledby="mc-compare-title">
                    <table class="mc-table mc-compare-table">
                        <thead>
                            <tr>
                                <td></td>
                                { for props.chosen.iter().filter_map(|&m| ctx.data.messengers.get(m).map(|x| (m, x))).map(|(i, m)| {
                                    let c = ctx.clone();
                                    html! {
                                        <th scope="col" data-messenger={m.id.clone()}>
                                            <button type="button" class="mc-name-button" aria-haspopup="dialog"
                                                onclick={Callback::from(move |_: MouseEvent| c.dispatch(Action::OpenDetail(i)))}>{ m.name.clone() }</button>
                                        </th>
                                    }
                                }) }
                            </tr>
                        </thead>
                        <tbody>
                            if split > 0 { { section("ui.compare.differ") } }
                            { for rows[..split].iter().map(row) }
                            if split < rows.len() { { section("ui.compare.same") } }
                            { for rows[split..].iter().map(row) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
