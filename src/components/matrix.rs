//! The feature matrix: sortable headers in three labelled groups, one keyed row per messenger.

use crate::browser::intl::Collator;
use crate::components::context::Ctx;
use crate::components::criteria_history::CriteriaHistory;
use crate::components::filters::Filters;
use crate::components::note::Note;
use crate::components::row::Row;
use crate::components::windowing::{use_windowing, Windowing};
use crate::model::dataset::Group;
use crate::model::filter::{matrix_columns, visible_rows, Band, Filter};
use crate::model::sort::{aria_sort, name_ranks, sort_rows, Column, Sort};
use crate::model::text;
use crate::model::view_state::CellAt;
use crate::state::Action;
use yew::prelude::*;

/// Props of [`Matrix`].
#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub sort: Option<Sort>,
    pub filter: Filter,
    /// Only these rows, when the link chose them.
    pub rows: Option<Vec<usize>>,
    /// Only these criteria, when the link chose them.
    pub cols: Option<Vec<usize>>,
    pub open_cell: Option<CellAt>,
    /// The criteria explanations and their history under the matrix (a host may hide them).
    #[prop_or(true)]
    pub glossary: bool,
}

fn header(ctx: &Ctx, column: Column, sort: Option<Sort>) -> Html {
    let (label, criterion, key, explanation) = match column {
        Column::Name => (ctx.t("ui.column.messenger"), None, "name".to_owned(), None),
        Column::Network => (
            ctx.t("ui.column.network"),
            None,
            "network".to_owned(),
            Some(ctx.t("ui.column.network.explanation")),
        ),
        Column::Platforms => (
            ctx.t("ui.column.platforms"),
            None,
            "platforms".to_owned(),
            Some(ctx.t("ui.column.platforms.explanation")),
        ),
        Column::Met(group) => (
            ctx.t(&text::met_label(group)),
            None,
            format!("{}-met", group.id()),
            Some(ctx.t(&text::group_explanation(group))),
        ),
        Column::Criterion(i) => {
            let Some(c) = ctx.data.criteria.get(i) else {
                return Html::default();
            };
            (
                ctx.t(&text::criterion_label(&c.id)),
                Some(c.id.to_string()),
                c.id.to_string(),
                Some(ctx.t(&text::criterion_explanation(&c.id))),
            )
        }
        Column::Folded(group) => {
            return html! { <td class="mc-folded" data-group={group.id()}></td> };
        }
    };
    let state = aria_sort(sort, column);
    let c = ctx.clone();
    // A disclosure, not a hover tooltip: it opens by tap and by keyboard alike.
    let explain = explanation.map(|text| {
        html! {
            <details class="mc-explain">
                <summary aria-label={ctx.fill("ui.column.explain", &[("column", &label)])}>
                    <span aria-hidden="true">{ "?" }</span>
                </summary>
                <p>{ text }</p>
            </details>
        }
    });
    html! {
        <th scope="col" data-criterion={criterion} data-column={key} aria-sort={state}
            class={classes!("mc-sortable", (column == Column::Name).then_some("mc-name"))}>
            <div class="mc-th">
                <button type="button" class="mc-sort-button" onclick={Callback::from(move |_: MouseEvent| c.dispatch(Action::SortBy(column)))}>
                    <span>{ label.clone() }</span>
                    <span class="mc-sort-indicator" data-state={state} aria-hidden="true"></span>
                </button>
                { for explain }
            </div>
        </th>
    }
}

/// The band headings above the columns: each run of columns under one band gets one heading;
/// a guide group's heading folds and unfolds its columns.
fn band_headers(
    ctx: &Ctx,
    columns: &[(Column, Band)],
    folded: &UseStateHandle<Vec<Group>>,
) -> Html {
    let mut runs: Vec<(Band, usize)> = Vec::new();
    for &(_, band) in columns {
        match runs.last_mut() {
            Some((last, n)) if *last == band => *n += 1,
            _ => runs.push((band, 1)),
        }
    }
    runs.into_iter()
        .map(|(band, span)| {
            let label = match band {
                Band::Name => return html! { <td class="mc-name"></td> },
                Band::Everyday => ctx.t("ui.column.everyday"),
                Band::Summary => ctx.t("ui.column.summary"),
                Band::Group(group) => ctx.t(&text::group_label(group)),
            };
            let toggle = match band {
                Band::Group(group) => {
                    let is_folded = folded.contains(&group);
                    let folded = folded.clone();
                    let onclick = Callback::from(move |_: MouseEvent| {
                        let mut next: Vec<Group> = (*folded).clone();
                        if is_folded {
                            next.retain(|g| *g != group);
                        } else {
                            next.push(group);
                        }
                        folded.set(next);
                    });
                    let n = ctx.data.criteria_in(group).filter(|c| !ctx.data.everyday.contains(&c.id)).count();
                    let text = if is_folded {
                        ctx.fill("ui.column.unfold", &[("n", &ctx.number(n))])
                    } else {
                        ctx.t("ui.column.fold")
                    };
                    html! {
                        <button type="button" class="mc-fold" aria-expanded={(!is_folded).to_string()} {onclick}
                            aria-label={format!("{label}: {text}")}>
                            { text }
                        </button>
                    }
                }
                _ => Html::default(),
            };
            html! {
                <th scope="colgroup" colspan={span.to_string()} class="mc-group" data-group={band.id()}>
                    <span class="mc-group-label">{ label }</span>
                    { toggle }
                </th>
            }
        })
        .collect()
}

