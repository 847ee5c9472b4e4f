//! What a site owner may set so that an embed looks at home: an accent colour, compact
//! spacing, a font stack and parts to hide. Each is read strictly (a colour only as `#rgb` or
//! `#rrggbb`, never a CSS string; a font only from a fixed list of local stacks), and an
//! accent is used only in a theme where it keeps WCAG 2.1 AA contrast (4.5:1) wherever the
//! widget uses it: as text on the theme's background and surface, and as the fill behind the
//! theme's text on accent (see [`Accent::read`] for what happens to one that does not).

use crate::model::ids::id_enum;
use crate::model::view_state::Theme;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Reads `#rgb` or `#rrggbb` (either case); anything else, a CSS colour name or
    /// function included, is `None`.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.strip_prefix('#')?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..=i], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => {
                let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
                Some(Rgb(byte(0)?, byte(2)?, byte(4)?))
            }
            _ => None,
        }
    }

    /// The colour as `#rrggbb`, lower case: the only form written to a link or the page.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// Relative luminance, as WCAG 2.1 defines it.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// The WCAG 2.1 contrast ratio of two colours, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// The contrast text needs under WCAG 2.1 AA (1.4.3).
pub const MIN_CONTRAST: f64 = 4.5;

/// The colours of one theme that an accent meets; they are `styles/main.css`'s `--mc-bg`,
/// `--mc-surface` and `--mc-accent-text` (a test keeps them in step).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Palette {
    pub background: Rgb,
    pub surface: Rgb,
    /// The text on an accent fill (a selected chip).
    pub on_accent: Rgb,
}

/// The light theme's colours.
pub const LIGHT: Palette = Palette {
    background: Rgb(0xff, 0xff, 0xff),
    surface: Rgb(0xf4, 0xf6, 0xf8),
    on_accent: Rgb(0xff, 0xff, 0xff),
};

/// The dark theme's colours.
pub const DARK: Palette = Palette {
    background: Rgb(0x12, 0x14, 0x17),
    surface: Rgb(0x1c, 0x20, 0x26),
    on_accent: Rgb(0x0b, 0x13, 0x20),
};

impl Palette {
    /// The palette of a shown theme (`Auto` has none of its own).
    pub fn of(theme: Theme) -> Option<Palette> {
        match theme {
            Theme::Light => Some(LIGHT),
            Theme::Dark => Some(DARK),
            Theme::Auto => None,
        }
    }

    /// `accent` if it fits this theme, else the least mix of it with black (light theme) or
    /// white (dark theme) that fits: the same hue, as close to the host's colour as AA allows.
    pub fn nearest(&self, accent: Rgb) -> Rgb {
        // Black on the light theme's, white on the dark theme's background always fits.
        let towards: u8 = if self.background.luminance() > 0.5 {
            0
        } else {
            255
        };
        let mix = |c: u8, step: u16| {
            let (c, t) = (u16::from(c), u16::from(towards));
            let mixed = (c * (255 - step) + t * step + 127) / 255;
            u8::try_from(mixed).unwrap_or(towards)
        };
        (0..=255)
            .map(|step| {
                Rgb(
                    mix(accent.0, step),
                    mix(accent.1, step),
                    mix(accent.2, step),
                )
            })
            .find(|c| self.fits(*c))
            .unwrap_or(Rgb(towards, towards, towards))
    }

    /// Whether `accent` keeps 4.5:1 everywhere the widget uses it in this theme.
    pub fn fits(&self, accent: Rgb) -> bool {
        [self.background, self.surface, self.on_accent]
            .into_iter()
            .all(|c| accent.contrast(c) >= MIN_CONTRAST)
    }
}

/// The host's accent, per theme: `None` keeps the widget's own accent in that theme. Only a
/// colour that fits its theme's palette is ever held here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Accent {
    pub light: Option<Rgb>,
    pub dark: Option<Rgb>,
}

