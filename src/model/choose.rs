//! The chooser's answer: every messenger ranked against the needs a reader picked
//! ("which messenger fits me"). Pure and deterministic; the needs themselves are data
//! (`data/chooser.json`), so no need id appears in this logic.
//!
//! The guide's standing weighs in only after the needs: among messengers that meet the same
//! needs, one the guide lists today always comes before one it does not, so that no need can
//! quietly put an app the guide dropped, or never listed, above one it recommends.

use crate::model::dataset::{
    Badge, ChooserNeed, Dataset, Group, Messenger, NeedIndex, Requirement, Text, Value,
};
use crate::model::ids::id_enum;
use crate::model::text;
use std::cmp::Reverse;

id_enum! {
    /// How well a messenger meets one need. Ordered from best to worst: a need's outcome is the
    /// worst outcome of its requirements.
    pub enum Outcome {
        /// Every requirement is met.
        Met = "met",
        /// None fails, and some are only partly met.
        Partly = "partly",
        /// None fails, and some value is unknown or disputed, so we cannot say.
        Unsure = "unsure",
        /// Some requirement fails.
        NotMet = "not-met",
    }
}

/// What one requirement says of one value.
fn judge(requirement: &Requirement, value: Option<Value>) -> Outcome {
    let listed = |ids: &[Text]| value.is_some_and(|v| ids.iter().any(|id| id == v.id()));
    if listed(&requirement.met) {
        Outcome::Met
    } else if listed(&requirement.partly) {
        Outcome::Partly
    } else if matches!(value, None | Some(Value::Unknown | Value::Disputed)) {
        Outcome::Unsure
    } else {
        Outcome::NotMet
    }
}

/// How well `messenger` meets `need`: the worst of its requirements.
pub fn outcome(need: &ChooserNeed, messenger: &Messenger) -> Outcome {
    need.requires
        .iter()
        .map(|r| judge(r, messenger.cell(&r.criterion).map(|c| c.value)))
        .max()
        .unwrap_or(Outcome::Met)
}

/// One selected need's outcome for one messenger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NeedOutcome {
    pub need: NeedIndex,
    pub outcome: Outcome,
}

/// One messenger's place in the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Index into [`Dataset::messengers`].
    pub messenger: usize,
    /// 1 for the first entry, then 2, 3…: unique and consecutive (`data-rank`).
    pub rank: usize,
    /// One per selected need, in chooser order.
    pub outcomes: Vec<NeedOutcome>,
    /// Whether it meets every minimum requirement of the guide.
    pub meets_minimum: bool,
    /// Its standing in the guide today.
    pub badge: Badge,
    /// Whether it ranks equal to the entry above, dataset order apart.
    pub tied: bool,
    /// Indices into [`Dataset::criteria`] of the selected needs' criteria, in chooser order,
    /// each once: the evidence behind `outcomes`.
    pub deciding: Vec<usize>,
    /// For a messenger the guide does not list today: the first entry above it, by messenger
    /// index, that the guide lists today and that meets every need this one meets ("the
    /// guide recommends X, which meets the same needs").
    pub outranked_by: Option<usize>,
}

impl Entry {
    /// How many selected needs it meets in full.
    pub fn met(&self) -> usize {
        self.count(Outcome::Met)
    }

    /// How many selected needs it meets in part.
    pub fn partly(&self) -> usize {
        self.count(Outcome::Partly)
    }

    /// Whether it meets every selected need in full.
    pub fn meets_all(&self) -> bool {
        self.met() == self.outcomes.len()
    }

    /// The text keys of the needs it meets in full or in part (its reason line), and of
    /// those it fails or leaves unclear (its shortfall), each in chooser order.
    pub fn phrases(&self, data: &Dataset) -> (Vec<String>, Vec<String>) {
        let mut reasons = Vec::new();
        let mut shortfalls = Vec::new();
        for o in &self.outcomes {
            let Some(need) = data.chooser.need(o.need) else {
                continue;
            };
            let key = text::choose_need_outcome(&need.id, o.outcome);
            match o.outcome {
                Outcome::Met | Outcome::Partly => reasons.push(key),
                Outcome::Unsure | Outcome::NotMet => shortfalls.push(key),
            }
        }
        (reasons, shortfalls)
    }

    fn count(&self, outcome: Outcome) -> usize {
        self.outcomes
            .iter()
            .filter(|o| o.outcome == outcome)
            .count()
    }
}

