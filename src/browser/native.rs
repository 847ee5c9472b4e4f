//! The browser layer as the native prerender sees it: the same functions as the browser
//! modules, none of which touches anything. Only `intl` is called while rendering, and gives
//! the plain forms the default English view shows (digits, YYYY-MM-DD, code-point order); the
//! rest is called from effects and event handlers, which a server render never runs. The few
//! functions that take or give web-sys types (`page::mount_root`, `page::document`) have no
//! stand-in: only the browser's own start-up calls them.

/// See `browser/download.rs`.
pub mod download {
    /// Nothing to save natively.
    pub fn save(_name: &str, _mime: &str, _contents: &str) {}
}

/// See `browser/embed.rs`.
pub mod embed {
    use crate::model::view_state::Theme;

    /// No host page natively.
    pub fn report_height() {}

    /// No host page natively.
    pub fn listen_to_host(_on_theme: yew::Callback<Theme>) {}

    /// Nothing to listen to natively.
    pub struct FrameFit;

    /// No frame natively.
    pub fn fit_frame(_frame: &yew::NodeRef) -> Option<FrameFit> {
        None
    }
}

/// See `browser/event.rs`.
pub mod event {
    use yew::Event;

    /// No events natively.
    pub fn select_value(_event: &Event) -> Option<String> {
        None
    }

    /// No events natively.
    pub fn is_checked(_event: &Event) -> bool {
        false
    }

    /// No events natively.
    pub fn input_value(_event: &yew::InputEvent) -> Option<String> {
        None
    }

    /// No events natively.
    pub fn is_open(_event: &Event) -> bool {
        false
    }
}

/// See `browser/intl.rs`: the forms `Intl` gives the default English view.
pub mod intl {
    use std::cmp::Ordering;

    /// Code-point order.
    pub struct Collator;

    impl Collator {
        /// The same order for every language.
        pub fn new(_tag: &str) -> Collator {
            Collator
        }

        /// Code-point order.
        pub fn compare(&self, a: &str, b: &str) -> Ordering {
            a.cmp(b)
        }
    }

    /// Plain digits, which is what `Intl` gives the default view's English counts.
    pub fn format_number(n: usize, _tag: &str) -> String {
        n.to_string()
    }
}

/// See `browser/locale_file.rs`.
pub mod locale_file {
    use crate::model::locale::{Catalog, Locale, Texts, ENGLISH_FILE};

    /// No files to fetch natively: English only.
    pub async fn load_texts(current: &Texts, locale: Locale) -> Result<Texts, String> {
        if locale == Locale::ENGLISH {
            Ok(current.fallback())
        } else {
            Err(format!(
                "{}: no browser to fetch it",
                locale.bundle_path(None)
            ))
        }
    }

    /// The whole English file, embedded natively.
    pub async fn load_english() -> Result<Catalog, String> {
        Catalog::parse(ENGLISH_FILE.path, ENGLISH_FILE.text)
    }
}

/// See `browser/page.rs`.
pub mod page {
    use crate::model::locale::Dir;

    /// No storage natively.
    pub fn stored_locale() -> Option<String> {
        None
    }

    /// No storage natively.
    pub fn store_locale(_tag: &str) {}

    /// No reader natively.
    pub fn navigator_languages() -> Vec<String> {
        Vec::new()
    }

    /// No document natively.
    pub fn set_document_language(_tag: &str, _dir: Dir) {}

    /// The default view has no query.
    pub fn query_string() -> String {
        String::new()
    }

    /// No address bar natively.
    pub fn replace_query(_query: &str) {}

    /// No document natively.
    pub fn set_root_flag(_name: &str, _value: Option<&str>) {}

    /// Relative to the page, as the first render in the browser says too.
    pub fn embed_script_url() -> String {
        "embed.js".to_owned()
    }

    /// No service worker natively.
    pub fn register_service_worker() {}

    /// No document natively.
    pub fn bring_into_view(_id: &str) {}

    /// Nothing served natively.
    pub fn remove_served(_app: &yew::NodeRef) {}

    /// No document natively.
    pub fn show_dialog(_dialog: &yew::NodeRef, _open: bool) {}

    /// No document natively.
    pub fn set_root_property(_name: &str, _value: Option<&str>) {}

    /// The prerender writes the served page, never the single file's own render.
    pub fn is_single_file() -> bool {
        false
    }

    /// No clipboard natively.
    pub async fn copy_or_select(_text: &str, _area: &yew::NodeRef) -> bool {
        false
    }

    /// Nothing pending natively.
    pub struct Timeout;

    /// No timers natively.
    pub fn after(_ms: i32, _f: impl FnOnce() + 'static) -> Option<Timeout> {
        None
    }
}

/// See `browser/scroll_box.rs`.
pub mod scroll_box {
    use crate::model::viewport::Metrics;
    use yew::NodeRef;

    /// Nothing laid out natively.
    pub fn measure(_scroller: &NodeRef) -> Option<Metrics> {
        None
    }

    /// Nothing laid out natively.
    pub fn scroll_top(_scroller: &NodeRef) -> Option<f64> {
        None
    }

    /// Nothing laid out natively.
    pub fn set_height(_node: &NodeRef, _pixels: f64) {}
}
