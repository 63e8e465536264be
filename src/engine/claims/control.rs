//! District control events in a sentence (§2 of the claims guidelines): a word of taking,
//! handing over, leaving or attacking, the district it is about (named, a place inside it,
//! or "the district" / "the town" for the one the text is about) and who did it. Who gains
//! decides between fell and retaken; a capture of posts or checkpoints is an attack.

use super::lexicon::lexicon;
use super::sentence::Sentence;
use crate::model::claims::Control;

/// A place of a district named in the sentence, by word range.
#[derive(Debug, Clone)]
pub struct DistrictWords {
    pub a: usize,
    pub b: usize,
    pub district: &'static str,
    /// The place as named, when it is inside the district rather than the district itself.
    pub place: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub event: Control,
    pub district: &'static str,
    pub place: Option<String>,
    pub by: Option<String>,
    /// Words of the quote: the event word and the district.
    pub quote: (usize, usize),
    /// The event word.
    pub at: usize,
}

/// Sections of cue words, in the order ties are broken.
const CUES: [&str; 7] = ["handed_over", "withdrawal", "fell", "retaken", "attacked", "capture", "attack_generic"];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Party {
    Insurgent,
    Government,
    Unknown,
}

fn party(s: &Sentence, a: usize, b: usize) -> Party {
    let lex = lexicon();
    for k in a..b.min(s.words.len()) {
        if lex.at("party_insurgent", &s.words, k).is_some() {
            return Party::Insurgent;
        }
        if lex.at("party_government", &s.words, k).is_some() {
            return Party::Government;
        }
    }
    Party::Unknown
}

/// The events of one sentence. `current` is the district the text is about before it.
pub fn in_sentence(s: &Sentence, places: &[DistrictWords], current: Option<&'static str>) -> Vec<Found> {
    let lex = lexicon();
    let n = s.words.len();
    let mut out: Vec<Found> = Vec::new();

    let mut i = 0;
    while i < n {
        let best = lex.best(&CUES, &s.words, i).map(|(k, len)| (CUES[k], len));
        let Some((sec, len)) = best else {
            i += 1;
            continue;
        };
        let cue_end = i + len;
        // "assault", "offensive", "siege" alone need their object: "assault on"
        if sec == "attacked"
            && len == 1
            && lex.is("attack_noun", &s.words[i])
            && !s
                .words
                .get(cue_end)
                .is_some_and(|w| matches!(w.as_str(), "on" | "against" | "in" | "of" | "into" | "targeting"))
        {
            i = cue_end;
            continue;
        }
        // "to retake": a plan, unless an operation under way is named ("an operation is
        // ongoing in full force to retake the district": an attack)
        let mut sec = sec;
        if i > 0 && s.words[i - 1] == "to" && !matches!(sec, "attacked" | "fell") {
            let operation = (i.saturating_sub(9)..i).any(|k| {
                matches!(
                    s.words[k].as_str(),
                    "operation" | "offensive" | "push" | "battle" | "fighting" | "campaign" | "fight"
                )
            });
            if operation && matches!(sec, "capture" | "retaken") {
                sec = "attacked";
            } else {
                i = cue_end;
                continue;
            }
        }
        // planned, feared, denied or hypothetical: not an event
        let hedged = (i.saturating_sub(4)..i)
            .any(|k| lex.at("not_happened", &s.words, k).is_some() && !(k + 1..i).any(|m| s.breaks_before(m)));
        // "denied that the district had fallen" (not "a claim denied by the ministry")
        let denied =
            (i.saturating_sub(8)..i).any(|k| matches!(s.words[k].as_str(), "denied" | "denies" | "deny" | "rejected"));
        if denied || hedged || sec == "attack_generic" {
            i = cue_end;
            continue;
        }
        // a noun "attack" or "offensive" needs "on"/"against"/"in" and a district after it
        let targets = target(s, places, current, i, cue_end, sec);
        let Some((dists, partial, quote)) = targets else {
            i = cue_end;
            continue;
        };
        let by = actor(s, i, cue_end, sec);
        let who = by.map_or(Party::Unknown, |(a, b)| party(s, a, b));
        // elders or residents taking over a town are no side of the war
        if by.is_some_and(|(a, b)| (a..b).any(|k| lex.is("party_none", &s.words[k]))) && who == Party::Unknown {
            i = cue_end;
            continue;
        }
        let replaced = s.words.iter().any(|w| matches!(w.as_str(), "replaced" | "relieved"));
        // "entered the district centre": a capture; "entered the city": an attack
        let sec = if matches!(word_at(s, i), "entered" | "walked") {
            let seat = (cue_end..(cue_end + 5).min(n))
                .any(|k| matches!(s.words[k].as_str(), "centre" | "center" | "headquarters" | "compound"));
            if seat {
                "capture"
            } else {
                "attacked"
            }
        } else {
            sec
        };
        let word = word_at(s, i);
        // "the Marines took over Sangin from British forces": a handover between allies
        let from_allies = sec == "capture"
            && (cue_end..n).any(|k| s.words[k] == "from" && party(s, k + 1, (k + 4).min(n)) == Party::Government);
        let event = match sec {
            _ if from_allies => Control::HandedOver,
            "handed_over" => Control::HandedOver,
            "withdrawal" if replaced => Control::HandedOver,
            "withdrawal" => Control::Withdrawal,
            "attacked" => Control::Attacked,
            "fell" => {
                if who == Party::Government {
                    Control::Retaken
                } else {
                    Control::Fell
                }
            }
            "retaken" => Control::Retaken,
            _ if partial => Control::Attacked,
            _ => match who {
                Party::Insurgent => Control::Fell,
                Party::Government => Control::Retaken,
                Party::Unknown if word.starts_with("re") => Control::Retaken,
                Party::Unknown => Control::Fell,
            },
        };
        for (district, place) in dists {
            out.push(Found {
                event,
                district,
                place: place.clone(),
                by: by.map(|(a, b)| s.span(a, b).to_string()),
                quote: (quote.0.min(i), quote.1.max(cue_end)),
                at: i,
            });
        }
        i = cue_end;
    }
    out
}