/// The chooser's answer to a set of needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The needs answered, in chooser order, each once.
    pub needs: Vec<NeedIndex>,
    /// Every messenger, best first.
    pub entries: Vec<Entry>,
    /// Whether any messenger meets every selected need in full (always, with none
    /// selected). When not, the first entries are the closest, and the UI must say so.
    pub any_meets_all: bool,
    /// Whether the first entry fails one of the guide's minimum requirements: the UI must
    /// then say so, never leave it implied.
    pub top_fails_minimum: bool,
}

/// Where the guide's standing today puts a messenger among equals: recommended first, then
/// an alternative client, then an additional option, then every standing it does not list.
fn standing_tier(badge: Badge) -> usize {
    match badge {
        Badge::Recommended => 0,
        Badge::AlternativeClient => 1,
        Badge::AdditionalOption => 2,
        _ => 3,
    }
}

/// A messenger's place in the order, compared field by field, best (smallest) first;
/// dataset order breaks what it leaves equal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    met: Reverse<usize>,
    partly: Reverse<usize>,
    standing: usize,
    minimum_met: Reverse<usize>,
    best_case_met: Reverse<usize>,
}

/// Ranks every messenger against `needs` (indices into [`Dataset::chooser`]'s needs; order
/// and repeats do not matter, and an index that names no need is left out). Best first:
/// more needs met; then more partly met; then the guide's standing today; then more minimum
/// requirements met; then more best-case criteria met; then dataset order.
pub fn rank(data: &Dataset, needs: &[NeedIndex]) -> Answer {
    let mut needs: Vec<NeedIndex> = needs
        .iter()
        .copied()
        .filter(|&n| data.chooser.need(n).is_some())
        .collect();
    needs.sort_unstable();
    needs.dedup();
    let selected: Vec<(NeedIndex, &ChooserNeed)> = needs
        .iter()
        .filter_map(|&n| Some((n, data.chooser.need(n)?)))
        .collect();
    let mut deciding: Vec<usize> = Vec::new();
    for (_, need) in &selected {
        for r in &need.requires {
            if let Some(c) = data.criteria.iter().position(|c| c.id == r.criterion) {
                if !deciding.contains(&c) {
                    deciding.push(c);
                }
            }
        }
    }
    let minimum = data.criteria_in(Group::Minimum).count();
    let mut scored: Vec<(Key, Entry)> = data
        .messengers
        .iter()
        .enumerate()
        .map(|(index, m)| {
            let outcomes: Vec<NeedOutcome> = selected
                .iter()
                .map(|&(need, def)| NeedOutcome {
                    need,
                    outcome: outcome(def, m),
                })
                .collect();
            let minimum_met = data.met(m, Group::Minimum);
            let entry = Entry {
                messenger: index,
                rank: 0,
                outcomes,
                meets_minimum: minimum_met == minimum,
                badge: m.badge(),
                tied: false,
                deciding: deciding.clone(),
                outranked_by: None,
            };
            let key = Key {
                met: Reverse(entry.met()),
                partly: Reverse(entry.partly()),
                standing: standing_tier(entry.badge),
                minimum_met: Reverse(minimum_met),
                best_case_met: Reverse(data.met(m, Group::BestCase)),
            };
            (key, entry)
        })
        .collect();
    // A stable sort keeps dataset order among equal keys.
    scored.sort_by_key(|(key, _)| *key);
    let mut entries: Vec<Entry> = Vec::with_capacity(scored.len());
    for (i, (key, mut entry)) in scored.iter().cloned().enumerate() {
        entry.rank = i + 1;
        entry.tied = i > 0 && scored[i - 1].0 == key;
        if !entry.badge.listed_today() {
            entry.outranked_by = entries
                .iter()
                .find(|above| above.badge.listed_today() && meets_as_much(above, &entry))
                .map(|above| above.messenger);
        }
        entries.push(entry);
    }
    Answer {
        any_meets_all: entries.iter().any(Entry::meets_all),
        top_fails_minimum: entries.first().is_some_and(|e| !e.meets_minimum),
        needs,
        entries,
    }
}

