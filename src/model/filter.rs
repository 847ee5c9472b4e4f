//! Which rows and columns a view shows, and what a comparison puts first.

use crate::model::dataset::{Dataset, Group, Messenger, NetworkId, Platform};
use crate::model::ids::{deserialize_by_id, id_enum};
use crate::model::sort::{Column, PLATFORMS_COLUMN};

id_enum! {
    /// A yes/no filter people ask for.
    pub enum Need {
        /// Meets every minimum requirement of the guide.
        Minimum = "minimum",
        /// Does not require a phone number.
        NoPhone = "no-phone",
        /// Works over Tor (built in or as an option).
        Tor = "tor",
        /// Works without internet, over Wi-Fi or Bluetooth nearby.
        LocalMesh = "local-mesh",
    }
}
deserialize_by_id!(Need);

impl Need {
    /// Whether a messenger meets this need: every minimum requirement, or the values its rule
    /// in `data/criteria.json` (`filters`) accepts.
    pub fn met_by(self, data: &Dataset, m: &Messenger) -> bool {
        if self == Need::Minimum {
            return data.met(m, Group::Minimum) == data.criteria_in(Group::Minimum).count();
        }
        data.filters
            .iter()
            .find(|rule| rule.need == self)
            .is_some_and(|rule| {
                m.cell(&rule.criterion)
                    .is_some_and(|cell| rule.values.contains(&cell.value))
            })
    }
}

/// The active row filters; the default shows every messenger.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Needs every shown messenger meets, sorted, without repeats.
    pub needs: Vec<Need>,
    /// Only messengers with a download for this platform.
    pub platform: Option<Platform>,
    /// Only messengers that use this network architecture.
    pub network: Option<NetworkId>,
}

impl Filter {
    /// Whether any filter is active.
    pub fn is_active(&self) -> bool {
        !self.needs.is_empty() || self.platform.is_some() || self.network.is_some()
    }

    /// The filter with `need` switched on or off, keeping `needs` sorted and unique.
    pub fn toggled(&self, need: Need, on: bool) -> Filter {
        let mut next = self.clone();
        next.needs.retain(|n| *n != need);
        if on {
            next.needs.push(need);
            next.needs.sort_unstable();
        }
        next
    }

    /// Whether a messenger passes every active filter.
    pub fn passes(&self, data: &Dataset, m: &Messenger) -> bool {
        self.needs.iter().all(|need| need.met_by(data, m))
            && self
                .platform
                .is_none_or(|p| m.downloads.iter().any(|d| d.platform == p))
            && self.network.is_none_or(|n| m.networks.contains(&n))
    }
}

/// Indices of the messengers that pass `filter` and, when `only` is given, are among those
/// rows; in dataset order.
pub fn visible_rows(data: &Dataset, filter: &Filter, only: Option<&[usize]>) -> Vec<usize> {
    data.messengers
        .iter()
        .enumerate()
        .filter(|(i, m)| only.is_none_or(|rows| rows.contains(i)) && filter.passes(data, m))
        .map(|(i, _)| i)
        .collect()
}

/// Indices of the criteria a view shows: all of them, or the chosen ones, in dataset order.
pub fn visible_criteria(data: &Dataset, only: Option<&[usize]>) -> Vec<usize> {
    (0..data.criteria.len())
        .filter(|i| only.is_none_or(|cols| cols.contains(i)))
        .collect()
}

/// The band of headers a matrix column sits under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Band {
    /// The messenger's name, under no band.
    Name,
    /// What most readers ask first (`everyday` in `data/criteria.json`).
    Everyday,
    /// The counts of requirements met, and the network.
    Summary,
    /// The rest of the criteria, in the guide's groups.
    Group(Group),
}

impl Band {
    /// The id used in `data-group` and the text key of the band's heading.
    pub fn id(self) -> &'static str {
        match self {
            Band::Name => "name",
            Band::Everyday => "everyday",
            Band::Summary => "summary",
            Band::Group(group) => group.id(),
        }
    }
}

/// The matrix's columns, in display order, each with its band: the name; the everyday
/// columns a lay reader cares about (phone number, offline, platforms, calls); the counts and
/// the network; then the other criteria in the guide's groups, a group in `folded` as one
/// [`Column::Folded`]. With `only`, criteria outside it are left out (the computed columns
/// stay).
pub fn matrix_columns(
    data: &Dataset,
    only: Option<&[usize]>,
    folded: &[Group],
) -> Vec<(Column, Band)> {
    let shown = visible_criteria(data, only);
    let everyday: Vec<Column> = data
        .everyday
        .iter()
        .filter_map(|id| {
            if id == PLATFORMS_COLUMN {
                return Some(Column::Platforms);
            }
            let i = data.criteria.iter().position(|c| &c.id == id)?;
            shown.contains(&i).then_some(Column::Criterion(i))
        })
        .collect();
    let mut columns = vec![(Column::Name, Band::Name)];
    columns.extend(everyday.iter().map(|&c| (c, Band::Everyday)));
    columns.extend(
        [
            Column::Met(Group::Minimum),
            Column::Met(Group::BestCase),
            Column::Network,
        ]
        .map(|c| (c, Band::Summary)),
    );
    for group in Group::ALL {
        let in_group: Vec<Column> = shown
            .iter()
            .filter(|&&i| data.criteria[i].group == group)
            .map(|&i| Column::Criterion(i))
            .filter(|c| !everyday.contains(c))
            .collect();
        let band = Band::Group(group);
        if in_group.is_empty() {
            continue;
        }
        if folded.contains(&group) {
            columns.push((Column::Folded(group), band));
        } else {
            columns.extend(in_group.into_iter().map(|c| (c, band)));
        }
    }
    columns
}

