//! The word lists of the claims engine (`data/claims.txt`), read once, and phrase matching
//! on the lower-cased words of a sentence.

use std::collections::HashMap;
use std::sync::OnceLock;

const DATA: &str = include_str!("../../../data/claims.txt");

pub struct Lexicon {
    /// Section name -> index.
    sections: Vec<&'static str>,
    /// First word -> (section, phrase words), longest phrases first.
    by_first: HashMap<&'static str, Vec<(usize, Vec<&'static str>)>>,
}

pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::parse(DATA))
}

impl Lexicon {
    fn parse(data: &'static str) -> Lexicon {
        let mut sections: Vec<&'static str> = Vec::new();
        let mut by_first: HashMap<&'static str, Vec<(usize, Vec<&'static str>)>> = HashMap::new();
        for line in data.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                sections.push(name);
                continue;
            }
            let sec = sections.len().checked_sub(1).expect("data/claims.txt: a phrase before any [section]");
            let words: Vec<&'static str> = line.split(' ').filter(|w| !w.is_empty()).collect();
            by_first.entry(words[0]).or_default().push((sec, words));
        }
        for list in by_first.values_mut() {
            list.sort_by(|a, b| b.1.len().cmp(&a.1.len()));
        }
        Lexicon { sections, by_first }
    }

    fn section(&self, name: &str) -> usize {
        self.sections.iter().position(|s| *s == name).unwrap_or_else(|| panic!("data/claims.txt has no [{name}]"))
    }

    /// The length in words of the longest phrase of section `name` starting at word `i`.
    pub fn at(&self, name: &str, words: &[String], i: usize) -> Option<usize> {
        let sec = self.section(name);
        let list = self.by_first.get(words.get(i)?.as_str())?;
        list.iter().find(|(s, p)| *s == sec && starts(words, i, p)).map(|(_, p)| p.len())
    }

    /// Whether word `i` is, alone, a phrase of section `name`.
    pub fn is(&self, name: &str, word: &str) -> bool {
        let sec = self.section(name);
        self.by_first.get(word).is_some_and(|l| l.iter().any(|(s, p)| *s == sec && p.len() == 1))
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
