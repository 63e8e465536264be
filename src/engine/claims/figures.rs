//! Figures in a sentence (§1 of the claims guidelines): a number of people, the group it
//! counts ("150 Taliban", "two NATO soldiers", "at least 1,500 families") and what happened
//! to them, from the words after the group ("were killed") or before the number ("killed or
//! wounded 150"); a group of armed people with nothing happening to them is a force.

use super::lexicon::lexicon;
use super::quantity::{self, Quantity};
use super::sentence::Sentence;
use crate::model::claims::{Side, What};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub what: What,
    pub side: Side,
    pub families: bool,
    pub q: Quantity,
    /// Words of the quote: the number with its hedge and its noun.
    pub quote: (usize, usize),
}

const WHATS: [(&str, What); 5] = [
    ("casualties", What::Casualties),
    ("killed", What::Killed),
    ("wounded", What::Wounded),
    ("captured", What::Captured),
    ("displaced", What::Displaced),
];

/// The longest "what" phrase at word `i`: its kind and length.
fn what_at(s: &Sentence, i: usize) -> Option<(What, usize)> {
    let lex = lexicon();
    const NAMES: [&str; 5] = ["casualties", "killed", "wounded", "captured", "displaced"];
    lex.best(&NAMES, &s.words, i).map(|(k, n)| (WHATS[k].1, n))
}

/// Words after a number that say it is not a count of people.
fn not_people(w: &str) -> bool {
    matches!(
        w,
        "percent"
            | "per"
            | "year"
            | "years"
            | "year-old"
            | "km"
            | "kilometres"
            | "kilometers"
            | "miles"
            | "metres"
            | "meters"
            | "hours"
            | "minutes"
            | "days"
            | "weeks"
            | "months"
            | "am"
            | "pm"
            | "gmt"
            | "million"
            | "billion"
            | "dollars"
            | "pounds"
            | "afghanis"
            | "tonnes"
            | "tons"
            | "acres"
            | "hectares"
            | "jeribs"
            | "times"
            | "districts"
            | "provinces"
            | "villages"
            | "vehicles"
            | "trucks"
            | "tanks"
            | "helicopters"
            | "aircraft"
            | "strikes"
            | "airstrikes"
            | "bombs"
            | "rockets"
            | "mines"
            | "schools"
            | "clinics"
            | "checkpoints"
            | "posts"
            | "bases"
            | "of"
    )
}

fn stops_group(w: &str) -> bool {
    matches!(
        w,
        "were"
            | "was"
            | "are"
            | "is"
            | "have"
            | "has"
            | "had"
            | "who"
            | "that"
            | "in"
            | "on"
            | "at"
            | "from"
            | "with"
            | "by"
            | "for"
            | "or"
            | "to"
            | "into"
            | "during"
            | "after"
            | "when"
            | "while"
            | "as"
            | "be"
            | "been"
            | "will"
            | "would"
            | "the"
            | "a"
            | "an"
            | "their"
            | "his"
            | "its"
    )
}

/// The figures of one sentence.
pub fn in_sentence(s: &Sentence) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let n = s.words.len();
    let mut i = 0;
    while i < n {
        let Some(q) = quantity::at(s, i) else {
            i += 1;
            continue;
        };
        let next = q.end.max(i + 1);
        // dates, money, ages, sizes: not people
        let after = s.words.get(q.end).map(String::as_str).unwrap_or("");
        let before = if q.first > 0 { s.words[q.first - 1].as_str() } else { "" };
        let money = s.gap(q.first).ends_with(['$', '£', '€']);
        // "11 October", "October 11": the number is a day
        let from = q.first.saturating_sub(1);
        let at = q.first - from;
        let window = &s.words[from..(q.end + 1).min(n)];
        let dated = super::when::find(window, None)
            .iter()
            .any(|t| t.at == at || (t.at + 1 == at && crate::text::calendar::month_number(&window[t.at]).is_some()))
            || matches!(
                before,
                "no" | "number"
                    | "aged"
                    | "age"
                    | "route"
                    | "highway"
                    | "page"
                    | "brigade"
                    | "battalion"
                    | "corps"
                    | "division"
            );
        if money || dated || not_people(after) || s.gap(q.end) == "%" || s.gap(q.end).starts_with(':') {
            i = next;
            continue;
        }
        if let Some(f) = group(s, q, &out) {
            out.push(f);
        }
        i = next;
    }
    out
}

