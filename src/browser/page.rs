//! The URL, `localStorage`, `navigator.languages` and the `<html>` element.

use crate::model::locale::Dir;

const LANG_KEY: &str = "messenger-compare.lang";

/// The value of a query-string parameter of the page's URL.
pub fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get(name)
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be disabled or throw (private windows, sandboxed iframes): treat as absent.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored language choice, unparsed.
pub fn stored_locale() -> Option<String> {
    storage()?.get_item(LANG_KEY).ok().flatten()
}

/// Remembers the language choice; silently does nothing where storage is unavailable.
pub fn store_locale(tag: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(LANG_KEY, tag);
    }
}

/// The reader's preferred languages, most preferred first.
pub fn navigator_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default()
}

/// Sets `lang` and `dir` on the document element, so that the browser, screen readers and
/// the page's CSS all know the language.
pub fn set_document_language(tag: &str, dir: Dir) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", tag);
        let _ = root.set_attribute("dir", dir.attr());
    }
}
