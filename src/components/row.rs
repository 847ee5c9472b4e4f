//! One messenger's row of the matrix, and the trait that renders each kind of cell.

use crate::components::context::Ctx;
use crate::components::icon::verdict_icon;
use crate::components::note::Note;
use crate::model::dataset::Messenger;
use crate::model::filter::Band;
use crate::model::sort::Column;
use crate::model::text;
use crate::model::view_state::CellAt;
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Everything a cell needs to render itself.
pub struct CellCtx<'a> {
    pub ctx: &'a Ctx,
    pub row: usize,
    pub messenger: &'a Messenger,
    pub open: Option<usize>,
}

/// Renders a column's cell for one row (after PatternFly-Yew's table-entry renderer), so the
/// header row and every body row walk the same list of columns.
pub trait CellRenderer {
    /// The `<th>`/`<td>` for this column in the given row.
    fn render_cell(&self, cell: &CellCtx) -> Html;
}

impl CellRenderer for Column {
    fn render_cell(&self, cell: &CellCtx) -> Html {
        let CellCtx {
            ctx,
            row,
            messenger: m,
            ..
        } = *cell;
        match *self {
            Column::Name => {
                let c = ctx.clone();
                let badge = m.badge();
                html! {
                    <th scope="row" class="mc-name">
                        <button type="button" class="mc-name-button" aria-haspopup="dialog"
                            onclick={Callback::from(move |_: MouseEvent| c.dispatch(Action::OpenDetail(row)))}>
                            { m.name.clone() }
                        </button>
                        <span class="mc-badge" data-standing={badge.id()}>
                            { badge_text(ctx, m) }
                        </span>
                    </th>
                }
            }
            Column::Met(group) => {
                let total = ctx.data.criteria_in(group).count();
                let met = ctx.data.met(m, group);
                html! {
                    <td class="mc-met" data-column={format!("{}-met", group.id())} data-met={met.to_string()}
                        data-label={ctx.t(&text::met_label(group))}>
                        { ctx.fill("ui.met", &[("n", &ctx.number(met)), ("total", &ctx.number(total))]) }
                    </td>
                }
            }
            Column::Platforms => {
                let names: Vec<String> = m
                    .platforms()
                    .into_iter()
                    .map(|p| ctx.t(&text::platform_name(p)))
                    .collect();
                html! {
                    <td class="mc-platforms-cell" data-column="platforms" data-label={ctx.t("ui.column.platforms")}>
                        { names.join(", ") }
                    </td>
                }
            }
            Column::Folded(group) => html! {
                <td class="mc-folded" data-group={group.id()}></td>
            },
            Column::Network => html! {
                <td class="mc-network-cell" data-column="network" data-label={ctx.t("ui.column.network")}>
                    <ul class="mc-plain-list">
                        { for m.networks.iter().map(|&network| {
                            let c = ctx.clone();
                            html! {
                                <li data-network={network.id()}>
                                    <button type="button" class="mc-link-button"
                                        onclick={Callback::from(move |_: MouseEvent| c.dispatch(Action::ShowNetwork(network)))}>
                                        { ctx.t(&text::network_name(network)) }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                </td>
            },
            Column::Criterion(ci) => {
                let Some(criterion) = ctx.data.criteria.get(ci) else {
                    return Html::default();
                };
                let Some(value_cell) = m.cell(&criterion.id) else {
                    return html! { <td data-criterion={criterion.id.clone()}></td> };
                };
                let value = value_cell.value;
                let expanded = cell.open == Some(ci);
                let (c, at) = (
                    ctx.clone(),
                    CellAt {
                        messenger: row,
                        criterion: ci,
                    },
                );
                let verdict = criterion.verdict(value);
                html! {
                    <td data-criterion={criterion.id.clone()} data-value={value.id()} data-verdict={verdict.id()}
                        class="mc-value" data-label={ctx.t(&text::criterion_label(&criterion.id))}>
                        <button type="button" class={format!("mc-value-button mc-verdict--{}", verdict.id())}
                            aria-expanded={expanded.to_string()}
                            aria-controls={expanded.then(|| format!("mc-note-{}", m.id))}
                            aria-label={ctx.fill("ui.cell.label", &[
                                ("messenger", &m.name),
                                ("criterion", &ctx.t(&text::criterion_label(&criterion.id))),
                                ("value", &ctx.t(&text::value_word(value))),
                            ])}
                            onclick={Callback::from(move |_: MouseEvent| c.dispatch(Action::ToggleCell(at)))}>
                            { verdict_icon(verdict) }
                            <span class="mc-value-word">{ ctx.t(&text::value_word(value)) }</span>
                        </button>
                    </td>
                }
            }
        }
    }
}

/// Props of [`Row`]: indices only (cells dispatch through the context), so an unchanged row
/// compares equal.
#[derive(Properties, PartialEq)]
pub struct RowProps {
    /// Index of the messenger in the dataset.
    pub row: usize,
    /// The criterion whose note is open in this row.
    pub open: Option<usize>,
    /// The matrix's columns and their bands, computed once by the matrix for all its rows.
    pub columns: Rc<Vec<(Column, Band)>>,
    /// The row's `aria-rowindex`, when the list is windowed and not every row is in the DOM.
    #[prop_or_default]
    pub row_index: Option<usize>,
}

/// A messenger's row, followed by the open cell's note when there is one.
#[function_component]
pub fn Row(props: &RowProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Row is rendered inside the App's context");
    let Some(messenger) = ctx.data.messengers.get(props.row) else {
        return Html::default();
    };
    let columns = &props.columns;
    let cell = CellCtx {
        ctx: &ctx,
        row: props.row,
        messenger,
        open: props.open,
    };
    html! {
        <>
            <tr data-messenger={messenger.id.clone()} aria-rowindex={props.row_index.map(|i| i.to_string())}>
                { for columns.iter().map(|(c, _)| c.render_cell(&cell)) }
            </tr>
            if let Some(criterion) = props.open {
                <tr class="mc-note-row" data-note-for={messenger.id.clone()}>
                    <td colspan={columns.len().to_string()}>
                        <Note cell={CellAt { messenger: props.row, criterion }} />
                    </td>
                </tr>
            }
        </>
    }
}

/// A row's standing badge; an alternative client names the messenger it is listed with.
pub fn badge_text(ctx: &Ctx, m: &Messenger) -> String {
    text::badge_text(&ctx.data, m, &|key| ctx.t(key))
}
