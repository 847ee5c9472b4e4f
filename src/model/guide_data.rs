//! An edition of the guide's Real-Time Communication page against our dataset: where the
//! page and `data/` disagree (standing, criteria lists, links, downloads, audits), which of
//! our values are older than the page and sit in a part of it that changed (the values to
//! re-check), and the entry the page would add to `data/editions.json`. Pure: a parsed
//! [`Page`] and a [`Dataset`] in, a [`DataDiff`] out, and [`render_data`] prints it.

use crate::model::dataset::{Dataset, Edition, Messenger as DataMessenger, Status, Text};
use crate::model::date::Date;
use crate::model::guide::{LinkKind, List, Page, Section};
use crate::model::guide_diff::{same_url, CriteriaDiff, CriterionChange, PageDiff};
use std::fmt::Write;

/// The part of the page a difference sits in.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    /// A messenger's section (or its absence), by our id or, for one we do not know, its name.
    Messenger(String),
    /// One criterion's item in the criteria lists.
    Criterion(String),
    /// The criteria lists as a whole (an item no phrase matches).
    Criteria,
}

/// One way the page and our dataset disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Difference {
    pub place: Place,
    /// What differs, in a sentence that names the page's line where there is one.
    pub text: String,
}

/// A value of ours to check again: older than the page, in a part of it that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleValue {
    pub messenger: String,
    pub criterion: String,
    /// When we last checked it (`YYYY-MM-DD`).
    pub checked: String,
    /// The changed part of the page it sits in.
    pub because: Place,
}

/// The page against our dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDiff {
    /// How the report names the page.
    pub label: String,
    pub date: Date,
    /// The id of the edition in `data/editions.json` compared with.
    pub edition: String,
    /// Whether that edition has the page's own date (it is already recorded).
    pub recorded: bool,
    pub differences: Vec<Difference>,
    pub stale: Vec<StaleValue>,
    /// The id of the latest edition in `data/editions.json`, when it is later than the page:
    /// our messengers' data is then as of that edition, not the page's.
    pub later: Option<String>,
    /// The page as an entry of `data/editions.json`, formatted as that file is.
    pub proposed: String,
    /// For a page already recorded: the fields where the proposed entry differs from the
    /// recorded one (empty when they agree).
    pub recorded_differs: Option<Vec<&'static str>>,
    /// Caveats about the proposed entry (a commit only partly known, lists carried over).
    pub notes: Vec<String>,
}

/// What `compare_with_data` needs besides the page and the dataset.
#[derive(Debug, Clone, Copy)]
pub struct PageFacts<'a> {
    pub label: &'a str,
    /// The edition's date: `--date`, or from the file's name.
    pub date: Date,
    /// The guide's commit: 40 hex digits, or the 8 a file name gives.
    pub commit: Option<&'a str>,
    /// The Social Networks page of the same time, if given.
    pub social: Option<&'a Page>,
    /// The diff against an older edition, if one was given: its changed sections count as
    /// changed too, text and caveats included.
    pub against: Option<&'a PageDiff>,
}

/// The dataset's status for where the page lists a messenger.
fn status_of_section(section: &Section) -> Status {
    match section {
        Section::Recommended => Status::Recommended,
        Section::AlternativeClient { .. } => Status::AlternativeClient,
        Section::Additional => Status::AdditionalOption,
    }
}

fn status_text(status: Status) -> &'static str {
    match status {
        Status::Recommended => "recommended",
        Status::AlternativeClient => "alternative client",
        Status::AdditionalOption => "additional option",
        Status::SocialNetworks => "on Social Networks",
        Status::NotListed => "not listed",
    }
}

/// The edition to compare with: the one of the page's date, else the latest before it, else
/// the first (for a page older than every edition we have).
fn edition_for(data: &Dataset, date: Date) -> Option<&Edition> {
    let dated = |e: &&Edition| Date::parse(&e.date);
    data.editions
        .iter()
        .rev()
        .find(|e| dated(e).is_some_and(|d| d <= date))
        .or(data.editions.first())
}

fn data_link<'d>(m: &'d DataMessenger, kind: &LinkKind) -> Option<&'d str> {
    let links = &m.links;
    match kind {
        LinkKind::Homepage => Some(&*links.homepage),
        LinkKind::PrivacyPolicy => links.privacy_policy.as_deref(),
        LinkKind::Documentation => links.documentation.as_deref(),
        LinkKind::SourceCode => links.source_code.as_deref(),
        LinkKind::Contribute => links.donate.as_deref(),
        LinkKind::Other(_) => None,
    }
}

