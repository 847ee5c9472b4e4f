//! How the guide's criteria changed: each criterion's group in every period between two
//! editions that changed the lists, so that "no longer listed" can be read against them.

use crate::components::context::Ctx;
use crate::model::dataset::Group;
use crate::model::text;
use yew::prelude::*;

/// A table: criteria down, periods across, the group the guide put each criterion in.
#[function_component]
pub fn CriteriaHistory() -> Html {
    let ctx = use_context::<Ctx>().expect("CriteriaHistory is rendered inside the App's context");
    let periods = ctx.data.criteria_changes();
    let listed = ctx
        .data
        .criteria
        .iter()
        .filter(|c| periods.iter().any(|e| e.group_of(&c.id) != Group::More));
    let head = periods.iter().map(|e| {
        let date = html! { <time datetime={e.date.clone()}>{ ctx.date(&e.date) }</time> };
        let label = ctx.t("ui.criteria.history.since");
        let (before, after) = label.split_once("{date}").unwrap_or((&label, ""));
        html! {
            <th scope="col" data-edition={e.id.clone()}>
                <a href={e.source.clone()} rel="noopener noreferrer" target="_blank">{ before }{ date }{ after }</a>
            </th>
        }
    });
    let rows = listed.map(|c| {
        html! {
            <tr data-criterion={c.id.clone()}>
                <th scope="row">{ ctx.t(&text::criterion_label(&c.id)) }</th>
                { for periods.iter().map(|e| {
                    let group = e.group_of(&c.id);
                    let word = match group {
                        Group::More => ctx.t("ui.criteria.history.none"),
                        _ => ctx.t(&text::group_label(group)),
                    };
                    html! { <td data-edition={e.id.clone()} data-group={group.id()}>{ word }</td> }
                }) }
            </tr>
        }
    });
    html! {
        <section class="mc-criteria-history" aria-labelledby="mc-criteria-history-title">
            <h3 id="mc-criteria-history-title">{ ctx.t("ui.criteria.history.title") }</h3>
            <p>{ ctx.t("ui.criteria.history.intro") }</p>
            <div class="mc-table-scroll">
                <table class="mc-history-table">
                    <thead>
                        <tr>
                            <th scope="col">{ ctx.t("ui.criteria.history.criterion") }</th>
                            { for head }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}
