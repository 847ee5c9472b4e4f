//! Which rows the matrix shows.

use crate::model::dataset::{Dataset, NetworkId};

/// The active row filters; the default shows every messenger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Only messengers that use this network architecture.
    pub network: Option<NetworkId>,
}

impl Filter {
    /// Whether any filter is active.
    pub fn is_active(&self) -> bool {
        self.network.is_some()
    }
}

/// Indices of the messengers that pass `filter`, in dataset order.
pub fn visible_rows(data: &Dataset, filter: &Filter) -> Vec<usize> {
    data.messengers
        .iter()
        .enumerate()
        .filter(|(_, m)| filter.network.is_none_or(|n| m.networks.contains(&n)))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(data: &Dataset, filter: Filter) -> Vec<&str> {
        visible_rows(data, &filter)
            .into_iter()
            .map(|i| data.messengers[i].id.as_str())
            .collect()
    }

    #[test]
    fn no_filter_shows_every_row() {
        let d = Dataset::embedded().unwrap();
        assert_eq!(
            ids(&d, Filter::default()),
            ["signal", "simplex", "briar", "element", "session"]
        );
        assert!(!Filter::default().is_active());
    }

    #[test]
    fn network_filter_keeps_its_users() {
        let d = Dataset::embedded().unwrap();
        assert_eq!(
            ids(
                &d,
                Filter {
                    network: Some(NetworkId::Centralized)
                }
            ),
            ["signal"]
        );
        assert_eq!(
            ids(
                &d,
                Filter {
                    network: Some(NetworkId::Federated)
                }
            ),
            ["simplex", "element"]
        );
        let p2p = ids(
            &d,
            Filter {
                network: Some(NetworkId::P2p),
            },
        );
        assert!(
            p2p.contains(&"briar") && !p2p.contains(&"signal"),
            "{p2p:?}"
        );
        let anon = ids(
            &d,
            Filter {
                network: Some(NetworkId::AnonymousRouting),
            },
        );
        assert!(
            anon.contains(&"session") && anon.contains(&"briar"),
            "{anon:?}"
        );
    }
}
