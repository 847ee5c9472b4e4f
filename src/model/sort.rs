//! Orderings of the matrix rows, as permutations of row indices (rows are never cloned).

use crate::model::dataset::{Dataset, Group, Value};
use std::cmp::Ordering;

/// A sortable column of the matrix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// The messenger's name.
    Name,
    /// A criterion, by its index in [`Dataset::criteria`].
    Criterion(usize),
    /// How many criteria of a group are met (the computed columns).
    Met(Group),
    /// The network architecture(s) a messenger uses.
    Network,
    /// The platforms a messenger has a download for.
    Platforms,
    /// A folded group of criteria: one narrow column standing for all of them (not sortable).
    Folded(Group),
}

/// The id of the platforms column in `data/criteria.json`'s `everyday` list and in `sort=`.
pub const PLATFORMS_COLUMN: &str = "platforms";

/// The active sort: a column and whether it has been reversed from its natural order.
///
/// The natural order is A→Z for names, the guide's order of architectures (centralized,
/// federated, peer-to-peer, anonymous routing) for networks, and best-first for values and
/// counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Sort {
    pub column: Column,
    pub reversed: bool,
}

impl Sort {
    /// The sort after activating `column`: a new column starts in its natural order; activating
    /// the sorted column again reverses it.
    pub fn activate(current: Option<Sort>, column: Column) -> Sort {
        match current {
            Some(sort) if sort.column == column => Sort {
                column,
                reversed: !sort.reversed,
            },
            _ => Sort {
                column,
                reversed: false,
            },
        }
    }
}

/// The `aria-sort` value of a column's header under `sort`.
pub fn aria_sort(sort: Option<Sort>, column: Column) -> &'static str {
    match sort {
        Some(s) if s.column == column => {
            // Names ascend A→Z naturally; values and counts are shown best (highest) first.
            let natural_ascending = matches!(column, Column::Name | Column::Network);
            if natural_ascending != s.reversed {
                "ascending"
            } else {
                "descending"
            }
        }
        _ => "none",
    }
}

/// How good a value is for a criterion whose best value is `best`: higher is better.
///
/// yes > partial > disputed > unknown > not-applicable > no, with yes and no swapped when
/// `no` is the better answer (as for "phone number required").
pub fn value_rank(value: Value, best: Value) -> u8 {
    let (top, bottom) = if best == Value::No {
        (Value::No, Value::Yes)
    } else {
        (Value::Yes, Value::No)
    };
    match value {
        v if v == top => 5,
        Value::Partial => 4,
        Value::Disputed => 3,
        Value::Unknown => 2,
        Value::NotApplicable => 1,
        v if v == bottom => 0,
        _ => 0,
    }
}

/// Each messenger's place in name order under `collate` (the reader's collation): computed
/// once per language, so sorting by name compares integers, not strings across wasm and JS.
pub fn name_ranks(data: &Dataset, collate: &dyn Fn(&str, &str) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..data.messengers.len()).collect();
    order.sort_by(|&a, &b| collate(&data.messengers[a].name, &data.messengers[b].name));
    let mut ranks = vec![0; order.len()];
    for (rank, messenger) in order.into_iter().enumerate() {
        ranks[messenger] = rank;
    }
    ranks
}

