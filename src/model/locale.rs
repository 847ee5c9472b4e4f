//! Supported locales, choosing one at start, and text lookup with English fallback.
//!
//! Adding a language: add `data/locales/<tag>.json` with exactly the English keys, and one
//! entry to [`LOCALES`]. No other code changes.

use crate::model::dataset::DataFile;
use std::collections::HashMap;

/// Writing direction of a locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    /// The value for the `dir` attribute.
    pub fn attr(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

/// A supported locale: its BCP 47 tag, direction and translation file.
#[derive(Debug)]
pub struct LocaleInfo {
    pub tag: &'static str,
    /// The language's name in itself, as the picker lists it.
    pub name: &'static str,
    pub dir: Dir,
    pub file: DataFile,
}

macro_rules! locale_file {
    ($tag:literal) => {
        DataFile {
            path: concat!("data/locales/", $tag, ".json"),
            text: include_str!(concat!("../../data/locales/", $tag, ".json")),
        }
    };
}

/// Every supported locale; English first (it is the fallback).
pub const LOCALES: &[LocaleInfo] = &[
    LocaleInfo {
        tag: "en",
        name: "English",
        dir: Dir::Ltr,
        file: locale_file!("en"),
    },
    LocaleInfo {
        tag: "nl",
        name: "Nederlands",
        dir: Dir::Ltr,
        file: locale_file!("nl"),
    },
    LocaleInfo {
        tag: "es",
        name: "Español",
        dir: Dir::Ltr,
        file: locale_file!("es"),
    },
    LocaleInfo {
        tag: "fr",
        name: "Français",
        dir: Dir::Ltr,
        file: locale_file!("fr"),
    },
    LocaleInfo {
        tag: "it",
        name: "Italiano",
        dir: Dir::Ltr,
        file: locale_file!("it"),
    },
    LocaleInfo {
        tag: "he",
        name: "עברית",
        dir: Dir::Rtl,
        file: locale_file!("he"),
    },
    LocaleInfo {
        tag: "ru",
        name: "Русский",
        dir: Dir::Ltr,
        file: locale_file!("ru"),
    },
    LocaleInfo {
        tag: "zh-Hant",
        name: "繁體中文",
        dir: Dir::Ltr,
        file: locale_file!("zh-Hant"),
    },
];

/// A supported locale, as an index into [`LOCALES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale(usize);

impl Default for Locale {
    fn default() -> Self {
        Locale::ENGLISH
    }
}

impl Locale {
    /// English, the fallback for every missing text.
    pub const ENGLISH: Locale = Locale(0);

    /// Every supported locale, in [`LOCALES`] order.
    pub fn all() -> impl Iterator<Item = Locale> {
        (0..LOCALES.len()).map(Locale)
    }

    /// This locale's description.
    pub fn info(self) -> &'static LocaleInfo {
        &LOCALES[self.0]
    }

    /// The BCP 47 tag, as used in `?lang=`, `<html lang>` and storage.
    pub fn tag(self) -> &'static str {
        self.info().tag
    }

    /// The locale whose tag is exactly `tag` (ASCII case-insensitive).
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::all().find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// The best supported locale for one language range such as `nl-BE` or `zh-TW`.
    ///
    /// Chinese maps to Traditional only for the regions and scripts that write it; other
    /// Chinese ranges match nothing, so negotiation moves on to the reader's next language.
    pub fn best_match(range: &str) -> Option<Locale> {
        let range = range.trim();
        if let Some(exact) = Locale::from_tag(range) {
            return Some(exact);
        }
        let mut subtags = range.split(['-', '_']).map(str::to_ascii_lowercase);
        let language = subtags.next()?;
        if language == "zh" {
            let rest: Vec<String> = subtags.collect();
            let traditional = rest
                .iter()
                .any(|s| matches!(s.as_str(), "hant" | "tw" | "hk" | "mo"))
                && !rest.iter().any(|s| s == "hans");
            return if traditional {
                Locale::from_tag("zh-Hant")
            } else {
                None
            };
        }
        Locale::from_tag(&language)
    }
}

/// Reads a stored preference; anything but a supported tag is ignored.
pub fn parse_stored(raw: &str) -> Option<Locale> {
    Locale::from_tag(raw.trim())
}

/// Chooses the locale at start: `?lang=`, then the stored choice, then the browser's
/// languages in order, then English.
pub fn negotiate(query: Option<&str>, stored: Option<&str>, navigator: &[String]) -> Locale {
    query
        .and_then(Locale::best_match)
        .or_else(|| stored.and_then(parse_stored))
        .or_else(|| navigator.iter().find_map(|range| Locale::best_match(range)))
        .unwrap_or(Locale::ENGLISH)
}

/// One locale's texts: key → text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub texts: HashMap<String, String>,
}

impl Catalog {
    /// Parses a locale file; the error names the file.
    pub fn parse(file: DataFile) -> Result<Catalog, String> {
        serde_json::from_str(file.text)
            .map(|texts| Catalog { texts })
            .map_err(|e| format!("{}: {e}", file.path))
    }
}

/// Text lookup for the chosen locale, falling back to English, then to the key itself (so a
/// gap shows as a visible key, never as a crash; the tests keep gaps from shipping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    pub locale: Locale,
    active: Catalog,
    english: Catalog,
}

impl Texts {
    /// Texts for `locale`, parsed from the embedded files. A broken file falls back to English
    /// and the error is returned alongside so that it can be reported.
    pub fn load(locale: Locale) -> (Texts, Option<String>) {
        let (english, english_error) = match Catalog::parse(Locale::ENGLISH.info().file) {
            Ok(c) => (c, None),
            Err(e) => (Catalog::default(), Some(e)),
        };
        if locale == Locale::ENGLISH {
            let texts = Texts {
                locale,
                active: english.clone(),
                english,
            };
            return (texts, english_error);
        }
        match Catalog::parse(locale.info().file) {
            Ok(active) => (
                Texts {
                    locale,
                    active,
                    english,
                },
                english_error,
            ),
            Err(e) => (
                Texts {
                    locale: Locale::ENGLISH,
                    active: english.clone(),
                    english,
                },
                Some(e),
            ),
        }
    }

    /// The text for `key`.
    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.active
            .texts
            .get(key)
            .or_else(|| self.english.texts.get(key))
            .map_or(key, String::as_str)
    }

    /// The text for `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        fill(self.get(key), args)
    }
}

/// Replaces each `{name}` in `template` by its value in `args`; unknown names stay as they are.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The `{placeholder}` names in a template, sorted.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names
}
