//! Text keys: the one place that spells how a dataset item names its translated text.
//!
//! Components and validation both build keys here, so a key the interface asks for is a key
//! the tests check.

use crate::model::choose::Outcome;
use crate::model::dataset::{
    Badge, Channel, Dataset, Group, Messenger, NetworkId, Platform, Status, Value, Verdict,
};
use crate::model::filter::Need;
use crate::model::host_options::{Font, Part};
use crate::model::layout;
use crate::model::view_state::Theme;

/// A messenger's standing as its badge reads, in the language `t` looks keys up in; an
/// alternative client's names the messenger it is listed with ("Listed with Signal").
pub fn badge_text(data: &Dataset, m: &Messenger, t: &dyn Fn(&str) -> String) -> String {
    let with = m
        .client_of
        .as_deref()
        .and_then(|id| data.messenger(id))
        .map_or("", |of| &*of.name);
    crate::model::locale::fill(&t(&badge_label(m.badge())), &[("messenger", with)])
}

/// `criterion.<id>.label`: the column header.
pub fn criterion_label(id: &str) -> String {
    format!("criterion.{id}.label")
}
/// `criterion.<id>.explanation`: one plain line under the header.
pub fn criterion_explanation(id: &str) -> String {
    format!("criterion.{id}.explanation")
}
/// `criterion.<id>.definition`: the guide's definition, for terms it defines.
pub fn criterion_definition(id: &str) -> String {
    format!("criterion.{id}.definition")
}
/// `group.<id>.label`.
pub fn group_label(group: Group) -> String {
    format!("group.{}.label", group.id())
}
/// `group.<id>.explanation`.
pub fn group_explanation(group: Group) -> String {
    format!("group.{}.explanation", group.id())
}
/// `value.<value>`: the word shown in a cell.
pub fn value_word(value: Value) -> String {
    format!("value.{}", value.id())
}
/// `verdict.<verdict>`: whether a value is good for the reader, in a word (the CSV export).
pub fn verdict_word(verdict: Verdict) -> String {
    format!("verdict.{}", verdict.id())
}
/// `value.<messenger>.<criterion>`: the note behind a cell.
pub fn value_note(messenger: &str, criterion: &str) -> String {
    format!("value.{messenger}.{criterion}")
}
/// `status.<status>`.
pub fn status_label(status: Status) -> String {
    format!("status.{}", status.id())
}
/// `edition.<id>.note`.
pub fn edition_note(id: &str) -> String {
    format!("edition.{id}.note")
}
/// `network.<id>.name`.
pub fn network_name(network: NetworkId) -> String {
    format!("network.{}.name", network.id())
}
/// `network.<id>.description`.
pub fn network_description(network: NetworkId) -> String {
    format!("network.{}.description", network.id())
}
/// `network.<id>.advantage.<n>`, n from 1.
pub fn network_advantage(network: NetworkId, n: usize) -> String {
    format!("network.{}.advantage.{n}", network.id())
}
/// `network.<id>.disadvantage.<n>`, n from 1.
pub fn network_disadvantage(network: NetworkId, n: usize) -> String {
    format!("network.{}.disadvantage.{n}", network.id())
}
/// `platform.<id>`.
pub fn platform_name(platform: Platform) -> String {
    format!("platform.{}", platform.id())
}
/// `channel.<id>`.
pub fn channel_name(channel: Channel) -> String {
    format!("channel.{}", channel.id())
}
/// `messenger.<id>.description`.
pub fn messenger_description(id: &str) -> String {
    format!("messenger.{id}.description")
}
/// `messenger.<id>.network`: how this messenger carries a message.
pub fn messenger_network(id: &str) -> String {
    format!("messenger.{id}.network")
}
/// `messenger.<id>.caveat.<caveat>`.
pub fn messenger_caveat(id: &str, caveat: &str) -> String {
    format!("messenger.{id}.caveat.{caveat}")
}
/// `messenger.<id>.tradeoff`: in the chooser, what choosing it costs, in one plain line.
pub fn messenger_tradeoff(id: &str) -> String {
    format!("messenger.{id}.tradeoff")
}
/// `choose.need.<id>.label`: the chooser's question for a need.
pub fn choose_need_label(need: &str) -> String {
    format!("choose.need.{need}.label")
}
/// `choose.need.<id>.<outcome>`: a short phrase for an answer's reason line.
pub fn choose_need_outcome(need: &str, outcome: Outcome) -> String {
    format!("choose.need.{need}.{}", outcome.id())
}
/// `choose.preset.<id>.label`.
pub fn choose_preset_label(preset: &str) -> String {
    format!("choose.preset.{preset}.label")
}
/// `messenger.<id>.audit.<audit>`.
pub fn messenger_audit(id: &str, audit: &str) -> String {
    format!("messenger.{id}.audit.{audit}")
}