/// Why an accent was not used (in a theme, or at all).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccentProblem {
    /// Not `#rgb`/`#rrggbb`, or not one colour or a `light,dark` pair.
    Malformed,
    /// A pair's colour has less than 4.5:1 in these themes (light, dark); the widget's own
    /// accent stays there.
    LowContrast { light: bool, dark: bool },
}

/// The themes a view can show: a forced theme only that one, `Auto` both.
pub fn themes_shown(theme: Theme) -> (bool, bool) {
    (theme != Theme::Dark, theme != Theme::Light)
}

impl Accent {
    /// Whether the host set no accent in either theme.
    pub fn is_none(&self) -> bool {
        self.light.is_none() && self.dark.is_none()
    }

    /// Reads `accent=`: one colour (`#0b7a4b`), or a `light,dark` pair where either side may
    /// be empty (`#0b7a4b,#6fdca6`, `#0b7a4b,`, `,#6fdca6`).
    ///
    /// No one colour keeps 4.5:1 on both the light and the dark backgrounds, so one colour is
    /// used as given in the theme it fits and [`Palette::nearest`] (the same hue, darker for
    /// light, lighter for dark) in the other. A pair is the host's own choice per theme:
    /// each side is used exactly as given where it fits, and otherwise refused (the widget's
    /// own accent stays), reported for the themes `theme` can show.
    pub fn read(value: &str, theme: Theme) -> (Accent, Option<AccentProblem>) {
        let side = |text: &str| -> Result<Option<Rgb>, ()> {
            if text.is_empty() {
                Ok(None)
            } else {
                Rgb::parse(text).map(Some).ok_or(())
            }
        };
        let pair = match value.split_once(',') {
            None => {
                return match side(value) {
                    Ok(Some(c)) => (
                        Accent {
                            light: Some(LIGHT.nearest(c)),
                            dark: Some(DARK.nearest(c)),
                        },
                        None,
                    ),
                    _ => (Accent::default(), Some(AccentProblem::Malformed)),
                }
            }
            Some((light, dark)) => side(light).and_then(|l| Ok((l, side(dark)?))),
        };
        let (light, dark) = match pair {
            Ok((None, None)) | Err(()) => {
                return (Accent::default(), Some(AccentProblem::Malformed))
            }
            Ok(pair) => pair,
        };
        let accent = Accent {
            light: light.filter(|c| LIGHT.fits(*c)),
            dark: dark.filter(|c| DARK.fits(*c)),
        };
        let (shows_light, shows_dark) = themes_shown(theme);
        let refused_light = shows_light && light.is_some() && accent.light.is_none();
        let refused_dark = shows_dark && dark.is_some() && accent.dark.is_none();
        let problem = (refused_light || refused_dark).then_some(AccentProblem::LowContrast {
            light: refused_light,
            dark: refused_dark,
        });
        (accent, problem)
    }

    /// The value `accent=` is written as, reading back as the same accent; `None` when unset.
    /// One colour where one reads as this accent (in either theme), else the pair.
    pub fn write(&self) -> Option<String> {
        let hex = |c: Option<Rgb>| c.map(Rgb::hex).unwrap_or_default();
        let single = [self.light, self.dark]
            .into_iter()
            .flatten()
            .map(Rgb::hex)
            .find(|one| Accent::read(one, Theme::Auto).0 == *self);
        match (self.light, self.dark) {
            (None, None) => None,
            _ => single.or_else(|| Some(format!("{},{}", hex(self.light), hex(self.dark)))),
        }
    }
}

id_enum! {
    /// The font stack: each a fixed list of fonts already on the reader's device (no web
    /// font, no request). A cross-origin iframe cannot inherit the host's font; `system`, the
    /// device's interface font, is the nearest to it and the default.
    #[derive(Default)]
    pub enum Font {
        #[default]
        System = "system",
        Sans = "sans",
        Serif = "serif",
        Mono = "mono",
    }
}

id_enum! {
    /// The spacing.
    #[derive(Default)]
    pub enum Density {
        #[default]
        Normal = "normal",
        /// Tighter spacing in the matrix, the chooser and the cards; targets stay ≥ 24 px.
        Compact = "compact",
    }
}

