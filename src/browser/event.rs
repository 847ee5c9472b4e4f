//! What a form control's event says.

use yew::{Event, InputEvent, TargetCast};

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

/// The text of the `<input>` an input event came from.
pub fn input_value(event: &InputEvent) -> Option<String> {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
}

/// Whether the `<details>` a toggle event came from is now open.
pub fn is_open(event: &Event) -> bool {
    event
        .target()
        .and_then(|target| js_sys::Reflect::get(&target, &"open".into()).ok())
        .and_then(|open| open.as_bool())
        .unwrap_or(false)
}
