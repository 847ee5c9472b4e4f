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
    let snippet = embed_snippet(&props.view, &ctx.data, &page::embed_script_url());
    html! {
        <details class="mc-embed-code">
            <summary>{ ctx.t("ui.embed.button") }</summary>
            <p>{ ctx.t("ui.embed.help") }</p>
            <label for="mc-embed-snippet" class="mc-visually-hidden">{ ctx.t("ui.embed.button") }</label>
            <textarea id="mc-embed-snippet" readonly=true rows="4" dir="ltr" value={snippet} />
        </details>
    }
}
