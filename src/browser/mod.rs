//! The only code that touches the page: the URL, storage, the document element and `Intl`.
//! Every function here degrades to a safe default when the browser refuses (storage blocked,
//! an old engine), so that no browser quirk blanks the widget.

pub mod download;
pub mod embed;
pub mod intl;
pub mod locale_file;
pub mod page;
pub mod scroll_box;
