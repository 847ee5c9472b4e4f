//! Exports: the current view as CSV (in the reader's language) and the whole dataset as one
//! versioned JSON document, both built from what the page already holds, with no request.

use crate::model::dataset::{Dataset, Group, Messenger, Text};
use crate::model::text;

/// The version of the exported dataset's shape; `data/schema/` holds its JSON Schema.
pub const DATASET_VERSION: u32 = 1;

/// The file name the JSON export is offered under (and `dist/data/` holds).
pub const DATASET_FILE_NAME: &str = "messenger-compare.v1.json";

/// Quotes one CSV field when it needs it (RFC 4180), and defuses a leading `=`, `+`, `-` or
/// `@`, which spreadsheets would run as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields.iter().map(|f| field(f)).collect();
    quoted.join(",") + "\r\n"
}

/// The rows and columns in view as CSV: name, standing, minimum and best case met, then one
/// column per criterion with its value word and the date it was checked. `t` looks a text key
/// up in the reader's language.
pub fn view_csv(
    data: &Dataset,
    rows: &[usize],
    criteria: &[usize],
    t: &dyn Fn(&str) -> String,
) -> String {
    let mut header = vec![
        t("ui.column.messenger"),
        t("ui.detail.standing"),
        t(&text::met_label(Group::Minimum)),
        t(&text::met_label(Group::BestCase)),
    ];
    for &c in criteria {
        let label = t(&text::criterion_label(&data.criteria[c].id));
        header.push(label.clone());
        header.push(format!("{label}: {}", t("ui.export.verdict")));
        header.push(format!("{label}: {}", t("ui.note.checked")));
    }
    let mut out = line(&header);
    for &r in rows {
        let m = &data.messengers[r];
        let met = |group| format!("{}/{}", data.met(m, group), data.criteria_in(group).count());
        let mut fields = vec![
            m.name.to_string(),
            text::badge_text(data, m, t),
            met(Group::Minimum),
            met(Group::BestCase),
        ];
        for &c in criteria {
            let criterion = &data.criteria[c];
            match m.cell(&criterion.id) {
                Some(cell) => {
                    fields.push(t(&text::value_word(cell.value)));
                    fields.push(t(&text::verdict_word(criterion.verdict(cell.value))));
                    fields.push(cell.checked.to_string());
                }
                None => fields.extend([String::new(), String::new(), String::new()]),
            }
        }
        out.push_str(&line(&fields));
    }
    out
}

/// The whole dataset as one JSON document: the four data files under a version, written from
/// the dataset the page holds (so the browser embeds no second copy of the files). Each file's
/// fields in its own order; an absent option, a `false` definition and no routes are left out,
/// as the files leave them out, and a link's absence is `null`, as they write it.
pub fn dataset_json(data: &Dataset) -> String {
    let mut j = Json::default();
    j.open('{');
    j.key("$schema")
        .string(&format!("messenger-compare.v{DATASET_VERSION}.schema.json"));
    j.key("version").raw(&DATASET_VERSION.to_string());
    j.key("criteria").open('{');
    j.key("edition").string(&data.criteria_edition);
    j.key("groups")
        .list(data.groups.iter(), |j, g| j.string(g.id()));
    j.key("everyday").strings(&data.everyday);
    j.key("filters").list(data.filters.iter(), |j, f| {
        j.open('{');
        j.key("need").string(f.need.id());
        j.key("criterion").string(&f.criterion);
        j.key("values")
            .list(f.values.iter(), |j, v| j.string(v.id()));
        j.close('}')
    });
    j.key("criteria").list(data.criteria.iter(), |j, c| {
        j.open('{');
        j.key("id").string(&c.id);
        j.key("group").string(c.group.id());
        j.key("best").string(c.best.id());
        if c.definition {
            j.key("definition").raw("true");
        }
        j.close('}')
    });
    j.close('}');
    j.key("networks").open('{');
    j.key("networks").list(data.networks.iter(), |j, n| {
        j.open('{');
        j.key("id").string(n.id.id());
        j.key("advantages").raw(&n.advantages.to_string());
        j.key("disadvantages").raw(&n.disadvantages.to_string());
        j.key("guide").raw(if n.guide { "true" } else { "false" });
        j.close('}')
    });
    j.close('}');
    j.key("editions").open('{');
    j.key("editions").list(data.editions.iter(), |j, e| {
        j.open('{');
        j.key("id").string(&e.id);
        j.key("date").string(&e.date);
        j.key("commit").string(&e.commit);
        j.key("source").string(&e.source);
        j.key("minimum").strings(&e.minimum);
        j.key("best_case").strings(&e.best_case);
        j.key("recommended").strings(&e.recommended);
        j.key("alternative_clients").strings(&e.alternative_clients);
        j.key("additional").strings(&e.additional);
        j.key("social_networks").strings(&e.social_networks);
        j.close('}')
    });
    let page = &data.social_networks_page;
    j.key("social_networks_page").open('{');
    j.key("date").string(&page.date);
    j.key("commit").string(&page.commit);
    j.key("source").string(&page.source);
    j.key("recommended").strings(&page.recommended);
    j.close('}');
    j.close('}');
    j.key("messengers").open('{');
    j.key("messengers")
        .list(data.messengers.iter(), messenger_json);
    j.close('}');
    j.close('}');
    j.out.push('\n');
    j.out
}

