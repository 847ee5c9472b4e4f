//! Reads a locale file: one JSON object whose values are all strings. The browser reads these
//! with this instead of a general JSON library (serde_json is 12 KB of the wasm's gzip); the
//! tests hold it to serde_json's reading of every locale file, and to JSON's grammar.

use std::collections::HashMap;

/// Reads `{"key": "text", …}`. An error says where (line and column) and what was expected;
/// a key given twice is an error, as a locale file's author would want to know.
pub fn parse(text: &str) -> Result<HashMap<String, String>, String> {
    let mut r = Reader {
        bytes: text.as_bytes(),
        text,
        at: 0,
    };
    let mut map = HashMap::new();
    r.space();
    r.expect(b'{')?;
    r.space();
    if !r.eat(b'}') {
        loop {
            r.space();
            let key_at = r.at;
            let key = r.string()?;
            r.space();
            r.expect(b':')?;
            r.space();
            let value = r.string()?;
            if map.insert(key, value).is_some() {
                return Err(r.error_at(key_at, "a key given twice"));
            }
            r.space();
            if r.eat(b'}') {
                break;
            }
            r.expect(b',')?;
        }
    }
    r.space();
    if r.at < r.bytes.len() {
        return Err(r.error("nothing after the object"));
    }
    Ok(map)
}

struct Reader<'a> {
    bytes: &'a [u8],
    text: &'a str,
    at: usize,
}

impl Reader<'_> {
    fn error_at(&self, at: usize, what: &str) -> String {
        let before = &self.text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("line {line} column {column}: {what}")
    }

    fn error(&self, what: &str) -> String {
        self.error_at(self.at, what)
    }

    fn space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.bytes.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Result<(), String> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(self.error(&format!("expected `{}`", byte as char)))
        }
    }

    fn string(&mut self) -> Result<String, String> {
        if !self.eat(b'"') {
            return Err(self.error("expected a string"));
        }
        let mut out = String::new();
        loop {
            let start = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            // Only ASCII bytes stop the scan, so both ends are on char boundaries.
            out.push_str(&self.text[start..self.at]);
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    self.escape(&mut out)?;
                }
                Some(_) => return Err(self.error("a control character in a string")),
                None => return Err(self.error("the string does not end")),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), String> {
        let Some(&b) = self.bytes.get(self.at) else {
            return Err(self.error("the string does not end"));
        };
        self.at += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let high = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&high) {
                    // A surrogate pair: the low half must follow as another \u escape.
                    if !(self.eat(b'\\') && self.eat(b'u')) {
                        return Err(self.error("a lone surrogate in a \\u escape"));
                    }
                    let low = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&low) {
                        return Err(self.error("a lone surrogate in a \\u escape"));
                    }
                    0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    high
                };
                char::from_u32(code)
                    .ok_or_else(|| self.error("a lone surrogate in a \\u escape"))?
            }
            _ => return Err(self.error_at(self.at - 2, "an unknown escape")),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()))
            .ok_or_else(|| self.error("expected four hex digits"))?;
        self.at += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("expected four hex digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn serde(text: &str) -> Result<HashMap<String, String>, serde_json::Error> {
        serde_json::from_str(text)
    }

    #[test]
    fn every_locale_file_reads_as_serde_json_reads_it() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data/locales");
        let mut files = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            assert_eq!(
                parse(&text),
                Ok(serde(&text).unwrap()),
                "{}",
                path.display()
            );
            files += 1;
        }
        assert_eq!(files, 8);
    }

    #[test]
    fn escapes_and_empty_objects() {
        let read =
            parse(r#" { "a" : "x\"y\\z\/\b\f\n\r\t" , "é": "\u00e9\ud83d\ude00" } "#).unwrap();
        assert_eq!(read["a"], "x\"y\\z/\u{8}\u{c}\n\r\t");
        assert_eq!(read["é"], "é😀");
        assert_eq!(parse("{}"), Ok(HashMap::new()));
        assert_eq!(parse(" \n{ \n}\n"), Ok(HashMap::new()));
    }

    #[test]
    fn bad_input_is_refused_with_where_and_what() {
        let cases = [
            ("", "line 1 column 1: expected `{`"),
            ("[]", "line 1 column 1: expected `{`"),
            ("{\"a\": 1}", "line 1 column 7: expected a string"),
            (
                "{\"a\": {\"b\": \"c\"}}",
                "line 1 column 7: expected a string",
            ),
            ("{\"a\" \"b\"}", "line 1 column 6: expected `:`"),
            ("{\"a\": \"b\",}", "line 1 column 11: expected a string"),
            (
                "{\"a\": \"b\" \"c\": \"d\"}",
                "line 1 column 11: expected `,`",
            ),
            ("{\"a\": \"b\"", "line 1 column 10: expected `,`"),
            ("{\"a\": \"b", "line 1 column 9: the string does not end"),
            (
                "{\"a\": \"b\tc\"}",
                "line 1 column 9: a control character in a string",
            ),
            ("{\"a\": \"\\x\"}", "line 1 column 8: an unknown escape"),
            (
                "{\"a\": \"\\u12\"}",
                "line 1 column 10: expected four hex digits",
            ),
            (
                "{\"a\": \"\\ud800\"}",
                "line 1 column 14: a lone surrogate in a \\u escape",
            ),
            (
                "{\"a\": \"\\udc00\"}",
                "line 1 column 14: a lone surrogate in a \\u escape",
            ),
            (
                "{\n  \"a\": \"b\",\n  \"a\": \"c\"\n}",
                "line 3 column 3: a key given twice",
            ),
            ("{} {}", "line 1 column 4: nothing after the object"),
        ];
        for (text, error) in cases {
            assert_eq!(parse(text), Err(error.to_owned()), "{text:?}");
            assert!(
                serde(text).is_err() || text.contains("\"a\": \"c\""),
                "{text:?}"
            );
        }
    }

    proptest! {
        /// Whatever a JSON writer makes of a map of strings, this reads back as that map.
        #[test]
        fn reads_what_serde_json_writes(map in proptest::collection::hash_map(".{0,12}", ".{0,40}", 0..8), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&map) } else { serde_json::to_string(&map) }.unwrap();
            prop_assert_eq!(parse(&text), Ok(map));
        }

        /// It never panics, and it accepts only what serde_json accepts.
        #[test]
        fn never_panics_and_accepts_no_more_than_json(text in r#"[{}":,\\ \nu0-9a-fA-Fdx\u{e9}\u{1F600}]{0,24}"#) {
            if let Ok(map) = parse(&text) {
                prop_assert_eq!(serde(&text).ok(), Some(map));
            }
        }
    }
}
