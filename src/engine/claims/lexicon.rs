//! The word lists of the claims engine (`data/claims.txt`), read once, and phrase matching
//! on the lower-cased words of a sentence.

use crate::engine::entities::cues::FxHasher;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

/// Short words: a fast hash (the keys are our own lists, not hostile input).
type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

const DATA: &str = include_str!("../../../data/claims.txt");

pub struct Lexicon {
    /// Section name -> index.
    sections: Map<&'static str, usize>,
    /// First word -> (section, phrase words), longest phrases first.
    by_first: Map<&'static str, Vec<(&'static str, Vec<&'static str>)>>,
}

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(DATA))
}

impl Lexicon {
    fn parse(data: &'static str) -> Lexicon {
        let mut sections: Map<&'static str, usize> = Map::default();
        let mut last: Option<&'static str> = None;
        let mut by_first: Map<&'static str, Vec<(&'static str, Vec<&'static str>)>> = Map::default();
        for line in data.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let n = sections.len();
                sections.insert(name, n);
                last = Some(name);
                continue;
            }
            let sec = *last.as_ref().expect("data/claims.txt: a phrase before any [section]");
            let words: Vec<&'static str> = line.split(' ').filter(|w| !w.is_empty()).collect();
            by_first.entry(words[0]).or_default().push((sec, words));
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.1.len().cmp(&a.1.len()));
        }
        Lexicon { sections, by_first }
    }

    /// A section the code names must be in the data (checked in debug builds: the tests).
    fn check(&self, name: &str) {
        debug_assert!(self.sections.contains_key(name), "data/claims.txt has no [{name}]");
    }

    /// The length in words of the longest phrase of section `name` starting at word `i`.
    pub fn at(&self, name: &str, words: &[String], i: usize) -> Option<usize> {
        // most words start no phrase: one lookup, then only those that do name a section
        self.check(name);
        let list = self.by_first.get(words.get(i)?.as_str())?;
        list.iter().find(|(s, p)| *s == name && starts(words, i, p)).map(|(_, p)| p.len())
    }

    /// The longest phrase at word `i` of any of the sections `names`: which (its index in
    /// `names`) and its length. One lookup for a word that starts no phrase.
    pub fn best(&self, names: &[&str], words: &[String], i: usize) -> Option<(usize, usize)> {
        names.iter().for_each(|n| self.check(n));
        let list = self.by_first.get(words.get(i)?.as_str())?;
        // longest first; on a tie the earlier name
        let mut best: Option<(usize, usize)> = None;
        for (s, p) in list {
            if let Some(k) = names.iter().position(|x| x == s) {
                if starts(words, i, p) && best.is_none_or(|(bk, bl)| p.len() > bl || (p.len() == bl && k < bk)) {
                    best = Some((k, p.len()));
                }
            }
        }
        best
    }

    /// Whether word `i` is, alone, a phrase of section `name`.
    pub fn is(&self, name: &str, word: &str) -> bool {
        self.check(name);
        let Some(list) = self.by_first.get(word) else { return false };
        list.iter().any(|(s, p)| *s == name && p.len() == 1)
    }

    /// The first word in `from..to` where a phrase of `name` starts, and its length.
    pub fn find(&self, name: &str, words: &[String], from: usize, to: usize) -> Option<(usize, usize)> {
        (from..to.min(words.len())).find_map(|i| self.at(name, words, i).map(|n| (i, n)))
    }

    /// Whether any of the words (by their first word) could start a phrase at all: a quick
    /// test that skips most sentences.
    pub fn knows(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }
}

fn starts(words: &[String], i: usize, phrase: &[&str]) -> bool {
    phrase.iter().enumerate().all(|(k, p)| words.get(i + k).is_some_and(|w| w == p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn longest_phrase_of_a_section_wins() {
        let lex = lexicon();
        let w = words("killed or wounded 150 taliban");
        assert_eq!(lex.at("casualties", &w, 0), Some(3));
        assert_eq!(lex.at("killed", &w, 0), Some(1));
        assert_eq!(lex.at("wounded", &w, 0), None);
        assert_eq!(lex.find("wounded", &w, 0, 5), Some((2, 1)));
        assert!(lex.is("head_force", "taliban"));
        assert!(!lex.is("head_force", "killed"));
    }
}
