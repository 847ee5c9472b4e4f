//! The language picker: each language listed in its own name.

use crate::components::context::Ctx;
use crate::model::locale::Locale;
use crate::model::text;
use crate::model::view_state::Theme;
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

/// Props of [`ThemePicker`].
#[derive(Properties, PartialEq)]
pub struct ThemePickerProps {
    pub current: Theme,
    pub on_change: Callback<Theme>,
}

/// Light, dark, or the system's choice.
#[function_component]
pub fn ThemePicker(props: &ThemePickerProps) -> Html {
    let ctx = use_context::<Ctx>().expect("ThemePicker is rendered inside the App's context");
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            let id = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
            if let Some(theme) = id.as_deref().and_then(Theme::from_id) {
                on_change.emit(theme);
            }
        })
    };
    html! {
        <div class="mc-picker">
            <label for="mc-theme">{ ctx.t("ui.theme") }</label>
            <select id="mc-theme" {onchange}>
                { for Theme::ALL.into_iter().map(|t| html! {
                    <option value={t.id()} selected={t == props.current}>{ ctx.t(&text::theme_label(t)) }</option>
                }) }
            </select>
        </div>
    }
}
