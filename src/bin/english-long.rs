//! Prints the English file's long texts (`model::long_text`): the English the browser build
//! does not embed but reads when one is first shown. `tools/postbuild.mjs` writes them as the
//! build's English file (`locales/<build>/en.json`), so that the first note reads only these,
//! and the service worker and the single file carry no second copy of the embedded English.
//! Fails, naming the file, if the English file cannot be read.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use messenger_compare::model::locale::{Catalog, ENGLISH_FILE};
    use messenger_compare::model::long_text::is_deferred;
    use std::collections::BTreeMap;

    let english = match Catalog::parse(ENGLISH_FILE.path, ENGLISH_FILE.text) {
        Ok(english) => english,
        Err(error) => {
            eprintln!("english-long: {error}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let long: BTreeMap<&str, &str> = english
        .texts
        .iter()
        .filter(|(key, _)| is_deferred(key))
        .map(|(key, text)| (key.as_str(), text.as_str()))
        .collect();
    match serde_json::to_string(&long) {
        Ok(json) => {
            print!("{json}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("english-long: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
