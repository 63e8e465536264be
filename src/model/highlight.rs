//! The reader's own highlights: a passage of an article, anchored the W3C Web Annotation way
//! (`anchor.rs`), with a note and tags. They are kept in the browser as they are made; a
//! highlight whose passage is no longer in the text is listed as orphaned, never dropped.

use crate::model::anchor::{anchor, Selector};
use crate::model::article::Article;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    /// `h-` and a number that only grows (unique within the browser's set).
    pub id: String,
    /// The article's id.
    pub article: String,
    pub selector: Selector,
    pub note: String,
    /// In the order given; never empty strings, never twice.
    pub tags: Vec<String>,
    /// ISO 8601, from the browser's clock.
    pub created: String,
    pub updated: String,
}

/// Where a highlight is in its article's text now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The byte range of the article's body text (`Cleaned::body_text`).
    At(usize, usize),
    /// The passage is no longer in the text (or the article is gone).
    Orphaned,
}

/// Every highlight, in the order made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlights {
    pub items: Vec<Highlight>,
    /// The next id's number (from 1).
    pub next: u64,
}

impl Default for Highlights {
    fn default() -> Self {
        Highlights { items: Vec::new(), next: 1 }
    }
}

/// Tags as typed ("Musa Qala, casualties;  ceasefire"): trimmed, no empty ones, no repeats
/// (ignoring case), at most 40 characters each.
pub fn parse_tags(typed: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in typed.split([',', ';', '\n']) {
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(40).collect();
        if !t.is_empty() && !out.iter().any(|o| same_tag(o, &t)) {
            out.push(t);
        }
    }
    out
}

fn same_tag(a: &str, b: &str) -> bool {
    crate::text::case::lowercase(a) == crate::text::case::lowercase(b)
}

impl Highlights {
    /// Adds a highlight of `selector` in `article`; returns its id.
    pub fn add(&mut self, article: &str, selector: Selector, now: &str) -> String {
        let id = format!("h-{}", self.next.max(1));
        self.next = self.next.max(1) + 1;
        self.items.push(Highlight {
            id: id.clone(),
            article: article.to_string(),
            selector,
            note: String::new(),
            tags: Vec::new(),
            created: now.to_string(),
            updated: now.to_string(),
        });
        id
    }

    pub fn get(&self, id: &str) -> Option<&Highlight> {
        self.items.iter().find(|h| h.id == id)
    }

    /// Sets a highlight's note and tags; false when there is no such highlight.
    pub fn annotate(&mut self, id: &str, note: &str, tags: Vec<String>, now: &str) -> bool {
        let Some(h) = self.items.iter_mut().find(|h| h.id == id) else { return false };
        h.note = note.trim().to_string();
        h.tags = tags;
        h.updated = now.to_string();
        true
    }

    pub fn remove(&mut self, id: &str) -> Option<Highlight> {
        let at = self.items.iter().position(|h| h.id == id)?;
        Some(self.items.remove(at))
    }

    /// The highlights of one article, in the order made.
    pub fn of_article<'a>(&'a self, article: &'a str) -> impl Iterator<Item = &'a Highlight> + 'a {
        self.items.iter().filter(move |h| h.article == article)
    }

    /// Every tag with the number of highlights holding it, by name.
    pub fn tags(&self) -> Vec<(String, usize)> {
        let mut out: Vec<(String, usize)> = Vec::new();
        for t in self.items.iter().flat_map(|h| &h.tags) {
            match out.iter_mut().find(|(o, _)| o == t) {
                Some((_, n)) => *n += 1,
                None => out.push((t.clone(), 1)),
            }
        }
        crate::text::sort::sort_by(&mut out, |a, b| {
            crate::text::case::lowercase(&a.0).cmp(&crate::text::case::lowercase(&b.0))
        });
        out
    }

    /// Renames a tag everywhere; renaming to a tag that exists merges the two. Returns the
    /// number of highlights changed.
    pub fn rename_tag(&mut self, from: &str, to: &str, now: &str) -> usize {
        let Some(to) = parse_tags(to).into_iter().next() else { return 0 };
        let mut changed = 0;
        for h in &mut self.items {
            let Some(at) = h.tags.iter().position(|t| t == from) else { continue };
            if h.tags.iter().any(|t| t != from && same_tag(t, &to)) {
                h.tags.remove(at); // merged into the one it has
            } else {
                h.tags[at] = to.clone();
            }
            h.updated = now.to_string();
            changed += 1;
        }
        changed
    }

    /// Adds the highlights of `other` that are not here yet (same article, same passage and
    /// place), each with a fresh id; returns how many were added.
    pub fn merge(&mut self, other: Highlights) -> usize {
        let mut added = 0;
        for mut h in other.items {
            let twin = self.items.iter().any(|o| o.article == h.article && o.selector == h.selector);
            if twin {
                continue;
            }
            h.id = format!("h-{}", self.next.max(1));
            self.next = self.next.max(1) + 1;
            self.items.push(h);
            added += 1;
        }
        added
    }
}

/// A change the reader makes to the highlights (the page saves after each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Add {
        article: String,
        selector: Selector,
        now: String,
    },
    Annotate {
        id: String,
        note: String,
        tags: String,
        now: String,
    },
    Remove {
        id: String,
    },
    RenameTag {
        from: String,
        to: String,
        now: String,
    },
    /// The highlights of an "everything" file `from`, `unreadable` of them left out.
    Merge {
        from: String,
        highlights: Box<Highlights>,
        unreadable: usize,
        /// The file's highlight toggles (the page restores them where none are saved).
        toggles: Option<String>,
    },
}

