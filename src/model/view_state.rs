//! The whole view as one value, and its query string: every view is a link that can be
//! shared. Parsing never fails: what it cannot use it reports, and the rest still applies.

use crate::model::dataset::{Dataset, Group, NeedIndex, NetworkId, Platform};
use crate::model::filter::{Filter, Need};
use crate::model::host_options::{Accent, AccentProblem, Density, Font, HostOptions, Part};
use crate::model::ids::id_enum;
use crate::model::locale::Locale;
use crate::model::sort::{Column, Sort, PLATFORMS_COLUMN};

id_enum! {
    /// Which of the widget's pages is shown.
    #[derive(Default)]
    pub enum Page {
        /// "Which messenger fits me": needs in, every messenger ranked. The standalone page's
        /// default.
        #[default]
        Choose = "choose",
        /// The feature matrix; the default when embedded.
        Matrix = "matrix",
        /// "How messengers connect": the network architectures.
        Networks = "networks",
        /// Two or three messengers side by side.
        Compare = "compare",
    }
}

impl Page {
    /// The page a link without `view=` opens: the chooser on the standalone page, the matrix
    /// when embedded (a host page that wants the chooser asks for `view=choose`).
    pub fn default_for(embed: bool) -> Page {
        if embed {
            Page::Matrix
        } else {
            Page::Choose
        }
    }
}

/// A value cell: a messenger and a criterion, by their indices in the dataset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CellAt {
    pub messenger: usize,
    pub criterion: usize,
}

id_enum! {
    /// The colour theme.
    #[derive(Default)]
    pub enum Theme {
        /// Follow `prefers-color-scheme`.
        #[default]
        Auto = "auto",
        Light = "light",
        Dark = "dark",
    }
}

/// At most this many messengers are compared side by side.
pub const MAX_COMPARED: usize = 3;

/// Everything a shared link restores.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewState {
    pub page: Page,
    /// The chooser's selected needs (`needs=`), in chooser order, each once.
    pub needs: Vec<NeedIndex>,
    pub sort: Option<Sort>,
    pub filter: Filter,
    /// The value cell whose note is open: (messenger, criterion) indices.
    pub open_cell: Option<CellAt>,
    /// The messenger whose detail is open.
    pub detail: Option<usize>,
    /// Messengers chosen for comparison, in the order chosen; at most [`MAX_COMPARED`].
    pub compare: Vec<usize>,
    /// Only these rows (`show=`), sorted; `None` shows all.
    pub rows: Option<Vec<usize>>,
    /// Only these criteria (`cols=`), sorted; `None` shows all.
    pub cols: Option<Vec<usize>>,
    pub locale: Locale,
    pub theme: Theme,
    /// Embedded in another page: no page chrome, compact, reports its height.
    pub embed: bool,
    /// A transparent background, for embedding.
    pub transparent: bool,
    /// What a host page set to make an embed look at home (accent, density, font, hidden
    /// parts).
    pub options: HostOptions,
}

impl ViewState {
    /// The matrix on only these criteria (every criterion when empty), with every messenger
    /// in view: the evidence behind a chooser answer. The rest of the view stays.
    pub fn evidence(&self, criteria: &[usize]) -> ViewState {
        let mut cols = criteria.to_vec();
        cols.sort_unstable();
        cols.dedup();
        ViewState {
            page: Page::Matrix,
            cols: (!cols.is_empty()).then_some(cols),
            filter: Filter::default(),
            rows: None,
            ..self.clone()
        }
    }
}

/// The result of reading a query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    pub state: ViewState,
    /// The language the link asked for, if it named a supported one.
    pub lang: Option<Locale>,
    /// Each parameter that was ignored, as `name=value` (shortened), in the order met.
    pub ignored: Vec<String>,
}

