//! The messenger dataset: types for the JSON files under `data/`, embedded at compile time.
//!
//! Facts (values, links, dates) live here; every sentence a reader sees lives in the locale
//! files and is reached through the text keys these types build, so that a new language adds
//! files and touches no code.

use crate::model::filter::Need;
use crate::model::ids::{deserialize_by_id, id_enum};
use crate::model::layout::Route;
use serde::Deserialize;
use std::borrow::Cow;
use std::fmt;

/// A text of the dataset: borrowed in the browser from the embedded bytes it was read from
/// ([`crate::model::dataset_bin`]), owned where parsed from a file (the check and the tests).
pub type Text = Cow<'static, str>;

/// One of the files under `data/`, with its path as it appears in error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DataFile {
    /// Path relative to the project root, e.g. `data/messengers.json`.
    pub path: &'static str,
    /// The file's contents.
    pub text: &'static str,
}

/// The dataset files as embedded in the binary (from `data/`; see `build.rs`).
pub const CRITERIA_FILE: DataFile = DataFile {
    path: "data/criteria.json",
    text: include_str!(concat!(env!("MC_DATA_DIR"), "/criteria.json")),
};
/// See [`CRITERIA_FILE`].
pub const NETWORKS_FILE: DataFile = DataFile {
    path: "data/networks.json",
    text: include_str!(concat!(env!("MC_DATA_DIR"), "/networks.json")),
};
/// See [`CRITERIA_FILE`].
pub const EDITIONS_FILE: DataFile = DataFile {
    path: "data/editions.json",
    text: include_str!(concat!(env!("MC_DATA_DIR"), "/editions.json")),
};
/// See [`CRITERIA_FILE`].
pub const MESSENGERS_FILE: DataFile = DataFile {
    path: "data/messengers.json",
    text: include_str!(concat!(env!("MC_DATA_DIR"), "/messengers.json")),
};

/// See [`CRITERIA_FILE`].
pub const CHOOSER_FILE: DataFile = DataFile {
    path: "data/chooser.json",
    text: include_str!(concat!(env!("MC_DATA_DIR"), "/chooser.json")),
};

id_enum! {
    /// A value of one messenger against one criterion.
    pub enum Value {
        Yes = "yes",
        Partial = "partial",
        Disputed = "disputed",
        Unknown = "unknown",
        NotApplicable = "not-applicable",
        No = "no",
    }
}
deserialize_by_id!(Value);

id_enum! {
    /// What a value means for the reader: a "yes" is good for most criteria and bad where "no"
/// is better (a phone number required). Colour and icon follow this, not the bare value.
    pub enum Verdict {
        Good = "good",
        Partial = "partial",
        Disputed = "disputed",
        Unknown = "unknown",
        NotApplicable = "not-applicable",
        Bad = "bad",
    }
}

id_enum! {
    /// The three groups of criteria the guide names.
    pub enum Group {
        Minimum = "minimum",
        BestCase = "best-case",
        More = "more",
    }
}
deserialize_by_id!(Group);

id_enum! {
    /// A network architecture, as the guide's "Types of Communication Networks" names them.
    pub enum NetworkId {
        Centralized = "centralized",
        Federated = "federated",
        P2p = "p2p",
        AnonymousRouting = "anonymous-routing",
        /// Ours, not the guide's: relays that neither federate nor know of each other (SimpleX).
        IndependentRelays = "independent-relays",
    }
}
deserialize_by_id!(NetworkId);

id_enum! {
    /// A messenger's standing in one edition of the guide.
    pub enum Status {
        Recommended = "recommended",
        /// Listed under another messenger as another app for its network (Molly under Signal).
        AlternativeClient = "alternative-client",
        AdditionalOption = "additional-option",
        /// Moved to the guide's Social Networks page, where it is still recommended.
        SocialNetworks = "social-networks",
        NotListed = "not-listed",
    }
}
deserialize_by_id!(Status);

