//! The whole check, as `cargo run` and the tests run it: the dataset parses, keeps every rule,
//! and every locale has exactly the English keys with the same placeholders.

use crate::model::dataset::Dataset;
use crate::model::date::Date;
use crate::model::locale::{placeholders, Catalog, Locale, ENGLISH_FILE};
use crate::model::validate::validate;

/// Today's date in UTC, from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days((secs / 86_400) as i64)
}

/// A locale's text file, read from the repository.
pub fn read_source(locale: Locale) -> Result<String, String> {
    let path = locale.source_path();
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR")))
        .map_err(|e| format!("{path}: {e}"))
}

/// Differences between a translation and English: missing or extra keys, empty texts, and
/// texts whose `{placeholders}` differ. Each line names the file and the key.
pub fn locale_problems(english: &Catalog, other: &Catalog, path: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mut keys: Vec<&String> = english.texts.keys().collect();
    keys.sort();
    for key in keys {
        match other.texts.get(key) {
            None => problems.push(format!("{path}: key `{key}`: missing (English has it)")),
            Some(text) if text.trim().is_empty() => {
                problems.push(format!("{path}: key `{key}`: empty"))
            }
            Some(text) => {
                let (want, got) = (placeholders(&english.texts[key]), placeholders(text));
                if want != got {
                    problems.push(format!(
                        "{path}: key `{key}`: placeholders {got:?}, English has {want:?}"
                    ));
                }
            }
        }
    }
    let mut extra: Vec<&String> = other
        .texts
        .keys()
        .filter(|k| !english.texts.contains_key(*k))
        .collect();
    extra.sort();
    for key in extra {
        problems.push(format!("{path}: key `{key}`: not in English"));
    }
    problems
}

/// Every problem with the embedded dataset and locales, as readable lines.
pub fn check_all(today: Date) -> Vec<String> {
    let data = match Dataset::embedded() {
        Ok(data) => data,
        Err(e) => return vec![e.to_string()],
    };
    let english = match Catalog::parse(ENGLISH_FILE.path, ENGLISH_FILE.text) {
        Ok(c) => c,
        Err(e) => return vec![e],
    };
    let mut problems: Vec<String> = validate(&data, &english.texts, ENGLISH_FILE.path, today)
        .iter()
        .map(ToString::to_string)
        .collect();
    for locale in Locale::all().skip(1) {
        let path = locale.source_path();
        match read_source(locale).and_then(|text| Catalog::parse(&path, &text)) {
            Ok(catalog) => problems.extend(locale_problems(&english, &catalog, &path)),
            Err(e) => problems.push(e),
        }
    }
    problems
}
