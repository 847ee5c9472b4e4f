//! The pure core: data, rules, orderings, languages and layouts. No yew, no web-sys, so that
//! `cargo test` reaches all of it without a browser.

#[cfg(not(target_arch = "wasm32"))]
pub mod check;
pub mod choose;
pub mod dataset;
pub mod dataset_bin;
pub mod date;
pub mod export;
pub mod filter;
pub mod flat_json;
// Maintainers' tools (`guide-diff`), never part of the widget.
#[cfg(not(target_arch = "wasm32"))]
pub mod guide;
#[cfg(not(target_arch = "wasm32"))]
pub mod guide_data;
#[cfg(not(target_arch = "wasm32"))]
pub mod guide_diff;
pub mod host_message;
pub mod host_options;
pub mod ids;
pub mod layout;
pub mod locale;
pub mod long_text;
pub mod sort;
pub mod text;
pub mod validate;
pub mod view_state;
pub mod viewport;