/// The `criteria` for a side-by-side comparison of `messengers`: those where their values
/// differ first, then those where they agree, each part in the order given. Each entry says
/// whether the values differ.
pub fn compare_rows(
    data: &Dataset,
    messengers: &[usize],
    criteria: &[usize],
) -> Vec<(usize, bool)> {
    let differs = |criterion: &str| {
        let mut values = messengers
            .iter()
            .filter_map(|&m| data.messengers.get(m))
            .map(|m| m.cell(criterion).map(|c| c.value));
        let first = values.next();
        values.any(|v| Some(v) != first)
    };
    let (mut differ, same): (Vec<_>, Vec<_>) = criteria
        .iter()
        .filter_map(|&i| Some((i, differs(&data.criteria.get(i)?.id))))
        .partition(|(_, d)| *d);
    differ.extend(same);
    differ
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> Dataset {
        Dataset::embedded().unwrap()
    }

    fn ids(data: &Dataset, filter: Filter) -> Vec<&str> {
        visible_rows(data, &filter, None)
            .into_iter()
            .map(|i| &*data.messengers[i].id)
            .collect()
    }

    fn with(needs: &[Need]) -> Filter {
        Filter {
            needs: needs.to_vec(),
            ..Filter::default()
        }
    }

    #[test]
    fn no_filter_shows_every_row() {
        let d = data();
        assert_eq!(
            ids(&d, Filter::default()),
            d.messengers.iter().map(|m| &*m.id).collect::<Vec<_>>()
        );
        assert!(!Filter::default().is_active());
    }

    #[test]
    fn network_filter_keeps_its_users() {
        let d = data();
        let by = |n| {
            ids(
                &d,
                Filter {
                    network: Some(n),
                    ..Filter::default()
                },
            )
        };
        assert_eq!(
            by(NetworkId::Centralized),
            ["signal", "molly", "whatsapp", "telegram", "threema"]
        );
        assert_eq!(by(NetworkId::Federated), ["element", "deltachat"]);
        assert_eq!(by(NetworkId::P2p), ["briar"]);
        assert_eq!(by(NetworkId::AnonymousRouting), ["briar", "session"]);
        assert_eq!(by(NetworkId::IndependentRelays), ["simplex"]);
    }

    #[test]
    fn needs_filter_by_the_guides_facts() {
        let d = data();
        assert_eq!(
            ids(&d, with(&[Need::Minimum])),
            ["signal", "simplex", "briar"]
        );
        assert_eq!(
            ids(&d, with(&[Need::NoPhone])),
            [
                "simplex",
                "briar",
                "element",
                "session",
                "threema",
                "deltachat"
            ]
        );
        assert_eq!(
            ids(&d, with(&[Need::Tor])),
            [
                "molly",
                "simplex",
                "briar",
                "element",
                "telegram",
                "deltachat"
            ]
        );
        assert_eq!(ids(&d, with(&[Need::LocalMesh])), ["briar"]);
        assert_eq!(
            ids(&d, with(&[Need::NoPhone, Need::Tor, Need::Minimum])),
            ["simplex", "briar"]
        );
    }

    #[test]
    fn platform_filter_uses_downloads() {
        let d = data();
        let ios = ids(
            &d,
            Filter {
                platform: Some(Platform::Ios),
                ..Filter::default()
            },
        );
        assert!(
            !ios.contains(&"briar") && ios.contains(&"signal"),
            "{ios:?}"
        );
        assert_eq!(
            ids(
                &d,
                Filter {
                    platform: Some(Platform::Web),
                    ..Filter::default()
                }
            ),
            ["element", "whatsapp", "telegram"]
        );
    }

    #[test]
    fn toggling_keeps_needs_sorted_and_unique() {
        let f = Filter::default()
            .toggled(Need::Tor, true)
            .toggled(Need::Minimum, true)
            .toggled(Need::Tor, true);
        assert_eq!(f.needs, [Need::Minimum, Need::Tor]);
        assert_eq!(f.toggled(Need::Minimum, false).needs, [Need::Tor]);
        assert!(f.is_active());
    }

    #[test]
    fn chosen_rows_and_columns_narrow_the_view() {
        let d = data();
        let rows = visible_rows(&d, &Filter::default(), Some(&[4, 2]));
        assert_eq!(rows, [2, 4]);
        assert_eq!(visible_criteria(&d, Some(&[3, 0])), [0, 3]);
        assert_eq!(visible_criteria(&d, None).len(), d.criteria.len());
    }

    #[test]
    fn comparison_puts_differences_first() {
        let d = data();
        let all = visible_criteria(&d, None);
        let signal_session = compare_rows(&d, &[0, 4], &all);
        assert_eq!(signal_session.len(), d.criteria.len());
        let first_same = signal_session
            .iter()
            .position(|(_, differs)| !differs)
            .unwrap();
        assert!(signal_session[..first_same]
            .iter()
            .all(|(_, differs)| *differs));
        assert!(signal_session[first_same..]
            .iter()
            .all(|(_, differs)| !differs));
        let fs = d
            .criteria
            .iter()
            .position(|c| c.id == "forward-secrecy")
            .unwrap();
        assert!(signal_session.contains(&(fs, true)));
        let oss = d
            .criteria
            .iter()
            .position(|c| c.id == "open-source-clients")
            .unwrap();
        assert!(signal_session.contains(&(oss, false)));
        assert!(compare_rows(&d, &[1, 1], &all)
            .iter()
            .all(|(_, differs)| !differs));
        assert_eq!(
            compare_rows(&d, &[0, 4], &[oss, fs]),
            [(fs, true), (oss, false)]
        );
    }

    /// Column ids in display order, as `sort=` names them, with each band's id.
    fn column_ids(data: &Dataset, only: Option<&[usize]>) -> Vec<(String, &'static str)> {
        matrix_columns(data, only, &[])
            .into_iter()
            .map(|(column, band)| {
                let id = match column {
                    Column::Name => "name".to_owned(),
                    Column::Platforms => PLATFORMS_COLUMN.to_owned(),
                    Column::Network => "network".to_owned(),
                    Column::Met(group) => format!("{}-met", group.id()),
                    Column::Criterion(i) => data.criteria[i].id.to_string(),
                    Column::Folded(group) => format!("folded-{}", group.id()),
                };
                (id, band.id())
            })
            .collect()
    }

    #[test]
    fn everyday_columns_come_first_then_the_counts_then_the_guide_groups() {
        let data = data();
        let columns = column_ids(&data, None);
        let first: Vec<(&str, &str)> = columns[..9]
            .iter()
            .map(|(id, band)| (id.as_str(), *band))
            .collect();
        assert_eq!(
            first,
            [
                ("name", "name"),
                ("phone-number-required", "everyday"),
                ("local-mesh", "everyday"),
                ("platforms", "everyday"),
                ("e2ee-calls", "everyday"),
                ("e2ee-group-calls", "everyday"),
                ("minimum-met", "summary"),
                ("best-case-met", "summary"),
                ("network", "summary"),
            ]
        );
        // Every criterion exactly once, the rest in their guide group, groups in order.
        assert_eq!(columns.len(), 4 + 1 + data.criteria.len());
        let rest: Vec<&str> = columns[9..].iter().map(|(_, band)| *band).collect();
        let mut sorted = rest.clone();
        sorted.sort_by_key(|band| {
            ["minimum", "best-case", "more"]
                .iter()
                .position(|b| b == band)
        });
        assert_eq!(rest, sorted);
        assert_eq!(rest.first(), Some(&"minimum"));
        assert_eq!(rest.last(), Some(&"more"));
        assert!(columns[9..]
            .iter()
            .all(|(id, _)| !data.everyday.iter().any(|e| e == id)));
    }

    #[test]
    fn a_folded_group_becomes_one_column_in_its_place() {
        let data = data();
        let columns = matrix_columns(&data, None, &[Group::Minimum, Group::More]);
        let bands: Vec<&str> = columns.iter().map(|(_, band)| band.id()).collect();
        let folded: Vec<Column> = columns
            .iter()
            .filter_map(|&(c, _)| matches!(c, Column::Folded(_)).then_some(c))
            .collect();
        assert_eq!(
            folded,
            [Column::Folded(Group::Minimum), Column::Folded(Group::More)]
        );
        let best_case = data
            .criteria_in(Group::BestCase)
            .filter(|c| !data.everyday.contains(&c.id))
            .count();
        assert_eq!(
            bands.iter().filter(|b| **b == "best-case").count(),
            best_case
        );
        assert_eq!(bands.iter().filter(|b| **b == "minimum").count(), 1);
        assert_eq!(bands.iter().filter(|b| **b == "everyday").count(), 5);
        // Everyday criteria never fold away with their guide group.
        assert!(columns.iter().any(|(c, _)| *c
            == Column::Criterion(
                data.criteria
                    .iter()
                    .position(|c| c.id == "local-mesh")
                    .unwrap()
            )));
    }

    #[test]
    fn chosen_columns_keep_the_computed_ones_and_their_places() {
        let data = data();
        let at = |id: &str| data.criteria.iter().position(|c| c.id == id).unwrap();
        let only = [at("tor"), at("local-mesh")];
        let ids: Vec<String> = column_ids(&data, Some(&only))
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        assert_eq!(
            ids,
            [
                "name",
                "local-mesh",
                "platforms",
                "minimum-met",
                "best-case-met",
                "network",
                "tor"
            ]
        );
    }
}
