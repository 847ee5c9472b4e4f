//! Points the dataset's `include_str!` at `data/`, or at `MC_DATA_DIR` when set: the
//! benchmark and the large-list tests build bundles of synthetic datasets that way, and
//! nothing else does. The embedded English texts come from `MC_DATA_DIR/locales/en.json` where
//! such a dataset brings its own (texts for its synthetic items), else from `data/locales/`.
//!
//! Writes the English texts that the browser build embeds (`$OUT_DIR/en-core.json`): all but
//! the long texts (notes, profiles, architectures: `src/model/long_text.rs`, which it includes),
//! which the app reads from the bundle's English file when one is first shown.
//!
//! Also writes the dataset in a compact binary form (`$OUT_DIR/dataset.bin`), which the
//! browser build reads (`model::dataset_bin`) instead of parsing JSON at start: no JSON reader
//! in the wasm, and texts taken in place from the embedded bytes. Its layout is the order in
//! which the functions below write each type's fields: varint lengths and counts, texts and
//! ids as length and UTF-8, one byte for a bool or an option's presence. Natively the app
//! parses the JSON (`Dataset::parse`, with its errors), and a test holds the two equal. A file
//! this cannot read fails the build, naming the file, the messenger and the field.

use serde_json::{Map, Value};

// The app's own rule for which English texts it reads on demand (see that file).
#[path = "src/model/long_text.rs"]
mod long_text;

fn main() {
    println!("cargo:rerun-if-env-changed=MC_DATA_DIR");
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let dir = std::env::var("MC_DATA_DIR").unwrap_or_else(|_| format!("{root}/data"));
    println!("cargo:rustc-env=MC_DATA_DIR={dir}");
    let own = format!("{dir}/locales/en.json");
    let english = if std::path::Path::new(&own).is_file() {
        own
    } else {
        format!("{root}/data/locales/en.json")
    };
    // The whole folder: a synthetic dataset's locales/en.json may appear after a first build.
    println!("cargo:rerun-if-changed={dir}");
    println!("cargo:rerun-if-changed={english}");
    println!("cargo:rerun-if-changed=src/model/long_text.rs");
    println!("cargo:rustc-env=MC_ENGLISH={english}");
    english_core(&english);

    let mut out = Vec::new();
    if let Err(message) = dataset(&dir, &mut out) {
        // Natively the check (`cargo run`) and the tests report it from the JSON parse; the
        // browser build cannot go on without the data.
        if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
            panic!("{message}");
        }
        println!("cargo:warning={message}");
    }
    let path = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR") + "/dataset.bin";
    std::fs::write(path, out).expect("OUT_DIR is writable");
}

/// `en-core.json`: the English file without its long texts (sorted by key). A file that is
/// not a JSON object is copied as it is, so that the app's own reading reports it by name.
fn english_core(english: &str) {
    let text = std::fs::read_to_string(english).unwrap_or_default();
    let core = match serde_json::from_str::<Map<String, Value>>(&text) {
        Ok(all) => {
            let core: Map<String, Value> = all
                .into_iter()
                .filter(|(key, _)| !long_text::is_deferred(key))
                .collect();
            serde_json::to_string_pretty(&core).expect("a map of JSON values serialises")
        }
        Err(_) => text,
    };
    let path = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR") + "/en-core.json";
    std::fs::write(path, core).expect("OUT_DIR is writable");
}

/// Where in the data a value is, for errors: the file, the messenger, the field.
#[derive(Clone)]
struct At {
    file: &'static str,
    messenger: Option<String>,
    field: String,
}

impl At {
    fn field(&self, name: &str) -> At {
        let field = if self.field.is_empty() {
            name.to_owned()
        } else {
            format!("{}.{name}", self.field)
        };
        At {
            field,
            ..self.clone()
        }
    }

    fn fail(&self, message: &str) -> String {
        let messenger = self
            .messenger
            .as_ref()
            .map(|m| format!("messenger `{m}`: "))
            .unwrap_or_default();
        format!(
            "{}: {messenger}field `{}`: {message}",
            self.file, self.field
        )
    }
}

type Out = Result<(), String>;
type Bytes = Vec<u8>;

/// A count or length, 7 bits a byte, low bits first (LEB128).
fn varint(mut n: u64, out: &mut Bytes) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn raw_text(s: &str, out: &mut Bytes) {
    varint(s.len() as u64, out);
    out.extend_from_slice(s.as_bytes());
}

/// A writer of one kind of value: checks it and appends its bytes.
type Write = fn(&Value, &At, &mut Bytes) -> Out;