id_enum! {
    /// What the matrix says of a messenger's standing in the guide today.
    pub enum Badge {
        Recommended = "recommended",
        /// Listed with the messenger whose network it uses.
        AlternativeClient = "alternative-client",
        AdditionalOption = "additional-option",
        /// No longer on this page, but recommended on the guide's Social Networks page.
        MovedToSocialNetworks = "moved-to-social-networks",
        /// Listed in an earlier edition, not in the latest.
        NoLongerListed = "no-longer-listed",
        /// Never listed in the editions we know.
        NeverListed = "never-listed",
    }
}

impl Badge {
    /// Whether the guide lists the messenger on its Real-Time Communication page today.
    pub fn listed_today(self) -> bool {
        matches!(
            self,
            Badge::Recommended | Badge::AlternativeClient | Badge::AdditionalOption
        )
    }
}

id_enum! {
    /// A platform a messenger can be installed on.
    pub enum Platform {
        Android = "android",
        Ios = "ios",
        Windows = "windows",
        Macos = "macos",
        Linux = "linux",
        Web = "web",
    }
}
deserialize_by_id!(Platform);

id_enum! {
    /// Where a download comes from.
    pub enum Channel {
        GooglePlay = "google-play",
        AppStore = "app-store",
        FDroid = "f-droid",
        Flathub = "flathub",
        Github = "github",
        Apk = "apk",
        Website = "website",
        Accrescent = "accrescent",
    }
}
deserialize_by_id!(Channel);

/// One criterion of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id: DOM contract (`data-criterion`), URL state and text keys.
    pub id: Text,
    /// Which of the guide's lists it belongs to.
    pub group: Group,
    /// The value that meets the criterion: `yes` for most, `no` for `phone-number-required`.
    pub best: Value,
    /// Whether the guide defines the term (a `criterion.<id>.definition` text exists).
    #[serde(default)]
    pub definition: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CriteriaFile {
    edition: Text,
    groups: Vec<Group>,
    everyday: Vec<Text>,
    filters: Vec<FilterRule>,
    criteria: Vec<Criterion>,
}

impl Criterion {
    /// What `value` means for the reader on this criterion.
    pub fn verdict(&self, value: Value) -> Verdict {
        match value {
            Value::Yes | Value::No if value == self.best => Verdict::Good,
            Value::Yes | Value::No => Verdict::Bad,
            Value::Partial => Verdict::Partial,
            Value::Disputed => Verdict::Disputed,
            Value::Unknown => Verdict::Unknown,
            Value::NotApplicable => Verdict::NotApplicable,
        }
    }
}

/// A matrix filter's rule: a messenger passes when its value for `criterion` is one of
/// `values`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FilterRule {
    pub need: Need,
    pub criterion: Text,
    pub values: Vec<Value>,
}

/// One network architecture, with how many advantages and disadvantages its texts list.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Network {
    /// Which architecture.
    pub id: NetworkId,
    /// Whether it is one of the four the guide names; `false` for ours.
    pub guide: bool,
    /// Number of `network.<id>.advantage.<n>` texts, n from 1.
    pub advantages: usize,
    /// Number of `network.<id>.disadvantage.<n>` texts, n from 1.
    pub disadvantages: usize,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworksFile {
    networks: Vec<Network>,
}

/// One edition of the guide's Real-Time Communication page, as read at one commit; oldest
/// first in the file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edition {
    /// Stable id (the edition's date), used in text keys.
    pub id: Text,
    /// `YYYY-MM-DD`: the date of the commit read.
    pub date: Text,
    /// The guide repository's commit, 40 hex digits.
    pub commit: Text,
    /// A permalink to the page at that commit.
    pub source: Text,
    /// Criterion ids of the minimum requirements, in the page's order.
    pub minimum: Vec<Text>,
    /// Criterion ids of the best-case list, in the page's order.
    pub best_case: Vec<Text>,
    /// Messenger ids with a recommendation of their own.
    pub recommended: Vec<Text>,
    /// Messenger ids listed under another as another app for its network.
    pub alternative_clients: Vec<Text>,
    /// Messenger ids under "Additional Options".
    pub additional: Vec<Text>,
    /// Messenger ids this edition moved to the Social Networks page.
    pub social_networks: Vec<Text>,
}

