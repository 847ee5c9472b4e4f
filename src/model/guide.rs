//! The guide's own Markdown read into what our dataset tracks: which messengers the Privacy
//! Guides "Real-Time Communication" page lists and where, each one's links, downloads,
//! audits and caveats, and its two criteria lists; and which messengers its "Social
//! Networks" page recommends. Pure: text in, a [`Page`] or a [`GuideError`] out.
//!
//! Two formats are read. Editions since 2024-01-31 mark a recommendation with an HTML block,
//! `<div class="admonition recommendation" markdown>` … `</div>`, and its downloads with
//! `<details class="downloads" markdown>`; older mkdocs editions use `!!! recommendation`
//! and `??? downloads`, whose content is indented. Anything the parser cannot place (a page
//! of another topic, a block that never closes, a messenger under an unknown heading) is an
//! error naming the line, so that a change of structure is never read as an empty page.

use crate::model::date::Date;
use std::fmt;

/// Which of the guide's pages a file is, by the `title` of its front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageKind {
    RealTimeCommunication,
    SocialNetworks,
}

impl PageKind {
    /// The page's title, as its front matter gives it.
    pub fn title(self) -> &'static str {
        match self {
            PageKind::RealTimeCommunication => "Real-Time Communication",
            PageKind::SocialNetworks => "Social Networks",
        }
    }

    fn from_title(title: &str) -> Option<PageKind> {
        [PageKind::RealTimeCommunication, PageKind::SocialNetworks]
            .into_iter()
            .find(|k| k.title() == title)
    }
}

/// How an edition marks its recommendation blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `<div class="admonition recommendation" markdown>` (editions since 2024-01-31).
    Html,
    /// `!!! recommendation` with indented content (older mkdocs editions).
    Mkdocs,
}

/// Where the Real-Time Communication page lists a messenger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    /// A section of its own with a recommendation block.
    Recommended,
    /// A recommended client of another messenger's network, in that messenger's section
    /// (e.g. "Molly (Android)" under "Signal"); `of` is that messenger's key.
    AlternativeClient { of: String },
    /// Under "Additional Options".
    Additional,
}

impl fmt::Display for Section {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Section::Recommended => f.write_str("recommended"),
            Section::AlternativeClient { of } => write!(f, "alternative client of {of}"),
            Section::Additional => f.write_str("additional option"),
        }
    }
}

/// What a link of a recommendation card points to, by its icon.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkKind {
    Homepage,
    PrivacyPolicy,
    Documentation,
    SourceCode,
    Contribute,
    /// A card link with an icon we do not know; holds its title.
    Other(String),
}

impl fmt::Display for LinkKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LinkKind::Homepage => "homepage",
            LinkKind::PrivacyPolicy => "privacy policy",
            LinkKind::Documentation => "documentation",
            LinkKind::SourceCode => "source code",
            LinkKind::Contribute => "contribute",
            LinkKind::Other(title) => title,
        })
    }
}

/// A link of a recommendation card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardLink {
    pub kind: LinkKind,
    pub url: String,
    /// 1-based line in the file.
    pub line: usize,
}

/// A link in the text: a specification or an audit report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The link's text, without Markdown.
    pub text: String,
    pub url: String,
    pub line: usize,
}

/// One entry of a card's downloads list, e.g. `- [:simple-googleplay: Google Play](url)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    /// The platform or store as the guide names it: "Google Play", "Windows", "Flathub".
    pub label: String,
    pub url: String,
    pub line: usize,
}

impl Download {
    /// The dataset's platform and channel ids for this entry, where the label is one we know
    /// (`None` for a label the guide has not used before).
    pub fn platform_channel(&self) -> Option<(&'static str, &'static str)> {
        let label = self.label.to_lowercase();
        Some(match label.as_str() {
            "google play" => ("android", "google-play"),
            "app store" => ("ios", "app-store"),
            "f-droid" => ("android", "f-droid"),
            "github" => ("android", "github"),
            "android" => ("android", "apk"),
            "accrescent" => ("android", "accrescent"),
            "flathub" | "flatpak" => ("linux", "flathub"),
            "windows" => ("windows", "website"),
            "macos" => ("macos", "website"),
            "linux" => ("linux", "website"),
            "web" => ("web", "website"),
            _ => return None,
        })
    }
}

/// An audit the text mentions with a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Audit {
    /// The year the text gives for it, if any (Briar's sentence gives none).
    pub year: Option<u16>,
    /// The auditor, where the text names one ("by Trail of Bits").
    pub auditor: Option<String>,
    pub url: String,
    pub line: usize,
}

/// One sentence of a messenger's section, without Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub text: String,
    pub line: usize,
    /// A limitation the guide names (see [`CAVEAT_CUES`]) or the text of a warning block.
    pub caveat: bool,
}

/// One messenger section of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Messenger {
    /// The heading without a parenthetical: "Molly" for "Molly (Android)".
    pub name: String,
    /// The heading as written.
    pub heading: String,
    /// Our dataset's id, for a heading we know.
    pub id: Option<&'static str>,
    /// The heading's line.
    pub line: usize,
    pub section: Section,
    pub links: Vec<CardLink>,
    /// Links the text gives to a specification or white paper.
    pub specifications: Vec<Link>,
    pub downloads: Vec<Download>,
    pub audits: Vec<Audit>,
    /// Every sentence of the section's text, in order, including its warnings.
    pub text: Vec<Sentence>,
}

impl Messenger {
    /// Our id where we have one, else the name in lower case: what editions are matched by.
    pub fn key(&self) -> String {
        self.id
            .map(str::to_owned)
            .unwrap_or_else(|| self.name.to_lowercase())
    }

    /// The card link of a kind, if the card has one.
    pub fn link(&self, kind: &LinkKind) -> Option<&CardLink> {
        self.links.iter().find(|l| &l.kind == kind)
    }

    /// The sentences that name a limitation or warning.
    pub fn caveats(&self) -> impl Iterator<Item = &Sentence> {
        self.text.iter().filter(|s| s.caveat)
    }
}

/// The two criteria lists of the Real-Time Communication page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum List {
    Minimum,
    BestCase,
}

impl List {
    /// The list's heading.
    pub fn heading(self) -> &'static str {
        match self {
            List::Minimum => "Minimum Requirements",
            List::BestCase => "Best-Case",
        }
    }
}

/// One item of a criteria list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionItem {
    /// The item without Markdown.
    pub text: String,
    pub line: usize,
    /// Our criterion id, when a phrase of [`CRITERION_PHRASES`] matches.
    pub id: Option<&'static str>,
}

/// The page's "Criteria" section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Criteria {
    /// The line of the "Criteria" heading.
    pub line: usize,
    pub minimum: Vec<CriterionItem>,
    pub best_case: Vec<CriterionItem>,
}

impl Criteria {
    /// The items of one list.
    pub fn list(&self, list: List) -> &[CriterionItem] {
        match list {
            List::Minimum => &self.minimum,
            List::BestCase => &self.best_case,
        }
    }

    /// Items no phrase matched: reported, never dropped.
    pub fn unmatched(&self) -> impl Iterator<Item = (List, &CriterionItem)> {
        [List::Minimum, List::BestCase]
            .into_iter()
            .flat_map(move |l| self.list(l).iter().map(move |i| (l, i)))
            .filter(|(_, i)| i.id.is_none())
    }
}

