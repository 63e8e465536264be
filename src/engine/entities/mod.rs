//! The entity engine: finds people, organisations, places and dates in an article and
//! merges their aliases into entities with canonical names and stable ids.
//!
//! Pure Rust, no browser: the app and the `annotate` tool call [`annotate`] on the same
//! cleaned segments. Steps: gazetteer (Aho-Corasick) and date matches, context rules for
//! unknown names ([`rules`]), overlap resolution (longest, then most trusted), then a pass
//! over the whole article for back-references ("Mujahid" after "Zabihullah Mujahid"),
//! abbreviations ("ANA" after "Afghan National Army (ANA)") and repeats of names found by
//! rules, and finally alias merging by spelling key ([`aliases`]).

pub mod aliases;
pub mod cues;
pub mod dates;
pub mod gazetteer;
pub(crate) mod rules;
pub mod tokens;

pub use crate::model::entity::{Annotation, Entity, EntityType, Mention, Segment, SegmentKind};
use std::collections::HashMap;

use cues::class::{DEMONYM, SENTENCE, TITLE};
use gazetteer::GazEntry;
use rules::Cand;
use tokens::{tokenize, Token};

/// A resolved mention before entities are built.
struct Found {
    segment: usize,
    a: usize,
    b: usize,
    ty: EntityType,
    gaz: Option<&'static GazEntry>,
    /// Key of the mention this one refers back to (surname, abbreviation).
    refers_to: Option<usize>,
}

/// Finds and merges the entities of one article given as segments.
pub fn annotate(segments: &[Segment]) -> Annotation {
    let toks: Vec<Vec<Token>> = segments.iter().map(|s| tokenize(s.text)).collect();
    let mut found: Vec<Found> = Vec::new();
    for (si, seg) in segments.iter().enumerate() {
        let tokens = &toks[si];
        let gaz = gazetteer::find(seg.text);
        let mut cands: Vec<Cand> = Vec::new();
        for g in &gaz {
            if let Some((a, b)) = token_range(tokens, g.start, g.end) {
                cands.push(Cand { a, b, ty: g.entry.kind, prio: rules::PRIO_GAZ, gaz: Some(g.entry), expands: None });
            }
        }
        for (s, e) in dates::find(seg.text, tokens) {
            if let Some((a, b)) = token_range(tokens, s, e) {
                cands.push(Cand { a, b, ty: EntityType::Date, prio: rules::PRIO_DATE, gaz: None, expands: None });
            }
        }
        cands.extend(rules::candidates(seg.text, tokens, seg.kind, &gaz));
        let chosen = resolve(cands, tokens);
        let base = found.len();
        for c in &chosen {
            // an abbreviation refers to its long form, chosen in this segment too
            let refers_to = c.expands.and_then(|r| chosen.iter().position(|x| (x.a, x.b) == r)).map(|p| base + p);
            found.push(Found { segment: si, a: c.a, b: c.b, ty: c.ty, gaz: c.gaz, refers_to });
        }
    }
    back_references(&toks, &mut found);
    build(segments, &toks, found)
}

/// The tokens exactly covering bytes `start..end`, if the range falls on token edges.
fn token_range(tokens: &[Token], start: usize, end: usize) -> Option<(usize, usize)> {
    let a = tokens.partition_point(|t| t.start < start);
    if tokens.get(a)?.start != start {
        return None;
    }
    let b = tokens.partition_point(|t| t.end < end);
    (tokens.get(b)?.end == end).then_some((a, b + 1))
}

/// Non-overlapping candidates: longer first, then the more trusted rule, then leftmost.
fn resolve(mut cands: Vec<Cand>, tokens: &[Token]) -> Vec<Cand> {
    let len = |c: &Cand| tokens[c.b - 1].end - tokens[c.a].start;
    cands.sort_by(|x, y| len(y).cmp(&len(x)).then(y.prio.cmp(&x.prio)).then(x.a.cmp(&y.a)));
    let mut taken = vec![false; tokens.len()];
    let mut out: Vec<Cand> = Vec::new();
    for c in cands {
        if (c.a..c.b).any(|k| taken[k]) {
            continue;
        }
        taken[c.a..c.b].iter_mut().for_each(|t| *t = true);
        out.push(c);
    }
    out.sort_by_key(|c| c.a);
    out
}

