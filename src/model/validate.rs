//! Every rule the dataset must keep, checked natively by `cargo test` and by `cargo run`.
//!
//! Each error names the file, the messenger (where there is one) and the field, so that a
//! broken dataset tells its editor exactly where to look.

use crate::model::dataset::{Dataset, Group, NetworkId, Value};
use crate::model::date::Date;
use crate::model::text::required_keys;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// The file to fix, e.g. `data/messengers.json`.
    pub file: &'static str,
    /// The messenger concerned, if any.
    pub messenger: Option<String>,
    /// The field, as a path such as `values.tor.sources[0].url`.
    pub field: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if let Some(m) = &self.messenger {
            write!(f, "messenger `{m}`, ")?;
        }
        write!(f, "field `{}`: {}", self.field, self.problem)
    }
}

/// Whether `url` is an absolute https URL with a plausible host and no whitespace.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let labels_ok = host.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    host.contains('.')
        && labels_ok
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// Whether `id` is a lowercase kebab-case id (`[a-z0-9]+(-[a-z0-9]+)*`).
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

struct Collector {
    errors: Vec<ValidationError>,
}

impl Collector {
    fn push(
        &mut self,
        file: &'static str,
        messenger: Option<&str>,
        field: String,
        problem: impl Into<String>,
    ) {
        self.errors.push(ValidationError {
            file,
            messenger: messenger.map(str::to_owned),
            field,
            problem: problem.into(),
        });
    }

    fn url(&mut self, file: &'static str, messenger: Option<&str>, field: String, url: &str) {
        if !is_https_url(url) {
            self.push(
                file,
                messenger,
                field,
                format!("`{url}` is not a well-formed https URL"),
            );
        }
    }

    fn date(
        &mut self,
        file: &'static str,
        messenger: Option<&str>,
        field: String,
        text: &str,
        today: Date,
    ) {
        match Date::parse(text) {
            None => self.push(
                file,
                messenger,
                field,
                format!("`{text}` is not a YYYY-MM-DD date"),
            ),
            Some(date) if date > today => self.push(
                file,
                messenger,
                field,
                format!("`{text}` is in the future (today is {today})"),
            ),
            Some(_) => {}
        }
    }

    fn unique<'a>(
        &mut self,
        file: &'static str,
        messenger: Option<&str>,
        field: &str,
        ids: impl Iterator<Item = &'a str>,
    ) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            if !is_id(id) {
                self.push(
                    file,
                    messenger,
                    format!("{field}[{i}]"),
                    format!("`{id}` is not a kebab-case id"),
                );
            }
            if !seen.insert(id) {
                self.push(
                    file,
                    messenger,
                    format!("{field}[{i}]"),
                    format!("duplicate id `{id}`"),
                );
            }
        }
    }
}

const CRITERIA: &str = "data/criteria.json";
const NETWORKS: &str = "data/networks.json";
const EDITIONS: &str = "data/editions.json";
const MESSENGERS: &str = "data/messengers.json";