/// The header rows above the body: the groups and the columns.
const HEADER_ROWS: usize = 2;

/// The matrix, with the active filter named above it and the criteria explained below it.
#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Matrix is rendered inside the App's context");
    // Computed once here for the header and every row, and again only when the link's
    // column choice changes.
    let folded = use_state(Vec::<Group>::new);
    let columns = {
        let data = ctx.data.clone();
        use_memo(
            (props.cols.clone(), (*folded).clone()),
            move |(cols, folded)| matrix_columns(&data, cols.as_deref(), folded),
        )
    };
    let mut rows = visible_rows(&ctx.data, &props.filter, props.rows.as_deref());
    // Name order in the reader's collation, computed once per language and only when used.
    let by_name = props.sort.is_some_and(|s| s.column == Column::Name);
    let ranks = {
        let data = ctx.data.clone();
        use_memo((ctx.locale(), by_name), move |(locale, by_name)| {
            by_name.then(|| {
                let collator = Collator::new(locale.tag());
                name_ranks(&data, &|a, b| collator.compare(a, b))
            })
        })
    };
    sort_rows(&ctx.data, &mut rows, props.sort, ranks.as_deref());

    // Long lists render only the rows in view; the scroll box then has a fixed height.
    let Windowing {
        active: windowed,
        span,
        scroller,
        onscroll,
        top: top_spacer,
        bottom: bottom_spacer,
    } = use_windowing(rows.len());
    let on_clear = {
        let c = ctx.clone();
        Callback::from(move |_: MouseEvent| c.dispatch(Action::FilterNetwork(None)))
    };
    let total = props
        .rows
        .as_ref()
        .map_or(ctx.data.messengers.len(), Vec::len);
    // Every child of the body is keyed (a single unkeyed sibling would make the diff
    // positional). A full list is keyed by messenger, so that a re-sort moves its rows. A
    // windowed one is keyed by position: after a re-sort its window holds mostly other
    // messengers, and a row kept in its place and given another messenger changes only the
    // values that differ, where a row per messenger is destroyed and built anew (measured at
    // 1,000 rows: most of a sort's script time); a scroll keeps the rows still in view.
    let body: Html = if rows.is_empty() {
        html! { <tr key="empty"><td colspan={columns.len().to_string()} class="mc-empty">{ ctx.t("ui.filter.none") }</td></tr> }
    } else {
        let spacer = |key: &'static str, node: &NodeRef| {
            html! {
                <tr key={key} ref={node.clone()} class="mc-spacer" aria-hidden="true"><td colspan={columns.len().to_string()}></td></tr>
            }
        };
        let visible = rows[span.rows.clone()].iter().enumerate().map(|(i, &row)| {
            html! {
                <Row key={if windowed { (span.rows.start + i).to_string() } else { ctx.data.messengers[row].id.to_string() }}
                    row={row}
                    // In a windowed list a note opens below the box, so every row keeps one height.
                    open={props.open_cell.filter(|cell| cell.messenger == row && !windowed).map(|cell| cell.criterion)}
                    row_index={windowed.then_some(span.rows.start + i + HEADER_ROWS + 1)}
                    columns={columns.clone()} />
            }
        });
        windowed
            .then(|| spacer("spacer-before", &top_spacer))
            .into_iter()
            .chain(visible)
            .chain(windowed.then(|| spacer("spacer-after", &bottom_spacer)))
            .collect()
    };
    let windowed_note = props
        .open_cell
        .filter(|cell| windowed && rows.contains(&cell.messenger))
        .map(|cell| html! { <Note {cell} /> });

    html! {
        <section class="mc-matrix" aria-labelledby="mc-matrix-title">
            <h2 id="mc-matrix-title">{ ctx.t("ui.matrix.title") }</h2>
            <p class="mc-hint">{ ctx.t("ui.matrix.hint") }</p>
            <Filters filter={props.filter.clone()} rows_chosen={props.rows.is_some()} />
            <p class="mc-count" role="status">
                { ctx.fill("ui.filter.count", &[("shown", &ctx.number(rows.len())), ("total", &ctx.number(total))]) }
            </p>
            if let Some(network) = props.filter.network {
                <p class="mc-filter" role="status">
                    { ctx.fill("ui.filter.network", &[("network", &ctx.t(&text::network_name(network)))]) }
                    { " " }
                    <button type="button" onclick={on_clear}>{ ctx.t("ui.filter.clear") }</button>
                </p>
            }
            <div ref={scroller} {onscroll} class={classes!("mc-scroll", windowed.then_some("mc-scroll--windowed"))}
                tabindex="0" role="region" aria-labelledby="mc-matrix-title">
                <table class="mc-table" aria-rowcount={windowed.then(|| (rows.len() + HEADER_ROWS).to_string())}>
                    <thead>
                        <tr class="mc-group-row">
                            { band_headers(&ctx, &columns, &folded) }
                        </tr>
                        <tr>
                            { for columns.iter().map(|(c, _)| header(&ctx, *c, props.sort)) }
                        </tr>
                    </thead>
                    <tbody>{ body }</tbody>
                </table>
            </div>
            { for windowed_note }
            if props.glossary {
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
                    <CriteriaHistory />
                </section>
            }
        </section>
    }
}
