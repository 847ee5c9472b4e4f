//! The app's one state and the actions that change it: pure, tested natively.
//! Components dispatch [`Action`]s; [`AppState::apply`] decides what they mean.

use crate::model::dataset::{NeedIndex, NetworkId, Platform};
use crate::model::filter::Need;
use crate::model::host_options::{Accent, AccentProblem, Density, Font, HostOptions, Part};
use crate::model::locale::{Catalog, Locale, Texts};
use crate::model::sort::{Column, Sort};
use crate::model::view_state::{CellAt, Page, Theme, ViewState, MAX_COMPARED};
use std::rc::Rc;

/// Everything that decides what the reader sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppState {
    /// What a shared link restores (and the URL always shows). Its `locale` is the language
    /// wanted, which `texts` follow once that language's file has been read.
    pub view: ViewState,
    /// The texts shown: the wanted language's once loaded; until then the previous ones.
    pub texts: Rc<Texts>,
    /// The language whose file could not be read, and why; the texts are English meanwhile.
    pub locale_failure: Option<(Locale, String)>,
    /// The architecture the networks page brings into view, when reached from the matrix.
    pub focus_network: Option<NetworkId>,
    /// Link parameters that were ignored, until the reader dismisses the notice.
    pub ignored: Vec<String>,
    /// The host page's colour scheme, when embedded and the host has said it.
    pub host_theme: Option<Theme>,
    /// "Embed this view", while it is open: the options being chosen for the snippet.
    pub builder: Option<EmbedBuilder>,
    /// Whether a long text has been shown (a note, the comparison, a messenger's detail, the
    /// networks page): from then on the long texts are wanted, which the browser's embedded
    /// English lacks until its file is read (`model::long_text`).
    pub long_texts_wanted: bool,
    /// Why the English file with the long texts could not be read, if it could not.
    pub long_texts_failure: Option<String>,
}

/// The embed builder's choices: how the embedded view should look. The view itself (page,
/// sort, filters, language) is the one on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedBuilder {
    pub theme: Theme,
    pub transparent: bool,
    pub options: HostOptions,
    /// The accent as typed, which [`EmbedBuilder::options`] follows once it reads.
    pub accent_text: String,
    /// What is wrong with the accent as typed, if anything.
    pub accent_problem: Option<AccentProblem>,
    /// Whether the last "Copy" put the code on the clipboard (`false`: the browser refused,
    /// and the code is selected instead); cleared when the code changes.
    pub copied: Option<bool>,
}

/// One change in the embed builder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedEdit {
    Theme(Theme),
    Transparent(bool),
    /// The accent field's text; empty keeps the widget's own accent.
    Accent(String),
    Density(Density),
    Font(Font),
    Hide(Part, bool),
}

impl EmbedBuilder {
    /// The builder as it opens: the options of the view on screen.
    pub fn of(view: &ViewState) -> EmbedBuilder {
        EmbedBuilder {
            theme: view.theme,
            transparent: view.transparent,
            options: view.options.clone(),
            accent_text: view.options.accent.write().unwrap_or_default(),
            accent_problem: None,
            copied: None,
        }
    }

    /// The view to embed: the one on screen, embedded, with the builder's options.
    pub fn embedded(&self, view: &ViewState) -> ViewState {
        ViewState {
            embed: true,
            theme: self.theme,
            transparent: self.transparent,
            options: self.options.clone(),
            ..view.clone()
        }
    }

    fn apply(&mut self, edit: EmbedEdit) {
        match edit {
            EmbedEdit::Theme(theme) => self.theme = theme,
            EmbedEdit::Transparent(on) => self.transparent = on,
            EmbedEdit::Accent(text) => self.accent_text = text,
            EmbedEdit::Density(density) => self.options.density = density,
            EmbedEdit::Font(font) => self.options.font = font,
            EmbedEdit::Hide(part, hidden) => self.options.set_hidden(part, hidden),
        }
        // Re-read on every change: a pair's refusal depends on the theme chosen.
        let text = self.accent_text.trim();
        let (accent, problem) = if text.is_empty() {
            (Accent::default(), None)
        } else {
            Accent::read(text, self.theme)
        };
        self.options.accent = accent;
        self.accent_problem = problem;
        self.copied = None;
    }
}

