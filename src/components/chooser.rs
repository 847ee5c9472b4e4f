//! "Which one fits me": the reader's needs in everyday words, one tap each, and every
//! messenger ranked against them by [`crate::model::choose::rank`], each with its reason,
//! what it costs and a way to its evidence.

use crate::components::context::Ctx;
use crate::components::row::badge_text;
use crate::model::choose::{rank, Answer, Entry};
use crate::model::dataset::Group;
use crate::model::text;
use crate::model::view_state::{write, ViewState};
use crate::state::Action;
use yew::prelude::*;

/// Props of [`Chooser`].
#[derive(Properties, PartialEq)]
pub struct ChooserProps {
    /// The whole view: its needs are the ones selected, and links to the evidence keep the
    /// rest of it (language, theme, embedding).
    pub view: ViewState,
}

/// The chooser's page.
#[function_component]
pub fn Chooser(props: &ChooserProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Chooser is rendered inside the App's context");
    let data = &ctx.data;
    let selected = &props.view.needs;
    let answer = {
        let data = data.clone();
        use_memo(selected.clone(), move |needs| rank(&data, needs))
    };

    let presets = data.chooser.presets.iter().map(|preset| {
        let needs = data.chooser.preset_needs(preset);
        let pressed = &needs == selected;
        let c = ctx.clone();
        let onclick =
            Callback::from(move |_: MouseEvent| c.dispatch(Action::ApplyPreset(needs.clone())));
        html! {
            <button type="button" class="mc-chip mc-preset" data-preset={preset.id.clone()}
                aria-pressed={pressed.to_string()} {onclick}>
                { ctx.t(&text::choose_preset_label(&preset.id)) }
            </button>
        }
    });
    let needs = data.chooser.indices().filter_map(|index| {
        let need = data.chooser.need(index)?;
        let pressed = selected.contains(&index);
        let c = ctx.clone();
        let onclick = Callback::from(move |_: MouseEvent| c.dispatch(Action::ToggleNeed(index)));
        Some(html! {
            <button type="button" class="mc-chip mc-need" data-need={need.id.clone()}
                aria-pressed={pressed.to_string()} {onclick}>
                <span class="mc-chip-mark" aria-hidden="true"></span>
                { ctx.t(&text::choose_need_label(&need.id)) }
            </button>
        })
    });
    let on_clear = {
        let c = ctx.clone();
        Callback::from(move |_: MouseEvent| c.dispatch(Action::ClearNeeds))
    };

    html! {
        <section class="mc-choose" data-view="choose" aria-labelledby="mc-choose-title">
            <h2 id="mc-choose-title">{ ctx.t("choose.title") }</h2>
            <p class="mc-hint">{ ctx.t("choose.intro") }</p>
            <div class="mc-chip-group" role="group" aria-labelledby="mc-presets-title">
                <h3 id="mc-presets-title" class="mc-chip-title">{ ctx.t("choose.presets") }</h3>
                { for presets }
            </div>
            <div class="mc-chip-group" role="group" aria-labelledby="mc-needs-title">
                <h3 id="mc-needs-title" class="mc-chip-title">{ ctx.t("choose.needs") }</h3>
                { for needs }
                if !selected.is_empty() {
                    <button type="button" class="mc-button mc-clear-needs" onclick={on_clear}>{ ctx.t("choose.clear") }</button>
                }
            </div>
            { answer_view(&ctx, &answer, &props.view) }
        </section>
    }
}

/// The summary line and the ranked list.
fn answer_view(ctx: &Ctx, answer: &Answer, view: &ViewState) -> Html {
    let data = &ctx.data;
    let summary = if answer.needs.is_empty() {
        ctx.t("choose.answer.none-selected")
    } else if answer.any_meets_all {
        let n = answer.entries.iter().filter(|e| e.meets_all()).count();
        ctx.fill(
            "choose.answer.some",
            &[
                ("n", &ctx.number(n)),
                ("total", &ctx.number(answer.entries.len())),
            ],
        )
    } else {
        ctx.t("choose.answer.nobody")
    };
    let warning = answer
        .top_fails_minimum
        .then(|| answer.entries.first())
        .flatten()
        .map(|top| {
            let m = &data.messengers[top.messenger];
            html! {
                <p class="mc-warning" data-warning="top-fails-minimum">
                    { ctx.fill("choose.answer.top-fails-minimum", &[
                        ("messenger", &m.name),
                        ("n", &ctx.number(data.met(m, Group::Minimum))),
                        ("total", &ctx.number(data.criteria_in(Group::Minimum).count())),
                    ]) }
                </p>
            }
        });
    html! {
        <section class="mc-answer" aria-labelledby="mc-answer-title">
            <h3 id="mc-answer-title">{ ctx.t("choose.answer.title") }</h3>
            <p class="mc-answer-summary" role="status">{ summary }</p>
            { for warning }
            <ol class="mc-ranking">
                { for answer.entries.iter().map(|entry| entry_view(ctx, entry, view)) }
            </ol>
        </section>
    }
}