/// `ui.badge.<id>`: a messenger's standing today, on its row.
pub fn badge_label(badge: Badge) -> String {
    format!("ui.badge.{}", badge.id())
}
/// `ui.column.<group>-met`: the header of a computed column.
pub fn met_label(group: Group) -> String {
    format!("ui.column.{}-met", group.id())
}
/// `ui.<link key>`: the label of a messenger link, from [`crate::model::dataset::Links::labelled`].
pub fn link_label(link_key: &str) -> String {
    format!("ui.{link_key}")
}

/// `ui.filter.need.<id>`: a yes/no filter's label.
pub fn need_label(need: Need) -> String {
    format!("ui.filter.need.{}", need.id())
}
/// `ui.theme.<id>`: a theme's name in the picker.
pub fn theme_label(theme: Theme) -> String {
    format!("ui.theme.{}", theme.id())
}

/// `ui.embed.font.<id>`: a font stack in the embed builder.
pub fn embed_font_label(font: Font) -> String {
    format!("ui.embed.font.{}", font.id())
}

/// `ui.embed.hide.<id>`: a part the embed builder can hide.
pub fn embed_hide_label(part: Part) -> String {
    format!("ui.embed.hide.{}", part.id())
}

/// A text the dataset needs, with where the need comes from (for error messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredText {
    /// The dataset file whose content asks for the text.
    pub file: &'static str,
    /// The messenger concerned, if any.
    pub messenger: Option<String>,
    /// The text key.
    pub key: String,
}

/// Every text key the dataset needs, deduplicated, in a stable order.
pub fn required_keys(data: &Dataset) -> Vec<RequiredText> {
    let mut needs = Vec::new();
    let mut need = |file: &'static str, messenger: Option<&str>, key: String| {
        needs.push(RequiredText {
            file,
            messenger: messenger.map(str::to_owned),
            key,
        });
    };
    for group in Group::ALL {
        need("data/criteria.json", None, group_label(group));
        need("data/criteria.json", None, group_explanation(group));
    }
    for criterion in &data.criteria {
        need("data/criteria.json", None, criterion_label(&criterion.id));
        need(
            "data/criteria.json",
            None,
            criterion_explanation(&criterion.id),
        );
        if criterion.definition {
            need(
                "data/criteria.json",
                None,
                criterion_definition(&criterion.id),
            );
        }
    }
    for value in Value::ALL {
        need("data/criteria.json", None, value_word(value));
    }
    for verdict in Verdict::ALL {
        need("data/criteria.json", None, verdict_word(verdict));
    }
    for status in Status::ALL {
        need("data/messengers.json", None, status_label(status));
    }
    need(
        "data/messengers.json",
        None,
        "status.additional-option.warning".to_owned(),
    );
    for edition in &data.editions {
        need("data/editions.json", None, edition_note(&edition.id));
    }
    for network in &data.networks {
        need("data/networks.json", None, network_name(network.id));
        need("data/networks.json", None, network_description(network.id));
        for n in 1..=network.advantages {
            need("data/networks.json", None, network_advantage(network.id, n));
        }
        for n in 1..=network.disadvantages {
            need(
                "data/networks.json",
                None,
                network_disadvantage(network.id, n),
            );
        }
    }
    for badge in Badge::ALL {
        need("data/messengers.json", None, badge_label(badge));
    }
    for group in [Group::Minimum, Group::BestCase] {
        need("data/criteria.json", None, met_label(group));
    }
    for filter in Need::ALL {
        need("src/model/filter.rs", None, need_label(filter));
    }
    for theme in Theme::ALL {
        need("src/model/view_state.rs", None, theme_label(theme));
    }
    for key in layout::text_keys() {
        need("src/model/layout.rs", None, key.to_owned());
    }
    for platform in Platform::ALL {
        need("data/messengers.json", None, platform_name(platform));
    }
    for n in &data.chooser.needs {
        need("data/chooser.json", None, choose_need_label(&n.id));
        for outcome in Outcome::ALL {
            need(
                "data/chooser.json",
                None,
                choose_need_outcome(&n.id, outcome),
            );
        }
    }
    for p in &data.chooser.presets {
        need("data/chooser.json", None, choose_preset_label(&p.id));
    }
    for m in &data.messengers {
        let who = Some(&*m.id);
        need("data/messengers.json", who, messenger_description(&m.id));
        need("data/messengers.json", who, messenger_tradeoff(&m.id));
        need("data/messengers.json", who, messenger_network(&m.id));
        for caveat in &m.caveats {
            need("data/messengers.json", who, messenger_caveat(&m.id, caveat));
        }
        for audit in &m.audits {
            need(
                "data/messengers.json",
                who,
                messenger_audit(&m.id, &audit.id),
            );
        }
        for (key, _) in m.links.labelled() {
            need("data/messengers.json", who, link_label(key));
        }
        for download in &m.downloads {
            need("data/messengers.json", who, channel_name(download.channel));
        }
        for criterion in &data.criteria {
            need(
                "data/messengers.json",
                who,
                value_note(&m.id, &criterion.id),
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    needs.retain(|n| seen.insert(n.key.clone()));
    needs
}
