//! Every rule the dataset must keep, checked natively by `cargo test` and by `cargo run`.
//!
//! Each error names the file, the messenger (where there is one) and the field, so that a
//! broken dataset tells its editor exactly where to look. One small function per part of the
//! dataset; each rule is one `check` line, and each has a test that breaks exactly it.

use crate::model::dataset::{
    Cell, Criterion, Dataset, Edition, Group, Messenger, NetworkId, Requirement, Status, Value,
};
use crate::model::date::Date;
use crate::model::filter::Need;
use crate::model::sort::PLATFORMS_COLUMN;
use crate::model::text::required_keys;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The dataset item an error is about, named in its message as `<kind> `<id>``.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// `messenger`, `need` or `preset`.
    pub kind: &'static str,
    /// The item's id as written in the file.
    pub id: String,
}

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    /// The file to fix, e.g. `data/messengers.json`.
    pub file: &'static str,
    /// The messenger, need or preset concerned, if any.
    pub item: Option<Item>,
    /// The field, as a path such as `values.tor.sources[0].url`.
    pub field: String,
    /// What is wrong.
    pub problem: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        if let Some(item) = &self.item {
            write!(f, "{} `{}`, ", item.kind, item.id)?;
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

/// Whether `text` is a full git commit id: 40 lowercase hex digits.
pub fn is_commit(text: &str) -> bool {
    text.len() == 40 && text.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f'))
}

/// Whether `url` points at a fixed copy: a file at a commit (`/blob/<commit>/`, GitHub,
/// GitLab or Codeberg's `/src/commit/<commit>/`) or a dated Wayback Machine snapshot. A
/// live page can change after it was read, so it cannot back a value.
pub fn is_permalink(url: &str) -> bool {
    if !is_https_url(url) {
        return false;
    }
    let parts: Vec<&str> = url.split('/').collect();
    let pinned = parts.windows(2).any(|w| {
        matches!(w[0], "blob" | "commit" | "raw") && is_commit(w[1])
            || w[0] == "web" && w[1].len() == 14 && w[1].chars().all(|c| c.is_ascii_digit())
    });
    pinned
}

/// The guide edition a URL cites, if it is a permalink into the guide's repository.
fn cited_edition<'a>(data: &'a Dataset, url: &str) -> Option<&'a Edition> {
    url.contains("/privacyguides/privacyguides.org/blob/")
        .then(|| data.editions.iter().find(|e| url.contains(&*e.commit)))
        .flatten()
}

/// Collects errors for one file and, optionally, one item of it.
struct At {
    errors: Vec<ValidationError>,
    file: &'static str,
    item: Option<Item>,
    today: Date,
}

impl At {
    /// Records `problem` at `field` unless `ok`.
    fn check(&mut self, ok: bool, field: impl Into<String>, problem: impl Into<String>) {
        if !ok {
            self.errors.push(ValidationError {
                file: self.file,
                item: self.item.clone(),
                field: field.into(),
                problem: problem.into(),
            });
        }
    }

    fn url(&mut self, field: impl Into<String>, url: &str) {
        self.check(
            is_https_url(url),
            field,
            format!("`{url}` is not a well-formed https URL"),
        );
    }

    /// A date that parses and is not after today; returns it when it parses.
    fn date(&mut self, field: impl Into<String>, text: &str) -> Option<Date> {
        let field = field.into();
        let date = Date::parse(text);
        self.check(
            date.is_some(),
            field.clone(),
            format!("`{text}` is not a YYYY-MM-DD date"),
        );
        let today = self.today;
        self.check(
            date.is_none_or(|d| d <= today),
            field,
            format!("`{text}` is in the future (today is {today})"),
        );
        date
    }

    fn ids<'a>(&mut self, field: &str, ids: impl Iterator<Item = &'a str>) {
        let mut seen = HashSet::new();
        for (i, id) in ids.enumerate() {
            self.check(
                is_id(id),
                format!("{field}[{i}]"),
                format!("`{id}` is not a kebab-case id"),
            );
            self.check(
                seen.insert(id),
                format!("{field}[{i}]"),
                format!("duplicate id `{id}`"),
            );
        }
    }
}

const CRITERIA: &str = "data/criteria.json";
const NETWORKS: &str = "data/networks.json";
const EDITIONS: &str = "data/editions.json";
const MESSENGERS: &str = "data/messengers.json";
const CHOOSER: &str = "data/chooser.json";

/// The item named `id` of one kind, for an error message.
fn item(kind: &'static str, id: &str) -> Option<Item> {
    Some(Item {
        kind,
        id: id.to_owned(),
    })
}