/// One page of the guide, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub kind: PageKind,
    pub format: Format,
    /// Every messenger section, in page order (on the Social Networks page: every
    /// recommended network, messengers or not).
    pub messengers: Vec<Messenger>,
    /// `None` only for mkdocs editions from before 2023-02-14, when the guide kept its
    /// criteria off this page; a newer page without them is an error.
    pub criteria: Option<Criteria>,
    /// Number of lines in the file.
    pub lines: usize,
}

impl Page {
    /// A messenger by its key (see [`Messenger::key`]).
    pub fn messenger(&self, key: &str) -> Option<&Messenger> {
        self.messengers.iter().find(|m| m.key() == key)
    }
}

/// What is wrong with a file that is not a readable edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    NoFrontMatter,
    UnclosedFrontMatter,
    NoTitle,
    /// The page is another of the guide's pages (or another site's).
    WrongPage {
        title: String,
        expected: PageKind,
    },
    /// No recommendation block anywhere.
    NoRecommendations,
    /// A `<div>` or `<details>` still open at the end of the file.
    UnclosedBlock {
        what: String,
    },
    /// A closing tag with nothing of its kind open, or another kind open innermost.
    StrayClose {
        tag: String,
    },
    /// A heading inside an open block (a block not closed before the next section).
    HeadingInsideBlock {
        heading: String,
        opened: usize,
    },
    /// A recommendation block before any heading.
    CardWithoutHeading,
    /// A second recommendation block in one section.
    SecondCard {
        messenger: String,
        first: usize,
    },
    /// A messenger under a heading we do not know as a group of messengers.
    UnknownGroup {
        heading: String,
        messenger: String,
    },
    /// The same messenger twice.
    DuplicateMessenger {
        name: String,
        first: usize,
    },
    /// No "Criteria" section on a page whose format has always had one.
    NoCriteria,
    /// The "Criteria" section lacks one of its lists, or it is empty.
    NoList {
        list: List,
    },
    /// A footnote used but never defined: the end of the page is missing.
    UndefinedFootnote {
        label: String,
    },
}

/// Why a file could not be read as an edition, with the line where that shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuideError {
    /// 1-based line, where one line is to blame.
    pub line: Option<usize>,
    pub problem: Problem,
}

impl fmt::Display for GuideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "line {line}: ")?;
        }
        match &self.problem {
            Problem::Empty => f.write_str("the file is empty"),
            Problem::NoFrontMatter => {
                f.write_str("no front matter: a page of the guide starts with `---` and a `title:`")
            }
            Problem::UnclosedFrontMatter => {
                f.write_str("the front matter opened here never closes with `---`")
            }
            Problem::NoTitle => f.write_str("the front matter has no `title:`"),
            Problem::WrongPage { title, expected } => write!(
                f,
                "this is the guide's \"{title}\" page, not \"{}\"",
                expected.title()
            ),
            Problem::NoRecommendations => f.write_str(
                "no recommendation block (`<div class=\"admonition recommendation\" markdown>` \
                 or `!!! recommendation`) anywhere: not a page of recommendations, or a \
                 structure this reader does not know",
            ),
            Problem::UnclosedBlock { what } => write!(
                f,
                "{what} opened here is never closed: is the file truncated?"
            ),
            Problem::StrayClose { tag } => write!(f, "`{tag}` closes nothing that is open"),
            Problem::HeadingInsideBlock { heading, opened } => write!(
                f,
                "heading \"{heading}\" inside the block opened at line {opened}, which is \
                 never closed before it"
            ),
            Problem::CardWithoutHeading => {
                f.write_str("a recommendation block before any heading names its messenger")
            }
            Problem::SecondCard { messenger, first } => write!(
                f,
                "a second recommendation block in the section of {messenger} (the first is \
                 at line {first})"
            ),
            Problem::UnknownGroup { heading, messenger } => write!(
                f,
                "{messenger} is listed under \"{heading}\", a heading this reader does not \
                 know as a group of messengers (known: {}; additional: {})",
                RECOMMENDED_GROUPS.join(", "),
                ADDITIONAL_GROUPS.join(", ")
            ),
            Problem::DuplicateMessenger { name, first } => {
                write!(f, "{name} is listed twice (first at line {first})")
            }
            Problem::NoCriteria => f.write_str(
                "no \"Criteria\" section (with \"Minimum Requirements\" and \"Best-Case\"): \
                 the page ends here; is it truncated?",
            ),
            Problem::NoList { list } => write!(
                f,
                "the \"Criteria\" section has no items under \"{}\"",
                list.heading()
            ),
            Problem::UndefinedFootnote { label } => write!(
                f,
                "footnote [^{label}] is used here but never defined: is the file truncated?"
            ),
        }
    }
}

impl std::error::Error for GuideError {}

/// Our dataset's messenger ids by the guide's heading (without a parenthetical).
pub const MESSENGER_IDS: [(&str, &str); 6] = [
    ("Signal", "signal"),
    ("Molly", "molly"),
    ("SimpleX Chat", "simplex"),
    ("Briar", "briar"),
    ("Element", "element"),
    ("Session", "session"),
];

/// Headings that have grouped recommended messengers in some edition.
const RECOMMENDED_GROUPS: [&str; 3] = [
    "Encrypted Messengers",
    "Cross-Platform Messengers",
    "Other Messengers",
];

/// Headings that have grouped messengers listed with reservations.
const ADDITIONAL_GROUPS: [&str; 1] = ["Additional Options"];

/// Our criterion ids by the phrases the guide's list items have used for them, matched in
/// order against the item in lower case with hyphens as spaces. Order matters: "all messages
/// by default" before "all messages", "post-compromise" before anything looser.
pub const CRITERION_PHRASES: [(&str, &[&str]); 11] = [
    (
        "post-compromise-security",
        &["post compromise", "future secrecy"],
    ),
    ("forward-secrecy", &["forward secrecy"]),
    ("e2ee-all-by-default", &["e2ee for all messages by default"]),
    (
        "e2ee-private-by-default",
        &["e2ee for private messages by default"],
    ),
    ("e2ee-all-messages", &["e2ee for all messages"]),
    ("open-source-clients", &["open source clients"]),
    ("open-source-servers", &["open source servers"]),
    ("no-personal-identifiers", &["personal identifiers"]),
    (
        "independently-audited",
        &["independently audited", "published audit"],
    ),
    ("decentralized", &["decentralized"]),
    (
        "all-platforms",
        &["linux, macos, windows, android, and ios"],
    ),
];

/// Phrases that mark a sentence as a caveat: the limitations the guide has named in its
/// messengers' sections (lower case). Deliberately specific: a bare "not" would also catch
/// reassurances such as "the server does not have access to them".
pub const CAVEAT_CUES: [&str; 19] = [
    "not e2ee",
    "not encrypted",
    "not end-to-end",
    "not support",
    "not currently supported",
    "not have forward secrecy",
    "no authentication",
    "do not use this feature",
    "do not recommend",
    "must trust",
    "you are trusting",
    "requires your phone number",
    "require your phone number",
    "at the expense of",
    "slight delay",
    "must both add each other",
    "only enabled for",
    "open by design",
    "**not**",
];

/// The criterion id whose phrase the item contains, if any.
pub fn match_criterion(item: &str) -> Option<&'static str> {
    let norm = item.to_lowercase().replace('-', " ");
    CRITERION_PHRASES
        .iter()
        .find(|(_, phrases)| phrases.iter().any(|p| norm.contains(p)))
        .map(|(id, _)| *id)
}