/// An object's fields, each taken once and written in the order taken; any left over is an
/// error, as the native parse's `deny_unknown_fields` makes it.
struct Fields<'a> {
    map: &'a Map<String, Value>,
    at: At,
    taken: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Value, at: &At) -> Result<Fields<'a>, String> {
        match value {
            Value::Object(map) => Ok(Fields {
                map,
                at: at.clone(),
                taken: Vec::new(),
            }),
            _ => Err(at.fail("expected an object")),
        }
    }

    fn get(&mut self, name: &'static str) -> (Option<&'a Value>, At) {
        self.taken.push(name);
        (self.map.get(name), self.at.field(name))
    }

    /// A required field.
    fn req(&mut self, name: &'static str, write: Write, out: &mut Bytes) -> Out {
        match self.get(name) {
            (Some(v), at) => write(v, &at, out),
            (None, at) => Err(at.fail("missing")),
        }
    }

    /// A field that may be absent (or null): a 0 byte, or a 1 and the value.
    fn opt(&mut self, name: &'static str, write: Write, out: &mut Bytes) -> Out {
        match self.get(name) {
            (None | Some(Value::Null), _) => {
                out.push(0);
                Ok(())
            }
            (Some(v), at) => {
                out.push(1);
                write(v, &at, out)
            }
        }
    }

    /// A field that takes `default` when absent.
    fn or(&mut self, name: &'static str, default: &Value, write: Write, out: &mut Bytes) -> Out {
        match self.get(name) {
            (None, at) => write(default, &at, out),
            (Some(v), at) => write(v, &at, out),
        }
    }

    /// Fails if the object has a field that was not taken.
    fn done(self) -> Out {
        match self.map.keys().find(|k| !self.taken.contains(&k.as_str())) {
            Some(extra) => Err(self
                .at
                .field(extra)
                .fail("not a field of the dataset's format")),
            None => Ok(()),
        }
    }
}

fn text(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let s = v.as_str().ok_or_else(|| at.fail("expected a string"))?;
    raw_text(s, out);
    Ok(())
}

/// An id of one of the dataset's enums, written as its text: the reader looks it up, and
/// names the place if the enum has no such id.
fn id(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let s = v.as_str().ok_or_else(|| at.fail("expected an id"))?;
    raw_text(s, out);
    Ok(())
}

fn boolean(v: &Value, at: &At, out: &mut Bytes) -> Out {
    out.push(u8::from(
        v.as_bool()
            .ok_or_else(|| at.fail("expected true or false"))?,
    ));
    Ok(())
}

fn number(v: &Value, at: &At, out: &mut Bytes) -> Out {
    varint(
        v.as_u64()
            .ok_or_else(|| at.fail("expected a whole number"))?,
        out,
    );
    Ok(())
}

/// A list: its length, then each item as `write` writes it.
fn list_of(v: &Value, at: &At, out: &mut Bytes, write: Write) -> Out {
    let items = v.as_array().ok_or_else(|| at.fail("expected a list"))?;
    varint(items.len() as u64, out);
    for (i, item) in items.iter().enumerate() {
        write(item, &at.field(&i.to_string()), out)?;
    }
    Ok(())
}

/// `list!(write)`: a [`Write`] for a list of what `write` writes.
macro_rules! list {
    ($write:expr) => {{
        fn list(v: &Value, at: &At, out: &mut Bytes) -> Out {
            list_of(v, at, out, $write)
        }
        list as Write
    }};
}

fn read(dir: &str, name: &str, file: &'static str) -> Result<(Value, At), String> {
    let at = At {
        file,
        messenger: None,
        field: String::new(),
    };
    let text = std::fs::read_to_string(format!("{dir}/{name}"))
        .map_err(|e| format!("{file}: cannot read it: {e}"))?;
    let value = serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    Ok((value, at))
}

/// The whole dataset, in `Dataset`'s field order.
fn dataset(dir: &str, out: &mut Bytes) -> Out {
    let (criteria, at) = read(dir, "criteria.json", "data/criteria.json")?;
    let mut f = Fields::of(&criteria, &at)?;
    f.req("edition", text, out)?;
    f.req("groups", list!(id), out)?;
    f.req("everyday", list!(text), out)?;
    f.req("filters", list!(filter_rule), out)?;
    f.req("criteria", list!(criterion), out)?;
    f.done()?;

    let (networks, at) = read(dir, "networks.json", "data/networks.json")?;
    let mut f = Fields::of(&networks, &at)?;
    f.req("networks", list!(network), out)?;
    f.done()?;

    let (editions, at) = read(dir, "editions.json", "data/editions.json")?;
    let mut f = Fields::of(&editions, &at)?;
    f.req("editions", list!(edition), out)?;
    f.req("social_networks_page", social_networks_page, out)?;
    f.done()?;

    let (messengers, at) = read(dir, "messengers.json", "data/messengers.json")?;
    let mut f = Fields::of(&messengers, &at)?;
    f.req("messengers", list!(messenger), out)?;
    f.done()?;

    let (chooser, at) = read(dir, "chooser.json", "data/chooser.json")?;
    let mut f = Fields::of(&chooser, &at)?;
    f.req("needs", list!(need), out)?;
    f.req("presets", list!(preset), out)?;
    f.done()
}

