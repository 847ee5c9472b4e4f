//! The feature matrix: sortable headers in three labelled groups, one keyed row per messenger.

use crate::browser::intl::Collator;
use crate::components::context::Ctx;
use crate::components::row::{columns, Row};
use crate::model::dataset::{Group, NetworkId};
use crate::model::filter::{visible_rows, Filter};
use crate::model::sort::{aria_sort, sort_rows, Column, Sort};
use crate::model::text;
use yew::prelude::*;

/// Props of [`Matrix`].
#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub sort: Option<Sort>,
    pub filter: Filter,
    pub open_cell: Option<(usize, usize)>,
    pub on_sort: Callback<Column>,
    pub on_cell: Callback<(usize, usize)>,
    pub on_name: Callback<usize>,
    pub on_filter: Callback<Option<NetworkId>>,
    pub on_network: Callback<NetworkId>,
}

fn header(ctx: &Ctx, column: Column, sort: Option<Sort>, on_sort: &Callback<Column>) -> Html {
    let (label, criterion, key) = match column {
        Column::Name => (ctx.t("ui.column.messenger"), None, "name".to_owned()),
        Column::Network => (ctx.t("ui.column.network"), None, "network".to_owned()),
        Column::Met(group) => (
            ctx.t(&text::met_label(group)),
            None,
            format!("{}-met", group.id()),
        ),
        Column::Criterion(i) => {
            let Some(c) = ctx.data.criteria.get(i) else {
                return Html::default();
            };
            (
                ctx.t(&text::criterion_label(&c.id)),
                Some(c.id.clone()),
                c.id.clone(),
            )
        }
    };
    let state = aria_sort(sort, column);
    let on_sort = on_sort.clone();
    html! {
        <th scope="col" data-criterion={criterion} data-column={key} aria-sort={state}
            class={classes!("mc-sortable", (column == Column::Name).then_some("mc-name"))}>
            <button type="button" class="mc-sort-button" onclick={Callback::from(move |_: MouseEvent| on_sort.emit(column))}>
                <span>{ label }</span>
                <span class="mc-sort-indicator" data-state={state} aria-hidden="true"></span>
            </button>
        </th>
    }
}

/// The matrix, with the active filter named above it and the criteria explained below it.
#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Matrix is rendered inside the App's context");
    let columns = columns(&ctx);
    let mut rows = visible_rows(&ctx.data, &props.filter);
    let collator = Collator::new(ctx.locale().tag());
    sort_rows(&ctx.data, &mut rows, props.sort, &|a, b| {
        collator.compare(a, b)
    });

    let group_headers = Group::ALL.iter().map(|group| {
        let span = ctx.data.criteria_in(*group).count();
        html! {
            <th scope="colgroup" colspan={span.to_string()} class="mc-group" data-group={group.id()}>
                { ctx.t(&text::group_label(*group)) }
            </th>
        }
    });
    let on_clear = {
        let on_filter = props.on_filter.clone();
        Callback::from(move |_: MouseEvent| on_filter.emit(None))
    };

    html! {
        <section class="mc-matrix" aria-labelledby="mc-matrix-title">
            <h2 id="mc-matrix-title">{ ctx.t("ui.matrix.title") }</h2>
            <p class="mc-hint">{ ctx.t("ui.matrix.hint") }</p>
            if let Some(network) = props.filter.network {
                <p class="mc-filter" role="status">
                    { ctx.fill("ui.filter.network", &[("network", &ctx.t(&text::network_name(network)))]) }
                    { " " }
                    <button type="button" onclick={on_clear}>{ ctx.t("ui.filter.clear") }</button>
                </p>
            }
            <div class="mc-scroll" tabindex="0" role="region" aria-labelledby="mc-matrix-title">
                <table class="mc-table">
                    <thead>
                        <tr class="mc-group-row">
                            <td class="mc-name"></td>
                            <th scope="colgroup" colspan="3" class="mc-group" data-group="summary">{ ctx.t("ui.column.summary") }</th>
                            { for group_headers }
                        </tr>
                        <tr>
                            { for columns.iter().map(|c| header(&ctx, *c, props.sort, &props.on_sort)) }
                        </tr>
                    </thead>
                    <tbody>
                        { for rows.iter().map(|&row| html! {
                            <Row key={ctx.data.messengers[row].id.clone()}
                                row={row}
                                open={props.open_cell.filter(|(m, _)| *m == row).map(|(_, c)| c)}
                                on_cell={props.on_cell.clone()}
                                on_name={props.on_name.clone()}
                                on_network={props.on_network.clone()} />
                        }) }
                    </tbody>
                </table>
            </div>
            <section class="mc-criteria" aria-labelledby="mc-criteria-title">
                <h2 id="mc-criteria-title">{ ctx.t("ui.criteria.title") }</h2>
                { for Group::ALL.iter().map(|group| html! {
                    <>
                        <h3>{ ctx.t(&text::group_label(*group)) }</h3>
                        <p>{ ctx.t(&text::group_explanation(*group)) }</p>
                        <dl>
                            { for ctx.data.criteria_in(*group).map(|c| html! {
                                <>
                                    <dt>{ ctx.t(&text::criterion_label(&c.id)) }</dt>
                                    <dd>
                                        { ctx.t(&text::criterion_explanation(&c.id)) }
                                        if c.definition {
                                            <span class="mc-definition">{ " " }{ ctx.t(&text::criterion_definition(&c.id)) }</span>
                                        }
                                    </dd>
                                </>
                            }) }
                        </dl>
                    </>
                }) }
            </section>
        </section>
    }
}