/// Sorts `rows` (indices into [`Dataset::messengers`]) in place. Each row's key is computed
/// once, then the rows are sorted by key. The sort is stable, so rows that tie keep the order
/// they came in, in both directions. `name_ranks` comes from [`name_ranks`]; without it names
/// sort by code point.
pub fn sort_rows(
    data: &Dataset,
    rows: &mut [usize],
    sort: Option<Sort>,
    name_ranks: Option<&[usize]>,
) {
    let Some(sort) = sort else { return };
    let key = |m: usize| -> i64 {
        let messenger = &data.messengers[m];
        match sort.column {
            Column::Name => name_ranks.and_then(|r| r.get(m)).map_or(0, |&r| r as i64),
            // Best first: the higher the rank or count, the smaller the key.
            Column::Criterion(i) => data.criteria.get(i).map_or(0, |criterion| {
                -i64::from(
                    messenger
                        .cell(&criterion.id)
                        .map_or(0, |c| value_rank(c.value, criterion.best)),
                )
            }),
            Column::Met(group) => -(data.met(messenger, group) as i64),
            Column::Network => messenger
                .networks
                .iter()
                .min()
                .map_or(i64::MAX, |n| *n as i64),
            Column::Platforms => -(messenger.platforms().len() as i64),
            Column::Folded(_) => 0,
        }
    };
    let mut keyed: Vec<(i64, usize)> = rows.iter().map(|&m| (key(m), m)).collect();
    let by_name = sort.column == Column::Name && name_ranks.is_none();
    let natural = |a: &(i64, usize), b: &(i64, usize)| {
        if by_name {
            data.messengers[a.1].name.cmp(&data.messengers[b.1].name)
        } else {
            a.0.cmp(&b.0)
        }
    };
    if sort.reversed {
        keyed.sort_by(|a, b| natural(b, a));
    } else {
        keyed.sort_by(natural);
    }
    for (slot, (_, m)) in rows.iter_mut().zip(keyed) {
        *slot = m;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::Dataset;

    fn data() -> Dataset {
        Dataset::embedded().expect("embedded dataset parses")
    }

    fn ids(data: &Dataset, rows: &[usize]) -> Vec<String> {
        rows.iter()
            .map(|&i| data.messengers[i].id.to_string())
            .collect()
    }

    fn by(column: Column, reversed: bool) -> Option<Sort> {
        Some(Sort { column, reversed })
    }

    fn sorted(data: &Dataset, sort: Option<Sort>) -> Vec<String> {
        let mut rows: Vec<usize> = (0..data.messengers.len()).collect();
        let ranks = name_ranks(data, &|a: &str, b: &str| {
            a.to_lowercase().cmp(&b.to_lowercase())
        });
        sort_rows(data, &mut rows, sort, Some(&ranks));
        ids(data, &rows)
    }

    fn column(data: &Dataset, id: &str) -> Column {
        Column::Criterion(data.criteria.iter().position(|c| c.id == id).expect(id))
    }

    #[test]
    fn ranks_values_best_first() {
        let order: Vec<u8> = [
            Value::Yes,
            Value::Partial,
            Value::Disputed,
            Value::Unknown,
            Value::NotApplicable,
            Value::No,
        ]
        .into_iter()
        .map(|v| value_rank(v, Value::Yes))
        .collect();
        assert!(order.windows(2).all(|w| w[0] > w[1]), "{order:?}");
        assert!(value_rank(Value::No, Value::No) > value_rank(Value::Partial, Value::No));
        assert!(value_rank(Value::Yes, Value::No) < value_rank(Value::NotApplicable, Value::No));
    }

    #[test]
    fn activation_starts_natural_then_reverses_then_restores() {
        let first = Sort::activate(None, Column::Name);
        assert_eq!(
            first,
            Sort {
                column: Column::Name,
                reversed: false
            }
        );
        let second = Sort::activate(Some(first), Column::Name);
        assert!(second.reversed);
        assert!(!Sort::activate(Some(second), Column::Name).reversed);
        let other = Sort::activate(Some(second), Column::Met(Group::Minimum));
        assert_eq!(
            other,
            Sort {
                column: Column::Met(Group::Minimum),
                reversed: false
            }
        );
    }

    #[test]
    fn aria_sort_follows_direction() {
        let fs = Column::Criterion(0);
        assert_eq!(aria_sort(None, fs), "none");
        assert_eq!(aria_sort(by(fs, false), fs), "descending");
        assert_eq!(aria_sort(by(fs, true), fs), "ascending");
        assert_eq!(
            aria_sort(by(Column::Name, false), Column::Name),
            "ascending"
        );
        assert_eq!(aria_sort(by(Column::Name, false), fs), "none");
    }

    #[test]
    fn unsorted_keeps_dataset_order() {
        let d = data();
        assert_eq!(
            sorted(&d, None),
            d.messengers.iter().map(|m| &*m.id).collect::<Vec<_>>()
        );
    }

    #[test]
    fn name_sorts_alphabetically_both_ways() {
        let d = data();
        let az = sorted(&d, by(Column::Name, false));
        assert_eq!(
            az,
            [
                "briar",
                "deltachat",
                "element",
                "molly",
                "session",
                "signal",
                "simplex",
                "telegram",
                "threema",
                "whatsapp"
            ]
        );
        let za = sorted(&d, by(Column::Name, true));
        assert_eq!(
            za,
            [
                "whatsapp",
                "threema",
                "telegram",
                "simplex",
                "signal",
                "session",
                "molly",
                "element",
                "deltachat",
                "briar"
            ]
        );
    }

    #[test]
    fn forward_secrecy_sorts_best_first_with_stable_ties() {
        let d = data();
        let col = column(&d, "forward-secrecy");
        let best_first = sorted(&d, by(col, false));
        // Ties keep dataset order: yes, then partial, disputed, unknown, and no last.
        assert_eq!(
            best_first,
            [
                "signal",
                "molly",
                "simplex",
                "briar",
                "telegram",
                "threema",
                "element",
                "whatsapp",
                "session",
                "deltachat"
            ]
        );
        let worst_first = sorted(&d, by(col, true));
        assert_eq!(
            worst_first,
            [
                "session",
                "deltachat",
                "whatsapp",
                "element",
                "telegram",
                "threema",
                "signal",
                "molly",
                "simplex",
                "briar"
            ]
        );
    }

    #[test]
    fn phone_number_sorts_no_as_best() {
        let d = data();
        let col = column(&d, "phone-number-required");
        let best_first = sorted(&d, by(col, false));
        assert_eq!(
            best_first[..6],
            [
                "simplex",
                "briar",
                "element",
                "session",
                "threema",
                "deltachat"
            ]
        );
        assert_eq!(best_first[6..], ["signal", "molly", "whatsapp", "telegram"]);
    }

    #[test]
    fn met_columns_sort_by_count() {
        let d = data();
        let order = sorted(&d, by(Column::Met(Group::BestCase), false));
        let counts: Vec<usize> = order
            .iter()
            .map(|id| d.met(d.messenger(id).unwrap(), Group::BestCase))
            .collect();
        assert!(
            counts.windows(2).all(|w| w[0] >= w[1]),
            "{order:?} {counts:?}"
        );
        assert!(counts[0] > counts[counts.len() - 1]);
    }

    #[test]
    fn network_sorts_in_the_guides_order_of_architectures() {
        let d = data();
        let order = sorted(&d, by(Column::Network, false));
        assert_eq!(
            order,
            [
                "signal",
                "molly",
                "whatsapp",
                "telegram",
                "threema",
                "element",
                "deltachat",
                "briar",
                "session",
                "simplex"
            ]
        );
        assert_eq!(
            aria_sort(by(Column::Network, false), Column::Network),
            "ascending"
        );
        let reversed = sorted(&d, by(Column::Network, true));
        assert_eq!(
            reversed,
            [
                "simplex",
                "session",
                "briar",
                "element",
                "deltachat",
                "signal",
                "molly",
                "whatsapp",
                "telegram",
                "threema"
            ]
        );
    }

    #[test]
    fn sorting_a_subset_touches_only_its_rows() {
        let d = data();
        let session = d.messengers.iter().position(|m| m.id == "session").unwrap();
        let mut rows = vec![session, 0];
        sort_rows(&d, &mut rows, by(Column::Name, false), None);
        assert_eq!(ids(&d, &rows), ["session", "signal"]);
    }

    #[test]
    fn name_ranks_follow_the_collation() {
        let d = data();
        let reverse = name_ranks(&d, &|a: &str, b: &str| b.cmp(a));
        // Reverse code-point order: WhatsApp, Threema, Telegram, SimpleX Chat, Signal,
        // Session, Molly, Element, Delta Chat, Briar.
        assert_eq!(reverse, [4, 6, 3, 9, 7, 5, 0, 2, 1, 8]);
        let mut rows: Vec<usize> = (0..d.messengers.len()).collect();
        sort_rows(&d, &mut rows, by(Column::Name, false), Some(&reverse));
        assert_eq!(
            ids(&d, &rows),
            [
                "whatsapp",
                "threema",
                "telegram",
                "simplex",
                "signal",
                "session",
                "molly",
                "element",
                "deltachat",
                "briar"
            ]
        );
    }

    #[test]
    fn sorting_is_stable_for_ties_on_large_inputs() {
        let d = data();
        // Many copies of the first six rows (four yes, one disputed, one no): ties must keep
        // their incoming order.
        let mut rows: Vec<usize> = (0..1200).map(|i| i % 6).collect();
        let col = column(&d, "forward-secrecy");
        sort_rows(&d, &mut rows, by(col, false), None);
        assert!(
            rows[..800].chunks(4).all(|c| c == [0, 1, 2, 3]),
            "ties keep their order"
        );
        assert_eq!(rows[800..1000], [4; 200]);
        assert_eq!(rows[1000..], [5; 200]);
    }
}
