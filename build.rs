//! Points the dataset's `include_str!` at `data/`, or at `MC_DATA_DIR` when set: the
//! benchmark builds bundles of synthetic datasets that way, and nothing else does.

fn main() {
    println!("cargo:rerun-if-env-changed=MC_DATA_DIR");
    let dir = std::env::var("MC_DATA_DIR").unwrap_or_else(|_| {
        let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
        format!("{root}/data")
    });
    println!("cargo:rustc-env=MC_DATA_DIR={dir}");
}
