//! Who asserts a claim (§1.4 of the claims guidelines): the subject of a reporting verb
//! ("the defense ministry said"), the name after one ("…,” said Dawlat Waziri"), "according
//! to X", the speaker of a quotation, or "reportedly" (media); and what kind of source it
//! is, from the words of its name and, for a person, the words that describe them.

use super::lexicon::lexicon;
use super::sentence::Sentence;
use crate::model::claims::{Claimant, ClaimantKind};

/// A person named in the article: the byte range of one mention in its segment, and the
/// name the entity engine gives them.
#[derive(Debug, Clone)]
pub struct PersonMention {
    pub segment: usize,
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    pub name: String,
}

/// What kind of source the words `a..b` name: the first strong word's kind, else
/// government when a weak word ("officials", "spokesman") is there.
pub fn kind_of(words: &[String], a: usize, b: usize) -> Option<ClaimantKind> {
    let lex = lexicon();
    const STRONG: [(&str, ClaimantKind); 6] = [
        ("kind_insurgent", ClaimantKind::Insurgent),
        ("kind_foreign", ClaimantKind::ForeignMilitary),
        ("kind_un_ngo", ClaimantKind::UnNgo),
        ("kind_media", ClaimantKind::Media),
        ("kind_local", ClaimantKind::Local),
        ("kind_government", ClaimantKind::Government),
    ];
    let mut weak = false;
    for i in a..b.min(words.len()) {
        // the longest phrase at this word decides ("ministry of defence" over "ministry")
        let best =
            STRONG.iter().filter_map(|(sec, kind)| lex.at(sec, words, i).map(|n| (n, *kind))).max_by_key(|(n, _)| *n);
        let weak_here = lex.at("kind_weak_government", words, i);
        match (best, weak_here) {
            (Some((n, _)), Some(w)) if w > n => weak = true,
            (Some((_, kind)), _) => return Some(kind),
            (None, Some(_)) => weak = true,
            _ => {}
        }
    }
    weak.then_some(ClaimantKind::Government)
}

/// Words that end a subject going backwards.
fn stops_subject(w: &str) -> bool {
    matches!(
        w,
        "that"
            | "which"
            | "who"
            | "when"
            | "because"
            | "after"
            | "as"
            | "but"
            | "while"
            | "where"
            | "since"
            | "though"
            | "although"
            | "if"
            | "and"
            | "killed"
            | "wounded"
    )
}

/// A source found in a sentence: its words and the name to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub claimant: Claimant,
    /// A person named as the source (to resolve a later "he said").
    pub person: bool,
}

pub struct Context<'p> {
    pub people: &'p [PersonMention],
    /// The kind each person entity's descriptions give.
    pub person_kind: &'p dyn Fn(usize) -> ClaimantKind,
    /// The last person named before this sentence.
    pub last_person: Option<(String, ClaimantKind)>,
}

/// The source a sentence names for what it reports, if it names one.
pub fn in_sentence(s: &Sentence, cx: &Context) -> Option<Found> {
    let lex = lexicon();
    let n = s.words.len();
    // "according to X"
    for i in 0..n.saturating_sub(1) {
        if s.words[i] == "according" && s.words[i + 1] == "to" {
            let end = until_break(s, i + 2, 8);
            if end > i + 2 {
                return Some(named(s, i + 2, end, cx));
            }
        }
    }
    for v in 0..n {
        if !lex.is("report_verb", &s.words[v]) || s.words[v] == "according" {
            continue;
        }
        // "were reported killed", "the reported deaths": not a source speaking
        if v > 0 && matches!(s.words[v - 1].as_str(), "was" | "were" | "been" | "be" | "is" | "are" | "the" | "a") {
            continue;
        }
        if s.words[v] == "put" && !s.words[v + 1..].iter().take(4).any(|w| w == "toll" || w == "number") {
            continue;
        }
        // the subject before the verb, back to a break
        let mut a = v;
        while a > 0 && v - a < 8 && !s.breaks_before(a) && !stops_subject(&s.words[a - 1]) {
            a -= 1;
        }
        // "President Joe Biden (pictured April 14) announced": over the brackets
        if a == v && v > 0 && s.gap(v).starts_with(')') {
            let mut b = v - 1;
            while b > 0 && !s.gap(b).contains('(') {
                b -= 1;
            }
            let mut c = b;
            while c > 0 && b - c < 8 && !s.breaks_before(c) {
                c -= 1;
            }
            if c < b {
                return Some(named(s, c, b, cx));
            }
        }
        // "Attaullah Afghan, the head of the council, said": the name before the apposition
        if a == v && v > 0 && s.gap(v) == "," {
            let mut b = v - 1;
            while b > 0 && v - b < 10 && !s.breaks_before(b) {
                b -= 1;
            }
            if b > 0 && s.gap(b) == "," {
                let mut c = b - 1;
                while c > 0 && b - c < 6 && !s.breaks_before(c) {
                    c -= 1;
                }
                if c == 0 || s.breaks_before(c) {
                    let mut found = named(s, c, b, cx);
                    if !found.person && found.claimant.kind == ClaimantKind::Government {
                        found.claimant.kind = kind_of(&s.words, c, v).unwrap_or(ClaimantKind::Government);
                    }
                    return Some(found);
                }
            }
        }
        // "the Taliban claimed", but not "he said" after a break only
        let subject = (a..v)
            .filter(|&k| !matches!(s.words[k].as_str(), "also" | "later" | "had" | "has" | "have" | "earlier" | "then"))
            .collect::<Vec<_>>();
        if let (Some(&first), Some(&last)) = (subject.first(), subject.last()) {
            if s.words[first..=last].iter().all(|w| matches!(w.as_str(), "he" | "she")) {
                if let Some((name, kind)) = &cx.last_person {
                    return Some(Found { claimant: Claimant { name: Some(name.clone()), kind: *kind }, person: true });
                }
                continue;
            }
            if s.words[first..=last].iter().all(|w| matches!(w.as_str(), "they" | "it" | "we" | "i" | "you")) {
                continue;
            }
            return Some(named(s, first, last + 1, cx));
        }
        // "…,” said Dawlat Waziri, a spokesman": the name after the verb
        let end = until_break(s, v + 1, 6);
        if end > v + 1 && !matches!(s.words[v + 1].as_str(), "that" | "the" | "it" | "in" | "on") {
            return Some(named(s, v + 1, end, cx));
        }
    }
    if lex.find("source_media", &s.words, 0, n).is_some() {
        return Some(Found {
            claimant: Claimant { name: Some("reports".to_string()), kind: ClaimantKind::Media },
            person: false,
        });
    }
    None
}

