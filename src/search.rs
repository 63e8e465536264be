//! Full-text search: case- and diacritic-insensitive, words in any order, each query word
//! matching the start of a word in the text ("talib" finds "Taliban", "kabul" finds
//! "Kābul").

use crate::entities::tokens::plain_tokens;
use crate::library::Article;

/// Lower case without diacritics: "Médecins" -> "medecins".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if is_mark(c) {
            continue; // combining accents
        }
        for l in c.to_lowercase() {
            out.push(base_letter(l));
        }
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x064B..=0x065F | 0x0670)
}

/// The letter under a precomposed accent, for Latin letters.
fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ś' | 'š' | 'ş' => 's',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        _ => c,
    }
}

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
    pub fn of(title: &str, outlet: &str, author: &str, body: &crate::clean::Cleaned) -> Self {
        let mut words: Vec<String> = Vec::new();
        for part in [title, outlet, author].into_iter().chain(body.blocks.iter().map(|b| b.text())) {
            words.extend(plain_tokens(part).into_iter().map(|t| fold(t.text)).filter(|w| !w.is_empty() && !w.contains('\n')));
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
            crate::sort::sort_by(&mut lines, Ord::cmp);
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

/// A parsed query: its folded words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn parse(q: &str) -> Self {
        let mut words: Vec<String> =
            fold(q).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect();
        crate::sort::sort_by(&mut words, Ord::cmp);
        words.dedup();
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Byte ranges of the words of `text` that some query word starts.
    pub fn hits(&self, text: &str) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        plain_tokens(text)
            .into_iter()
            .filter(|t| {
                let w = fold(t.text);
                self.words.iter().any(|q| w.starts_with(q.as_str()) || w.replace(['-', '\'', '’', '.'], "").starts_with(q.as_str()))
            })
            .map(|t| (t.start, t.end))
            .collect()
    }

    /// Every query word starts some word of the article (title, outlet, byline or body).
    pub fn matches(&self, article: &Article) -> bool {
        self.words.iter().all(|q| article.words.has_prefix(q))
    }

    /// Up to `context` bytes either side of the first hit in the article's body, cut at words.
    pub fn snippet(&self, article: &Article, context: usize) -> Option<(String, String, String)> {
        for b in &article.body.blocks {
            let text = b.text();
            if let Some(&(s, e)) = self.hits(text).first() {
                return Some(crate::entity_index::around(text, s, e, context));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Médecins Sans FRONTIÈRES"), "medecins sans frontieres");
        assert_eq!(fold("Ka\u{0304}bul"), "kabul");
        assert_eq!(fold("هلمند"), "هلمند");
    }

    #[test]
    fn words_in_any_order_at_word_starts() {
        let lib = Library::bundled();
        let q = Query::parse("graeme SMITH");
        let found: Vec<&str> = lib.articles.iter().filter(|a| q.matches(a)).map(|a| a.id.as_str()).collect();
        assert_eq!(found, ["000_913ef45cb6386b48"]);
        let q = Query::parse("smith graeme");
        assert_eq!(lib.articles.iter().filter(|a| q.matches(a)).count(), 1);
        assert!(Query::parse("talib").matches(&lib.articles[1]), "a word start");
        assert!(!Query::parse("aliban").matches(&lib.articles[1]), "not inside a word");
        assert!(Query::parse("").matches(&lib.articles[4]));
    }

    #[test]
    fn an_articles_words_are_found_by_prefix() {
        let c = crate::clean::clean("Title here\nThe Taliban entered Kābul; MSF’s doctors left.", crate::clean::Hints::default());
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
        assert!(odd.has_prefix("zuluü") && odd.has_prefix("beta") && !odd.has_prefix("zuluüx"), "an empty line, no final line break");
        assert!(!Words::default().has_prefix("a"));
    }

    #[test]
    fn hits_and_snippets_point_at_the_words() {
        let q = Query::parse("musa doctors");
        let text = "The fall of Musa Qala; Doctors Without Borders said.";
        let hits: Vec<&str> = q.hits(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(hits, ["Musa", "Doctors"]);
        let lib = Library::bundled();
        let (before, hit, after) = Query::parse("soundcloud").snippet(&lib.articles[0], 40).unwrap();
        assert_eq!(hit, "Soundcloud");
        assert!(before.starts_with('…') && after.ends_with('…'));
    }
}
