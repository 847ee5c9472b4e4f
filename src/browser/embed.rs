//! While embedded, tells the host page how tall the widget is, so the iframe can fit it.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message type the host script listens for.
const MESSAGE_TYPE: &str = "messenger-compare:height";

fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(height) = window
        .document()
        .and_then(|d| d.document_element())
        .map(|root| root.scroll_height())
    else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let message = Object::new();
    let _ = Reflect::set(&message, &"type".into(), &MESSAGE_TYPE.into());
    let _ = Reflect::set(&message, &"height".into(), &JsValue::from(height));
    // Only a number leaves the page; any host may read it, as it says nothing about the reader.
    let _ = parent.post_message(&message, "*");
}

/// Posts the content height now and whenever it changes. Called once; the observer lives as
/// long as the page.
pub fn report_height() {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(post_height);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        if let Some(body) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
        {
            observer.observe(&body);
        }
        callback.forget();
    }
    post_height();
}