/// Decodes one `application/x-www-form-urlencoded` component: `+` is a space, `%XX` a byte;
/// a malformed escape stays as written, and invalid UTF-8 becomes U+FFFD.
pub fn decode(component: &str) -> String {
    let bytes = component.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok());
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) if hex.is_some_and(|h| h.bytes().all(|b| b.is_ascii_hexdigit())) => {
                        out.push(byte);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Encodes a value for a query string, leaving ids and lists of ids readable.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b',' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn column_id(data: &Dataset, column: Column) -> Option<String> {
    Some(match column {
        Column::Name => "name".to_owned(),
        Column::Network => "network".to_owned(),
        Column::Platforms => PLATFORMS_COLUMN.to_owned(),
        Column::Folded(_) => return None,
        Column::Met(group) => format!("{}-met", group.id()),
        Column::Criterion(i) => data.criteria.get(i)?.id.to_string(),
    })
}

fn column_from_id(data: &Dataset, id: &str) -> Option<Column> {
    match id {
        "name" => Some(Column::Name),
        "network" => Some(Column::Network),
        PLATFORMS_COLUMN => Some(Column::Platforms),
        "minimum-met" => Some(Column::Met(Group::Minimum)),
        "best-case-met" => Some(Column::Met(Group::BestCase)),
        _ => data
            .criteria
            .iter()
            .position(|c| c.id == id)
            .map(Column::Criterion),
    }
}

fn messenger_ix(data: &Dataset, id: &str) -> Option<usize> {
    data.messengers.iter().position(|m| m.id == id)
}

fn criterion_ix(data: &Dataset, id: &str) -> Option<usize> {
    data.criteria.iter().position(|c| c.id == id)
}

/// A comma-separated list of ids, each known, none repeated, not empty.
fn id_list(value: &str, find: impl Fn(&str) -> Option<usize>) -> Option<Vec<usize>> {
    let mut out = Vec::new();
    for id in value.split(',') {
        let ix = find(id)?;
        if out.contains(&ix) {
            return None;
        }
        out.push(ix);
    }
    (!out.is_empty()).then_some(out)
}

fn sorted(mut v: Vec<usize>) -> Vec<usize> {
    v.sort_unstable();
    v
}

const SHOWN_MAX: usize = 40;

fn shown(name: &str, value: &str) -> String {
    let text = format!("{name}={value}");
    if text.chars().count() <= SHOWN_MAX {
        text
    } else {
        let cut: String = text.chars().take(SHOWN_MAX - 1).collect();
        format!("{cut}…")
    }
}

/// Reads a query string (with or without its leading `?`) against the dataset. Unknown
/// names, malformed values and repeats are ignored and listed; everything else applies.
pub fn parse(query: &str, data: &Dataset) -> Parsed {
    let mut state = ViewState::default();
    // Resolved after the loop: the default page depends on `embed`, wherever it comes.
    let mut page = None;
    let mut lang = None;
    let mut ignored = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    // Read after the loop: whether an accent is refused depends on the themes `theme=` allows.
    let mut accent = None;
    let query = query.strip_prefix('?').unwrap_or(query);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_name, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let (name, value) = (decode(raw_name), decode(raw_value));
        if seen.contains(&name) {
            ignored.push(shown(&name, &value));
            continue;
        }
        seen.push(name.clone());
        let ok = match name.as_str() {
            "view" => Page::ALL
                .into_iter()
                .find(|p| p.id() == value)
                .map(|p| page = Some(p))
                .is_some(),
            "needs" => {
                for id in value.split(',') {
                    match data.chooser.need_index(id) {
                        Some(need) if !state.needs.contains(&need) => state.needs.push(need),
                        Some(_) => {}
                        None => ignored.push(shown(&name, id)),
                    }
                }
                state.needs.sort_unstable();
                // Each unknown id is named on its own above; the known ones still apply.
                true
            }
            "sort" => {
                let (reversed, id) = match value.strip_prefix('-') {
                    Some(id) => (true, id),
                    None => (false, value.as_str()),
                };
                column_from_id(data, id)
                    .map(|column| state.sort = Some(Sort { column, reversed }))
                    .is_some()
            }
            "filter" => value
                .split(',')
                .map(Need::from_id)
                .collect::<Option<Vec<Need>>>()
                .filter(|needs| !needs.is_empty())
                .map(|needs| {
                    for need in needs {
                        state.filter = state.filter.toggled(need, true);
                    }
                })
                .is_some(),
            "platform" => Platform::ALL
                .into_iter()
                .find(|p| p.id() == value)
                .map(|p| state.filter.platform = Some(p))
                .is_some(),
            "network" => NetworkId::from_id(&value)
                .map(|n| state.filter.network = Some(n))
                .is_some(),
            "compare" => id_list(&value, |id| messenger_ix(data, id))
                .filter(|list| list.len() <= MAX_COMPARED)
                .map(|list| state.compare = list)
                .is_some(),
            "show" => id_list(&value, |id| messenger_ix(data, id))
                .map(|l| state.rows = Some(sorted(l)))
                .is_some(),
            "cols" => id_list(&value, |id| criterion_ix(data, id))
                .map(|l| state.cols = Some(sorted(l)))
                .is_some(),
            "detail" => messenger_ix(data, &value)
                .map(|m| state.detail = Some(m))
                .is_some(),
            "note" => value
                .split_once('.')
                .and_then(|(m, c)| {
                    Some(CellAt {
                        messenger: messenger_ix(data, m)?,
                        criterion: criterion_ix(data, c)?,
                    })
                })
                .map(|cell| state.open_cell = Some(cell))
                .is_some(),
            "lang" => Locale::from_tag(&value).map(|l| lang = Some(l)).is_some(),
            "theme" => Theme::from_id(&value).map(|t| state.theme = t).is_some(),
            "embed" => match value.as_str() {
                "1" => {
                    state.embed = true;
                    true
                }
                "0" => true,
                _ => false,
            },
            "bg" => (value == "transparent")
                .then(|| state.transparent = true)
                .is_some(),
            "accent" => {
                accent = Some(value.clone());
                true
            }
            "density" => Density::from_id(&value)
                .map(|d| state.options.density = d)
                .is_some(),
            "font" => Font::from_id(&value)
                .map(|f| state.options.font = f)
                .is_some(),
            "hide" => {
                for id in value.split(',') {
                    match Part::from_id(id) {
                        Some(part) => state.options.set_hidden(part, true),
                        None => ignored.push(shown(&name, id)),
                    }
                }
                // Each unknown part is named on its own above; the known ones still apply.
                true
            }
            _ => false,
        };
        if !ok {
            ignored.push(shown(&name, &value));
        }
    }
    if let Some(value) = accent {
        let (read, problem) = Accent::read(&value, state.theme);
        state.options.accent = read;
        match problem {
            None => {}
            Some(AccentProblem::Malformed) => ignored.push(shown("accent", &value)),
            Some(AccentProblem::LowContrast { light, dark }) => {
                // Named with the theme it was refused for, in the link's own words.
                let themes: Vec<&str> = [(light, "theme=light"), (dark, "theme=dark")]
                    .into_iter()
                    .filter_map(|(refused, name)| refused.then_some(name))
                    .collect();
                ignored.push(format!(
                    "{} ({})",
                    shown("accent", &value),
                    themes.join(", ")
                ));
            }
        }
    }
    if let Some(locale) = lang {
        state.locale = locale;
    }
    state.page = page.unwrap_or(Page::default_for(state.embed));
    Parsed {
        state,
        lang,
        ignored,
    }
}