impl Highlights {
    /// Applies a change; returns the id of a highlight added.
    pub fn apply(&mut self, change: Change) -> Option<String> {
        match change {
            Change::Add { article, selector, now } => return Some(self.add(&article, selector, &now)),
            Change::Annotate { id, note, tags, now } => drop(self.annotate(&id, &note, parse_tags(&tags), &now)),
            Change::Remove { id } => drop(self.remove(&id)),
            Change::RenameTag { from, to, now } => drop(self.rename_tag(&from, &to, &now)),
            Change::Merge { highlights, .. } => drop(self.merge(*highlights)),
        }
        None
    }
}

/// Where `h` is in `article` now.
pub fn place(h: &Highlight, article: &Article) -> Place {
    match anchor(&article.body.body_text(), &h.selector) {
        Some((s, e)) => Place::At(s, e),
        None => Place::Orphaned,
    }
}

/// One block's highlights: (start, end, id), byte ranges of the block's text, in order.
pub type BlockMarks = Vec<(usize, usize, String)>;

/// The highlights of an article placed in its blocks: for each block, the (start, end, id)
/// byte ranges inside it, in order (a highlight across blocks is cut at their ends), and
/// the ids of the orphaned ones.
pub fn in_blocks(article: &Article, highlights: &Highlights) -> (Vec<BlockMarks>, Vec<String>) {
    let text = article.body.body_text();
    let mut starts = Vec::with_capacity(article.body.blocks.len());
    let mut at = 0;
    for b in &article.body.blocks {
        starts.push(at);
        at += b.text().len() + 2; // body_text joins them with a blank line
    }
    let mut blocks: Vec<BlockMarks> = vec![Vec::new(); article.body.blocks.len()];
    let mut orphans = Vec::new();
    for h in highlights.of_article(&article.id) {
        let Some((s, e)) = anchor(&text, &h.selector) else {
            orphans.push(h.id.clone());
            continue;
        };
        for (i, b) in article.body.blocks.iter().enumerate() {
            let (bs, be) = (starts[i], starts[i] + b.text().len());
            if s < be && e > bs {
                blocks[i].push((s.max(bs) - bs, e.min(be) - bs, h.id.clone()));
            }
        }
    }
    for b in &mut blocks {
        crate::text::sort::sort_by(b, |x, y| x.0.cmp(&y.0));
    }
    (blocks, orphans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::anchor::describe;

    fn sel(text: &str, quote: &str) -> Selector {
        let s = text.find(quote).unwrap();
        describe(text, s, s + quote.len()).unwrap()
    }

    #[test]
    fn tags_are_trimmed_and_kept_once() {
        assert_eq!(
            parse_tags(" Musa Qala, casualties;  casualties ,, CASUALTIES\nceasefire "),
            ["Musa Qala", "casualties", "ceasefire"]
        );
        assert!(parse_tags(" , ;").is_empty());
        assert_eq!(parse_tags(&"x".repeat(100))[0].len(), 40);
    }

    #[test]
    fn highlights_are_added_annotated_and_removed() {
        let text = "Marines entered Marjah. The Taliban said they had left.";
        let mut hs = Highlights::default();
        let a = hs.add("art-1", sel(text, "The Taliban said"), "2026-12-04T10:00:00Z");
        let b = hs.add("art-1", sel(text, "Marines entered"), "2026-12-04T10:01:00Z");
        assert_ne!(a, b);
        assert!(hs.annotate(&a, "  a claim  ", parse_tags("claims, Marjah"), "2026-12-04T11:00:00Z"));
        assert_eq!(hs.get(&a).unwrap().note, "a claim");
        assert!(!hs.annotate("h-99", "x", vec![], "now"));
        assert_eq!(hs.remove(&b).unwrap().id, b);
        assert_eq!(hs.of_article("art-1").count(), 1);
        // ids never come back after a removal
        let c = hs.add("art-1", sel(text, "Marjah"), "now");
        assert!(c != a && c != b);
    }

    #[test]
    fn tags_rename_and_merge() {
        let text = "one two three four";
        let mut hs = Highlights::default();
        let a = hs.add("x", sel(text, "one"), "t");
        let b = hs.add("x", sel(text, "two"), "t");
        hs.annotate(&a, "", parse_tags("casualty, Sangin"), "t");
        hs.annotate(&b, "", parse_tags("casualties"), "t");
        assert_eq!(hs.rename_tag("casualty", "casualties", "t2"), 1);
        assert_eq!(hs.tags(), [("casualties".to_string(), 2), ("Sangin".to_string(), 1)]);
        // renaming into a tag the highlight already has merges them
        hs.annotate(&a, "", parse_tags("casualties, deaths"), "t");
        hs.rename_tag("deaths", "Casualties", "t3");
        assert_eq!(hs.get(&a).unwrap().tags, ["casualties"]);
        assert_eq!(hs.rename_tag("nothing", "x", "t"), 0);
    }

    #[test]
    fn merging_adds_only_what_is_new() {
        let text = "one two three four";
        let mut mine = Highlights::default();
        mine.add("x", sel(text, "one"), "t");
        let mut theirs = Highlights::default();
        theirs.add("x", sel(text, "one"), "t");
        theirs.add("x", sel(text, "three"), "t");
        assert_eq!(mine.merge(theirs.clone()), 1);
        assert_eq!(mine.merge(theirs), 0, "twice: nothing new");
        let ids: Vec<&str> = mine.items.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["h-1", "h-2"]);
    }
}
