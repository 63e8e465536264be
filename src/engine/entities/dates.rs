//! Calendar expressions: weekdays, "May 1", "Sept. 2011", "Oct. 12, 2020", "13 February 2010",
//! "26.08.2015", "2021-08-03", "20 Mizan 1395" (the Afghan solar calendar), bare years.
//! Relative expressions ("last month") are left alone: the guidelines make them optional.

use super::cues::class::DATE_WORD;
use super::tokens::Token;

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
use crate::text::calendar::MONTH_NAMES as MONTHS;
/// Abbreviations, written with a full stop ("Oct. 12").
const MONTH_ABBR: [&str; 11] = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov"];
const MONTH_ABBR_DEC: &str = "Dec";
/// Months of the Afghan solar (Hijri Shamsi) calendar, as transliterated in the press.
const SOLAR_MONTHS: [&str; 16] = [
    "Hamal", "Sawr", "Saur", "Jawza", "Jauza", "Saratan", "Asad", "Sonbola", "Sunbula", "Mizan", "Aqrab", "Qaws",
    "Jadi", "Dalw", "Hoot", "Hut",
];
/// Words after a number that make it a count, not a year: "2000 troops".
const COUNT_WORDS: [&str; 16] = [
    "troops",
    "soldiers",
    "people",
    "families",
    "men",
    "women",
    "fighters",
    "police",
    "civilians",
    "hectares",
    "acres",
    "dollars",
    "km",
    "kilometres",
    "metres",
    "feet",
];
/// Words before "May"/"March" that make them months, not a verb.
const MONTH_CUES: [&str; 18] = [
    "in", "on", "since", "by", "until", "of", "last", "next", "early", "late", "mid", "during", "from", "through",
    "till", "before", "after", "between",
];

fn is_month(t: &Token) -> bool {
    t.cap && (MONTHS.contains(&t.text) || (t.dot && is_abbr(t)))
}

fn is_abbr(t: &Token) -> bool {
    t.cap && (MONTH_ABBR.contains(&t.text) || t.text == MONTH_ABBR_DEC)
}

fn day(t: &Token) -> bool {
    // a range of days: "September 22-23, 2019"
    if let Some((a, b)) = t.text.split_once('-') {
        let n = |s: &str| {
            s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()) && (1..=31).contains(&s.parse::<u32>().unwrap_or(0))
        };
        return n(a) && n(b);
    }
    let digits = t.text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t.text[digits.len()..];
    !digits.is_empty()
        && digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        && (1..=31).contains(&digits.parse::<u32>().unwrap_or(0))
}

fn year(t: &Token) -> bool {
    t.text.len() == 4 && t.is_digit() && (1300..=2099).contains(&t.text.parse::<u32>().unwrap_or(0))
}

/// Byte spans of the dates in `text`, not overlapping, in order.
pub fn find(text: &str, tokens: &[Token]) -> Vec<(usize, usize)> {
    let numeric_spans = numeric(text);
    let mut spans: Vec<(usize, usize)> = Vec::new();
    // numeric dates are in text order: a cursor finds the one a token falls in
    let mut cursor = 0;
    let mut covered_at = |t: &Token| {
        while cursor < numeric_spans.len() && numeric_spans[cursor].1 <= t.start {
            cursor += 1;
        }
        numeric_spans.get(cursor).is_some_and(|&(s, e)| t.start < e && t.end > s)
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if covered_at(t) {
            i += 1;
            continue;
        }
        let next = |k: usize| tokens.get(k).filter(|n| n.joined || text[tokens[k - 1].end..n.start].trim() == ",");
        let mut span = None;
        let listed = t.class & DATE_WORD != 0;
        let date_word = listed && t.cap;
        // informal text writes "wednesday", "late january": lower-case names count, but
        // "may" and "march" only beside a number
        let lower = listed && !t.cap;
        let lower_month = lower && MONTHS.iter().any(|m| m.eq_ignore_ascii_case(t.text));
        if lower && !lower_month || date_word && WEEKDAYS.contains(&t.text) {
            span = Some((i, i + 1));
        } else if lower_month {
            let number_after = tokens.get(i + 1).is_some_and(|d| d.joined && (day(d) || year(d)));
            let cue_before = i > 0 && MONTH_CUES.contains(&tokens[i - 1].text.to_lowercase().as_str());
            if number_after || (cue_before && !matches!(t.text, "may" | "march")) {
                let b = if number_after { i + 2 } else { i + 1 };
                span = Some((i, b));
            }
        } else if date_word && (is_month(t) || SOLAR_MONTHS.contains(&t.text) || is_abbr(t)) {
            // an abbreviation without its dot ("27 Oct 2013") and solar months need a number beside them
            let solar = !is_month(t);
            let mut a = i;
            let mut b = i + 1;
            let free = |k: usize| {
                spans.last().is_none_or(|&(_, e)| e <= tokens[k].start)
                    && !numeric_spans.iter().any(|&(s, e)| tokens[k].start < e && tokens[k].end > s)
            };
            if i > 0 && tokens[i].joined && day(&tokens[i - 1]) && free(i - 1) {
                a = i - 1; // 13 February
            }
            if tokens.get(i + 1).is_some_and(|d| d.joined && day(d) && a == i) {
                b = i + 2; // February 13
            }
            if next(b).is_some_and(year) {
                b += 1; // ..., 2010
            }
            let prev_word = (i > 0).then(|| tokens[i - 1].text.to_lowercase());
            let bare_ok = !solar
                && (!matches!(t.text, "May" | "March")
                    || prev_word.as_deref().is_some_and(|w| MONTH_CUES.contains(&w) || w.ends_with("-")));
            if b - a > 1 || bare_ok {
                span = Some((a, b));
            }
        } else if let Some(decade) = t
            .text
            .strip_suffix('s')
            .filter(|d| d.len() == 4 && d.ends_with('0') && d.bytes().all(|b| b.is_ascii_digit()))
        {
            if (1800..=2090).contains(&decade.parse::<u32>().unwrap_or(0)) {
                span = Some((i, i + 1)); // "the 1950s"
            }
        } else if year(t) {
            let count = tokens.get(i + 1).is_some_and(|n| COUNT_WORDS.contains(&n.text));
            let money = text[..t.start].ends_with(['$', '£', '€', '#']);
            if !count && !money && (1800..=2099).contains(&t.text.parse::<u32>().unwrap_or(0)) {
                span = Some((i, i + 1));
            }
        }
        match span {
            Some((a, b)) => {
                spans.push((tokens[a].start, tokens[b - 1].end));
                i = b;
            }
            None => i += 1,
        }
    }
    spans.extend(numeric_spans);
    spans.sort();
    spans
}

