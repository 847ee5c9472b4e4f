//! Points the dataset's `include_str!` at `data/`, or at `MC_DATA_DIR` when set: the
//! benchmark and the large-list tests build bundles of synthetic datasets that way, and
//! nothing else does. The embedded English texts come from `MC_DATA_DIR/locales/en.json` where
//! such a dataset brings its own (texts for its synthetic items), else from `data/locales/`.

fn main() {
    println!("cargo:rerun-if-env-changed=MC_DATA_DIR");
    let dir = std::env::var("MC_DATA_DIR").unwrap_or_else(|_| {
        let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
        format!("{root}/data")
    });
    println!("cargo:rustc-env=MC_DATA_DIR={dir}");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let own = format!("{dir}/locales/en.json");
    let english = if std::path::Path::new(&own).is_file() {
        own
    } else {
        format!("{root}/data/locales/en.json")
    };
    // The whole folder: a synthetic dataset's locales/en.json may appear after a first build.
    println!("cargo:rerun-if-changed={dir}");
    println!("cargo:rerun-if-changed={english}");
    println!("cargo:rustc-env=MC_ENGLISH={english}");
}
