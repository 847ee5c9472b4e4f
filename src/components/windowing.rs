//! `use_windowing`: a long list renders only the rows in view (which rows: see
//! `model/viewport.rs`), with spacers standing for the rest.

use crate::browser::scroll_box;
use crate::model::viewport::{Metrics, Window, WINDOW_FROM};
use yew::prelude::*;

/// What a windowed list hands to its markup.
pub struct Windowing {
    /// Whether the list is long enough to window.
    pub active: bool,
    /// The rows to render and the spacers' heights.
    pub span: Window,
    /// The scroll box, its `onscroll`, and the spacer rows above and below the window.
    pub scroller: NodeRef,
    pub onscroll: Callback<Event>,
    pub top: NodeRef,
    pub bottom: NodeRef,
}

/// Windows a list of `total` rows when it is longer than [`WINDOW_FROM`]; a shorter one
/// renders every row.
#[hook]
pub fn use_windowing(total: usize) -> Windowing {
    let active = total > WINDOW_FROM;
    let scroller = use_node_ref();
    let (top, bottom) = (use_node_ref(), use_node_ref());
    let metrics = use_state(|| Metrics::GUESS);
    let span = if active {
        metrics.window(total)
    } else {
        Window {
            rows: 0..total,
            before: 0.0,
            after: 0.0,
        }
    };
    {
        let (scroller, metrics, top, bottom) = (
            scroller.clone(),
            metrics.clone(),
            top.clone(),
            bottom.clone(),
        );
        let heights = (span.before, span.after);
        use_effect(move || {
            scroll_box::set_height(&top, heights.0);
            scroll_box::set_height(&bottom, heights.1);
            if let Some(measured) = active.then(|| scroll_box::measure(&scroller)).flatten() {
                if metrics.resized(&measured) {
                    metrics.set(Metrics {
                        scroll_top: metrics.scroll_top,
                        ..measured
                    });
                }
            }
        });
    }
    let onscroll = {
        let (scroller, metrics) = (scroller.clone(), metrics.clone());
        Callback::from(move |_: Event| {
            if let Some(top) = scroll_box::scroll_top(&scroller) {
                if (top - metrics.scroll_top).abs() >= 1.0 {
                    metrics.set(Metrics {
                        scroll_top: top,
                        ..*metrics
                    });
                }
            }
        })
    };
    Windowing {
        active,
        span,
        scroller,
        onscroll,
        top,
        bottom,
    }
}
