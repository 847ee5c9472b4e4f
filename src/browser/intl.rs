//! Locale-aware collation and formatting through the browser's `Intl`.

use crate::model::date::Date;
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cmp::Ordering;
use wasm_bindgen::JsValue;

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
        let collator = Intl::Collator::new(&locales(tag), &options(&[("sensitivity", "base")]));
        Collator {
            compare: collator.compare(),
        }
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

/// A date in the reader's locale, e.g. "23 Nov 2026" or "2026年11月23日".
pub fn format_date(date: Date, tag: &str) -> String {
    // Noon UTC, formatted in UTC, so that no time zone shifts the day.
    let millis = js_sys::Date::utc(f64::from(date.year), f64::from(date.month) - 1.0)
        + (f64::from(date.day) - 1.0) * 86_400_000.0
        + 43_200_000.0;
    let format = Intl::DateTimeFormat::new(
        &locales(tag),
        &options(&[("dateStyle", "medium"), ("timeZone", "UTC")]),
    );
    format
        .format()
        .call1(
            &JsValue::NULL,
            &js_sys::Date::new(&JsValue::from_f64(millis)),
        )
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| date.to_string())
}

/// A whole number in the reader's locale (digits, grouping).
pub fn format_number(n: usize, tag: &str) -> String {
    let format = Intl::NumberFormat::new(&locales(tag), &Object::new());
    format
        .format()
        .call1(&JsValue::NULL, &JsValue::from_f64(n as f64))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}