/// The view's parameters, defaults left out, in a fixed order. `lang` is always included so
/// that a shared link opens in the language it was shared in.
pub fn pairs(state: &ViewState, data: &Dataset) -> Vec<(&'static str, String)> {
    let ids = |list: &[usize], name: &dyn Fn(usize) -> Option<String>| {
        list.iter()
            .filter_map(|&i| name(i))
            .collect::<Vec<_>>()
            .join(",")
    };
    let messenger = |i: usize| data.messengers.get(i).map(|m| m.id.to_string());
    let criterion = |i: usize| data.criteria.get(i).map(|c| c.id.to_string());
    let mut out = Vec::new();
    if state.page != Page::default_for(state.embed) {
        out.push(("view", state.page.id().to_owned()));
    }
    if !state.needs.is_empty() {
        let need = |n: &NeedIndex| data.chooser.need(*n).map(|n| &*n.id);
        let ids: Vec<&str> = state.needs.iter().filter_map(need).collect();
        out.push(("needs", ids.join(",")));
    }
    if let Some(sort) = state.sort {
        if let Some(id) = column_id(data, sort.column) {
            out.push(("sort", if sort.reversed { format!("-{id}") } else { id }));
        }
    }
    if !state.filter.needs.is_empty() {
        out.push((
            "filter",
            state
                .filter
                .needs
                .iter()
                .map(|n| n.id())
                .collect::<Vec<_>>()
                .join(","),
        ));
    }
    if let Some(p) = state.filter.platform {
        out.push(("platform", p.id().to_owned()));
    }
    if let Some(n) = state.filter.network {
        out.push(("network", n.id().to_owned()));
    }
    if !state.compare.is_empty() {
        out.push(("compare", ids(&state.compare, &messenger)));
    }
    if let Some(rows) = &state.rows {
        out.push(("show", ids(rows, &messenger)));
    }
    if let Some(cols) = &state.cols {
        out.push(("cols", ids(cols, &criterion)));
    }
    if let Some(m) = state.detail.and_then(messenger) {
        out.push(("detail", m));
    }
    if let Some(cell) = state.open_cell {
        if let (Some(m), Some(c)) = (messenger(cell.messenger), criterion(cell.criterion)) {
            out.push(("note", format!("{m}.{c}")));
        }
    }
    out.push(("lang", state.locale.tag().to_owned()));
    if state.theme != Theme::Auto {
        out.push(("theme", state.theme.id().to_owned()));
    }
    if state.embed {
        out.push(("embed", "1".to_owned()));
    }
    if state.transparent {
        out.push(("bg", "transparent".to_owned()));
    }
    let options = &state.options;
    if let Some(accent) = options.accent.write() {
        out.push(("accent", accent));
    }
    if options.density != Density::default() {
        out.push(("density", options.density.id().to_owned()));
    }
    if options.font != Font::default() {
        out.push(("font", options.font.id().to_owned()));
    }
    if !options.hide.is_empty() {
        let ids: Vec<&str> = options.hide.iter().map(|p| p.id()).collect();
        out.push(("hide", ids.join(",")));
    }
    out
}