id_enum! {
    /// A part of the widget a host may hide.
    pub enum Part {
        /// The language picker.
        Lang = "lang",
        /// The theme picker.
        Theme = "theme",
        /// The view tabs.
        Tabs = "tabs",
        /// The criteria explanations and their history, under the matrix.
        Glossary = "glossary",
    }
}

/// Every option a host may set, as the view holds it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HostOptions {
    pub accent: Accent,
    pub density: Density,
    pub font: Font,
    /// Hidden parts, in [`Part::ALL`] order, each once.
    pub hide: Vec<Part>,
}

impl HostOptions {
    /// Whether `part` is shown.
    pub fn shows(&self, part: Part) -> bool {
        !self.hide.contains(&part)
    }

    /// Hides `part`, or shows it again.
    pub fn set_hidden(&mut self, part: Part, hidden: bool) {
        self.hide.retain(|p| *p != part);
        if hidden {
            self.hide.push(part);
            self.hide.sort_unstable();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_read_only_in_the_strict_forms() {
        assert_eq!(Rgb::parse("#0b7a4b"), Some(Rgb(0x0b, 0x7a, 0x4b)));
        assert_eq!(Rgb::parse("#0B7A4B"), Some(Rgb(0x0b, 0x7a, 0x4b)));
        assert_eq!(Rgb::parse("#fa0"), Some(Rgb(0xff, 0xaa, 0x00)));
        for bad in [
            "",
            "#",
            "0b7a4b",
            "#0b7a4",
            "#0b7a4b0",
            "#0b7a4bff",
            "#ggg",
            "red",
            "#+12",
            "#0b7a4b;x",
            "rgb(0,0,0)",
            "var(--x)",
            "#0b 7a4b",
            "#０００",
        ] {
            assert_eq!(Rgb::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Rgb(0x0b, 0x7a, 0x4b).hex(), "#0b7a4b");
    }

    #[test]
    fn contrast_is_wcag_s() {
        let (black, white) = (Rgb(0, 0, 0), Rgb(255, 255, 255));
        assert!((black.contrast(white) - 21.0).abs() < 1e-9);
        assert!((white.contrast(white) - 1.0).abs() < 1e-9);
        // #767676 on white is the classic 4.54:1.
        assert!((Rgb(0x76, 0x76, 0x76).contrast(white) - 4.54).abs() < 0.01);
    }

    #[test]
    fn the_widget_s_own_accents_fit_their_themes() {
        assert!(LIGHT.fits(Rgb(0x0a, 0x56, 0xc2)));
        assert!(DARK.fits(Rgb(0x8a, 0xb4, 0xf8)));
    }

    #[test]
    fn the_palettes_are_the_stylesheet_s() {
        let css = include_str!("../../styles/main.css");
        for (name, light, dark) in [
            ("--mc-bg", LIGHT.background, DARK.background),
            ("--mc-surface", LIGHT.surface, DARK.surface),
            ("--mc-accent-text", LIGHT.on_accent, DARK.on_accent),
        ] {
            let rule = format!("{name}: light-dark({}, {});", light.hex(), dark.hex());
            assert!(css.contains(&rule), "styles/main.css lacks `{rule}`");
        }
    }

    #[test]
    fn one_accent_is_used_as_given_where_it_fits_and_nearest_elsewhere() {
        let green = Rgb(0x0b, 0x7a, 0x4b);
        let (accent, problem) = Accent::read("#0b7a4b", Theme::Auto);
        assert_eq!(problem, None);
        assert_eq!(accent.light, Some(green), "it fits light as given");
        let dark = accent.dark.unwrap();
        assert!(DARK.fits(dark) && !DARK.fits(green));
        // The least lightening that fits: one step less would not.
        assert!(dark.0 > green.0 && dark.1 > green.1 && dark.2 > green.2);
        assert!(!DARK.fits(Rgb(dark.0 - 2, dark.1 - 2, dark.2 - 2)));
        // A pale colour is darkened for light, and used as given on dark.
        let (yellow, _) = Accent::read("#ffd400", Theme::Auto);
        assert_eq!(yellow.dark, Some(Rgb(0xff, 0xd4, 0x00)));
        assert!(LIGHT.fits(yellow.light.unwrap()));
        // Every colour has a nearest that fits, in both themes.
        for c in [
            Rgb(255, 255, 255),
            Rgb(0, 0, 0),
            Rgb(0x80, 0x80, 0x80),
            Rgb(255, 0, 0),
        ] {
            assert!(
                LIGHT.fits(LIGHT.nearest(c)) && DARK.fits(DARK.nearest(c)),
                "{c:?}"
            );
        }
        // Whatever the theme, one colour is never refused.
        assert_eq!(Accent::read("#808080", Theme::Dark).1, None);
    }

    #[test]
    fn a_pair_is_used_as_given_or_refused_and_named_per_theme() {
        let green = Rgb(0x0b, 0x7a, 0x4b);
        let mint = Rgb(0x6f, 0xdc, 0xa6);
        assert_eq!(
            Accent::read("#0b7a4b,#6fdca6", Theme::Auto),
            (
                Accent {
                    light: Some(green),
                    dark: Some(mint)
                },
                None
            )
        );
        assert_eq!(
            Accent::read("#0b7a4b,", Theme::Auto),
            (
                Accent {
                    light: Some(green),
                    dark: None
                },
                None
            )
        );
        assert_eq!(
            Accent::read(",#6fdca6", Theme::Auto).0,
            Accent {
                light: None,
                dark: Some(mint)
            }
        );
        // Dark green asked for the dark theme: refused there, and named.
        assert_eq!(
            Accent::read("#0b7a4b,#0b7a4b", Theme::Auto),
            (
                Accent {
                    light: Some(green),
                    dark: None
                },
                Some(AccentProblem::LowContrast {
                    light: false,
                    dark: true
                })
            )
        );
        // A page forced light never shows dark: nothing to name.
        assert_eq!(Accent::read("#0b7a4b,#0b7a4b", Theme::Light).1, None);
        // Mid grey fits neither.
        assert_eq!(
            Accent::read("#808080,#808080", Theme::Auto),
            (
                Accent::default(),
                Some(AccentProblem::LowContrast {
                    light: true,
                    dark: true
                })
            )
        );
    }

    #[test]
    fn a_malformed_accent_is_refused_whole() {
        for bad in [
            "",
            ",",
            "red",
            "#12345",
            "#0b7a4b,red",
            "red,#0b7a4b",
            "#0b7a4b,#6fdca6,#fff",
            "#0b7a4b;color:red",
            "url(x)",
            " #0b7a4b",
        ] {
            assert_eq!(
                Accent::read(bad, Theme::Auto),
                (Accent::default(), Some(AccentProblem::Malformed)),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn an_accent_writes_back_as_itself() {
        for value in ["#0a56c2,#8ab4f8", "#0b7a4b,#6fdca6", "#0b7a4b,", ",#6fdca6"] {
            let (accent, problem) = Accent::read(value, Theme::Auto);
            assert_eq!(problem, None, "{value}");
            assert_eq!(accent.write().as_deref(), Some(value));
        }
        assert_eq!(
            Accent::read("#808080,#808080", Theme::Light).0.write(),
            None
        );
        let one = Accent::read("#0b7a4b", Theme::Auto).0;
        assert_eq!(
            Accent::read(&one.write().unwrap(), Theme::Auto),
            (one, None)
        );
        assert_eq!(Accent::default().write(), None);
    }

    #[test]
    fn hidden_parts_stay_in_order_and_once() {
        let mut options = HostOptions::default();
        options.set_hidden(Part::Glossary, true);
        options.set_hidden(Part::Lang, true);
        options.set_hidden(Part::Lang, true);
        assert_eq!(options.hide, [Part::Lang, Part::Glossary]);
        assert!(!options.shows(Part::Lang) && options.shows(Part::Tabs));
        options.set_hidden(Part::Lang, false);
        assert_eq!(options.hide, [Part::Glossary]);
    }
}
