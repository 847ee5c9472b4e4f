//! The feature matrix: sortable headers in three labelled groups, one keyed row per messenger.

use crate::browser::intl::Collator;
use crate::components::context::Ctx;
use crate::components::criteria_history::CriteriaHistory;
use crate::components::note::Note;
use crate::components::row::Row;
use crate::model::dataset::{Group, NetworkId, Platform};
use crate::model::filter::{matrix_columns, visible_rows, Band, Filter, Need};
use crate::model::sort::{aria_sort, name_ranks, sort_rows, Column, Sort};
use crate::model::text;
use crate::model::viewport::{window, Window, WINDOW_FROM};
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
    pub open_cell: Option<(usize, usize)>,
    pub on_sort: Callback<Column>,
    pub on_cell: Callback<(usize, usize)>,
    pub on_name: Callback<usize>,
    pub on_filter: Callback<Option<NetworkId>>,
    pub on_network: Callback<NetworkId>,
    pub on_need: Callback<(Need, bool)>,
    pub on_platform: Callback<Option<Platform>>,
    pub on_clear: Callback<()>,
}

fn header(ctx: &Ctx, column: Column, sort: Option<Sort>, on_sort: &Callback<Column>) -> Html {
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
                Some(c.id.clone()),
                c.id.clone(),
                Some(ctx.t(&text::criterion_explanation(&c.id))),
            )
        }
        Column::Folded(group) => {
            return html! { <td class="mc-folded" data-group={group.id()}></td> };
        }
    };
    let state = aria_sort(sort, column);
    let on_sort = on_sort.clone();
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
                <button type="button" class="mc-sort-button" onclick={Callback::from(move |_: MouseEvent| on_sort.emit(column))}>
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
                    <span>{ label }</span>
                    { toggle }
                </th>
            }
        })
        .collect()
}

fn filters(ctx: &Ctx, props: &MatrixProps, open: &UseStateHandle<bool>) -> Html {
    let needs = Need::ALL.into_iter().map(|need| {
        let on_need = props.on_need.clone();
        let checked = props.filter.needs.contains(&need);
        let id = format!("mc-need-{}", need.id());
        html! {
            <label class="mc-check" for={id.clone()}>
                <input type="checkbox" id={id} data-need={need.id()} {checked}
                    onchange={Callback::from(move |e: Event| {
                        let on = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
                        on_need.emit((need, on));
                    })} />
                { ctx.t(&text::need_label(need)) }
            </label>
        }
    });
    let on_platform = props.on_platform.clone();
    let on_network = props.on_filter.clone();
    let selected = |e: &Event| {
        e.target_dyn_into::<web_sys::HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default()
    };
    let on_clear = {
        let on_clear = props.on_clear.clone();
        Callback::from(move |_: MouseEvent| on_clear.emit(()))
    };
    let active = props.filter.needs.len()
        + usize::from(props.filter.platform.is_some())
        + usize::from(props.filter.network.is_some());
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    html! {
        <>
        // Shown only on narrow screens (see styles/main.css), where the filters start folded.
        <button type="button" class="mc-button mc-filters-toggle" aria-expanded={open.to_string()}
            aria-controls="mc-filters" onclick={toggle}>
            { ctx.fill("ui.filter.toggle", &[("n", &ctx.number(active))]) }
        </button>
        <fieldset id="mc-filters" class={classes!("mc-filters", (!**open).then_some("mc-filters--closed"))}>
            <legend>{ ctx.t("ui.filter.title") }</legend>
            { for needs }
            <label class="mc-select">
                { ctx.t("ui.filter.platform") }
                <select id="mc-platform" onchange={Callback::from(move |e: Event| {
                    on_platform.emit(Platform::ALL.into_iter().find(|p| p.id() == selected(&e)));
                })}>
                    <option value="" selected={props.filter.platform.is_none()}>{ ctx.t("ui.filter.any") }</option>
                    { for Platform::ALL.into_iter().map(|p| html! {
                        <option value={p.id()} selected={props.filter.platform == Some(p)}>{ ctx.t(&text::platform_name(p)) }</option>
                    }) }
                </select>
            </label>
            <label class="mc-select">
                { ctx.t("ui.filter.architecture") }
                <select id="mc-network-filter" onchange={Callback::from(move |e: Event| {
                    on_network.emit(NetworkId::from_id(&selected(&e)));
                })}>
                    <option value="" selected={props.filter.network.is_none()}>{ ctx.t("ui.filter.any") }</option>
                    { for NetworkId::ALL.into_iter().map(|n| html! {
                        <option value={n.id()} selected={props.filter.network == Some(n)}>{ ctx.t(&text::network_name(n)) }</option>
                    }) }
                </select>
            </label>
            if props.filter.is_active() || props.rows.is_some() {
                <button type="button" class="mc-clear" onclick={on_clear}>{ ctx.t("ui.filter.clear-all") }</button>
            }
        </fieldset>
        </>
    }
}

