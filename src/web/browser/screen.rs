//! The screen's width, as the stylesheet's breakpoints read it.

/// Filter sections start open on a wide screen, where they have a column of their own, and
/// closed where they share one with the list, which they would push off the first screen.
pub fn wide_screen() -> bool {
    gloo::utils::window().inner_width().ok().and_then(|w| w.as_f64()).is_none_or(|w| w > 1100.0)
}

/// The list and the reader are two views below this width (px), as in the stylesheet.
const PHONE_MAX: f64 = 760.0;

pub fn is_phone() -> bool {
    gloo::utils::window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w <= PHONE_MAX)
}
