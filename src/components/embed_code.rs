//! "Embed this view": the snippet a site owner copies to show the current view on their page.

use crate::browser::page;
use crate::components::context::Ctx;
use crate::model::view_state::{embed_snippet, ViewState};
use yew::prelude::*;

/// Props of [`EmbedCode`].
#[derive(Properties, PartialEq)]
pub struct EmbedCodeProps {
    pub view: ViewState,
}

/// A disclosure with the ready snippet for the current view.
#[function_component]
pub fn EmbedCode(props: &EmbedCodeProps) -> Html {
    let ctx = use_context::<Ctx>().expect("EmbedCode is rendered inside the App's context");
    // The script's absolute address is known only in the browser: the first render (which
    // must match the prerendered page) says `embed.js`, and the effect fills in the rest.
    let script = use_state(|| "embed.js".to_owned());
    {
        let script = script.clone();
        use_effect_with((), move |_| script.set(page::embed_script_url()));
    }
    let snippet = embed_snippet(&props.view, &ctx.data, &script);
    html! {
        <details class="mc-embed-code">
            <summary>{ ctx.t("ui.embed.button") }</summary>
            <p>{ ctx.t("ui.embed.help") }</p>
            <label for="mc-embed-snippet" class="mc-visually-hidden">{ ctx.t("ui.embed.button") }</label>
            <textarea id="mc-embed-snippet" readonly=true rows="4" dir="ltr" value={snippet} />
        </details>
    }
}
