//! The word lists of `data/cues.txt` and `data/given_names.txt`, parsed once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FxHash (as in rustc): the word lists are looked up for every token, and std's SipHash,
/// built to resist hostile keys, is several times slower on short words.
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn write_usize(&mut self, i: usize) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Classes a word can belong to, as bit flags: every token is looked up once.
pub mod class {
    pub const TITLE: u32 = 1 << 0;
    pub const PREFIX: u32 = 1 << 1;
    pub const ROLE: u32 = 1 << 2;
    pub const SPEECH: u32 = 1 << 3;
    pub const CREDIT: u32 = 1 << 4;
    pub const ORG_SUFFIX: u32 = 1 << 5;
    pub const ORG_HEAD: u32 = 1 << 6;
    pub const PLACE_SUFFIX: u32 = 1 << 7;
    pub const PLACE_IN_NAME: u32 = 1 << 8;
    pub const SENTENCE: u32 = 1 << 9;
    pub const DEMONYM: u32 = 1 << 10;
    pub const GIVEN: u32 = 1 << 11;
    pub const CALENDAR: u32 = 1 << 12;
    /// First word of a list cue ("appeared in").
    pub const LIST_START: u32 = 1 << 13;
    /// First word of a place head ("Camp", "city of").
    pub const HEAD_START: u32 = 1 << 14;
    /// A month (also abbreviated or of the Afghan solar calendar) or a weekday.
    pub const DATE_WORD: u32 = 1 << 15;
    /// A preposition before a place: "in", "near", "from"...
    pub const PLACE_PREP: u32 = 1 << 16;
}

pub struct Cues {
    words: HashMap<&'static str, u32, BuildHasherDefault<FxHasher>>,
    /// Which (length, first byte) pairs any listed word has: most words are ruled out
    /// without hashing.
    shapes: Vec<[u64; 4]>,
    pub list_cues: Vec<Vec<&'static str>>,
    pub place_heads: Vec<Vec<&'static str>>,
    pub place_endings: Vec<&'static str>,
}

impl Cues {
    /// The classes of a word (0 when it has none).
    pub fn of(&self, word: &str) -> u32 {
        let Some(&first) = word.as_bytes().first() else { return 0 };
        let row = &self.shapes[word.len().min(self.shapes.len() - 1)];
        if row[usize::from(first >> 6)] & (1 << (first & 63)) == 0 {
            return 0;
        }
        self.words.get(word).copied().unwrap_or(0)
    }
}

const CALENDAR_WORDS: [&str; 19] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Sept",
];

pub fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let mut sections: HashMap<&str, Vec<&'static str>> = HashMap::new();
        let mut current = "";
        for line in include_str!("../../../data/cues.txt").lines() {
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
        let mut words: HashMap<&'static str, u32, BuildHasherDefault<FxHasher>> = HashMap::default();
        let mut add = |list: &[&'static str], flag: u32| {
            for w in list {
                *words.entry(w).or_default() |= flag;
            }
        };
        use class::*;
        add(&take("person_titles"), TITLE);
        add(&take("name_prefixes"), PREFIX);
        add(&take("roles"), ROLE);
        add(&take("speech_verbs"), SPEECH);
        add(&take("org_suffixes"), ORG_SUFFIX);
        add(&take("org_heads"), ORG_HEAD);
        add(&take("place_suffixes"), PLACE_SUFFIX);
        add(&take("place_suffixes_in_name"), PLACE_IN_NAME);
        add(&take("sentence_words"), SENTENCE);
        add(&take("demonyms"), DEMONYM);
        add(&take("place_prepositions"), PLACE_PREP);
        add(&CALENDAR_WORDS, CALENDAR);
        add(&crate::text::calendar::DATE_WORDS, DATE_WORD);
        let given: Vec<&'static str> = include_str!("../../../data/given_names.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect();
        add(&given, GIVEN);
        // credit words open a line ("Writing by") or follow a word ("additional reporting by")
        let credit = take("credit_words");
        let capitalised: Vec<&'static str> = credit
            .iter()
            .map(|w| &*Box::leak(format!("{}{}", w[..1].to_uppercase(), &w[1..]).into_boxed_str()))
            .collect();
        add(&credit, CREDIT);
        add(&capitalised, CREDIT);
        let phrases = |v: Vec<&'static str>| -> Vec<Vec<&'static str>> {
            v.into_iter().map(|p| p.split(' ').collect()).collect()
        };
        let list_cues = phrases(take("list_cues"));
        let place_heads = phrases(take("place_heads"));
        add(&list_cues.iter().map(|p| p[0]).collect::<Vec<_>>(), LIST_START);
        add(&place_heads.iter().map(|p| p[0]).collect::<Vec<_>>(), HEAD_START);
        let mut shapes = vec![[0u64; 4]; 33];
        for w in words.keys() {
            let first = w.as_bytes()[0];
            // the last row stands for every length from 32 up
            shapes[w.len().min(32)][usize::from(first >> 6)] |= 1 << (first & 63);
        }
        Cues { words, shapes, list_cues, place_heads, place_endings: take("place_endings") }
    })
}
