//! Locale-aware collation and formatting through the browser's `Intl`.

use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::thread::LocalKey;
use wasm_bindgen::JsValue;

// Making an Intl formatter costs far more than using one: each is made once per language and
// kept.
thread_local! {
    static NUMBER_FORMATS: RefCell<Vec<(String, Function)>> = const { RefCell::new(Vec::new()) };
    static COLLATORS: RefCell<Vec<(String, Function)>> = const { RefCell::new(Vec::new()) };
}

/// The `tag` formatter (its bound `format` or `compare`) from `cache`, made by `make` the first
/// time.
fn cached(
    cache: &'static LocalKey<RefCell<Vec<(String, Function)>>>,
    tag: &str,
    make: impl FnOnce() -> Function,
) -> Function {
    cache.with(|cache| {
        if let Some((_, f)) = cache.borrow().iter().find(|(t, _)| t == tag) {
            return f.clone();
        }
        let f = make();
        cache.borrow_mut().push((tag.to_owned(), f.clone()));
        f
    })
}

fn locales(tag: &str) -> Array {
    Array::of1(&JsValue::from_str(tag))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

/// A comparison of names in the order readers of `tag` expect.
pub struct Collator {
    compare: Function,
}

impl Collator {
    /// A collator for `tag`.
    pub fn new(tag: &str) -> Collator {
        let compare = cached(&COLLATORS, tag, || {
            Intl::Collator::new(&locales(tag), &options(&[("sensitivity", "base")])).compare()
        });
        Collator { compare }
    }

    /// Compares two names; falls back to code-point order if `Intl` fails.
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        self.compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|v| v.as_f64())
            .map_or_else(
                || a.cmp(b),
                |n| n.partial_cmp(&0.0).unwrap_or(Ordering::Equal),
            )
    }
}

/// A whole number in the reader's locale (digits, grouping).
pub fn format_number(n: usize, tag: &str) -> String {
    // Below 1,000 every supported locale writes plain ASCII digits (none uses other digits by
    // default, and grouping starts at four), and the page's first NumberFormat costs some
    // 25 ms of set-up: a third of the first render, for "6 of 6".
    if n < 1000 {
        return n.to_string();
    }
    let format = cached(&NUMBER_FORMATS, tag, || {
        Intl::NumberFormat::new(&locales(tag), &Object::new()).format()
    });
    format
        .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}