/// Checks the dataset against every rule, and that each text it needs has English text in
/// `english` (the file `english_file`). Returns all errors found, not just the first.
pub fn validate(
    data: &Dataset,
    english: &HashMap<String, String>,
    english_file: &'static str,
    today: Date,
) -> Vec<ValidationError> {
    let mut c = Collector { errors: Vec::new() };

    if data.groups != Group::ALL {
        c.push(
            CRITERIA,
            None,
            "groups".into(),
            "must list minimum, best-case and more, in that order",
        );
    }
    c.unique(
        CRITERIA,
        None,
        "criteria",
        data.criteria.iter().map(|k| k.id.as_str()),
    );
    for group in Group::ALL {
        if data.criteria_in(group).next().is_none() {
            c.push(
                CRITERIA,
                None,
                "criteria".into(),
                format!("group `{}` has no criterion", group.id()),
            );
        }
    }
    for (i, criterion) in data.criteria.iter().enumerate() {
        if !matches!(criterion.best, Value::Yes | Value::No) {
            c.push(
                CRITERIA,
                None,
                format!("criteria[{i}].best"),
                "must be `yes` or `no`",
            );
        }
    }

    for network in NetworkId::ALL {
        let count = data.networks.iter().filter(|n| n.id == network).count();
        if count != 1 {
            c.push(
                NETWORKS,
                None,
                "networks".into(),
                format!("`{}` appears {count} times, not once", network.id()),
            );
        }
    }
    for (i, n) in data.networks.iter().enumerate() {
        if n.advantages == 0 || n.disadvantages == 0 {
            c.push(
                NETWORKS,
                None,
                format!("networks[{i}]"),
                "needs at least one advantage and one disadvantage",
            );
        }
    }

    c.unique(
        EDITIONS,
        None,
        "editions",
        data.editions.iter().map(|e| e.id.as_str()),
    );
    let mut previous_date = None;
    for (i, edition) in data.editions.iter().enumerate() {
        c.url(
            EDITIONS,
            None,
            format!("editions[{i}].source"),
            &edition.source,
        );
        if let Some(date) = &edition.date {
            c.date(EDITIONS, None, format!("editions[{i}].date"), date, today);
            let parsed = Date::parse(date);
            if parsed.is_some() && previous_date > parsed {
                c.push(
                    EDITIONS,
                    None,
                    format!("editions[{i}].date"),
                    "editions must be listed oldest first",
                );
            }
            previous_date = parsed.or(previous_date);
        }
    }

    if data.messengers.is_empty() {
        c.push(
            MESSENGERS,
            None,
            "messengers".into(),
            "the dataset has no messenger",
        );
    }
    c.unique(
        MESSENGERS,
        None,
        "messengers",
        data.messengers.iter().map(|m| m.id.as_str()),
    );
    for m in &data.messengers {
        let who = Some(m.id.as_str());
        if m.name.trim().is_empty() {
            c.push(MESSENGERS, who, "name".into(), "is empty");
        }
        if m.networks.is_empty() {
            c.push(
                MESSENGERS,
                who,
                "networks".into(),
                "names no network architecture",
            );
        }
        for (key, url) in m.links.labelled() {
            c.url(
                MESSENGERS,
                who,
                format!("links.{}", key.trim_start_matches("link.")),
                url,
            );
        }
        for (i, d) in m.downloads.iter().enumerate() {
            c.url(MESSENGERS, who, format!("downloads[{i}].url"), &d.url);
        }
        c.unique(
            MESSENGERS,
            who,
            "audits",
            m.audits.iter().map(|a| a.id.as_str()),
        );
        for (i, a) in m.audits.iter().enumerate() {
            c.url(MESSENGERS, who, format!("audits[{i}].url"), &a.url);
            if i32::from(a.year) < 1990 || i32::from(a.year) > today.year {
                c.push(
                    MESSENGERS,
                    who,
                    format!("audits[{i}].year"),
                    format!("{} is not a plausible year", a.year),
                );
            }
        }
        c.unique(
            MESSENGERS,
            who,
            "caveats",
            m.caveats.iter().map(String::as_str),
        );

        let editions: Vec<&str> = data.editions.iter().map(|e| e.id.as_str()).collect();
        let standing: Vec<&str> = m.standing.iter().map(|s| s.edition.as_str()).collect();
        if standing != editions {
            c.push(
                MESSENGERS,
                who,
                "standing".into(),
                format!("must give one status per edition, in the order of {EDITIONS} ({editions:?}), found {standing:?}"),
            );
        }

        for (criterion, _) in &m.values {
            if data.criterion(criterion).is_none() {
                c.push(
                    MESSENGERS,
                    who,
                    format!("values.{criterion}"),
                    "unknown criterion id",
                );
            }
        }
        for criterion in &data.criteria {
            let field = format!("values.{}", criterion.id);
            let Some(cell) = m.cell(&criterion.id) else {
                c.push(
                    MESSENGERS,
                    who,
                    field,
                    "missing: every messenger needs a value for every criterion",
                );
                continue;
            };
            if cell.sources.is_empty() {
                c.push(
                    MESSENGERS,
                    who,
                    format!("{field}.sources"),
                    "needs at least one source",
                );
            }
            for (i, source) in cell.sources.iter().enumerate() {
                c.url(
                    MESSENGERS,
                    who,
                    format!("{field}.sources[{i}].url"),
                    &source.url,
                );
                if source.name.trim().is_empty() {
                    c.push(
                        MESSENGERS,
                        who,
                        format!("{field}.sources[{i}].name"),
                        "is empty",
                    );
                }
            }
            if cell.value == Value::Disputed {
                let claims: HashSet<Value> = cell.sources.iter().filter_map(|s| s.claims).collect();
                if cell.sources.len() < 2 || claims.len() < 2 {
                    c.push(
                        MESSENGERS,
                        who,
                        format!("{field}.sources"),
                        "a disputed value needs at least two sources whose `claims` disagree",
                    );
                }
            }
            c.date(
                MESSENGERS,
                who,
                format!("{field}.checked"),
                &cell.checked,
                today,
            );
        }
    }

    for need in required_keys(data) {
        if english
            .get(&need.key)
            .is_none_or(|text| text.trim().is_empty())
        {
            c.push(
                english_file,
                need.messenger.as_deref(),
                need.key.clone(),
                format!("no English text (needed by {})", need.file),
            );
        }
    }

    c.errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::check::today;
    use crate::model::dataset::{
        DataFile, CRITERIA_FILE, EDITIONS_FILE, MESSENGERS_FILE, NETWORKS_FILE,
    };
    use crate::model::locale::{Catalog, ENGLISH_FILE};

    fn english() -> HashMap<String, String> {
        Catalog::parse(ENGLISH_FILE.path, ENGLISH_FILE.text)
            .unwrap()
            .texts
    }

    fn check(data: &Dataset) -> Vec<String> {
        validate(data, &english(), "data/locales/en.json", today())
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    fn expect_error(data: &Dataset, needle: &str) {
        let errors = check(data);
        assert!(
            errors.iter().any(|e| e.contains(needle)),
            "no error containing {needle:?} in {errors:#?}"
        );
    }

    fn signal(data: &mut Dataset) -> &mut crate::model::dataset::Messenger {
        data.messengers
            .iter_mut()
            .find(|m| m.id == "signal")
            .unwrap()
    }

    fn cell<'a>(data: &'a mut Dataset, criterion: &str) -> &'a mut crate::model::dataset::Cell {
        let m = signal(data);
        &mut m.values.iter_mut().find(|(c, _)| c == criterion).unwrap().1
    }

    #[test]
    fn embedded_dataset_is_valid() {
        let data = Dataset::embedded().unwrap();
        assert_eq!(check(&data), Vec::<String>::new());
    }

    #[test]
    fn the_guide_facts_hold() {
        let data = Dataset::embedded().unwrap();
        let value = |m: &str, c: &str| data.messenger(m).unwrap().cell(c).unwrap().value;
        assert_eq!(data.messengers.len(), 5);
        assert_eq!(value("signal", "phone-number-required"), Value::Yes);
        assert_eq!(value("session", "forward-secrecy"), Value::No);
        assert_eq!(value("element", "forward-secrecy"), Value::Disputed);
        for gone in ["element", "session"] {
            let latest = data
                .messenger(gone)
                .unwrap()
                .latest_standing()
                .unwrap()
                .status;
            assert_eq!(
                latest,
                crate::model::dataset::Status::NotListed,
                "{gone} must not be shown as recommended today"
            );
        }
        let badge = |m: &str| data.messenger(m).unwrap().badge();
        assert_eq!(badge("signal"), crate::model::dataset::Badge::Recommended);
        assert_eq!(
            badge("element"),
            crate::model::dataset::Badge::NoLongerListed
        );
        assert_eq!(
            badge("session"),
            crate::model::dataset::Badge::NoLongerListed
        );
        assert_eq!(data.criteria_in(Group::Minimum).count(), 5);
        assert_eq!(data.criteria_in(Group::BestCase).count(), 6);
    }

    #[test]
    fn missing_value_names_messenger_and_criterion() {
        let mut data = Dataset::embedded().unwrap();
        signal(&mut data).values.retain(|(c, _)| c != "tor");
        expect_error(
            &data,
            "data/messengers.json: messenger `signal`, field `values.tor`: missing",
        );
    }

    #[test]
    fn unknown_and_duplicate_ids_are_caught() {
        let mut data = Dataset::embedded().unwrap();
        let extra = cell(&mut data, "tor").clone();
        signal(&mut data).values.push(("teleport".into(), extra));
        expect_error(&data, "field `values.teleport`: unknown criterion id");
        let mut data = Dataset::embedded().unwrap();
        data.messengers[1].id = "signal".into();
        expect_error(&data, "duplicate id `signal`");
        let mut data = Dataset::embedded().unwrap();
        data.criteria[1].id = data.criteria[0].id.clone();
        expect_error(
            &data,
            "data/criteria.json: field `criteria[1]`: duplicate id",
        );
    }

    #[test]
    fn urls_must_be_https_and_well_formed() {
        for bad in [
            "http://signal.org",
            "https://",
            "https://signal",
            "https://sig nal.org",
            "ftp://x.org",
            "signal.org",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
        assert!(is_https_url("https://signal.org/legal/#privacy-policy"));
        let mut data = Dataset::embedded().unwrap();
        cell(&mut data, "tor").sources[0].url = "http://example.org".into();
        expect_error(&data, "messenger `signal`, field `values.tor.sources[0].url`: `http://example.org` is not a well-formed https URL");
        let mut data = Dataset::embedded().unwrap();
        signal(&mut data).links.homepage = "javascript:alert(1)".into();
        expect_error(&data, "field `links.homepage`");
    }

    #[test]
    fn dates_must_be_valid_and_not_in_the_future() {
        let mut data = Dataset::embedded().unwrap();
        cell(&mut data, "tor").checked = "2026-02-30".into();
        expect_error(
            &data,
            "field `values.tor.checked`: `2026-02-30` is not a YYYY-MM-DD date",
        );
        let mut data = Dataset::embedded().unwrap();
        let next_year = format!("{}-01-01", today().year + 1);
        cell(&mut data, "tor").checked = next_year.clone();
        expect_error(&data, &format!("`{next_year}` is in the future"));
    }

    #[test]
    fn disputed_needs_two_disagreeing_sources() {
        let mut data = Dataset::embedded().unwrap();
        let c = cell(&mut data, "tor");
        c.value = Value::Disputed;
        c.sources.truncate(1);
        expect_error(
            &data,
            "field `values.tor.sources`: a disputed value needs at least two sources",
        );
    }

    #[test]
    fn standing_must_cover_every_edition() {
        let mut data = Dataset::embedded().unwrap();
        signal(&mut data).standing.pop();
        expect_error(&data, "messenger `signal`, field `standing`");
    }

    #[test]
    fn text_without_english_is_named() {
        let data = Dataset::embedded().unwrap();
        let mut en = english();
        en.remove("value.signal.tor");
        let errors: Vec<String> = validate(&data, &en, "data/locales/en.json", today())
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(
            errors.iter().any(|e| e.contains("data/locales/en.json: messenger `signal`, field `value.signal.tor`: no English text")),
            "{errors:#?}"
        );
    }

    #[test]
    fn broken_files_name_the_file_and_messenger() {
        let broken = DataFile {
            path: "data/messengers.json",
            text: r#"{"messengers": [{"id": "signal", "values": {"tor": {"value": "maybe", "sources": [], "checked": "2026-01-01"}}}]}"#,
        };
        let err = Dataset::parse(CRITERIA_FILE, NETWORKS_FILE, EDITIONS_FILE, broken)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("data/messengers.json: messenger `signal`: field `values.tor`:"),
            "{err}"
        );
        let truncated = DataFile {
            path: "data/criteria.json",
            text: "{\"groups\": [",
        };
        let err = Dataset::parse(truncated, NETWORKS_FILE, EDITIONS_FILE, MESSENGERS_FILE)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("data/criteria.json: "), "{err}");
    }
}
