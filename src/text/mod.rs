//! Text on its own: tokens, calendar words and dates, folding for search, snippets, web
//! addresses, the sort the page's lists share. Standard library only.

pub mod address;
pub mod calendar;
pub mod case;
pub mod csv;
pub mod fold;
pub mod percent;
pub mod snippet;
pub mod sort;
pub mod tokens;
pub mod wording;
