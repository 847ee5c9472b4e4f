//! Which rows a long matrix renders: those in view and a margin around them. A thousand rows
//! of forty cells is too much DOM to re-lay out on every sort or language switch; thirty is not.

use std::ops::Range;

/// Lists longer than this are windowed; shorter ones render every row.
pub const WINDOW_FROM: usize = 60;

/// Rows rendered above and below the visible ones, so a quick scroll shows no gap: about two
/// wheel steps. Each row costs every sort and language switch its cells' style, layout and
/// paint (eight rows a side took a fifth more of that at 1,000 rows than four).
pub const OVERSCAN: usize = 4;

/// The rows to render and the space to leave for the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct Window {
    /// Positions (in the sorted, filtered list) to render.
    pub rows: Range<usize>,
    /// Height of the rows above the window, in CSS pixels.
    pub before: f64,
    /// Height of the rows below the window, in CSS pixels.
    pub after: f64,
}

/// What windowing needs to know of the scroll box, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// How far the box is scrolled.
    pub scroll_top: f64,
    /// The box's visible height.
    pub viewport: f64,
    /// One body row's height.
    pub row_height: f64,
    /// The table header's height.
    pub header: f64,
}

impl Metrics {
    /// A guess until the box has been measured.
    pub const GUESS: Metrics = Metrics {
        scroll_top: 0.0,
        viewport: 600.0,
        row_height: 52.0,
        header: 80.0,
    };

    /// The window over `total` rows below the header.
    pub fn window(&self, total: usize) -> Window {
        window(
            total,
            self.scroll_top - self.header,
            self.viewport - self.header,
            self.row_height,
        )
    }

    /// Whether `measured` sizes differ from these by more than half a pixel (so a re-render
    /// is worth it); the scroll position is not compared.
    pub fn resized(&self, measured: &Metrics) -> bool {
        (measured.row_height - self.row_height).abs() > 0.5
            || (measured.header - self.header).abs() > 0.5
            || (measured.viewport - self.viewport).abs() > 0.5
    }
}

/// The window over `total` rows of `row_height` pixels, for a box scrolled `scroll_top`
/// pixels into the rows and showing `viewport` pixels of them. Nonsense measurements (not
/// finite, negative, zero height) are read as the nearest sensible value.
pub fn window(total: usize, scroll_top: f64, viewport: f64, row_height: f64) -> Window {
    let sane = |x: f64, min: f64| if x.is_finite() { x.max(min) } else { min };
    let (scroll_top, viewport, row_height) = (
        sane(scroll_top, 0.0),
        sane(viewport, 0.0),
        sane(row_height, 1.0),
    );
    let first_visible = ((scroll_top / row_height).floor() as usize).min(total);
    let visible = (viewport / row_height).ceil() as usize + 1;
    let start = first_visible.saturating_sub(OVERSCAN);
    let end = first_visible
        .saturating_add(visible)
        .saturating_add(OVERSCAN)
        .min(total);
    Window {
        rows: start..end,
        before: start as f64 * row_height,
        after: (total - end) as f64 * row_height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_of_a_long_list() {
        let w = window(1000, 0.0, 500.0, 50.0);
        assert_eq!(w.rows, 0..15);
        assert_eq!(w.before, 0.0);
        assert_eq!(w.after, (1000 - 15) as f64 * 50.0);
    }

    #[test]
    fn the_middle_covers_the_view_with_a_margin() {
        let w = window(1000, 10_000.0, 500.0, 50.0);
        // Rows 200..211 are visible; four more on each side.
        assert_eq!(w.rows, 196..215);
        assert_eq!(
            w.before + w.rows.len() as f64 * 50.0 + w.after,
            1000.0 * 50.0
        );
    }

    #[test]
    fn the_end_is_clamped() {
        let w = window(100, 1e9, 500.0, 50.0);
        assert_eq!(w.rows.end, 100);
        assert_eq!(w.after, 0.0);
        assert!(w.rows.start >= 100 - OVERSCAN - 1);
    }

    #[test]
    fn nonsense_measurements_do_not_break_it() {
        for (top, view, height) in [
            (f64::NAN, 500.0, 50.0),
            (-50.0, f64::INFINITY, 50.0),
            (0.0, 500.0, 0.0),
            (0.0, -1.0, f64::NAN),
        ] {
            let w = window(1000, top, view, height);
            assert!(
                w.rows.start <= w.rows.end && w.rows.end <= 1000,
                "{top} {view} {height}: {w:?}"
            );
            assert!(w.before >= 0.0 && w.after >= 0.0);
        }
        assert_eq!(window(0, 0.0, 500.0, 50.0).rows, 0..0);
    }

    #[test]
    fn every_scroll_position_covers_what_is_visible() {
        let (total, view, height) = (10_000, 700.0, 52.0);
        let mut top = 0.0;
        while top < total as f64 * height {
            let w = window(total, top, view, height);
            let first = (top / height) as usize;
            let last = (((top + view) / height).ceil() as usize).min(total);
            assert!(
                w.rows.start <= first && w.rows.end >= last,
                "at {top}: {w:?}"
            );
            top += 977.0;
        }
    }

    #[test]
    fn the_header_is_not_a_row() {
        let m = Metrics {
            scroll_top: 580.0,
            viewport: 580.0,
            row_height: 50.0,
            header: 80.0,
        };
        // Scrolled 500 px into the rows, 500 px of rows in view: rows 10..21 visible.
        assert_eq!(m.window(1000).rows, 6..25);
        assert!(!m.resized(&Metrics {
            scroll_top: 0.0,
            ..m
        }));
        assert!(m.resized(&Metrics {
            row_height: 51.0,
            ..m
        }));
    }
}