/// Something the reader did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Activate a column header.
    SortBy(Column),
    /// Activate a value cell: opens its note, or closes it when it is already open.
    ToggleCell(CellAt),
    /// Open a messenger's detail.
    OpenDetail(usize),
    /// Close the detail.
    CloseDetail,
    /// Switch language; everything else stays. English shows at once; another language
    /// shows when its [`Action::LocaleLoaded`] arrives.
    SetLocale(Locale),
    /// A language's texts have been read. Ignored unless that language is still wanted, so
    /// that a slow answer for a language the reader has since left changes nothing.
    LocaleLoaded(Rc<Texts>),
    /// A language's file could not be read: English shows, with the reason. Ignored unless
    /// that language is still wanted.
    LocaleFailed(Locale, String),
    /// The build's English file has been read: its long texts join the texts, whatever the
    /// language.
    EnglishLoaded(Rc<Catalog>),
    /// The English file could not be read: where a long text goes, the reason shows.
    EnglishFailed(String),
    /// Switch the colour theme.
    SetTheme(Theme),
    /// Switch page.
    ShowPage(Page),
    /// Show only the messengers of one architecture (or all), in the matrix.
    FilterNetwork(Option<NetworkId>),
    /// Open the networks page at one architecture (from the matrix's network column).
    ShowNetwork(NetworkId),
    /// Switch a yes/no filter on or off.
    SetNeed(Need, bool),
    /// Show only messengers for one platform (or all).
    SetPlatform(Option<Platform>),
    /// Remove every filter, including the link's chosen rows.
    ClearFilters,
    /// Add a messenger to the comparison, or take it out; a fourth is refused.
    ToggleCompare(usize),
    /// Hide the notice about ignored link parameters.
    DismissNotice,
    /// Select a chooser need, or deselect it when it is selected.
    ToggleNeed(NeedIndex),
    /// Select exactly a preset's needs (from [`crate::model::dataset::Chooser::preset_needs`]),
    /// replacing those selected.
    ApplyPreset(Vec<NeedIndex>),
    /// Deselect every chooser need.
    ClearNeeds,
    /// The host page (of an embed) says its colour scheme is now light or dark.
    HostTheme(Theme),
    /// Show the matrix with only these criteria (the chooser's evidence for an answer), or
    /// every criterion when empty.
    ShowEvidence(Vec<usize>),
    /// Open "Embed this view" (starting from the view's own options) or close it.
    OpenBuilder(bool),
    /// Change one of the embed builder's options (ignored while it is closed).
    EditEmbed(EmbedEdit),
    /// The embed code was copied (`true`), or the clipboard was refused (`false`).
    Copied(bool),
}

impl Default for AppState {
    fn default() -> AppState {
        AppState::from_link(
            ViewState::default(),
            Vec::new(),
            Rc::new(Texts::english().0),
        )
    }
}

impl AppState {
    /// The state a link opens: its view, what it had to ignore, and the texts to start with.
    pub fn from_link(view: ViewState, ignored: Vec<String>, texts: Rc<Texts>) -> AppState {
        AppState {
            view,
            texts,
            locale_failure: None,
            focus_network: None,
            ignored,
            host_theme: None,
            builder: None,
            long_texts_wanted: false,
            long_texts_failure: None,
        }
        .noting_long_texts()
    }

    /// This state, noting whether its view shows a long text.
    fn noting_long_texts(mut self) -> AppState {
        let view = &self.view;
        self.long_texts_wanted |= view.open_cell.is_some()
            || view.detail.is_some()
            || view.page == Page::Networks
            || (view.page == Page::Compare && !view.compare.is_empty());
        self
    }

    /// Whether the English file must be read now for its long texts: one has been shown, the
    /// texts lack them, and no earlier read has failed.
    pub fn long_texts_to_load(&self) -> bool {
        self.long_texts_wanted && self.long_texts_failure.is_none() && self.texts.lacks_long_texts()
    }

    /// The theme shown: the reader's or the link's choice; under "auto", an embed follows
    /// its host page once the host has said its scheme.
    pub fn shown_theme(&self) -> Theme {
        match (self.view.theme, self.host_theme) {
            (Theme::Auto, Some(host)) if self.view.embed => host,
            (theme, _) => theme,
        }
    }

