//! "How messengers connect": the guide's four architectures and our fifth, side by side, each with its diagram,
//! trade-offs and the messengers that use it.

use crate::browser::page;
use crate::components::context::Ctx;
use crate::components::diagram::{node_shape, DiagramView};
use crate::model::dataset::NetworkId;
use crate::model::layout::{architecture, EdgeKind, NodeKind};
use crate::model::text;
use crate::state::Action;
use yew::prelude::*;

/// Props of [`Networks`].
#[derive(Properties, PartialEq)]
pub struct NetworksProps {
    /// The architecture to bring into view and focus, when the reader came from the matrix.
    pub focus: Option<NetworkId>,
}

fn legend(ctx: &Ctx) -> Html {
    let shapes = [
        (NodeKind::Client, "ui.legend.client"),
        (NodeKind::Server, "ui.legend.server"),
        (NodeKind::Homeserver, "ui.legend.homeserver"),
        (NodeKind::Relay, "ui.legend.relay"),
    ];
    let lines = [
        (EdgeKind::Link, "ui.legend.link"),
        (EdgeKind::Federation, "ui.legend.federation"),
        (EdgeKind::Proximity, "ui.legend.proximity"),
    ];
    html! {
        <section class="mc-legend" aria-labelledby="mc-legend-title">
            <h3 id="mc-legend-title">{ ctx.t("ui.legend.title") }</h3>
            <ul>
                { for shapes.iter().map(|(kind, key)| html! {
                    <li>
                        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                            { node_shape(*kind, 12.0, 12.0, 8.0, "mc-node") }
                        </svg>
                        { ctx.t(key) }
                    </li>
                }) }
                { for lines.iter().map(|(kind, key)| html! {
                    <li>
                        <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                            <line class={format!("mc-edge mc-edge--{}", kind.id())} x1="2" y1="12" x2="22" y2="12" />
                        </svg>
                        { ctx.t(key) }
                    </li>
                }) }
                <li>
                    <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
                        <line class="mc-hop mc-hop--still" x1="2" y1="12" x2="22" y2="12" />
                    </svg>
                    { ctx.t("ui.legend.path") }
                </li>
            </ul>
        </section>
    }
}

/// The networks view.
#[function_component]
pub fn Networks(props: &NetworksProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Networks is rendered inside the App's context");
    use_effect_with(props.focus, |focus| {
        if let Some(network) = focus {
            page::bring_into_view(&format!("mc-network-{}", network.id()));
        }
    });
    let card = |network: NetworkId| {
        let Some(info) = ctx.data.networks.iter().find(|n| n.id == network) else {
            return Html::default();
        };
        let filter = {
            let c = ctx.clone();
            Callback::from(move |_: MouseEvent| c.dispatch(Action::FilterNetwork(Some(network))))
        };
        let title_id = format!("mc-network-{}", network.id());
        let users: Vec<_> = ctx.data.using(network).collect();
        html! {
            <article class="mc-network" data-network={network.id()} aria-labelledby={title_id.clone()}>
                <h3 id={title_id} tabindex="-1">{ ctx.t(&text::network_name(network)) }</h3>
                if !info.guide {
                    <p class="mc-warning" data-not-guide="">{ ctx.t("ui.networks.not-guide") }</p>
                }
                <DiagramView diagram={architecture(network)} network={Some(network)} name={network.id()} />
                <p>{ ctx.long_text(&text::network_description(network)) }</p>
                <div class="mc-tradeoffs">
                    <div>
                        <h4>{ ctx.t("ui.networks.advantages") }</h4>
                        <ul>{ for (1..=info.advantages).map(|n| html! { <li>{ ctx.long_text(&text::network_advantage(network, n)) }</li> }) }</ul>
                    </div>
                    <div>
                        <h4>{ ctx.t("ui.networks.disadvantages") }</h4>
                        <ul>{ for (1..=info.disadvantages).map(|n| html! { <li>{ ctx.long_text(&text::network_disadvantage(network, n)) }</li> }) }</ul>
                    </div>
                </div>
                <h4>{ ctx.t("ui.networks.used-by") }</h4>
                if users.is_empty() {
                    <p class="mc-muted">{ ctx.t("ui.networks.none") }</p>
                } else {
                    <ul class="mc-inline-list">
                        { for users.iter().map(|m| html! {
                            <li><button type="button" class="mc-link-button" onclick={filter.clone()}>{ m.name.clone() }</button></li>
                        }) }
                    </ul>
                }
                <button type="button" class="mc-filter-button" data-filter-network={network.id()} onclick={filter}>
                    { ctx.fill("ui.networks.show", &[("network", &ctx.t(&text::network_name(network)))]) }
                </button>
            </article>
        }
    };
    html! {
        <section class="mc-networks" aria-labelledby="mc-networks-title">
            <h2 id="mc-networks-title">{ ctx.t("ui.networks.title") }</h2>
            <p>{ ctx.t("ui.networks.intro") }</p>
            { legend(&ctx) }
            <div class="mc-network-grid">
                { for NetworkId::ALL.into_iter().map(card) }
            </div>
        </section>
    }
}