fn messenger_json<'j>(j: &'j mut Json, m: &Messenger) -> &'j mut Json {
    j.open('{');
    j.key("id").string(&m.id);
    j.key("name").string(&m.name);
    j.key("maker").string(&m.maker);
    j.key("protocol").string(&m.protocol);
    j.key("networks")
        .list(m.networks.iter(), |j, n| j.string(n.id()));
    if let Some(of) = &m.client_of {
        j.key("client_of").string(of);
    }
    j.key("links").open('{');
    j.key("homepage").string(&m.links.homepage);
    for (key, link) in [
        ("privacy_policy", &m.links.privacy_policy),
        ("documentation", &m.links.documentation),
        ("source_code", &m.links.source_code),
        ("donate", &m.links.donate),
        ("specification", &m.links.specification),
    ] {
        match link {
            Some(url) => j.key(key).string(url),
            None => j.key(key).raw("null"),
        };
    }
    j.close('}');
    if !m.routes.is_empty() {
        j.key("routes")
            .list(m.routes.iter(), |j, r| j.string(r.id()));
    }
    j.key("downloads").list(m.downloads.iter(), |j, d| {
        j.open('{');
        j.key("platform").string(d.platform.id());
        j.key("channel").string(d.channel.id());
        j.key("url").string(&d.url);
        j.close('}')
    });
    j.key("audits").list(m.audits.iter(), |j, a| {
        j.open('{');
        j.key("id").string(&a.id);
        j.key("year").raw(&a.year.to_string());
        j.key("auditor").string(&a.auditor);
        j.key("url").string(&a.url);
        j.close('}')
    });
    j.key("caveats").strings(&m.caveats);
    j.key("standing").list(m.standing.iter(), |j, s| {
        j.open('{');
        j.key("edition").string(&s.edition);
        j.key("status").string(s.status.id());
        j.close('}')
    });
    j.key("values").open('{');
    for (criterion, cell) in &m.values {
        j.key(criterion).open('{');
        j.key("value").string(cell.value.id());
        j.key("sources").list(cell.sources.iter(), |j, s| {
            j.open('{');
            j.key("name").string(&s.name);
            j.key("url").string(&s.url);
            j.key("date").string(&s.date);
            if let Some(claims) = s.claims {
                j.key("claims").string(claims.id());
            }
            j.close('}')
        });
        j.key("checked").string(&cell.checked);
        j.close('}');
    }
    j.close('}');
    j.close('}')
}

