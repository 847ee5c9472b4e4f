//! Reads a locale's texts: from a data block in the page (the single-file build carries them
//! inline), or else from the bundle's `locales/` folder, under the build id the page names.

use crate::model::locale::{Catalog, Locale, Texts};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The text of `locale`'s file, or why it could not be had.
pub async fn load(locale: Locale) -> Result<String, String> {
    let inline = super::page::document()
        .and_then(|d| d.get_element_by_id(&format!("mc-locale-{}", locale.tag())))
        .and_then(|e| e.text_content());
    if let Some(text) = inline {
        return Ok(text);
    }
    let window = web_sys::window().ok_or("no window")?;
    let path = bundle_path(locale);
    let failed = |what: &str| format!("{path}: {what}");
    let response = JsFuture::from(window.fetch_with_str(&path))
        .await
        .map_err(|_| failed("could not be fetched"))?
        .dyn_into::<web_sys::Response>()
        .map_err(|_| failed("no response"))?;
    if !response.ok() {
        return Err(failed(&format!("HTTP {}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(|_| failed("unreadable"))?)
        .await
        .map_err(|_| failed("unreadable"))?;
    text.as_string().ok_or_else(|| failed("not text"))
}

/// `locale`'s texts on top of `current`'s English fallback: English itself at once, any other
/// language once its file has been read and parsed.
pub async fn load_texts(current: &Texts, locale: Locale) -> Result<Texts, String> {
    if locale == Locale::ENGLISH {
        return Ok(current.fallback());
    }
    let text = load(locale).await?;
    current.with_locale(locale, &bundle_path(locale), &text)
}

/// The build's English file, read: the long texts the embedded English leaves out
/// (`model::long_text`).
pub async fn load_english() -> Result<Catalog, String> {
    let text = load(Locale::ENGLISH).await?;
    Catalog::parse(&bundle_path(Locale::ENGLISH), &text)
}

/// The page's build id, which `tools/postbuild.mjs` writes into
/// `<meta name="messenger-compare-build">`: a page keeps reading its own build's locale files
/// after a newer build is deployed (the service worker still holds them).
fn page_build() -> Option<String> {
    super::page::document()?
        .query_selector("meta[name=\"messenger-compare-build\"]")
        .ok()??
        .get_attribute("content")
}

fn bundle_path(locale: Locale) -> String {
    locale.bundle_path(page_build().as_deref())
}