    /// The language whose file must be read now: the wanted one, while it is not shown and
    /// has not failed.
    pub fn locale_to_load(&self) -> Option<Locale> {
        let wanted = self.view.locale;
        let failed = self
            .locale_failure
            .as_ref()
            .is_some_and(|(l, _)| *l == wanted);
        (self.texts.locale != wanted && !failed).then_some(wanted)
    }

    /// The state after `action`.
    pub fn apply(&self, action: Action) -> AppState {
        let mut next = self.clone();
        let view = &mut next.view;
        match action {
            Action::SortBy(column) => view.sort = Some(Sort::activate(self.view.sort, column)),
            Action::ToggleCell(cell) => {
                view.open_cell = (self.view.open_cell != Some(cell)).then_some(cell);
            }
            Action::OpenDetail(m) => view.detail = Some(m),
            Action::CloseDetail => view.detail = None,
            Action::SetLocale(locale) => {
                view.locale = locale;
                next.locale_failure = None;
                if locale == Locale::ENGLISH {
                    next.texts = Rc::new(self.texts.fallback());
                }
            }
            Action::LocaleLoaded(texts) => {
                if texts.locale == view.locale {
                    // Read from the texts of when the read began: English long texts read since stay.
                    next.texts = Rc::new(texts.with_english_of(&self.texts));
                    next.locale_failure = None;
                }
            }
            Action::EnglishLoaded(english) => {
                next.texts = Rc::new(self.texts.with_english(english));
            }
            Action::EnglishFailed(error) => next.long_texts_failure = Some(error),
            Action::LocaleFailed(locale, error) => {
                if locale == view.locale {
                    next.texts = Rc::new(self.texts.fallback());
                    next.locale_failure = Some((locale, error));
                }
            }
            Action::SetTheme(theme) => view.theme = theme,
            Action::ShowPage(page) => {
                view.page = page;
                next.focus_network = None;
            }
            Action::ShowNetwork(network) => {
                view.page = Page::Networks;
                next.focus_network = Some(network);
            }
            Action::FilterNetwork(network) => {
                view.filter.network = network;
                view.page = Page::Matrix;
            }
            Action::SetNeed(need, on) => view.filter = view.filter.toggled(need, on),
            Action::SetPlatform(platform) => view.filter.platform = platform,
            Action::ClearFilters => {
                view.filter = Default::default();
                view.rows = None;
            }
            Action::ToggleCompare(m) => {
                if let Some(at) = view.compare.iter().position(|&c| c == m) {
                    view.compare.remove(at);
                } else if view.compare.len() < MAX_COMPARED {
                    view.compare.push(m);
                }
            }
            Action::DismissNotice => next.ignored.clear(),
            Action::ToggleNeed(need) => {
                if let Some(at) = view.needs.iter().position(|&n| n == need) {
                    view.needs.remove(at);
                } else {
                    view.needs.push(need);
                    view.needs.sort_unstable();
                }
            }
            Action::ApplyPreset(mut needs) => {
                needs.sort_unstable();
                needs.dedup();
                view.needs = needs;
            }
            Action::ClearNeeds => view.needs.clear(),
            Action::HostTheme(theme) => {
                next.host_theme = (theme != Theme::Auto).then_some(theme);
            }
            Action::ShowEvidence(criteria) => {
                next.view = self.view.evidence(&criteria);
                next.focus_network = None;
            }
            Action::OpenBuilder(open) => {
                next.builder = match (open, &self.builder) {
                    (true, Some(builder)) => Some(builder.clone()),
                    (true, None) => Some(EmbedBuilder::of(&self.view)),
                    (false, _) => None,
                };
            }
            Action::EditEmbed(edit) => {
                if let Some(builder) = &mut next.builder {
                    builder.apply(edit);
                }
            }
            Action::Copied(ok) => {
                if let Some(builder) = &mut next.builder {
                    builder.copied = Some(ok);
                }
            }
        }
        next.noting_long_texts()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::dataset::Group;

    fn apply_all(actions: &[Action]) -> AppState {
        actions
            .iter()
            .fold(AppState::default(), |s, a| s.apply(a.clone()))
    }

    #[test]
    fn sorting_twice_reverses() {
        let s = apply_all(&[Action::SortBy(Column::Criterion(5))]);
        assert_eq!(
            s.view.sort,
            Some(Sort {
                column: Column::Criterion(5),
                reversed: false
            })
        );
        let s = s.apply(Action::SortBy(Column::Criterion(5)));
        assert_eq!(
            s.view.sort,
            Some(Sort {
                column: Column::Criterion(5),
                reversed: true
            })
        );
        let s = s.apply(Action::SortBy(Column::Met(Group::Minimum)));
        assert_eq!(
            s.view.sort,
            Some(Sort {
                column: Column::Met(Group::Minimum),
                reversed: false
            })
        );
    }

    #[test]
    fn a_cell_toggles_and_another_replaces_it() {
        let at = |messenger, criterion| CellAt {
            messenger,
            criterion,
        };
        let s = apply_all(&[Action::ToggleCell(at(0, 3))]);
        assert_eq!(s.view.open_cell, Some(at(0, 3)));
        assert_eq!(
            s.apply(Action::ToggleCell(at(1, 3))).view.open_cell,
            Some(at(1, 3))
        );
        assert_eq!(s.apply(Action::ToggleCell(at(0, 3))).view.open_cell, None);
    }

    #[test]
    fn switching_language_or_theme_keeps_the_view() {
        let s = apply_all(&[
            Action::SortBy(Column::Name),
            Action::ToggleCell(CellAt {
                messenger: 2,
                criterion: 1,
            }),
            Action::OpenDetail(4),
        ]);
        let locale = Locale::all().last().unwrap();
        let t = s
            .apply(Action::SetLocale(locale))
            .apply(Action::SetTheme(Theme::Dark));
        assert_eq!(
            (t.view.sort, t.view.open_cell, t.view.detail),
            (s.view.sort, s.view.open_cell, s.view.detail)
        );
        assert_eq!((t.view.locale, t.view.theme), (locale, Theme::Dark));
    }

    #[test]
    fn filtering_by_network_shows_the_matrix() {
        let s = apply_all(&[
            Action::ShowPage(Page::Networks),
            Action::FilterNetwork(Some(NetworkId::P2p)),
        ]);
        assert_eq!(s.view.page, Page::Matrix);
        assert_eq!(s.view.filter.network, Some(NetworkId::P2p));
        assert!(!s.apply(Action::FilterNetwork(None)).view.filter.is_active());
    }

    #[test]
    fn needs_platform_and_clearing() {
        let s = apply_all(&[
            Action::SetNeed(Need::Tor, true),
            Action::SetNeed(Need::Minimum, true),
            Action::SetPlatform(Some(Platform::Ios)),
        ]);
        assert_eq!(s.view.filter.needs, [Need::Minimum, Need::Tor]);
        assert_eq!(
            s.apply(Action::SetNeed(Need::Tor, false)).view.filter.needs,
            [Need::Minimum]
        );
        let mut with_rows = s.clone();
        with_rows.view.rows = Some(vec![0]);
        let cleared = with_rows.apply(Action::ClearFilters);
        assert!(!cleared.view.filter.is_active());
        assert_eq!(cleared.view.rows, None);
    }

    #[test]
    fn compare_holds_at_most_three_in_the_order_chosen() {
        let s = apply_all(&[
            Action::ToggleCompare(4),
            Action::ToggleCompare(0),
            Action::ToggleCompare(2),
            Action::ToggleCompare(1),
        ]);
        assert_eq!(s.view.compare, [4, 0, 2]);
        assert_eq!(s.apply(Action::ToggleCompare(0)).view.compare, [4, 2]);
    }

    #[test]
    fn the_network_column_leads_to_its_architecture() {
        let s = apply_all(&[Action::ShowNetwork(NetworkId::Federated)]);
        assert_eq!(
            (s.view.page, s.focus_network),
            (Page::Networks, Some(NetworkId::Federated))
        );
        let back = s.apply(Action::ShowPage(Page::Matrix));
        assert_eq!((back.view.page, back.focus_network), (Page::Matrix, None));
    }

    #[test]
    fn detail_and_notice() {
        let s = AppState::from_link(
            ViewState::default(),
            vec!["x=1".into()],
            Rc::new(Texts::english().0),
        )
        .apply(Action::OpenDetail(2));
        assert_eq!(s.view.detail, Some(2));
        assert_eq!(s.apply(Action::CloseDetail).view.detail, None);
        assert!(s.apply(Action::DismissNotice).ignored.is_empty());
    }

    #[test]
    fn needs_toggle_in_chooser_order() {
        let s = apply_all(&[
            Action::ToggleNeed(NeedIndex(4)),
            Action::ToggleNeed(NeedIndex(0)),
            Action::ToggleNeed(NeedIndex(2)),
        ]);
        assert_eq!(s.view.needs, [NeedIndex(0), NeedIndex(2), NeedIndex(4)]);
        assert_eq!(
            s.apply(Action::ToggleNeed(NeedIndex(2))).view.needs,
            [NeedIndex(0), NeedIndex(4)]
        );
    }

    #[test]
    fn a_preset_replaces_the_needs_and_clearing_empties_them() {
        let s = apply_all(&[
            Action::ToggleNeed(NeedIndex(1)),
            Action::ApplyPreset(vec![NeedIndex(5), NeedIndex(0), NeedIndex(5)]),
        ]);
        assert_eq!(s.view.needs, [NeedIndex(0), NeedIndex(5)]);
        let cleared = s.apply(Action::ClearNeeds);
        assert!(cleared.view.needs.is_empty());
        assert_eq!(cleared.view.page, s.view.page);
    }

    #[test]
    fn evidence_opens_the_matrix_on_the_deciding_criteria_only() {
        let s = apply_all(&[
            Action::SetPlatform(Some(crate::model::dataset::Platform::Ios)),
            Action::ShowEvidence(vec![14, 11, 14]),
        ]);
        assert_eq!(s.view.page, Page::Matrix);
        assert_eq!(s.view.cols, Some(vec![11, 14]));
        assert!(!s.view.filter.is_active(), "every messenger stays in view");
        let all = s.apply(Action::ShowEvidence(vec![]));
        assert_eq!(all.view.cols, None);
    }

    fn texts_in(locale: Locale) -> Rc<Texts> {
        let english = Texts::english().0;
        Rc::new(english.with_locale(locale, "test", "{}").unwrap())
    }

    fn locale(tag: &str) -> Locale {
        Locale::all().into_iter().find(|l| l.tag() == tag).unwrap()
    }

    fn core_english() -> AppState {
        let texts = Rc::new(Texts::english_from(crate::model::locale::ENGLISH_CORE).0);
        AppState::from_link(ViewState::default(), Vec::new(), texts)
    }

    fn whole_english() -> Rc<Catalog> {
        let file = crate::model::locale::ENGLISH_FILE;
        Rc::new(Catalog::parse(file.path, file.text).unwrap())
    }

    #[test]
    fn the_long_texts_are_read_once_a_note_is_shown_and_then_kept() {
        let at = CellAt {
            messenger: 0,
            criterion: 0,
        };
        let s = core_english();
        assert!(
            !s.long_texts_to_load(),
            "nothing read before a note is shown"
        );
        let s = s.apply(Action::ToggleCell(at));
        assert!(s.long_texts_to_load());
        let closed = s.apply(Action::ToggleCell(at));
        assert!(
            closed.long_texts_to_load(),
            "still wanted: the read under way is not begun again"
        );
        let s = s.apply(Action::EnglishLoaded(whole_english()));
        assert!(!s.long_texts_to_load());
        assert_ne!(
            s.texts.get("value.signal.forward-secrecy"),
            "value.signal.forward-secrecy"
        );
        // A language read from the texts of before the notes came keeps them underneath.
        let before = s.texts.clone();
        let s = s.apply(Action::SetLocale(locale("nl")));
        let dutch = Rc::new(
            core_english()
                .texts
                .with_locale(locale("nl"), "nl", "{}")
                .unwrap(),
        );
        let s = s.apply(Action::LocaleLoaded(dutch));
        assert!(!s.long_texts_to_load());
        let s = s.apply(Action::SetLocale(Locale::ENGLISH));
        assert_eq!(s.texts, Rc::new(before.fallback()));
    }

    #[test]
    fn the_comparison_wants_the_long_texts_and_a_failed_read_is_not_repeated() {
        let s = core_english().apply(Action::ShowPage(Page::Compare));
        assert!(
            !s.long_texts_to_load(),
            "no messenger chosen: no note shown"
        );
        let s = s.apply(Action::ToggleCompare(1));
        assert!(s.long_texts_to_load());
        let s = s.apply(Action::EnglishFailed("locales/en.json: HTTP 404".into()));
        assert!(!s.long_texts_to_load());
        assert_eq!(
            s.long_texts_failure.as_deref(),
            Some("locales/en.json: HTTP 404")
        );
        // A link that opens a note wants them from the start.
        let view = ViewState {
            open_cell: Some(CellAt {
                messenger: 2,
                criterion: 3,
            }),
            ..ViewState::default()
        };
        let texts = core_english().texts;
        assert!(AppState::from_link(view, Vec::new(), texts).long_texts_to_load());
    }

    #[test]
    fn a_messengers_detail_and_the_networks_page_want_the_long_texts_too() {
        assert!(core_english()
            .apply(Action::OpenDetail(0))
            .long_texts_to_load());
        assert!(core_english()
            .apply(Action::ShowPage(Page::Networks))
            .long_texts_to_load());
        for quiet in [
            Action::ShowPage(Page::Matrix),
            Action::SortBy(Column::Criterion(1)),
            Action::SetLocale(Locale::ENGLISH),
        ] {
            assert!(!core_english().apply(quiet).long_texts_to_load());
        }
    }

    #[test]
    fn a_language_shows_once_its_texts_arrive() {
        let s = AppState::default().apply(Action::SetLocale(locale("nl")));
        assert_eq!(s.view.locale, locale("nl"));
        assert_eq!(
            s.texts.locale,
            Locale::ENGLISH,
            "the previous texts stay meanwhile"
        );
        assert_eq!(s.locale_to_load(), Some(locale("nl")));
        let s = s.apply(Action::LocaleLoaded(texts_in(locale("nl"))));
        assert_eq!(s.texts.locale, locale("nl"));
        assert_eq!(s.locale_to_load(), None);
        let s = s.apply(Action::SetLocale(Locale::ENGLISH));
        assert_eq!(
            s.texts.locale,
            Locale::ENGLISH,
            "English is embedded: at once"
        );
        assert_eq!(s.locale_to_load(), None);
    }

    #[test]
    fn a_late_answer_for_a_language_no_longer_wanted_is_ignored() {
        let s = AppState::default()
            .apply(Action::SetLocale(locale("nl")))
            .apply(Action::SetLocale(locale("fr")));
        let late = s.apply(Action::LocaleLoaded(texts_in(locale("nl"))));
        assert_eq!(
            late, s,
            "Dutch arriving after French was chosen changes nothing"
        );
        let failed_late = s.apply(Action::LocaleFailed(locale("nl"), "HTTP 404".into()));
        assert_eq!(failed_late, s);
        let fr = s.apply(Action::LocaleLoaded(texts_in(locale("fr"))));
        assert_eq!(fr.texts.locale, locale("fr"));
        // And once French shows, a stray Dutch answer does not replace it.
        let stray = fr.apply(Action::LocaleLoaded(texts_in(locale("nl"))));
        assert_eq!(stray.texts.locale, locale("fr"));
    }

    #[test]
    fn a_failed_language_falls_back_to_english_once_and_says_why() {
        let s = AppState::default()
            .apply(Action::SetLocale(locale("he")))
            .apply(Action::LocaleFailed(
                locale("he"),
                "locales/he.json: HTTP 500".into(),
            ));
        assert_eq!(s.texts.locale, Locale::ENGLISH);
        assert_eq!(
            s.locale_failure,
            Some((locale("he"), "locales/he.json: HTTP 500".into()))
        );
        assert_eq!(s.locale_to_load(), None, "no endless retry");
        let again = s.apply(Action::SetLocale(locale("he")));
        assert_eq!(
            again.locale_to_load(),
            Some(locale("he")),
            "choosing it again retries"
        );
    }

    #[test]
    fn an_embed_follows_its_host_unless_a_theme_was_chosen() {
        let embedded = AppState::from_link(
            ViewState {
                embed: true,
                ..ViewState::default()
            },
            Vec::new(),
            Rc::new(Texts::english().0),
        );
        assert_eq!(embedded.shown_theme(), Theme::Auto);
        let dark = embedded.apply(Action::HostTheme(Theme::Dark));
        assert_eq!(dark.shown_theme(), Theme::Dark);
        assert_eq!(dark.view.theme, Theme::Auto, "the link is not changed");
        assert_eq!(
            dark.apply(Action::HostTheme(Theme::Light)).shown_theme(),
            Theme::Light
        );
        // data-theme (theme= in the link) or the reader's own choice wins over the host.
        let forced = dark.apply(Action::SetTheme(Theme::Light));
        assert_eq!(forced.shown_theme(), Theme::Light);
        assert_eq!(
            forced.apply(Action::HostTheme(Theme::Dark)).shown_theme(),
            Theme::Light
        );
        // A standalone page has no host to follow.
        let standalone = AppState::default().apply(Action::HostTheme(Theme::Dark));
        assert_eq!(standalone.shown_theme(), Theme::Auto);
    }

    #[test]
    fn the_embed_builder_starts_from_the_view_and_edits_only_its_own_options() {
        use crate::model::host_options::Rgb;
        let mut view = ViewState::default();
        view.options.font = Font::Serif;
        let s = AppState::from_link(view, Vec::new(), Rc::new(Texts::english().0));
        assert_eq!(
            s.apply(Action::EditEmbed(EmbedEdit::Transparent(true)))
                .builder,
            None
        );
        let open = s.apply(Action::OpenBuilder(true));
        assert_eq!(open.builder.as_ref().unwrap().options.font, Font::Serif);
        let edited = [
            EmbedEdit::Theme(Theme::Dark),
            EmbedEdit::Transparent(true),
            EmbedEdit::Density(Density::Compact),
            EmbedEdit::Font(Font::Mono),
            EmbedEdit::Hide(Part::Tabs, true),
            EmbedEdit::Accent(" #8ab4f8 ".into()),
        ]
        .into_iter()
        .fold(open, |s, e| s.apply(Action::EditEmbed(e)));
        let builder = edited.builder.clone().unwrap();
        let embedded = builder.embedded(&edited.view);
        assert!(embedded.embed && embedded.transparent);
        assert_eq!(embedded.theme, Theme::Dark);
        assert_eq!(embedded.options.density, Density::Compact);
        assert_eq!(embedded.options.font, Font::Mono);
        assert_eq!(embedded.options.hide, [Part::Tabs]);
        assert_eq!(embedded.options.accent.dark, Some(Rgb(0x8a, 0xb4, 0xf8)));
        // The page itself keeps its own look.
        assert_eq!(edited.view, s.view);
        // A malformed accent says so and sets none; a pair's side is judged by the theme.
        let bad = edited.apply(Action::EditEmbed(EmbedEdit::Accent("blue".into())));
        let b = bad.builder.unwrap();
        assert_eq!(
            (b.options.accent, b.accent_problem),
            (Accent::default(), Some(AccentProblem::Malformed))
        );
        let pair = edited.apply(Action::EditEmbed(EmbedEdit::Accent(
            "#0b7a4b,#0b7a4b".into(),
        )));
        assert!(pair.builder.as_ref().unwrap().accent_problem.is_some());
        let light = pair.apply(Action::EditEmbed(EmbedEdit::Theme(Theme::Light)));
        assert_eq!(light.builder.as_ref().unwrap().accent_problem, None);
        // "Copied" holds until the code changes.
        let copied = light.apply(Action::Copied(true));
        assert_eq!(copied.builder.as_ref().unwrap().copied, Some(true));
        let changed = copied.apply(Action::EditEmbed(EmbedEdit::Density(Density::Normal)));
        assert_eq!(changed.builder.as_ref().unwrap().copied, None);
        // Closing forgets; opening again starts from the view.
        let reopened = light
            .apply(Action::OpenBuilder(false))
            .apply(Action::OpenBuilder(true));
        assert_eq!(reopened.builder, Some(EmbedBuilder::of(&s.view)));
    }
}