/// The word where a name starting at `from` ends: at a break, a clause word or after `max`.
fn until_break(s: &Sentence, from: usize, max: usize) -> usize {
    let mut end = from;
    while end < s.words.len() && end - from < max && (end == from || !s.breaks_before(end)) {
        if end > from && matches!(s.words[end].as_str(), "that" | "who" | "on" | "in" | "said" | "told" | "when") {
            break;
        }
        end += 1;
    }
    end
}

/// The source named by words `a..b`: a person (by the entity engine's name) or a body.
fn named(s: &Sentence, a: usize, b: usize, cx: &Context) -> Found {
    let (from, to) = (s.toks[a].start, s.toks[b - 1].end);
    if let Some(p) = cx.people.iter().find(|p| p.segment == s.segment && p.start >= from && p.end <= to) {
        let kind = kind_of(&s.words, a, b)
            .filter(|k| *k != ClaimantKind::Government)
            .unwrap_or_else(|| (cx.person_kind)(p.entity));
        return Found { claimant: Claimant { name: Some(p.name.clone()), kind }, person: true };
    }
    let mut a = a;
    if matches!(s.words[a].as_str(), "the" | "a" | "an")
        && s.words.get(a + 1).is_some_and(|w| w != "taliban")
        && b > a + 1
    {
        a += 1;
    }
    let kind = kind_of(&s.words, a, b).unwrap_or(ClaimantKind::Government);
    Found { claimant: Claimant { name: Some(s.span(a, b).to_string()), kind }, person: false }
}

/// The kind of source a person is, from the words around their mentions: their title
/// before the name ("Governor", "Taliban spokesman") and the description after a comma
/// ("Dawlat Waziri, a spokesman for the Afghan army"). Government when nothing tells.
pub fn describe(sentences: &[&Sentence], people: &[PersonMention], entity: usize) -> ClaimantKind {
    let mut weak = None;
    for p in people.iter().filter(|p| p.entity == entity) {
        let Some(s) = sentences.iter().find(|s| s.segment == p.segment && s.start <= p.start && p.end <= s.end) else {
            continue;
        };
        let (Some(first), Some(last)) = (s.word_at(p.start), s.word_at(p.end.saturating_sub(1))) else { continue };
        // the title before the name
        let mut a = first;
        while a > 0 && first - a < 4 && !s.breaks_before(a) {
            a -= 1;
        }
        if a < first {
            if let Some(k) = kind_of(&s.words, a, first) {
                if k == ClaimantKind::Government {
                    weak = weak.or(Some(k));
                } else {
                    return k;
                }
            }
        }
        // an apposition: ", the provincial governor," or "the spokesman for the Taliban, Mujahid"
        let mut ranges = Vec::new();
        if s.gap(last + 1) == "," {
            ranges.push((last + 1, until_break(s, last + 1, 10)));
        }
        if first > 0 && s.gap(first) == "," {
            let mut b = first - 1;
            while b > 0 && first - b < 8 && !s.breaks_before(b) {
                b -= 1;
            }
            ranges.push((b, first));
        }
        for (x, y) in ranges {
            if let Some(k) = kind_of(&s.words, x, y) {
                if k == ClaimantKind::Government {
                    weak = weak.or(Some(k));
                } else {
                    return k;
                }
            }
        }
    }
    weak.unwrap_or(ClaimantKind::Government)
}
