//! The matrix's filters: yes/no needs, a platform and a network architecture. On a narrow
//! screen they fold behind one button, so that the first screen shows messengers.

use crate::browser::event;
use crate::components::context::Ctx;
use crate::components::picker::{Choice, LabelledSelect};
use crate::model::dataset::{NetworkId, Platform};
use crate::model::filter::{Filter, Need};
use crate::model::text;
use crate::state::Action;
use yew::prelude::*;

/// Props of [`Filters`].
#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub filter: Filter,
    /// Whether the link chose the rows (`show=`): "clear all" clears that too.
    pub rows_chosen: bool,
}

/// "Any", then every option.
fn any_then(ctx: &Ctx, options: impl Iterator<Item = Choice>) -> Vec<Choice> {
    std::iter::once(Choice::new("", ctx.t("ui.filter.any")))
        .chain(options)
        .collect()
}

/// The filter controls.
#[function_component]
pub fn Filters(props: &FiltersProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Filters is rendered inside the App's context");
    let open = use_state(|| false);
    let filter = &props.filter;
    let needs = Need::ALL.into_iter().map(|need| {
        let c = ctx.clone();
        let id = format!("mc-need-{}", need.id());
        html! {
            <label class="mc-check" for={id.clone()}>
                <input type="checkbox" id={id} data-need={need.id()} checked={filter.needs.contains(&need)}
                    onchange={Callback::from(move |e: Event| {
                        c.dispatch(Action::SetNeed(need, event::is_checked(&e)));
                    })} />
                { ctx.t(&text::need_label(need)) }
            </label>
        }
    });
    let platforms = any_then(
        &ctx,
        Platform::ALL
            .into_iter()
            .map(|p| Choice::new(p.id(), ctx.t(&text::platform_name(p)))),
    );
    let networks = any_then(
        &ctx,
        NetworkId::ALL
            .into_iter()
            .map(|n| Choice::new(n.id(), ctx.t(&text::network_name(n)))),
    );
    let on_platform = {
        let c = ctx.clone();
        Callback::from(move |id: String| {
            let platform = Platform::ALL.into_iter().find(|p| p.id() == id);
            c.dispatch(Action::SetPlatform(platform));
        })
    };
    let on_network = {
        let c = ctx.clone();
        Callback::from(move |id: String| c.dispatch(Action::FilterNetwork(NetworkId::from_id(&id))))
    };
    let on_clear = {
        let c = ctx.clone();
        Callback::from(move |_: MouseEvent| c.dispatch(Action::ClearFilters))
    };
    let active = filter.needs.len()
        + usize::from(filter.platform.is_some())
        + usize::from(filter.network.is_some());
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <>
        // Shown only on narrow screens (see styles/main.css), where the filters start folded.
        <button type="button" class="mc-button mc-filters-toggle" aria-expanded={open.to_string()}
            aria-controls="mc-filters" onclick={toggle}>
            { ctx.fill("ui.filter.toggle", &[("n", &ctx.number(active))]) }
        </button>
        <fieldset id="mc-filters" class={classes!("mc-filters", (!*open).then_some("mc-filters--closed"))}>
            <legend>{ ctx.t("ui.filter.title") }</legend>
            { for needs }
            <LabelledSelect id="mc-platform" class={classes!("mc-select")} label={ctx.t("ui.filter.platform")}
                choices={platforms} selected={filter.platform.map_or("", |p| p.id()).to_owned()} on_change={on_platform} />
            <LabelledSelect id="mc-network-filter" class={classes!("mc-select")} label={ctx.t("ui.filter.architecture")}
                choices={networks} selected={filter.network.map_or("", |n| n.id()).to_owned()} on_change={on_network} />
            if filter.is_active() || props.rows_chosen {
                <button type="button" class="mc-clear" onclick={on_clear}>{ ctx.t("ui.filter.clear-all") }</button>
            }
        </fieldset>
        </>
    }
}