/// Our messenger id for a heading (with or without a parenthetical such as "(Android)").
pub fn messenger_id(heading: &str) -> Option<&'static str> {
    let name = bare_name(heading);
    MESSENGER_IDS
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, id)| *id)
}

/// An edition's date and short commit from a file name of the form
/// `<page>.<YYYY-MM-DD>.<8 hex>.md`, as the shared sources and the fixtures name them.
pub fn edition_from_file_name(name: &str) -> Option<(Date, String)> {
    let stem = name.strip_suffix(".md")?;
    let mut parts = stem.rsplitn(3, '.');
    let commit = parts.next()?;
    let date = Date::parse(parts.next()?)?;
    parts.next()?;
    (commit.len() == 8 && commit.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| (date, commit.to_owned()))
}

fn bare_name(heading: &str) -> &str {
    match heading.find(" (") {
        Some(i) if heading.ends_with(')') => heading[..i].trim(),
        _ => heading.trim(),
    }
}

fn err(line: Option<usize>, problem: Problem) -> GuideError {
    GuideError { line, problem }
}

/// A container a line can sit in.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Block {
    /// `<div class="admonition KIND">` or `!!! KIND`; KIND in lower case.
    Admonition(String),
    /// `<details class="downloads">` or `??? downloads`.
    Downloads,
    /// Any other `<div>` or `<details>`, kept so that its closing tag pairs up.
    Other,
}

#[derive(Debug, Clone)]
struct Open {
    block: Block,
    line: usize,
    /// The content's indentation for an mkdocs block; `None` for an HTML one.
    indent: Option<usize>,
    /// For an HTML block, whether it is a `<details>` (else a `<div>`), so that a closing
    /// tag of the other kind is caught.
    details: bool,
}

/// One line of the body, placed.
#[derive(Debug, Clone)]
enum Item {
    Heading {
        level: usize,
        text: String,
        line: usize,
    },
    /// A recommendation block starts here.
    Card { line: usize },
    Text {
        line: usize,
        /// Without the indentation of the mkdocs blocks it sits in.
        text: String,
        card: bool,
        downloads: bool,
        warning: bool,
    },
}

impl Item {
    fn line(&self) -> usize {
        match self {
            Item::Heading { line, .. } | Item::Card { line } | Item::Text { line, .. } => *line,
        }
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The kind named in an HTML opening tag's `class`, e.g. `admonition recommendation`.
fn class_of(tag: &str) -> Option<&str> {
    let start = tag.find("class=\"")? + 7;
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// The front matter's title and the line the body starts on (0-based index).
fn front_matter(lines: &[&str]) -> Result<(String, usize), GuideError> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Err(err(Some(1), Problem::NoFrontMatter));
    }
    let end = lines
        .iter()
        .skip(1)
        .position(|l| l.trim_end() == "---")
        .map(|i| i + 1)
        .ok_or_else(|| err(Some(1), Problem::UnclosedFrontMatter))?;
    let title = lines[1..end]
        .iter()
        .find_map(|l| l.strip_prefix("title:"))
        .map(|t| t.trim().trim_matches(|c| c == '"' || c == '\'').to_owned())
        .ok_or_else(|| err(Some(1), Problem::NoTitle))?;
    Ok((title, end + 1))
}

/// Places every line of the body: headings, the start of each recommendation block, and
/// text with the blocks it sits in.
fn scan(lines: &[&str], body: usize) -> Result<(Vec<Item>, Format), GuideError> {
    let mut items = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut format = None;
    let mut fence: Option<&str> = None;
    for (i, raw) in lines.iter().enumerate().skip(body) {
        let line = i + 1;
        // An mkdocs block ends at the first non-blank line indented less than its content.
        if !raw.trim().is_empty() {
            while let Some(Open {
                indent: Some(indent),
                ..
            }) = stack.last()
            {
                if indent_of(raw) >= *indent {
                    break;
                }
                stack.pop();
            }
        }
        let dedent = stack.iter().filter_map(|o| o.indent).max().unwrap_or(0);
        let text = if raw.trim().is_empty() {
            ""
        } else {
            &raw[dedent.min(indent_of(raw))..]
        };
        let trimmed = text.trim();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            }
            continue;
        }
        if let Some(marker) = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m)) {
            fence = Some(marker);
            continue;
        }
        if text.starts_with('#') && dedent == 0 {
            let level = text.bytes().take_while(|&b| b == b'#').count();
            if level <= 6 && text[level..].starts_with(' ') {
                if let Some(open) = stack.iter().find(|o| o.indent.is_none()) {
                    return Err(err(
                        Some(line),
                        Problem::HeadingInsideBlock {
                            heading: text[level..].trim().to_owned(),
                            opened: open.line,
                        },
                    ));
                }
                items.push(Item::Heading {
                    level,
                    text: text[level..].trim().trim_end_matches('#').trim().to_owned(),
                    line,
                });
                continue;
            }
        }
        let mkdocs = ["!!! ", "??? ", "???+ "]
            .into_iter()
            .find_map(|m| trimmed.strip_prefix(m));
        if let Some(rest) = mkdocs {
            let kind = rest.split_whitespace().next().unwrap_or("").to_lowercase();
            let block = match kind.as_str() {
                "downloads" => Block::Downloads,
                _ => Block::Admonition(kind),
            };
            if block == Block::Admonition("recommendation".into()) {
                format.get_or_insert(Format::Mkdocs);
                items.push(Item::Card { line });
            }
            stack.push(Open {
                block,
                line,
                indent: Some(dedent + indent_of(text) + 4),
                details: false,
            });
            continue;
        }
        let tag = |name: &str| trimmed.starts_with(&format!("<{name}"));
        if tag("div ") || tag("div>") || tag("details") {
            let class = class_of(trimmed).unwrap_or("");
            let block = if let Some(kind) = class.strip_prefix("admonition ") {
                Block::Admonition(kind.trim().to_lowercase())
            } else if tag("details") && class.split_whitespace().any(|c| c == "downloads") {
                Block::Downloads
            } else {
                Block::Other
            };
            if block == Block::Admonition("recommendation".into()) {
                format.get_or_insert(Format::Html);
                items.push(Item::Card { line });
            }
            stack.push(Open {
                block,
                line,
                indent: None,
                details: tag("details"),
            });
            continue;
        }
        if trimmed.starts_with("</div") || trimmed.starts_with("</details") {
            let details = trimmed.starts_with("</details");
            let top = stack.iter().rposition(|o| o.indent.is_none());
            match top {
                Some(at) if stack[at].details == details => {
                    stack.truncate(at);
                }
                _ => {
                    return Err(err(
                        Some(line),
                        Problem::StrayClose {
                            tag: trimmed.to_owned(),
                        },
                    ))
                }
            }
            continue;
        }
        let within = |b: &Block| stack.iter().any(|o| &o.block == b);
        let warning = stack.iter().any(|o| {
            matches!(&o.block, Block::Admonition(k)
                if ["warning", "danger", "caution", "attention", "bug", "failure"].contains(&k.as_str()))
        });
        items.push(Item::Text {
            line,
            text: text.to_owned(),
            card: within(&Block::Admonition("recommendation".into())),
            downloads: within(&Block::Downloads),
            warning,
        });
    }
    if let Some(open) = stack.iter().find(|o| o.indent.is_none()) {
        let what = match &open.block {
            Block::Admonition(kind) => format!("the `{kind}` block"),
            Block::Downloads => "the downloads list".to_owned(),
            Block::Other => "a `<div>` or `<details>`".to_owned(),
        };
        return Err(err(Some(open.line), Problem::UnclosedBlock { what }));
    }
    let format = format.ok_or_else(|| err(None, Problem::NoRecommendations))?;
    Ok((items, format))
}

