//! Full-text search: case- and diacritic-insensitive, words in any order, each query word
//! matching the start of a word in the text ("talib" finds "Taliban", "kabul" finds
//! "Kābul").

use crate::model::article::Article;
use crate::text::fold::{fold, is_mark};
use crate::text::tokens::plain_tokens;

/// One part of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Term {
    /// A word that must start some word of the article ("talib" finds "Taliban").
    Word(String),
    /// Any one of these runs of words, side by side in the text, the last word matched as a
    /// prefix: a quoted phrase, or the spellings of a place the gazetteer knows
    /// ("lashkargah" = "Lashkar Gah" = "Lashkar-Gah").
    Phrase(Vec<Vec<String>>),
}

/// A parsed query: words in any order, quoted phrases, and place names with their spellings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    terms: Vec<Term>,
}

/// A typed word alone is read as a place's spelling only from this length on ("reg", a name
/// of Dishu, would otherwise find Dishu in every search for "regional").
const MIN_SPELLING: usize = 5;
/// The longest place name, in words, looked for among the typed words.
const MAX_SPELLING_WORDS: usize = 4;

impl Query {
    pub fn parse(q: &str) -> Self {
        let mut terms = Vec::new();
        // quotes toggle a phrase; an unclosed one runs to the end (a phrase being typed)
        for (k, part) in q.split(['"', '“', '”']).enumerate() {
            let words = words_of(part);
            if words.is_empty() {
                continue;
            }
            if k % 2 == 1 {
                let alternatives = spellings(&words).unwrap_or_else(|| vec![words]);
                terms.push(Term::Phrase(alternatives));
                continue;
            }
            let mut i = 0;
            while i < words.len() {
                // the longest run of typed words that spells a known place
                let found = (1..=MAX_SPELLING_WORDS.min(words.len() - i)).rev().find_map(|n| {
                    let run = &words[i..i + n];
                    if n == 1 && run[0].len() < MIN_SPELLING {
                        return None;
                    }
                    spellings(run).map(|alts| (n, alts))
                });
                match found {
                    Some((n, alternatives)) => {
                        terms.push(Term::Phrase(alternatives));
                        i += n;
                    }
                    None => {
                        terms.push(Term::Word(words[i].clone()));
                        i += 1;
                    }
                }
            }
        }
        let mut unique: Vec<Term> = Vec::with_capacity(terms.len());
        for t in terms {
            if !unique.contains(&t) {
                unique.push(t);
            }
        }
        Query { terms: unique }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Byte ranges of `text` that the query matches: the words some query word starts, and
    /// the phrases; in order, not overlapping.
    pub fn hits(&self, text: &str) -> Vec<(usize, usize)> {
        if self.is_empty() {
            return Vec::new();
        }
        let words = word_spans(text);
        let mut out = Vec::new();
        for t in &self.terms {
            match t {
                Term::Word(q) => {
                    for t in plain_tokens(text) {
                        let w = fold(t.text);
                        if w.starts_with(q.as_str()) || w.replace(['-', '\'', '’', '.'], "").starts_with(q.as_str()) {
                            out.push((t.start, t.end));
                        }
                    }
                }
                Term::Phrase(alternatives) => {
                    for alt in alternatives {
                        for i in 0..words.len() {
                            if phrase_at(&words, i, alt) {
                                out.push((words[i].0, words[i + alt.len() - 1].1));
                            }
                        }
                    }
                }
            }
        }
        out.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
        for (s, e) in out {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        merged
    }

    /// Every part of the query is in the article (title, outlet, byline or body): a word
    /// is looked up in its word list; a phrase is looked up word by word first, and only
    /// then looked for in the text.
    pub fn matches(&self, article: &Article) -> bool {
        self.terms.iter().all(|t| match t {
            Term::Word(q) => article.words.has_prefix(q),
            Term::Phrase(alternatives) => alternatives.iter().any(|alt| {
                alt.iter().all(|w| article.words.has_prefix(w))
                    && (alt.len() == 1
                        || std::iter::once(article.title.as_str())
                            .chain(article.body.blocks.iter().map(|b| b.text()))
                            .any(|text| has_phrase(text, alt)))
            }),
        })
    }

    /// Up to `context` bytes either side of the first hit in the article's body, cut at words.
    pub fn snippet(&self, article: &Article, context: usize) -> Option<(String, String, String)> {
        for b in &article.body.blocks {
            let text = b.text();
            if let Some(&(s, e)) = self.hits(text).first() {
                return Some(crate::text::snippet::around(text, s, e, context));
            }
        }
        None
    }
}

/// The folded words of `s`: runs of letters and digits.
fn words_of(s: &str) -> Vec<String> {
    fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// The spellings of the Helmand place whose name `words` spell (ignoring spaces and
/// hyphens), each as its words; `None` when they spell none.
fn spellings(words: &[String]) -> Option<Vec<Vec<String>>> {
    // every spelling's key, folded once (queries are parsed at each render of each block)
    static KEYS: std::sync::OnceLock<Vec<(String, usize)>> = std::sync::OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let groups = crate::model::districts::SPELLINGS.iter().enumerate();
        groups.flat_map(|(g, forms)| forms.iter().map(move |f| (words_of(f).concat(), g))).collect()
    });
    let key: String = words.concat();
    let group = crate::model::districts::SPELLINGS[keys.iter().find(|(k, _)| *k == key)?.1];
    let mut alternatives: Vec<Vec<String>> = Vec::with_capacity(group.len());
    for f in group.iter() {
        let w = words_of(f);
        if !w.is_empty() && !alternatives.contains(&w) {
            alternatives.push(w);
        }
    }
    Some(alternatives)
}

/// The words of `text` with their byte ranges, folded: letters and digits, accents kept
/// inside the word they mark.
fn word_spans(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || (is_mark(c) && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, fold(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len(), fold(&text[s..])));
    }
    out
}

