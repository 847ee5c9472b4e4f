//! The whole view as one value, and the actions that change it: pure, tested natively.
//! Components dispatch [`Action`]s; [`AppState::apply`] decides what they mean.

use crate::model::dataset::NetworkId;
use crate::model::filter::Filter;
use crate::model::locale::Locale;
use crate::model::sort::{Column, Sort};

/// Which of the widget's views is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The feature matrix.
    #[default]
    Matrix,
    /// "How messengers connect": the network architectures.
    Networks,
}

/// A messenger, by its index in the dataset.
pub type MessengerIx = usize;
/// A criterion, by its index in the dataset.
pub type CriterionIx = usize;

/// Everything that decides what the reader sees.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppState {
    pub view: View,
    pub sort: Option<Sort>,
    pub filter: Filter,
    /// The value cell whose note, sources and date are shown.
    pub open_cell: Option<(MessengerIx, CriterionIx)>,
    /// The messenger whose detail dialog is open.
    pub detail: Option<MessengerIx>,
    /// The architecture the networks view brings into view, when reached from the matrix.
    pub focus_network: Option<NetworkId>,
    pub locale: Locale,
}

/// Something the reader did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Activate a column header.
    SortBy(Column),
    /// Activate a value cell: opens its note, or closes it when it is already open.
    ToggleCell(MessengerIx, CriterionIx),
    /// Open a messenger's detail.
    OpenDetail(MessengerIx),
    /// Close the detail.
    CloseDetail,
    /// Switch language; view, sort and selection stay.
    SetLocale(Locale),
    /// Switch view.
    ShowView(View),
    /// Show only the messengers of one architecture (or all), in the matrix.
    FilterNetwork(Option<NetworkId>),
    /// Open the networks view at one architecture (from the matrix's network column).
    ShowNetwork(NetworkId),
}

impl AppState {
    /// The state after `action`.
    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        match action {
            Action::SortBy(column) => next.sort = Some(Sort::activate(self.sort, column)),
            Action::ToggleCell(m, c) => {
                next.open_cell = (self.open_cell != Some((m, c))).then_some((m, c));
            }
            Action::OpenDetail(m) => next.detail = Some(m),
            Action::CloseDetail => next.detail = None,
            Action::SetLocale(locale) => next.locale = locale,
            Action::ShowView(view) => {
                next.view = view;
                next.focus_network = None;
            }
            Action::ShowNetwork(network) => {
                next.view = View::Networks;
                next.focus_network = Some(network);
            }
            Action::FilterNetwork(network) => {
                next.filter.network = network;
                next.view = View::Matrix;
                // A note about a row the filter hides would point at nothing.
                next.open_cell = None;
            }
        }
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::Group;

    #[test]
    fn sorting_twice_reverses() {
        let s = AppState::default().apply(Action::SortBy(Column::Criterion(5)));
        assert_eq!(
            s.sort,
            Some(Sort {
                column: Column::Criterion(5),
                reversed: false
            })
        );
        let s = s.apply(Action::SortBy(Column::Criterion(5)));
        assert_eq!(
            s.sort,
            Some(Sort {
                column: Column::Criterion(5),
                reversed: true
            })
        );
        let s = s.apply(Action::SortBy(Column::Met(Group::Minimum)));
        assert_eq!(
            s.sort,
            Some(Sort {
                column: Column::Met(Group::Minimum),
                reversed: false
            })
        );
    }

    #[test]
    fn a_cell_toggles_and_another_replaces_it() {
        let s = AppState::default().apply(Action::ToggleCell(0, 3));
        assert_eq!(s.open_cell, Some((0, 3)));
        assert_eq!(s.apply(Action::ToggleCell(1, 3)).open_cell, Some((1, 3)));
        assert_eq!(s.apply(Action::ToggleCell(0, 3)).open_cell, None);
    }

    #[test]
    fn switching_language_keeps_the_view() {
        let s = AppState::default()
            .apply(Action::SortBy(Column::Name))
            .apply(Action::ToggleCell(2, 1))
            .apply(Action::OpenDetail(4));
        let locale = crate::model::locale::Locale::all().last().unwrap();
        let t = s.apply(Action::SetLocale(locale));
        assert_eq!(
            (t.sort, t.open_cell, t.detail, t.view),
            (s.sort, s.open_cell, s.detail, s.view)
        );
        assert_eq!(t.locale, locale);
    }

    #[test]
    fn filtering_by_network_shows_the_matrix_and_closes_notes() {
        let s = AppState::default()
            .apply(Action::ToggleCell(0, 0))
            .apply(Action::ShowView(View::Networks))
            .apply(Action::FilterNetwork(Some(NetworkId::P2p)));
        assert_eq!(s.view, View::Matrix);
        assert_eq!(s.filter.network, Some(NetworkId::P2p));
        assert_eq!(s.open_cell, None);
        assert_eq!(
            s.apply(Action::FilterNetwork(None)).filter,
            Filter::default()
        );
    }

    #[test]
    fn the_network_column_leads_to_its_architecture() {
        let s = AppState::default().apply(Action::ShowNetwork(NetworkId::Federated));
        assert_eq!(
            (s.view, s.focus_network),
            (View::Networks, Some(NetworkId::Federated))
        );
        let back = s.apply(Action::ShowView(View::Matrix));
        assert_eq!((back.view, back.focus_network), (View::Matrix, None));
    }

    #[test]
    fn detail_opens_and_closes() {
        let s = AppState::default().apply(Action::OpenDetail(2));
        assert_eq!(s.detail, Some(2));
        assert_eq!(s.apply(Action::CloseDetail).detail, None);
    }
}