fn word_at<'s>(s: &'s Sentence, i: usize) -> &'s str {
    s.words[i].as_str()
}

type Targets = (Vec<(&'static str, Option<String>)>, bool, (usize, usize));

/// The districts an event word at `i..end` is about: named after it ("seized the Nawzad
/// district"), before it ("Musa Qala fell"), or referred to ("retake the district").
fn target(
    s: &Sentence,
    places: &[DistrictWords],
    current: Option<&'static str>,
    i: usize,
    end: usize,
    sec: &str,
) -> Option<Targets> {
    let lex = lexicon();
    let n = s.words.len();
    let partial_in = |a: usize, b: usize| (a..b.min(n)).any(|k| lex.at("partial", &s.words, k).is_some());
    // after the word: up to the next clause or 16 words (a list of districts runs long)
    let mut stop = end;
    while stop < n && stop < end + 16 && (stop == end || !s.breaks_before(stop) || s.gap(stop) == ",") {
        if stop > end
            && matches!(
                s.words[stop].as_str(),
                "but" | "while" | "which" | "who" | "because" | "after" | "before" | "when"
            )
        {
            break;
        }
        stop += 1;
    }
    // "Musa Qala fell": before the word; "the loss of Nawa": after it
    let passive_fell = sec == "fell" && !s.words[i].starts_with("los");
    // "the district" means the place this sentence named before, else the one in hand
    let here = places.iter().rev().find(|p| p.b <= i).map(|p| (p.district, p.place.clone()));
    let current_here = here.or(current.map(|c| (c, None)));
    // the word itself names it: "left the district"
    if (i..end).any(|k| lex.at("district_reference", &s.words, k).is_some()) {
        if let Some((d, place)) = current_here.clone() {
            return Some((vec![(d, place)], partial_in(end, stop.min(end + 3)), (i, end)));
        }
    }
    // "recapturing areas", "overran checkpoints": part of the district in hand
    if matches!(sec, "capture" | "retaken") && lex.at("partial", &s.words, end).is_some() {
        if let Some((d, place)) = current_here.clone() {
            if !places.iter().any(|p| p.a >= end && p.a < stop) {
                return Some((vec![(d, place)], true, (i, end + 1)));
            }
        }
    }
    let after: Vec<&DistrictWords> = places.iter().filter(|p| p.a >= end && p.a < stop).collect();
    // the object comes soon after the word ("take position … on the outskirts of Lashkar
    // Gah" takes no district); a list may run on from there
    if !after.is_empty() && !passive_fell && after[0].a <= end + 7 {
        let first = after[0].a;
        let partial = partial_in(end, first);
        let list: Vec<(&'static str, Option<String>)> = dedup(after.iter().map(|p| (p.district, p.place.clone())));
        return Some((list, partial, (i, after.last().map_or(end, |p| p.b))));
    }
    // a reference after the word: "retake the district", "took it"
    if !passive_fell {
        if let Some((cur, place)) = current_here.clone() {
            for k in end..stop {
                if let Some(len) = lex.at("district_reference", &s.words, k) {
                    return Some((vec![(cur, place)], partial_in(end, k), (i, k + len)));
                }
            }
        }
    }
    // before the word: "Musa Qala fell", "the town was recaptured"
    let after_partial = partial_in(end, (end + 3).min(n));
    let from = i.saturating_sub(10);
    let before: Vec<&DistrictWords> = places.iter().filter(|p| p.b <= i && p.a >= from).collect();
    // a district before a taking or a handover is its object only in the passive ("Musa
    // Qala was captured"); before "the Marines in Nawa had taken" it is where they were
    let passive =
        (i.saturating_sub(2)..i).any(|k| matches!(s.words[k].as_str(), "was" | "were" | "been" | "be" | "is" | "are"));
    let needs_passive = matches!(sec, "capture" | "retaken" | "handed_over");
    if let Some(p) = before.last().filter(|_| passive || !needs_passive || i == 0) {
        if !(p.b..=i).any(|k| s.breaks_before(k) && s.gap(k) != ",") || sec == "fell" {
            let partial = partial_in(p.a.saturating_sub(4), i) || after_partial;
            return Some((vec![(p.district, p.place.clone())], partial, (p.a, end)));
        }
    }
    if let Some((cur, _)) = current_here {
        for k in i.saturating_sub(12)..i {
            if let Some(len) = lex.at("district_reference", &s.words, k) {
                if k + len <= i && s.words[k] != "it" {
                    return Some((vec![(cur, None)], partial_in(k, i) || after_partial, (k, end)));
                }
            }
        }
        // "the Taliban were attacking from all sides": an attack on the district in hand
        if sec == "attacked"
            && s.words[i].ends_with("ing")
            && (end == n || s.breaks_before(end) || matches!(s.words[end].as_str(), "from" | "at" | "since" | "for"))
        {
            return Some((vec![(cur, None)], false, (i.saturating_sub(3), end)));
        }
    }
    None
}

fn dedup(items: impl Iterator<Item = (&'static str, Option<String>)>) -> Vec<(&'static str, Option<String>)> {
    let mut out: Vec<(&'static str, Option<String>)> = Vec::new();
    for it in items {
        if !out.iter().any(|o| o.0 == it.0) {
            out.push(it);
        }
    }
    out
}

/// Who did it: "fell to X", "by X", or the subject before the word.
fn actor(s: &Sentence, i: usize, end: usize, sec: &str) -> Option<(usize, usize)> {
    let n = s.words.len();
    let span_until = |from: usize| {
        let mut e = from;
        while e < n && e - from < 6 && (e == from || !s.breaks_before(e)) {
            if e > from
                && matches!(
                    s.words[e].as_str(),
                    "in" | "on" | "after" | "and" | "last" | "this" | "early" | "late" | "since" | "when"
                )
            {
                break;
            }
            e += 1;
        }
        (e > from).then_some((from, e))
    };
    if sec == "fell" && matches!(s.words[end - 1].as_str(), "to" | "into") {
        // "fell to the Taliban": the words after "to"
        return span_until(end).map(|(a, b)| strip_the(s, a, b));
    }
    if sec == "handed_over" {
        // "handed over to the Afghan army": the receiver
        if let Some(k) = (end..(end + 10).min(n)).find(|&k| s.words[k] == "to") {
            return span_until(k + 1).map(|(a, b)| strip_the(s, a, b));
        }
    }
    // "by NATO troops", not "by to commemorate" or "by then"
    let agent = |k: usize| {
        s.words.get(k + 1).is_some_and(|w| {
            !matches!(
                w.as_str(),
                "to" | "a" | "an" | "then" | "now" | "far" | "contrast" | "which" | "late" | "early" | "mid" | "the"
            ) || s
                .words
                .get(k + 2)
                .is_some_and(|x| x == "taliban" || x == "group" || party(s, k + 2, k + 3) != Party::Unknown)
        })
    };
    if let Some(k) = (end..(end + 10).min(n)).find(|&k| s.words[k] == "by" && !s.breaks_before(k) && agent(k)) {
        return span_until(k + 1).map(|(a, b)| strip_the(s, a, b));
    }
    // the subject: back from the word over auxiliaries to a break
    let mut b = i;
    while b > 0
        && matches!(
            s.words[b - 1].as_str(),
            "has"
                | "have"
                | "had"
                | "was"
                | "were"
                | "is"
                | "are"
                | "been"
                | "also"
                | "then"
                | "reportedly"
                | "eventually"
                | "finally"
                | "again"
        )
    {
        b -= 1;
    }
    let mut a = b;
    while a > 0
        && b - a < 6
        && !s.breaks_before(a)
        && !matches!(
            s.words[a - 1].as_str(),
            "that" | "when" | "after" | "as" | "and" | "which" | "because" | "since" | "before" | "but"
        )
    {
        a -= 1;
    }
    (a < b).then(|| strip_the(s, a, b))
}

fn strip_the(s: &Sentence, a: usize, b: usize) -> (usize, usize) {
    if b > a + 1 && matches!(s.words[a].as_str(), "the" | "a" | "an") {
        (a + 1, b)
    } else {
        (a, b)
    }
}