/// Whether `above` meets in full every need `entry` meets in full.
fn meets_as_much(above: &Entry, entry: &Entry) -> bool {
    entry
        .outcomes
        .iter()
        .zip(&above.outcomes)
        .all(|(mine, theirs)| mine.outcome != Outcome::Met || theirs.outcome == Outcome::Met)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::Preset;
    use std::sync::OnceLock;

    fn data() -> &'static Dataset {
        static DATA: OnceLock<Dataset> = OnceLock::new();
        DATA.get_or_init(|| Dataset::embedded().unwrap())
    }

    fn need(d: &Dataset, id: &str) -> NeedIndex {
        d.chooser.need_index(id).unwrap()
    }

    fn preset<'a>(d: &'a Dataset, id: &str) -> &'a Preset {
        d.chooser.presets.iter().find(|p| p.id == id).unwrap()
    }

    fn ids<'a>(d: &'a Dataset, answer: &Answer) -> Vec<&'a str> {
        answer
            .entries
            .iter()
            .map(|e| &*d.messengers[e.messenger].id)
            .collect()
    }

    fn by_ids(d: &Dataset, needs: &[&str]) -> Answer {
        let needs: Vec<NeedIndex> = needs.iter().map(|id| need(d, id)).collect();
        rank(d, &needs)
    }

    fn entry<'a>(d: &Dataset, answer: &'a Answer, messenger: &str) -> &'a Entry {
        answer
            .entries
            .iter()
            .find(|e| d.messengers[e.messenger].id == messenger)
            .unwrap()
    }

    /// Every subset of the chooser's needs, the empty one included.
    fn every_subset(d: &Dataset) -> Vec<Vec<NeedIndex>> {
        let all: Vec<NeedIndex> = d.chooser.indices().collect();
        (0..1u32 << all.len())
            .map(|bits| {
                all.iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, n)| *n)
                    .collect()
            })
            .collect()
    }

    // The real data's order for each need alone, each preset and none.
    const NO_PHONE: [&str; 10] = [
        "simplex",
        "briar",
        "deltachat",
        "threema",
        "session",
        "element",
        "signal",
        "molly",
        "whatsapp",
        "telegram",
    ];
    const OFFLINE: [&str; 10] = [
        "briar",
        "simplex",
        "signal",
        "molly",
        "deltachat",
        "threema",
        "session",
        "element",
        "whatsapp",
        "telegram",
    ];
    const EVERYONE: [&str; 10] = [
        "simplex",
        "signal",
        "deltachat",
        "session",
        "element",
        "telegram",
        "briar",
        "molly",
        "threema",
        "whatsapp",
    ];
    const GROUP_CALLS: [&str; 10] = [
        "signal",
        "molly",
        "threema",
        "element",
        "whatsapp",
        "simplex",
        "briar",
        "deltachat",
        "session",
        "telegram",
    ];
    const ANONYMITY: [&str; 10] = [
        "briar",
        "simplex",
        "molly",
        "deltachat",
        "signal",
        "threema",
        "session",
        "element",
        "whatsapp",
        "telegram",
    ];
    const STRONGEST: [&str; 10] = [
        "simplex",
        "signal",
        "molly",
        "briar",
        "deltachat",
        "threema",
        "session",
        "element",
        "whatsapp",
        "telegram",
    ];
    const FAMILY: [&str; 10] = [
        "signal",
        "element",
        "simplex",
        "molly",
        "deltachat",
        "threema",
        "session",
        "whatsapp",
        "telegram",
        "briar",
    ];
    const JOURNALIST: [&str; 10] = [
        "simplex",
        "briar",
        "deltachat",
        "threema",
        "session",
        "element",
        "molly",
        "signal",
        "whatsapp",
        "telegram",
    ];
    const NO_INTERNET: [&str; 10] = [
        "briar",
        "simplex",
        "deltachat",
        "threema",
        "session",
        "element",
        "signal",
        "molly",
        "whatsapp",
        "telegram",
    ];
    const NO_NEEDS: [&str; 10] = [
        "simplex",
        "signal",
        "briar",
        "molly",
        "deltachat",
        "threema",
        "session",
        "element",
        "whatsapp",
        "telegram",
    ];

    #[test]
    fn each_need_alone_on_the_real_data() {
        let d = data();
        for (id, expected) in [
            ("no-phone", NO_PHONE),
            ("offline", OFFLINE),
            ("everyone", EVERYONE),
            ("group-calls", GROUP_CALLS),
            ("anonymity", ANONYMITY),
            ("strongest", STRONGEST),
        ] {
            let answer = by_ids(d, &[id]);
            assert_eq!(ids(d, &answer), expected, "{id}");
            assert!(answer.any_meets_all && !answer.top_fails_minimum, "{id}");
        }
    }

    #[test]
    fn each_preset_on_the_real_data() {
        let d = data();
        for (id, expected, any_meets_all) in [
            ("family", FAMILY, true),
            ("journalist", JOURNALIST, false),
            ("no-internet", NO_INTERNET, true),
        ] {
            let answer = rank(d, &d.chooser.preset_needs(preset(d, id)));
            assert_eq!(ids(d, &answer), expected, "{id}");
            assert_eq!(answer.any_meets_all, any_meets_all, "{id}");
        }
    }

    #[test]
    fn with_no_needs_the_guides_picks_come_first() {
        let d = data();
        let answer = rank(d, &[]);
        assert_eq!(ids(d, &answer), NO_NEEDS);
        assert!(answer.entries[..3]
            .iter()
            .all(|e| e.badge == Badge::Recommended));
        assert!(answer.any_meets_all && !answer.top_fails_minimum);
        assert!(answer
            .entries
            .iter()
            .all(|e| e.outcomes.is_empty() && e.deciding.is_empty()));
    }

    #[test]
    fn ranks_are_consecutive_and_ties_are_marked() {
        let d = data();
        let answer = rank(d, &[]);
        let ranks: Vec<usize> = answer.entries.iter().map(|e| e.rank).collect();
        assert_eq!(ranks, (1..=d.messengers.len()).collect::<Vec<_>>());
        // Signal and Briar are both recommended, meet all six minimum requirements and three
        // best-case criteria: only dataset order puts Signal first.
        assert!(!entry(d, &answer, "signal").tied);
        assert!(entry(d, &answer, "briar").tied);
        assert!(entry(d, &answer, "telegram").tied);
        assert!(!entry(d, &answer, "simplex").tied);
    }

    #[test]
    fn needs_are_answered_in_chooser_order_once() {
        let d = data();
        let (phone, strongest) = (need(d, "no-phone"), need(d, "strongest"));
        let answer = rank(d, &[strongest, phone, strongest, NeedIndex(99)]);
        assert_eq!(answer.needs, [phone, strongest]);
        assert_eq!(answer, rank(d, &[phone, strongest]));
        let simplex = entry(d, &answer, "simplex");
        assert_eq!(
            simplex.outcomes,
            [
                NeedOutcome {
                    need: phone,
                    outcome: Outcome::Met
                },
                NeedOutcome {
                    need: strongest,
                    outcome: Outcome::Met
                }
            ]
        );
        let criteria: Vec<&str> = simplex
            .deciding
            .iter()
            .map(|&c| &*d.criteria[c].id)
            .collect();
        assert_eq!(
            criteria,
            [
                "phone-number-required",
                "forward-secrecy",
                "post-compromise-security",
                "independently-audited",
                "e2ee-all-by-default",
                "metadata-protection",
                "open-source-servers"
            ]
        );
    }

    #[test]
    fn when_no_messenger_meets_every_need_the_closest_come_first() {
        let d = data();
        // Only Briar works without internet, and Briar has no calls at all.
        let answer = by_ids(d, &["offline", "group-calls"]);
        assert!(!answer.any_meets_all);
        let top = &answer.entries[0];
        assert_eq!(top.met(), 1);
        assert!(answer.entries.iter().all(|e| e.met() <= top.met()));
        assert_eq!(
            entry(d, &answer, "briar").outcomes[1].outcome,
            Outcome::NotMet
        );
    }

    #[test]
    fn disputed_and_unknown_values_leave_the_answer_unsure() {
        let d = data();
        let answer = by_ids(d, &["everyone"]);
        // Threema's desktop apps are disputed; WhatsApp's desktop systems are unknown.
        assert_eq!(
            entry(d, &answer, "threema").outcomes[0].outcome,
            Outcome::Unsure
        );
        assert_eq!(
            entry(d, &answer, "whatsapp").outcomes[0].outcome,
            Outcome::Unsure
        );
        // Briar's post-compromise security is unknown; the rest of "strongest" it meets.
        let strongest = by_ids(d, &["strongest"]);
        assert_eq!(
            entry(d, &strongest, "briar").outcomes[0].outcome,
            Outcome::Unsure
        );
    }

    #[test]
    fn a_need_is_as_good_as_its_worst_requirement() {
        let mut d = data().clone();
        d.messengers.truncate(1);
        let anonymity = need(&d, "anonymity");
        let mut with = |metadata: Value, tor: Value| {
            for (criterion, value) in [("metadata-protection", metadata), ("tor", tor)] {
                let m = &mut d.messengers[0];
                m.values
                    .iter_mut()
                    .find(|(c, _)| c == criterion)
                    .unwrap()
                    .1
                    .value = value;
            }
            rank(&d, &[anonymity]).entries[0].outcomes[0].outcome
        };
        assert_eq!(with(Value::Yes, Value::Yes), Outcome::Met);
        assert_eq!(with(Value::Yes, Value::Partial), Outcome::Partly);
        assert_eq!(with(Value::Partial, Value::Disputed), Outcome::Unsure);
        assert_eq!(with(Value::Unknown, Value::Yes), Outcome::Unsure);
        assert_eq!(with(Value::Disputed, Value::No), Outcome::NotMet);
        assert_eq!(with(Value::Yes, Value::NotApplicable), Outcome::NotMet);
    }

    #[test]
    fn an_app_failing_the_minimum_comes_first_only_when_the_answer_says_so() {
        for needs in every_subset(data()) {
            let answer = rank(data(), &needs);
            assert_eq!(
                answer.top_fails_minimum, !answer.entries[0].meets_minimum,
                "{needs:?}"
            );
        }
        // No phone number and private group calls: of the apps the guide lists, none does
        // both, so Threema, which it never listed, comes first, and the answer says so.
        let answer = by_ids(data(), &["no-phone", "group-calls"]);
        assert_eq!(ids(data(), &answer)[..2], ["threema", "element"]);
        assert!(answer.top_fails_minimum && answer.any_meets_all);
        // A need only apps the guide does not list meet: in a browser.
        let mut d = data().clone();
        d.chooser.needs.push(ChooserNeed {
            id: "in-a-browser".into(),
            requires: vec![Requirement {
                criterion: "web-client".into(),
                met: vec!["yes".into()],
                partly: vec![],
            }],
        });
        let answer = by_ids(&d, &["in-a-browser"]);
        assert_eq!(ids(&d, &answer)[0], "element");
        assert!(!answer.entries[0].meets_minimum);
        assert!(answer.top_fails_minimum);
        assert!(answer.any_meets_all);
        assert_eq!(
            answer.entries[0].outranked_by, None,
            "no app the guide lists meets the need"
        );
    }

    /// Whether `a` does at least as well as `b` on every need: met where `b` is met, at
    /// least partly where `b` is partly.
    fn at_least_as_good(a: &Entry, b: &Entry) -> bool {
        let score = |o: Outcome| match o {
            Outcome::Met => 2,
            Outcome::Partly => 1,
            Outcome::Unsure | Outcome::NotMet => 0,
        };
        a.outcomes
            .iter()
            .zip(&b.outcomes)
            .all(|(x, y)| score(x.outcome) >= score(y.outcome))
    }

    #[test]
    fn an_app_the_guide_does_not_list_never_outranks_one_it_lists_that_does_as_well() {
        let d = data();
        for needs in every_subset(d) {
            let answer = rank(d, &needs);
            for (i, low) in answer.entries.iter().enumerate() {
                for high in &answer.entries[i + 1..] {
                    let wrong = !low.badge.listed_today()
                        && high.badge.listed_today()
                        && at_least_as_good(high, low);
                    assert!(
                        !wrong,
                        "{needs:?}: {} above {}",
                        d.messengers[low.messenger].id, d.messengers[high.messenger].id
                    );
                }
            }
        }
    }

    #[test]
    fn outranked_by_names_the_first_listed_app_above_that_meets_as_much() {
        let d = data();
        for needs in every_subset(d) {
            let answer = rank(d, &needs);
            for (i, e) in answer.entries.iter().enumerate() {
                let expected = (!e.badge.listed_today())
                    .then(|| {
                        answer.entries[..i]
                            .iter()
                            .find(|a| a.badge.listed_today() && meets_as_much(a, e))
                            .map(|a| a.messenger)
                    })
                    .flatten();
                assert_eq!(e.outranked_by, expected, "{needs:?}");
            }
        }
        let answer = by_ids(d, &["group-calls"]);
        let signal = d.messengers.iter().position(|m| m.id == "signal");
        assert_eq!(entry(d, &answer, "whatsapp").outranked_by, signal);
        assert_eq!(entry(d, &answer, "molly").outranked_by, None);
    }

    #[test]
    fn phrases_split_what_it_meets_from_what_it_lacks() {
        let d = data();
        let answer = by_ids(d, &["no-phone", "offline", "group-calls"]);
        let (reasons, shortfalls) = entry(d, &answer, "briar").phrases(d);
        assert_eq!(
            reasons,
            ["choose.need.no-phone.met", "choose.need.offline.met"]
        );
        assert_eq!(shortfalls, ["choose.need.group-calls.not-met"]);
        let (reasons, shortfalls) = entry(d, &rank(d, &[]), "signal").phrases(d);
        assert!(reasons.is_empty() && shortfalls.is_empty());
    }
}