/// Checks the dataset against every rule, and that each text it needs has English text in
/// `english` (the file `english_file`). Returns all errors found, not just the first.
pub fn validate(
    data: &Dataset,
    english: &HashMap<String, String>,
    english_file: &'static str,
    today: Date,
) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    let at = |file, item: Option<Item>| At {
        errors: Vec::new(),
        file,
        item,
        today,
    };
    let mut parts = vec![at(CRITERIA, None), at(NETWORKS, None), at(EDITIONS, None)];
    criteria(&mut parts[0], data);
    networks(&mut parts[1], data);
    editions(&mut parts[2], data);
    let mut all = at(MESSENGERS, None);
    messengers(&mut all, data);
    parts.push(all);
    for m in &data.messengers {
        let mut one = at(MESSENGERS, item("messenger", &m.id));
        messenger(&mut one, data, m);
        for criterion in &data.criteria {
            let field = format!("values.{}", criterion.id);
            match m.cell(&criterion.id) {
                Some(c) => cell(&mut one, data, &field, c),
                None => one.check(
                    false,
                    field,
                    "missing: every messenger needs a value for every criterion",
                ),
            }
        }
        parts.push(one);
    }
    let mut choices = at(CHOOSER, None);
    chooser(&mut choices, data);
    parts.push(choices);
    let mut english_texts = at(english_file, None);
    texts(&mut english_texts, data, english);
    parts.push(english_texts);
    for part in parts {
        errors.extend(part.errors);
    }
    errors
}

fn criteria(at: &mut At, data: &Dataset) {
    at.check(
        data.groups == Group::ALL,
        "groups",
        "must list minimum, best-case and more, in that order",
    );
    at.ids("criteria", data.criteria.iter().map(|k| &*k.id));
    at.ids("everyday", data.everyday.iter().map(|s| &**s));
    for need in Need::ALL.into_iter().filter(|n| *n != Need::Minimum) {
        let rules = data.filters.iter().filter(|r| r.need == need).count();
        at.check(
            rules == 1,
            "filters",
            format!("filter `{}` needs exactly one rule, has {rules}", need.id()),
        );
    }
    for (i, rule) in data.filters.iter().enumerate() {
        let field = |name: &str| format!("filters[{i}].{name}");
        at.check(
            rule.need != Need::Minimum,
            field("need"),
            "`minimum` is the guide's own group, not a rule",
        );
        at.check(
            data.criterion(&rule.criterion).is_some(),
            field("criterion"),
            format!("`{}` is not a criterion", rule.criterion),
        );
        at.check(
            !rule.values.is_empty(),
            field("values"),
            "must list at least one value",
        );
    }
    for (i, id) in data.everyday.iter().enumerate() {
        let known = id == PLATFORMS_COLUMN || data.criterion(id).is_some();
        at.check(
            known,
            format!("everyday[{i}]"),
            format!("`{id}` is neither a criterion nor `{PLATFORMS_COLUMN}`"),
        );
    }
    for group in Group::ALL {
        let has_one = data.criteria_in(group).next().is_some();
        at.check(
            has_one,
            "criteria",
            format!("group `{}` has no criterion", group.id()),
        );
    }
    let claimed = data.editions.iter().find(|e| e.id == data.criteria_edition);
    at.check(
        claimed.is_some(),
        "edition",
        format!(
            "`{}` is not an edition in {EDITIONS}",
            data.criteria_edition
        ),
    );
    if let (Some(claimed), Some(latest)) = (claimed, data.latest_edition()) {
        let same = claimed.minimum == latest.minimum && claimed.best_case == latest.best_case;
        at.check(same, "edition", format!("`{}` lists criteria differently from the latest edition, `{}`: the groups must follow the guide as it stands", claimed.id, latest.id));
    }
    for (i, criterion) in data.criteria.iter().enumerate() {
        criterion_rules(at, i, criterion, claimed);
    }
}

fn criterion_rules(at: &mut At, i: usize, criterion: &Criterion, claimed: Option<&Edition>) {
    let best_ok = matches!(criterion.best, Value::Yes | Value::No);
    at.check(
        best_ok,
        format!("criteria[{i}].best"),
        "must be `yes` or `no`",
    );
    if let Some(edition) = claimed {
        let group = edition.group_of(&criterion.id);
        at.check(
            criterion.group == group,
            format!("criteria[{i}].group"),
            format!(
                "`{}` is in `{}`, but edition `{}` puts it in `{}`",
                criterion.id,
                criterion.group.id(),
                edition.id,
                group.id()
            ),
        );
    }
}

fn networks(at: &mut At, data: &Dataset) {
    for network in NetworkId::ALL {
        let count = data.networks.iter().filter(|n| n.id == network).count();
        at.check(
            count == 1,
            "networks",
            format!("`{}` appears {count} times, not once", network.id()),
        );
    }
    for (i, n) in data.networks.iter().enumerate() {
        let texts = n.advantages > 0 && n.disadvantages > 0;
        at.check(
            texts,
            format!("networks[{i}]"),
            "needs at least one advantage and one disadvantage",
        );
    }
    let guides = data.networks.iter().filter(|n| n.guide).count();
    at.check(
        guides == 4,
        "networks",
        format!("the guide names four architectures; {guides} are marked `guide`"),
    );
}

