//! The one message a host page may send the embedded widget, and how strictly it is read:
//! `{type: "messenger-compare:theme", theme: "light" | "dark"}`, nothing more, nothing less.
//! `public/embed.js` sends it when the host's colour scheme is, or becomes, light or dark.

use crate::model::view_state::Theme;

/// The message's `type`.
pub const THEME_MESSAGE: &str = "messenger-compare:theme";

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
}
