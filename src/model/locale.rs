//! Supported locales, choosing one at start, and text lookup with English fallback.
//!
//! Adding a language: add `data/locales/<tag>.json` with exactly the English keys, and one
//! entry to [`LOCALES`]. No other code changes.
//!
//! English is embedded in the binary (it is the fallback for every text), except in the
//! browser its long texts (`model::long_text`), which it reads from the bundle's English file
//! when one is first shown; the other locales are files of the bundle
//! (`locales/<build>/<tag>.json`), fetched when chosen. The service worker keeps them all
//! offline.

use crate::model::dataset::DataFile;
use crate::model::date::Date;
use crate::model::long_text::is_deferred;
use std::collections::HashMap;
use std::rc::Rc;

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

/// A supported locale: its BCP 47 tag, its name in itself and its direction.
#[derive(Debug)]
pub struct LocaleInfo {
    pub tag: &'static str,
    /// The language's name in itself, as the picker lists it.
    pub name: &'static str,
    pub dir: Dir,
}

/// The English texts, embedded (a synthetic dataset's own, see build.rs).
pub const ENGLISH_FILE: DataFile = DataFile {
    path: "data/locales/en.json",
    text: include_str!(env!("MC_ENGLISH")),
};

/// The English texts the browser build embeds: [`ENGLISH_FILE`] without its long texts
/// (`model::long_text`), as build.rs writes them.
pub const ENGLISH_CORE: DataFile = DataFile {
    path: "data/locales/en.json",
    text: include_str!(concat!(env!("OUT_DIR"), "/en-core.json")),
};

