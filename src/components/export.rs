//! "Take the data with you": the view as CSV and the dataset as JSON, made in the browser.

use crate::browser::download;
use crate::components::context::Ctx;
use crate::model::export::{dataset_json, view_csv, DATASET_FILE_NAME};
use crate::model::filter::{visible_criteria, visible_rows};
use crate::model::sort::sort_rows;
use crate::model::view_state::ViewState;
use yew::prelude::*;

/// Props of [`Export`].
#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub view: ViewState,
}

/// Two download buttons: the rows and columns in view, and the whole dataset.
#[function_component]
pub fn Export(props: &ExportProps) -> Html {
    let ctx = use_context::<Ctx>().expect("Export is rendered inside the App's context");
    let on_csv = {
        let (ctx, view) = (ctx.clone(), props.view.clone());
        Callback::from(move |_: MouseEvent| {
            let mut rows = visible_rows(&ctx.data, &view.filter, view.rows.as_deref());
            sort_rows(&ctx.data, &mut rows, view.sort, None);
            let criteria = visible_criteria(&ctx.data, view.cols.as_deref());
            let csv = view_csv(&ctx.data, &rows, &criteria, &|key| ctx.t(key));
            let name = format!("messenger-compare.{}.csv", ctx.locale().tag());
            download::save(&name, "text/csv", &csv);
        })
    };
    let on_json = {
        let data = ctx.data.clone();
        Callback::from(move |_: MouseEvent| {
            download::save(DATASET_FILE_NAME, "application/json", &dataset_json(&data));
        })
    };
    html! {
        <section class="mc-export" aria-labelledby="mc-export-title">
            <h2 id="mc-export-title">{ ctx.t("ui.export.title") }</h2>
            <p>{ ctx.t("ui.export.help") }</p>
            <button type="button" class="mc-button" data-export="csv" onclick={on_csv}>{ ctx.t("ui.export.csv") }</button>
            { " " }
            <button type="button" class="mc-button" data-export="json" onclick={on_json}>{ ctx.t("ui.export.json") }</button>
        </section>
    }
}