/// The query string for a view, with its leading `?`.
pub fn write(state: &ViewState, data: &Dataset) -> String {
    let query: Vec<String> = pairs(state, data)
        .into_iter()
        .map(|(name, value)| format!("{name}={}", encode(&value)))
        .collect();
    format!("?{}", query.join("&"))
}

fn escape_attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The HTML a site owner pastes to embed this view: a placeholder `<div>` whose `data-*`
/// attributes carry the view, and the host script from `script_url`.
pub fn embed_snippet(state: &ViewState, data: &Dataset, script_url: &str) -> String {
    // The iframe always gets `embed=1`, so `view` is written against the embedded default.
    let embedded = ViewState {
        embed: true,
        ..state.clone()
    };
    let attrs: String = pairs(&embedded, data)
        .into_iter()
        .filter(|(name, _)| *name != "embed")
        .map(|(name, value)| format!(" data-{name}=\"{}\"", escape_attr(&value)))
        .collect();
    format!(
        "<div data-messenger-compare{attrs}></div>\n<script src=\"{}\" defer></script>",
        escape_attr(script_url)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn data() -> &'static Dataset {
        static DATA: OnceLock<Dataset> = OnceLock::new();
        DATA.get_or_init(|| Dataset::embedded().unwrap())
    }

    #[test]
    fn an_empty_query_is_the_default_view() {
        let parsed = parse("", data());
        assert_eq!(parsed.state, ViewState::default());
        assert_eq!(parsed.lang, None);
        assert!(parsed.ignored.is_empty());
        assert_eq!(write(&ViewState::default(), data()), "?lang=en");
    }

    #[test]
    fn a_full_link_restores_every_part() {
        let q =
            "?view=compare&sort=-forward-secrecy&filter=tor,no-phone&platform=android&network=p2p\
                 &compare=briar,signal&show=signal,briar&cols=tor,forward-secrecy&detail=briar\
                 &note=element.forward-secrecy&lang=nl&theme=dark&embed=1&bg=transparent";
        let parsed = parse(q, data());
        assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
        let s = &parsed.state;
        assert_eq!(s.page, Page::Compare);
        let fs = data()
            .criteria
            .iter()
            .position(|c| c.id == "forward-secrecy")
            .unwrap();
        assert_eq!(
            s.sort,
            Some(Sort {
                column: Column::Criterion(fs),
                reversed: true
            })
        );
        assert_eq!(s.filter.needs, [Need::NoPhone, Need::Tor]);
        assert_eq!(s.filter.platform, Some(Platform::Android));
        assert_eq!(s.filter.network, Some(NetworkId::P2p));
        let row = |id: &str| data().messengers.iter().position(|m| m.id == id).unwrap();
        let (signal, briar) = (row("signal"), row("briar"));
        assert_eq!(s.compare, [briar, signal]);
        assert_eq!(s.rows, Some(vec![signal, briar]));
        assert_eq!(s.detail, Some(briar));
        assert_eq!(
            s.open_cell,
            Some(CellAt {
                messenger: row("element"),
                criterion: fs
            })
        );
        assert_eq!(s.locale.tag(), "nl");
        assert_eq!((s.theme, s.embed, s.transparent), (Theme::Dark, true, true));
        assert_eq!(parse(&write(s, data()), data()).state, *s);
    }

    #[test]
    fn malformed_parts_are_ignored_and_named() {
        let parsed = parse("sort=bogus&lang=xx&view=matrix&view=networks&compare=signal,signal&cols=&%zz=1&embed=yes&note=signal", data());
        assert_eq!(parsed.state.page, Page::Matrix);
        assert_eq!(parsed.state.sort, None);
        assert_eq!(parsed.lang, None);
        assert_eq!(
            parsed.ignored,
            [
                "sort=bogus",
                "lang=xx",
                "view=networks",
                "compare=signal,signal",
                "cols=",
                "%zz=1",
                "embed=yes",
                "note=signal"
            ]
        );
    }

    #[test]
    fn too_many_compared_messengers_are_refused() {
        let parsed = parse("compare=signal,briar,element,session", data());
        assert!(parsed.state.compare.is_empty());
        assert_eq!(parsed.ignored.len(), 1);
    }

    #[test]
    fn long_ignored_values_are_shortened() {
        let parsed = parse(&format!("x={}", "a".repeat(500)), data());
        assert_eq!(parsed.ignored[0].chars().count(), SHOWN_MAX);
        assert!(parsed.ignored[0].ends_with('…'));
    }

    #[test]
    fn decoding_is_lenient() {
        assert_eq!(decode("a+b%20c"), "a b c");
        assert_eq!(decode("%E2%9C%93"), "✓");
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%+1"), "% 1");
        assert_eq!(decode("%ff"), "\u{FFFD}");
        assert_eq!(encode("zh-Hant"), "zh-Hant");
        assert_eq!(encode("a b&c"), "a%20b%26c");
    }

    #[test]
    fn the_snippet_carries_the_view() {
        let parsed = parse("show=signal,briar&lang=nl&embed=1", data());
        let snippet = embed_snippet(&parsed.state, data(), "https://example.org/mc/embed.js");
        assert_eq!(
            snippet,
            "<div data-messenger-compare data-show=\"signal,briar\" data-lang=\"nl\"></div>\n\
             <script src=\"https://example.org/mc/embed.js\" defer></script>"
        );
        assert!(embed_snippet(&parsed.state, data(), "x\"><script>")
            .contains("x&quot;&gt;&lt;script&gt;"));
    }

    fn need(id: &str) -> NeedIndex {
        data().chooser.need_index(id).unwrap()
    }

    #[test]
    fn needs_are_read_in_chooser_order_and_unknown_ones_named() {
        let parsed = parse(
            "view=choose&needs=strongest,bogus,no-phone,strongest,x",
            data(),
        );
        assert_eq!(parsed.state.page, Page::Choose);
        assert_eq!(parsed.state.needs, [need("no-phone"), need("strongest")]);
        assert_eq!(parsed.ignored, ["needs=bogus", "needs=x"]);
        assert_eq!(
            write(&parsed.state, data()),
            "?needs=no-phone,strongest&lang=en"
        );
        let empty = parse("needs=", data());
        assert!(empty.state.needs.is_empty());
        assert_eq!(empty.ignored, ["needs="]);
    }

    #[test]
    fn the_default_page_is_the_chooser_unless_embedded() {
        assert_eq!(parse("", data()).state.page, Page::Choose);
        assert_eq!(parse("embed=1", data()).state.page, Page::Matrix);
        assert_eq!(parse("embed=0", data()).state.page, Page::Choose);
        // `view` may come before or after `embed`.
        assert_eq!(
            parse("view=choose&embed=1", data()).state.page,
            Page::Choose
        );
        assert_eq!(
            parse("embed=1&view=choose", data()).state.page,
            Page::Choose
        );
        let view = |page, embed| {
            write(
                &ViewState {
                    page,
                    embed,
                    ..ViewState::default()
                },
                data(),
            )
        };
        assert_eq!(view(Page::Choose, false), "?lang=en");
        assert_eq!(view(Page::Matrix, false), "?view=matrix&lang=en");
        assert_eq!(view(Page::Matrix, true), "?lang=en&embed=1");
        assert_eq!(view(Page::Choose, true), "?view=choose&lang=en&embed=1");
    }

    #[test]
    fn the_snippet_names_the_view_as_the_iframe_reads_it() {
        let snippet = |query: &str| {
            embed_snippet(&parse(query, data()).state, data(), "embed.js")
                .lines()
                .next()
                .unwrap()
                .to_owned()
        };
        assert_eq!(
            snippet("needs=offline"),
            "<div data-messenger-compare data-view=\"choose\" data-needs=\"offline\" data-lang=\"en\"></div>"
        );
        assert_eq!(
            snippet("view=matrix"),
            "<div data-messenger-compare data-lang=\"en\"></div>"
        );
    }

    #[test]
    fn host_options_are_read_and_written() {
        use crate::model::host_options::Rgb;
        let parsed = parse(
            "embed=1&accent=%230b7a4b%2C%236fdca6&density=compact&font=serif&hide=glossary,lang",
            data(),
        );
        assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
        let options = &parsed.state.options;
        assert_eq!(options.accent.light, Some(Rgb(0x0b, 0x7a, 0x4b)));
        assert_eq!(options.accent.dark, Some(Rgb(0x6f, 0xdc, 0xa6)));
        assert_eq!(options.density, Density::Compact);
        assert_eq!(options.font, Font::Serif);
        assert_eq!(options.hide, [Part::Lang, Part::Glossary]);
        assert_eq!(
            write(&parsed.state, data()),
            "?lang=en&embed=1&accent=%230b7a4b,%236fdca6&density=compact&font=serif&hide=lang,glossary"
        );
        // Every good value of each.
        for font in Font::ALL {
            let parsed = parse(&format!("font={}", font.id()), data());
            assert_eq!((parsed.state.options.font, parsed.ignored.len()), (font, 0));
        }
        for density in Density::ALL {
            let parsed = parse(&format!("density={}", density.id()), data());
            assert_eq!(
                (parsed.state.options.density, parsed.ignored.len()),
                (density, 0)
            );
        }
        for part in Part::ALL {
            let parsed = parse(&format!("hide={}", part.id()), data());
            assert_eq!(
                (parsed.state.options.hide.clone(), parsed.ignored.len()),
                (vec![part], 0)
            );
        }
        let all = parse("hide=tabs,theme,lang,glossary,lang", data());
        assert_eq!(
            (all.state.options.hide.as_slice(), all.ignored.len()),
            (Part::ALL.as_slice(), 0)
        );
        // The unencoded `#` a person might type is the same colour.
        let typed = parse("accent=#0a56c2&theme=light", data());
        assert_eq!(
            typed.state.options.accent.light,
            Some(Rgb(0x0a, 0x56, 0xc2))
        );
    }

    #[test]
    fn bad_host_options_are_ignored_and_named() {
        let parsed = parse(
            "accent=red&density=tight&font=Comic+Sans&hide=lang,footer,&font=mono",
            data(),
        );
        assert_eq!(
            parsed.state.options.hide,
            [Part::Lang],
            "the known part applies"
        );
        assert_eq!(
            HostOptions {
                hide: Vec::new(),
                ..parsed.state.options
            },
            HostOptions::default()
        );
        assert_eq!(
            parsed.ignored,
            [
                "density=tight",
                "font=Comic Sans",
                "hide=footer",
                "hide=",
                "font=mono",
                "accent=red"
            ]
        );
        for bad in [
            "accent=",
            "accent=0b7a4b",
            "accent=%23zzz",
            "accent=%230b7a4b%3Bbackground%3Ared",
            "accent=rgb(0%2C0%2C0)",
            "accent=%23fff%2C%23000%2C%23fff",
            "density=",
            "density=Compact",
            "font=",
            "font=serif%2Cmono",
            "font=%22Inter%22",
        ] {
            let parsed = parse(bad, data());
            assert_eq!(parsed.state.options, HostOptions::default(), "{bad}");
            assert_eq!(parsed.ignored.len(), 1, "{bad}: {:?}", parsed.ignored);
        }
    }

    #[test]
    fn an_accent_short_of_contrast_is_named_for_its_theme() {
        // One colour is never refused: where it lacks contrast its nearest that has it is used.
        let one = parse("accent=%230b7a4b", data());
        assert!(one.ignored.is_empty());
        assert!(one.state.options.accent.dark.is_some());
        // A pair's colour is the host's choice for that theme: refused there, and named.
        let parsed = parse("accent=%230b7a4b%2C%230b7a4b", data());
        assert_eq!(parsed.ignored, ["accent=#0b7a4b,#0b7a4b (theme=dark)"]);
        assert!(parsed.state.options.accent.light.is_some());
        assert!(parsed.state.options.accent.dark.is_none());
        // Forced light, dark never shows: nothing to name.
        assert!(parse("theme=light&accent=%230b7a4b%2C%230b7a4b", data())
            .ignored
            .is_empty());
        assert_eq!(
            parse("accent=%23ffd400%2C%23ffd400&theme=light", data()).ignored,
            ["accent=#ffd400,#ffd400 (theme=light)"]
        );
        assert_eq!(
            parse("accent=%23808080%2C%23808080", data()).ignored,
            ["accent=#808080,#808080 (theme=light, theme=dark)"]
        );
    }

    #[test]
    fn the_snippet_carries_the_host_options() {
        let parsed = parse(
            "theme=dark&bg=transparent&accent=%2C%238ab4f8&density=compact&font=mono&hide=tabs",
            data(),
        );
        let snippet = embed_snippet(&parsed.state, data(), "embed.js");
        assert_eq!(
            snippet.lines().next().unwrap(),
            "<div data-messenger-compare data-view=\"choose\" data-lang=\"en\" data-theme=\"dark\" \
             data-bg=\"transparent\" data-accent=\",#8ab4f8\" data-density=\"compact\" data-font=\"mono\" \
             data-hide=\"tabs\"></div>"
        );
    }

    fn subset(len: usize) -> impl Strategy<Value = Option<Vec<usize>>> {
        proptest::option::of(proptest::sample::subsequence(
            (0..len).collect::<Vec<_>>(),
            1..=len,
        ))
    }

    fn arb_state() -> impl Strategy<Value = ViewState> {
        let d = data();
        let (nm, nc) = (d.messengers.len(), d.criteria.len());
        let column = prop_oneof![
            Just(Column::Name),
            Just(Column::Network),
            Just(Column::Platforms),
            Just(Column::Met(Group::Minimum)),
            Just(Column::Met(Group::BestCase)),
            (0..nc).prop_map(Column::Criterion),
        ];
        let sort = proptest::option::of(
            (column, any::<bool>()).prop_map(|(column, reversed)| Sort { column, reversed }),
        );
        let needs = proptest::sample::subsequence(Need::ALL.to_vec(), 0..=Need::ALL.len());
        let filter = (
            needs,
            proptest::option::of(proptest::sample::select(Platform::ALL.to_vec())),
            proptest::option::of(proptest::sample::select(NetworkId::ALL.to_vec())),
        )
            .prop_map(|(needs, platform, network)| Filter {
                needs,
                platform,
                network,
            });
        let compare = proptest::sample::subsequence((0..nm).collect::<Vec<_>>(), 0..=MAX_COMPARED)
            .prop_shuffle();
        let locales: Vec<Locale> = Locale::all().collect();
        let chooser: Vec<NeedIndex> = d.chooser.indices().collect();
        let needs = proptest::sample::subsequence(chooser.clone(), 0..=chooser.len());
        (
            (
                (proptest::sample::select(Page::ALL.to_vec()), needs),
                sort,
                filter,
                proptest::option::of((0..nm, 0..nc).prop_map(|(messenger, criterion)| CellAt {
                    messenger,
                    criterion,
                })),
                proptest::option::of(0..nm),
            ),
            (
                compare,
                subset(nm),
                subset(nc),
                proptest::sample::select(locales),
                proptest::sample::select(Theme::ALL.to_vec()),
                any::<bool>(),
                any::<bool>(),
            ),
            arb_options(),
        )
            .prop_map(
                |(
                    ((page, needs), sort, filter, open_cell, detail),
                    (compare, rows, cols, locale, theme, embed, transparent),
                    options,
                )| ViewState {
                    page,
                    needs,
                    sort,
                    filter,
                    open_cell,
                    detail,
                    compare,
                    rows,
                    cols,
                    locale,
                    theme,
                    embed,
                    transparent,
                    options,
                },
            )
    }

    /// Host options as a view can hold them: an accent only where it fits its theme.
    fn arb_options() -> impl Strategy<Value = HostOptions> {
        use crate::model::host_options::{Rgb, DARK, LIGHT};
        let rgb = || proptest::option::of(any::<(u8, u8, u8)>().prop_map(|(r, g, b)| Rgb(r, g, b)));
        (
            rgb(),
            rgb(),
            proptest::sample::select(Density::ALL.to_vec()),
            proptest::sample::select(Font::ALL.to_vec()),
            proptest::sample::subsequence(Part::ALL.to_vec(), 0..=Part::ALL.len()),
        )
            .prop_map(|(light, dark, density, font, hide)| HostOptions {
                accent: Accent {
                    light: light.filter(|c| LIGHT.fits(*c)),
                    dark: dark.filter(|c| DARK.fits(*c)),
                },
                density,
                font,
                hide,
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn parse_of_write_is_the_same_view(state in arb_state()) {
            let query = write(&state, data());
            let parsed = parse(&query, data());
            prop_assert!(parsed.ignored.is_empty(), "{query}: {:?}", parsed.ignored);
            prop_assert_eq!(parsed.state, state);
        }

        #[test]
        fn parse_never_panics_on_any_string(query in ".*") {
            let parsed = parse(&query, data());
            prop_assert!(parsed.state.compare.len() <= MAX_COMPARED);
        }

        #[test]
        fn parse_never_panics_on_query_like_strings(query in "[?&=%+,.a-z0-9-]{0,80}") {
            let parsed = parse(&query, data());
            // Whatever was read writes back to a query that reads the same.
            prop_assert_eq!(parse(&write(&parsed.state, data()), data()).state, parsed.state);
        }
    }
}
