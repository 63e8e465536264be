//! Which rows of a long list to render: only those in view, plus a few either side, so a
//! list of 10,000 articles costs what a list of 30 does. Rows have one height (the list
//! fixes it in CSS and the page measures it), so the window is arithmetic.

/// Rows rendered beyond the visible ones, on each side (smooth scrolling, keyboard moves).
pub const OVERSCAN: usize = 8;

/// The rows `first..end` to render for a list of `len` rows of `row` px whose top edge is
/// `top` px from the top of a viewport `viewport` px tall (negative when scrolled past).
pub fn visible(len: usize, row: f64, top: f64, viewport: f64) -> (usize, usize) {
    if len == 0 || !(row > 0.0) || !top.is_finite() || !viewport.is_finite() {
        return (0, len.min(2 * OVERSCAN));
    }
    let from = ((-top) / row).floor().max(0.0) as usize;
    let to = ((viewport - top) / row).ceil().max(0.0) as usize;
    let first = from.saturating_sub(OVERSCAN).min(len);
    let end = to.saturating_add(OVERSCAN).min(len).max(first);
    (first, end)
}

/// The scroll change (px) that brings row `index` fully into a pane showing `pane_top..pane_bottom`
/// (viewport px), for a list whose top is at `top`; 0 when it is in view. `header` px at the
/// pane's top are covered (sticky tabs).
pub fn scroll_to_show(index: usize, row: f64, top: f64, pane_top: f64, pane_bottom: f64, header: f64) -> f64 {
    let (r_top, r_bottom) = (top + index as f64 * row, top + (index + 1) as f64 * row);
    if r_top < pane_top + header {
        r_top - (pane_top + header)
    } else if r_bottom > pane_bottom {
        r_bottom - pane_bottom
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_rows_in_view_and_a_margin() {
        // 10,000 rows of 100 px, list top at the viewport top, 800 px viewport
        assert_eq!(visible(10_000, 100.0, 0.0, 800.0), (0, 8 + OVERSCAN));
        // scrolled 50,000 px down
        assert_eq!(visible(10_000, 100.0, -50_000.0, 800.0), (500 - OVERSCAN, 508 + OVERSCAN));
        // the list starts below the fold
        assert_eq!(visible(10_000, 100.0, 1_000.0, 800.0), (0, OVERSCAN));
        // at the end
        assert_eq!(visible(10_000, 100.0, -999_500.0, 800.0), (9_995 - OVERSCAN, 10_000));
    }

    #[test]
    fn short_lists_and_odd_input() {
        assert_eq!(visible(5, 100.0, 0.0, 800.0), (0, 5));
        assert_eq!(visible(0, 100.0, 0.0, 800.0), (0, 0));
        assert_eq!(visible(100, 0.0, 0.0, 800.0), (0, 2 * OVERSCAN), "before the row is measured");
        assert_eq!(visible(100, f64::NAN, 0.0, 800.0), (0, 2 * OVERSCAN));
        let (a, b) = visible(100, 100.0, -1e12, 800.0);
        assert!(a <= b && b == 100);
    }

    #[test]
    fn scrolling_a_row_into_view() {
        // pane from 200 to 800 px, tabs 48 px, list top at 248
        assert_eq!(scroll_to_show(0, 100.0, 248.0, 200.0, 800.0, 48.0), 0.0);
        assert_eq!(scroll_to_show(9, 100.0, 248.0, 200.0, 800.0, 48.0), 248.0 + 1000.0 - 800.0);
        assert_eq!(scroll_to_show(2, 100.0, 0.0, 200.0, 800.0, 48.0), 200.0 - 248.0);
    }
}
