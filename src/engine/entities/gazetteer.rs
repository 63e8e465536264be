//! The gazetteer of `data/gazetteer.toml` (places, districts, actors, people), compiled by
//! `build.rs` into a static table and matched with one Aho-Corasick automaton.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::EntityType;

/// One gazetteer entry and every surface form that names it.
#[derive(Debug, PartialEq, Eq)]
pub struct GazEntry {
    pub kind: EntityType,
    /// The canonical name.
    pub name: &'static str,
    /// What sort of place or actor: "helmand district", "helmand district centre", "village", "province",
    /// "armed group", "media", a person's role...
    pub class: &'static str,
    /// The Helmand district it is, or lies in.
    pub district: Option<&'static str>,
    pub forms: &'static [&'static str],
}

impl GazEntry {
    /// True for a district itself or its centre: what counts as naming the district.
    pub fn names_district(&self) -> bool {
        matches!(self.class, "helmand district" | "helmand district centre")
    }
}

include!(concat!(env!("OUT_DIR"), "/gazetteer.rs"));

/// A match of a surface form in a text, at byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub entry: &'static GazEntry,
}

struct Matcher {
    automaton: AhoCorasick,
    /// Pattern index -> entry.
    entries: Vec<&'static GazEntry>,
}

fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        // every form as listed, and in capitals ("KABUL") for datelines and headlines
        let mut patterns: Vec<String> = Vec::new();
        let mut entries = Vec::new();
        for e in ENTRIES {
            for f in e.forms {
                patterns.push(f.to_string());
                entries.push(e);
                let upper = f.to_uppercase();
                if f.len() > 2 && upper != *f {
                    patterns.push(upper);
                    entries.push(e);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("gazetteer automaton");
        Matcher { automaton, entries }
    })
}

/// The canonical entry for a name, if the gazetteer has it.
pub fn lookup(form: &str) -> Option<&'static GazEntry> {
    ENTRIES.iter().find(|e| e.forms.contains(&form))
}

fn word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Every gazetteer form in `text` standing as whole words, written as listed or in capitals
/// ("KABUL"), leftmost-longest and not overlapping.
pub fn find(text: &str) -> Vec<GazMatch> {
    let m = matcher();
    let mut out = Vec::new();
    for hit in m.automaton.find_iter(text) {
        let (start, end) = (hit.start(), hit.end());
        if !word_char(text[..start].chars().next_back()) && !word_char(text[end..].chars().next()) {
            out.push(GazMatch { start, end, entry: m.entries[hit.pattern().as_usize()] });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<(&str, &str)> {
        find(text).into_iter().map(|m| (&text[m.start..m.end], m.entry.name)).collect()
    }

    #[test]
    fn all_fourteen_districts_are_there() {
        let districts: Vec<&str> = ENTRIES.iter().filter(|e| e.class == "helmand district").map(|e| e.name).collect();
        assert_eq!(
            districts,
            [
                "Baghran",
                "Dishu",
                "Garmsir",
                "Kajaki",
                "Khanashin",
                "Lashkar Gah",
                "Marjah",
                "Musa Qala",
                "Nad Ali",
                "Nahr-e Saraj",
                "Nawa-i-Barakzayi",
                "Nawzad",
                "Sangin",
                "Washir"
            ]
        );
    }

    #[test]
    fn variants_resolve_to_their_canonical_entry() {
        assert_eq!(names("Naw Zad and Lashkargah"), [("Naw Zad", "Nawzad"), ("Lashkargah", "Lashkar Gah")]);
        assert_eq!(names("in Gereshk"), [("Gereshk", "Gereshk")]);
        assert_eq!(lookup("Gereshk").unwrap().district, Some("Nahr-e Saraj"));
        assert_eq!(names("Zabiullah Mujahid said"), [("Zabiullah Mujahid", "Zabihullah Mujahid")]);
    }

    #[test]
    fn whole_words_only_and_longest_first() {
        assert!(names("Regional leaders and Americans").is_empty());
        assert_eq!(
            names("the Afghan National Army (ANA)"),
            [("Afghan National Army", "Afghan National Army"), ("ANA", "Afghan National Army")]
        );
        assert_eq!(names("KABUL, Afghanistan"), [("KABUL", "Kabul"), ("Afghanistan", "Afghanistan")]);
        assert!(names("kabul").is_empty(), "lower case is not a name");
    }
}
