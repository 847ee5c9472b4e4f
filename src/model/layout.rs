//! Network-architecture diagrams as data: nodes and edges with coordinates and one highlighted
//! message path from sender to recipient, ready to be drawn as inline SVG.
//!
//! Every coordinate is fixed, so the diagrams are the same on every run and in every build.
//! No text a reader sees lives here: nodes and diagrams carry text keys (`diagram.label.*`,
//! `diagram.path.*`) that the locale files translate. Diagrams with a path are laid out left to
//! right (sender at the left, recipient at the right); [`Diagram::mirrored`] flips them for
//! right-to-left languages.

use crate::model::dataset::NetworkId;
use crate::model::ids::{deserialize_by_id, id_enum};

/// Height reserved below every node for its text label, in viewBox units.
pub const LABEL_HEIGHT: f32 = 14.0;
/// Half the width reserved for a node's label, centred under the node, in viewBox units.
pub const LABEL_HALF_WIDTH: f32 = 22.0;
/// Least free space between the outlines of two nodes, in viewBox units.
pub const NODE_MARGIN: f32 = 8.0;

const ARCH_WIDTH: f32 = 320.0;
const ARCH_HEIGHT: f32 = 220.0;
const ROUTE_WIDTH: f32 = 320.0;
const ROUTE_HEIGHT: f32 = 100.0;
const ROUTE_Y: f32 = 42.0;

const SENDER: &str = "diagram.label.sender";
const RECIPIENT: &str = "diagram.label.recipient";
const CLIENT: &str = "diagram.label.client";
const PEER: &str = "diagram.label.peer";
const SERVER: &str = "diagram.label.server";
const HOMESERVER: &str = "diagram.label.homeserver";
const RELAY: &str = "diagram.label.relay";
const SIGNAL_SERVER: &str = "diagram.label.signal-server";
const TOR_RELAY: &str = "diagram.label.tor-relay";
const SERVICE_NODE: &str = "diagram.label.service-node";
const SIMPLEX_RELAY: &str = "diagram.label.simplex-relay";

/// What a node in a diagram stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// A user's device running the app (also a peer in a peer-to-peer network).
    Client,
    /// A central server run by the provider.
    Server,
    /// A federated server that hosts accounts and talks to other homeservers.
    Homeserver,
    /// A relay, service node, onion router or SimpleX relay server that forwards messages.
    Relay,
}

impl NodeKind {
    /// A stable id for styling (e.g. a CSS class or `data-kind`); not shown to readers.
    pub fn id(self) -> &'static str {
        match self {
            NodeKind::Client => "client",
            NodeKind::Server => "server",
            NodeKind::Homeserver => "homeserver",
            NodeKind::Relay => "relay",
        }
    }

    /// The node's half-size (radius) in viewBox units.
    pub fn radius(self) -> f32 {
        match self {
            NodeKind::Client => 10.0,
            NodeKind::Server => 16.0,
            NodeKind::Homeserver => 14.0,
            NodeKind::Relay => 10.0,
        }
    }
}

/// What an edge in a diagram stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// An internet connection between a device and a server, relay or peer.
    Link,
    /// A server-to-server connection between two homeservers.
    Federation,
    /// A direct radio connection (Wi-Fi or Bluetooth) with no internet; drawn dashed.
    Proximity,
}

impl EdgeKind {
    /// A stable id for styling (e.g. a CSS class or `data-kind`); not shown to readers.
    pub fn id(self) -> &'static str {
        match self {
            EdgeKind::Link => "link",
            EdgeKind::Federation => "federation",
            EdgeKind::Proximity => "proximity",
        }
    }
}

/// One node of a diagram, centred at (`x`, `y`); its label goes below it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    /// What the node stands for.
    pub kind: NodeKind,
    /// Horizontal centre in viewBox units.
    pub x: f32,
    /// Vertical centre in viewBox units.
    pub y: f32,
    /// Half-size in viewBox units, for drawing and collision.
    pub r: f32,
    /// Text key of the node's label.
    pub label: &'static str,
}

/// One undirected edge of a diagram, between two node indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Edge {
    /// Index of one end in [`Diagram::nodes`].
    pub from: usize,
    /// Index of the other end in [`Diagram::nodes`].
    pub to: usize,
    /// What the edge stands for.
    pub kind: EdgeKind,
}

/// A laid-out diagram: the SVG viewBox is `0 0 width height`.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagram {
    /// Width of the viewBox.
    pub width: f32,
    /// Height of the viewBox.
    pub height: f32,
    /// The nodes; edges and the path refer to them by index.
    pub nodes: Vec<Node>,
    /// The edges.
    pub edges: Vec<Edge>,
    /// Node indices from the sender (first) to the recipient (last); consecutive nodes are
    /// joined by an edge.
    pub path: Vec<usize>,
    /// Text key of a sentence telling the path in words.
    pub description: &'static str,
}

