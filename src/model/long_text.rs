//! Which English texts the browser build leaves out of its embedded English, to read them from
//! the bundle's English file when one is first shown. One rule for both sides: build.rs
//! includes this file to write the embedded English, and `model::locale` uses it to know
//! whether a catalog has them. Plain Rust with no imports, so that a build script can compile it.

/// Whether `key` names a long text, which no first view shows. These are a value's note
/// (`value.<messenger>.<criterion>`, not the value words `value.<value>`), shown by an open
/// note and the comparison; a messenger's profile (`messenger.<id>.description`, `.network`,
/// `.caveat.*`, `.audit.*`; not the chooser's `.tradeoff`), shown by its detail; and an
/// architecture's description (`network.<id>.description`, `.advantage.*`,
/// `.disadvantage.*`; not its `.name`), shown by the networks page.
pub fn is_deferred(key: &str) -> bool {
    let mut parts = key.split('.');
    let (Some(kind), Some(_), Some(field)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    match kind {
        "value" => true,
        "messenger" => matches!(field, "description" | "network" | "caveat" | "audit"),
        "network" => matches!(field, "description" | "advantage" | "disadvantage"),
        _ => false,
    }
}
