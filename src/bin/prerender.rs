//! Renders one view of the widget to HTML, for the bundle's first paint: the view a link's
//! query string opens (the first argument; none is the default view), read by the app's own
//! `parse`, in English. `tools/postbuild.mjs` writes the default view into `index.html` and the
//! embedded default (`?embed=1`, the matrix) into `embed.html`; the app replaces it once started
//! (plain markup: no hydration markers). Prints the HTML to standard output.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use messenger_compare::components::app::{App, AppProps};
    use messenger_compare::model::dataset::Dataset;
    use messenger_compare::model::view_state::parse;
    use std::rc::Rc;

    let data = match Dataset::embedded() {
        Ok(data) => data,
        Err(error) => {
            eprintln!("prerender: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let query = std::env::args().nth(1).unwrap_or_default();
    let link = parse(&query, &data);
    if !link.ignored.is_empty() {
        eprintln!(
            "prerender: {query:?} has parameters the app ignores: {}",
            link.ignored.join(", ")
        );
        return std::process::ExitCode::FAILURE;
    }
    let props = AppProps::english(Rc::new(data), link.state, Vec::new());
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
