//! The root: holds the one [`AppState`], provides the dataset and texts, lays out the pages,
//! and mirrors the view into the address bar.

use crate::browser::{embed, locale_file, page};
use crate::components::chooser::Chooser;
use crate::components::compare::Compare;
use crate::components::context::Ctx;
use crate::components::detail::Detail;
use crate::components::embed_code::EmbedCode;
use crate::components::export::Export;
use crate::components::matrix::Matrix;
use crate::components::networks::Networks;
use crate::components::picker::{language_picker, theme_picker};
use crate::model::dataset::Dataset;
use crate::model::host_options::{Density, Font, Part};
use crate::model::locale::{Locale, Texts};
use crate::model::view_state::{write, Page, Theme, ViewState};
use crate::state::{Action, AppState};
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// Mounts the widget into `#messenger-compare` (or the body), or, if the embedded dataset
/// cannot be read, a message that says which file is broken. In the browser only.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use crate::model::locale::negotiate;
    use crate::model::view_state::parse;

    let Some(root) = page::mount_root() else {
        return;
    };
    match Dataset::embedded() {
        Ok(data) => {
            let link = parse(&page::query_string(), &data);
            let locale = negotiate(
                link.lang,
                page::stored_locale().as_deref(),
                &page::navigator_languages(),
            );
            let view = ViewState {
                locale,
                ..link.state
            };
            let mut props = AppProps::english(Rc::new(data), view, link.ignored);
            page::register_service_worker();
            // The page carries its default English view prerendered, for the first paint. The
            // app renders beside it, hidden, in stages (see [`Stage`]), and then takes its
            // place in one task, so that no frame shows it gone: a fresh render costs less wasm
            // than hydrating (yew's `hydration`, 17 KB gzip) and does the same. The link's
            // language is read before that render, so that a link in another language never
            // shows English first.
            let (host, served) = page::app_host(&root);
            if served {
                props.first_stage = Stage::Shell;
            }
            yew::platform::spawn_local(async move {
                let initial = &mut props.initial;
                match locale_file::load_texts(&initial.texts, locale).await {
                    Ok(texts) => initial.texts = Rc::new(texts),
                    Err(error) => initial.locale_failure = Some((locale, error)),
                }
                // The render in a task of its own, not after the module's start in one long
                // task that holds up input.
                page::next_task().await;
                yew::Renderer::<App>::with_root_and_props(host, props).render();
            });
        }
        Err(error) => {
            // Yew's mount empties the root of the served markup.
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

/// How much of the app a render shows. Over served markup, the app's first render is split
/// into tasks, a part each, so that no one task holds up input for long (Lighthouse's total
/// blocking time); the parts stay hidden, and the served markup shown, until the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The header, notices and tabs.
    Shell,
    /// And the page's view.
    View,
    /// And the footer and the detail: everything, shown.
    Whole,
}

impl Stage {
    /// The stage after this one; the whole app stays whole.
    pub fn next(self) -> Stage {
        match self {
            Stage::Shell => Stage::View,
            Stage::View | Stage::Whole => Stage::Whole,
        }
    }
}

/// Props of [`App`].
#[derive(Properties)]
pub struct AppProps {
    pub data: Rc<Dataset>,
    /// The state the page's link opens, with the texts to start with.
    pub initial: AppState,
    /// The first render's stage: [`Stage::Whole`] unless the page holds served markup.
    pub first_stage: Stage,
}

impl AppProps {
    /// Props for a view, starting in English. A broken embedded English file shows every
    /// text as its key, and says so.
    pub fn english(data: Rc<Dataset>, view: ViewState, ignored: Vec<String>) -> AppProps {
        let (texts, broken) = Texts::english();
        let mut initial = AppState::from_link(view, ignored, Rc::new(texts));
        initial.locale_failure = broken.map(|error| (Locale::ENGLISH, error));
        AppProps {
            data,
            initial,
            first_stage: Stage::Whole,
        }
    }
}

impl PartialEq for AppProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.data, &other.data)
            && self.initial == other.initial
            && self.first_stage == other.first_stage
    }
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let state = use_reducer(move || initial);
    let view = &state.view;
    let stage = use_state_eq(|| props.first_stage);
    let whole = *stage == Stage::Whole;
    let app = use_node_ref();
    {
        let (stage, app, staged) = (
            stage.clone(),
            app.clone(),
            props.first_stage != Stage::Whole,
        );
        use_effect_with(*stage, move |&now| {
            // The next part in the next task; once whole, the app takes the served markup's place.
            let timer = if now == Stage::Whole {
                if staged {
                    page::remove_served(&app);
                }
                None
            } else {
                page::after(0, move || stage.set(now.next()))
            };
            move || {
                let _cancelled = timer;
            }
        });
    }
    // Reads the wanted language's file; the reducer drops an answer that comes too late.
    {
        let (d, texts) = (state.dispatcher(), state.texts.clone());
        use_effect_with(state.locale_to_load(), move |wanted| {
            if let Some(locale) = *wanted {
                yew::platform::spawn_local(async move {
                    d.dispatch(match locale_file::load_texts(&texts, locale).await {
                        Ok(loaded) => Action::LocaleLoaded(Rc::new(loaded)),
                        Err(error) => Action::LocaleFailed(locale, error),
                    });
                });
            }
        });
    }
    // Reads the English long texts once one is shown (the browser's embedded English has none).
    {
        let d = state.dispatcher();
        use_effect_with(state.long_texts_to_load(), move |&load| {
            if load {
                yew::platform::spawn_local(async move {
                    d.dispatch(match locale_file::load_english().await {
                        Ok(english) => Action::EnglishLoaded(Rc::new(english)),
                        Err(error) => Action::EnglishFailed(error),
                    });
                });
            }
        });
    }
    let ctx = Ctx {
        data: props.data.clone(),
        texts: state.texts.clone(),
        long_texts_failure: state.long_texts_failure.clone(),
        dispatcher: state.dispatcher(),
    };
    let shown = ctx.locale();

    {
        let data = props.data.clone();
        use_effect_with(view.clone(), move |view| {
            page::replace_query(&write(view, &data));
            page::set_root_flag("data-bg", view.transparent.then_some("transparent"));
        });
    }
    // The host's look: spacing and font by a flag the stylesheet reads (its stacks are fixed
    // there), the accent as custom properties the stylesheet's `--mc-accent` takes per theme.
    use_effect_with(view.options.clone(), |options| {
        let density = options.density;
        page::set_root_flag(
            "data-density",
            (density != Density::Normal).then_some(density.id()),
        );
        let font = options.font;
        page::set_root_flag("data-font", (font != Font::System).then_some(font.id()));
        let accent = options.accent;
        let light = accent.light.map(|c| c.hex());
        let dark = accent.dark.map(|c| c.hex());
        page::set_root_property("--mc-host-accent-light", light.as_deref());
        page::set_root_property("--mc-host-accent-dark", dark.as_deref());
    });
    use_effect_with(state.shown_theme(), |theme| {
        page::set_root_flag("data-theme", (*theme != Theme::Auto).then_some(theme.id()));
    });
    use_effect_with(shown, |shown| {
        page::set_document_language(shown.tag(), shown.info().dir)
    });
    // Marks the page as taken over by the app (tests and embedders can wait for it).
    use_effect_with(whole, |&whole| {
        if whole {
            page::set_root_flag("data-ready", Some("1"));
        }
    });
    {
        let d = state.dispatcher();
        // Once whole: the widget's height is that of the app's element, not the served one's.
        use_effect_with((view.embed, whole), move |&(embedded, whole)| {
            if embedded && whole {
                embed::report_height();
                embed::listen_to_host(Callback::from(move |theme| {
                    d.dispatch(Action::HostTheme(theme))
                }));
            }
        });
    }

    let dispatcher = state.dispatcher();
    let on_dismiss = {
        let d = dispatcher.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(Action::DismissNotice))
    };
    let tab = |page: Page, key: &str| {
        let d = dispatcher.clone();
        html! {
            <button type="button" class="mc-tab" data-page={page.id()} aria-pressed={(view.page == page).to_string()}
                onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::ShowPage(page)))}>
                { ctx.t(key) }
            </button>
        }
    };
    let standalone = {
        let plain = ViewState {
            embed: false,
            transparent: false,
            ..view.clone()
        };
        format!("./{}", write(&plain, &props.data))
    };

    html! {
        <ContextProvider<Ctx> context={ctx.clone()}>
            <div ref={app} class={classes!("mc", view.embed.then_some("mc--embed"), (!whole).then_some("mc--staging"))} lang={shown.tag()} dir={shown.info().dir.attr()}>
                <header class="mc-header">
                    if !view.embed {
                        <div class="mc-heading">
                            <h1>{ ctx.t("ui.title") }</h1>
                            <p class="mc-lede">{ ctx.t("ui.lede") }</p>
                        </div>
                    }
                    <div class="mc-settings">
                        if view.options.shows(Part::Lang) {
                            { language_picker(&ctx, view.locale) }
                        }
                        if view.options.shows(Part::Theme) {
                            { theme_picker(&ctx, view.theme) }
                        }
                    </div>
                </header>
                if let Some((_, error)) = &state.locale_failure {
                    <p class="mc-notice" role="status">{ ctx.fill("ui.notice.locale-broken", &[("error", error)]) }</p>
                }
                if !state.ignored.is_empty() {
                    <div class="mc-notice" role="status" data-notice="ignored">
                        <p>{ ctx.fill("ui.notice.ignored", &[("params", &state.ignored.join(", "))]) }</p>
                        <button type="button" onclick={on_dismiss}>{ ctx.t("ui.notice.dismiss") }</button>
                    </div>
                }
                if view.options.shows(Part::Tabs) {
                    <nav class="mc-tabs" aria-label={ctx.t("ui.views")}>
                        { tab(Page::Choose, "ui.view.choose") }
                        { tab(Page::Matrix, "ui.view.matrix") }
                        { tab(Page::Networks, "ui.view.networks") }
                        { tab(Page::Compare, "ui.view.compare") }
                    </nav>
                }
                <main class="mc-main">
                    if *stage != Stage::Shell {
                        { match view.page {
                            Page::Choose => html! { <Chooser view={view.clone()} /> },
                            Page::Matrix => html! {
                                <Matrix
                                    sort={view.sort}
                                    filter={view.filter.clone()}
                                    rows={view.rows.clone()}
                                    cols={view.cols.clone()}
                                    open_cell={view.open_cell}
                                    glossary={view.options.shows(Part::Glossary)}
                                />
                            },
                            Page::Networks => html! { <Networks focus={state.focus_network} /> },
                            Page::Compare => html! { <Compare chosen={view.compare.clone()} cols={view.cols.clone()} /> },
                        } }
                    }
                </main>
                if whole {
                <Detail messenger={view.detail} />
                <footer class="mc-footer">
                    if view.embed {
                        <p><a href={standalone} target="_blank" rel="noopener">{ ctx.t("ui.embed.attribution") }</a></p>
                    } else {
                        <Export view={view.clone()} />
                        <EmbedCode view={view.clone()} builder={state.builder.clone()} />
                        <p>{ ctx.t("ui.footer.source") }</p>
                    }
                </footer>
                }
            </div>
        </ContextProvider<Ctx>>
    }
}
