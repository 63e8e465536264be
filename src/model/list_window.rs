//! Which rows of a long list to render: only those in view, plus a few either side, so a
//! list of 10,000 articles costs what a list of 30 does. Rows are as tall as their content
//! (a title of one line or four): the list measures the rows it renders and estimates the
//! others, and the window is found in the rows' running offsets.

/// Rows rendered beyond the visible ones, on each side (smooth scrolling, keyboard moves).
pub const OVERSCAN: usize = 8;

/// Where each row starts, from the list's top edge, and where the last one ends:
/// `len + 1` numbers for `len` rows.
pub fn offsets(heights: impl Iterator<Item = f64>) -> Vec<f64> {
    let mut out = vec![0.0];
    let mut at = 0.0;
    for h in heights {
        at += if h.is_finite() && h > 0.0 { h } else { 0.0 };
        out.push(at);
    }
    out
}

/// The rows `first..end` to render for a list with these `offsets` whose top edge is `top`
/// px from the top of a viewport `viewport` px tall (negative when scrolled past).
pub fn visible(offsets: &[f64], top: f64, viewport: f64) -> (usize, usize) {
    let len = offsets.len().saturating_sub(1);
    let total = offsets.last().copied().unwrap_or(0.0);
    if len == 0 || !(total > 0.0) || !top.is_finite() || !viewport.is_finite() {
        return (0, len.min(2 * OVERSCAN));
    }
    // the first row ending below the viewport's top, the first starting below its bottom
    let from = offsets[1..].partition_point(|&end| end <= -top);
    let to = offsets[..len].partition_point(|&start| start < viewport - top);
    let first = from.saturating_sub(OVERSCAN).min(len);
    let end = to.saturating_add(OVERSCAN).min(len).max(first);
    (first, end)
}

/// The scroll change (px) that brings row `index` fully into a pane showing
/// `pane_top..pane_bottom` (viewport px), for a list whose top is at `top`; 0 when it is in
/// view. `header` px at the pane's top are covered (sticky tabs).
pub fn scroll_to_show(index: usize, offsets: &[f64], top: f64, pane_top: f64, pane_bottom: f64, header: f64) -> f64 {
    let (Some(&start), Some(&end)) = (offsets.get(index), offsets.get(index + 1)) else { return 0.0 };
    let (r_top, r_bottom) = (top + start, top + end);
    if r_top < pane_top + header {
        r_top - (pane_top + header)
    } else if r_bottom > pane_bottom {
        (r_bottom - pane_bottom).min(r_top - (pane_top + header)) // a row taller than the pane shows its top
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn even(len: usize, row: f64) -> Vec<f64> {
        offsets(std::iter::repeat_n(row, len))
    }

    #[test]
    fn only_the_rows_in_view_and_a_margin() {
        // 10,000 rows of 100 px, list top at the viewport top, 800 px viewport
        let o = even(10_000, 100.0);
        assert_eq!(visible(&o, 0.0, 800.0), (0, 8 + OVERSCAN));
        // scrolled 50,000 px down
        assert_eq!(visible(&o, -50_000.0, 800.0), (500 - OVERSCAN, 508 + OVERSCAN));
        // the list starts below the fold
        assert_eq!(visible(&o, 1_000.0, 800.0), (0, OVERSCAN));
        // at the end
        assert_eq!(visible(&o, -999_500.0, 800.0), (9_995 - OVERSCAN, 10_000));
    }

    #[test]
    fn rows_of_different_heights() {
        // 1 tall row, then short ones: the window follows the real offsets
        let o = offsets([500.0].into_iter().chain(std::iter::repeat_n(50.0, 100)));
        assert_eq!(o[1], 500.0);
        assert_eq!(o[101], 5_500.0);
        assert_eq!(visible(&o, 0.0, 400.0), (0, 1 + OVERSCAN), "only the tall row is in view");
        // scrolled 1,000 px: rows 11..=18 are in view (500 + 10 * 50 = 1,000)
        assert_eq!(visible(&o, -1_000.0, 400.0), (11 - OVERSCAN, 19 + OVERSCAN));
    }

    #[test]
    fn short_lists_and_odd_input() {
        assert_eq!(visible(&even(5, 100.0), 0.0, 800.0), (0, 5));
        assert_eq!(visible(&even(0, 100.0), 0.0, 800.0), (0, 0));
        assert_eq!(visible(&[], 0.0, 800.0), (0, 0));
        assert_eq!(visible(&even(100, 0.0), 0.0, 800.0), (0, 2 * OVERSCAN), "before a row is measured");
        assert_eq!(visible(&offsets([f64::NAN, -3.0, 10.0].into_iter()), 0.0, 800.0), (0, 3));
        let (a, b) = visible(&even(100, 100.0), -1e12, 800.0);
        assert!(a <= b && b == 100);
    }

    #[test]
    fn scrolling_a_row_into_view() {
        // pane from 200 to 800 px, tabs 48 px, list top at 248
        let o = even(20, 100.0);
        assert_eq!(scroll_to_show(0, &o, 248.0, 200.0, 800.0, 48.0), 0.0);
        assert_eq!(scroll_to_show(9, &o, 248.0, 200.0, 800.0, 48.0), 248.0 + 1000.0 - 800.0);
        assert_eq!(scroll_to_show(2, &o, 0.0, 200.0, 800.0, 48.0), 200.0 - 248.0);
        assert_eq!(scroll_to_show(99, &o, 0.0, 200.0, 800.0, 48.0), 0.0, "no such row");
        let tall = offsets([100.0, 2_000.0].into_iter());
        assert_eq!(scroll_to_show(1, &tall, 248.0, 200.0, 800.0, 48.0), 100.0, "its top, not its bottom");
    }
}
