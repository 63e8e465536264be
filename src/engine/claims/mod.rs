//! The claims engine: attributed figures and district control events of an article, as
//! `shared/eval/claims/GUIDELINES.md` defines them, found by rules over its sentences with
//! the entity engine's people and places. Runs where the entity engine runs (build time,
//! the import worker, the `annotate --claims` tool), never in the page.
//!
//! Steps, per sentence in reading order: its source ([`source`]: a reporting verb, a
//! quotation's speaker, "reportedly"), its time words ([`when`]), its figures ([`figures`])
//! and control events ([`control`]), with the district it names or the one the text is about;
//! then the mentions of one claim (headline, lead, body) merge into one entry (§1.6).

pub mod control;
pub mod figures;
pub mod json;
pub mod lexicon;
pub mod quantity;
pub mod sentence;
pub mod source;
pub mod when;

use crate::model::claims::{Claimant, ClaimantKind, Claims, Control, ControlEvent, Figure, Place, What};
use crate::model::cleaned::{Block, Cleaned};
use crate::model::entity::{Annotation, EntityType};
use crate::model::segments::{block_segment, segments};
use sentence::Sentence;
use source::PersonMention;

/// One mention of a claim before merging, with what the merge needs.
struct Mention<T> {
    item: T,
    /// How specific its source is: a person 3, a named body 2, a generic one 1, none 0.
    rank: u8,
}

