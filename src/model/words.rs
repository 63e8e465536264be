//! An article's distinct words, folded and sorted, for search.

use crate::model::cleaned::Cleaned;
use crate::text::fold::fold;
use crate::text::tokens::plain_tokens;

/// The distinct words of an article (title, outlet, byline and body), folded and sorted,
/// in one string: worked out once (in the import worker for imports), so a search over
/// 10,000 articles is a binary search in each, not a pass over 17 MB of text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words {
    /// The words, each followed by '\n'.
    text: String,
    /// Where each word starts in `text`.
    starts: Vec<u32>,
}

impl Words {
    pub fn of(title: &str, outlet: &str, author: &str, body: &Cleaned) -> Self {
        let mut words: Vec<String> = Vec::new();
        for part in [title, outlet, author].into_iter().chain(body.blocks.iter().map(|b| b.text())) {
            words.extend(
                plain_tokens(part).into_iter().map(|t| fold(t.text)).filter(|w| !w.is_empty() && !w.contains('\n')),
            );
        }
        words.sort_unstable(); // in the worker and at build time, where speed matters more
        words.dedup();
        let mut text = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
        for w in &words {
            text.push_str(w);
            text.push('\n');
        }
        Words::from_text(text)
    }

    /// From `text()` (as the worker sends it); lines out of order are sorted again.
    pub fn from_text(mut text: String) -> Self {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n'); // every word ends with a line break, the last one too
        }
        let mut starts = Vec::new();
        let mut at = 0;
        let mut sorted = true;
        let mut last: &str = "";
        for line in text.split_terminator('\n') {
            sorted &= line >= last;
            last = line;
            starts.push(at as u32);
            at += line.len() + 1;
        }
        if !sorted {
            let mut lines: Vec<&str> = text.split_terminator('\n').collect();
            crate::text::sort::sort_by(&mut lines, Ord::cmp);
            lines.dedup();
            return Words::from_text(lines.iter().map(|l| format!("{l}\n")).collect());
        }
        Words { text, starts }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Word `i`: it ends one byte ('\n') before the next one starts, so no search for the
    /// line end (this runs ~14 times per article per keystroke, 10,000 articles).
    fn word(&self, i: usize) -> &str {
        let from = self.starts[i] as usize;
        let to = self.starts.get(i + 1).map_or(self.text.len(), |&n| n as usize) - 1;
        &self.text[from..to]
    }

    /// Some word starts with `prefix`. (A binary search over word numbers, not
    /// `partition_point` over `starts`: a word's end is the next word's start.)
    pub fn has_prefix(&self, prefix: &str) -> bool {
        let (mut lo, mut hi) = (0, self.starts.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.word(mid) < prefix {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo < self.starts.len() && self.word(lo).starts_with(prefix)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_articles_words_are_found_by_prefix() {
        let c = crate::engine::clean::clean(
            "Title here\nThe Taliban entered Kābul; MSF’s doctors left.",
            crate::engine::clean::Hints::default(),
        );
        let w = Words::of("Title here", "Reuters", "unknown", &c);
        for yes in ["talib", "taliban", "kabul", "doctors", "reu", "t", "msf"] {
            assert!(w.has_prefix(yes), "{yes}");
        }
        for no in ["aliban", "zzz", "doctorsx"] {
            assert!(!w.has_prefix(no), "{no}");
        }
        assert_eq!(Words::from_text(w.text().to_string()), w, "it travels as its text");
        assert!(Words::from_text("b\na\n".into()).has_prefix("a"), "out of order is sorted");
        let odd = Words::from_text("alpha\n\nbeta\nzuluü".into());
        assert!(
            odd.has_prefix("zuluü") && odd.has_prefix("beta") && !odd.has_prefix("zuluüx"),
            "an empty line, no final line break"
        );
        assert!(!Words::default().has_prefix("a"));
    }
}
