//! Reads and sizes the matrix's scroll box for windowing.

use crate::model::viewport::Metrics;
use yew::NodeRef;

/// The box's scroll position and visible height, its header's height and a body row's.
pub fn measure(scroller: &NodeRef) -> Option<Metrics> {
    let el = scroller.cast::<web_sys::Element>()?;
    let height = |selector: &str| -> Option<f64> {
        Some(
            el.query_selector(selector)
                .ok()??
                .get_bounding_client_rect()
                .height(),
        )
    };
    Some(Metrics {
        scroll_top: f64::from(el.scroll_top()),
        viewport: f64::from(el.client_height()),
        row_height: height("tbody tr[data-messenger]")?,
        header: height("thead")?,
    })
}

/// How far the box is scrolled.
pub fn scroll_top(scroller: &NodeRef) -> Option<f64> {
    scroller
        .cast::<web_sys::Element>()
        .map(|el| f64::from(el.scroll_top()))
}

/// Sets an element's height through the CSSOM: the CSP refuses style attributes.
pub fn set_height(node: &NodeRef, pixels: f64) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        // Whole pixels: integer formatting keeps float formatting out of the wasm.
        let _ = el
            .style()
            .set_property("height", &format!("{}px", pixels.round() as i64));
    }
}