impl Edition {
    /// The status this edition gives a messenger, from its lists.
    pub fn status_of(&self, messenger: &str) -> Status {
        let listed = |ids: &[Text]| ids.iter().any(|id| id == messenger);
        if listed(&self.recommended) {
            Status::Recommended
        } else if listed(&self.alternative_clients) {
            Status::AlternativeClient
        } else if listed(&self.additional) {
            Status::AdditionalOption
        } else if listed(&self.social_networks) {
            Status::SocialNetworks
        } else {
            Status::NotListed
        }
    }

    /// The group this edition puts a criterion in (`more` when it is in neither list).
    pub fn group_of(&self, criterion: &str) -> Group {
        if self.minimum.iter().any(|id| id == criterion) {
            Group::Minimum
        } else if self.best_case.iter().any(|id| id == criterion) {
            Group::BestCase
        } else {
            Group::More
        }
    }
}

/// The guide's Social Networks page, as read at one commit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SocialNetworksPage {
    /// `YYYY-MM-DD`: the date of the commit read.
    pub date: Text,
    /// The guide repository's commit, 40 hex digits.
    pub commit: Text,
    /// A permalink to the page at that commit.
    pub source: Text,
    /// Messenger ids it recommends.
    pub recommended: Vec<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct EditionsFile {
    editions: Vec<Edition>,
    social_networks_page: SocialNetworksPage,
}

/// A messenger's links, as the guide lists them (or, for one it never listed, as a comparison
/// does). Only the homepage is always there: a closed-source app has no source code to link.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Links {
    pub homepage: Text,
    pub privacy_policy: Option<Text>,
    pub documentation: Option<Text>,
    pub source_code: Option<Text>,
    pub donate: Option<Text>,
    pub specification: Option<Text>,
}

impl Links {
    /// Each present link with the text key of its label, in display order.
    pub fn labelled(&self) -> Vec<(&'static str, &str)> {
        let optional = [
            ("link.privacy-policy", &self.privacy_policy),
            ("link.documentation", &self.documentation),
            ("link.source-code", &self.source_code),
            ("link.specification", &self.specification),
            ("link.donate", &self.donate),
        ];
        let mut out = vec![("link.homepage", &*self.homepage)];
        out.extend(
            optional
                .into_iter()
                .filter_map(|(key, url)| url.as_deref().map(|url| (key, url))),
        );
        out
    }
}

/// One way to install a messenger.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Download {
    pub platform: Platform,
    pub channel: Channel,
    pub url: Text,
}

/// An independent audit.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// Stable id within the messenger; text key `messenger.<m>.audit.<id>`.
    pub id: Text,
    pub year: u16,
    /// The auditing firm or authors (a proper noun, not translated).
    pub auditor: Text,
    pub url: Text,
}

/// A messenger's standing in one edition.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standing {
    /// An id from `data/editions.json`.
    pub edition: Text,
    pub status: Status,
}

/// A source for a value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// The site or document's name (a proper noun, not translated).
    pub name: Text,
    /// A permalink to the copy read (a commit's file, or a dated snapshot).
    pub url: Text,
    /// `YYYY-MM-DD`: the date of that copy.
    pub date: Text,
    /// What this source says, where sources disagree.
    pub claims: Option<Value>,
}

/// One messenger × criterion value.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cell {
    pub value: Value,
    pub sources: Vec<Source>,
    /// `YYYY-MM-DD`: the date of the newest copy read for this value.
    pub checked: Text,
}

/// One messenger.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Messenger {
    /// Stable id: DOM contract (`data-messenger`), URL state and text keys.
    pub id: Text,
    /// The product's name (not translated).
    pub name: Text,
    pub maker: Text,
    pub protocol: Text,
    pub networks: Vec<NetworkId>,
    /// For an alternative client: the messenger whose network it uses.
    #[serde(default)]
    pub client_of: Option<Text>,
    pub links: Links,
    /// The routes its diagram shows in its detail (none: no diagram of its own).
    #[serde(default)]
    pub routes: Vec<Route>,
    pub downloads: Vec<Download>,
    pub audits: Vec<Audit>,
    /// Caveat ids; text key `messenger.<m>.caveat.<id>`.
    pub caveats: Vec<Text>,
    /// One entry per edition, oldest first.
    pub standing: Vec<Standing>,
    /// Criterion id → value.
    #[serde(default)]
    pub values: Vec<(Text, Cell)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MessengersFile {
    messengers: Vec<serde_json::Value>,
}

