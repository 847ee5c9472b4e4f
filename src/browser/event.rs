//! What a form control's change event says.

use yew::{Event, TargetCast};

/// The value of the `<select>` an event came from.
pub fn select_value(event: &Event) -> Option<String> {
    event
        .target_dyn_into::<web_sys::HtmlSelectElement>()
        .map(|select| select.value())
}

/// Whether the checkbox an event came from is now checked.
pub fn is_checked(event: &Event) -> bool {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .is_some_and(|input| input.checked())
}