/// One ranked messenger: its place, name and standing, why it is there, what it costs, and
/// the way to its evidence.
fn entry_view(ctx: &Ctx, entry: &Entry, view: &ViewState) -> Html {
    let data = &ctx.data;
    let m = &data.messengers[entry.messenger];
    let join = |keys: Vec<String>| {
        keys.iter()
            .map(|k| ctx.t(k))
            .collect::<Vec<_>>()
            .join(&ctx.t("choose.join"))
    };
    let (reasons, shortfalls) = entry.phrases(data);
    // "n of the guide's total minimum requirements", said in two of the lines below.
    let minimum = [
        ("n", ctx.number(data.met(m, Group::Minimum))),
        (
            "total",
            ctx.number(data.criteria_in(Group::Minimum).count()),
        ),
    ];
    let minimum = minimum.each_ref().map(|(k, v)| (*k, v.as_str()));
    let reason = if reasons.is_empty() {
        ctx.fill("choose.entry.standing", &minimum)
    } else {
        ctx.fill("choose.entry.reason", &[("list", &join(reasons))])
    };
    let shortfall = (!shortfalls.is_empty())
        .then(|| ctx.fill("choose.entry.shortfall", &[("list", &join(shortfalls))]));
    let fails_minimum =
        (!entry.meets_minimum).then(|| ctx.fill("choose.entry.fails-minimum", &minimum));
    let outranked = entry
        .outranked_by
        .and_then(|i| data.messengers.get(i))
        .map(|by| ctx.fill("choose.entry.outranked", &[("messenger", &by.name)]));
    let href = format!("./{}", write(&view.evidence(&entry.deciding), data));
    let on_evidence = {
        let (c, deciding) = (ctx.clone(), entry.deciding.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            c.dispatch(Action::ShowEvidence(deciding.clone()));
        })
    };
    let on_profile = {
        let (c, row) = (ctx.clone(), entry.messenger);
        Callback::from(move |_: MouseEvent| c.dispatch(Action::OpenDetail(row)))
    };
    let rank = entry.rank.to_string();
    html! {
        <li class={classes!("mc-entry", entry.meets_all().then_some("mc-entry--fits"))}
            data-messenger={m.id.clone()} data-rank={rank.clone()}>
            <div class="mc-entry-head">
                <span class="mc-entry-rank" aria-hidden="true">{ ctx.number(entry.rank) }</span>
                <strong class="mc-entry-name">{ m.name.clone() }</strong>
                <span class="mc-badge" data-standing={m.badge().id()}>{ badge_text(ctx, m) }</span>
            </div>
            <p class="mc-entry-reason">{ reason }</p>
            if let Some(text) = shortfall {
                <p class="mc-entry-shortfall">{ text }</p>
            }
            <p class="mc-entry-cost">
                <span class="mc-entry-label">{ ctx.t("choose.entry.cost") }</span>
                { " " }
                { ctx.t(&text::messenger_tradeoff(&m.id)) }
            </p>
            if let Some(text) = fails_minimum {
                <p class="mc-entry-minimum">{ text }</p>
            }
            if let Some(text) = outranked {
                <p class="mc-entry-outranked">{ text }</p>
            }
            if entry.tied {
                <p class="mc-entry-tied">{ ctx.t("choose.entry.tied") }</p>
            }
            <p class="mc-entry-links">
                <button type="button" class="mc-link-button" aria-haspopup="dialog" onclick={on_profile}>
                    { ctx.fill("choose.entry.profile", &[("messenger", &m.name)]) }
                </button>
                <a href={href} onclick={on_evidence} data-evidence={m.id.clone()}>
                    { ctx.fill("choose.entry.evidence", &[("messenger", &m.name)]) }
                </a>
            </p>
        </li>
    }
}