/// "26.08.2015", "26/08/2015", "2021-08-03": validated day and month.
fn numeric(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let digits = |mut k: usize| {
        let s = k;
        while k < b.len() && b[k].is_ascii_digit() {
            k += 1;
        }
        (s, k)
    };
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'.')) {
            i += 1;
            continue;
        }
        let (s1, e1) = digits(i);
        let sep = b.get(e1).copied();
        let mut matched = None;
        if let Some(sep @ (b'.' | b'/' | b'-')) = sep {
            let (s2, e2) = digits(e1 + 1);
            if b.get(e2) == Some(&sep) {
                let (s3, e3) = digits(e2 + 1);
                let end_ok = e3 >= b.len()
                    || !(b[e3].is_ascii_alphanumeric()
                        || (b[e3] == b'.' && b.get(e3 + 1).is_some_and(u8::is_ascii_digit)));
                let num = |s: usize, e: usize| text[s..e].parse::<u32>().unwrap_or(0);
                let (l1, l2, l3) = (e1 - s1, e2 - s2, e3 - s3);
                let ok = if l1 == 4 && l2 == 2 && l3 == 2 {
                    (1..=12).contains(&num(s2, e2)) && (1..=31).contains(&num(s3, e3))
                } else if (1..=2).contains(&l1) && (1..=2).contains(&l2) && l3 == 4 {
                    let (x, y) = (num(s1, e1), num(s2, e2));
                    (1..=31).contains(&x) && (1..=31).contains(&y) && (x <= 12 || y <= 12)
                } else {
                    false
                };
                if ok && end_ok {
                    matched = Some(e3);
                }
            }
        }
        match matched {
            Some(end) => {
                out.push((i, end));
                i = end;
            }
            None => i = e1.max(i + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::entities::tokens::tokenize;

    fn dates(text: &str) -> Vec<&str> {
        find(text, &tokenize(text)).into_iter().map(|(s, e)| &text[s..e]).collect()
    }

    #[test]
    fn usual_forms() {
        assert_eq!(
            dates("On Wednesday it fell, as in June 2015 and Sept. 2011."),
            ["Wednesday", "June 2015", "Sept. 2011"]
        );
        assert_eq!(
            dates("Oct. 12, 2020 and May 1, 2021 and 13 February 2010"),
            ["Oct. 12, 2020", "May 1, 2021", "13 February 2010"]
        );
        assert_eq!(dates("22:13 26.08.2015 (updated 23:45 26.08.2015)"), ["26.08.2015", "26.08.2015"]);
        assert_eq!(dates("posted 2021-08-03 at noon"), ["2021-08-03"]);
        assert_eq!(dates("on September 11, marking the September 11 attacks"), ["September 11", "September 11"]);
        assert_eq!(dates("since 2007, before the 2001 invasion"), ["2007", "2001"]);
        assert_eq!(dates("on 20 Mizan 1395 in Lashkar Gah"), ["20 Mizan 1395"]);
        assert_eq!(dates("(pictured April 14) announced"), ["April 14"]);
        assert_eq!(dates("Sun 27 Oct 2013 19.30 GMT"), ["27 Oct 2013"]);
        assert_eq!(dates("13 February 2010, then 26.08.2015"), ["13 February 2010", "26.08.2015"]);
        assert_eq!(dates("on September 22-23, 2019, in the 1950s"), ["September 22-23, 2019", "1950s"]);
        assert_eq!(
            dates("got there late january, left on wednesday, back in april"),
            ["january", "wednesday", "april"]
        );
        assert!(dates("you may march on").is_empty());
    }

    #[test]
    fn look_alikes_are_not_dates() {
        assert!(dates("May the talks succeed. They march on.").is_empty());
        assert!(dates("2,500 troops and 1,500 families; 2000 troops; $2010").is_empty());
        assert!(dates("Asad Khan said 31.31.20 is no date").is_empty());
        assert_eq!(dates("in May and in March"), ["May", "March"]);
    }
}