fn filter_rule(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("need", id, out)?;
    f.req("criterion", text, out)?;
    f.req("values", list!(id), out)?;
    f.done()
}

fn criterion(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("id", text, out)?;
    f.req("group", id, out)?;
    f.req("best", id, out)?;
    f.or("definition", &Value::Bool(false), boolean, out)?;
    f.done()
}

fn network(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("id", id, out)?;
    f.req("guide", boolean, out)?;
    f.req("advantages", number, out)?;
    f.req("disadvantages", number, out)?;
    f.done()
}

fn edition(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("id", text, out)?;
    f.req("date", text, out)?;
    f.req("commit", text, out)?;
    f.req("source", text, out)?;
    for name in [
        "minimum",
        "best_case",
        "recommended",
        "alternative_clients",
        "additional",
        "social_networks",
    ] {
        f.req(name, list!(text), out)?;
    }
    f.done()
}

fn social_networks_page(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("date", text, out)?;
    f.req("commit", text, out)?;
    f.req("source", text, out)?;
    f.req("recommended", list!(text), out)?;
    f.done()
}

fn messenger(v: &Value, at: &At, out: &mut Bytes) -> Out {
    // Within a messenger, fields are named from it, as the native parse names them.
    let at = At {
        file: at.file,
        messenger: Some(
            v.get("id")
                .and_then(Value::as_str)
                .unwrap_or("(no id)")
                .to_owned(),
        ),
        field: String::new(),
    };
    let mut f = Fields::of(v, &at)?;
    f.req("id", text, out)?;
    f.req("name", text, out)?;
    f.req("maker", text, out)?;
    f.req("protocol", text, out)?;
    f.req("networks", list!(id), out)?;
    f.opt("client_of", text, out)?;
    f.req("links", links, out)?;
    f.or("routes", &Value::Array(Vec::new()), list!(id), out)?;
    f.req("downloads", list!(download), out)?;
    f.req("audits", list!(audit), out)?;
    f.req("caveats", list!(text), out)?;
    f.req("standing", list!(standing), out)?;
    f.req("values", cells, out)?;
    f.done()
}

/// Criterion id → value, in the criterion ids' order (as the native parse reads them).
fn cells(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let map = v
        .as_object()
        .ok_or_else(|| at.fail("missing or not an object"))?;
    varint(map.len() as u64, out);
    let mut ids: Vec<&String> = map.keys().collect();
    ids.sort();
    for criterion in ids {
        raw_text(criterion, out);
        cell(&map[criterion], &at.field(criterion), out)?;
    }
    Ok(())
}

fn cell(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("value", id, out)?;
    f.req("sources", list!(source), out)?;
    f.req("checked", text, out)?;
    f.done()
}

fn source(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("name", text, out)?;
    f.req("url", text, out)?;
    f.req("date", text, out)?;
    f.opt("claims", id, out)?;
    f.done()
}

fn links(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("homepage", text, out)?;
    for name in [
        "privacy_policy",
        "documentation",
        "source_code",
        "donate",
        "specification",
    ] {
        f.opt(name, text, out)?;
    }
    f.done()
}

fn download(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("platform", id, out)?;
    f.req("channel", id, out)?;
    f.req("url", text, out)?;
    f.done()
}

fn audit(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("id", text, out)?;
    f.req("year", number, out)?;
    f.req("auditor", text, out)?;
    f.req("url", text, out)?;
    f.done()
}

fn standing(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("edition", text, out)?;
    f.req("status", id, out)?;
    f.done()
}

fn need(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("id", text, out)?;
    f.req("requires", list!(requirement), out)?;
    f.done()
}

fn requirement(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("criterion", text, out)?;
    f.req("met", list!(text), out)?;
    f.req("partly", list!(text), out)?;
    f.done()
}

fn preset(v: &Value, at: &At, out: &mut Bytes) -> Out {
    let mut f = Fields::of(v, at)?;
    f.req("id", text, out)?;
    f.req("needs", list!(text), out)?;
    f.done()
}
