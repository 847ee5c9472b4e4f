//! Small inline icons for values, so that a value never relies on colour alone and no icon
//! is fetched from anywhere.

use crate::model::dataset::Value;
use yew::prelude::*;

/// Props of [`ValueIcon`].
#[derive(Properties, PartialEq)]
pub struct ValueIconProps {
    pub value: Value,
}

/// The icon for a value; decorative, since the word beside it says the same.
#[function_component]
pub fn ValueIcon(props: &ValueIconProps) -> Html {
    let path = match props.value {
        Value::Yes => "M3 8.5l3.2 3.2L13 4.8",
        Value::No => "M4 4l8 8M12 4l-8 8",
        Value::Partial => "M8 2a6 6 0 1 0 0 12z",
        Value::Disputed => "M8 2.5L14 13H2zM8 6.5v3M8 11.2v.3",
        Value::Unknown => "M5.8 6a2.3 2.3 0 1 1 3.2 2.1c-.7.3-1 .8-1 1.5M8 12v.3",
        Value::NotApplicable => "M3 8h10",
    };
    let fill = if props.value == Value::Partial {
        "currentColor"
    } else {
        "none"
    };
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            if props.value == Value::Partial {
                <circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.6" />
            }
            <path d={path} fill={fill} stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