/// A compact JSON writer: commas between the members of what is open, strings escaped.
#[derive(Default)]
struct Json {
    out: String,
    /// For each object or list open: whether it has a member yet.
    filled: Vec<bool>,
    /// Whether a key was just written, whose value comes next.
    after_key: bool,
}

impl Json {
    /// Before a value or a key: a comma if it follows another member.
    fn member(&mut self) {
        if std::mem::take(&mut self.after_key) {
            return;
        }
        if let Some(filled) = self.filled.last_mut() {
            if *filled {
                self.out.push(',');
            }
            *filled = true;
        }
    }

    fn key(&mut self, key: &str) -> &mut Json {
        self.member();
        self.quoted(key);
        self.out.push(':');
        self.after_key = true;
        self
    }

    fn open(&mut self, bracket: char) -> &mut Json {
        self.member();
        self.out.push(bracket);
        self.filled.push(false);
        self
    }

    fn close(&mut self, bracket: char) -> &mut Json {
        self.out.push(bracket);
        self.filled.pop();
        self
    }

    fn raw(&mut self, text: &str) -> &mut Json {
        self.member();
        self.out.push_str(text);
        self
    }

    fn string(&mut self, text: &str) -> &mut Json {
        self.member();
        self.quoted(text);
        self
    }

    fn strings(&mut self, texts: &[Text]) -> &mut Json {
        self.list(texts.iter(), |j, t| j.string(t))
    }

    fn list<T>(
        &mut self,
        items: impl Iterator<Item = T>,
        item: impl Fn(&mut Json, T) -> &mut Json,
    ) -> &mut Json {
        self.open('[');
        for x in items {
            item(self, x);
        }
        self.close(']')
    }

