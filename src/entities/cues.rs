//! The word lists of `data/cues.txt` and `data/given_names.txt`, parsed once.

use std::collections::HashSet;
use std::sync::OnceLock;

pub struct Cues {
    pub person_titles: HashSet<&'static str>,
    pub name_prefixes: HashSet<&'static str>,
    pub roles: HashSet<&'static str>,
    pub speech_verbs: HashSet<&'static str>,
    pub credit_words: HashSet<&'static str>,
    pub list_cues: Vec<Vec<&'static str>>,
    pub org_suffixes: HashSet<&'static str>,
    pub org_heads: HashSet<&'static str>,
    pub place_suffixes: HashSet<&'static str>,
    pub place_suffixes_in_name: HashSet<&'static str>,
    pub place_heads: Vec<Vec<&'static str>>,
    pub place_endings: Vec<&'static str>,
    pub sentence_words: HashSet<&'static str>,
    pub demonyms: HashSet<&'static str>,
    pub given_names: HashSet<&'static str>,
}

pub fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let mut sections: std::collections::HashMap<&str, Vec<&'static str>> = Default::default();
        let mut current = "";
        for line in include_str!("../../data/cues.txt").lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name;
            } else {
                sections.entry(current).or_default().push(line);
            }
        }
        let mut take = |name: &str| sections.remove(name).unwrap_or_else(|| panic!("data/cues.txt lacks [{name}]"));
        let set = |v: Vec<&'static str>| v.into_iter().collect::<HashSet<_>>();
        let phrases = |v: Vec<&'static str>| v.into_iter().map(|p| p.split(' ').collect()).collect();
        Cues {
            person_titles: set(take("person_titles")),
            name_prefixes: set(take("name_prefixes")),
            roles: set(take("roles")),
            speech_verbs: set(take("speech_verbs")),
            credit_words: set(take("credit_words")),
            list_cues: phrases(take("list_cues")),
            org_suffixes: set(take("org_suffixes")),
            org_heads: set(take("org_heads")),
            place_suffixes: set(take("place_suffixes")),
            place_suffixes_in_name: set(take("place_suffixes_in_name")),
            place_heads: phrases(take("place_heads")),
            place_endings: take("place_endings"),
            sentence_words: set(take("sentence_words")),
            demonyms: set(take("demonyms")),
            given_names: include_str!("../../data/given_names.txt")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect(),
        }
    })
}
