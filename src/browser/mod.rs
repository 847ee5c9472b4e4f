//! The only code that touches the page: the URL, storage, the document element and `Intl`.
//! Every function here degrades to a safe default when the browser refuses (storage blocked,
//! an old engine), so that no browser quirk blanks the widget.
//!
//! These modules exist in the browser build only. Natively, where the prerender renders the
//! default view, `native.rs` stands in for each of them with the same functions doing nothing
//! (or, for `intl`, giving the plain form), and web-sys, js-sys and wasm-bindgen are not
//! dependencies at all: code that calls the browser outside this module does not compile
//! natively, instead of panicking in the prerender:
//!
//! ```compile_fail
//! // Natively, there is no web-sys to call.
//! let _ = web_sys::window();
//! ```

#[cfg(target_arch = "wasm32")]
pub mod download;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod event;
#[cfg(target_arch = "wasm32")]
pub mod intl;
#[cfg(target_arch = "wasm32")]
pub mod locale_file;
#[cfg(target_arch = "wasm32")]
pub mod page;
#[cfg(target_arch = "wasm32")]
pub mod scroll_box;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;