fn messenger_differences(
    page: &crate::model::guide::Messenger,
    data: &DataMessenger,
) -> Vec<String> {
    let mut out = Vec::new();
    let kinds = [
        LinkKind::Homepage,
        LinkKind::PrivacyPolicy,
        LinkKind::Documentation,
        LinkKind::SourceCode,
        LinkKind::Contribute,
    ];
    for kind in &kinds {
        match (page.link(kind), data_link(data, kind)) {
            (Some(p), Some(d)) if !same_url(&p.url, d) => out.push(format!(
                "{kind}: the page links {} (line {}), data has {d}",
                p.url, p.line
            )),
            (Some(p), None) => out.push(format!(
                "{kind}: the page links {} (line {}), data has none",
                p.url, p.line
            )),
            (None, Some(d)) => out.push(format!("{kind}: data has {d}, the page links none")),
            _ => {}
        }
    }
    for link in page
        .links
        .iter()
        .filter(|l| matches!(l.kind, LinkKind::Other(_)))
    {
        out.push(format!(
            "{}: a card link data has no field for: {} (line {})",
            link.kind, link.url, link.line
        ));
    }
    // Data may name a specification the page does not link (from the project's own site);
    // only a specification the page links and data lacks is a difference.
    if let Some(spec) = page.specifications.first() {
        let known = data
            .links
            .specification
            .as_deref()
            .is_some_and(|d| page.specifications.iter().any(|s| same_url(&s.url, d)));
        if !known {
            let has = data.links.specification.as_deref().unwrap_or("none");
            out.push(format!(
                "specification: the page links {} (line {}), data has {has}",
                spec.url, spec.line
            ));
        }
    }
    for d in &page.downloads {
        let Some((platform, channel)) = d.platform_channel() else {
            out.push(format!(
                "download {}: a platform or store we have no id for: {} (line {})",
                d.label, d.url, d.line
            ));
            continue;
        };
        let found = data
            .downloads
            .iter()
            .find(|x| x.platform.id() == platform && x.channel.id() == channel);
        match found {
            None => out.push(format!(
                "download {} ({platform}, {channel}): the page links {} (line {}), data has none",
                d.label, d.url, d.line
            )),
            Some(x) if !same_url(&x.url, &d.url) => out.push(format!(
                "download {} ({platform}, {channel}): the page links {} (line {}), data has {}",
                d.label, d.url, d.line, x.url
            )),
            Some(_) => {}
        }
    }
    for x in &data.downloads {
        let on_page = page
            .downloads
            .iter()
            .any(|d| d.platform_channel() == Some((x.platform.id(), x.channel.id())));
        if !on_page {
            out.push(format!(
                "download ({}, {}): data has {}, the page lists none",
                x.platform.id(),
                x.channel.id(),
                x.url
            ));
        }
    }
    // The guide links an audit's announcement where data cites the report itself, so audits
    // are the same audit by year (or, where the page gives none, by link), and data may
    // know audits the page does not mention.
    for a in &page.audits {
        let found = data.audits.iter().find(|x| match a.year {
            Some(year) => x.year == year,
            None => same_url(&x.url, &a.url),
        });
        let year = a
            .year
            .map_or_else(|| "year not given".to_owned(), |y| y.to_string());
        match found {
            None => out.push(format!(
                "audit {year}: the page mentions {} (line {}), data has no such audit",
                a.url, a.line
            )),
            Some(x) => {
                if let Some(auditor) = a.auditor.as_deref().filter(|n| *n != x.auditor) {
                    out.push(format!(
                        "audit {year}: the page names {auditor} (line {}), data {}",
                        a.line, x.auditor
                    ));
                }
            }
        }
    }
    out
}

