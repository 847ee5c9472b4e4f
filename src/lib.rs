//! messenger-compare: compare private messengers the way the Privacy Guides
//! "Real-Time Communication" page does, entirely in the browser.
//!
//! `model` and `state` are pure and tested natively. `browser` and `components` compile on
//! both sides: in the browser they run the widget; natively they render its default view to
//! HTML for the first paint (`src/bin/prerender.rs`), where no browser call is made.

pub mod browser;
pub mod components;
pub mod model;
pub mod state;