impl Messenger {
    /// This messenger's value for a criterion, if the dataset has one.
    pub fn cell(&self, criterion: &str) -> Option<&Cell> {
        self.values
            .iter()
            .find(|(id, _)| *id == criterion)
            .map(|(_, cell)| cell)
    }

    /// The latest standing (the last edition that has one).
    pub fn latest_standing(&self) -> Option<&Standing> {
        self.standing.last()
    }

    /// The standing the matrix shows: the latest edition's, telling "no longer listed" apart
    /// from "never listed".
    pub fn badge(&self) -> Badge {
        match self.latest_standing().map(|s| s.status) {
            Some(Status::Recommended) => Badge::Recommended,
            Some(Status::AlternativeClient) => Badge::AlternativeClient,
            Some(Status::AdditionalOption) => Badge::AdditionalOption,
            Some(Status::SocialNetworks) => Badge::MovedToSocialNetworks,
            _ if self.standing.iter().any(|s| s.status != Status::NotListed) => {
                Badge::NoLongerListed
            }
            _ => Badge::NeverListed,
        }
    }

    /// Platforms this messenger has at least one download for, in display order.
    pub fn platforms(&self) -> Vec<Platform> {
        Platform::ALL
            .into_iter()
            .filter(|p| self.downloads.iter().any(|d| d.platform == *p))
            .collect()
    }
}

/// One condition of a chooser need: a criterion, and the values of it that meet the need or
/// partly meet it. Values stay as written so that validation can name a misspelt one.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// A criterion id from `data/criteria.json`.
    pub criterion: Text,
    /// Value ids that meet the requirement.
    pub met: Vec<Text>,
    /// Value ids that partly meet it.
    pub partly: Vec<Text>,
}

/// Something a reader can say matters to them in the chooser ("I can't give a phone
/// number"), as requirements on criteria that must all hold.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChooserNeed {
    /// Stable id: URL state (`needs=`) and text keys `choose.need.<id>.*`.
    pub id: Text,
    pub requires: Vec<Requirement>,
}

/// A named set of needs the chooser offers in one tap ("family").
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    /// Stable id: text key `choose.preset.<id>.label`.
    pub id: Text,
    /// Need ids.
    pub needs: Vec<Text>,
}

/// The position of a need in [`Chooser::needs`]: the chooser's order, which URLs and answers
/// follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NeedIndex(pub usize);

/// The chooser's needs and presets, from `data/chooser.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chooser {
    /// In the order the chooser asks them.
    pub needs: Vec<ChooserNeed>,
    pub presets: Vec<Preset>,
}

impl Chooser {
    /// Every need's index, in chooser order.
    pub fn indices(&self) -> impl Iterator<Item = NeedIndex> {
        (0..self.needs.len()).map(NeedIndex)
    }

    /// The need at `index`, if there is one.
    pub fn need(&self, index: NeedIndex) -> Option<&ChooserNeed> {
        self.needs.get(index.0)
    }

    /// Looks up a need by id.
    pub fn need_index(&self, id: &str) -> Option<NeedIndex> {
        self.needs.iter().position(|n| n.id == id).map(NeedIndex)
    }

    /// The needs a preset selects, in chooser order; ids that name no need are left out.
    pub fn preset_needs(&self, preset: &Preset) -> Vec<NeedIndex> {
        let mut needs: Vec<NeedIndex> = preset
            .needs
            .iter()
            .filter_map(|id| self.need_index(id))
            .collect();
        needs.sort_unstable();
        needs.dedup();
        needs
    }
}

