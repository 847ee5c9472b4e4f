//! Renders the widget's default view (English, unsorted, nothing open) to HTML, for the
//! bundle's first paint: `tools/postbuild.mjs` writes it into `index.html`, and the app
//! replaces it once started (plain markup: no hydration markers). Prints the HTML to standard
//! output.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use messenger_compare::components::app::{App, AppProps};
    use messenger_compare::model::dataset::Dataset;
    use messenger_compare::model::view_state::ViewState;
    use std::rc::Rc;

    let data = match Dataset::embedded() {
        Ok(data) => data,
        Err(error) => {
            eprintln!("prerender: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let props = AppProps::english(Rc::new(data), ViewState::default(), Vec::new());
    let html = futures::executor::block_on(
        yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render(),
    );
    print!("{html}");
    std::process::ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