fn editions(at: &mut At, data: &Dataset) {
    at.check(!data.editions.is_empty(), "editions", "lists no edition");
    at.ids("editions", data.editions.iter().map(|e| &*e.id));
    let mut previous: Option<Date> = None;
    for (i, e) in data.editions.iter().enumerate() {
        let field = |name: &str| format!("editions[{i}].{name}");
        let date = at.date(field("date"), &e.date);
        at.check(
            e.id == e.date,
            field("id"),
            format!("`{}` must be the edition's date, `{}`", e.id, e.date),
        );
        at.check(
            previous.is_none() || date > previous,
            field("date"),
            "editions must be listed oldest first, one per date",
        );
        previous = date.or(previous);
        pinned(at, &field(""), &e.commit, &e.source);
        for (list, ids) in [("minimum", &e.minimum), ("best_case", &e.best_case)] {
            for (j, id) in ids.iter().enumerate() {
                let known = data.criterion(id).is_some();
                at.check(
                    known,
                    format!("editions[{i}].{list}[{j}]"),
                    format!("`{id}` is not a criterion in {CRITERIA}"),
                );
            }
        }
        edition_lists(at, data, i, e);
    }
    let page = &data.social_networks_page;
    at.date("social_networks_page.date", &page.date);
    pinned(at, "social_networks_page.", &page.commit, &page.source);
}

/// A copy of the guide: a full commit id and a permalink that contains it.
fn pinned(at: &mut At, prefix: &str, commit: &str, source: &str) {
    at.check(
        is_commit(commit),
        format!("{prefix}commit"),
        format!("`{commit}` is not a 40-digit commit id"),
    );
    at.url(format!("{prefix}source"), source);
    at.check(
        source.contains(&format!("/blob/{commit}/")),
        format!("{prefix}source"),
        "must be a permalink to the file at `commit`",
    );
}

fn edition_lists(at: &mut At, data: &Dataset, i: usize, e: &Edition) {
    let lists = [
        ("recommended", &e.recommended),
        ("alternative_clients", &e.alternative_clients),
        ("additional", &e.additional),
        ("social_networks", &e.social_networks),
    ];
    let mut seen = HashSet::new();
    for (list, ids) in lists {
        for (j, id) in ids.iter().enumerate() {
            let field = format!("editions[{i}].{list}[{j}]");
            let known = data.messenger(id).is_some();
            at.check(
                known,
                field.clone(),
                format!("`{id}` is not a messenger in {MESSENGERS}"),
            );
            at.check(
                seen.insert(id),
                field,
                format!("`{id}` is in two lists of one edition"),
            );
        }
    }
    for (j, id) in e.social_networks.iter().enumerate() {
        let there = data.social_networks_page.recommended.contains(id);
        at.check(
            there,
            format!("editions[{i}].social_networks[{j}]"),
            format!(
                "`{id}` moved to Social Networks, but `social_networks_page` does not recommend it"
            ),
        );
    }
}

fn messengers(at: &mut At, data: &Dataset) {
    at.check(
        !data.messengers.is_empty(),
        "messengers",
        "the dataset has no messenger",
    );
    at.ids("messengers", data.messengers.iter().map(|m| &*m.id));
}

fn messenger(at: &mut At, data: &Dataset, m: &Messenger) {
    at.check(!m.name.trim().is_empty(), "name", "is empty");
    at.check(
        !m.networks.is_empty(),
        "networks",
        "names no network architecture",
    );
    if let Some(of) = &m.client_of {
        let ok = *of != m.id && data.messenger(of).is_some();
        at.check(
            ok,
            "client_of",
            format!("`{of}` is not another messenger in {MESSENGERS}"),
        );
    }
    for (key, url) in m.links.labelled() {
        at.url(format!("links.{}", key.trim_start_matches("link.")), url);
    }
    for (i, d) in m.downloads.iter().enumerate() {
        at.url(format!("downloads[{i}].url"), &d.url);
    }
    at.ids("audits", m.audits.iter().map(|a| &*a.id));
    for (i, a) in m.audits.iter().enumerate() {
        at.url(format!("audits[{i}].url"), &a.url);
        let year = i32::from(a.year);
        at.check(
            (1990..=at.today.year).contains(&year),
            format!("audits[{i}].year"),
            format!("{year} is not a plausible year"),
        );
        at.check(
            !a.auditor.trim().is_empty(),
            format!("audits[{i}].auditor"),
            "is empty: an audit names who did it",
        );
        let homepage = a.url.trim_end_matches('/') == m.links.homepage.trim_end_matches('/');
        at.check(
            !homepage,
            format!("audits[{i}].url"),
            "is the homepage: link the report itself",
        );
    }
    at.ids("caveats", m.caveats.iter().map(|s| &**s));
    for (criterion, _) in &m.values {
        let known = data.criterion(criterion).is_some();
        at.check(known, format!("values.{criterion}"), "unknown criterion id");
    }
    standing(at, data, m);
}

fn standing(at: &mut At, data: &Dataset, m: &Messenger) {
    let editions: Vec<&str> = data.editions.iter().map(|e| &*e.id).collect();
    let given: Vec<&str> = m.standing.iter().map(|s| &*s.edition).collect();
    at.check(
        given == editions,
        "standing",
        format!("must give one status per edition, in the order of {EDITIONS} ({editions:?}), found {given:?}"),
    );
    for (i, s) in m.standing.iter().enumerate() {
        let Some(edition) = data.editions.iter().find(|e| e.id == s.edition) else {
            continue;
        };
        let listed = edition.status_of(&m.id);
        at.check(
            s.status == listed,
            format!("standing[{i}].status"),
            format!(
                "`{}`, but edition `{}` lists it as `{}`",
                s.status.id(),
                edition.id,
                listed.id()
            ),
        );
        let client = s.status != Status::AlternativeClient || m.client_of.is_some();
        at.check(
            client,
            "client_of",
            "an alternative client must name the messenger it is a client of",
        );
    }
}

