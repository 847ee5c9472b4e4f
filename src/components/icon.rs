//! The icon beside a value's word, so that a value never relies on colour alone. It is a CSS
//! mask (see `styles/main.css`), not inline SVG: a matrix has a thousand of them, and an
//! element each is far cheaper to lay out and paint than an SVG each.

use crate::model::dataset::Value;
use yew::prelude::*;

/// The icon for a value; decorative, since the word beside it says the same.
pub fn value_icon(value: Value) -> Html {
    html! { <span class={format!("mc-icon mc-icon--{}", value.id())} aria-hidden="true"></span> }
}