    fn quoted(&mut self, text: &str) {
        self.out.push('"');
        for c in text.chars() {
            match c {
                '"' => self.out.push_str("\\\""),
                '\\' => self.out.push_str("\\\\"),
                '\n' => self.out.push_str("\\n"),
                '\r' => self.out.push_str("\\r"),
                '\t' => self.out.push_str("\\t"),
                c if u32::from(c) < 0x20 => {
                    self.out.push_str(&format!("\\u{:04x}", u32::from(c)));
                }
                c => self.out.push(c),
            }
        }
        self.out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{
        DataFile, NetworkId, Platform, Status, Value, CRITERIA_FILE, EDITIONS_FILE,
        MESSENGERS_FILE, NETWORKS_FILE,
    };
    use crate::model::layout::Route;
    use crate::model::locale::{Catalog, ENGLISH_FILE};

    fn english(key: &str) -> String {
        let catalog = Catalog::parse(ENGLISH_FILE.path, ENGLISH_FILE.text).unwrap();
        catalog
            .texts
            .get(key)
            .cloned()
            .unwrap_or_else(|| panic!("{key}"))
    }

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("@cmd"), "'@cmd");
    }

    #[test]
    fn csv_has_the_rows_and_columns_in_view_in_the_given_language() {
        let data = Dataset::embedded().unwrap();
        let signal = data
            .messengers
            .iter()
            .position(|m| m.id == "signal")
            .unwrap();
        let molly = data
            .messengers
            .iter()
            .position(|m| m.id == "molly")
            .unwrap();
        let phone = data
            .criteria
            .iter()
            .position(|c| c.id == "phone-number-required")
            .unwrap();
        let csv = view_csv(&data, &[molly, signal], &[phone], &english);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Messenger,\"Standing in the guide, latest first\",Minimum met,Best case met,Phone number required,Phone number required: good or bad for you,Phone number required: Checked on"
        );
        assert!(
            lines[1].starts_with("Molly,Listed with Signal,"),
            "{}",
            lines[1]
        );
        let checked = &data.messengers[signal]
            .cell("phone-number-required")
            .unwrap()
            .checked;
        assert!(
            lines[2].starts_with("Signal,Recommended,6/6,"),
            "{}",
            lines[2]
        );
        assert!(
            lines[2].ends_with(&format!(",Yes,Bad,{checked}")),
            "{}",
            lines[2]
        );
        assert_eq!(
            lines.len(),
            4,
            "header, two rows, and the empty rest after the last CRLF"
        );
        let dutch = |key: &str| format!("nl:{key}");
        assert!(view_csv(&data, &[signal], &[], &dutch).starts_with("nl:ui.column.messenger,"));
    }

    /// The published schema's word lists, which other sites validate against, must be the
    /// words the dataset types accept.
    #[test]
    fn schema_word_lists_match_the_dataset_types() {
        let schema: serde_json::Value = serde_json::from_str(include_str!(
            "../../data/schema/messenger-compare.v1.schema.json"
        ))
        .unwrap();
        let words = |pointer: &str| -> Vec<String> {
            let mut words: Vec<String> = schema
                .pointer(pointer)
                .and_then(|v| v.as_array())
                .unwrap_or_else(|| panic!("no list at {pointer}"))
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            words.sort();
            words
        };
        let ids = |list: &[&str]| {
            let mut ids: Vec<String> = list.iter().map(|s| s.to_string()).collect();
            ids.sort();
            ids
        };
        assert_eq!(words("/$defs/value/enum"), ids(&Value::ALL.map(Value::id)));
        assert_eq!(words("/$defs/group/enum"), ids(&Group::ALL.map(Group::id)));
        assert_eq!(
            words("/$defs/network/enum"),
            ids(&NetworkId::ALL.map(NetworkId::id))
        );
        assert_eq!(
            words("/$defs/messenger/properties/standing/items/properties/status/enum"),
            ids(&Status::ALL.map(Status::id))
        );
        assert_eq!(
            words("/$defs/messenger/properties/routes/items/enum"),
            ids(&Route::IDS)
        );
        assert_eq!(
            words("/$defs/messenger/properties/downloads/items/properties/platform/enum"),
            ids(&Platform::ALL.map(Platform::id))
        );
        assert_eq!(
            schema["properties"]["$schema"]["const"],
            format!("messenger-compare.v{DATASET_VERSION}.schema.json")
        );
        assert_eq!(schema["properties"]["version"]["const"], DATASET_VERSION);
    }

    #[test]
    fn dataset_json_holds_the_four_files_as_they_are() {
        let data = Dataset::embedded().unwrap();
        let written: serde_json::Value = serde_json::from_str(&dataset_json(&data)).unwrap();
        let file = |file: DataFile| serde_json::from_str::<serde_json::Value>(file.text).unwrap();
        assert_eq!(written["criteria"], file(CRITERIA_FILE));
        assert_eq!(written["networks"], file(NETWORKS_FILE));
        assert_eq!(written["editions"], file(EDITIONS_FILE));
        assert_eq!(written["messengers"], file(MESSENGERS_FILE));
        assert_eq!(written.as_object().unwrap().len(), 6);
    }

    #[test]
    fn dataset_json_escapes_what_json_must() {
        let mut data = Dataset::embedded().unwrap();
        data.messengers[0].maker = "A \"B\" \\ C\nD\u{1}é".into();
        let written: serde_json::Value = serde_json::from_str(&dataset_json(&data)).unwrap();
        assert_eq!(
            written["messengers"]["messengers"][0]["maker"],
            "A \"B\" \\ C\nD\u{1}é"
        );
    }

    #[test]
    fn dataset_json_is_one_valid_versioned_document() {
        let data = Dataset::embedded().unwrap();
        let doc: serde_json::Value = serde_json::from_str(&dataset_json(&data)).unwrap();
        assert_eq!(doc["version"], 1);
        assert_eq!(
            doc["messengers"]["messengers"].as_array().unwrap().len(),
            Dataset::embedded().unwrap().messengers.len()
        );
        assert!(doc["editions"]["editions"].is_array());
        assert!(doc["criteria"]["criteria"].is_array());
        assert!(doc["networks"]["networks"].is_array());
    }
}