/// Every supported locale; English first (it is the fallback).
pub const LOCALES: &[LocaleInfo] = &[
    LocaleInfo {
        tag: "en",
        name: "English",
        dir: Dir::Ltr,
    },
    LocaleInfo {
        tag: "nl",
        name: "Nederlands",
        dir: Dir::Ltr,
    },
    LocaleInfo {
        tag: "es",
        name: "Español",
        dir: Dir::Ltr,
    },
    LocaleInfo {
        tag: "fr",
        name: "Français",
        dir: Dir::Ltr,
    },
    LocaleInfo {
        tag: "it",
        name: "Italiano",
        dir: Dir::Ltr,
    },
    LocaleInfo {
        tag: "he",
        name: "עברית",
        dir: Dir::Rtl,
    },
    LocaleInfo {
        tag: "ru",
        name: "Русский",
        dir: Dir::Ltr,
    },
    LocaleInfo {
        tag: "zh-Hant",
        name: "繁體中文",
        dir: Dir::Ltr,
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

/// A build id as `tools/postbuild.mjs` writes it into the page: 16 lowercase hex digits.
/// Anything else in its place is not used in a URL.
pub fn is_build_id(id: &str) -> bool {
    id.len() == 16 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
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

    /// The locale's text file in the repository, e.g. `data/locales/nl.json`.
    pub fn source_path(self) -> String {
        format!("data/locales/{}.json", self.tag())
    }

    /// The locale's text file in the bundle, relative to the page: under the page's build id
    /// (`locales/0123456789abcdef/nl.json`), so that a page of one build never reads another
    /// build's file, or the plain `locales/nl.json` where the page names no well-formed build.
    pub fn bundle_path(self, build: Option<&str>) -> String {
        match build.filter(|b| is_build_id(b)) {
            Some(build) => format!("locales/{build}/{}.json", self.tag()),
            None => format!("locales/{}.json", self.tag()),
        }
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

/// Chooses the locale at start: the link's (already parsed by `?lang=`), then the stored
/// choice, then the browser's languages in order, then English.
pub fn negotiate(link: Option<Locale>, stored: Option<&str>, navigator: &[String]) -> Locale {
    link.or_else(|| stored.and_then(parse_stored))
        .or_else(|| navigator.iter().find_map(|range| Locale::best_match(range)))
        .unwrap_or(Locale::ENGLISH)
}

/// One locale's texts: key → text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Catalog {
    pub texts: HashMap<String, String>,
    /// Whether any of them is a long text (`model::long_text`): noted once, since every render
    /// asks.
    long: bool,
}

impl Catalog {
    /// Parses a locale file's text; the error names the file.
    pub fn parse(path: &str, text: &str) -> Result<Catalog, String> {
        crate::model::flat_json::parse(text)
            .map(|texts| Catalog {
                long: texts.keys().any(|key| is_deferred(key)),
                texts,
            })
            .map_err(|e| format!("{path}: {e}"))
    }

    fn has_long_texts(&self) -> bool {
        self.long
    }
}

/// Text lookup for the chosen locale, falling back to English, then to the key itself (so a
/// gap shows as a visible key, never as a crash; the tests keep gaps from shipping).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Texts {
    pub locale: Locale,
    active: Rc<Catalog>,
    english: Rc<Catalog>,
}

impl Texts {
    /// The embedded English texts: natively all of them, in the browser [`ENGLISH_CORE`].
    pub fn english() -> (Texts, Option<String>) {
        #[cfg(target_arch = "wasm32")]
        let file = ENGLISH_CORE;
        #[cfg(not(target_arch = "wasm32"))]
        let file = ENGLISH_FILE;
        Texts::english_from(file)
    }

    /// English texts read from `file`. If it were broken, every text would show as its key,
    /// and the error is returned so that it can be reported.
    pub fn english_from(file: DataFile) -> (Texts, Option<String>) {
        let (catalog, error) = match Catalog::parse(file.path, file.text) {
            Ok(c) => (c, None),
            Err(e) => (Catalog::default(), Some(e)),
        };
        let english = Rc::new(catalog);
        (
            Texts {
                locale: Locale::ENGLISH,
                active: english.clone(),
                english,
            },
            error,
        )
    }

    /// These texts' English fallback with `locale`'s texts read from `text` on top.
    pub fn with_locale(&self, locale: Locale, path: &str, text: &str) -> Result<Texts, String> {
        Ok(Texts {
            locale,
            active: Rc::new(Catalog::parse(path, text)?),
            english: self.english.clone(),
        })
    }

    /// The English texts these fall back to, as texts of their own.
    pub fn fallback(&self) -> Texts {
        Texts {
            locale: Locale::ENGLISH,
            active: self.english.clone(),
            english: self.english.clone(),
        }
    }

    /// These texts with `english` (the English file's long texts, read) joined to their fallback,
    /// and to their own texts too where they are English. Joined, not swapped: a text
    /// embedded but missing from the file (a file of another build) still shows.
    pub fn with_english(&self, english: Rc<Catalog>) -> Texts {
        let mut joined = (*self.english).clone();
        joined.texts.extend(
            english
                .texts
                .iter()
                .map(|(key, text)| (key.clone(), text.clone())),
        );
        joined.long |= english.long;
        let english = Rc::new(joined);
        Texts {
            locale: self.locale,
            active: if self.locale == Locale::ENGLISH {
                english.clone()
            } else {
                self.active.clone()
            },
            english,
        }
    }

    /// These texts, with `other`'s English instead where only that one has the long texts.
    pub fn with_english_of(&self, other: &Texts) -> Texts {
        if other.english.has_long_texts() && !self.english.has_long_texts() {
            self.with_english(other.english.clone())
        } else {
            self.clone()
        }
    }

    /// Whether neither these texts nor their English have the deferred ones: a note shown
    /// now needs the English file read first.
    pub fn lacks_long_texts(&self) -> bool {
        !self.active.has_long_texts() && !self.english.has_long_texts()
    }

    /// Whether there is a text for `key`, in this language or in English.
    pub fn has(&self, key: &str) -> bool {
        self.active.texts.contains_key(key) || self.english.texts.contains_key(key)
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

    /// `date` as the locale writes it (CLDR's medium style, e.g. "Nov 23, 2026" or
    /// "2026年11月23日"), from its own pattern and month names: the same in every browser, and
    /// without `Intl.DateTimeFormat`, whose first use on a page costs some 25 ms.
    pub fn date(&self, date: Date) -> String {
        self.fill(
            "ui.date.format",
            &[
                ("day", &date.day.to_string()),
                ("month", self.get(&format!("ui.date.month.{}", date.month))),
                ("year", &date.year.to_string()),
            ],
        )
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::check::{locale_problems, read_source};

    fn tag(locale: Locale) -> &'static str {
        locale.tag()
    }

    #[test]
    fn a_locale_file_is_under_the_page_build_or_plain_without_one() {
        let nl = Locale::from_tag("nl").unwrap();
        let zh = Locale::from_tag("zh-Hant").unwrap();
        assert_eq!(
            nl.bundle_path(Some("0123456789abcdef")),
            "locales/0123456789abcdef/nl.json"
        );
        assert_eq!(
            zh.bundle_path(Some("ffffffffffffffff")),
            "locales/ffffffffffffffff/zh-Hant.json"
        );
        assert_eq!(nl.bundle_path(None), "locales/nl.json");
        // A forged or damaged id never reaches the URL.
        for bad in [
            "",
            "0123456789ABCDEF",
            "0123456789abcde",
            "0123456789abcdef0",
            "../../evil/x",
            "0123456789abcdeg",
        ] {
            assert_eq!(nl.bundle_path(Some(bad)), "locales/nl.json", "{bad:?}");
        }
    }

    #[test]
    fn every_locale_has_exactly_the_english_keys_and_placeholders() {
        let english = Catalog::parse(ENGLISH_FILE.path, ENGLISH_FILE.text).unwrap();
        let mut problems = Vec::new();
        for locale in Locale::all().skip(1) {
            let path = locale.source_path();
            let catalog = read_source(locale)
                .and_then(|t| Catalog::parse(&path, &t))
                .unwrap_or_else(|e| panic!("{e}"));
            problems.extend(locale_problems(&english, &catalog, &path));
        }
        assert!(
            problems.is_empty(),
            "{} problem(s):\n{}",
            problems.len(),
            problems.join("\n")
        );
    }

    #[test]
    fn the_guide_languages_are_supported() {
        let tags: Vec<&str> = Locale::all().map(tag).collect();
        assert_eq!(tags, ["en", "nl", "es", "fr", "it", "he", "ru", "zh-Hant"]);
        assert_eq!(Locale::from_tag("he").unwrap().info().dir, Dir::Rtl);
        assert!(Locale::all()
            .filter(|l| l.tag() != "he")
            .all(|l| l.info().dir == Dir::Ltr));
    }

    #[test]
    fn best_match_maps_regions_and_scripts() {
        let m = |range: &str| Locale::best_match(range).map(tag);
        assert_eq!(m("nl-BE"), Some("nl"));
        assert_eq!(m("NL"), Some("nl"));
        assert_eq!(m("fr_CA"), Some("fr"));
        assert_eq!(m("zh-TW"), Some("zh-Hant"));
        assert_eq!(m("zh-HK"), Some("zh-Hant"));
        assert_eq!(m("zh-Hant-TW"), Some("zh-Hant"));
        assert_eq!(m("zh-hant"), Some("zh-Hant"));
        assert_eq!(m("zh-CN"), None);
        assert_eq!(m("zh-Hans-HK"), None);
        assert_eq!(m("pt-BR"), None);
        assert_eq!(m(""), None);
        assert_eq!(m("*"), None);
    }

    #[test]
    fn negotiation_prefers_query_then_storage_then_browser() {
        let langs = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            tag(negotiate(
                Locale::from_tag("nl"),
                Some("fr"),
                &langs(&["ru"])
            )),
            "nl"
        );
        assert_eq!(
            tag(negotiate(
                Locale::from_tag("xx"),
                Some("fr"),
                &langs(&["ru"])
            )),
            "fr"
        );
        assert_eq!(
            tag(negotiate(
                None,
                Some("{corrupt"),
                &langs(&["pt-BR", "ru-RU"])
            )),
            "ru"
        );
        assert_eq!(tag(negotiate(None, None, &langs(&["pt-BR"]))), "en");
        assert_eq!(
            tag(negotiate(None, None, &langs(&["zh-TW", "en"]))),
            "zh-Hant"
        );
        assert_eq!(tag(negotiate(None, None, &[])), "en");
    }

    #[test]
    fn stored_values_must_be_exact_tags() {
        assert_eq!(parse_stored(" he ").map(tag), Some("he"));
        for corrupt in ["", "null", "\"nl\"", "nl-BE", "{\"lang\":\"nl\"}", "\u{0}"] {
            assert_eq!(parse_stored(corrupt), None, "{corrupt:?}");
        }
    }

    #[test]
    fn dates_are_written_as_each_locale_writes_them() {
        // What ICU 78's `Intl.DateTimeFormat(tag, { dateStyle: "medium" })` gives.
        let expected = [
            ("en", "Jan 1, 2026", "Nov 23, 2026"),
            ("es", "1 ene 2026", "23 nov 2026"),
            ("fr", "1 janv. 2026", "23 nov. 2026"),
            ("he", "1 בינו׳ 2026", "23 בנוב׳ 2026"),
            ("it", "1 gen 2026", "23 nov 2026"),
            ("nl", "1 jan 2026", "23 nov 2026"),
            ("ru", "1 янв. 2026 г.", "23 нояб. 2026 г."),
            ("zh-Hant", "2026年1月1日", "2026年11月23日"),
        ];
        let (english, _) = Texts::english();
        for (tag, january, november) in expected {
            let locale = Locale::from_tag(tag).unwrap();
            let texts = if locale == Locale::ENGLISH {
                english.clone()
            } else {
                english
                    .with_locale(locale, tag, &read_source(locale).unwrap())
                    .unwrap()
            };
            let date = |text| texts.date(Date::parse(text).unwrap());
            assert_eq!(date("2026-01-01"), january, "{tag}");
            assert_eq!(date("2026-11-23"), november, "{tag}");
            for month in 1..=12 {
                let key = format!("ui.date.month.{month}");
                assert!(texts.active.texts.contains_key(&key), "{tag}: {key}");
            }
        }
    }

    #[test]
    fn lookup_falls_back_to_english_then_to_the_key() {
        let (english, error) = Texts::english();
        assert_eq!(error, None);
        let nl = Locale::from_tag("nl").unwrap();
        let texts = english
            .with_locale(nl, "nl", &read_source(nl).unwrap())
            .unwrap();
        assert_eq!(texts.get("group.minimum.label"), "Minimale vereisten");
        assert!(english
            .with_locale(nl, "data/locales/nl.json", "{")
            .unwrap_err()
            .starts_with("data/locales/nl.json: "));
        assert_eq!(
            texts.fallback().get("group.minimum.label"),
            "Minimum requirements"
        );
        let mut partial = texts.clone();
        Rc::make_mut(&mut partial.active).texts.remove("ui.title");
        assert_eq!(partial.get("ui.title"), texts.english.texts["ui.title"]);
        assert_eq!(texts.get("no.such.key"), "no.such.key");
    }

    #[test]
    fn fill_replaces_named_placeholders() {
        assert_eq!(
            fill("{n} of {total}", &[("n", "3"), ("total", "5")]),
            "3 of 5"
        );
        assert_eq!(fill("{n} van {total}", &[("total", "5")]), "{n} van 5");
        assert_eq!(placeholders("{b} and {a}, {b}"), ["a", "b", "b"]);
        assert!(placeholders("no braces").is_empty());
    }

    #[test]
    fn every_interface_key_in_the_source_has_english_text() {
        let english = Catalog::parse(ENGLISH_FILE.path, ENGLISH_FILE.text).unwrap();
        let mut missing = Vec::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for piece in source.split("\"ui.").skip(1) {
                        let key: String = piece
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-')
                            .collect();
                        let whole = piece[key.len()..].starts_with('"');
                        if whole
                            && !key.is_empty()
                            && !english.texts.contains_key(&format!("ui.{key}"))
                        {
                            missing.push(format!("{}: ui.{key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "interface keys with no English text:\n{}",
            missing.join("\n")
        );
    }

    #[test]
    fn the_browser_embeds_all_english_but_the_long_texts() {
        use crate::model::text;
        let whole = Catalog::parse(ENGLISH_FILE.path, ENGLISH_FILE.text).unwrap();
        let core = Catalog::parse(ENGLISH_CORE.path, ENGLISH_CORE.text).unwrap();
        let mut kept: Vec<&String> = whole.texts.keys().filter(|k| !is_deferred(k)).collect();
        let mut embedded: Vec<&String> = core.texts.keys().collect();
        kept.sort();
        embedded.sort();
        assert_eq!(
            embedded, kept,
            "en-core.json leaves out exactly the long texts"
        );
        assert!(core.texts.iter().all(|(k, v)| whole.texts[k] == *v));
        // Left out are exactly the long texts the dataset names: its notes, its profiles,
        // its architectures' descriptions.
        let data = crate::model::dataset::Dataset::embedded().unwrap();
        let mut long: Vec<String> = Vec::new();
        for m in &data.messengers {
            for c in data.criteria.iter().filter(|c| m.cell(&c.id).is_some()) {
                long.push(text::value_note(&m.id, &c.id));
            }
            long.push(text::messenger_description(&m.id));
            long.push(text::messenger_network(&m.id));
            long.extend(m.caveats.iter().map(|c| text::messenger_caveat(&m.id, c)));
            long.extend(m.audits.iter().map(|a| text::messenger_audit(&m.id, &a.id)));
        }
        for n in &data.networks {
            long.push(text::network_description(n.id));
            long.extend((1..=n.advantages).map(|i| text::network_advantage(n.id, i)));
            long.extend((1..=n.disadvantages).map(|i| text::network_disadvantage(n.id, i)));
        }
        long.sort();
        long.dedup();
        let mut deferred: Vec<&String> = whole.texts.keys().filter(|k| is_deferred(k)).collect();
        deferred.sort();
        assert_eq!(deferred, long.iter().collect::<Vec<_>>());
        // What the first views show stays: value words, names, the chooser's trade-offs.
        for key in [
            "value.yes",
            "value.not-applicable",
            "network.p2p.name",
            "messenger.signal.tradeoff",
        ] {
            assert!(core.texts.contains_key(key), "{key}");
        }
    }

    #[test]
    fn texts_without_the_long_ones_take_them_from_the_english_file_in_any_language() {
        let (core, error) = Texts::english_from(ENGLISH_CORE);
        assert_eq!(error, None);
        let note = "value.signal.forward-secrecy";
        assert!(core.lacks_long_texts() && !core.has(note));
        assert_eq!(core.get(note), note, "a missing text shows as its key");
        let whole = Rc::new(Catalog::parse(ENGLISH_FILE.path, ENGLISH_FILE.text).unwrap());
        let english = core.with_english(whole.clone());
        assert!(!english.lacks_long_texts() && english.has(note));
        assert_ne!(english.get(note), note);
        assert_eq!(english.get("ui.title"), core.get("ui.title"));
        // Dutch read before the notes came: its own notes, and English kept underneath.
        let nl = Locale::from_tag("nl").unwrap();
        let dutch = core
            .with_locale(
                nl,
                "nl.json",
                r#"{"ui.title": "Titel", "value.signal.forward-secrecy": "Ja"}"#,
            )
            .unwrap();
        assert!(
            !dutch.lacks_long_texts(),
            "a locale file brings its own notes"
        );
        let dutch_with = dutch.with_english_of(&english);
        assert_eq!(dutch_with.get(note), "Ja");
        assert_eq!(dutch_with.fallback().get(note), english.get(note));
        assert_eq!(dutch.with_english(whole).get(note), "Ja");
        // A text the file lacks stays as embedded.
        let partial = Rc::new(Catalog::parse("en.json", r#"{"value.signal.tor": "Nee"}"#).unwrap());
        let joined = core.with_english(partial);
        assert_eq!(joined.get("value.signal.tor"), "Nee");
        assert_eq!(joined.get("ui.title"), core.get("ui.title"));
        // Nothing is taken from texts that have no more than these.
        assert_eq!(english.with_english_of(&core), english);
    }
}
