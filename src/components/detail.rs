//! A messenger's detail, in a modal dialog, leading with what a reader needs: what it is,
//! its standing today and its downloads; then caveats, how it carries a message, audits,
//! links, and last the standing history.

use crate::browser::page;
use crate::components::context::Ctx;
use crate::components::diagram::DiagramView;
use crate::components::row::badge_text;
use crate::model::dataset::{Messenger, Platform, Status};
use crate::model::layout::route;
use crate::model::text;
use crate::state::Action;
use yew::prelude::*;

/// Props of [`Detail`].
#[derive(Properties, PartialEq)]
pub struct DetailProps {
    /// The messenger to show; `None` keeps the dialog closed.
    pub messenger: Option<usize>,
}

fn external(href: &str, label: Html) -> Html {
    html! { <a href={href.to_owned()} rel="noopener noreferrer" target="_blank">{ label }</a> }
}

fn body(ctx: &Ctx, m: &Messenger) -> Html {
    let history = m.standing.iter().rev().map(|standing| {
        let edition = ctx.data.editions.iter().find(|e| e.id == standing.edition);
        html! {
            <li data-edition={standing.edition.clone()} data-status={standing.status.id()}>
                if let Some(edition) = edition {
                    <strong><a href={edition.source.clone()} rel="noopener noreferrer" target="_blank">
                        <time datetime={edition.date.clone()}>{ ctx.date(&edition.date) }</time>
                    </a></strong>
                }
                { ": " }{ ctx.t(&text::status_label(standing.status)) }
                if let Some(edition) = edition {
                    <span class="mc-history-note">{ " — " }{ ctx.t(&text::edition_note(&edition.id)) }</span>
                }
            </li>
        }
    });
    let was_additional = m
        .standing
        .iter()
        .any(|s| s.status == Status::AdditionalOption);
    let available = m.platforms();
    let platforms = available.iter().map(|&platform| {
        html! {
            <>
                <dt>{ ctx.t(&text::platform_name(platform)) }</dt>
                <dd>
                    <ul class="mc-inline-list">
                        { for m.downloads.iter().filter(|d| d.platform == platform).map(|d| html! {
                            <li>{ external(&d.url, html! { { ctx.t(&text::channel_name(d.channel)) } }) }</li>
                        }) }
                    </ul>
                </dd>
            </>
        }
    });
    let missing: Vec<String> = Platform::ALL
        .into_iter()
        .filter(|p| !available.contains(p))
        .map(|p| ctx.t(&text::platform_name(p)))
        .collect();
    html! {
        <>
            <p class="mc-maker">{ ctx.fill("ui.detail.maker", &[("maker", &m.maker), ("protocol", &m.protocol)]) }</p>
            <p>{ ctx.long_text(&text::messenger_description(&m.id)) }</p>
            <p class="mc-today">
                <span class="mc-entry-label">{ ctx.t("ui.detail.today") }</span>{ " " }
                <span class="mc-badge" data-standing={m.badge().id()}>{ badge_text(ctx, m) }</span>
            </p>

            <h3>{ ctx.t("ui.detail.downloads") }</h3>
            <dl class="mc-downloads">{ for platforms }</dl>
            if !missing.is_empty() {
                <p class="mc-muted">{ ctx.fill("ui.detail.no-download", &[("platforms", &missing.join(", "))]) }</p>
            }

            if !m.caveats.is_empty() {
                <h3>{ ctx.t("ui.detail.caveats") }</h3>
                <ul>
                    { for m.caveats.iter().map(|c| html! { <li>{ ctx.long_text(&text::messenger_caveat(&m.id, c)) }</li> }) }
                </ul>
            }

            <h3>{ ctx.t("ui.detail.network") }</h3>
            <p>{ ctx.long_text(&text::messenger_network(&m.id)) }</p>
            { for m.routes.iter().map(|&r| html! {
                <DiagramView diagram={route(r)} network={None} name={r.id()} />
            }) }

            <h3>{ ctx.t("ui.detail.audits") }</h3>
            <ul>
                { for m.audits.iter().map(|a| html! {
                    <li>
                        { a.year.to_string() }{ " · " }
                        { a.auditor.clone() }{ " · " }
                        { external(&a.url, ctx.long_text(&text::messenger_audit(&m.id, &a.id))) }
                    </li>
                }) }
            </ul>

            <h3>{ ctx.t("ui.detail.links") }</h3>
            <ul class="mc-inline-list">
                { for m.links.labelled().into_iter().map(|(key, url)| html! {
                    <li>{ external(url, html! { { ctx.t(&text::link_label(key)) } }) }</li>
                }) }
            </ul>

            <h3>{ ctx.t("ui.detail.standing") }</h3>
            <ol class="mc-history">{ for history }</ol>
            if was_additional {
                <p class="mc-warning">{ ctx.t("status.additional-option.warning") }</p>
            }
        </>
    }
}

/// The detail dialog. It opens as a modal (focus moves in, Escape closes, focus returns to the
/// name that opened it) and every way of closing it dispatches [`Action::CloseDetail`].
#[function_component]
pub fn Detail(props: &DetailProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Detail is rendered inside the App's context");
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with(props.messenger, move |open| {
            page::show_dialog(&dialog, open.is_some());
        });
    }
    let on_dialog_close = {
        let c = ctx.clone();
        Callback::from(move |_: Event| c.dispatch(Action::CloseDetail))
    };
    let on_button = {
        let c = ctx.clone();
        Callback::from(move |_: MouseEvent| c.dispatch(Action::CloseDetail))
    };
    let messenger = props.messenger.and_then(|i| ctx.data.messengers.get(i));
    html! {
        <dialog ref={dialog} class="mc-detail" aria-labelledby="mc-detail-title" onclose={on_dialog_close}
            data-messenger={messenger.map(|m| m.id.clone())}>
            if let Some(m) = messenger {
                <div class="mc-detail-head">
                    <h2 id="mc-detail-title">{ m.name.clone() }</h2>
                    <button type="button" class="mc-close" onclick={on_button}>{ ctx.t("ui.close") }</button>
                </div>
                { body(&ctx, m) }
            }
        </dialog>
    }
}