fn criteria_differences(page: &Page, edition: &Edition) -> Vec<Difference> {
    let Some(criteria) = &page.criteria else {
        return vec![Difference {
            place: Place::Criteria,
            text: "the page has no criteria section to compare".to_owned(),
        }];
    };
    let mut out = Vec::new();
    let group = |ids: &[Text], id: &str| ids.iter().any(|x| x == id);
    let data_list = |id: &str| {
        if group(&edition.minimum, id) {
            Some(List::Minimum)
        } else if group(&edition.best_case, id) {
            Some(List::BestCase)
        } else {
            None
        }
    };
    for (list, item) in criteria.unmatched() {
        out.push(Difference {
            place: Place::Criteria,
            text: format!(
                "unmatched item in {} (line {}): \"{}\"",
                list.heading(),
                item.line,
                item.text
            ),
        });
    }
    for list in [List::Minimum, List::BestCase] {
        for item in criteria.list(list) {
            let Some(id) = item.id else { continue };
            match data_list(id) {
                Some(l) if l == list => {}
                Some(l) => out.push(Difference {
                    place: Place::Criterion(id.to_owned()),
                    text: format!(
                        "{id}: the page lists it under {} (line {}), data under {}",
                        list.heading(),
                        item.line,
                        l.heading()
                    ),
                }),
                None => out.push(Difference {
                    place: Place::Criterion(id.to_owned()),
                    text: format!(
                        "{id}: the page lists it under {} (line {}), data in neither list",
                        list.heading(),
                        item.line
                    ),
                }),
            }
        }
    }
    for (list, ids) in [
        (List::Minimum, &edition.minimum),
        (List::BestCase, &edition.best_case),
    ] {
        for id in ids {
            let on_page = [List::Minimum, List::BestCase]
                .into_iter()
                .any(|l| criteria.list(l).iter().any(|i| i.id == Some(&**id)));
            if !on_page {
                out.push(Difference {
                    place: Place::Criterion(id.to_string()),
                    text: format!(
                        "{id}: data lists it under {}, the page in neither list",
                        list.heading()
                    ),
                });
            }
        }
    }
    out
}

/// The places a page-vs-page diff found changed.
fn changed_by_diff(diff: &PageDiff) -> Vec<Place> {
    let mut out: Vec<Place> = diff
        .standing
        .iter()
        .map(|s| Place::Messenger(s.key.clone()))
        .chain(
            diff.messengers
                .iter()
                .map(|m| Place::Messenger(m.key.clone())),
        )
        .collect();
    if let CriteriaDiff::Compared(changes) = &diff.criteria {
        for c in changes {
            let item = match c {
                CriterionChange::Added { item, .. } | CriterionChange::Removed { item, .. } => item,
                CriterionChange::Moved { new, .. } | CriterionChange::Reworded { new, .. } => new,
            };
            out.push(
                item.id
                    .map_or(Place::Criteria, |id| Place::Criterion(id.to_owned())),
            );
        }
    }
    out
}

fn json_list(ids: &[String]) -> String {
    if ids.is_empty() {
        return "[]".to_owned();
    }
    let items: Vec<String> = ids
        .iter()
        .map(|id| format!("        {}", serde_json::Value::from(id.as_str())))
        .collect();
    format!("[\n{}\n      ]", items.join(",\n"))
}

/// The permalink of the page at a commit.
pub fn permalink(commit: &str) -> String {
    format!("https://github.com/privacyguides/privacyguides.org/blob/{commit}/docs/real-time-communication.md")
}

/// The fields of `edition` a proposed entry gives otherwise (all of them if it does not
/// read as an entry).
fn fields_differing(proposed: &str, edition: &Edition) -> Vec<&'static str> {
    let Ok(entry) = serde_json::from_str::<Edition>(proposed) else {
        return vec!["(the whole entry)"];
    };
    [
        ("id", entry.id == edition.id),
        ("date", entry.date == edition.date),
        ("commit", entry.commit == edition.commit),
        ("source", entry.source == edition.source),
        ("minimum", entry.minimum == edition.minimum),
        ("best_case", entry.best_case == edition.best_case),
        ("recommended", entry.recommended == edition.recommended),
        (
            "alternative_clients",
            entry.alternative_clients == edition.alternative_clients,
        ),
        ("additional", entry.additional == edition.additional),
        (
            "social_networks",
            entry.social_networks == edition.social_networks,
        ),
    ]
    .into_iter()
    .filter(|(_, same)| !same)
    .map(|(field, _)| field)
    .collect()
}

/// Our messenger for a section: by the heading's id, or else by name, since a heading outside
/// guide.rs's table may still name a messenger we have (Threema).
fn resolve<'d>(m: &crate::model::guide::Messenger, data: &'d Dataset) -> Option<&'d DataMessenger> {
    match m.id {
        Some(id) => data.messenger(id),
        None => data
            .messengers
            .iter()
            .find(|d| d.name.eq_ignore_ascii_case(&m.name)),
    }
}

/// Our ids of the page's messengers in one kind of section, in page order.
fn ids_in(page: &Page, data: &Dataset, status: Status) -> Vec<String> {
    page.messengers
        .iter()
        .filter(|m| status_of_section(&m.section) == status)
        .filter_map(|m| resolve(m, data).map(|d| d.id.to_string()))
        .collect()
}