/// The group a quantity counts and what happened to it.
fn group(s: &Sentence, q: Quantity, earlier: &[Found]) -> Option<Found> {
    let lex = lexicon();
    let n = s.words.len();
    // the noun phrase: modifiers, then a run of head nouns ("Taliban fighters")
    let mut k = q.end;
    let mut head: Option<(usize, usize)> = None;
    while k < n && k < q.end + 6 {
        if k > q.end && s.breaks_before(k) {
            // "American, British and Afghan troops": commas inside a list of sides
            let side_word =
                ["mark_foreign", "mark_government", "mark_insurgent"].iter().any(|m| lex.is(m, &s.words[k]));
            if !(s.gap(k) == "," && side_word && head.is_none()) {
                break;
            }
        }
        let h = ["head_force", "head_civilian", "head_neutral"].iter().filter_map(|sec| lex.at(sec, &s.words, k)).max();
        if let Some(len) = h {
            head = Some((head.map_or(k, |(a, _)| a), k + len));
            k += len;
            continue;
        }
        if head.is_some() || stops_group(&s.words[k]) || what_at(s, k).is_some() {
            // "and" joins sides inside the group only before its head
            break;
        }
        if s.words[k] == "and"
            && !["mark_foreign", "mark_government"]
                .iter()
                .any(|m| lex.is(m, s.words.get(k + 1).map_or("", |w| w.as_str())))
        {
            break;
        }
        k += 1;
    }
    let (noun_what, side, families, end) = match head {
        Some((a, b)) => {
            let heads = &s.words[a..b];
            let last = heads.last().map(String::as_str).unwrap_or("");
            let noun_what = match last {
                "dead" | "bodies" => Some(What::Killed),
                "prisoners" | "detainees" => Some(What::Captured),
                "refugees" => Some(What::Displaced),
                _ => None,
            };
            // "40 soldiers of a Danish squadron", "30 members of the security forces"
            let mut side_end = b;
            if s.words.get(b).is_some_and(|w| w == "of") {
                side_end = b + 1;
                while side_end < n && side_end < b + 7 && !s.breaks_before(side_end) {
                    side_end += 1;
                }
            }
            (noun_what, side_of(s, q, b, side_end), matches!(last, "families" | "family"), b)
        }
        None => {
            // an elided noun: "six soldiers killed and four wounded", "dozens more wounded"
            let more =
                usize::from(s.words.get(q.end).is_some_and(|w| matches!(w.as_str(), "more" | "others" | "other")));
            let (w, len) = what_at(s, q.end + more)
                .or_else(|| (more == 1).then(|| what_after(s, q.end + 1).map(|w| (w, 1))).flatten())?;
            let side = earlier.last().map_or(Side::Unknown, |f| f.side);
            let side = if w == What::Displaced && side == Side::Unknown { Side::Civilian } else { side };
            return Some(Found { what: w, side, families: false, q, quote: (q.first, q.end + more + len) });
        }
    };
    let what = noun_what.or_else(|| what_before(s, q)).or_else(|| what_after(s, end));
    let what = match what {
        Some(w) => w,
        None => {
            let last = s.words[end - 1].as_str();
            let armed = lex.is("head_force", last) && last != "men" && last != "members";
            if !armed || side == Side::Civilian {
                return None;
            }
            What::Force
        }
    };
    // people who flee are civilians unless the text says otherwise
    let side = if what == What::Displaced && side == Side::Unknown { Side::Civilian } else { side };
    Some(Found { what, side, families, q, quote: (q.first, end) })
}

/// "killed or wounded 150", "killing two", "lost more than 400", "the death of 30".
fn what_before(s: &Sentence, q: Quantity) -> Option<What> {
    let mut best = None;
    for start in q.first.saturating_sub(4)..q.first {
        if (start + 1..=q.first).any(|k| k < q.first && s.breaks_before(k)) {
            continue;
        }
        if let Some((w, len)) = what_at(s, start) {
            let gap_words = &s.words[start + len..q.first];
            let ok = gap_words.is_empty()
                || gap_words.iter().all(|g| {
                    matches!(
                        g.as_str(),
                        "of" | "at" | "to" | "rose" | "climbed" | "reached" | "stood" | "stands" | "has" | "had"
                    )
                });
            if ok && best.is_none_or(|(_, l)| len > l) {
                best = Some((w, len));
            }
        }
    }
    best.map(|(w, _)| w)
}

