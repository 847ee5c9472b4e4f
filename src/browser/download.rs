//! Saving a file the page made: an `<a download>` with a `data:` URL, so that nothing is
//! fetched and no object URL outlives the click.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `name`, of the given MIME type. Does nothing where
/// the browser refuses (no document, say): the page stays as it is.
pub fn save(name: &str, mime: &str, contents: &str) {
    let Some(document) = super::page::document() else {
        return;
    };
    let Ok(link) = document.create_element("a") else {
        return;
    };
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(contents)
    );
    let _ = link.set_attribute("href", &href);
    let _ = link.set_attribute("download", name);
    if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
        link.click();
    }
}