/// The claims of a cleaned article, with its entities and its date (`YYYY-MM-DD`, the
/// anchor of "on Wednesday").
pub fn extract(c: &Cleaned, a: &Annotation, published: Option<&str>) -> Claims {
    let segs = segments(c);
    let anchor = when::anchor_day(published);
    // the title and the body; not the byline, dateline, copyright line or notes
    let mut read: Vec<usize> = vec![0];
    for (i, b) in c.blocks.iter().enumerate() {
        if !matches!(b, Block::Note(_)) {
            read.push(block_segment(i));
        }
    }
    let paragraphs: Vec<Vec<Sentence>> = read.iter().map(|&si| Sentence::split(si, segs[si].text)).collect();
    // the day of the story's event, as its first paragraphs give it ("on Friday"): the
    // date of a casualty or a deployment the story reports without a date of its own
    // the time words of each sentence (not those of the claim: "said on Tuesday"), once
    let time_words: Vec<Vec<Vec<when::TimeWords>>> = paragraphs
        .iter()
        .map(|p| {
            p.iter()
                .map(|s| when::find(&s.words, anchor).into_iter().filter(|t| !of_the_claim(s, t.at)).collect())
                .collect()
        })
        .collect();
    let story = time_words.iter().take(6).flatten().flatten().find_map(|t| t.date.clone().filter(|d| d.len() == 10));
    let people: Vec<PersonMention> = a
        .mentions
        .iter()
        .filter(|m| a.entities[m.entity].ty == EntityType::Person)
        .map(|m| PersonMention {
            segment: m.segment,
            start: m.start,
            end: m.end,
            entity: m.entity,
            name: a.entities[m.entity].name.clone(),
        })
        .collect();
    let all: Vec<&Sentence> = paragraphs.iter().flatten().collect();
    let mut kinds: Vec<Option<ClaimantKind>> = vec![None; a.entities.len()];
    for p in &people {
        if kinds[p.entity].is_none() {
            kinds[p.entity] = Some(source::describe(&all, &people, p.entity));
        }
    }
    let person_kind = |e: usize| kinds.get(e).copied().flatten().unwrap_or(ClaimantKind::Government);

    let mut figures: Vec<Mention<Figure>> = Vec::new();
    let mut events: Vec<Mention<ControlEvent>> = Vec::new();
    // the district the text is about: for figures, until it widens to the province; for
    // events ("retake the district"), the last one named
    let mut current: Option<&'static str> = None;
    let current_event: Option<&'static str> = focus(a);
    let lex = lexicon::lexicon();
    let mut last_person: Option<(String, ClaimantKind)> = None;
    let mut last_quote_speaker: Option<source::Found> = None;
    for (para, para_times) in paragraphs.iter().zip(&time_words) {
        let own: Vec<Option<source::Found>> = para
            .iter()
            .map(|s| {
                let cx =
                    source::Context { people: &people, person_kind: &person_kind, last_person: last_person.clone() };
                let f = source::in_sentence(s, &cx);
                if let Some(p) =
                    people.iter().rev().find(|p| p.segment == s.segment && p.start >= s.start && p.end <= s.end)
                {
                    last_person = Some((p.name.clone(), person_kind(p.entity)));
                }
                f
            })
            .collect();
        let starts_quoted = para.first().is_some_and(|s| s.gap(0).contains(['"', '“']));
        let para_speaker = para.iter().zip(&own).find(|(s, f)| s.quotes() && f.is_some()).and_then(|(_, f)| f.clone());
        let inherited = para_speaker.clone().or_else(|| if starts_quoted { last_quote_speaker.clone() } else { None });
        let mut open_quote = false;
        let mut carried_date: Option<Option<String>> = None;
        // indirect speech that runs on: a sentence between two of one source's ("X said that
        // the Taliban overran…. They also attacked Nawa. …, he said.") is theirs
        let own: Vec<Option<source::Found>> = (0..own.len())
            .map(|k| {
                own[k].clone().or_else(|| {
                    let before = own[..k].iter().rev().flatten().next()?;
                    let after = own[k + 1..].iter().flatten().next()?;
                    (before.claimant == after.claimant).then(|| before.clone())
                })
            })
            .collect();
        for ((s, found), times) in para.iter().zip(&own).zip(para_times) {
            let quoted = open_quote || s.quotes();
            let seg_text = &s.text[s.start..s.end];
            let marks = seg_text.matches(['"', '“', '”']).count();
            let opens = seg_text.matches('“').count();
            let closes = seg_text.matches('”').count();
            open_quote = if opens + closes > 0 {
                (opens > closes) || (open_quote && opens == closes && opens == 0)
            } else if marks % 2 == 1 {
                !open_quote
            } else {
                open_quote
            };
            let src = found.clone().or_else(|| if quoted { inherited.clone() } else { None });
            let (claimant, rank) = match &src {
                Some(f) => (
                    f.claimant.clone(),
                    if f.person {
                        3
                    } else if f
                        .claimant
                        .name
                        .as_deref()
                        .is_some_and(|n| n.chars().next().is_some_and(char::is_uppercase))
                    {
                        2
                    } else {
                        1
                    },
                ),
                None => (Claimant::unattributed(), 0),
            };
            // districts and places of the sentence
            let mut places: Vec<control::DistrictWords> = Vec::new();
            let mut wider = false;
            for m in a.mentions.iter().filter(|m| m.segment == s.segment && m.start >= s.start && m.end <= s.end) {
                let e = &a.entities[m.entity];
                if e.ty != EntityType::Place {
                    continue;
                }
                match e.district {
                    Some(d) => {
                        if let (Some(wa), Some(wb)) = (s.word_at(m.start), s.word_at(m.end.saturating_sub(1))) {
                            let place = (!e.names_district).then(|| s.text[m.start..m.end].to_string());
                            places.push(control::DistrictWords { a: wa, b: wb + 1, district: d, place });
                        }
                    }
                    None => {
                        // the bases §4 of the guidelines places in Washir
                        let name = crate::text::case::lowercase(&s.text[m.start..m.end]);
                        let words: Vec<String> = name.split(' ').map(str::to_string).collect();
                        match (
                            lex.at("in_washir", &words, 0) == Some(words.len()),
                            s.word_at(m.start),
                            s.word_at(m.end.saturating_sub(1)),
                        ) {
                            (true, Some(wa), Some(wb)) => places.push(control::DistrictWords {
                                a: wa,
                                b: wb + 1,
                                district: "Washir",
                                place: Some(s.text[m.start..m.end].to_string()),
                            }),
                            _ => wider = true,
                        }
                    }
                }
            }
            // time words, but not those of the claim ("said on Tuesday")
            // a date at the start of the sentence dates all of it; others only their clause
            let first_break =
                (1..s.words.len()).find(|&k| s.breaks_before(k) && s.gap(k) != "-").unwrap_or(s.words.len());
            let date_near = |at: usize, event: bool| -> Option<String> {
                let in_clause = |t: &&when::TimeWords| {
                    let (x, y) = (t.at.min(at), t.at.max(at));
                    t.at < first_break || !(x + 1..=y).any(|k| s.breaks_before(k) && s.gap(k) != "-")
                };
                if let Some(t) = times.iter().filter(in_clause).min_by_key(|t| t.at.abs_diff(at)) {
                    return t.date.clone();
                }
                // another clause's date: an event's ("…2007, when the forces retook the
                // town"), not a toll's ("a 13-year campaign that cost the lives of…")
                if !times.is_empty() {
                    return if event {
                        times.iter().min_by_key(|t| t.at.abs_diff(at)).and_then(|t| t.date.clone())
                    } else {
                        None
                    };
                }
                if let Some(d) = &carried_date {
                    return d.clone();
                }
                (event && ongoing_now(s)).then(|| when::anchor_iso(anchor)).flatten()
            };
            let mut sentence_districts: Vec<&'static str> = places.iter().map(|p| p.district).collect();
            sentence_districts.dedup();
            let figure_district = match sentence_districts.as_slice() {
                [one] => Some(*one),
                [] if !wider => current,
                _ => None,
            };
            let place_of =
                |qa: usize, qb: usize| Place { segment: s.segment, start: s.toks[qa].start, end: s.toks[qb - 1].end };
            for f in figures::in_sentence(s) {
                let at = place_of(f.quote.0, f.quote.1);
                // "drawing down to about 4,500 troops": a target, not a state
                let target = f.q.first > 0 && s.words[f.q.first - 1] == "to";
                // tolls over years ("since 2001", "a 13-year campaign") have no date
                let history = historical(s);
                let date = if (f.what == What::Force && target) || history {
                    None
                } else if f.what == What::Force && times.is_empty() && carried_date.is_none() && present(s) {
                    when::anchor_iso(anchor)
                } else {
                    date_near(f.q.first, false).or_else(|| {
                        // undated in its sentence: the story's day (its month for people
                        // displaced, who flee over days)
                        let d = story.clone()?;
                        Some(if f.what == What::Displaced { d[..7].to_string() } else { d })
                    })
                };
                figures.push(Mention {
                    item: Figure {
                        what: f.what,
                        side: f.side,
                        value: f.q.value,
                        low: f.q.low,
                        high: f.q.high,
                        approx: f.q.approx,
                        families: f.families,
                        claimant: claimant.clone(),
                        district: figure_district.map(str::to_string),
                        date,
                        quote: s.text[at.start..at.end].to_string(),
                        at,
                    },
                    rank,
                });
            }
            for e in control::in_sentence(s, &places, current_event) {
                let at = place_of(e.quote.0, e.quote.1);
                events.push(Mention {
                    item: ControlEvent {
                        district: e.district.to_string(),
                        place: e.place,
                        event: e.event,
                        by: e.by,
                        claimant: claimant.clone(),
                        date: date_near(e.at, true),
                        quote: s.text[at.start..at.end].to_string(),
                        at,
                    },
                    rank,
                });
            }
            if let Some(p) = places.last() {
                current = Some(p.district);
            } else if wider {
                current = None;
            }
            carried_date = times.first().map(|t| t.date.clone());
            if quoted && found.is_some() {
                last_quote_speaker = found.clone();
            }
        }
        if !para.iter().any(|s| s.quotes()) {
            last_quote_speaker = None;
        }
    }
    Claims { figures: merge_figures(figures), events: merge_events(events) }
}