/// Adds mentions the per-segment rules cannot see: surnames of people named in full
/// earlier ("Biden", "Mr. Afghan" is found by its title), abbreviations defined earlier,
/// and further occurrences of names that a rule found once.
fn back_references(toks: &[Vec<Token>], found: &mut Vec<Found>) {
    // first word -> (the whole name, the mention it repeats); surname -> full-name mention
    let mut known: FxMap<&str, Vec<(&[Token], usize)>> = FxMap::default();
    let mut surnames: FxMap<&str, usize> = FxMap::default();
    for (i, f) in found.iter().enumerate() {
        let words = &toks[f.segment][f.a..f.b];
        if f.ty == EntityType::Person && words.len() >= 2 {
            let last = words[words.len() - 1].text;
            if last.chars().count() >= 3 {
                surnames.entry(last).or_insert(i);
            }
        }
        // repeats of names found by rules (single words only when unambiguous: "HAVA", "Antiwar.com")
        let first = words[0].text;
        let single_ok =
            words.len() >= 2 || f.refers_to.is_some() || first.contains('.') || (words[0].upper && first.len() >= 3);
        if f.ty != EntityType::Date
            && (f.gaz.is_none() || f.refers_to.is_some())
            && single_ok
            && words[0].class & DEMONYM == 0
        {
            let list = known.entry(first).or_default();
            if !list.iter().any(|(w, _)| same_words(w, words)) {
                list.push((words, f.refers_to.unwrap_or(i)));
            }
        }
    }
    // a lone surname after a title ("Mr. Afghan", "President Trump") is the person named in
    // full in this article, or the one well-known person of that surname
    for (i, f) in found.iter_mut().enumerate() {
        if f.ty == EntityType::Person && f.b - f.a == 1 && f.refers_to.is_none() && f.gaz.is_none() {
            let word = toks[f.segment][f.a].text;
            match surnames.get(word) {
                Some(&j) if j != i => f.refers_to = Some(j),
                _ => f.gaz = aliases::gaz_person_by_surname(word),
            }
        }
    }
    let mut added: Vec<Found> = Vec::new();
    let mut covered: Vec<Vec<bool>> = toks.iter().map(|t| vec![false; t.len()]).collect();
    for f in found.iter() {
        covered[f.segment][f.a..f.b].iter_mut().for_each(|x| *x = true);
    }
    for (si, tokens) in toks.iter().enumerate() {
        let covered = &covered[si];
        let mut k = 0;
        while k < tokens.len() {
            if covered[k] || !tokens[k].cap {
                k += 1;
                continue;
            }
            // longest repeat of a known name starting here
            let mut hit = None;
            for (words, i) in known.get(tokens[k].text).map_or(&[][..], |v| v.as_slice()) {
                let len = words.len();
                let fits = k + len <= tokens.len()
                    && same_words(&tokens[k..k + len], words)
                    && !(k..k + len).any(|x| covered[x])
                    && tokens[k + 1..k + len].iter().all(|t| t.joined);
                if fits && hit.is_none_or(|(l, _, _)| len > l) {
                    hit = Some((len, *i, found[*i].ty));
                }
            }
            let t = &tokens[k];
            let standalone = !(k + 1 < tokens.len() && tokens[k + 1].joined && tokens[k + 1].cap)
                && !(k > 0 && tokens[k].joined && tokens[k - 1].cap && tokens[k - 1].class & TITLE == 0);
            if hit.is_none() && standalone && t.class & (DEMONYM | SENTENCE) == 0 {
                if let Some(&i) = surnames.get(t.text) {
                    hit = Some((1, i, EntityType::Person));
                }
            }
            match hit {
                Some((len, i, ty)) => {
                    added.push(Found { segment: si, a: k, b: k + len, ty, gaz: found[i].gaz, refers_to: Some(i) });
                    k += len;
                }
                None => k += 1,
            }
        }
    }
    found.extend(added);
}

fn same_words(a: &[Token], b: &[Token]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.text == y.text)
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<cues::FxHasher>>;

