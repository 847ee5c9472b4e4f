//! The language picker: each language listed in its own name.

use crate::components::context::Ctx;
use crate::model::locale::Locale;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Props of [`LocalePicker`].
#[derive(Properties, PartialEq)]
pub struct LocalePickerProps {
    pub current: Locale,
    pub on_change: Callback<Locale>,
}

/// A `<select>` of every supported language; choosing one switches at once, without a reload.
#[function_component]
pub fn LocalePicker(props: &LocalePickerProps) -> Html {
    let ctx = use_context::<Ctx>().expect("LocalePicker is rendered inside the App's context");
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let tag = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
            if let Some(locale) = tag.as_deref().and_then(Locale::from_tag) {
                on_change.emit(locale);
            }
        })
    };
    html! {
        <div class="mc-picker">
            <label for="mc-language">{ ctx.t("ui.language") }</label>
            <select id="mc-language" {onchange}>
                { for Locale::all().map(|l| html! {
                    <option value={l.tag()} lang={l.tag()} selected={l == props.current}>{ l.info().name }</option>
                }) }
            </select>
        </div>
    }
}