/// The district the article is about: the one named most often (the first on a tie), what
/// "the district" and "the town" mean when the sentence itself names none before.
fn focus(a: &Annotation) -> Option<&'static str> {
    let mut counts: Vec<(&'static str, usize, usize)> = Vec::new();
    for (k, m) in a.mentions.iter().enumerate() {
        if let Some(d) = a.entities[m.entity].district {
            match counts.iter_mut().find(|c| c.0 == d) {
                Some(c) => c.1 += 1,
                None => counts.push((d, 1, k)),
            }
        }
    }
    counts.into_iter().max_by(|x, y| x.1.cmp(&y.1).then(y.2.cmp(&x.2))).map(|c| c.0)
}

/// Whether the time words at `at` date the claim rather than the event: "said on Tuesday",
/// "told AFP Monday".
fn of_the_claim(s: &Sentence, at: usize) -> bool {
    let lex = lexicon::lexicon();
    let w = |k: usize| s.words.get(k).map(String::as_str).unwrap_or("");
    (at >= 1 && lex.is("report_verb", w(at - 1)))
        || (at >= 2 && w(at - 1) == "on" && lex.is("report_verb", w(at - 2)))
        || (at >= 2
            && lex.is("report_verb", w(at - 2))
            && s.words[at - 1].chars().all(char::is_alphabetic)
            && !matches!(w(at - 1), "in" | "since" | "that" | "last"))
        || lex.is("report_verb", w(at + 1))
}

/// A sentence about years past: a toll since a year, over a campaign, at a peak.
fn historical(s: &Sentence) -> bool {
    s.words.iter().any(|w| {
        matches!(
            w.as_str(),
            "since" | "years" | "decade" | "decades" | "campaign" | "altogether" | "throughout" | "peak" | "peaked"
        ) || w.ends_with("-year")
            || w.ends_with("-years")
    })
}

/// Fighting going on as the article is written ("are attacking", "is ongoing", "still"):
/// the article's day.
fn ongoing_now(s: &Sentence) -> bool {
    s.words.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "ongoing" | "currently" | "still" | "continue" | "continues" | "continuing")
            || (matches!(w.as_str(), "are" | "is") && s.words.get(i + 1).is_some_and(|n| n.ends_with("ing")))
            || (w == "morning" && i >= 2 && s.words[i - 1] == "the" && s.words[i - 2] == "in")
    })
}