impl Diagram {
    /// The index of the edge joining nodes `a` and `b`, in either direction.
    pub fn edge_between(&self, a: usize, b: usize) -> Option<usize> {
        self.edges
            .iter()
            .position(|e| (e.from == a && e.to == b) || (e.from == b && e.to == a))
    }

    /// The indices of the edges along [`Diagram::path`], in order from the sender.
    pub fn path_edges(&self) -> Vec<usize> {
        self.path
            .windows(2)
            .filter_map(|w| self.edge_between(w[0], w[1]))
            .collect()
    }

    /// The same diagram flipped left to right (`x' = width - x`), for right-to-left languages.
    pub fn mirrored(&self) -> Diagram {
        let mut d = self.clone();
        for n in &mut d.nodes {
            n.x = d.width - n.x;
        }
        d
    }
}

id_enum! {
    /// A messenger's own message route (`routes` in `data/messengers.json`).
    pub enum Route {
        /// Through the Signal server (Signal, and Molly on Signal's network).
        Signal = "signal",
        /// Element (Matrix): through the sender's and the recipient's homeservers.
        Element = "element",
        /// Briar over the internet: through Tor onion services.
        BriarTor = "briar-tor",
        /// Briar nearby: directly over Wi-Fi or Bluetooth.
        BriarNearby = "briar-nearby",
        /// Session: through an onion path of service nodes.
        Session = "session",
        /// SimpleX: through relay servers the users choose, with no user ids.
        Simplex = "simplex",
    }
}
deserialize_by_id!(Route);

/// Builds a diagram node by node.
struct Builder {
    d: Diagram,
}

impl Builder {
    fn new(width: f32, height: f32, description: &'static str) -> Builder {
        Builder {
            d: Diagram {
                width,
                height,
                nodes: Vec::new(),
                edges: Vec::new(),
                path: Vec::new(),
                description,
            },
        }
    }

    fn node(&mut self, kind: NodeKind, x: f32, y: f32, label: &'static str) -> usize {
        self.d.nodes.push(Node {
            kind,
            x,
            y,
            r: kind.radius(),
            label,
        });
        self.d.nodes.len() - 1
    }

    fn edge(&mut self, from: usize, to: usize, kind: EdgeKind) {
        self.d.edges.push(Edge { from, to, kind });
    }

    fn link(&mut self, from: usize, to: usize) {
        self.edge(from, to, EdgeKind::Link);
    }

    fn finish(mut self, path: Vec<usize>) -> Diagram {
        self.d.path = path;
        self.d
    }
}

/// The generic diagram of one network architecture.
pub fn architecture(network: NetworkId) -> Diagram {
    match network {
        NetworkId::Centralized => centralized(),
        NetworkId::Federated => federated(),
        NetworkId::P2p => p2p(),
        NetworkId::AnonymousRouting => anonymous_routing(),
        NetworkId::IndependentRelays => independent_relays(),
    }
}

