//! The URL, `localStorage`, `navigator.languages` and the `<html>` element.

use crate::model::locale::Dir;

const LANG_KEY: &str = "messenger-compare.lang";

/// The page's document, the one way in for every module here: `None` where there is none.
pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The document element (`<html>`).
fn html() -> Option<web_sys::Element> {
    document()?.document_element()
}

fn storage() -> Option<web_sys::Storage> {
    // Storage can be disabled or throw (private windows, sandboxed iframes): treat as absent.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The element the widget mounts into: `#messenger-compare`, or else the body.
pub fn mount_root() -> Option<web_sys::Element> {
    let document = document()?;
    document
        .get_element_by_id("messenger-compare")
        .or_else(|| document.body().map(Into::into))
}

/// Where the app mounts in `root`, and whether `root` holds served markup: then a new element
/// after that markup (a mount empties its element, and the markup stays until the app takes
/// its place, see [`remove_served`]), else `root` itself.
pub fn app_host(root: &web_sys::Element) -> (web_sys::Element, bool) {
    let served = root.child_element_count() > 0;
    let host = served
        .then(|| document()?.create_element("div").ok())
        .flatten()
        .filter(|host| root.append_child(host).is_ok());
    match host {
        Some(host) => (host, true),
        None => (root.clone(), false),
    }
}

/// Removes the served markup beside the app's host (see [`app_host`]), `app` being the app's
/// element in it.
pub fn remove_served(app: &yew::NodeRef) {
    let Some(host) = app.get().and_then(|element| element.parent_node()) else {
        return;
    };
    let Some(root) = host.parent_node() else {
        return;
    };
    // The host was appended after the served markup: all of it comes before.
    while let Some(served) = host.previous_sibling() {
        if root.remove_child(&served).is_err() {
            return;
        }
    }
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
    if let Some(root) = html() {
        let _ = root.set_attribute("lang", tag);
        let _ = root.set_attribute("dir", dir.attr());
    }
}

/// The page's query string, with its leading `?` (empty when there is none).
pub fn query_string() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

thread_local! {
    /// The query the address bar is to show, while its write waits for the next frame.
    static PENDING_QUERY: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Replaces the address bar's query string without a reload or a new history entry, so the
/// address is always a link to the current view. The write waits until the frame that shows
/// the change has been painted (or 200 ms, where no frame comes): `history.replaceState`
/// brings the page's style up to date, which in an interaction's task is work done twice
/// (measured: 17-20 ms of a switch back to English). Writes in between are coalesced.
pub fn replace_query(query: &str) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let already_scheduled = PENDING_QUERY.with(|p| p.replace(Some(query.to_owned())).is_some());
    if already_scheduled {
        return;
    }
    let after_paint = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(window) = web_sys::window() {
            let flush = wasm_bindgen::closure::Closure::once_into_js(flush_query);
            let _ = window.set_timeout_with_callback(flush.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(after_paint.unchecked_ref());
    let fallback = wasm_bindgen::closure::Closure::once_into_js(flush_query);
    let _ =
        window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 200);
}

/// Writes the pending query, if any is still pending.
fn flush_query() {
    let Some(query) = PENDING_QUERY.with(|p| p.take()) else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(path) = window.location().pathname() else {
        return;
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{query}")),
        );
    }
}

/// Resolves in a later task (a `setTimeout` of 0): work after it is not part of the current
/// task, so that the browser can paint and handle input in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Sets (or, with `None`, removes) a `data-*` attribute on the document element, where the
/// stylesheet reads the theme, the background and embedding.
pub fn set_root_flag(name: &str, value: Option<&str>) {
    if let Some(root) = html() {
        let _ = match value {
            Some(v) => root.set_attribute(name, v),
            None => root.remove_attribute(name),
        };
    }
}

/// The address of the host script `embed.js` beside this page.
pub fn embed_script_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .and_then(|href| web_sys::Url::new_with_base("embed.js", &href).ok())
        .map(|url| url.href())
        .unwrap_or_else(|| "embed.js".to_owned())
}

/// Registers the service worker that keeps the widget working offline, where the page was
/// served over http(s) (never from `file://`, where service workers do not exist).
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let secure = window
        .location()
        .protocol()
        .is_ok_and(|p| p == "https:" || p == "http:");
    let navigator = window.navigator();
    let supported = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if secure && supported {
        // Every update check asks the server for sw.js itself, whatever HTTP caching the host
        // sends, so that a deploy reaches the worker at the next visit.
        let options = web_sys::RegistrationOptions::new();
        options.set_update_via_cache(web_sys::ServiceWorkerUpdateViaCache::None);
        // The promise settles on its own; a failure only means no offline copy.
        let _ = navigator
            .service_worker()
            .register_with_options("./sw.js", &options);
    }
}

/// Scrolls the element with `id` into view and moves the focus to it.
pub fn bring_into_view(id: &str) {
    use wasm_bindgen::JsCast;
    let element = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        element.scroll_into_view();
        let _ = element.focus();
    }
}

/// Opens a `<dialog>` as a modal, or closes it, unless it already is so.
pub fn show_dialog(dialog: &yew::NodeRef, open: bool) {
    if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
        if open && !dialog.open() {
            let _ = dialog.show_modal();
        } else if !open && dialog.open() {
            dialog.close();
        }
    }
}

/// Sets (or, with `None`, removes) a custom property on the document element through the
/// CSSOM, which the page's `style-src 'self'` allows (a `style=""` attribute in the served
/// HTML it would not).
pub fn set_root_property(name: &str, value: Option<&str>) {
    use wasm_bindgen::JsCast;
    let Some(root) = html().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let style = root.style();
    let _ = match value {
        Some(v) => style.set_property(name, v),
        None => style.remove_property(name).map(|_| ()),
    };
}

/// Whether this is the single-file build (`messenger-compare.html`), which carries its
/// locales as data blocks and whose policy (`default-src 'none'`) lets no frame load.
pub fn is_single_file() -> bool {
    document()
        .and_then(|d| {
            d.query_selector("script[type=\"application/json\"][id^=\"mc-locale-\"]")
                .ok()
                .flatten()
        })
        .is_some()
}

/// Puts `text` on the clipboard (`true`); where the browser has no Clipboard API or refuses,
/// selects the whole of the text area `area` for the reader to copy by hand (`false`).
pub async fn copy_or_select(text: &str, area: &yew::NodeRef) -> bool {
    if write_clipboard(text).await {
        return true;
    }
    if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
    false
}

async fn write_clipboard(text: &str) -> bool {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = Reflect::get(&window.navigator(), &"clipboard".into()).ok();
    let write = clipboard.as_ref().and_then(|c| {
        Reflect::get(c, &"writeText".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()
    });
    let (Some(clipboard), Some(write)) = (clipboard, write) else {
        return false;
    };
    let Ok(promise) = write.call1(&clipboard, &text.into()) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Runs `f` once after `ms` milliseconds, unless the returned guard is dropped first.
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> Option<Timeout> {
    use wasm_bindgen::JsCast;
    let window = web_sys::window()?;
    let callback = wasm_bindgen::closure::Closure::once(f);
    let id = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            ms,
        )
        .ok()?;
    Some(Timeout {
        id,
        _callback: callback,
    })
}

/// A pending [`after`]; dropping it cancels it.
pub struct Timeout {
    id: i32,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for Timeout {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.id);
        }
    }
}