/// A present state or a perfect ("remain", "there are", "has captured"): the article's day.
fn present(s: &Sentence) -> bool {
    s.words.iter().enumerate().any(|(i, w)| {
        matches!(w.as_str(), "remain" | "remains" | "currently" | "now" | "still" | "ongoing" | "has" | "have")
            || (w == "there" && s.words.get(i + 1).is_some_and(|n| n == "are" || n == "is"))
            || (matches!(w.as_str(), "are" | "is") && s.words.get(i + 1).is_some_and(|n| n.ends_with("ing")))
    }) && !s.words.iter().any(|w| matches!(w.as_str(), "will" | "would" | "plan" | "plans" | "planned" | "target"))
}

/// The more specific of two dates of one claim (a day over a month over a year).
fn finer(a: Option<String>, b: &Option<String>) -> Option<String> {
    match (&a, b) {
        (Some(x), Some(y)) if y.len() > x.len() && y.starts_with(x.as_str()) => b.clone(),
        (None, Some(_)) => b.clone(),
        _ => a,
    }
}

/// Two dates of different episodes: both given and not one inside the other.
fn other_episode(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => !(x.starts_with(y.as_str()) || y.starts_with(x.as_str())),
        _ => false,
    }
}

/// Mentions of one figure become one entry (§1.6): same what, side and value, and the same
/// kind of source or none.
fn merge_figures(found: Vec<Mention<Figure>>) -> Vec<Figure> {
    let mut out: Vec<Mention<Figure>> = Vec::new();
    // attributed mentions first, so the outlet's own repeats fold into them
    let (attributed, own): (Vec<_>, Vec<_>) = found.into_iter().partition(|m| m.rank > 0);
    for m in attributed.into_iter().chain(own) {
        let f = &m.item;
        let same = out.iter_mut().find(|o| {
            let g = &o.item;
            g.what == f.what
                && g.side == f.side
                && g.value == f.value
                && (g.claimant.kind == f.claimant.kind || f.claimant.kind == ClaimantKind::Unattributed)
        });
        match same {
            Some(o) => {
                let date = finer(o.item.date.take(), &f.date);
                let district = o.item.district.take().or_else(|| f.district.clone());
                if (o.item.low, o.item.high) != (f.low, f.high) && f.claimant.kind == o.item.claimant.kind && m.rank > 0
                {
                    o.item.low = Some(o.item.value);
                    o.item.high = Some(o.item.value);
                    o.item.approx = true;
                }
                if m.rank > o.rank {
                    let (low, high, approx) = (o.item.low, o.item.high, o.item.approx);
                    o.item = m.item.clone();
                    o.rank = m.rank;
                    (o.item.low, o.item.high, o.item.approx) = (low, high, approx);
                }
                o.item.date = date;
                o.item.district = district;
            }
            None => out.push(m),
        }
    }
    let mut list: Vec<Figure> = out.into_iter().map(|m| m.item).collect();
    list.sort_by_key(|f| (f.at.segment, f.at.start));
    list
}

/// Mentions of one event become one entry (§2.2): same district, event, kind of source (or
/// none) and episode.
fn merge_events(found: Vec<Mention<ControlEvent>>) -> Vec<ControlEvent> {
    let mut out: Vec<Mention<ControlEvent>> = Vec::new();
    let (attributed, own): (Vec<_>, Vec<_>) = found.into_iter().partition(|m| m.rank > 0);
    for m in attributed.into_iter().chain(own) {
        let e = &m.item;
        let same = out.iter_mut().find(|o| {
            let g = &o.item;
            g.district == e.district
                && g.event == e.event
                && (g.claimant.kind == e.claimant.kind || e.claimant.kind == ClaimantKind::Unattributed)
                && !other_episode(&g.date, &e.date)
        });
        match same {
            Some(o) => {
                o.item.date = finer(o.item.date.take(), &e.date);
                if o.item.by.is_none() {
                    o.item.by = e.by.clone();
                }
                if o.item.place.is_none() {
                    o.item.place = e.place.clone();
                }
                if m.rank > o.rank {
                    let keep = (o.item.date.take(), o.item.by.take(), o.item.place.take());
                    o.item = m.item.clone();
                    o.rank = m.rank;
                    o.item.date = finer(keep.0, &o.item.date);
                    o.item.by = o.item.by.take().or(keep.1);
                    o.item.place = o.item.place.take().or(keep.2);
                }
            }
            None => out.push(m),
        }
    }
    let mut list: Vec<ControlEvent> = out.into_iter().map(|m| m.item).collect();
    // a departure within a handover is the handover (§2.1)
    let handovers: Vec<(String, Option<String>)> =
        list.iter().filter(|e| e.event == Control::HandedOver).map(|e| (e.district.clone(), e.date.clone())).collect();
    list.retain(|e| {
        e.event != Control::Withdrawal
            || !handovers.iter().any(|(d, date)| *d == e.district && !other_episode(date, &e.date))
    });
    list.sort_by_key(|e| (e.at.segment, e.at.start));
    list
}