/// "were killed", "have been wounded", "died", "fled" after the group.
fn what_after(s: &Sentence, from: usize) -> Option<What> {
    let n = s.words.len();
    let mut k = from;
    let mut limit = from + 7;
    while k < n && k < limit {
        if k > from && s.breaks_before(k) && !matches!(s.gap(k), ",") {
            return None;
        }
        if let Some(other) = quantity::at(s, k).filter(|_| k > from) {
            // "100 British soldiers and dozens of US Marines were killed": one verb for both
            if s.words[k - 1] == "and" {
                limit = other.end + 7;
                k = other.end;
                continue;
            }
            return None;
        }
        if let Some((w, len)) = what_at(s, k) {
            // "150 fighters killed two policemen": the group did the killing
            let object = !s.breaks_before(k + len)
                && s.words.get(k + len).is_some_and(|x| {
                    quantity::at(s, k + len).is_some() || matches!(x.as_str(), "the" | "a" | "an" | "their" | "his")
                });
            if matches!(w, What::Killed | What::Wounded | What::Captured | What::Casualties)
                && object
                && !matches!(s.words[k].as_str(), "died" | "dead")
            {
                return None;
            }
            return Some(w);
        }
        k += 1;
    }
    None
}

/// Whom the group is about, from its own words (and, for "lost 400 men", the subject).
fn side_of(s: &Sentence, q: Quantity, end: usize, side_end: usize) -> Side {
    let lex = lexicon();
    let mut words: Vec<&str> = s.words[q.end..side_end].iter().map(String::as_str).collect();
    let head = s.words[end - 1].as_str();
    if matches!(head, "men" | "members" | "people" | "persons" | "individuals")
        && q.first >= 1
        && s.words[q.first - 1] == "lost"
    {
        let a = q.first.saturating_sub(4);
        words.extend(s.words[a..q.first - 1].iter().map(String::as_str));
    }
    let has = |sec: &str| words.iter().any(|w| lex.is(sec, w));
    let insurgent = has("mark_insurgent");
    let foreign = has("mark_foreign");
    let government = has("mark_government");
    let civilian = lex.is("head_civilian", head) || has("mark_civilian");
    if civilian && !insurgent {
        return Side::Civilian;
    }
    if insurgent {
        return Side::Insurgent;
    }
    if foreign && government {
        return Side::Mixed;
    }
    if foreign {
        return Side::Foreign;
    }
    if government {
        return Side::Government;
    }
    // "Three soldiers died" in a sentence about British troops: theirs
    let ambiguous = matches!(head, "soldiers" | "soldier" | "troops" | "personnel" | "men" | "servicemen" | "forces");
    if ambiguous
        && !s.words.iter().any(|w| lex.is("mark_government", w))
        && s.words.iter().any(|w| lex.is("mark_foreign", w))
    {
        return Side::Foreign;
    }
    match head {
        "soldiers" | "soldier" | "police" | "policemen" | "policeman" | "officers" | "forces" | "guards"
        | "recruits" | "commandos" => Side::Government,
        "troops" | "troop" | "servicemen" | "servicemembers" | "marines" | "paratroopers" | "sailors" | "airmen" => {
            Side::Foreign
        }
        "members" if words.contains(&"service") => Side::Foreign,
        _ => Side::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(What, Side, u32)> {
        let s = Sentence::of_text(text);
        in_sentence(&s).into_iter().map(|f| (f.what, f.side, f.q.value)).collect()
    }

    #[test]
    fn worked_examples_of_the_guidelines() {
        assert_eq!(
            figures("The defense ministry said the fighting had killed or wounded 150 Taliban, with six soldiers killed and four wounded."),
            vec![(What::Casualties, Side::Insurgent, 150), (What::Killed, Side::Government, 6), (What::Wounded, Side::Government, 4)]
        );
        assert_eq!(
            figures("the Taliban claimed that up to 40 soldiers were killed when they overran posts"),
            vec![(What::Killed, Side::Government, 40)]
        );
        assert_eq!(
            figures("British forces lost more than 400 men in Helmand"),
            vec![(What::Killed, Side::Foreign, 400)]
        );
        assert_eq!(
            figures("Roughly 12,000 NATO troops remain in the country."),
            vec![(What::Force, Side::Foreign, 12000)]
        );
        assert_eq!(
            figures("The fighting has displaced at least 1,500 families, officials said."),
            vec![(What::Displaced, Side::Civilian, 1500)]
        );
        assert_eq!(
            figures("the strikes reportedly killed 40 Taliban fighters"),
            vec![(What::Killed, Side::Insurgent, 40)]
        );
        assert_eq!(
            figures("Thousands of American, British and Afghan troops took part."),
            vec![(What::Force, Side::Mixed, 2000)]
        );
    }

    #[test]
    fn numbers_that_are_not_people() {
        assert!(figures("In 2007, 30 percent of the district was held for 15 days by 3 vehicles.").is_empty());
        assert!(figures("The district has a population of 100,000 people.").is_empty());
        assert!(figures("On August 26, 2015 the town fell.").is_empty());
        assert_eq!(
            figures("Fifteen heavily-armed Taliban insurgents attacked the post."),
            vec![(What::Force, Side::Insurgent, 15)]
        );
    }
}
