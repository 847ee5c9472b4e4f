//! One labelled `<select>` for every picker (language, theme, platform, network), and the
//! settings pickers built on it.

use crate::browser::{event, page};
use crate::components::context::Ctx;
use crate::model::locale::Locale;
use crate::model::text;
use crate::model::view_state::Theme;
use crate::state::Action;
use yew::prelude::*;

/// One option of a [`LabelledSelect`].
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The option's value, given back on change.
    pub value: String,
    pub label: String,
    /// The option's own language, where it is written in one (a language's own name).
    pub lang: Option<&'static str>,
}

impl Choice {
    /// A choice in the page's language.
    pub fn new(value: impl Into<String>, label: String) -> Choice {
        Choice {
            value: value.into(),
            label,
            lang: None,
        }
    }
}

/// Props of [`LabelledSelect`].
#[derive(Properties, PartialEq)]
pub struct LabelledSelectProps {
    /// The `<select>`'s id, which its label points at (tests and embedders use it too).
    pub id: AttrValue,
    pub label: String,
    pub choices: Vec<Choice>,
    /// The value of the chosen option.
    pub selected: String,
    /// Called with the value chosen.
    pub on_change: Callback<String>,
    /// Layout: `mc-picker` (label above) by default, or `mc-select` (label beside).
    #[prop_or(classes!("mc-picker"))]
    pub class: Classes,
}

/// A `<select>` with its label; a change takes effect at once.
#[function_component]
pub fn LabelledSelect(props: &LabelledSelectProps) -> Html {
    let onchange = {
        let on_change = props.on_change.clone();
        Callback::from(move |e: Event| {
            if let Some(value) = event::select_value(&e) {
                on_change.emit(value);
            }
        })
    };
    html! {
        <div class={props.class.clone()}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange}>
                { for props.choices.iter().map(|c| html! {
                    <option value={c.value.clone()} lang={c.lang} selected={c.value == props.selected}>{ c.label.clone() }</option>
                }) }
            </select>
        </div>
    }
}

/// Every supported language, each in its own name; the choice is remembered.
pub fn language_picker(ctx: &Ctx, current: Locale) -> Html {
    let choices: Vec<Choice> = Locale::all()
        .map(|l| Choice {
            value: l.tag().to_owned(),
            label: l.info().name.to_owned(),
            lang: Some(l.tag()),
        })
        .collect();
    let c = ctx.clone();
    let on_change = Callback::from(move |tag: String| {
        if let Some(locale) = Locale::from_tag(&tag) {
            page::store_locale(locale.tag());
            c.dispatch(Action::SetLocale(locale));
        }
    });
    html! {
        <LabelledSelect id="mc-language" label={ctx.t("ui.language")} {choices}
            selected={current.tag().to_owned()} {on_change} />
    }
}

/// Light, dark, or the system's choice.
pub fn theme_picker(ctx: &Ctx, current: Theme) -> Html {
    let choices: Vec<Choice> = Theme::ALL
        .into_iter()
        .map(|t| Choice::new(t.id(), ctx.t(&text::theme_label(t))))
        .collect();
    let c = ctx.clone();
    let on_change = Callback::from(move |id: String| {
        if let Some(theme) = Theme::from_id(&id) {
            c.dispatch(Action::SetTheme(theme));
        }
    });
    html! {
        <LabelledSelect id="mc-theme" label={ctx.t("ui.theme")} {choices}
            selected={current.id().to_owned()} {on_change} />
    }
}