fn cell(at: &mut At, data: &Dataset, field: &str, c: &Cell) {
    let checked = at.date(format!("{field}.checked"), &c.checked);
    at.check(
        c.value == Value::Unknown || !c.sources.is_empty(),
        format!("{field}.sources"),
        "needs at least one source (a value no source shows is `unknown`)",
    );
    for (i, source) in c.sources.iter().enumerate() {
        let here = format!("{field}.sources[{i}]");
        at.check(
            !source.name.trim().is_empty(),
            format!("{here}.name"),
            "is empty",
        );
        at.url(format!("{here}.url"), &source.url);
        at.check(
            is_permalink(&source.url),
            format!("{here}.url"),
            format!(
                "`{}` is a live page: cite a permalink to the copy read",
                source.url
            ),
        );
        let date = at.date(format!("{here}.date"), &source.date);
        at.check(
            date.is_none() || checked.is_none() || date <= checked,
            format!("{here}.date"),
            format!(
                "`{}` is after the value's checked-on date `{}`",
                source.date, c.checked
            ),
        );
        if let Some(edition) = cited_edition(data, &source.url) {
            at.check(
                source.date == edition.date,
                format!("{here}.date"),
                format!(
                    "`{}`, but the edition cited is dated `{}`",
                    source.date, edition.date
                ),
            );
        }
    }
    if c.value == Value::Disputed {
        let claims: HashSet<Value> = c.sources.iter().filter_map(|s| s.claims).collect();
        at.check(
            c.sources.len() >= 2 && claims.len() >= 2,
            format!("{field}.sources"),
            "a disputed value needs at least two sources whose `claims` disagree",
        );
    }
}

fn chooser(at: &mut At, data: &Dataset) {
    let chooser = &data.chooser;
    at.check(!chooser.needs.is_empty(), "needs", "lists no need");
    at.ids("needs", chooser.needs.iter().map(|n| &*n.id));
    at.ids("presets", chooser.presets.iter().map(|p| &*p.id));
    for need in &chooser.needs {
        at.item = item("need", &need.id);
        at.check(
            !need.requires.is_empty(),
            "requires",
            "lists no requirement",
        );
        for (i, r) in need.requires.iter().enumerate() {
            requirement(at, data, &format!("requires[{i}]"), r);
        }
    }
    for preset in &chooser.presets {
        at.item = item("preset", &preset.id);
        at.check(!preset.needs.is_empty(), "needs", "lists no need");
        for (i, id) in preset.needs.iter().enumerate() {
            at.check(
                chooser.need_index(id).is_some(),
                format!("needs[{i}]"),
                format!("`{id}` is not a need in {CHOOSER}"),
            );
        }
    }
    at.item = None;
}

fn requirement(at: &mut At, data: &Dataset, field: &str, r: &Requirement) {
    at.check(
        data.criterion(&r.criterion).is_some(),
        format!("{field}.criterion"),
        format!("`{}` is not a criterion in {CRITERIA}", r.criterion),
    );
    at.check(
        !r.met.is_empty(),
        format!("{field}.met"),
        "lists no value: a requirement nothing meets decides nothing",
    );
    for (list, values) in [("met", &r.met), ("partly", &r.partly)] {
        for (j, v) in values.iter().enumerate() {
            at.check(
                Value::from_id(v).is_some(),
                format!("{field}.{list}[{j}]"),
                format!("`{v}` is not a value id"),
            );
        }
    }
    for (j, v) in r.partly.iter().enumerate() {
        at.check(
            !r.met.contains(v),
            format!("{field}.partly[{j}]"),
            format!("`{v}` is also in `met`"),
        );
    }
}

