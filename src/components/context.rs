//! What every component reads: the dataset and the current locale's texts; and how it acts:
//! the one state's dispatcher, so a component dispatches its own actions.

use crate::browser::intl;
use crate::model::dataset::Dataset;
use crate::model::date::Date;
use crate::model::locale::{Locale, Texts};
use crate::state::{Action, AppState};
use std::rc::Rc;
use yew::{html, Html, UseReducerDispatcher};

/// The dataset and texts, shared by reference. Equality is identity, so a component re-renders
/// when the language changes, not when an unrelated part of the state does.
#[derive(Clone)]
pub struct Ctx {
    pub data: Rc<Dataset>,
    pub texts: Rc<Texts>,
    /// Why the English long texts could not be read, if they could not.
    pub long_texts_failure: Option<String>,
    /// Stable for the App's lifetime, so it takes no part in equality.
    pub dispatcher: UseReducerDispatcher<AppState>,
}

impl PartialEq for Ctx {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && Rc::ptr_eq(&self.texts, &other.texts)
            && self.long_texts_failure == other.long_texts_failure
    }
}

impl Ctx {
    /// Sends an action to the one state.
    pub fn dispatch(&self, action: Action) {
        self.dispatcher.dispatch(action);
    }

    /// The text for `key` in the current locale.
    pub fn t(&self, key: &str) -> String {
        self.texts.get(key).to_owned()
    }

    /// The text for `key` with its `{placeholders}` filled.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.texts.fill(key, args)
    }

    /// A long text (`model::long_text`): the text; while the English long texts are
    /// being read, a line that says so (shown only if the read is slow, see
    /// `styles/main.css`); if they could not be read, why.
    pub fn long_text(&self, key: &str) -> Html {
        if self.texts.has(key) || !self.texts.lacks_long_texts() {
            return html! { { self.t(key) } };
        }
        match &self.long_texts_failure {
            Some(error) => html! {
                <span class="mc-text-missing">{ self.fill("ui.text.unavailable", &[("error", error)]) }</span>
            },
            None => {
                html! { <span class="mc-text-loading" role="status">{ self.t("ui.text.loading") }</span> }
            }
        }
    }

    /// The current locale.
    pub fn locale(&self) -> Locale {
        self.texts.locale
    }

    /// A number formatted for the current locale.
    pub fn number(&self, n: usize) -> String {
        intl::format_number(n, self.locale().tag())
    }

    /// A `YYYY-MM-DD` date written as the current locale writes it (as written if malformed).
    pub fn date(&self, text: &str) -> String {
        Date::parse(text).map_or_else(|| text.to_owned(), |d| self.texts.date(d))
    }
}
