//! Exports: the current view as CSV (in the reader's language) and the whole dataset as one
//! versioned JSON document, both built from what the page already holds, with no request.

use crate::model::dataset::{
    Dataset, Group, CRITERIA_FILE, EDITIONS_FILE, MESSENGERS_FILE, NETWORKS_FILE,
};
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

/// The whole dataset as one JSON document: the four data files as they are, under a version.
/// Built by joining the embedded files, so the browser needs no JSON writer for it.
pub fn dataset_json() -> String {
    format!(
        "{{\"$schema\":\"messenger-compare.v{DATASET_VERSION}.schema.json\",\"version\":{DATASET_VERSION},\"criteria\":{},\"networks\":{},\"editions\":{},\"messengers\":{}}}\n",
        CRITERIA_FILE.text.trim(),
        NETWORKS_FILE.text.trim(),
        EDITIONS_FILE.text.trim(),
        MESSENGERS_FILE.text.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::{NetworkId, Platform, Status, Value};
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
    fn dataset_json_is_one_valid_versioned_document() {
        let doc: serde_json::Value = serde_json::from_str(&dataset_json()).unwrap();
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