/// The run of words `alt` starts at word `i`: whole words but the last, which may be a prefix.
fn phrase_at(words: &[(usize, usize, String)], i: usize, alt: &[String]) -> bool {
    i + alt.len() <= words.len()
        && alt.iter().enumerate().all(|(k, w)| {
            if k + 1 == alt.len() {
                words[i + k].2.starts_with(w.as_str())
            } else {
                words[i + k].2 == *w
            }
        })
}

/// The phrase `alt` is in `text`. Plain ASCII text (most of it) is scanned byte by byte
/// without folding or allocating; other text is split into folded words.
fn has_phrase(text: &str, alt: &[String]) -> bool {
    if !text.is_ascii() {
        let words = word_spans(text);
        return (0..words.len()).any(|i| phrase_at(&words, i, alt));
    }
    let b = text.as_bytes();
    let first = alt[0].as_bytes()[0];
    (0..b.len()).any(|p| {
        (p == 0 || !b[p - 1].is_ascii_alphanumeric())
            && b[p].to_ascii_lowercase() == first
            && ascii_phrase_at(b, p, alt)
    })
}

fn ascii_phrase_at(b: &[u8], mut p: usize, alt: &[String]) -> bool {
    for (k, w) in alt.iter().enumerate() {
        let w = w.as_bytes();
        if p + w.len() > b.len() || !b[p..p + w.len()].eq_ignore_ascii_case(w) {
            return false;
        }
        p += w.len();
        if k + 1 == alt.len() {
            return true; // the last word may go on
        }
        if p < b.len() && b[p].is_ascii_alphanumeric() {
            return false; // a whole word before the last
        }
        while p < b.len() && !b[p].is_ascii_alphanumeric() {
            p += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold("Médecins Sans FRONTIÈRES"), "medecins sans frontieres");
        assert_eq!(fold("Ka\u{0304}bul"), "kabul");
        assert_eq!(fold("هلمند"), "هلمند");
    }

    #[test]
    fn words_in_any_order_at_word_starts() {
        let lib = crate::engine::corpus::bundled();
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
    fn place_spellings_and_quoted_phrases() {
        let lib = crate::engine::corpus::bundled();
        let found = |q: &str| {
            lib.articles
                .iter()
                .filter(|a| Query::parse(q).matches(a))
                .map(|a| a.id[..3].to_string())
                .collect::<Vec<_>>()
        };
        // the bundled articles write "Lashkar Gah"; the gazetteer knows "Lashkargah" too
        let lg = found("lashkar gah");
        assert!(!lg.is_empty());
        assert_eq!(found("lashkargah"), lg);
        assert_eq!(found("LASHKAR-GAH"), lg);
        assert_eq!(found("\"lashkar gah\""), lg);
        assert_eq!(found("musa qala"), found("\"musa qala\""));
        assert_eq!(found("musa qala"), ["000", "001", "002"]);
        assert!(found("\"qala musa\"").is_empty(), "a phrase keeps its order");
        assert!(found("\"taliban zzzz\"").is_empty());
        // Now Zad, Naw Zad and Nawzad are one place
        let nawzad = found("now zad");
        assert_eq!(nawzad, found("nawzad"));
        assert_eq!(nawzad.len(), 3, "{nawzad:?}");
        // a short word is never read as a place's spelling
        assert_eq!(Query::parse("reg"), Query { terms: vec![Term::Word("reg".into())] });
    }

    #[test]
    fn phrases_in_any_text() {
        let alt: Vec<String> = vec!["lashkar".into(), "gah".into()];
        for yes in [
            "in Lashkar Gah.",
            "LASHKAR-GAH, Afghanistan",
            "Lashkar  Gah’s",
            "Lashkar\nGah",
            "à Lashkar Gah",
            "(Lashkar Gahs)",
        ] {
            assert!(has_phrase(yes, &alt), "{yes:?}");
        }
        for no in ["Lashkarx Gah", "Lashkar", "xLashkar Gah", "Lashkar Ga", "Lashkar, then Gah"] {
            assert!(!has_phrase(no, &alt), "{no:?}");
        }
        let q = Query::parse("\"musa qala\" taliban");
        let text = "The Taliban took Musa Qala; musa qala’s elders fled.";
        let hits: Vec<&str> = q.hits(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(hits, ["Taliban", "Musa Qala", "musa qala"]);
        let q = Query::parse("\"kābul air");
        let text = "Flights from Kabul Airport resumed.";
        assert_eq!(
            q.hits(text).into_iter().map(|(s, e)| &text[s..e]).collect::<Vec<_>>(),
            ["Kabul Airport"],
            "an unclosed quote is a phrase being typed"
        );
    }

    #[test]
    fn hits_and_snippets_point_at_the_words() {
        let q = Query::parse("musa doctors");
        let text = "The fall of Musa Qala; Doctors Without Borders said.";
        let hits: Vec<&str> = q.hits(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(hits, ["Musa", "Doctors"]);
        let lib = crate::engine::corpus::bundled();
        let (before, hit, after) = Query::parse("soundcloud").snippet(&lib.articles[0], 40).unwrap();
        assert_eq!(hit, "Soundcloud");
        assert!(before.starts_with('…') && after.ends_with('…'));
    }
}