/// Groups mentions into entities (back-references join their antecedent; other names by
/// gazetteer entry or spelling key) and names each entity.
fn build(segments: &[Segment], toks: &[Vec<Token>], mut found: Vec<Found>) -> Annotation {
    let text_of = |f: &Found| &segments[f.segment].text[toks[f.segment][f.a].start..toks[f.segment][f.b - 1].end];
    // an unlisted spelling of a gazetteer name is that entry ("Zabihulah Mujahid")
    for f in found.iter_mut() {
        if f.gaz.is_none() && f.ty != EntityType::Date && f.refers_to.is_none() {
            f.gaz = aliases::gaz_by_spelling(f.ty, text_of(f));
        }
    }
    let mut annotation = Annotation::default();
    let mut entity_of: FxMap<String, usize> = FxMap::default();
    // ids are built once per gazetteer entry and per distinct name
    let mut by_entry: FxMap<*const GazEntry, usize> = FxMap::default();
    let mut by_text: FxMap<(EntityType, &str), usize> = FxMap::default();
    // the entity of each root mention, by the key of its gazetteer entry or its spelling
    let mut root_entity: Vec<Option<usize>> = vec![None; found.len()];
    for i in 0..found.len() {
        let mut root = i;
        let mut hops = 0;
        while let Some(r) = found[root].refers_to {
            if r == root || hops > 8 {
                break;
            }
            root = r;
            hops += 1;
        }
        let r = &found[root];
        let cached = match r.gaz {
            Some(g) => by_entry.get(&(g as *const GazEntry)).copied(),
            None => by_text.get(&(r.ty, text_of(r))).copied(),
        };
        let entity = match root_entity[root].or(cached) {
            Some(e) => e,
            None => {
                let key = match r.gaz {
                    Some(g) => aliases::entity_id(g.kind, g.name),
                    None => aliases::entity_id(r.ty, text_of(r)),
                };
                let e = *entity_of.entry(key).or_insert_with_key(|key| {
                    annotation.entities.push(Entity {
                        id: key.clone(),
                        ty: r.ty,
                        name: r.gaz.map_or_else(|| aliases::display_name(text_of(r)), |g| g.name.to_string()),
                        district: r.gaz.and_then(|g| g.district),
                        names_district: r.gaz.is_some_and(GazEntry::names_district),
                    });
                    annotation.entities.len() - 1
                });
                root_entity[root] = Some(e);
                match r.gaz {
                    Some(g) => by_entry.insert(g as *const GazEntry, e),
                    None => by_text.insert((r.ty, text_of(r)), e),
                };
                e
            }
        };
        let f = &found[i];
        // the fullest form names the entity ("Ataullah Afghan", not "Afghan")
        if f.gaz.is_none() && found[root].gaz.is_none() {
            let e = &mut annotation.entities[entity];
            if f.b - f.a > e.name.split(' ').count() {
                e.name = aliases::display_name(text_of(f));
            }
        }
        let t = &toks[f.segment];
        annotation.mentions.push(Mention { segment: f.segment, start: t[f.a].start, end: t[f.b - 1].end, entity });
    }
    annotation.mentions.sort_by_key(|m| (m.segment, m.start));
    annotation
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Annotation {
        annotate(&[Segment { text: s, kind: SegmentKind::Text }])
    }

    fn spans(s: &str) -> Vec<(String, &'static str)> {
        let a = text(s);
        a.mentions.iter().map(|m| (s[m.start..m.end].to_string(), a.entities[m.entity].ty.as_str())).collect()
    }

    #[test]
    fn people_by_title_role_and_context() {
        let s = spans("\"It is ongoing,\" said Gen. Dawlat Waziri, a defense ministry spokesman. Mariana Cortesi, the coordinator, agreed.");
        assert!(s.contains(&("Dawlat Waziri".into(), "person")), "{s:?}");
        assert!(s.contains(&("Mariana Cortesi".into(), "person")), "{s:?}");
    }

    #[test]
    fn surname_back_references_join_the_full_name() {
        let a = text("Taliban spokesman Zabiullah Mujahid said so. Later, Mujahid said more. President Joe Biden spoke; Biden’s plan.");
        let names: Vec<&str> = a.mentions.iter().map(|m| a.entities[m.entity].name.as_str()).collect();
        assert_eq!(names.iter().filter(|n| **n == "Zabihullah Mujahid").count(), 2, "{names:?}");
        assert_eq!(names.iter().filter(|n| **n == "Joe Biden").count(), 2, "{names:?}");
    }

    #[test]
    fn mr_and_a_nationality_surname() {
        let a = text("Ataullah Afghan, the head of the provincial council, spoke. Mr. Afghan said Afghan forces left.");
        let persons: Vec<&str> = a
            .mentions
            .iter()
            .filter(|m| a.entities[m.entity].ty == EntityType::Person)
            .map(|m| {
                &"Ataullah Afghan, the head of the provincial council, spoke. Mr. Afghan said Afghan forces left."
                    [m.start..m.end]
            })
            .collect();
        assert_eq!(persons, ["Ataullah Afghan", "Afghan"]);
        assert_eq!(a.entities.iter().filter(|e| e.ty == EntityType::Person).count(), 1, "one person, two mentions");
    }

    #[test]
    fn abbreviations_join_their_expansion() {
        let a = text("control of Camp Antonik to the Helmand Arghandab Valley Authority (HAVA). Later HAVA said so.");
        let hava: Vec<&Mention> =
            a.mentions.iter().filter(|m| a.entities[m.entity].name == "Helmand Arghandab Valley Authority").collect();
        assert_eq!(hava.len(), 3, "{:?}", a);
    }

    #[test]
    fn districts_come_from_names_variants_and_centres_not_villages() {
        assert_eq!(text("fighting in Naw Zad and Gereshk, near Babaji").districts(), ["Nahr-e Saraj", "Nawzad"]);
    }

    #[test]
    fn spans_never_overlap_and_stay_on_char_boundaries() {
        let s = "Gen. Austin S. Miller, the commander of the U.S. and NATO forces in Afghanistan’s Helmand Province, said on Oct. 12, 2020.";
        let a = text(s);
        for w in a.mentions.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        let got: Vec<&str> = a.mentions.iter().map(|m| &s[m.start..m.end]).collect();
        assert_eq!(got, ["Austin S. Miller", "U.S.", "NATO", "Afghanistan", "Helmand Province", "Oct. 12, 2020"]);
    }
}