/// The dataset's files in the compact form `build.rs` writes: what the browser reads
/// ([`crate::model::dataset_bin`]); natively, the tests hold its reading equal to the parse of
/// the files.
#[cfg(any(target_arch = "wasm32", test))]
pub static EMBEDDED_BIN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/dataset.bin"));

/// The whole dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dataset {
    /// The edition whose lists `criteria` groups follow.
    pub criteria_edition: Text,
    pub groups: Vec<Group>,
    /// The columns most readers ask about, shown first: criterion ids and `platforms`.
    pub everyday: Vec<Text>,
    /// What each of the matrix's yes/no filters (but `minimum`) asks of a criterion.
    pub filters: Vec<FilterRule>,
    pub criteria: Vec<Criterion>,
    pub networks: Vec<Network>,
    pub editions: Vec<Edition>,
    pub social_networks_page: SocialNetworksPage,
    pub messengers: Vec<Messenger>,
    /// The chooser's needs and presets.
    pub chooser: Chooser,
}

/// A dataset file that could not be read, with the file and, where known, the messenger named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: &'static str,
    pub messenger: Option<String>,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.messenger {
            Some(m) => write!(f, "{}: messenger `{}`: {}", self.file, m, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(file: DataFile) -> Result<T, LoadError> {
    serde_json::from_str(file.text).map_err(|e| LoadError {
        file: file.path,
        messenger: None,
        message: e.to_string(),
    })
}

/// Reads one messenger, naming it and, for a malformed value, the criterion in the error.
fn parse_messenger(file: &'static str, raw: serde_json::Value) -> Result<Messenger, LoadError> {
    let name = raw
        .get("id")
        .and_then(|v| v.as_str())
        .unwrap_or("(no id)")
        .to_owned();
    let fail = |message: String| LoadError {
        file,
        messenger: Some(name.clone()),
        message,
    };
    let mut raw = raw;
    // Cells are read one by one so that an error names the criterion, which serde's own
    // message would not.
    let cells = match raw.as_object_mut().and_then(|o| o.remove("values")) {
        Some(serde_json::Value::Object(cells)) => cells,
        _ => return Err(fail("field `values`: missing or not an object".to_owned())),
    };
    let mut values = Vec::with_capacity(cells.len());
    for (criterion, cell) in cells {
        let cell = Cell::deserialize(cell)
            .map_err(|e| fail(format!("field `values.{criterion}`: {e}")))?;
        values.push((Text::Owned(criterion), cell));
    }
    let mut messenger = Messenger::deserialize(raw).map_err(|e| fail(e.to_string()))?;
    messenger.values = values;
    Ok(messenger)
}

impl Dataset {
    /// Parses the five dataset files. Shape errors only: [`crate::model::validate`] checks
    /// the rules that span files.
    pub fn parse(
        criteria: DataFile,
        networks: DataFile,
        editions: DataFile,
        messengers: DataFile,
        chooser: DataFile,
    ) -> Result<Dataset, LoadError> {
        let CriteriaFile {
            edition: criteria_edition,
            groups,
            everyday,
            filters,
            criteria,
        } = parse(criteria)?;
        let NetworksFile { networks } = parse(networks)?;
        let EditionsFile {
            editions,
            social_networks_page,
        } = parse(editions)?;
        let MessengersFile { messengers: raw } = parse(messengers)?;
        let messengers = raw
            .into_iter()
            .map(|m| parse_messenger(messengers.path, m))
            .collect::<Result<Vec<_>, _>>()?;
        let chooser = parse(chooser)?;
        Ok(Dataset {
            criteria_edition,
            groups,
            everyday,
            filters,
            criteria,
            networks,
            editions,
            social_networks_page,
            messengers,
            chooser,
        })
    }

    /// The dataset embedded in this build: in the browser read from the compact form
    /// `build.rs` wrote (no JSON reader in the wasm), natively a parse of the same files (whose
    /// errors the check reports).
    #[cfg(target_arch = "wasm32")]
    pub fn embedded() -> Result<Dataset, LoadError> {
        crate::model::dataset_bin::read(EMBEDDED_BIN)
    }

    /// See the browser's [`Dataset::embedded`].
    #[cfg(not(target_arch = "wasm32"))]
    pub fn embedded() -> Result<Dataset, LoadError> {
        Dataset::parse(
            CRITERIA_FILE,
            NETWORKS_FILE,
            EDITIONS_FILE,
            MESSENGERS_FILE,
            CHOOSER_FILE,
        )
    }

    /// The criteria of one group, in file order.
    pub fn criteria_in(&self, group: Group) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(move |c| c.group == group)
    }

    /// Looks up a criterion by id.
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// Looks up a messenger by id.
    pub fn messenger(&self, id: &str) -> Option<&Messenger> {
        self.messengers.iter().find(|m| m.id == id)
    }

    /// How many criteria of `group` a messenger meets (its value equals the criterion's best).
    pub fn met(&self, messenger: &Messenger, group: Group) -> usize {
        self.criteria_in(group)
            .filter(|c| {
                messenger
                    .cell(&c.id)
                    .is_some_and(|cell| cell.value == c.best)
            })
            .count()
    }

    /// The latest edition of the guide in the dataset.
    pub fn latest_edition(&self) -> Option<&Edition> {
        self.editions.last()
    }

    /// The editions that changed the criteria lists (the first edition first): each starts a
    /// period that lasts until the next.
    pub fn criteria_changes(&self) -> Vec<&Edition> {
        let mut changes: Vec<&Edition> = Vec::new();
        for e in &self.editions {
            let same = changes
                .last()
                .is_some_and(|p| p.minimum == e.minimum && p.best_case == e.best_case);
            if !same {
                changes.push(e);
            }
        }
        changes
    }

    /// The messengers that use an architecture, in dataset order.
    pub fn using(&self, network: NetworkId) -> impl Iterator<Item = &Messenger> {
        self.messengers
            .iter()
            .filter(move |m| m.networks.contains(&network))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_yes_is_bad_where_no_is_better() {
        let data = Dataset::embedded().unwrap();
        let phone = data.criterion("phone-number-required").unwrap();
        let tor = data.criterion("tor").unwrap();
        assert_eq!(phone.verdict(Value::Yes), Verdict::Bad);
        assert_eq!(phone.verdict(Value::No), Verdict::Good);
        assert_eq!(tor.verdict(Value::Yes), Verdict::Good);
        assert_eq!(tor.verdict(Value::No), Verdict::Bad);
        for criterion in [phone, tor] {
            assert_eq!(criterion.verdict(Value::Partial), Verdict::Partial);
            assert_eq!(criterion.verdict(Value::Disputed), Verdict::Disputed);
            assert_eq!(criterion.verdict(Value::Unknown), Verdict::Unknown);
            assert_eq!(
                criterion.verdict(Value::NotApplicable),
                Verdict::NotApplicable
            );
        }
        let signal = data.messenger("signal").unwrap();
        let value = signal.cell("phone-number-required").unwrap().value;
        assert_eq!((value, phone.verdict(value)), (Value::Yes, Verdict::Bad));
    }

    #[test]
    fn routes_come_from_the_data_and_a_bad_one_names_its_messenger() {
        let data = Dataset::embedded().unwrap();
        let routes = |id: &str| data.messenger(id).unwrap().routes.to_vec();
        assert_eq!(routes("briar"), [Route::BriarTor, Route::BriarNearby]);
        assert_eq!(
            routes("molly"),
            [Route::Signal],
            "Molly uses Signal's servers"
        );
        assert_eq!(routes("threema"), []);
        let broken = MESSENGERS_FILE
            .text
            .replacen("\"briar-tor\"", "\"briar-by-pigeon\"", 1);
        let file = DataFile {
            path: MESSENGERS_FILE.path,
            text: Box::leak(broken.into_boxed_str()),
        };
        let error = Dataset::parse(
            CRITERIA_FILE,
            NETWORKS_FILE,
            EDITIONS_FILE,
            file,
            CHOOSER_FILE,
        )
        .unwrap_err()
        .to_string();
        assert!(
            error.starts_with("data/messengers.json: messenger `briar`")
                && error.contains("unknown variant `briar-by-pigeon`"),
            "{error}"
        );
    }
}
