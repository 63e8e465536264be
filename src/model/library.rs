//! The articles in list order (bundled first, then imports) and the order `j`/`k` move
//! through.

use std::rc::Rc;

use crate::model::article::Article;

/// Articles are shared (`Rc`): a change to the library copies pointers, not texts that can
/// be megabytes long.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    pub articles: Vec<Rc<Article>>,
}

impl Library {
    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().map(Rc::as_ref).find(|a| a.id == id)
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
        shown.get(next).map(|&i| self.articles[i].as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::tests::bare;

    fn lib(ids: &[&str]) -> Library {
        Library { articles: ids.iter().map(|id| Rc::new(bare(id))).collect() }
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
        assert_eq!(
            l.step_within(&[2, 3], Some("a"), 1).unwrap().id,
            "c",
            "from a hidden article, j opens the first shown"
        );
        assert!(l.step_within(&[], Some("a"), 1).is_none());
    }
}
