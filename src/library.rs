//! The articles the reader shows, cleaned and with their source metadata, and the order
//! the list and `j`/`k` move through.

use crate::clean::{clean, Cleaned, Hints};
use crate::document::annotate_article;
use crate::entities::Annotation;
use crate::seeds::{Seed, SEEDS};

/// Shown wherever the text does not tell a field.
pub const UNKNOWN: &str = "unknown";

#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    /// Stable id: the seed file name without `.txt`.
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub provenance: Option<String>,
    pub evidence: Option<String>,
    pub body: Cleaned,
    /// The entities of `body` (segments as in `document::segments`).
    pub annotation: Annotation,
}

impl Article {
    pub fn from_seed(seed: &Seed) -> Self {
        let body = clean(seed.text, Hints { title: Some(seed.title), outlet: seed.outlet });
        let annotation = annotate_article(&body);
        Article {
            id: seed.id.to_string(),
            title: seed.title.to_string(),
            outlet: seed.outlet.map(str::to_string),
            author: seed.author.map(str::to_string),
            date: seed.date.map(str::to_string),
            provenance: seed.provenance.map(str::to_string),
            evidence: seed.evidence.map(str::to_string),
            body,
            annotation,
        }
    }

    pub fn outlet_label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(UNKNOWN)
    }

    pub fn author_label(&self) -> &str {
        self.author.as_deref().unwrap_or(UNKNOWN)
    }

    /// "12 Oct 2020", or "unknown".
    pub fn date_label(&self) -> String {
        self.date.as_deref().and_then(human_date).unwrap_or_else(|| UNKNOWN.to_string())
    }

    pub fn reading_label(&self) -> String {
        format!("{} min read", self.body.reading_minutes())
    }
}

/// `2020-10-12` -> `12 Oct 2020`.
pub fn human_date(iso: &str) -> Option<String> {
    const MON: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let mut parts = iso.splitn(3, '-').map(|p| p.parse::<usize>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    Some(format!("{d} {} {y}", MON.get(m.checked_sub(1)?)?))
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    pub articles: Vec<Article>,
}

impl Library {
    /// The articles bundled from `seeds/`, in catalog order.
    pub fn bundled() -> Self {
        Library { articles: SEEDS.iter().map(Article::from_seed).collect() }
    }

    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// The article `delta` places from `current` in list order (`j` = +1, `k` = -1),
    /// stopping at the ends. With no current article, `j` opens the first.
    pub fn step(&self, current: Option<&str>, delta: isize) -> Option<&Article> {
        let all: Vec<usize> = (0..self.articles.len()).collect();
        self.step_within(&all, current, delta)
    }

    /// The same, moving only through the articles `shown` (library indices, in list order).
    /// From an article that is not shown, `j` opens the first shown one.
    pub fn step_within(&self, shown: &[usize], current: Option<&str>, delta: isize) -> Option<&Article> {
        let pos = current.and_then(|id| shown.iter().position(|&i| self.articles[i].id == id));
        let next = match pos {
            Some(p) => p.saturating_add_signed(delta).min(shown.len().saturating_sub(1)),
            None if delta > 0 => 0,
            None => return None,
        };
        shown.get(next).map(|&i| &self.articles[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lib(ids: &[&str]) -> Library {
        let articles = ids
            .iter()
            .map(|id| Article {
                id: id.to_string(),
                title: id.to_string(),
                outlet: None,
                author: None,
                date: None,
                provenance: None,
                evidence: None,
                body: Cleaned::default(),
                annotation: Annotation::default(),
            })
            .collect();
        Library { articles }
    }

    #[test]
    fn step_moves_and_stops_at_the_ends() {
        let l = lib(&["a", "b", "c"]);
        assert_eq!(l.step(Some("a"), 1).unwrap().id, "b");
        assert_eq!(l.step(Some("c"), 1).unwrap().id, "c");
        assert_eq!(l.step(Some("a"), -1).unwrap().id, "a");
        assert_eq!(l.step(Some("b"), -1).unwrap().id, "a");
        assert_eq!(l.step(None, 1).unwrap().id, "a");
        assert!(l.step(None, -1).is_none());
        assert!(lib(&[]).step(None, 1).is_none());
    }

    #[test]
    fn step_within_skips_what_is_not_shown() {
        let l = lib(&["a", "b", "c", "d"]);
        assert_eq!(l.step_within(&[0, 2, 3], Some("a"), 1).unwrap().id, "c");
        assert_eq!(l.step_within(&[0, 2, 3], Some("d"), -1).unwrap().id, "c");
        assert_eq!(l.step_within(&[2, 3], Some("a"), 1).unwrap().id, "c", "from a hidden article, j opens the first shown");
        assert!(l.step_within(&[], Some("a"), 1).is_none());
    }

    #[test]
    fn unknown_fields_say_unknown() {
        let a = &lib(&["x"]).articles[0];
        assert_eq!(a.outlet_label(), "unknown");
        assert_eq!(a.author_label(), "unknown");
        assert_eq!(a.date_label(), "unknown");
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(human_date("2020-10-12").as_deref(), Some("12 Oct 2020"));
        assert_eq!(human_date("2015-08-26").as_deref(), Some("26 Aug 2015"));
        assert_eq!(human_date("2015-13-26"), None);
        assert_eq!(human_date("nonsense"), None);
    }
}
