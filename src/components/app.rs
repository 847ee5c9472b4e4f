//! The root: holds the one [`AppState`], provides the dataset and texts, lays out the views.

use crate::browser::page;
use crate::components::context::Ctx;
use crate::components::detail::Detail;
use crate::components::matrix::Matrix;
use crate::components::networks::Networks;
use crate::components::picker::LocalePicker;
use crate::model::dataset::{Dataset, NetworkId};
use crate::model::locale::{negotiate, Locale, Texts};
use crate::model::sort::Column;
use crate::state::{Action, AppState, View};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// Mounts the widget into `#messenger-compare` (or the body), or, if the embedded dataset
/// cannot be read, a message that says which file is broken.
pub fn start() {
    let locale = negotiate(
        page::query_param("lang").as_deref(),
        page::stored_locale().as_deref(),
        &page::navigator_languages(),
    );
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document
        .get_element_by_id("messenger-compare")
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    match Dataset::embedded() {
        Ok(data) => {
            let props = AppProps {
                data: Rc::new(data),
                locale,
            };
            yew::Renderer::<App>::with_root_and_props(root, props).render();
        }
        Err(error) => {
            let props = LoadFailureProps {
                message: error.to_string(),
            };
            yew::Renderer::<LoadFailure>::with_root_and_props(root, props).render();
        }
    }
}

/// Props of [`LoadFailure`].
#[derive(Properties, PartialEq)]
pub struct LoadFailureProps {
    pub message: String,
}

/// Shown instead of the widget when the embedded dataset is broken: no text files can be
/// trusted then, so this one message is fixed English.
#[function_component]
pub fn LoadFailure(props: &LoadFailureProps) -> Html {
    html! {
        <div class="mc mc-failure" role="alert">
            <h1>{ "messenger-compare could not read its dataset" }</h1>
            <p><code>{ props.message.clone() }</code></p>
        </div>
    }
}

/// Props of [`App`].
#[derive(Properties)]
pub struct AppProps {
    pub data: Rc<Dataset>,
    pub locale: Locale,
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data) && self.locale == other.locale
    }
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial_locale = props.locale;
    let state = use_reducer(move || AppState {
        locale: initial_locale,
        ..AppState::default()
    });
    let loaded = use_memo(state.locale, |locale| {
        let (texts, error) = Texts::load(*locale);
        (Rc::new(texts), error)
    });
    let (texts, load_error) = (*loaded).clone();
    let ctx = Ctx {
        data: props.data.clone(),
        texts,
    };

    let tag = ctx.locale().tag();
    let dir = ctx.locale().info().dir;
    use_effect_with(ctx.locale(), move |_| page::set_document_language(tag, dir));

    // One callback of each kind for the whole matrix: rows compare equal across re-sorts.
    let dispatcher = state.dispatcher();
    let on_sort = use_callback(dispatcher.clone(), |column: Column, d| {
        d.dispatch(Action::SortBy(column))
    });
    let on_cell = use_callback(dispatcher.clone(), |(m, c): (usize, usize), d| {
        d.dispatch(Action::ToggleCell(m, c))
    });
    let on_name = use_callback(dispatcher.clone(), |m: usize, d| {
        d.dispatch(Action::OpenDetail(m))
    });
    let on_close = use_callback(dispatcher.clone(), |(), d| d.dispatch(Action::CloseDetail));
    let on_network = use_callback(dispatcher.clone(), |n: NetworkId, d| {
        d.dispatch(Action::ShowNetwork(n))
    });
    let on_filter = use_callback(dispatcher.clone(), |n: Option<NetworkId>, d| {
        d.dispatch(Action::FilterNetwork(n))
    });
    let on_locale = use_callback(dispatcher.clone(), |locale: Locale, d| {
        page::store_locale(locale.tag());
        d.dispatch(Action::SetLocale(locale));
    });
    let show = |view: View| {
        let d = dispatcher.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::ShowView(view)))
    };
    let tab = |view: View, key: &str| {
        html! {
            <button type="button" class="mc-tab" aria-pressed={(state.view == view).to_string()} onclick={show(view)}>
                { ctx.t(key) }
            </button>
        }
    };

    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <div class="mc" lang={tag} dir={dir.attr()}>
                <header class="mc-header">
                    <div class="mc-heading">
                        <h1>{ ctx.t("ui.title") }</h1>
                        <p class="mc-lede">{ ctx.t("ui.lede") }</p>
                    </div>
                    <LocalePicker current={ctx.locale()} on_change={on_locale} />
                </header>
                if let Some(error) = load_error {
                    <p class="mc-notice" role="status">{ ctx.fill("ui.notice.locale-broken", &[("error", &error)]) }</p>
                }
                <nav class="mc-tabs" aria-label={ctx.t("ui.views")}>
                    { tab(View::Matrix, "ui.view.matrix") }
                    { tab(View::Networks, "ui.view.networks") }
                </nav>
                <main class="mc-main">
                    if state.view == View::Matrix {
                        <Matrix
                            sort={state.sort}
                            filter={state.filter}
                            open_cell={state.open_cell}
                            on_sort={on_sort}
                            on_cell={on_cell}
                            on_name={on_name.clone()}
                            on_filter={on_filter.clone()}
                            on_network={on_network}
                        />
                    } else {
                        <Networks on_filter={on_filter} focus={state.focus_network} />
                    }
                </main>
                <Detail messenger={state.detail} on_close={on_close} />
                <footer class="mc-footer">
                    <p>{ ctx.t("ui.footer.source") }</p>
                </footer>
            </div>
        </ContextProvider<Ctx>>
    }
}
