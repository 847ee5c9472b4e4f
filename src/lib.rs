//! messenger-compare: compare private messengers the way the Privacy Guides
//! "Real-Time Communication" page does, entirely in the browser.
//!
//! `model` and `state` are pure and tested natively; `browser` and `components` exist only in
//! the wasm build.

pub mod model;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
