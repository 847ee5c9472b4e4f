//! While embedded, tells the host page how tall the widget is, so the iframe can fit it, and
//! reads the host's theme; as a host itself (the embed builder's preview), fits a frame to
//! the widget inside it.

use crate::model::host_message::{frame_height, host_theme, Received, HEIGHT_MESSAGE};
use crate::model::view_state::Theme;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The widget's own element: its box is the content's height, which the document's
/// `scrollHeight` is not (that never falls below the iframe's height, so a frame would only
/// ever grow).
fn widget(document: &web_sys::Document) -> Option<web_sys::Element> {
    document.query_selector(".mc").ok().flatten()
}

fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(widget) = widget(&document) else {
        return;
    };
    // From the top of the page to the widget's bottom edge, whole pixels, so that the frame
    // never cuts the last line.
    let scrolled = window.scroll_y().unwrap_or(0.0);
    let height = (widget.get_bounding_client_rect().bottom() + scrolled).ceil();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = Reflect::set(&message, &"height".into(), &JsValue::from_f64(height));
    // Only a number leaves the page; any host may read it, as it says nothing about the reader.
    let _ = parent.post_message(&message, "*");
}

/// Posts the content height now and whenever it changes. Called once; the observer lives as
/// long as the page.
pub fn report_height() {
    let Some(widget) = super::page::document().and_then(|d| widget(&d)) else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(post_height);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&widget);
        callback.forget();
    }
    post_height();
}

/// Listens for the host page's messages for as long as the page lives: only from the parent
/// window, only the documented theme message (see `model/host_message.rs`); the rest is
/// ignored.
pub fn listen_to_host(on_theme: yew::Callback<Theme>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_parent = event
                .source()
                .is_some_and(|source| JsValue::from(source) == JsValue::from(parent.clone()));
            if !from_parent {
                return;
            }
            let data = event.data();
            let field = |name: &str| {
                Reflect::get(&data, &name.into())
                    .ok()
                    .and_then(|v| v.as_string())
            };
            let (kind, theme) = (field("type"), field("theme"));
            let fields = data
                .dyn_ref::<Object>()
                .filter(|_| !data.is_function() && !js_sys::Array::is_array(&data))
                .map(|object| Object::keys(object).length() as usize);
            let received = Received {
                kind: kind.as_deref(),
                theme: theme.as_deref(),
                fields,
            };
            if let Some(theme) = host_theme(&received) {
                on_theme.emit(theme);
            }
        });
    let _ = window.add_event_listener_with_callback("message", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Fits the frame `frame` to the height the widget inside it reports, as `embed.js` does for a host
/// page: only messages from that frame's window, from this origin, in the documented shape.
/// Listens until the returned guard is dropped.
pub fn fit_frame(frame: &yew::NodeRef) -> Option<FrameFit> {
    let frame = frame.cast::<web_sys::HtmlIFrameElement>()?;
    let window = web_sys::window()?;
    let origin = window.location().origin().ok()?;
    let target = frame.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_frame = match (event.source(), target.content_window()) {
                (Some(source), Some(inner)) => JsValue::from(source) == JsValue::from(inner),
                _ => false,
            };
            if !from_frame || event.origin() != origin {
                return;
            }
            let data = event.data();
            let field = |name: &str| Reflect::get(&data, &name.into()).ok();
            let kind = field("type").and_then(|v| v.as_string());
            let height = field("height").and_then(|v| v.as_f64());
            if let Some(height) = frame_height(kind.as_deref(), height) {
                // Whole pixels: integer formatting keeps float formatting out of the wasm.
                let _ = target
                    .style()
                    .set_property("height", &format!("{}px", height.ceil() as i64));
            }
        });
    window
        .add_event_listener_with_callback("message", listener.as_ref().unchecked_ref())
        .ok()?;
    Some(FrameFit { listener })
}

/// Keeps a frame fitted (see [`fit_frame`]); dropping it stops listening.
pub struct FrameFit {
    listener: Closure<dyn FnMut(web_sys::MessageEvent)>,
}

impl Drop for FrameFit {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "message",
                self.listener.as_ref().unchecked_ref(),
            );
        }
    }
}