/// A Markdown link found in a line: its raw text, its URL and where it sits.
struct RawLink<'a> {
    text: &'a str,
    url: &'a str,
    start: usize,
    end: usize,
}

/// Every `[text](url)` of a line that is not an image, with balanced brackets and parentheses.
fn raw_links(s: &str) -> Vec<RawLink<'_>> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'[' || (i > 0 && bytes[i - 1] == b'!') {
            i += 1;
            continue;
        }
        let mut depth = 0;
        let mut close = None;
        for (j, &b) in bytes.iter().enumerate().skip(i) {
            match b {
                b'[' => depth += 1,
                b']' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(j);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else { break };
        if bytes.get(close + 1) != Some(&b'(') {
            i += 1;
            continue;
        }
        let mut depth = 0;
        let mut end = None;
        for (j, &b) in bytes.iter().enumerate().skip(close + 1) {
            match b {
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        end = Some(j);
                        break;
                    }
                }
                b' ' => break,
                _ => {}
            }
        }
        let Some(end) = end else {
            i = close + 1;
            continue;
        };
        out.push(RawLink {
            text: &s[i + 1..close],
            url: &s[close + 2..end],
            start: i,
            end: end + 1,
        });
        i = end + 1;
    }
    out
}

/// Removes `{ ... }` attribute lists.
fn strip_attributes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Removes `:icon-name:` shortcodes such as `:simple-googleplay:` or `:material-close-outline:`.
fn strip_icons(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find(':') {
        let after = &rest[start + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(after.len());
        let is_icon = after[name_len..].starts_with(':')
            && ["material-", "octicons-", "simple-", "fontawesome-"]
                .iter()
                .any(|p| after.starts_with(p));
        if is_icon {
            out.push_str(&rest[..start]);
            rest = &after[name_len + 1..];
        } else {
            out.push_str(&rest[..=start]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Text a reader sees: links as their text, without images, icons, attribute lists,
/// footnote references, emphasis or HTML tags; whitespace collapsed.
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for link in raw_links(s) {
        out.push_str(&s[last..link.start]);
        out.push_str(&plain(link.text));
        last = link.end;
    }
    out.push_str(&s[last..]);
    // Images, footnote references and tags go wholesale.
    let mut text = String::with_capacity(out.len());
    let mut rest = out.as_str();
    loop {
        let cut = [
            rest.find("![").map(|i| (i, ")")),
            rest.find("[^").map(|i| (i, "]")),
            rest.find('<').map(|i| (i, ">")),
        ]
        .into_iter()
        .flatten()
        .min_by_key(|(i, _)| *i);
        let Some((at, close)) = cut else { break };
        text.push_str(&rest[..at]);
        rest = match rest[at..].find(close) {
            Some(end) => &rest[at + end + close.len()..],
            None => "",
        };
    }
    text.push_str(rest);
    let text = strip_icons(&strip_attributes(&text)).replace(['*', '`'], "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A paragraph: its lines joined, with the line each byte offset starts on.
struct Paragraph {
    text: String,
    /// (byte offset in `text`, file line) for each joined line.
    starts: Vec<(usize, usize)>,
}

impl Paragraph {
    fn line_at(&self, offset: usize) -> usize {
        self.starts
            .iter()
            .take_while(|(o, _)| *o <= offset)
            .last()
            .map_or(0, |(_, l)| *l)
    }
}

/// Byte ranges of the sentences of a raw Markdown paragraph: a sentence ends at `.`, `!`
/// or `?` (and any footnote reference or closing quote) before a space, outside links.
fn sentence_ranges(s: &str) -> Vec<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let (mut square, mut round) = (0i32, 0i32);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' => square += 1,
            b']' => square -= 1,
            b'(' => round += 1,
            b')' => round -= 1,
            b'.' | b'!' | b'?' if square <= 0 && round <= 0 => {
                let mut end = i + 1;
                loop {
                    if s[end..].starts_with("[^") {
                        end += s[end..].find(']').map_or(s.len() - end, |e| e + 1);
                    } else if let Some(c) =
                        s[end..].chars().next().filter(|c| "\"”’)*".contains(*c))
                    {
                        end += c.len_utf8();
                    } else {
                        break;
                    }
                }
                if end >= bytes.len() || bytes[end] == b' ' {
                    out.push((start, end));
                    start = end;
                    i = end;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if !s[start..].trim().is_empty() {
        out.push((start, s.len()));
    }
    out
}

/// The first four-digit year (1990–2099) in a text.
fn year_in(s: &str) -> Option<u16> {
    let bytes = s.as_bytes();
    (0..bytes.len().saturating_sub(3)).find_map(|i| {
        let word = &s[i..i + 4];
        let bounded = (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && bytes.get(i + 4).is_none_or(|b| !b.is_ascii_alphanumeric());
        let year: u16 = word
            .parse()
            .ok()
            .filter(|_| bounded && word.bytes().all(|b| b.is_ascii_digit()))?;
        (1990..2100).contains(&year).then_some(year)
    })
}

/// The auditor a sentence names as "… by Trail of Bits …", if any.
fn auditor_in(sentence: &str) -> Option<String> {
    let at = sentence.find(" by ")?;
    let mut words = Vec::new();
    for word in sentence[at + 4..].split_whitespace() {
        let clean = word.trim_end_matches([',', '.', ';', ':']);
        let capital = clean.chars().next().is_some_and(char::is_uppercase);
        if capital || (!words.is_empty() && ["of", "and", "&"].contains(&clean)) {
            words.push(clean);
        } else {
            break;
        }
        if clean.len() != word.len() {
            break;
        }
    }
    while words.last().is_some_and(|w| ["of", "and", "&"].contains(w)) {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// What one messenger section's lines say: everything but the heading.
#[derive(Default)]
struct Content {
    links: Vec<CardLink>,
    specifications: Vec<Link>,
    downloads: Vec<Download>,
    audits: Vec<Audit>,
    text: Vec<Sentence>,
}

/// The kind of a card link by its icon, or by its title for an icon we do not know.
fn link_kind(raw: &str) -> Option<LinkKind> {
    let icon = raw.split(':').nth(1)?;
    Some(match icon {
        "octicons-home-16" => LinkKind::Homepage,
        "octicons-eye-16" => LinkKind::PrivacyPolicy,
        "octicons-info-16" => LinkKind::Documentation,
        "octicons-code-16" => LinkKind::SourceCode,
        "octicons-heart-16" => LinkKind::Contribute,
        _ => {
            let title = raw
                .split("title=")
                .nth(1)
                .map(|t| {
                    t.trim_start_matches('"')
                        .split(['"', '}'])
                        .next()
                        .unwrap_or("")
                })
                .unwrap_or(icon);
            LinkKind::Other(title.trim().to_owned())
        }
    })
}

fn read_paragraph(paragraph: &Paragraph, warning: bool, content: &mut Content) {
    let text = &paragraph.text;
    for (start, end) in sentence_ranges(text) {
        let raw = &text[start..end];
        let line = paragraph.line_at(start + (raw.len() - raw.trim_start().len()));
        let sentence = plain(raw);
        if sentence.is_empty() {
            continue;
        }
        // Cues are matched in the text a reader sees: URLs say "audit" or "specification"
        // where the sentence may not, and a link splits "[not](…) E2EE".
        let lower = sentence.to_lowercase();
        let links = raw_links(raw);
        if lower.contains("audit") {
            for link in &links {
                let year = year_in(link.text)
                    .or_else(|| year_in(&raw[link.end..]))
                    .or_else(|| year_in(&raw[..link.start]));
                content.audits.push(Audit {
                    year,
                    auditor: auditor_in(&sentence),
                    url: link.url.to_owned(),
                    line,
                });
            }
        }
        let about_spec = ["specification", "white paper", "whitepaper"]
            .iter()
            .any(|w| lower.contains(w));
        for link in &links {
            let names_protocol = plain(link.text).ends_with(" Protocol");
            if about_spec || names_protocol {
                content.specifications.push(Link {
                    text: plain(link.text),
                    url: link.url.to_owned(),
                    line,
                });
            }
        }
        let raw_lower = raw.to_lowercase();
        let caveat = warning
            || CAVEAT_CUES
                .iter()
                .any(|cue| lower.contains(cue) || raw_lower.contains(cue));
        content.text.push(Sentence {
            text: sentence,
            line,
            caveat,
        });
    }
}

/// Reads the text items of one messenger section (or a group's warnings).
fn read_content<'a>(items: impl Iterator<Item = &'a Item>) -> Content {
    let mut content = Content::default();
    let mut paragraph: Option<(Paragraph, bool)> = None;
    let flush = |paragraph: &mut Option<(Paragraph, bool)>, content: &mut Content| {
        if let Some((p, warning)) = paragraph.take() {
            read_paragraph(&p, warning, content);
        }
    };
    for item in items {
        let Item::Text {
            line,
            text,
            card,
            downloads,
            warning,
        } = item
        else {
            continue;
        };
        let trimmed = text.trim();
        let is_list_item = trimmed.starts_with("- ")
            || trimmed.starts_with("* ")
            || trimmed
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let skip = trimmed.is_empty()
            || trimmed.starts_with('<')
            || trimmed.starts_with("![")
            || trimmed.starts_with("[^");
        if skip || is_list_item || *downloads {
            flush(&mut paragraph, &mut content);
        }
        if skip {
            continue;
        }
        if *downloads {
            if let (true, Some(link)) = (is_list_item, raw_links(trimmed).first()) {
                content.downloads.push(Download {
                    label: plain(link.text),
                    url: link.url.to_owned(),
                    line: *line,
                });
            }
            continue;
        }
        if *card && trimmed.starts_with("[:octicons-") {
            let links = raw_links(trimmed);
            if let (Some(link), Some(kind)) = (links.first(), link_kind(trimmed)) {
                if trimmed.contains(".card-link") || trimmed.contains(".md-button") {
                    flush(&mut paragraph, &mut content);
                    content.links.push(CardLink {
                        kind,
                        url: link.url.to_owned(),
                        line: *line,
                    });
                    continue;
                }
            }
        }
        let body = trimmed.trim_start_matches("> ").trim_start_matches('>');
        let body = if is_list_item {
            body.split_once(' ').map_or(body, |(_, rest)| rest)
        } else {
            body
        };
        match &mut paragraph {
            Some((p, _)) => {
                p.text.push(' ');
                p.starts.push((p.text.len(), *line));
                p.text.push_str(body);
            }
            None => {
                paragraph = Some((
                    Paragraph {
                        text: body.to_owned(),
                        starts: vec![(0, *line)],
                    },
                    *warning,
                ));
            }
        }
    }
    flush(&mut paragraph, &mut content);
    content
}

/// Checks every footnote used is defined: a page cut short loses its definitions first.
fn check_footnotes(lines: &[&str], body: usize) -> Result<(), GuideError> {
    let defined: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("[^"))
        .filter_map(|l| l.split_once("]:").map(|(label, _)| label))
        .collect();
    for (i, line) in lines.iter().enumerate().skip(body) {
        let mut rest = *line;
        while let Some(at) = rest.find("[^") {
            let after = &rest[at + 2..];
            let Some(close) = after.find(']') else { break };
            let label = &after[..close];
            let is_definition = at == 0 && after[close..].starts_with("]:") && rest == *line;
            if !is_definition && !defined.contains(&label) {
                return Err(err(
                    Some(i + 1),
                    Problem::UndefinedFootnote {
                        label: label.to_owned(),
                    },
                ));
            }
            rest = &after[close..];
        }
    }
    Ok(())
}

fn list_items(items: &[Item]) -> Vec<CriterionItem> {
    items
        .iter()
        .filter_map(|item| match item {
            Item::Text { line, text, .. } => {
                text.trim().strip_prefix("- ").map(|t| (*line, plain(t)))
            }
            _ => None,
        })
        .map(|(line, text)| CriterionItem {
            id: match_criterion(&text),
            text,
            line,
        })
        .collect()
}

/// Reads the "Criteria" section at `items[at]` (a heading): its two lists.
fn read_criteria(
    items: &[Item],
    at: usize,
    level: usize,
    line: usize,
) -> Result<Criteria, GuideError> {
    let end = items[at + 1..]
        .iter()
        .position(|i| matches!(i, Item::Heading { level: l, .. } if *l <= level))
        .map_or(items.len(), |p| at + 1 + p);
    let section = &items[at + 1..end];
    let list = |list: List| -> Result<Vec<CriterionItem>, GuideError> {
        let names: &[&str] = match list {
            List::Minimum => &["Minimum Requirements"],
            List::BestCase => &["Best-Case", "Best Case"],
        };
        let start = section.iter().position(|i| {
            matches!(i, Item::Heading { text, .. } if names.iter().any(|n| n.eq_ignore_ascii_case(text)))
        });
        let found = start.map(|s| {
            let stop = section[s + 1..]
                .iter()
                .position(|i| matches!(i, Item::Heading { .. }))
                .map_or(section.len(), |p| s + 1 + p);
            list_items(&section[s + 1..stop])
        });
        match found {
            Some(items) if !items.is_empty() => Ok(items),
            _ => Err(err(
                Some(start.map_or(line, |s| section[s].line())),
                Problem::NoList { list },
            )),
        }
    };
    Ok(Criteria {
        line,
        minimum: list(List::Minimum)?,
        best_case: list(List::BestCase)?,
    })
}

/// Reads one page of the guide, which must be `expected`.
pub fn parse_page(text: &str, expected: PageKind) -> Result<Page, GuideError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(err(None, Problem::Empty));
    }
    let lines: Vec<&str> = text.lines().collect();
    let (title, body) = front_matter(&lines)?;
    let kind = PageKind::from_title(&title);
    if kind != Some(expected) {
        let at = lines
            .iter()
            .position(|l| l.starts_with("title:"))
            .map(|i| i + 1);
        return Err(err(at, Problem::WrongPage { title, expected }));
    }
    let (items, format) = scan(&lines, body)?;

    // Each heading's parent: the nearest earlier heading of a lower level.
    let headings: Vec<(usize, usize, &str, usize)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| match item {
            Item::Heading { level, text, line } => Some((i, *level, text.as_str(), *line)),
            _ => None,
        })
        .collect();
    let parent =
        |h: usize| -> Option<usize> { (0..h).rev().find(|&p| headings[p].1 < headings[h].1) };
    // The items a heading owns directly: up to the next heading of any level.
    let own = |h: usize| -> &[Item] {
        let start = headings[h].0 + 1;
        let end = headings.get(h + 1).map_or(items.len(), |n| n.0);
        &items[start..end]
    };
    if let Some(Item::Card { line }) = items
        .iter()
        .take(headings.first().map_or(items.len(), |h| h.0))
        .find(|i| matches!(i, Item::Card { .. }))
    {
        return Err(err(Some(*line), Problem::CardWithoutHeading));
    }
    let mut is_messenger = vec![false; headings.len()];
    for (h, (_, _, text, _)) in headings.iter().enumerate() {
        let cards: Vec<usize> = own(h)
            .iter()
            .filter_map(|i| match i {
                Item::Card { line } => Some(*line),
                _ => None,
            })
            .collect();
        if let [first, second, ..] = cards[..] {
            return Err(err(
                Some(second),
                Problem::SecondCard {
                    messenger: text.to_string(),
                    first,
                },
            ));
        }
        is_messenger[h] = !cards.is_empty();
    }
    let mut messengers: Vec<Messenger> = Vec::new();
    for h in (0..headings.len()).filter(|&h| is_messenger[h]) {
        let (_, level, heading, line) = headings[h];
        let name = bare_name(heading).to_owned();
        let id = messenger_id(heading);
        // The section runs to the next heading of its level or above; a messenger nested in
        // it is its own section.
        let mut owned: Vec<&Item> = own(h).iter().collect();
        let mut extra_caveats = Vec::new();
        for (d, &(_, sub_level, _, _)) in headings.iter().enumerate().skip(h + 1) {
            if sub_level <= level {
                break;
            }
            let inside_messenger = {
                let mut p = Some(d);
                let mut found = false;
                while let Some(q) = p {
                    if q == h {
                        break;
                    }
                    found |= is_messenger[q];
                    p = parent(q);
                }
                found
            };
            if !inside_messenger {
                owned.extend(own(d).iter());
            }
        }
        let mut section = Section::Recommended;
        let mut ancestor = parent(h);
        while let Some(a) = ancestor {
            let (_, alevel, aheading, _) = headings[a];
            if is_messenger[a] {
                let parent_key = messenger_id(aheading)
                    .map(str::to_owned)
                    .unwrap_or_else(|| bare_name(aheading).to_lowercase());
                section = Section::AlternativeClient { of: parent_key };
                break;
            }
            // A group's own warnings (e.g. "these messengers do not have forward secrecy")
            // are caveats of every messenger in it.
            let group = read_content(
                own(a)
                    .iter()
                    .filter(|i| matches!(i, Item::Text { warning: true, .. })),
            );
            extra_caveats.extend(group.text);
            if alevel > 1 && expected == PageKind::RealTimeCommunication {
                if ADDITIONAL_GROUPS.contains(&aheading) {
                    section = Section::Additional;
                } else if !RECOMMENDED_GROUPS.contains(&aheading) {
                    return Err(err(
                        Some(headings[a].3),
                        Problem::UnknownGroup {
                            heading: aheading.to_owned(),
                            messenger: heading.to_owned(),
                        },
                    ));
                }
            }
            ancestor = parent(a);
        }
        let mut content = read_content(owned.into_iter());
        content.text.extend(extra_caveats);
        if let Some(first) = messengers
            .iter()
            .find(|m| m.key() == id.map_or_else(|| name.to_lowercase(), str::to_owned))
        {
            return Err(err(
                Some(line),
                Problem::DuplicateMessenger {
                    name,
                    first: first.line,
                },
            ));
        }
        messengers.push(Messenger {
            name,
            heading: heading.to_owned(),
            id,
            line,
            section,
            links: content.links,
            specifications: content.specifications,
            downloads: content.downloads,
            audits: content.audits,
            text: content.text,
        });
    }
    if messengers.is_empty() {
        return Err(err(None, Problem::NoRecommendations));
    }

    let criteria = if expected == PageKind::RealTimeCommunication {
        let found = headings
            .iter()
            .find(|(_, _, text, _)| text.eq_ignore_ascii_case("Criteria"));
        match found {
            Some(&(at, level, _, line)) => Some(read_criteria(&items, at, level, line)?),
            // Editions in the mkdocs format before 2023-02-14 kept their criteria on the
            // site's own criteria page; every edition since has them here.
            None if format == Format::Mkdocs => None,
            None => return Err(err(Some(lines.len()), Problem::NoCriteria)),
        }
    } else {
        None
    };
    // Last: a page cut short is better named by the section it lacks, where it lacks one.
    check_footnotes(&lines, body)?;
    Ok(Page {
        kind: expected,
        format,
        messengers,
        criteria,
        lines: lines.len(),
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A fixture under `tests/fixtures/guide/`, read at test time so a fresh clone tests
    /// without the shared sources.
    pub(crate) fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/guide/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The Real-Time Communication editions, oldest first.
    pub(crate) const EDITIONS: [&str; 8] = [
        "real-time-communication.2022-09-16.f2162cf2.md",
        "real-time-communication.2024-07-14.7e0218b0.md",
        "real-time-communication.2024-08-22.12be85b9.md",
        "real-time-communication.2024-10-24.321d14b6.md",
        "real-time-communication.2024-10-27.8f7de571.md",
        "real-time-communication.2025-05-10.e95e3e27.md",
        "real-time-communication.2025-05-16.57119907.md",
        "real-time-communication.2025-10-16.eda031ee.md",
    ];
    pub(crate) const SOCIAL: &str = "social-networks.2025-11-08.fff721a7.md";

    pub(crate) fn rtc(name: &str) -> Page {
        parse_page(&fixture(name), PageKind::RealTimeCommunication)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn listing(page: &Page) -> Vec<String> {
        page.messengers
            .iter()
            .map(|m| format!("{}: {}", m.key(), m.section))
            .collect()
    }

    fn rtc_error(text: &str) -> GuideError {
        parse_page(text, PageKind::RealTimeCommunication).expect_err("should be refused")
    }

    #[test]
    fn every_edition_lists_its_messengers_in_their_sections() {
        let expected: [&[&str]; 8] = [
            &[
                "signal: recommended",
                "element: recommended",
                "session: recommended",
                "briar: recommended",
            ],
            &[
                "signal: recommended",
                "simplex: recommended",
                "briar: recommended",
                "element: additional option",
                "session: additional option",
            ],
            &[
                "signal: recommended",
                "molly: alternative client of signal",
                "simplex: recommended",
                "briar: recommended",
                "element: additional option",
                "session: additional option",
            ],
            &[
                "signal: recommended",
                "molly: alternative client of signal",
                "simplex: recommended",
                "briar: recommended",
                "element: additional option",
                "session: additional option",
            ],
            &[
                "signal: recommended",
                "molly: alternative client of signal",
                "simplex: recommended",
                "briar: recommended",
                "element: additional option",
                "session: additional option",
            ],
            &[
                "signal: recommended",
                "molly: alternative client of signal",
                "simplex: recommended",
                "briar: recommended",
                "session: additional option",
            ],
            &[
                "signal: recommended",
                "molly: alternative client of signal",
                "simplex: recommended",
                "briar: recommended",
            ],
            &[
                "signal: recommended",
                "molly: alternative client of signal",
                "simplex: recommended",
                "briar: recommended",
            ],
        ];
        for (name, want) in EDITIONS.iter().zip(expected) {
            assert_eq!(listing(&rtc(name)), want, "{name}");
        }
    }

    #[test]
    fn reads_the_older_mkdocs_edition() {
        let page = rtc(EDITIONS[0]);
        assert_eq!(page.format, Format::Mkdocs);
        assert_eq!(
            page.criteria, None,
            "criteria came to the page on 2023-02-14"
        );
        let briar = page.messenger("briar").unwrap();
        assert_eq!(
            (briar.heading.as_str(), briar.line),
            ("Briar (Android)", 111)
        );
        let labels: Vec<_> = briar.downloads.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, ["Flatpak", "Google Play", "F-Droid"]);
        assert_eq!(
            briar.link(&LinkKind::Contribute).map(|l| l.url.as_str()),
            Some("https://briarproject.org/")
        );
        let signal = page.messenger("signal").unwrap();
        assert_eq!(signal.links.len(), 5);
        assert_eq!(
            signal
                .link(&LinkKind::Documentation)
                .map(|l| (l.url.as_str(), l.line)),
            Some(("https://support.signal.org/hc/en-us", 24))
        );
        assert!(signal
            .caveats()
            .any(|c| c.text == "Signal requires your phone number as a personal identifier."));
        let session = page.messenger("session").unwrap();
        assert_eq!(session.downloads.len(), 6);
        assert_eq!(
            session.audits,
            [Audit {
                year: Some(2021),
                auditor: None,
                url: "https://getsession.org/session-code-audit".into(),
                line: 105
            }]
        );
    }

    #[test]
    fn reads_links_downloads_audits_and_specifications() {
        let page = rtc(EDITIONS[7]);
        assert_eq!(page.format, Format::Html);
        let signal = page.messenger("signal").unwrap();
        let links: Vec<_> = signal
            .links
            .iter()
            .map(|l| (l.kind.to_string(), l.url.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                ("homepage".to_owned(), "https://signal.org"),
                (
                    "privacy policy".to_owned(),
                    "https://signal.org/legal/#privacy-policy"
                ),
                ("documentation".to_owned(), "https://support.signal.org"),
                ("source code".to_owned(), "https://github.com/signalapp"),
                ("contribute".to_owned(), "https://signal.org/donate"),
            ]
        );
        let simplex = page.messenger("simplex").unwrap();
        let downloads: Vec<_> = simplex
            .downloads
            .iter()
            .map(|d| (d.label.as_str(), d.platform_channel()))
            .collect();
        assert_eq!(
            downloads,
            [
                ("Google Play", Some(("android", "google-play"))),
                ("App Store", Some(("ios", "app-store"))),
                ("GitHub", Some(("android", "github"))),
                ("Windows", Some(("windows", "website"))),
                ("macOS", Some(("macos", "website"))),
                ("Linux", Some(("linux", "website"))),
                ("Flathub", Some(("linux", "flathub"))),
            ]
        );
        let audits: Vec<_> = simplex.audits.iter().map(|a| (a.year, a.line)).collect();
        assert_eq!(audits, [(Some(2024), 137), (Some(2022), 137)]);
        assert_eq!(
            simplex.specifications.iter().map(|s| s.url.as_str()).collect::<Vec<_>>(),
            ["https://github.com/simplex-chat/simplexmq/blob/stable/protocol/simplex-messaging.md"]
        );
        let briar = page.messenger("briar").unwrap();
        assert_eq!(briar.audits.len(), 1);
        assert_eq!(briar.audits[0].year, None, "the sentence gives no year");
        let molly = page.messenger("molly").unwrap();
        assert_eq!(
            molly.downloads[1].platform_channel(),
            Some(("android", "accrescent"))
        );
        // The 2024 editions name the auditor of SimpleX's 2022 audit.
        let old = rtc(EDITIONS[1]);
        let audit = &old.messenger("simplex").unwrap().audits[0];
        assert_eq!(
            (audit.year, audit.auditor.as_deref()),
            (Some(2022), Some("Trail of Bits"))
        );
    }

    #[test]
    fn names_caveats_including_a_groups_warning() {
        let page = rtc(EDITIONS[3]);
        let element = page.messenger("element").unwrap();
        let caveats: Vec<_> = element
            .caveats()
            .map(|c| (c.line, c.text.as_str()))
            .collect();
        assert_eq!(
            caveats,
            [
                (213, "Profile pictures, reactions, and nicknames are not encrypted."),
                (217, "The Matrix protocol itself theoretically supports forward secrecy, however this is not currently supported in Element due to it breaking some aspects of the user experience such as key backups and shared message history."),
                (179, "These messengers do not have forward secrecy, and while they fulfill certain needs that our previous recommendations may not, we do not recommend them for long-term or sensitive communications."),
                (179, "Any key compromise among message recipients would affect the confidentiality of all past communications."),
            ]
        );
        // Reassurances are not caveats.
        let signal = page.messenger("signal").unwrap();
        assert!(signal
            .text
            .iter()
            .any(|s| !s.caveat && s.text.starts_with("Contact lists on Signal are encrypted")));
    }

    #[test]
    fn matches_criteria_to_our_ids() {
        let ids = |list: &[CriterionItem]| list.iter().map(|i| i.id.unwrap()).collect::<Vec<_>>();
        let old = rtc(EDITIONS[1]).criteria.unwrap();
        assert_eq!(
            ids(&old.minimum),
            [
                "open-source-clients",
                "no-personal-identifiers",
                "e2ee-private-by-default",
                "e2ee-all-messages",
                "independently-audited"
            ]
        );
        assert_eq!(
            ids(&old.best_case),
            [
                "forward-secrecy",
                "post-compromise-security",
                "open-source-servers",
                "decentralized",
                "e2ee-all-by-default",
                "all-platforms"
            ]
        );
        let new = rtc(EDITIONS[7]).criteria.unwrap();
        assert_eq!(
            ids(&new.minimum),
            [
                "open-source-clients",
                "no-personal-identifiers",
                "e2ee-private-by-default",
                "e2ee-all-messages",
                "forward-secrecy",
                "independently-audited"
            ]
        );
        assert_eq!(
            ids(&new.best_case),
            [
                "post-compromise-security",
                "open-source-servers",
                "decentralized",
                "e2ee-all-by-default",
                "all-platforms"
            ]
        );
        assert_eq!(new.minimum[4].text, "Must support forward secrecy");
        assert_eq!((new.line, new.minimum[0].line), (171, 177));
        assert_eq!(new.unmatched().count(), 0);
    }

    #[test]
    fn reports_a_criterion_no_phrase_matches_with_its_line() {
        let text = fixture(EDITIONS[7]).replace(
            "- Should use E2EE for all messages by default.\n",
            "- Should use E2EE for all messages by default.\n- Should be written in a memory-safe language.\n",
        );
        let criteria = parse_page(&text, PageKind::RealTimeCommunication)
            .unwrap()
            .criteria
            .unwrap();
        let unmatched: Vec<_> = criteria
            .unmatched()
            .map(|(l, i)| (l, i.line, i.text.as_str()))
            .collect();
        assert_eq!(
            unmatched,
            [(
                List::BestCase,
                192,
                "Should be written in a memory-safe language."
            )]
        );
    }

    #[test]
    fn reads_the_social_networks_page() {
        let page = parse_page(&fixture(SOCIAL), PageKind::SocialNetworks).unwrap();
        let names: Vec<_> = page
            .messengers
            .iter()
            .map(|m| (m.name.as_str(), m.id))
            .collect();
        assert_eq!(names, [("Mastodon", None), ("Element", Some("element"))]);
        assert_eq!(page.criteria, None);
    }

    #[test]
    fn maps_headings_to_our_ids() {
        assert_eq!(messenger_id("Molly (Android)"), Some("molly"));
        assert_eq!(messenger_id("SimpleX Chat"), Some("simplex"));
        assert_eq!(messenger_id("Threema"), None);
    }

    #[test]
    fn an_unknown_messenger_is_read_with_no_id() {
        let text = fixture(EDITIONS[7]).replace("## Briar\n", "## Threema\n");
        let page = parse_page(&text, PageKind::RealTimeCommunication).unwrap();
        let threema = page.messengers.last().unwrap();
        assert_eq!(
            (threema.name.as_str(), threema.id, threema.key().as_str()),
            ("Threema", None, "threema")
        );
    }

    #[test]
    fn refuses_empty_files_and_other_pages() {
        assert_eq!(rtc_error("").problem, Problem::Empty);
        assert_eq!(rtc_error(" \n\n").problem, Problem::Empty);
        let social = rtc_error(&fixture(SOCIAL));
        assert_eq!(social.line, Some(2));
        assert_eq!(
            social.to_string(),
            "line 2: this is the guide's \"Social Networks\" page, not \"Real-Time Communication\""
        );
        let types = rtc_error(&fixture(
            "communication-network-types.2025-05-15.06d2f0e3.md",
        ));
        assert_eq!(
            types.problem,
            Problem::WrongPage {
                title: "Types of Communication Networks".into(),
                expected: PageKind::RealTimeCommunication
            }
        );
        let swapped = parse_page(&fixture(EDITIONS[7]), PageKind::SocialNetworks).unwrap_err();
        assert!(matches!(swapped.problem, Problem::WrongPage { .. }));
        assert_eq!(
            rtc_error("# Notes\n\nSome text.\n").problem,
            Problem::NoFrontMatter
        );
        assert_eq!(
            rtc_error("---\ntitle: x\n").problem,
            Problem::UnclosedFrontMatter
        );
        assert_eq!(rtc_error("---\nicon: x\n---\n").problem, Problem::NoTitle);
    }

    #[test]
    fn refuses_a_page_with_no_messenger_sections() {
        let error = rtc_error("---\ntitle: Real-Time Communication\n---\n\n## Signal\n\nText.\n");
        assert_eq!(
            (error.line, error.problem),
            (None, Problem::NoRecommendations)
        );
    }

    /// The first `n` lines of the newest edition.
    fn cut(n: usize) -> String {
        fixture(EDITIONS[7])
            .lines()
            .take(n)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn refuses_truncated_markdown_naming_the_line() {
        // Cut inside Signal's recommendation block.
        let error = rtc_error(&cut(30));
        assert_eq!(error.line, Some(21));
        assert_eq!(
            error.to_string(),
            "line 21: the `recommendation` block opened here is never closed: is the file truncated?"
        );
        // Cut inside a downloads list.
        assert_eq!(
            rtc_error(&cut(36)).line,
            Some(21),
            "the outer block is named"
        );
        // Cut before the criteria.
        let error = rtc_error(&cut(169));
        assert_eq!(
            (error.line, error.problem),
            (Some(169), Problem::NoCriteria)
        );
        // Cut between the two lists.
        let error = rtc_error(&cut(184));
        assert_eq!(
            error.problem,
            Problem::NoList {
                list: List::BestCase
            }
        );
        // Cut before the footnotes.
        let error = rtc_error(&cut(193));
        assert_eq!(
            (error.line, error.problem),
            (Some(25), Problem::UndefinedFootnote { label: "1".into() })
        );
    }

    #[test]
    fn refuses_structures_it_does_not_know() {
        let unknown_group =
            fixture(EDITIONS[1]).replace("## Additional Options", "## Honourable Mentions");
        let error = rtc_error(&unknown_group);
        assert_eq!(error.line, Some(129));
        assert!(
            matches!(error.problem, Problem::UnknownGroup { ref heading, ref messenger }
            if heading == "Honourable Mentions" && messenger == "Element")
        );
        let stray = fixture(EDITIONS[7]).replacen("</details>\n", "</details>\n</div>\n", 1);
        assert!(matches!(
            rtc_error(&stray).problem,
            Problem::StrayClose { .. }
        ));
        let crossed = fixture(EDITIONS[7]).replacen("</details>\n", "</div>\n", 1);
        let error = rtc_error(&crossed);
        assert_eq!(
            (error.line, error.problem),
            (
                Some(44),
                Problem::StrayClose {
                    tag: "</div>".into()
                }
            )
        );
        let twice = fixture(EDITIONS[7]).replace("## Briar\n", "## Signal\n");
        assert_eq!(
            rtc_error(&twice).problem,
            Problem::DuplicateMessenger {
                name: "Signal".into(),
                first: 19
            }
        );
        let orphan = "---\ntitle: Real-Time Communication\n---\n\n<div class=\"admonition recommendation\" markdown>\n\n**X**\n\n</div>\n";
        assert_eq!(rtc_error(orphan).problem, Problem::CardWithoutHeading);
        let unclosed_then_heading = fixture(EDITIONS[7]).replacen("</div>\n", "", 1);
        assert!(matches!(
            rtc_error(&unclosed_then_heading).problem,
            Problem::HeadingInsideBlock { opened: 21, .. }
        ));
    }

    #[test]
    fn reads_dates_and_commits_from_file_names() {
        let (date, commit) = edition_from_file_name(EDITIONS[6]).unwrap();
        assert_eq!(
            (date.to_string().as_str(), commit.as_str()),
            ("2025-05-16", "57119907")
        );
        assert_eq!(edition_from_file_name("real-time-communication.md"), None);
        assert_eq!(edition_from_file_name("rtc.2025-13-01.57119907.md"), None);
        assert_eq!(edition_from_file_name("rtc.2025-05-16.5711990.md"), None);
    }

    #[test]
    fn plain_text_drops_markdown() {
        assert_eq!(
            plain("**Briar** uses the [Tor network](a.md#tor){ .x }, see [:material-close-outline: Censorship](b.md) `briar://`.[^1]"),
            "Briar uses the Tor network, see Censorship briar://."
        );
        assert_eq!(plain("![logo](x.svg){ align=right }"), "");
    }

    #[test]
    fn splits_sentences_outside_links() {
        let text =
            "It was [audited](https://x.org/a.b. c) in 2016. The spec is [here](y). Done.[^1] Next";
        let parts: Vec<_> = sentence_ranges(text)
            .into_iter()
            .map(|(a, b)| text[a..b].trim())
            .collect();
        assert_eq!(
            parts,
            [
                "It was [audited](https://x.org/a.b. c) in 2016.",
                "The spec is [here](y).",
                "Done.[^1]",
                "Next"
            ]
        );
    }
}
