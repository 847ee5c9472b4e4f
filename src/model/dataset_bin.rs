//! Reads the dataset in the compact binary form `build.rs` writes from the JSON files: what
//! the browser build embeds instead of the JSON, so that it needs no JSON reader and takes
//! every text in place from the embedded bytes. The layout is `build.rs`'s (see there): the
//! fields of each type in their order, varint lengths and counts, texts and ids as length and
//! UTF-8, one byte for a bool or an option's presence. A test holds this reading equal to the
//! native parse of the JSON files.

use crate::model::dataset::{
    Audit, Cell, Channel, Chooser, ChooserNeed, Criterion, Dataset, Download, Edition, FilterRule,
    Group, Links, LoadError, Messenger, Network, NetworkId, Platform, Preset, Requirement,
    SocialNetworksPage, Source, Standing, Status, Text, Value,
};
use crate::model::filter::Need;
use crate::model::layout::Route;
use std::borrow::Cow;

/// Reads `bytes` as `build.rs` wrote them. The error names the file and, within a messenger,
/// the messenger and the field whose id is unknown.
pub fn read(bytes: &'static [u8]) -> Result<Dataset, LoadError> {
    let mut r = Reader {
        bytes,
        at: 0,
        file: "data/criteria.json",
        messenger: None,
    };
    let criteria_edition = r.text()?;
    let groups = r.list(|r| r.id(Group::from_id, "groups"))?;
    let everyday = r.list(Reader::text)?;
    let filters = r.list(|r| {
        Ok(FilterRule {
            need: r.id(Need::from_id, "filters.need")?,
            criterion: r.text()?,
            values: r.list(|r| r.id(Value::from_id, "filters.values"))?,
        })
    })?;
    let criteria = r.list(|r| {
        Ok(Criterion {
            id: r.text()?,
            group: r.id(Group::from_id, "criteria.group")?,
            best: r.id(Value::from_id, "criteria.best")?,
            definition: r.flag()?,
        })
    })?;
    r.file = "data/networks.json";
    let networks = r.list(|r| {
        Ok(Network {
            id: r.id(NetworkId::from_id, "networks.id")?,
            guide: r.flag()?,
            advantages: r.count()?,
            disadvantages: r.count()?,
        })
    })?;
    r.file = "data/editions.json";
    let editions = r.list(|r| {
        Ok(Edition {
            id: r.text()?,
            date: r.text()?,
            commit: r.text()?,
            source: r.text()?,
            minimum: r.list(Reader::text)?,
            best_case: r.list(Reader::text)?,
            recommended: r.list(Reader::text)?,
            alternative_clients: r.list(Reader::text)?,
            additional: r.list(Reader::text)?,
            social_networks: r.list(Reader::text)?,
        })
    })?;
    let social_networks_page = SocialNetworksPage {
        date: r.text()?,
        commit: r.text()?,
        source: r.text()?,
        recommended: r.list(Reader::text)?,
    };
    r.file = "data/messengers.json";
    let messengers = r.list(messenger)?;
    r.messenger = None;
    r.file = "data/chooser.json";
    let chooser = Chooser {
        needs: r.list(|r| {
            Ok(ChooserNeed {
                id: r.text()?,
                requires: r.list(|r| {
                    Ok(Requirement {
                        criterion: r.text()?,
                        met: r.list(Reader::text)?,
                        partly: r.list(Reader::text)?,
                    })
                })?,
            })
        })?,
        presets: r.list(|r| {
            Ok(Preset {
                id: r.text()?,
                needs: r.list(Reader::text)?,
            })
        })?,
    };
    if r.at != bytes.len() {
        return Err(r.fail("bytes after the dataset's end"));
    }
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

fn messenger(r: &mut Reader) -> Result<Messenger, LoadError> {
    let id = r.text()?;
    r.messenger = Some(id.to_string());
    Ok(Messenger {
        id,
        name: r.text()?,
        maker: r.text()?,
        protocol: r.text()?,
        networks: r.list(|r| r.id(NetworkId::from_id, "networks"))?,
        client_of: r.option(Reader::text)?,
        links: Links {
            homepage: r.text()?,
            privacy_policy: r.option(Reader::text)?,
            documentation: r.option(Reader::text)?,
            source_code: r.option(Reader::text)?,
            donate: r.option(Reader::text)?,
            specification: r.option(Reader::text)?,
        },
        routes: r.list(|r| r.id(Route::from_id, "routes"))?,
        downloads: r.list(|r| {
            Ok(Download {
                platform: r.id(Platform::from_id, "downloads.platform")?,
                channel: r.id(Channel::from_id, "downloads.channel")?,
                url: r.text()?,
            })
        })?,
        audits: r.list(|r| {
            Ok(Audit {
                id: r.text()?,
                year: u16::try_from(r.count()?)
                    .map_err(|_| r.fail("field `audits.year`: out of range"))?,
                auditor: r.text()?,
                url: r.text()?,
            })
        })?,
        caveats: r.list(Reader::text)?,
        standing: r.list(|r| {
            Ok(Standing {
                edition: r.text()?,
                status: r.id(Status::from_id, "standing.status")?,
            })
        })?,
        values: r.list(|r| {
            let criterion = r.text()?;
            let cell = Cell {
                value: r.id(Value::from_id, "values.value")?,
                sources: r.list(|r| {
                    Ok(Source {
                        name: r.text()?,
                        url: r.text()?,
                        date: r.text()?,
                        claims: r.option(|r| r.id(Value::from_id, "values.sources.claims"))?,
                    })
                })?,
                checked: r.text()?,
            };
            Ok((criterion, cell))
        })?,
    })
}

struct Reader {
    bytes: &'static [u8],
    at: usize,
    file: &'static str,
    messenger: Option<String>,
}

impl Reader {
    fn fail(&self, message: &str) -> LoadError {
        LoadError {
            file: self.file,
            messenger: self.messenger.clone(),
            message: message.to_owned(),
        }
    }

    fn byte(&mut self) -> Result<u8, LoadError> {
        let byte = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| self.fail("the embedded dataset ends early"))?;
        self.at += 1;
        Ok(byte)
    }

    fn count(&mut self) -> Result<usize, LoadError> {
        let mut n: usize = 0;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            n |= usize::from(byte & 0x7f)
                .checked_shl(shift)
                .ok_or_else(|| self.fail("a count out of range"))?;
            if byte & 0x80 == 0 {
                return Ok(n);
            }
            shift += 7;
        }
    }

    fn flag(&mut self) -> Result<bool, LoadError> {
        Ok(self.byte()? == 1)
    }

    /// A text, taken in place from the embedded bytes.
    fn text(&mut self) -> Result<Text, LoadError> {
        let len = self.count()?;
        let end = self
            .at
            .checked_add(len)
            .filter(|&end| end <= self.bytes.len())
            .ok_or_else(|| self.fail("the embedded dataset ends early"))?;
        let text = std::str::from_utf8(&self.bytes[self.at..end])
            .map_err(|_| self.fail("a text that is not UTF-8"))?;
        self.at = end;
        Ok(Cow::Borrowed(text))
    }

    /// An id of one of the dataset's enums; `field` names it if the enum has no such id.
    fn id<T>(&mut self, from_id: fn(&str) -> Option<T>, field: &str) -> Result<T, LoadError> {
        let id = self.text()?;
        from_id(&id).ok_or_else(|| self.fail(&format!("field `{field}`: unknown id `{id}`")))
    }

    fn option<T>(
        &mut self,
        item: impl Fn(&mut Reader) -> Result<T, LoadError>,
    ) -> Result<Option<T>, LoadError> {
        match self.byte()? {
            0 => Ok(None),
            _ => item(self).map(Some),
        }
    }

    fn list<T: Clone>(
        &mut self,
        item: impl Fn(&mut Reader) -> Result<T, LoadError>,
    ) -> Result<Vec<T>, LoadError> {
        let n = self.count()?;
        // Each item takes at least a byte: a corrupt count cannot reserve more than is there.
        let mut items = Vec::with_capacity(n.min(self.bytes.len() - self.at));
        for _ in 0..n {
            items.push(item(self)?);
        }
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::EMBEDDED_BIN;

    #[test]
    fn the_embedded_bytes_read_as_the_json_files_parse() {
        let parsed = Dataset::embedded().unwrap();
        assert_eq!(read(EMBEDDED_BIN), Ok(parsed));
    }

    #[test]
    fn texts_are_taken_in_place() {
        let data = read(EMBEDDED_BIN).unwrap();
        assert!(matches!(data.messengers[0].name, Cow::Borrowed(_)));
    }

    #[test]
    fn a_cut_or_damaged_copy_is_an_error_never_a_panic() {
        let whole = EMBEDDED_BIN;
        for cut in [0, 1, whole.len() / 3, whole.len() / 2, whole.len() - 1] {
            let bytes: &'static [u8] = Box::leak(whole[..cut].to_vec().into_boxed_slice());
            assert!(read(bytes).is_err(), "cut at {cut}");
        }
        let mut longer = whole.to_vec();
        longer.push(0);
        let error = read(Box::leak(longer.into_boxed_slice())).unwrap_err();
        assert_eq!(error.message, "bytes after the dataset's end");
        // Every byte changed in turn, for the first few hundred: an error or another dataset.
        for i in 0..whole.len().min(400) {
            let mut damaged = whole.to_vec();
            damaged[i] ^= 0x5a;
            let _ = read(Box::leak(damaged.into_boxed_slice()));
        }
    }

    #[test]
    fn an_unknown_id_names_the_file_the_messenger_and_the_field() {
        let data = read(EMBEDDED_BIN).unwrap();
        let tor = data.messengers[1].cell("tor").unwrap().value.id();
        // The first "tor" cell's value id, in place, changed to another id of its length.
        let needle: Vec<u8> = [&[3u8][..], b"tor", &[tor.len() as u8], tor.as_bytes()].concat();
        let messengers_from = EMBEDDED_BIN
            .windows(data.messengers[1].id.len() + 1)
            .position(|w| {
                w[0] as usize == data.messengers[1].id.len()
                    && &w[1..] == data.messengers[1].id.as_bytes()
            })
            .unwrap();
        let at = messengers_from
            + EMBEDDED_BIN[messengers_from..]
                .windows(needle.len())
                .position(|w| w == needle.as_slice())
                .unwrap();
        let mut damaged = EMBEDDED_BIN.to_vec();
        let value_at = at + 4 + 1;
        damaged[value_at..value_at + tor.len()].copy_from_slice(&b"zzzzzzzzzzzzzzzz"[..tor.len()]);
        let error = read(Box::leak(damaged.into_boxed_slice())).unwrap_err();
        assert_eq!(error.file, "data/messengers.json");
        assert_eq!(error.messenger.as_deref(), Some(&*data.messengers[1].id));
        assert!(
            error
                .message
                .starts_with("field `values.value`: unknown id `zz"),
            "{}",
            error.message
        );
    }
}
