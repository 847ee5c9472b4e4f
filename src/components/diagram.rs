//! Draws a [`Diagram`] as inline SVG: shapes by node kind, visible labels, and the message's
//! path highlighted hop by hop (animated in CSS, still under `prefers-reduced-motion`).

use crate::components::context::Ctx;
use crate::model::dataset::NetworkId;
use crate::model::layout::{label_lines, svg_number as n, Diagram, Node, NodeKind};
use crate::model::locale::Dir;
use yew::prelude::*;

/// Props of [`DiagramView`].
#[derive(Properties, PartialEq)]
pub struct DiagramViewProps {
    pub diagram: Diagram,
    /// The architecture drawn, for `data-network`; `None` for a messenger's own route.
    pub network: Option<NetworkId>,
    /// A stable id, unique on the page, for the SVG's title and description ids.
    pub name: &'static str,
}

/// The outline of a node: clients are circles, servers squares, homeservers rounded squares,
/// relays diamonds, so that shape and label both tell the kind, never colour alone.
pub fn node_shape(kind: NodeKind, x: f32, y: f32, r: f32, class: &'static str) -> Html {
    match kind {
        NodeKind::Client => {
            html! { <circle class={class} cx={n(x)} cy={n(y)} r={n(r)} /> }
        }
        NodeKind::Server | NodeKind::Homeserver => {
            let rx = if kind == NodeKind::Homeserver {
                r / 2.5
            } else {
                1.5
            };
            html! {
                <rect class={class} x={n(x - r)} y={n(y - r)}
                    width={n(2.0 * r)} height={n(2.0 * r)} rx={n(rx)} />
            }
        }
        NodeKind::Relay => {
            let d = r * 1.2;
            let points = format!(
                "{},{} {},{} {},{} {},{}",
                n(x),
                n(y - d),
                n(x + d),
                n(y),
                n(x),
                n(y + d),
                n(x - d),
                n(y)
            );
            html! { <polygon class={class} points={points} /> }
        }
    }
}

/// Labels longer than this many characters wrap onto a second line.
const LABEL_WRAP: usize = 11;

fn node_view(ctx: &Ctx, node: &Node, on_path: bool) -> Html {
    let label = ctx.t(node.label);
    let class = if on_path {
        "mc-node mc-node--path"
    } else {
        "mc-node"
    };
    html! {
        <g data-kind={node.kind.id()}>
            { node_shape(node.kind, node.x, node.y, node.r, class) }
            <text class="mc-node-label" x={n(node.x)} y={n(node.y + node.r + 10.0)} text-anchor="middle">
                { for label_lines(&label, LABEL_WRAP).into_iter().enumerate().map(|(i, line)| html! {
                    <tspan x={n(node.x)} dy={if i == 0 { "0" } else { "1.1em" }}>{ line.to_owned() }</tspan>
                }) }
            </text>
        </g>
    }
}

/// A diagram, mirrored for right-to-left languages so the message still travels in the
/// reading direction.
#[function_component]
pub fn DiagramView(props: &DiagramViewProps) -> Html {
    let ctx = use_context::<Ctx>().expect("DiagramView is rendered inside the App's context");
    let diagram = if ctx.locale().info().dir == Dir::Rtl {
        props.diagram.mirrored()
    } else {
        props.diagram.clone()
    };
    let title_id = format!("mc-diagram-{}-title", props.name);
    let desc_id = format!("mc-diagram-{}-desc", props.name);
    let title = match props.network {
        Some(n) => ctx.t(&crate::model::text::network_name(n)),
        None => ctx.t("ui.diagram.route"),
    };
    let line = |from: &Node, to: &Node, class: String, hop: Option<usize>| {
        html! {
            <line class={class} x1={n(from.x)} y1={n(from.y)} x2={n(to.x)} y2={n(to.y)}
                pathLength="1" data-hop={hop.map(|h| h.to_string())} />
        }
    };
    html! {
        <figure class="mc-diagram" data-network={props.network.map(NetworkId::id)} data-route={props.network.is_none().then_some(props.name)}>
            <svg viewBox={format!("0 0 {} {}", n(diagram.width), n(diagram.height))} role="img"
                aria-labelledby={format!("{title_id} {desc_id}")}>
                <title id={title_id}>{ title }</title>
                <desc id={desc_id}>{ ctx.t(diagram.description) }</desc>
                <g class="mc-edges">
                    { for diagram.edges.iter().map(|e| line(
                        &diagram.nodes[e.from], &diagram.nodes[e.to],
                        format!("mc-edge mc-edge--{}", e.kind.id()), None,
                    )) }
                </g>
                <g class="mc-path">
                    { for diagram.path.windows(2).enumerate().map(|(hop, pair)| line(
                        &diagram.nodes[pair[0]], &diagram.nodes[pair[1]],
                        "mc-hop".to_owned(), Some(hop),
                    )) }
                </g>
                <g class="mc-nodes">
                    { for diagram.nodes.iter().enumerate().map(|(i, n)| node_view(&ctx, n, diagram.path.contains(&i))) }
                </g>
            </svg>
            if props.network.is_none() {
                <figcaption>{ ctx.t(diagram.description) }</figcaption>
            }
        </figure>
    }
}