/// A coordinate as SVG text, to a tenth of a unit (finer is invisible at the sizes drawn),
/// with integer formatting only: the browser build carries no float formatting code.
pub fn svg_number(v: f32) -> String {
    let tenths = (v * 10.0).round() as i32;
    let sign = if tenths < 0 { "-" } else { "" };
    let (whole, tenth) = (tenths.abs() / 10, tenths.abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// One server in the middle, six clients around it.
fn centralized() -> Diagram {
    use NodeKind::*;
    let mut b = Builder::new(ARCH_WIDTH, ARCH_HEIGHT, "diagram.path.centralized");
    let server = b.node(Server, 160.0, 100.0, SERVER);
    let sender = b.node(Client, 35.0, 100.0, SENDER);
    let recipient = b.node(Client, 285.0, 100.0, RECIPIENT);
    let others = [
        b.node(Client, 95.0, 35.0, CLIENT),
        b.node(Client, 225.0, 35.0, CLIENT),
        b.node(Client, 95.0, 165.0, CLIENT),
        b.node(Client, 225.0, 165.0, CLIENT),
    ];
    b.link(sender, server);
    b.link(server, recipient);
    for c in others {
        b.link(c, server);
    }
    b.finish(vec![sender, server, recipient])
}

/// Three homeservers federating with each other, each hosting a few clients.
fn federated() -> Diagram {
    use NodeKind::*;
    let mut b = Builder::new(ARCH_WIDTH, ARCH_HEIGHT, "diagram.path.federated");
    let hs_left = b.node(Homeserver, 90.0, 95.0, HOMESERVER);
    let hs_right = b.node(Homeserver, 230.0, 95.0, HOMESERVER);
    let hs_bottom = b.node(Homeserver, 160.0, 150.0, HOMESERVER);
    b.edge(hs_left, hs_right, EdgeKind::Federation);
    b.edge(hs_left, hs_bottom, EdgeKind::Federation);
    b.edge(hs_bottom, hs_right, EdgeKind::Federation);

    let sender = b.node(Client, 25.0, 95.0, SENDER);
    b.link(sender, hs_left);
    for (x, y) in [(60.0, 32.0), (120.0, 32.0)] {
        let c = b.node(Client, x, y, CLIENT);
        b.link(c, hs_left);
    }
    for (x, y) in [(100.0, 182.0), (220.0, 182.0)] {
        let c = b.node(Client, x, y, CLIENT);
        b.link(c, hs_bottom);
    }
    let recipient = b.node(Client, 295.0, 95.0, RECIPIENT);
    b.link(hs_right, recipient);
    for (x, y) in [(200.0, 32.0), (260.0, 32.0)] {
        let c = b.node(Client, x, y, CLIENT);
        b.link(c, hs_right);
    }
    b.finish(vec![sender, hs_left, hs_right, recipient])
}

/// Eight peers in a mesh with no servers; the sender reaches the recipient directly.
fn p2p() -> Diagram {
    use NodeKind::*;
    let mut b = Builder::new(ARCH_WIDTH, ARCH_HEIGHT, "diagram.path.p2p");
    let sender = b.node(Client, 30.0, 100.0, SENDER);
    let recipient = b.node(Client, 290.0, 100.0, RECIPIENT);
    let top = [
        b.node(Client, 95.0, 35.0, PEER),
        b.node(Client, 160.0, 25.0, PEER),
        b.node(Client, 225.0, 35.0, PEER),
    ];
    let bottom = [
        b.node(Client, 95.0, 165.0, PEER),
        b.node(Client, 160.0, 175.0, PEER),
        b.node(Client, 225.0, 165.0, PEER),
    ];
    b.link(sender, recipient);
    for row in [top, bottom] {
        b.link(sender, row[0]);
        b.link(row[0], row[1]);
        b.link(row[1], row[2]);
        b.link(row[2], recipient);
    }
    b.link(top[0], bottom[1]);
    b.link(top[1], bottom[2]);
    b.finish(vec![sender, recipient])
}

/// Sender and recipient at the ends, a mesh of relays between them; the path zigzags through
/// one relay of each column, so no relay on it sees both ends.
fn anonymous_routing() -> Diagram {
    use NodeKind::*;
    let mut b = Builder::new(ARCH_WIDTH, ARCH_HEIGHT, "diagram.path.anonymous-routing");
    let sender = b.node(Client, 25.0, 110.0, SENDER);
    let recipient = b.node(Client, 295.0, 110.0, RECIPIENT);
    let first = [
        b.node(Relay, 90.0, 55.0, RELAY),
        b.node(Relay, 90.0, 165.0, RELAY),
    ];
    let middle = [
        b.node(Relay, 160.0, 25.0, RELAY),
        b.node(Relay, 160.0, 110.0, RELAY),
        b.node(Relay, 160.0, 185.0, RELAY),
    ];
    let last = [
        b.node(Relay, 230.0, 55.0, RELAY),
        b.node(Relay, 230.0, 165.0, RELAY),
    ];
    for r in first {
        b.link(sender, r);
    }
    b.link(first[0], middle[0]);
    b.link(first[0], middle[1]);
    b.link(first[1], middle[1]);
    b.link(first[1], middle[2]);
    b.link(middle[0], last[0]);
    b.link(middle[1], last[0]);
    b.link(middle[1], last[1]);
    b.link(middle[2], last[1]);
    for r in last {
        b.link(r, recipient);
    }
    b.finish(vec![sender, first[0], middle[1], last[1], recipient])
}

/// Relays that neither federate nor know of each other: each person receives through relays
/// of their choosing, and a sender delivers straight to the recipient's relay.
fn independent_relays() -> Diagram {
    use NodeKind::*;
    let mut b = Builder::new(ARCH_WIDTH, ARCH_HEIGHT, "diagram.path.independent-relays");
    let sender = b.node(Client, 25.0, 110.0, SENDER);
    let recipient = b.node(Client, 295.0, 110.0, RECIPIENT);
    let top = b.node(Relay, 160.0, 30.0, RELAY);
    let middle = b.node(Relay, 160.0, 110.0, RELAY);
    let bottom = b.node(Relay, 160.0, 180.0, RELAY);
    let left = b.node(Client, 70.0, 185.0, CLIENT);
    let right = b.node(Client, 250.0, 35.0, CLIENT);
    b.link(sender, middle);
    b.link(middle, recipient);
    b.link(sender, top);
    b.link(recipient, bottom);
    b.link(left, bottom);
    b.link(right, top);
    b.finish(vec![sender, middle, recipient])
}

/// The route diagram of one messenger.
pub fn route(route: Route) -> Diagram {
    use NodeKind::*;
    let description = match route {
        Route::Signal => "diagram.path.signal",
        Route::Element => "diagram.path.element",
        Route::BriarTor => "diagram.path.briar-tor",
        Route::BriarNearby => "diagram.path.briar-nearby",
        Route::Session => "diagram.path.session",
        Route::Simplex => "diagram.path.simplex",
    };
    let (hops, middle_edge): (&[(NodeKind, &'static str)], EdgeKind) = match route {
        Route::Signal => (&[(Server, SIGNAL_SERVER)], EdgeKind::Link),
        Route::Element => (
            &[(Homeserver, HOMESERVER), (Homeserver, HOMESERVER)],
            EdgeKind::Federation,
        ),
        Route::BriarTor => (
            &[(Relay, TOR_RELAY), (Relay, TOR_RELAY), (Relay, TOR_RELAY)],
            EdgeKind::Link,
        ),
        Route::BriarNearby => (&[], EdgeKind::Proximity),
        Route::Session => (
            &[
                (Relay, SERVICE_NODE),
                (Relay, SERVICE_NODE),
                (Relay, SERVICE_NODE),
            ],
            EdgeKind::Link,
        ),
        // The sender's client forwards through a relay it chose (private message routing) to
        // the relay holding the recipient's queue, chosen by the recipient.
        Route::Simplex => (
            &[(Relay, SIMPLEX_RELAY), (Relay, SIMPLEX_RELAY)],
            EdgeKind::Link,
        ),
    };
    chain(description, hops, middle_edge)
}

/// A left-to-right chain: sender, the given hops evenly spaced, recipient. The first and last
/// edges are links (or `middle_edge` when there are no hops); edges between hops are
/// `middle_edge`.
fn chain(
    description: &'static str,
    hops: &[(NodeKind, &'static str)],
    middle_edge: EdgeKind,
) -> Diagram {
    const END_X: f32 = 35.0;
    let mut b = Builder::new(ROUTE_WIDTH, ROUTE_HEIGHT, description);
    let count = hops.len() + 2;
    let step = (ROUTE_WIDTH - 2.0 * END_X) / (count - 1) as f32;
    // Whole units keep the SVG short and make mirroring exact.
    let x = |i: usize| (END_X + step * i as f32).round();
    let mut path = Vec::with_capacity(count);
    path.push(b.node(NodeKind::Client, x(0), ROUTE_Y, SENDER));
    for (i, &(kind, label)) in hops.iter().enumerate() {
        path.push(b.node(kind, x(i + 1), ROUTE_Y, label));
    }
    path.push(b.node(NodeKind::Client, x(count - 1), ROUTE_Y, RECIPIENT));
    for i in 0..count - 1 {
        let ends = i == 0 || i == count - 2;
        let kind = if ends && !hops.is_empty() {
            EdgeKind::Link
        } else {
            middle_edge
        };
        b.edge(path[i], path[i + 1], kind);
    }
    b.finish(path)
}

/// Every label and description key any diagram uses, sorted and without duplicates.
pub fn text_keys() -> Vec<&'static str> {
    let diagrams = NetworkId::ALL
        .into_iter()
        .map(architecture)
        .chain(Route::ALL.into_iter().map(route));
    let mut keys = Vec::new();
    for d in diagrams {
        keys.push(d.description);
        keys.extend(d.nodes.iter().map(|n| n.label));
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// Splits a translated label into at most two lines, at the space nearest its middle, when
/// it is longer than `max` characters; short labels and labels without a space stay whole.
pub fn label_lines(text: &str, max: usize) -> Vec<&str> {
    let length = text.chars().count();
    if length <= max {
        return vec![text];
    }
    let middle = text.len() / 2;
    let split = text
        .match_indices(' ')
        .map(|(i, _)| i)
        .min_by_key(|i| i.abs_diff(middle));
    match split {
        Some(i) => vec![&text[..i], &text[i + 1..]],
        None => vec![text],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_numbers_are_tenths_written_without_float_formatting() {
        for (v, text) in [
            (0.0, "0"),
            (12.0, "12"),
            (3.6, "3.6"),
            (3.64, "3.6"),
            (3.66, "3.7"),
            (-0.04, "0"),
            (-2.5, "-2.5"),
            (-0.5, "-0.5"),
            (320.0, "320"),
        ] {
            assert_eq!(svg_number(v), text, "{v}");
        }
        // Every coordinate of every diagram, as written, reads back within a twentieth.
        for (_, d) in all() {
            for node in &d.nodes {
                for v in [node.x, node.y, node.r] {
                    let back: f32 = svg_number(v).parse().unwrap();
                    assert!((back - v).abs() <= 0.05 + f32::EPSILON, "{v}");
                }
            }
        }
    }

    fn all() -> Vec<(String, Diagram)> {
        NetworkId::ALL
            .into_iter()
            .map(|n| (n.id().to_string(), architecture(n)))
            .chain(
                Route::ALL
                    .into_iter()
                    .map(|r| (format!("route {}", r.id()), route(r))),
            )
            .collect()
    }

    fn count(d: &Diagram, kind: NodeKind) -> usize {
        d.nodes.iter().filter(|n| n.kind == kind).count()
    }

    fn neighbours(d: &Diagram, a: usize, b: usize) -> bool {
        d.edge_between(a, b).is_some()
    }

    #[test]
    fn node_and_edge_counts() {
        let expected: [(Diagram, usize, usize); 11] = [
            (architecture(NetworkId::Centralized), 7, 6),
            (architecture(NetworkId::Federated), 11, 11),
            (architecture(NetworkId::P2p), 8, 11),
            (architecture(NetworkId::AnonymousRouting), 9, 12),
            (architecture(NetworkId::IndependentRelays), 7, 6),
            (route(Route::Signal), 3, 2),
            (route(Route::Element), 4, 3),
            (route(Route::BriarTor), 5, 4),
            (route(Route::BriarNearby), 2, 1),
            (route(Route::Session), 5, 4),
            (route(Route::Simplex), 4, 3),
        ];
        for (d, nodes, edges) in expected {
            assert_eq!(d.nodes.len(), nodes, "{}", d.description);
            assert_eq!(d.edges.len(), edges, "{}", d.description);
        }
    }

    #[test]
    fn edges_join_two_existing_distinct_nodes() {
        for (name, d) in all() {
            for e in &d.edges {
                assert!(
                    e.from < d.nodes.len() && e.to < d.nodes.len(),
                    "{name}: {e:?}"
                );
                assert_ne!(e.from, e.to, "{name}: {e:?}");
            }
        }
    }

    #[test]
    fn no_duplicate_edges() {
        for (name, d) in all() {
            for (i, e) in d.edges.iter().enumerate() {
                assert_eq!(d.edge_between(e.from, e.to), Some(i), "{name}: {e:?}");
            }
        }
    }

    #[test]
    fn no_isolated_nodes_and_connected() {
        for (name, d) in all() {
            let mut seen = vec![false; d.nodes.len()];
            let mut stack = vec![0];
            seen[0] = true;
            while let Some(a) = stack.pop() {
                for e in &d.edges {
                    let other = if e.from == a {
                        e.to
                    } else if e.to == a {
                        e.from
                    } else {
                        continue;
                    };
                    if !seen[other] {
                        seen[other] = true;
                        stack.push(other);
                    }
                }
            }
            assert!(seen.iter().all(|&s| s), "{name}: not connected");
        }
    }

    #[test]
    fn nodes_do_not_overlap() {
        for (name, d) in all() {
            for (i, a) in d.nodes.iter().enumerate() {
                for b in &d.nodes[i + 1..] {
                    let dist = (a.x - b.x).hypot(a.y - b.y);
                    assert!(
                        dist > a.r + b.r + NODE_MARGIN,
                        "{name}: {a:?} and {b:?} overlap"
                    );
                }
            }
        }
    }

    #[test]
    fn edges_do_not_pass_through_other_nodes() {
        for (name, d) in all() {
            for e in &d.edges {
                let (a, b) = (&d.nodes[e.from], &d.nodes[e.to]);
                let (dx, dy) = (b.x - a.x, b.y - a.y);
                for (i, n) in d.nodes.iter().enumerate() {
                    if i == e.from || i == e.to {
                        continue;
                    }
                    let t = (((n.x - a.x) * dx + (n.y - a.y) * dy) / (dx * dx + dy * dy))
                        .clamp(0.0, 1.0);
                    let dist = (a.x + t * dx - n.x).hypot(a.y + t * dy - n.y);
                    assert!(dist > n.r + 2.0, "{name}: {e:?} passes through {n:?}");
                }
            }
        }
    }

    /// Label box under a node: (left, top, right, bottom).
    fn label_box(n: &Node) -> (f32, f32, f32, f32) {
        (
            n.x - LABEL_HALF_WIDTH,
            n.y + n.r,
            n.x + LABEL_HALF_WIDTH,
            n.y + n.r + LABEL_HEIGHT,
        )
    }

    fn node_box(n: &Node) -> (f32, f32, f32, f32) {
        (n.x - n.r, n.y - n.r, n.x + n.r, n.y + n.r)
    }

    fn intersects(a: (f32, f32, f32, f32), b: (f32, f32, f32, f32)) -> bool {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    }

    fn assert_inside(name: &str, d: &Diagram) {
        for n in &d.nodes {
            assert!(n.x - n.r >= 0.0 && n.x + n.r <= d.width, "{name}: {n:?}");
            assert!(n.y - n.r >= 0.0 && n.y + n.r <= d.height, "{name}: {n:?}");
            let (left, _, right, bottom) = label_box(n);
            assert!(bottom <= d.height, "{name}: no label room below {n:?}");
            assert!(
                left >= 0.0 && right <= d.width,
                "{name}: label of {n:?} cut off"
            );
        }
    }

    #[test]
    fn nodes_and_labels_inside_viewbox() {
        for (name, d) in all() {
            assert!(d.width > 0.0 && d.height > 0.0 && d.width <= 400.0 && d.height <= 300.0);
            assert_inside(&name, &d);
        }
    }

    #[test]
    fn labels_clear_of_other_nodes_and_labels() {
        for (name, d) in all() {
            for (i, a) in d.nodes.iter().enumerate() {
                for (j, b) in d.nodes.iter().enumerate() {
                    if i == j {
                        continue;
                    }
                    assert!(
                        !intersects(label_box(a), node_box(b)),
                        "{name}: label of {a:?} covers {b:?}"
                    );
                    if i < j {
                        assert!(
                            !intersects(label_box(a), label_box(b)),
                            "{name}: labels of {a:?} and {b:?} collide"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn path_runs_from_sender_to_recipient_along_edges() {
        for (name, d) in all() {
            assert!(d.path.len() >= 2, "{name}");
            let first = &d.nodes[d.path[0]];
            let last = &d.nodes[*d.path.last().unwrap()];
            assert_eq!(first.label, SENDER, "{name}");
            assert_eq!(last.label, RECIPIENT, "{name}");
            assert_eq!(first.kind, NodeKind::Client, "{name}");
            assert_eq!(last.kind, NodeKind::Client, "{name}");
            for (i, a) in d.path.iter().enumerate() {
                assert!(*a < d.nodes.len(), "{name}");
                assert!(!d.path[i + 1..].contains(a), "{name}: node {a} repeated");
            }
            for w in d.path.windows(2) {
                assert!(d.edge_between(w[0], w[1]).is_some(), "{name}: {w:?}");
            }
            assert_eq!(d.path_edges().len(), d.path.len() - 1, "{name}");
        }
    }

    #[test]
    fn exactly_one_sender_and_one_recipient() {
        for (name, d) in all() {
            let senders = d.nodes.iter().filter(|n| n.label == SENDER).count();
            let recipients = d.nodes.iter().filter(|n| n.label == RECIPIENT).count();
            assert_eq!((senders, recipients), (1, 1), "{name}");
        }
    }

    #[test]
    fn sender_left_of_recipient_and_path_left_to_right() {
        for (name, d) in all() {
            let xs: Vec<f32> = d.path.iter().map(|&i| d.nodes[i].x).collect();
            assert!(xs.windows(2).all(|w| w[0] < w[1]), "{name}: {xs:?}");
        }
    }

    #[test]
    fn centralized_path_goes_through_the_server() {
        let d = architecture(NetworkId::Centralized);
        assert_eq!(count(&d, NodeKind::Server), 1);
        assert_eq!(count(&d, NodeKind::Client), 6);
        assert_eq!(d.path.len(), 3);
        assert_eq!(d.nodes[d.path[1]].kind, NodeKind::Server);
        assert_eq!(d.nodes[d.path[1]].label, SERVER);
        let server = d.path[1];
        for (i, n) in d.nodes.iter().enumerate() {
            if n.kind == NodeKind::Client {
                assert!(
                    neighbours(&d, i, server),
                    "client {i} not linked to the server"
                );
            }
        }
        assert_eq!(d.description, "diagram.path.centralized");
    }

    #[test]
    fn federated_path_crosses_a_federation_edge() {
        let d = architecture(NetworkId::Federated);
        assert_eq!(count(&d, NodeKind::Homeserver), 3);
        assert_eq!(d.path.len(), 4);
        let (hs_a, hs_b) = (d.path[1], d.path[2]);
        assert_ne!(hs_a, hs_b);
        assert_eq!(d.nodes[hs_a].kind, NodeKind::Homeserver);
        assert_eq!(d.nodes[hs_b].kind, NodeKind::Homeserver);
        let crossing = d
            .path_edges()
            .into_iter()
            .filter(|&e| d.edges[e].kind == EdgeKind::Federation);
        assert_eq!(crossing.count(), 1);
        // Homeservers federate with each other; every client hangs off 1 homeserver, 2–3 each.
        let homeservers: Vec<usize> = (0..d.nodes.len())
            .filter(|&i| d.nodes[i].kind == NodeKind::Homeserver)
            .collect();
        for (k, &a) in homeservers.iter().enumerate() {
            for &b in &homeservers[k + 1..] {
                let e = d.edge_between(a, b).expect("homeservers not federated");
                assert_eq!(d.edges[e].kind, EdgeKind::Federation);
            }
            let clients = d
                .edges
                .iter()
                .filter(|e| e.from == a || e.to == a)
                .filter(|e| e.kind == EdgeKind::Link)
                .count();
            assert!(
                (2..=3).contains(&clients),
                "homeserver {a} has {clients} clients"
            );
        }
        for e in &d.edges {
            if e.kind == EdgeKind::Federation {
                assert_eq!(d.nodes[e.from].kind, NodeKind::Homeserver);
                assert_eq!(d.nodes[e.to].kind, NodeKind::Homeserver);
            }
        }
    }

    #[test]
    fn independent_relays_are_never_linked_to_each_other() {
        let d = architecture(NetworkId::IndependentRelays);
        for e in &d.edges {
            let kinds = (d.nodes[e.from].kind, d.nodes[e.to].kind);
            assert_ne!(kinds, (NodeKind::Relay, NodeKind::Relay), "{e:?}");
            assert_eq!(e.kind, EdgeKind::Link);
        }
        let kinds: Vec<NodeKind> = d.path.iter().map(|&i| d.nodes[i].kind).collect();
        assert_eq!(kinds, [NodeKind::Client, NodeKind::Relay, NodeKind::Client]);
    }

    #[test]
    fn p2p_has_only_peers_in_a_mesh_and_a_direct_link() {
        let d = architecture(NetworkId::P2p);
        assert!(d.nodes.iter().all(|n| n.kind == NodeKind::Client));
        assert!(d
            .nodes
            .iter()
            .all(|n| [SENDER, RECIPIENT, PEER].contains(&n.label)));
        assert_eq!(d.path.len(), 2);
        let e = d.edge_between(d.path[0], d.path[1]).unwrap();
        assert_eq!(d.edges[e].kind, EdgeKind::Link);
        for i in 0..d.nodes.len() {
            let degree = d.edges.iter().filter(|e| e.from == i || e.to == i).count();
            assert!((2..=3).contains(&degree), "peer {i} has {degree} links");
        }
    }

    #[test]
    fn anonymous_routing_path_uses_three_relays_none_seeing_both_ends() {
        let d = architecture(NetworkId::AnonymousRouting);
        let (sender, recipient) = (d.path[0], *d.path.last().unwrap());
        let inner = &d.path[1..d.path.len() - 1];
        assert_eq!(inner.len(), 3);
        for &r in inner {
            assert_eq!(d.nodes[r].kind, NodeKind::Relay);
            assert_eq!(d.nodes[r].label, RELAY);
            assert!(
                !(neighbours(&d, r, sender) && neighbours(&d, r, recipient)),
                "relay {r} sees both ends"
            );
        }
        assert!(!neighbours(&d, sender, recipient));
        assert!(count(&d, NodeKind::Relay) > 3);
        assert_eq!(
            d.nodes[sender].x,
            d.nodes.iter().map(|n| n.x).fold(f32::MAX, f32::min)
        );
        assert_eq!(
            d.nodes[recipient].x,
            d.nodes.iter().map(|n| n.x).fold(f32::MIN, f32::max)
        );
    }

    #[test]
    fn routes_have_the_documented_hops() {
        let hops = |r: Route| -> Vec<(NodeKind, &'static str)> {
            let d = route(r);
            d.path[1..d.path.len() - 1]
                .iter()
                .map(|&i| (d.nodes[i].kind, d.nodes[i].label))
                .collect()
        };
        use NodeKind::*;
        assert_eq!(hops(Route::Signal), [(Server, SIGNAL_SERVER)]);
        assert_eq!(hops(Route::Element), [(Homeserver, HOMESERVER); 2]);
        assert_eq!(hops(Route::BriarTor), [(Relay, TOR_RELAY); 3]);
        assert_eq!(hops(Route::BriarNearby), []);
        assert_eq!(hops(Route::Session), [(Relay, SERVICE_NODE); 3]);
        assert_eq!(hops(Route::Simplex), [(Relay, SIMPLEX_RELAY); 2]);
        for r in Route::ALL {
            let d = route(r);
            // A route diagram shows only its path.
            assert_eq!(d.path.len(), d.nodes.len(), "{}", r.id());
            assert_eq!(d.description, format!("diagram.path.{}", r.id()));
        }
    }

    #[test]
    fn route_edge_kinds() {
        let kinds = |r: Route| -> Vec<EdgeKind> {
            let d = route(r);
            d.path_edges()
                .into_iter()
                .map(|e| d.edges[e].kind)
                .collect()
        };
        use EdgeKind::*;
        assert_eq!(kinds(Route::Element), [Link, Federation, Link]);
        assert_eq!(kinds(Route::BriarNearby), [Proximity]);
        for r in [
            Route::Signal,
            Route::BriarTor,
            Route::Session,
            Route::Simplex,
        ] {
            assert!(kinds(r).iter().all(|&k| k == Link), "{}", r.id());
        }
        // Proximity edges appear only in Briar's nearby route.
        for (name, d) in all() {
            let has = d.edges.iter().any(|e| e.kind == Proximity);
            assert_eq!(has, name == "route briar-nearby", "{name}");
        }
    }

    #[test]
    fn descriptions_match_architectures() {
        for n in NetworkId::ALL {
            assert_eq!(
                architecture(n).description,
                format!("diagram.path.{}", n.id())
            );
        }
    }

    #[test]
    fn mirrored_flips_x_and_stays_inside() {
        for (name, d) in all() {
            let m = d.mirrored();
            assert_inside(&name, &m);
            assert_eq!((m.width, m.height), (d.width, d.height));
            assert_eq!(
                (&m.edges, &m.path, m.description),
                (&d.edges, &d.path, d.description)
            );
            for (a, b) in d.nodes.iter().zip(&m.nodes) {
                assert_eq!(b.x, d.width - a.x, "{name}");
                assert_eq!((b.y, b.r, b.kind, b.label), (a.y, a.r, a.kind, a.label));
            }
            // The recipient now sits to the left of the sender.
            let first = m.nodes[m.path[0]].x;
            let last = m.nodes[*m.path.last().unwrap()].x;
            assert!(first > last, "{name}");
            assert_eq!(m.mirrored(), d, "{name}");
        }
    }

    #[test]
    fn edge_between_either_way() {
        let d = route(Route::Signal);
        assert_eq!(d.edge_between(0, 1), Some(0));
        assert_eq!(d.edge_between(1, 0), Some(0));
        assert_eq!(d.edge_between(0, 2), None);
        assert_eq!(d.edge_between(0, 99), None);
    }

    #[test]
    fn text_keys_sorted_complete_and_keys_only() {
        let keys = text_keys();
        assert!(
            keys.windows(2).all(|w| w[0] < w[1]),
            "not sorted or duplicated"
        );
        for (name, d) in all() {
            assert!(keys.contains(&d.description), "{name}");
            for n in &d.nodes {
                assert!(keys.contains(&n.label), "{name}: {}", n.label);
            }
        }
        for k in &keys {
            let rest = k
                .strip_prefix("diagram.label.")
                .or_else(|| k.strip_prefix("diagram.path."))
                .unwrap_or_else(|| panic!("unexpected key {k}"));
            assert!(
                !rest.is_empty()
                    && rest
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{k}"
            );
        }
        assert_eq!(keys.len(), 22);
    }

    #[test]
    fn long_labels_wrap_at_the_middle_space() {
        assert_eq!(label_lines("Sender", 10), ["Sender"]);
        assert_eq!(
            label_lines("Serveur d’accueil", 10),
            ["Serveur", "d’accueil"]
        );
        assert_eq!(label_lines("Nodo de servicio", 10), ["Nodo de", "servicio"]);
        assert_eq!(label_lines("Homeserverserver", 10), ["Homeserverserver"]);
        assert_eq!(label_lines("服務節點", 3), ["服務節點"]);
        assert_eq!(label_lines("", 10), [""]);
    }
}
