//! "Embed this view": a small builder for the snippet a site owner copies to show the current
//! view on their page: how the embed looks (theme, background, accent, spacing, font, hidden
//! parts), the code, a Copy button and a live preview. Nothing of it exists until it is
//! opened, so a normal visit pays for none of it (the preview frame least of all).

use crate::browser::{embed, event, page};
use crate::components::context::Ctx;
use crate::components::picker::{Choice, LabelledSelect};
use crate::model::host_options::{AccentProblem, Density, Font, Part};
use crate::model::text;
use crate::model::view_state::{embed_snippet, write, Theme, ViewState};
use crate::state::{Action, EmbedBuilder, EmbedEdit};
use yew::prelude::*;

/// How long the options must rest before the preview loads them, in milliseconds.
const PREVIEW_DELAY_MS: i32 = 400;

/// Props of [`EmbedCode`].
#[derive(Properties, PartialEq)]
pub struct EmbedCodeProps {
    pub view: ViewState,
    /// The builder's choices while it is open; `None` while it is closed.
    pub builder: Option<EmbedBuilder>,
}

/// A disclosure that opens the builder.
#[function_component]
pub fn EmbedCode(props: &EmbedCodeProps) -> Html {
    let ctx = use_context::<Ctx>().expect("EmbedCode is rendered inside the App's context");
    let ontoggle = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| ctx.dispatch(Action::OpenBuilder(event::is_open(&e))))
    };
    html! {
        <details class="mc-embed-code" open={props.builder.is_some()} {ontoggle}>
            <summary>{ ctx.t("ui.embed.button") }</summary>
            if let Some(builder) = &props.builder {
                <Builder view={props.view.clone()} builder={builder.clone()} />
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct BuilderProps {
    view: ViewState,
    builder: EmbedBuilder,
}

fn edit(ctx: &Ctx, make: impl Fn(&Event) -> Option<EmbedEdit> + 'static) -> Callback<Event> {
    let ctx = ctx.clone();
    Callback::from(move |e: Event| {
        if let Some(edit) = make(&e) {
            ctx.dispatch(Action::EditEmbed(edit));
        }
    })
}

fn check(id: &str, label: String, on: bool, onchange: Callback<Event>) -> Html {
    html! {
        <label class="mc-check" for={id.to_owned()}>
            <input type="checkbox" id={id.to_owned()} checked={on} {onchange} />
            { label }
        </label>
    }
}

/// The builder's controls, code and preview.
#[function_component]
fn Builder(props: &BuilderProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Builder is rendered inside the App's context");
    let b = &props.builder;
    let embedded = b.embedded(&props.view);
    // The script's absolute address is known only in the browser.
    let script = use_memo((), |_| page::embed_script_url());
    let snippet = embed_snippet(&embedded, &ctx.data, &script);
    let wanted_src = format!("embed.html{}", write(&embedded, &ctx.data));
    // The frame follows the options once they rest for a moment, so that typing a colour or
    // clicking through options loads the preview once, not once per keystroke.
    let preview_src = use_state_eq(|| wanted_src.clone());
    {
        let preview_src = preview_src.clone();
        use_effect_with(wanted_src, move |src| {
            let src = src.clone();
            let timer = page::after(PREVIEW_DELAY_MS, move || preview_src.set(src));
            // Dropping the timer when the options change again cancels it.
            move || {
                let _cancelled = timer;
            }
        });
    }
    let single_file = use_memo((), |_| page::is_single_file());
    let snippet_ref = use_node_ref();
    let frame_ref = use_node_ref();
    {
        let frame_ref = frame_ref.clone();
        use_effect_with(*single_file, move |_| {
            let fit = embed::fit_frame(&frame_ref);
            // Dropping the guard (the builder closed) stops listening.
            move || {
                let _stopped = fit;
            }
        });
    }

    let theme_choices: Vec<Choice> = Theme::ALL
        .into_iter()
        .map(|t| {
            let key = if t == Theme::Auto {
                "ui.embed.theme.auto".to_owned()
            } else {
                text::theme_label(t)
            };
            Choice::new(t.id(), ctx.t(&key))
        })
        .collect();
    let on_theme = {
        let ctx = ctx.clone();
        Callback::from(move |id: String| {
            if let Some(theme) = Theme::from_id(&id) {
                ctx.dispatch(Action::EditEmbed(EmbedEdit::Theme(theme)));
            }
        })
    };
    let font_choices: Vec<Choice> = Font::ALL
        .into_iter()
        .map(|f| Choice::new(f.id(), ctx.t(&text::embed_font_label(f))))
        .collect();
    let on_font = {
        let ctx = ctx.clone();
        Callback::from(move |id: String| {
            if let Some(font) = Font::from_id(&id) {
                ctx.dispatch(Action::EditEmbed(EmbedEdit::Font(font)));
            }
        })
    };
    let on_accent = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(text) = event::input_value(&e) {
                ctx.dispatch(Action::EditEmbed(EmbedEdit::Accent(text)));
            }
        })
    };
    let accent_problem = b.accent_problem.map(|p| match p {
        AccentProblem::Malformed => "ui.embed.accent.malformed",
        AccentProblem::LowContrast {
            light: true,
            dark: true,
        } => "ui.embed.accent.low-both",
        AccentProblem::LowContrast { light: true, .. } => "ui.embed.accent.low-light",
        AccentProblem::LowContrast { .. } => "ui.embed.accent.low-dark",
    });
    let accent_described = if accent_problem.is_some() {
        "mc-embed-accent-help mc-embed-accent-problem"
    } else {
        "mc-embed-accent-help"
    };
    let on_copy = {
        let (ctx, snippet, snippet_ref) = (ctx.clone(), snippet.clone(), snippet_ref.clone());
        Callback::from(move |_: MouseEvent| {
            let (ctx, snippet, snippet_ref) = (ctx.clone(), snippet.clone(), snippet_ref.clone());
            yew::platform::spawn_local(async move {
                let copied = page::copy_or_select(&snippet, &snippet_ref).await;
                ctx.dispatch(Action::Copied(copied));
            });
        })
    };
    let copy_status = match b.copied {
        Some(true) => ctx.t("ui.embed.copied"),
        Some(false) => ctx.t("ui.embed.copy-failed"),
        None => String::new(),
    };
    let hide = |part: Part| {
        let id = format!("mc-embed-hide-{}", part.id());
        let onchange = edit(&ctx, move |e| {
            Some(EmbedEdit::Hide(part, event::is_checked(e)))
        });
        check(
            &id,
            ctx.t(&text::embed_hide_label(part)),
            !b.options.shows(part),
            onchange,
        )
    };

    html! {
        <div class="mc-embed-builder">
            <p>{ ctx.t("ui.embed.help") }</p>
            <fieldset class="mc-embed-options">
                <legend>{ ctx.t("ui.embed.options") }</legend>
                <LabelledSelect id="mc-embed-theme" label={ctx.t("ui.theme")} choices={theme_choices}
                    selected={b.theme.id().to_owned()} on_change={on_theme} />
                { check("mc-embed-transparent", ctx.t("ui.embed.transparent"), b.transparent,
                    edit(&ctx, |e| Some(EmbedEdit::Transparent(event::is_checked(e))))) }
                <div class="mc-picker mc-embed-accent">
                    <label for="mc-embed-accent">{ ctx.t("ui.embed.accent") }</label>
                    <input type="text" id="mc-embed-accent" dir="ltr" spellcheck="false" autocomplete="off"
                        placeholder="#0b7a4b" value={b.accent_text.clone()}
                        aria-invalid={(b.accent_problem == Some(AccentProblem::Malformed)).to_string()}
                        aria-describedby={accent_described} oninput={on_accent} />
                    <p id="mc-embed-accent-help" class="mc-hint">{ ctx.t("ui.embed.accent.help") }</p>
                    if let Some(key) = accent_problem {
                        <p id="mc-embed-accent-problem" class="mc-embed-problem" data-problem="accent">{ ctx.t(key) }</p>
                    }
                </div>
                { check("mc-embed-density", ctx.t("ui.embed.density"), b.options.density == Density::Compact,
                    edit(&ctx, |e| Some(EmbedEdit::Density(if event::is_checked(e) { Density::Compact } else { Density::Normal })))) }
                <LabelledSelect id="mc-embed-font" label={ctx.t("ui.embed.font")} choices={font_choices}
                    selected={b.options.font.id().to_owned()} on_change={on_font} />
                <fieldset class="mc-embed-hide">
                    <legend>{ ctx.t("ui.embed.hide") }</legend>
                    { for Part::ALL.into_iter().map(hide) }
                </fieldset>
            </fieldset>
            <div class="mc-embed-output">
                <label for="mc-embed-snippet">{ ctx.t("ui.embed.code") }</label>
                <textarea id="mc-embed-snippet" ref={snippet_ref} readonly=true rows="5" dir="ltr" value={snippet} />
                <div class="mc-embed-copy">
                    <button type="button" data-copy="embed" onclick={on_copy}>{ ctx.t("ui.embed.copy") }</button>
                    <p role="status" class="mc-embed-status">{ copy_status }</p>
                </div>
                <h3 id="mc-embed-preview-title">{ ctx.t("ui.embed.preview") }</h3>
                if *single_file {
                    <p class="mc-hint" data-preview="unavailable">{ ctx.t("ui.embed.preview.unavailable") }</p>
                } else {
                    <div class="mc-embed-preview">
                        <iframe ref={frame_ref} src={(*preview_src).clone()} title={ctx.t("ui.embed.preview.title")}
                            lang={props.view.locale.tag()} referrerpolicy="no-referrer" />
                    </div>
                }
            </div>
        </div>
    }
}
