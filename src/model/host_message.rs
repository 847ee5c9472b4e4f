//! The messages between the widget and the page that embeds it, and how strictly each is
//! read. The one message a host page may send: `{type: "messenger-compare:theme", theme:
//! "light" | "dark"}`, nothing more, nothing less (`public/embed.js` sends it when the host's
//! colour scheme is, or becomes, light or dark). The widget's height, as the embed builder's
//! preview reads it (the same rule as `embed.js`).

use crate::model::view_state::Theme;

/// The message's `type`.
pub const THEME_MESSAGE: &str = "messenger-compare:theme";

/// The message type the widget posts its height in.
pub const HEIGHT_MESSAGE: &str = "messenger-compare:height";

/// The heights a frame accepts, in CSS pixels (as `public/embed.js`).
pub const FRAME_HEIGHTS: std::ops::RangeInclusive<f64> = 120.0..=20_000.0;

/// The height to give a frame for a message from the widget inside it: its `type` and
/// `height` as read (a height only if it was a number). `None` for anything but a finite
/// height within [`FRAME_HEIGHTS`]; whole pixels up, so that no last line is cut.
pub fn frame_height(kind: Option<&str>, height: Option<f64>) -> Option<f64> {
    let height = height.filter(|h| FRAME_HEIGHTS.contains(h))?;
    (kind == Some(HEIGHT_MESSAGE)).then(|| height.ceil())
}

/// A message's fields as the browser layer reads them: its `type` and `theme` if they are
/// strings, and how many own fields it has in all (`None`: not an object).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received<'a> {
    pub kind: Option<&'a str>,
    pub theme: Option<&'a str>,
    pub fields: Option<usize>,
}

/// The host's colour scheme, if the message is exactly the documented one; anything else
/// (another type, another theme word, a missing or extra field, not an object) is ignored.
pub fn host_theme(message: &Received) -> Option<Theme> {
    if message.fields != Some(2) || message.kind != Some(THEME_MESSAGE) {
        return None;
    }
    match message.theme? {
        "light" => Some(Theme::Light),
        "dark" => Some(Theme::Dark),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message<'a>(
        kind: Option<&'a str>,
        theme: Option<&'a str>,
        fields: Option<usize>,
    ) -> Received<'a> {
        Received {
            kind,
            theme,
            fields,
        }
    }

    #[test]
    fn only_the_exact_schema_is_read() {
        let ok = |theme| message(Some(THEME_MESSAGE), Some(theme), Some(2));
        assert_eq!(host_theme(&ok("dark")), Some(Theme::Dark));
        assert_eq!(host_theme(&ok("light")), Some(Theme::Light));
        for wrong in [
            ok("auto"),
            ok("Dark"),
            ok("purple"),
            message(Some(THEME_MESSAGE), Some("dark"), Some(3)),
            message(Some(THEME_MESSAGE), Some("dark"), None),
            message(Some(THEME_MESSAGE), None, Some(2)),
            message(Some("messenger-compare:height"), Some("dark"), Some(2)),
            message(None, Some("dark"), Some(2)),
        ] {
            assert_eq!(host_theme(&wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn a_frame_takes_only_a_sane_height_in_the_documented_message() {
        assert_eq!(frame_height(Some(HEIGHT_MESSAGE), Some(640.2)), Some(641.0));
        assert_eq!(frame_height(Some(HEIGHT_MESSAGE), Some(120.0)), Some(120.0));
        for (kind, height) in [
            (Some(HEIGHT_MESSAGE), None),
            (Some(HEIGHT_MESSAGE), Some(f64::NAN)),
            (Some(HEIGHT_MESSAGE), Some(f64::INFINITY)),
            (Some(HEIGHT_MESSAGE), Some(-5.0)),
            (Some(HEIGHT_MESSAGE), Some(119.0)),
            (Some(HEIGHT_MESSAGE), Some(1e9)),
            (Some(THEME_MESSAGE), Some(300.0)),
            (None, Some(300.0)),
        ] {
            assert_eq!(frame_height(kind, height), None, "{kind:?} {height:?}");
        }
    }
}