/// Compares the page with our dataset; `Err` only when the dataset has no edition at all.
pub fn compare_with_data(
    page: &Page,
    facts: &PageFacts,
    data: &Dataset,
) -> Result<DataDiff, String> {
    let edition = edition_for(data, facts.date)
        .ok_or_else(|| "data/editions.json lists no edition".to_owned())?;
    let recorded = edition.date == facts.date.to_string();
    let mut differences = Vec::new();
    let mut note = |place: Place, text: String| differences.push(Difference { place, text });

    for m in &page.messengers {
        let key = resolve(m, data).map_or_else(|| m.key(), |d| d.id.to_string());
        let Some(dm) = resolve(m, data) else {
            // A messenger we know by id but whose row is missing, or one we do not know.
            let missing = if m.id.is_some() {
                "not in data/messengers.json"
            } else {
                "a messenger our dataset does not have"
            };
            note(
                Place::Messenger(key),
                format!(
                    "{}: listed as {} (line {}), {missing}",
                    m.name, m.section, m.line
                ),
            );
            continue;
        };
        let id = &*dm.id;
        if let Section::AlternativeClient { of } = &m.section {
            if dm.client_of.as_deref() != Some(of.as_str()) {
                let data_says = dm.client_of.as_deref().unwrap_or("none");
                note(
                    Place::Messenger(key.clone()),
                    format!(
                        "{}: the page lists it as a client of {of} (line {}), data's client_of is {data_says}",
                        m.name, m.line
                    ),
                );
            }
        }
        let have = edition.status_of(id);
        if status_of_section(&m.section) != have {
            note(
                Place::Messenger(key.clone()),
                format!(
                    "{}: the page lists it as {} (line {}), data's {} as {}",
                    m.name,
                    m.section,
                    m.line,
                    edition.id,
                    status_text(have)
                ),
            );
        }
        for text in messenger_differences(m, dm) {
            note(Place::Messenger(key.clone()), format!("{}: {text}", m.name));
        }
    }
    let listed = edition
        .recommended
        .iter()
        .chain(&edition.alternative_clients)
        .chain(&edition.additional);
    for id in listed {
        if page.messenger(id).is_none() {
            let name = data.messenger(id).map_or(&**id, |m| &*m.name);
            let now = match facts.social {
                Some(social) if social.messenger(id).is_some() => "moved to Social Networks",
                Some(_) => "on neither page",
                None => "not on the page",
            };
            note(
                Place::Messenger(id.to_string()),
                format!(
                    "{name}: data's {} lists it as {}, now {now}",
                    edition.id,
                    status_text(edition.status_of(id))
                ),
            );
        }
    }
    if let Some(social) = facts.social {
        let recommended: Vec<&str> = social.messengers.iter().filter_map(|m| m.id).collect();
        let known = &data.social_networks_page.recommended;
        for id in &recommended {
            if !known.iter().any(|k| k == id) {
                note(
                    Place::Messenger((*id).to_owned()),
                    format!("{id}: recommended on the Social Networks page, not in data's social_networks_page"),
                );
            }
        }
        for id in known {
            if !recommended.contains(&&**id) {
                note(
                    Place::Messenger(id.to_string()),
                    format!("{id}: in data's social_networks_page, no longer recommended there"),
                );
            }
        }
    }
    differences.extend(criteria_differences(page, edition));

    // The values to re-check: older than the page, in a part of it that changed.
    let mut changed: Vec<Place> = differences.iter().map(|d| d.place.clone()).collect();
    if let Some(diff) = facts.against {
        changed.extend(changed_by_diff(diff));
    }
    changed.sort();
    changed.dedup();
    // A criterion's item concerns the messengers this page, or the edition it follows, lists.
    let on_the_page = |id: &str| {
        page.messenger(id).is_some()
            || !matches!(
                edition.status_of(id),
                Status::NotListed | Status::SocialNetworks
            )
    };
    let mut stale = Vec::new();
    for dm in &data.messengers {
        for (criterion, cell) in &dm.values {
            let older = Date::parse(&cell.checked).is_some_and(|checked| checked < facts.date);
            if !older {
                continue;
            }
            let section = Place::Messenger(dm.id.to_string());
            let item = Place::Criterion(criterion.to_string());
            let because = if changed.contains(&section) {
                section
            } else if on_the_page(&dm.id) && changed.contains(&item) {
                item
            } else {
                continue;
            };
            stale.push(StaleValue {
                messenger: dm.id.to_string(),
                criterion: criterion.to_string(),
                checked: cell.checked.to_string(),
                because,
            });
        }
    }

    // The entry for data/editions.json.
    let mut notes = Vec::new();
    let date = facts.date.to_string();
    let commit = match facts.commit {
        Some(c) if c.len() == 40 => c.to_owned(),
        Some(c) => match data.editions.iter().find(|e| e.commit.starts_with(c)) {
            Some(e) => e.commit.to_string(),
            None => {
                notes.push(format!(
                    "the commit is only known as {c}: give the full 40-digit hash with --commit"
                ));
                c.to_owned()
            }
        },
        None => {
            notes.push("no commit known: give it with --commit".to_owned());
            String::new()
        }
    };
    let social_networks: Vec<String> = match facts.social {
        Some(social) => social
            .messengers
            .iter()
            .filter_map(|m| m.id)
            .filter(|id| page.messenger(id).is_none() && data.messenger(id).is_some())
            .map(str::to_owned)
            .collect(),
        None => {
            notes.push(format!(
                "social_networks carried over from {}: give social-networks.md to check it",
                edition.id
            ));
            edition
                .social_networks
                .iter()
                .filter(|id| page.messenger(id).is_none())
                .map(|id| id.to_string())
                .collect()
        }
    };
    for m in page
        .messengers
        .iter()
        .filter(|m| resolve(m, data).is_none())
    {
        notes.push(format!(
            "{} (line {}) is in no list: add it to data/messengers.json first",
            m.name, m.line
        ));
    }
    let criteria_ids = |list: List| -> Vec<String> {
        page.criteria
            .as_ref()
            .map(|c| {
                c.list(list)
                    .iter()
                    .filter_map(|i| i.id.map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    let proposed = format!(
        "    {{\n      \"id\": {id},\n      \"date\": {id},\n      \"commit\": {commit},\n      \"source\": {source},\n      \"minimum\": {minimum},\n      \"best_case\": {best},\n      \"recommended\": {recommended},\n      \"alternative_clients\": {alternative},\n      \"additional\": {additional},\n      \"social_networks\": {social}\n    }}",
        id = serde_json::Value::from(date.as_str()),
        commit = serde_json::Value::from(commit.as_str()),
        source = serde_json::Value::from(permalink(&commit)),
        minimum = json_list(&criteria_ids(List::Minimum)),
        best = json_list(&criteria_ids(List::BestCase)),
        recommended = json_list(&ids_in(page, data, Status::Recommended)),
        alternative = json_list(&ids_in(page, data, Status::AlternativeClient)),
        additional = json_list(&ids_in(page, data, Status::AdditionalOption)),
        social = json_list(&social_networks),
    );
    let recorded_differs = recorded.then(|| fields_differing(&proposed, edition));
    let later = data
        .latest_edition()
        .filter(|latest| Date::parse(&latest.date).is_some_and(|d| d > facts.date))
        .map(|latest| latest.id.to_string());
    Ok(DataDiff {
        label: facts.label.to_owned(),
        date: facts.date,
        edition: edition.id.to_string(),
        recorded,
        differences,
        stale,
        later,
        proposed,
        recorded_differs,
        notes,
    })
}

/// The report as plain text: what differs (messengers, then criteria), the values to
/// re-check, and the proposed entry.
pub fn render_data(diff: &DataDiff) -> String {
    let mut out = String::new();
    let recorded = if diff.recorded { ", the same date" } else { "" };
    let _ = writeln!(
        out,
        "Real-Time Communication {} against data/ (edition {}{recorded})",
        diff.label, diff.edition
    );
    if let Some(later) = &diff.later {
        let _ = writeln!(
            out,
            "data/ records a later edition, {later}: its links, downloads and audits are as of that one"
        );
    }
    let messengers: Vec<_> = diff
        .differences
        .iter()
        .filter(|d| matches!(d.place, Place::Messenger(_)))
        .collect();
    let criteria: Vec<_> = diff
        .differences
        .iter()
        .filter(|d| !matches!(d.place, Place::Messenger(_)))
        .collect();
    for (heading, list) in [("Messengers", messengers), ("Criteria", criteria)] {
        let _ = writeln!(out, "\n{heading}");
        if list.is_empty() {
            let _ = writeln!(out, "  as in data/");
        }
        for d in list {
            let _ = writeln!(out, "  - {}", d.text);
        }
    }
    let _ = writeln!(
        out,
        "\nValues to re-check (checked before {}, in a part of the page that changed)",
        diff.date
    );
    if diff.stale.is_empty() {
        let _ = writeln!(out, "  none");
    }
    for s in &diff.stale {
        let because = match &s.because {
            Place::Messenger(m) => format!("{m}'s section"),
            Place::Criterion(c) => format!("the criterion {c}"),
            Place::Criteria => "the criteria".to_owned(),
        };
        let _ = writeln!(
            out,
            "  - {}.{}: checked {} ({because})",
            s.messenger, s.criterion, s.checked
        );
    }
    match &diff.recorded_differs {
        Some(fields) if fields.is_empty() => {
            let _ = writeln!(
                out,
                "\ndata/editions.json already records this edition as {}, as the page reads",
                diff.edition
            );
        }
        Some(fields) => {
            let _ = writeln!(
                out,
                "\ndata/editions.json records this edition as {}, but the page reads otherwise in: {}",
                diff.edition,
                fields.join(", ")
            );
            let _ = writeln!(out, "{}", diff.proposed);
        }
        None => {
            let _ = writeln!(out, "\nProposed entry for data/editions.json");
            let _ = writeln!(out, "{}", diff.proposed);
        }
    }
    for n in &diff.notes {
        let _ = writeln!(out, "  note: {n}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::guide::tests::{fixture, rtc, EDITIONS, SOCIAL};
    use crate::model::guide::{edition_from_file_name, parse_page, PageKind};
    use crate::model::guide_diff::{diff_editions, GuideEdition};

    fn data() -> Dataset {
        Dataset::embedded().expect("the embedded dataset parses")
    }

    fn social() -> Page {
        parse_page(&fixture(SOCIAL), PageKind::SocialNetworks).unwrap()
    }

    /// A fixture edition against the dataset, dated and committed by its file name.
    fn against_data(name: &str, social: Option<&Page>) -> DataDiff {
        let (date, commit) = edition_from_file_name(name).unwrap();
        let facts = PageFacts {
            label: name,
            date,
            commit: Some(&commit),
            social,
            against: None,
        };
        compare_with_data(&rtc(name), &facts, &data()).unwrap()
    }

    fn texts(diff: &DataDiff) -> Vec<&str> {
        diff.differences.iter().map(|d| d.text.as_str()).collect()
    }

    #[test]
    fn the_newest_edition_is_as_in_data_and_makes_nothing_stale() {
        let social = social();
        let diff = against_data(EDITIONS[7], Some(&social));
        assert_eq!(texts(&diff), Vec::<&str>::new());
        assert_eq!(diff.stale, []);
        assert_eq!(diff.later, None);
        assert_eq!(diff.recorded_differs, Some(vec![]));
        assert_eq!(
            render_data(&diff),
            "Real-Time Communication real-time-communication.2025-10-16.eda031ee.md against data/ (edition 2025-10-16, the same date)

Messengers
  as in data/

Criteria
  as in data/

Values to re-check (checked before 2025-10-16, in a part of the page that changed)
  none

data/editions.json already records this edition as 2025-10-16, as the page reads
"
        );
    }

    #[test]
    fn every_recorded_edition_reads_as_data_records_it() {
        let social = social();
        // The first fixture predates every edition data records.
        for (i, name) in EDITIONS.iter().enumerate().skip(1) {
            // The Social Networks page is of 2025-11-08: it tells the editions since Element
            // moved there (2025-05-10).
            let diff = against_data(name, (i >= 5).then_some(&social));
            assert!(diff.recorded, "{name}");
            assert_eq!(
                diff.recorded_differs,
                Some(vec![]),
                "{name}:\n{}",
                diff.proposed
            );
        }
    }

    #[test]
    fn a_page_older_than_the_data_says_so() {
        let diff = against_data(EDITIONS[6], None);
        assert_eq!(
            (diff.edition.as_str(), diff.later.as_deref()),
            ("2025-05-16", Some("2025-10-16"))
        );
        assert!(render_data(&diff).contains(
            "data/ records a later edition, 2025-10-16: its links, downloads and audits are as of that one"
        ));
        // SimpleX's Flathub download came on 2025-10-16.
        assert!(texts(&diff).contains(
            &"SimpleX Chat: download (linux, flathub): data has https://flathub.org/en/apps/chat.simplex.simplex, the page lists none"
        ));
    }

    /// The newest edition with changes a later one might make: Briar's contribute link,
    /// SimpleX's Flathub download gone, Threema recommended, forward secrecy back to best case.
    fn changed_edition() -> Page {
        let text = fixture(EDITIONS[7])
            .replace(
                "(https://code.briarproject.org/briar/briar#donate)",
                "(https://briarproject.org/donate)",
            )
            .replace(
                "- [:simple-flathub: Flathub](https://flathub.org/en/apps/chat.simplex.simplex)\n",
                "",
            )
            .replace(
                "## Criteria\n",
                "## Threema\n\n<div class=\"admonition recommendation\" markdown>\n\n**Threema** is a messenger.\n\n</div>\n\n## Criteria\n",
            )
            .replace("- Must support forward secrecy[^1]\n", "")
            .replace(
                "- Should support future secrecy",
                "- Should support forward secrecy[^1]\n- Should support future secrecy",
            );
        parse_page(&text, PageKind::RealTimeCommunication).unwrap()
    }

    const COMMIT: &str = "0123456789abcdef0123456789abcdef01234567";

    fn facts<'a>(social: &'a Page, against: Option<&'a PageDiff>) -> PageFacts<'a> {
        PageFacts {
            label: "2026-01-15",
            date: Date::parse("2026-01-15").unwrap(),
            commit: Some(COMMIT),
            social: Some(social),
            against,
        }
    }

    #[test]
    fn a_messenger_missing_from_data_is_named_either_way() {
        let social = social();
        let wire = fixture(EDITIONS[7]).replace(
            "## Criteria\n",
            "## Wire\n\n<div class=\"admonition recommendation\" markdown>\n\n**Wire** is a messenger.\n\n</div>\n\n## Criteria\n",
        );
        let page = parse_page(&wire, PageKind::RealTimeCommunication).unwrap();
        let diff = compare_with_data(&page, &facts(&social, None), &data()).unwrap();
        assert!(
            texts(&diff)
                .iter()
                .any(|t| t.starts_with("Wire: listed as recommended (line ")
                    && t.ends_with("), a messenger our dataset does not have")),
            "{:#?}",
            texts(&diff)
        );
        let mut without_signal = data();
        without_signal.messengers.retain(|m| m.id != "signal");
        let diff =
            compare_with_data(&rtc(EDITIONS[7]), &facts(&social, None), &without_signal).unwrap();
        assert!(
            texts(&diff)
                .iter()
                .any(|t| t.starts_with("Signal: listed as recommended (line ")
                    && t.ends_with("), not in data/messengers.json")),
            "{:#?}",
            texts(&diff)
        );
    }

    #[test]
    fn a_new_edition_names_its_differences_from_data() {
        let social = social();
        let diff = compare_with_data(&changed_edition(), &facts(&social, None), &data()).unwrap();
        assert_eq!(
            (diff.edition.as_str(), diff.recorded),
            ("2025-10-16", false)
        );
        assert_eq!(
            texts(&diff),
            [
                "SimpleX Chat: download (linux, flathub): data has https://flathub.org/en/apps/chat.simplex.simplex, the page lists none",
                "Briar: contribute: the page links https://briarproject.org/donate (line 150), data has https://code.briarproject.org/briar/briar#donate",
                "Threema: the page lists it as recommended (line 170), data's 2025-10-16 as not listed",
                // The test's Threema card has no links or downloads.
                "Threema: homepage: data has https://threema.ch/, the page links none",
                "Threema: documentation: data has https://threema.ch/press-files/2_documentation/cryptography_whitepaper.pdf, the page links none",
                "Threema: source code: data has https://github.com/threema-ch, the page links none",
                "Threema: download (android, google-play): data has https://play.google.com/store/apps/details?id=ch.threema.app, the page lists none",
                "Threema: download (android, f-droid): data has https://f-droid.org/en/packages/ch.threema.app.libre, the page lists none",
                "Threema: download (android, apk): data has https://shop.threema.ch/, the page lists none",
                "forward-secrecy: the page lists it under Best-Case (line 194), data under Minimum Requirements",
            ]
        );
    }

    #[test]
    fn a_new_edition_lists_the_values_to_recheck() {
        let social = social();
        let data = data();
        let diff = compare_with_data(&changed_edition(), &facts(&social, None), &data).unwrap();
        let date = Date::parse("2026-01-15").unwrap();
        let older = |m: &str, c: &str| {
            Date::parse(&data.messenger(m).unwrap().cell(c).unwrap().checked).unwrap() < date
        };
        // Every value of a changed section that is older than the page, and the moved
        // criterion's values for every messenger the page lists; nothing else.
        for s in &diff.stale {
            assert!(older(&s.messenger, &s.criterion), "{s:?}");
        }
        let mut expected: Vec<(String, String)> = Vec::new();
        for m in &data.messengers {
            for (c, _) in &m.values {
                let section = ["simplex", "briar", "threema"].contains(&&*m.id);
                let item = c == "forward-secrecy" && ["signal", "molly"].contains(&&*m.id);
                if (section || item) && older(&m.id, c) {
                    expected.push((m.id.to_string(), c.to_string()));
                }
            }
        }
        let got: Vec<_> = diff
            .stale
            .iter()
            .map(|s| (s.messenger.clone(), s.criterion.clone()))
            .collect();
        assert_eq!(got, expected);
        assert!(got.contains(&("signal".into(), "forward-secrecy".into())));
        assert!(!got.iter().any(|(m, _)| m == "whatsapp" || m == "element"));
        let briar = diff.stale.iter().find(|s| s.messenger == "briar").unwrap();
        assert_eq!(briar.because, Place::Messenger("briar".into()));
        let signal = diff.stale.iter().find(|s| s.messenger == "signal").unwrap();
        assert_eq!(signal.because, Place::Criterion("forward-secrecy".into()));
    }

    #[test]
    fn a_new_edition_proposes_its_entry() {
        let social = social();
        let diff = compare_with_data(&changed_edition(), &facts(&social, None), &data()).unwrap();
        let entry: Edition = serde_json::from_str(&diff.proposed).expect("the entry is JSON");
        assert_eq!(entry.id, "2026-01-15");
        assert_eq!(entry.commit, COMMIT);
        assert_eq!(entry.source, permalink(COMMIT));
        assert_eq!(entry.minimum.len(), 5);
        assert_eq!(entry.best_case[0], "forward-secrecy");
        assert_eq!(entry.recommended, ["signal", "simplex", "briar", "threema"]);
        assert_eq!(entry.alternative_clients, ["molly"]);
        assert_eq!(entry.social_networks, ["element"]);
        assert_eq!(diff.notes, Vec::<String>::new());
        assert!(render_data(&diff).contains(
            "\nProposed entry for data/editions.json\n    {\n      \"id\": \"2026-01-15\",\n"
        ));
    }

    #[test]
    fn a_short_commit_and_no_social_page_are_noted() {
        let page = rtc(EDITIONS[7]);
        let facts = PageFacts {
            label: "x",
            date: Date::parse("2026-01-15").unwrap(),
            commit: Some("abcdef12"),
            social: None,
            against: None,
        };
        let diff = compare_with_data(&page, &facts, &data()).unwrap();
        assert_eq!(
            diff.notes,
            [
                "the commit is only known as abcdef12: give the full 40-digit hash with --commit",
                "social_networks carried over from 2025-10-16: give social-networks.md to check it",
            ]
        );
    }

    #[test]
    fn a_text_change_since_an_older_edition_counts_as_a_changed_section() {
        let social = social();
        let (old, new) = (rtc(EDITIONS[6]), rtc(EDITIONS[7]));
        let edition = |label, page| GuideEdition {
            label,
            page,
            social: None,
        };
        let since = diff_editions(&edition("old", &old), &edition("new", &new));
        let stale_of = |against: Option<&PageDiff>| {
            let diff = compare_with_data(&new, &facts(&social, against), &data()).unwrap();
            let mut ids: Vec<String> = diff.stale.into_iter().map(|s| s.messenger).collect();
            ids.dedup();
            ids
        };
        // As in data, so nothing to re-check on its own; Signal's, Molly's, SimpleX's and
        // Briar's text changed since 2025-05-16 (and one criterion's wording).
        assert_eq!(stale_of(None), Vec::<String>::new());
        let stale = stale_of(Some(&since));
        for id in ["signal", "molly", "simplex", "briar"] {
            assert!(stale.contains(&id.to_owned()), "{id} in {stale:?}");
        }
    }

    #[test]
    fn an_item_no_phrase_matches_is_a_difference() {
        let text = fixture(EDITIONS[7]).replace(
            "- Should use E2EE for all messages by default.\n",
            "- Should use E2EE for all messages by default.\n- Should be written in a memory-safe language.\n",
        );
        let page = parse_page(&text, PageKind::RealTimeCommunication).unwrap();
        let social = social();
        let diff = compare_with_data(&page, &facts(&social, None), &data()).unwrap();
        assert_eq!(
            diff.differences,
            [Difference {
                place: Place::Criteria,
                text: "unmatched item in Best-Case (line 192): \"Should be written in a memory-safe language.\"".into(),
            }]
        );
    }
}
