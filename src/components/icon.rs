//! The icon beside a value's word, so that a value never relies on colour alone. It is one
//! empty element whose shape `styles/main.css` draws with borders or a glyph, not an SVG
//! (inline or as a CSS mask): a matrix has a thousand of them, and a sort repaints all in view.

use crate::model::dataset::Verdict;
use yew::prelude::*;

/// The icon for what a value means to the reader (a tick for good, a cross for bad, whether
/// the word is "yes" or "no"); decorative, since the word beside it says the same.
pub fn verdict_icon(verdict: Verdict) -> Html {
    html! { <span class={format!("mc-icon mc-icon--{}", verdict.id())} aria-hidden="true"></span> }
}