/// The header rows above the body: the groups and the columns.
const HEADER_ROWS: usize = 2;

/// What the windowed list needs to know of the scroll box, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Metrics {
    scroll_top: f64,
    viewport: f64,
    row_height: f64,
    header: f64,
}

/// Reads the box's height, its header's height and a body row's height from the page.
fn measure(scroller: &NodeRef) -> Option<Metrics> {
    let el = scroller.cast::<web_sys::Element>()?;
    let header = el
        .query_selector("thead")
        .ok()??
        .get_bounding_client_rect()
        .height();
    let row = el
        .query_selector("tbody tr[data-messenger]")
        .ok()??
        .get_bounding_client_rect()
        .height();
    Some(Metrics {
        scroll_top: f64::from(el.scroll_top()),
        viewport: f64::from(el.client_height()),
        row_height: row,
        header,
    })
}

/// The matrix, with the active filter named above it and the criteria explained below it.
#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Matrix is rendered inside the App's context");
    // Computed once here for the header and every row, and again only when the link's
    // column choice changes.
    let folded = use_state(Vec::<Group>::new);
    let filters_open = use_state(|| false);
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

    // Long lists render only the rows in view (see model/viewport.rs); the scroll box then has
    // a fixed height and reports where it is.
    let windowed = rows.len() > WINDOW_FROM;
    let scroller = use_node_ref();
    let metrics = use_state(|| Metrics {
        scroll_top: 0.0,
        viewport: 600.0,
        row_height: 52.0,
        header: 80.0,
    });
    let span = if windowed {
        window(
            rows.len(),
            metrics.scroll_top - metrics.header,
            metrics.viewport - metrics.header,
            metrics.row_height,
        )
    } else {
        Window {
            rows: 0..rows.len(),
            before: 0.0,
            after: 0.0,
        }
    };
    let (top_spacer, bottom_spacer) = (use_node_ref(), use_node_ref());
    {
        let (scroller, metrics, top, bottom) = (
            scroller.clone(),
            metrics.clone(),
            top_spacer.clone(),
            bottom_spacer.clone(),
        );
        let heights = (span.before, span.after);
        use_effect(move || {
            // Spacer heights through the CSSOM: the CSP refuses style attributes.
            for (spacer, height) in [(top, heights.0), (bottom, heights.1)] {
                if let Some(el) = spacer.cast::<web_sys::HtmlElement>() {
                    let _ = el.style().set_property("height", &format!("{height}px"));
                }
            }
            if let Some(measured) = windowed.then(|| measure(&scroller)).flatten() {
                if (measured.row_height - metrics.row_height).abs() > 0.5
                    || (measured.header - metrics.header).abs() > 0.5
                    || (measured.viewport - metrics.viewport).abs() > 0.5
                {
                    metrics.set(Metrics {
                        scroll_top: metrics.scroll_top,
                        ..measured
                    });
                }
            }
        });
    }
    let onscroll = {
        let (scroller, metrics) = (scroller.clone(), metrics.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let top = f64::from(el.scroll_top());
                if (top - metrics.scroll_top).abs() >= 1.0 {
                    metrics.set(Metrics {
                        scroll_top: top,
                        ..*metrics
                    });
                }
            }
        })
    };

    let on_clear = {
        let on_filter = props.on_filter.clone();
        Callback::from(move |_: MouseEvent| on_filter.emit(None))
    };
    let total = props
        .rows
        .as_ref()
        .map_or(ctx.data.messengers.len(), Vec::len);
    // Every child of the body is keyed, so a re-sort moves rows instead of rebuilding them:
    // a single unkeyed sibling would make the diff positional.
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
                <Row key={ctx.data.messengers[row].id.clone()}
                    row={row}
                    // In a windowed list a note opens below the box, so every row keeps one height.
                    open={props.open_cell.filter(|(m, _)| *m == row && !windowed).map(|(_, c)| c)}
                    row_index={windowed.then_some(span.rows.start + i + HEADER_ROWS + 1)}
                    columns={columns.clone()}
                    on_cell={props.on_cell.clone()}
                    on_name={props.on_name.clone()}
                    on_network={props.on_network.clone()} />
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
        .filter(|(m, _)| windowed && rows.contains(m))
        .map(|(m, c)| {
            let on_cell = props.on_cell.clone();
            html! { <Note row={m} criterion={c} on_close={Callback::from(move |_| on_cell.emit((m, c)))} /> }
        });

    html! {
        <section class="mc-matrix" aria-labelledby="mc-matrix-title">
            <h2 id="mc-matrix-title">{ ctx.t("ui.matrix.title") }</h2>
            <p class="mc-hint">{ ctx.t("ui.matrix.hint") }</p>
            { filters(&ctx, props, &filters_open) }
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
                            { for columns.iter().map(|(c, _)| header(&ctx, *c, props.sort, &props.on_sort)) }
                        </tr>
                    </thead>
                    <tbody>{ body }</tbody>
                </table>
            </div>
            { for windowed_note }
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
        </section>
    }
}
