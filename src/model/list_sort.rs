//! The order of the article list: as added (the bundled articles, then the user's imports),
//! newest or oldest first, by outlet or by title. Articles with no date go last in both date
//! orders (a missing date is not "oldest"); ties keep the order added.

use std::cmp::Ordering;

use crate::model::article::Article;

use crate::model::library::Library;
use crate::text::fold::fold;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListSort {
    #[default]
    Added,
    Newest,
    Oldest,
    Outlet,
    Title,
}

impl ListSort {
    pub const ALL: [ListSort; 5] =
        [ListSort::Newest, ListSort::Oldest, ListSort::Outlet, ListSort::Title, ListSort::Added];

    /// How it is written in the address (`sort=newest`).
    pub fn key(self) -> &'static str {
        match self {
            ListSort::Added => "added",
            ListSort::Newest => "newest",
            ListSort::Oldest => "oldest",
            ListSort::Outlet => "outlet",
            ListSort::Title => "title",
        }
    }

    pub fn parse(s: &str) -> Option<ListSort> {
        ListSort::ALL.into_iter().find(|o| o.key() == s)
    }

    pub fn label(self) -> &'static str {
        match self {
            ListSort::Added => "Order added",
            ListSort::Newest => "Newest first",
            ListSort::Oldest => "Oldest first",
            ListSort::Outlet => "Outlet (A–Z)",
            ListSort::Title => "Title (A–Z)",
        }
    }

    /// Sorts library indices `shown` (given in library order) into this order.
    pub fn apply(self, shown: &mut Vec<usize>, library: &Library) {
        let a = |i: usize| -> &Article { &library.articles[i] };
        match self {
            ListSort::Added => {}
            ListSort::Newest => crate::text::sort::sort_by(shown, |&x, &y| by_date(a(x), a(y), true)),
            ListSort::Oldest => crate::text::sort::sort_by(shown, |&x, &y| by_date(a(x), a(y), false)),
            ListSort::Outlet => {
                // folded once per article, not at each comparison; no outlet goes last
                let mut keyed: Vec<(Option<String>, usize)> =
                    shown.iter().map(|&i| (a(i).outlet.as_deref().map(fold), i)).collect();
                crate::text::sort::sort_by(&mut keyed, |x, y| {
                    x.0.is_none()
                        .cmp(&y.0.is_none())
                        .then_with(|| x.0.cmp(&y.0))
                        .then_with(|| by_date(a(x.1), a(y.1), true))
                });
                *shown = keyed.into_iter().map(|(_, i)| i).collect();
            }
            ListSort::Title => {
                let mut keyed: Vec<(String, usize)> = shown.iter().map(|&i| (title_key(&a(i).title), i)).collect();
                crate::text::sort::sort_by(&mut keyed, |x, y| x.0.cmp(&y.0));
                *shown = keyed.into_iter().map(|(_, i)| i).collect();
            }
        }
    }

    /// True for the orders that put articles with no date last.
    pub fn by_date(self) -> bool {
        matches!(self, ListSort::Newest | ListSort::Oldest)
    }
}

/// Dated articles first (newest or oldest first), then the undated. Dates are ISO text
/// (`2015-08-27`, or `2015-08` / `2015` when only that is known), so they compare as text; a
/// month sorts before the days of that month when oldest first.
fn by_date(x: &Article, y: &Article, newest: bool) -> Ordering {
    match (x.date.as_deref(), y.date.as_deref()) {
        (Some(p), Some(q)) => {
            if newest {
                q.cmp(p)
            } else {
                p.cmp(q)
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// A title as a sort key: folded, leading quotes and "The"/"A"/"An" set aside.
fn title_key(title: &str) -> String {
    let t = fold(title);
    let t = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    for article in ["the ", "a ", "an "] {
        if let Some(rest) = t.strip_prefix(article) {
            return rest.to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dated(lib: &Library) -> Vec<Option<String>> {
        lib.articles.iter().map(|a| a.date.clone()).collect()
    }

    #[test]
    fn keys_round_trip() {
        for s in ListSort::ALL {
            assert_eq!(ListSort::parse(s.key()), Some(s));
        }
        assert_eq!(ListSort::parse("sideways"), None);
    }

    #[test]
    fn dates_newest_and_oldest_first_the_undated_last() {
        let mut lib = crate::engine::corpus::bundled();
        // one article without a date, whatever the seeds say
        let mut undated = (*lib.articles[1]).clone();
        undated.date = None;
        lib.articles[1] = std::rc::Rc::new(undated);
        let dates = dated(&lib);
        for (sort, newest) in [(ListSort::Newest, true), (ListSort::Oldest, false)] {
            let mut shown: Vec<usize> = (0..lib.articles.len()).collect();
            sort.apply(&mut shown, &lib);
            let undated: Vec<usize> = (0..dates.len()).filter(|&i| dates[i].is_none()).collect();
            assert!(undated.contains(&1));
            assert_eq!(
                shown[shown.len() - undated.len()..],
                undated[..],
                "{sort:?}: the undated go last, in the order added"
            );
            let seq: Vec<&str> =
                shown[..shown.len() - undated.len()].iter().map(|&i| dates[i].as_deref().unwrap()).collect();
            let mut want = seq.clone();
            want.sort();
            if newest {
                want.reverse();
            }
            assert_eq!(seq, want, "{sort:?}");
        }
    }

    #[test]
    fn outlets_and_titles_alphabetical_unknown_last() {
        let lib = crate::engine::corpus::bundled();
        let mut shown: Vec<usize> = (0..lib.articles.len()).collect();
        ListSort::Outlet.apply(&mut shown, &lib);
        let outlets: Vec<&str> = shown.iter().map(|&i| crate::model::filters::outlet_of(&lib.articles[i])).collect();
        assert_eq!(*outlets.last().unwrap(), crate::model::filters::UNKNOWN_OUTLET);
        let known: Vec<String> = outlets[..outlets.len() - 1].iter().map(|o| fold(o)).collect();
        assert!(known.windows(2).all(|w| w[0] <= w[1]), "{outlets:?}");
        let mut shown: Vec<usize> = (0..lib.articles.len()).collect();
        ListSort::Title.apply(&mut shown, &lib);
        let titles: Vec<String> = shown.iter().map(|&i| title_key(&lib.articles[i].title)).collect();
        assert!(titles.windows(2).all(|w| w[0] <= w[1]), "{titles:?}");
        assert_eq!(title_key("“The Fall of Sangin"), "fall of sangin");
        assert_eq!(title_key("An Afghan spring"), "afghan spring");
        let mut added: Vec<usize> = vec![3, 1, 2];
        ListSort::Added.apply(&mut added, &lib);
        assert_eq!(added, [3, 1, 2], "order added is the order given");
    }
}