fn texts(at: &mut At, data: &Dataset, english: &HashMap<String, String>) {
    for need in required_keys(data) {
        let present = english.get(&need.key).is_some_and(|t| !t.trim().is_empty());
        at.item = need.messenger.as_deref().and_then(|m| item("messenger", m));
        at.check(
            present,
            need.key.clone(),
            format!("no English text (needed by {})", need.file),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::check::today;
    use crate::model::dataset::{
        Badge, ChooserNeed, DataFile, Messenger, Preset, CHOOSER_FILE, CRITERIA_FILE,
        EDITIONS_FILE, MESSENGERS_FILE, NETWORKS_FILE,
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

    fn m<'a>(data: &'a mut Dataset, id: &str) -> &'a mut Messenger {
        data.messengers.iter_mut().find(|m| m.id == id).unwrap()
    }

    fn cell<'a>(data: &'a mut Dataset, messenger: &str, criterion: &str) -> &'a mut Cell {
        let m = m(data, messenger);
        &mut m.values.iter_mut().find(|(c, _)| c == criterion).unwrap().1
    }

    /// Breaks a fresh copy of the embedded dataset with `breaks` and expects exactly one error,
    /// the one given: a rule that can be deleted without a test failing is no rule.
    fn expect(breaks: impl FnOnce(&mut Dataset), error: &str) {
        let mut data = Dataset::embedded().unwrap();
        breaks(&mut data);
        let errors = check(&data);
        assert!(
            errors.iter().any(|e| e == error),
            "expected {error:?} in {errors:#?}"
        );
    }

    #[test]
    fn embedded_dataset_is_valid() {
        let data = Dataset::embedded().unwrap();
        assert_eq!(check(&data), Vec::<String>::new());
    }

    #[test]
    fn the_guide_as_it_stands_today() {
        let data = Dataset::embedded().unwrap();
        let value = |m: &str, c: &str| data.messenger(m).unwrap().cell(c).unwrap().value;
        let badge = |m: &str| data.messenger(m).unwrap().badge();
        assert_eq!(value("signal", "phone-number-required"), Value::Yes);
        assert_eq!(value("session", "forward-secrecy"), Value::No);
        assert_eq!(value("element", "e2ee-group-calls"), Value::Yes);
        assert_eq!(value("signal", "open-source-servers"), Value::Partial);
        for recommended in ["signal", "simplex", "briar"] {
            assert_eq!(badge(recommended), Badge::Recommended, "{recommended}");
        }
        assert_eq!(badge("molly"), Badge::AlternativeClient);
        assert_eq!(badge("element"), Badge::MovedToSocialNetworks);
        assert_eq!(badge("session"), Badge::NoLongerListed);
        for never in ["whatsapp", "telegram", "threema", "deltachat"] {
            assert_eq!(badge(never), Badge::NeverListed, "{never}");
        }
        assert_eq!(data.criteria_in(Group::Minimum).count(), 6);
        assert_eq!(data.criteria_in(Group::BestCase).count(), 5);
        assert_eq!(
            data.criterion("forward-secrecy").unwrap().group,
            Group::Minimum
        );
        let simplex = data.messenger("simplex").unwrap();
        assert_eq!(simplex.networks, [NetworkId::IndependentRelays]);
    }

    #[test]
    fn no_value_is_checked_before_its_sources_or_cites_a_live_page() {
        let data = Dataset::embedded().unwrap();
        for m in &data.messengers {
            for (criterion, c) in &m.values {
                for s in &c.sources {
                    assert!(s.date <= c.checked, "{} {criterion}", m.id);
                    assert!(is_permalink(&s.url), "{} {criterion}: {}", m.id, s.url);
                }
            }
        }
    }

    #[test]
    fn permalinks_are_told_from_live_pages() {
        let c = "0123456789abcdef0123456789abcdef01234567";
        for good in [
            format!("https://github.com/o/r/blob/{c}/docs/a.md"),
            format!("https://gitlab.com/o/r/-/blob/{c}/a.md"),
            format!("https://codeberg.org/o/r/src/commit/{c}/a.md"),
            "https://web.archive.org/web/20250101120000/https://example.org/".to_owned(),
        ] {
            assert!(is_permalink(&good), "{good}");
        }
        for live in [
            "https://github.com/o/r/blob/main/docs/a.md",
            "https://github.com/o/r/blob/0123456/docs/a.md",
            "https://www.privacyguides.org/en/real-time-communication/",
            "https://web.archive.org/web/2025/https://example.org/",
            "http://github.com/o/r/blob/0123456789abcdef0123456789abcdef01234567/a",
        ] {
            assert!(!is_permalink(live), "{live}");
        }
        assert!(is_commit(c));
        assert!(!is_commit(&c.to_uppercase()));
        assert!(!is_commit(&c[1..]));
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
            "https://-a.org",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
        assert!(is_https_url("https://signal.org/legal/#privacy-policy"));
        assert!(is_id("a-1") && !is_id("A") && !is_id("a--b") && !is_id(""));
    }

    const M: &str = "data/messengers.json: messenger `signal`, field";

    #[test]
    fn criteria_rules() {
        expect(
            |d| d.groups.reverse(),
            "data/criteria.json: field `groups`: must list minimum, best-case and more, in that order",
        );
        expect(
            |d| d.criteria[1].id = d.criteria[0].id.clone(),
            "data/criteria.json: field `criteria[1]`: duplicate id `open-source-clients`",
        );
        expect(
            |d| d.criteria[0].id = "Open".into(),
            "data/criteria.json: field `criteria[0]`: `Open` is not a kebab-case id",
        );
        expect(
            |d| d.criteria.retain(|c| c.group != Group::BestCase),
            "data/criteria.json: field `criteria`: group `best-case` has no criterion",
        );
        expect(
            |d| d.everyday[1] = "offline".into(),
            "data/criteria.json: field `everyday[1]`: `offline` is neither a criterion nor `platforms`",
        );
        expect(
            |d| d.filters.retain(|r| r.need != Need::Tor),
            "data/criteria.json: field `filters`: filter `tor` needs exactly one rule, has 0",
        );
        expect(
            |d| d.filters[0].need = Need::Minimum,
            "data/criteria.json: field `filters[0].need`: `minimum` is the guide's own group, not a rule",
        );
        expect(
            |d| d.filters[1].criterion = "onion".into(),
            "data/criteria.json: field `filters[1].criterion`: `onion` is not a criterion",
        );
        expect(
            |d| d.filters[2].values.clear(),
            "data/criteria.json: field `filters[2].values`: must list at least one value",
        );
        expect(
            |d| d.everyday[1] = d.everyday[0].clone(),
            "data/criteria.json: field `everyday[1]`: duplicate id `phone-number-required`",
        );
        expect(
            |d| d.criteria[0].best = Value::Partial,
            "data/criteria.json: field `criteria[0].best`: must be `yes` or `no`",
        );
        expect(
            |d| d.criteria_edition = "2030-01-01".into(),
            "data/criteria.json: field `edition`: `2030-01-01` is not an edition in data/editions.json",
        );
        expect(
            |d| d.criteria_edition = "2024-07-14".into(),
            "data/criteria.json: field `edition`: `2024-07-14` lists criteria differently from the latest edition, `2025-10-16`: the groups must follow the guide as it stands",
        );
        expect(
            |d| d.criteria[4].group = Group::BestCase,
            "data/criteria.json: field `criteria[4].group`: `forward-secrecy` is in `best-case`, but edition `2025-05-16` puts it in `minimum`",
        );
    }

    #[test]
    fn network_rules() {
        expect(
            |d| d.networks.pop().map(drop).unwrap_or(()),
            "data/networks.json: field `networks`: `independent-relays` appears 0 times, not once",
        );
        expect(
            |d| d.networks[0].advantages = 0,
            "data/networks.json: field `networks[0]`: needs at least one advantage and one disadvantage",
        );
        expect(
            |d| d.networks[4].guide = true,
            "data/networks.json: field `networks`: the guide names four architectures; 5 are marked `guide`",
        );
    }

    #[test]
    fn edition_rules() {
        const E: &str = "data/editions.json: field";
        expect(
            |d| d.editions[1].id = d.editions[0].id.clone(),
            &format!("{E} `editions[1]`: duplicate id `2024-07-14`"),
        );
        expect(
            |d| d.editions[0].id = "first".into(),
            &format!("{E} `editions[0].id`: `first` must be the edition's date, `2024-07-14`"),
        );
        expect(
            |d| d.editions[0].date = "2024-13-01".into(),
            &format!("{E} `editions[0].date`: `2024-13-01` is not a YYYY-MM-DD date"),
        );
        let future = format!("{}-01-01", today().year + 1);
        let (f, g) = (future.clone(), future.clone());
        expect(
            move |d| {
                let last = d.editions.last_mut().unwrap();
                last.date = f.clone().into();
                last.id = f.into();
            },
            &format!(
                "{E} `editions[6].date`: `{g}` is in the future (today is {})",
                today()
            ),
        );
        expect(
            |d| d.editions.swap(0, 1),
            &format!("{E} `editions[1].date`: editions must be listed oldest first, one per date"),
        );
        expect(
            |d| d.editions[0].commit = "7e0218b".into(),
            &format!("{E} `editions[0].commit`: `7e0218b` is not a 40-digit commit id"),
        );
        expect(
            |d| {
                d.editions[0].source =
                    "https://www.privacyguides.org/en/real-time-communication/".into()
            },
            &format!("{E} `editions[0].source`: must be a permalink to the file at `commit`"),
        );
        expect(
            |d| d.editions[0].source = "privacyguides.org".into(),
            &format!(
                "{E} `editions[0].source`: `privacyguides.org` is not a well-formed https URL"
            ),
        );
        expect(
            |d| d.editions[0].minimum.push("teleport".into()),
            &format!(
                "{E} `editions[0].minimum[5]`: `teleport` is not a criterion in data/criteria.json"
            ),
        );
        expect(
            |d| d.editions[0].recommended.push("icq".into()),
            &format!("{E} `editions[0].recommended[3]`: `icq` is not a messenger in data/messengers.json"),
        );
        expect(
            |d| d.editions[0].additional.push("signal".into()),
            &format!("{E} `editions[0].additional[2]`: `signal` is in two lists of one edition"),
        );
        expect(
            |d| d.social_networks_page.recommended.clear(),
            &format!("{E} `editions[4].social_networks[0]`: `element` moved to Social Networks, but `social_networks_page` does not recommend it"),
        );
        expect(
            |d| d.social_networks_page.commit = "x".into(),
            &format!("{E} `social_networks_page.commit`: `x` is not a 40-digit commit id"),
        );
        expect(
            |d| d.social_networks_page.date = "soon".into(),
            &format!("{E} `social_networks_page.date`: `soon` is not a YYYY-MM-DD date"),
        );
        expect(
            |d| d.editions.clear(),
            &format!("{E} `editions`: lists no edition"),
        );
    }

    #[test]
    fn messenger_rules() {
        expect(
            |d| d.messengers.clear(),
            "data/messengers.json: field `messengers`: the dataset has no messenger",
        );
        expect(
            |d| d.messengers[1].id = "signal".into(),
            "data/messengers.json: field `messengers[1]`: duplicate id `signal`",
        );
        expect(
            |d| m(d, "signal").name = " ".into(),
            &format!("{M} `name`: is empty"),
        );
        expect(
            |d| m(d, "signal").networks.clear(),
            &format!("{M} `networks`: names no network architecture"),
        );
        expect(
            |d| m(d, "signal").client_of = Some("signal".into()),
            &format!("{M} `client_of`: `signal` is not another messenger in data/messengers.json"),
        );
        expect(
            |d| m(d, "molly").client_of = None,
            "data/messengers.json: messenger `molly`, field `client_of`: an alternative client must name the messenger it is a client of",
        );
        expect(
            |d| m(d, "signal").links.homepage = "javascript:alert(1)".into(),
            &format!("{M} `links.homepage`: `javascript:alert(1)` is not a well-formed https URL"),
        );
        expect(
            |d| m(d, "signal").downloads[0].url = "http://x.org".into(),
            &format!("{M} `downloads[0].url`: `http://x.org` is not a well-formed https URL"),
        );
        expect(
            |d| m(d, "briar").audits[0].year = 1890,
            "data/messengers.json: messenger `briar`, field `audits[0].year`: 1890 is not a plausible year",
        );
        expect(
            |d| m(d, "briar").audits[0].auditor = String::new().into(),
            "data/messengers.json: messenger `briar`, field `audits[0].auditor`: is empty: an audit names who did it",
        );
        expect(
            |d| {
                let b = m(d, "briar");
                b.audits[0].url = b.links.homepage.clone();
            },
            "data/messengers.json: messenger `briar`, field `audits[0].url`: is the homepage: link the report itself",
        );
        expect(
            |d| m(d, "briar").audits[0].url = "ftp://x".into(),
            "data/messengers.json: messenger `briar`, field `audits[0].url`: `ftp://x` is not a well-formed https URL",
        );
        expect(
            |d| {
                let b = m(d, "briar");
                b.audits.push(b.audits[0].clone());
            },
            &format!(
                "data/messengers.json: messenger `briar`, field `audits[{}]`: duplicate id `{}`",
                Dataset::embedded()
                    .unwrap()
                    .messenger("briar")
                    .unwrap()
                    .audits
                    .len(),
                Dataset::embedded()
                    .unwrap()
                    .messenger("briar")
                    .unwrap()
                    .audits[0]
                    .id
            ),
        );
        expect(
            |d| m(d, "signal").caveats.push("Bad Id".into()),
            &format!(
                "{M} `caveats[{}]`: `Bad Id` is not a kebab-case id",
                Dataset::embedded()
                    .unwrap()
                    .messenger("signal")
                    .unwrap()
                    .caveats
                    .len()
            ),
        );
    }

    #[test]
    fn standing_rules() {
        expect(
            |d| {
                m(d, "signal").standing.pop();
            },
            &format!("{M} `standing`: must give one status per edition, in the order of data/editions.json ([\"2024-07-14\", \"2024-08-22\", \"2024-10-24\", \"2024-10-27\", \"2025-05-10\", \"2025-05-16\", \"2025-10-16\"]), found [\"2024-07-14\", \"2024-08-22\", \"2024-10-24\", \"2024-10-27\", \"2025-05-10\", \"2025-05-16\"]"),
        );
        expect(
            |d| m(d, "session").standing[6].status = Status::AdditionalOption,
            "data/messengers.json: messenger `session`, field `standing[6].status`: `additional-option`, but edition `2025-10-16` lists it as `not-listed`",
        );
    }

    #[test]
    fn value_rules() {
        expect(
            |d| m(d, "signal").values.retain(|(c, _)| c != "tor"),
            &format!(
                "{M} `values.tor`: missing: every messenger needs a value for every criterion"
            ),
        );
        expect(
            |d| {
                let c = cell(d, "signal", "tor");
                c.value = Value::Yes;
                c.sources.clear();
            },
            &format!("{M} `values.tor.sources`: needs at least one source (a value no source shows is `unknown`)"),
        );
        expect(
            |d| cell(d, "signal", "tor").sources[0].name = String::new().into(),
            &format!("{M} `values.tor.sources[0].name`: is empty"),
        );
        expect(
            |d| cell(d, "signal", "tor").sources[0].url = "http://example.org".into(),
            &format!("{M} `values.tor.sources[0].url`: `http://example.org` is not a well-formed https URL"),
        );
        expect(
            |d| cell(d, "signal", "tor").sources[0].url = "https://signal.org/".into(),
            &format!("{M} `values.tor.sources[0].url`: `https://signal.org/` is a live page: cite a permalink to the copy read"),
        );
        expect(
            |d| cell(d, "signal", "tor").checked = "2026-02-30".into(),
            &format!("{M} `values.tor.checked`: `2026-02-30` is not a YYYY-MM-DD date"),
        );
        let future = format!("{}-01-01", today().year + 1);
        let f = future.clone();
        expect(
            move |d| cell(d, "signal", "tor").checked = f.into(),
            &format!(
                "{M} `values.tor.checked`: `{future}` is in the future (today is {})",
                today()
            ),
        );
        expect(
            |d| cell(d, "signal", "tor").sources[0].date = "someday".into(),
            &format!("{M} `values.tor.sources[0].date`: `someday` is not a YYYY-MM-DD date"),
        );
        expect(
            |d| {
                let c = cell(d, "signal", "tor");
                c.sources[0].date = "2025-12-08".into();
                c.checked = "2025-01-01".into();
            },
            &format!("{M} `values.tor.sources[0].date`: `2025-12-08` is after the value's checked-on date `2025-01-01`"),
        );
        let mut data = Dataset::embedded().unwrap();
        let sources = &cell(&mut data, "signal", "phone-number-required").sources;
        let guide = sources
            .iter()
            .position(|s| s.url.contains("privacyguides.org"))
            .unwrap();
        let dated = sources[guide].date.clone();
        expect(
            move |d| cell(d, "signal", "phone-number-required").sources[guide].date = "2020-01-01".into(),
            &format!("{M} `values.phone-number-required.sources[{guide}].date`: `2020-01-01`, but the edition cited is dated `{dated}`"),
        );
        expect(
            |d| {
                let c = cell(d, "signal", "tor");
                c.value = Value::Disputed;
                c.sources.truncate(1);
            },
            &format!("{M} `values.tor.sources`: a disputed value needs at least two sources whose `claims` disagree"),
        );
        expect(
            |d| {
                let extra = cell(d, "signal", "tor").clone();
                m(d, "signal").values.push(("teleport".into(), extra));
            },
            &format!("{M} `values.teleport`: unknown criterion id"),
        );
    }

    #[test]
    fn chooser_rules() {
        const C: &str = "data/chooser.json: field";
        const OFFLINE: &str = "data/chooser.json: need `offline`, field";
        const FAMILY: &str = "data/chooser.json: preset `family`, field";
        fn need<'a>(d: &'a mut Dataset, id: &str) -> &'a mut ChooserNeed {
            d.chooser.needs.iter_mut().find(|n| n.id == id).unwrap()
        }
        fn preset<'a>(d: &'a mut Dataset, id: &str) -> &'a mut Preset {
            d.chooser.presets.iter_mut().find(|p| p.id == id).unwrap()
        }
        expect(
            |d| d.chooser.needs.clear(),
            &format!("{C} `needs`: lists no need"),
        );
        expect(
            |d| d.chooser.needs[1].id = "no-phone".into(),
            &format!("{C} `needs[1]`: duplicate id `no-phone`"),
        );
        expect(
            |d| d.chooser.needs[1].id = "Offline".into(),
            &format!("{C} `needs[1]`: `Offline` is not a kebab-case id"),
        );
        expect(
            |d| d.chooser.presets[1].id = "family".into(),
            &format!("{C} `presets[1]`: duplicate id `family`"),
        );
        expect(
            |d| d.chooser.presets[0].id = "my family".into(),
            &format!("{C} `presets[0]`: `my family` is not a kebab-case id"),
        );
        expect(
            |d| need(d, "offline").requires.clear(),
            &format!("{OFFLINE} `requires`: lists no requirement"),
        );
        expect(
            |d| need(d, "offline").requires[0].criterion = "mesh".into(),
            &format!("{OFFLINE} `requires[0].criterion`: `mesh` is not a criterion in data/criteria.json"),
        );
        expect(
            |d| need(d, "offline").requires[0].met.clear(),
            &format!("{OFFLINE} `requires[0].met`: lists no value: a requirement nothing meets decides nothing"),
        );
        expect(
            |d| need(d, "offline").requires[0].met[0] = "true".into(),
            &format!("{OFFLINE} `requires[0].met[0]`: `true` is not a value id"),
        );
        expect(
            |d| need(d, "offline").requires[0].partly.push("maybe".into()),
            &format!("{OFFLINE} `requires[0].partly[1]`: `maybe` is not a value id"),
        );
        expect(
            |d| need(d, "offline").requires[0].partly.push("yes".into()),
            &format!("{OFFLINE} `requires[0].partly[1]`: `yes` is also in `met`"),
        );
        expect(
            |d| preset(d, "family").needs.clear(),
            &format!("{FAMILY} `needs`: lists no need"),
        );
        expect(
            |d| preset(d, "family").needs.push("pets".into()),
            &format!("{FAMILY} `needs[2]`: `pets` is not a need in data/chooser.json"),
        );
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
            errors.contains(&"data/locales/en.json: messenger `signal`, field `value.signal.tor`: no English text (needed by data/messengers.json)".to_owned()),
            "{errors:#?}"
        );
    }

    #[test]
    fn a_broken_chooser_file_is_named() {
        let broken = DataFile {
            path: "data/chooser.json",
            text: r#"{"needs": [{"id": "offline"}], "presets": []}"#,
        };
        let err = Dataset::parse(
            CRITERIA_FILE,
            NETWORKS_FILE,
            EDITIONS_FILE,
            MESSENGERS_FILE,
            broken,
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("data/chooser.json: missing field `requires`"),
            "{err}"
        );
    }

    #[test]
    fn broken_files_name_the_file_and_messenger() {
        let broken = DataFile {
            path: "data/messengers.json",
            text: r#"{"messengers": [{"id": "signal", "values": {"tor": {"value": "maybe", "sources": [], "checked": "2026-01-01"}}}]}"#,
        };
        let err = Dataset::parse(
            CRITERIA_FILE,
            NETWORKS_FILE,
            EDITIONS_FILE,
            broken,
            CHOOSER_FILE,
        )
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
        let err = Dataset::parse(
            truncated,
            NETWORKS_FILE,
            EDITIONS_FILE,
            MESSENGERS_FILE,
            CHOOSER_FILE,
        )
        .unwrap_err()
        .to_string();
        assert!(err.starts_with("data/criteria.json: "), "{err}");
    }
}
