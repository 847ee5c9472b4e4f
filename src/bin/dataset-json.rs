//! Prints the whole dataset as the versioned JSON document that the widget's "Download the
//! dataset" button offers, so that `tools/postbuild.mjs` can publish the very same bytes
//! under `dist/data/` for other sites. Checks the dataset first: a broken file fails the build.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use messenger_compare::model::dataset::Dataset;
    use messenger_compare::model::export::dataset_json;

    match Dataset::embedded() {
        Ok(data) => print!("{}", dataset_json(&data)),
        Err(error) => {
            eprintln!("dataset-json: {error}");
            return std::process::ExitCode::FAILURE;
        }
    }
    std::process::ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
