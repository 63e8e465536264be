//! When a claimed event happened (§3 of the claims guidelines), from the time words of its
//! sentence and the article's date: "on Wednesday" in a piece of Thursday 27 August 2015 is
//! 2015-08-26, "last month" a month, "in 2007" a year, "last week" the smallest unit that
//! holds every day it may mean. Without the article's date only explicit years and dates
//! count.

use crate::text::calendar::month_number;

/// A day as days since 1970-01-01 (proleptic Gregorian).
fn days(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// Monday = 0.
fn weekday(z: i64) -> i64 {
    (z + 3).rem_euclid(7)
}

fn day_iso(z: i64) -> String {
    let (y, m, d) = civil(z);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The smallest unit holding every day of `a..=b`: a day, a month, a year, or nothing.
fn span(a: i64, b: i64) -> Option<String> {
    let ((ya, ma, _), (yb, mb, _)) = (civil(a), civil(b));
    if a == b {
        Some(day_iso(a))
    } else if (ya, ma) == (yb, mb) {
        Some(format!("{ya:04}-{ma:02}"))
    } else if ya == yb {
        Some(format!("{ya:04}"))
    } else {
        None
    }
}

/// The article's date as a day, when it gives one.
pub fn anchor_day(published: Option<&str>) -> Option<i64> {
    let p = published?;
    let b = p.as_bytes();
    if p.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = p[..4].parse().ok()?;
    let m: u32 = p[5..7].parse().ok()?;
    let d: u32 = p[8..10].parse().ok()?;
    Some(days(y, m, d))
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn day_number(w: &str) -> Option<u32> {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n: u32 = digits.parse().ok()?;
    (digits.len() <= 2 && (1..=31).contains(&n)).then_some(n)
}

fn year_number(w: &str) -> Option<i64> {
    let n: i64 = w.parse().ok()?;
    (w.len() == 4 && (1970..=2035).contains(&n)).then_some(n)
}

fn month_of(w: &str) -> Option<u32> {
    // most words are no month: their first letter or length says so
    if !(3..=9).contains(&w.len()) || !matches!(w.as_bytes()[0], b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
    {
        return None;
    }
    month_number(w).or_else(|| {
        const SHORT: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
        (w == "sept").then_some(9).or_else(|| SHORT.iter().position(|m| *m == w).map(|i| i as u32 + 1))
    })
}

/// A time expression of a sentence: the word where it starts and the date it gives (`None`
/// when the words are a time expression that the anchor cannot resolve).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeWords {
    pub at: usize,
    pub date: Option<String>,
}

/// The time expressions in `words` (lower case), resolved against `anchor`.
pub fn find(words: &[String], anchor: Option<i64>) -> Vec<TimeWords> {
    let mut out = Vec::new();
    let w = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
    let mut i = 0;
    while i < words.len() {
        let word = w(i);
        let mut found: Option<(Option<String>, usize)> = None;
        // "May" is a month only next to a day or a year ("may be" is not a date)
        if let Some(m) = month_of(word)
            .filter(|_| word != "may" || day_number(w(i + 1)).is_some() || year_number(w(i + 1)).is_some())
        {
            if let Some(d) = day_number(w(i + 1)) {
                if let Some(y) = year_number(w(i + 2)) {
                    found = Some((Some(day_iso(days(y, m, d))), 3));
                } else {
                    found = Some((month_day(m, d, anchor), 2));
                }
            } else if let Some(y) = year_number(w(i + 1)) {
                found = Some((Some(format!("{y:04}-{m:02}")), 2));
            } else if i > 0
                && matches!(w(i - 1), "in" | "since" | "during" | "early" | "late" | "mid" | "last" | "until" | "of")
            {
                found = Some((latest_month(m, anchor, w(i - 1) == "last"), 1));
            }
        } else if let Some(d) = day_number(word) {
            if let Some(m) = month_of(w(i + 1)) {
                let date = match year_number(w(i + 2)) {
                    Some(y) => Some(day_iso(days(y, m, d))),
                    None => month_day(m, d, anchor),
                };
                found = Some((date, 2));
            } else if matches!(w(i + 1), "days" | "day") && w(i + 2) == "ago" {
                found = Some((anchor.map(|a| day_iso(a - i64::from(d))), 3));
            } else if matches!(w(i + 1), "years" | "year") && w(i + 2) == "ago" {
                found = Some((anchor.map(|a| format!("{:04}", civil(a).0 - i64::from(d))), 3));
            } else if matches!(w(i + 1), "months" | "month") && w(i + 2) == "ago" {
                found = Some((anchor.map(|a| month_back(a, i64::from(d))), 3));
            }
        } else if let Some(y) = year_number(word) {
            let before = if i > 0 { w(i - 1) } else { "" };
            if matches!(
                before,
                "in" | "since"
                    | "during"
                    | "of"
                    | "early"
                    | "late"
                    | "until"
                    | "by"
                    | "summer"
                    | "spring"
                    | "autumn"
                    | "winter"
                    | "fall"
                    | "mid"
                    | "from"
                    | "between"
                    | "and"
                    | "to"
            ) {
                found = Some((Some(format!("{y:04}")), 1));
            }
        } else if let Some(wd) = WEEKDAYS.iter().position(|d| *d == word) {
            found = Some((anchor.map(|a| day_iso(a - (weekday(a) - wd as i64).rem_euclid(7))), 1));
        } else {
            let two = (word, w(i + 1));
            let rel: Option<(Option<String>, usize)> = match two {
                ("today", _) | ("tonight", _) => Some((anchor.map(day_iso), 1)),
                ("this", "morning" | "afternoon" | "evening") => Some((anchor.map(day_iso), 2)),
                ("yesterday", _) => Some((anchor.map(|a| day_iso(a - 1)), 1)),
                ("last", "night") => Some((anchor.map(|a| day_iso(a - 1)), 2)),
                ("last", "month") | ("past", "month") => Some((anchor.map(|a| month_back(a, 1)), 2)),
                ("this", "month") => Some((anchor.map(|a| month_back(a, 0)), 2)),
                ("last", "year") => Some((anchor.map(|a| format!("{:04}", civil(a).0 - 1)), 2)),
                ("this", "year") => Some((anchor.map(|a| format!("{:04}", civil(a).0)), 2)),
                ("last", "week") => Some((anchor.and_then(|a| span(a - weekday(a) - 7, a - weekday(a) - 1)), 2)),
                ("this", "week") | ("past", "week") => Some((anchor.and_then(|a| span(a - 6, a)), 2)),
                ("this", "weekend") | ("last", "weekend") => Some((
                    anchor.and_then(|a| span(a - (weekday(a) - 5).rem_euclid(7), a - (weekday(a) - 6).rem_euclid(7))),
                    2,
                )),
                ("recent", "days") | ("past", "few") => Some((anchor.and_then(|a| span(a - 7, a)), 2)),
                ("recent", "weeks") | ("past", "weeks") => Some((anchor.and_then(|a| span(a - 27, a)), 2)),
                ("a", "week") if w(i + 2) == "ago" => Some((anchor.map(|a| day_iso(a - 7)), 3)),
                _ => None,
            };
            found = rel;
        }
        match found {
            Some((date, len)) => {
                out.push(TimeWords { at: i, date });
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// A month and day without a year: the latest such day up to the anchor.
fn month_day(m: u32, d: u32, anchor: Option<i64>) -> Option<String> {
    let a = anchor?;
    let y = civil(a).0;
    let this = days(y, m, d);
    Some(day_iso(if this <= a { this } else { days(y - 1, m, d) }))
}

/// A month name without a year: the latest such month up to the anchor (before it when
/// the text says "last December" in December).
fn latest_month(m: u32, anchor: Option<i64>, strictly_before: bool) -> Option<String> {
    let (y, am, _) = civil(anchor?);
    let y = if m < am || (m == am && !strictly_before) { y } else { y - 1 };
    Some(format!("{y:04}-{m:02}"))
}

/// The month `back` months before the anchor's, as `YYYY-MM`.
fn month_back(a: i64, back: i64) -> String {
    let (y, m, _) = civil(a);
    let total = y * 12 + i64::from(m) - 1 - back;
    format!("{:04}-{:02}", total.div_euclid(12), total.rem_euclid(12) + 1)
}

/// The anchor itself, for present states ("remain", "is ongoing").
pub fn anchor_iso(anchor: Option<i64>) -> Option<String> {
    anchor.map(day_iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str, published: &str) -> Vec<Option<String>> {
        let words: Vec<String> = s.split(' ').map(str::to_string).collect();
        find(&words, anchor_day(Some(published))).into_iter().map(|t| t.date).collect()
    }

    fn one(s: &str, published: &str) -> Option<String> {
        dates(s, published).into_iter().next().flatten()
    }

    #[test]
    fn calendar_arithmetic_is_right() {
        assert_eq!(day_iso(days(2015, 8, 27)), "2015-08-27");
        assert_eq!(weekday(days(2015, 8, 27)), 3, "a Thursday");
        assert_eq!(weekday(days(2020, 10, 12)), 0, "a Monday");
        assert_eq!(day_iso(days(2016, 3, 1) - 1), "2016-02-29");
    }

    #[test]
    fn weekdays_are_the_latest_on_or_before_the_anchor() {
        assert_eq!(one("on wednesday", "2015-08-27").as_deref(), Some("2015-08-26"));
        assert_eq!(one("on wednesday", "2015-08-26").as_deref(), Some("2015-08-26"));
        assert_eq!(one("on saturday", "2015-08-26").as_deref(), Some("2015-08-22"));
        assert_eq!(one("since friday", "2020-10-12").as_deref(), Some("2020-10-09"));
    }

    #[test]
    fn relative_words_resolve_to_the_smallest_unit() {
        assert_eq!(one("last month", "2015-08-26").as_deref(), Some("2015-07"));
        assert_eq!(one("last month", "2015-01-10").as_deref(), Some("2014-12"));
        assert_eq!(one("yesterday", "2015-03-01").as_deref(), Some("2015-02-28"));
        assert_eq!(one("last night", "2020-10-12").as_deref(), Some("2020-10-11"));
        assert_eq!(one("last week", "2020-10-14").as_deref(), Some("2020-10"), "5-11 Oct");
        assert_eq!(one("last week", "2020-10-03").as_deref(), Some("2020-09"), "21-27 Sep");
        assert_eq!(one("last week", "2020-10-06").as_deref(), Some("2020"), "28 Sep - 4 Oct");
        assert_eq!(one("in december", "2015-08-26").as_deref(), Some("2014-12"));
        assert_eq!(one("in august", "2015-08-26").as_deref(), Some("2015-08"));
        assert_eq!(one("on may 2", "2021-05-04").as_deref(), Some("2021-05-02"));
        assert_eq!(one("eight years ago", "2015-08-26"), None, "a number word: not read");
        assert_eq!(one("8 years ago", "2015-08-26").as_deref(), Some("2007"));
        assert_eq!(one("this morning", "2015-08-26").as_deref(), Some("2015-08-26"));
    }

    #[test]
    fn explicit_dates_need_no_anchor() {
        let words: Vec<String> = "wrenched it back in 2007".split(' ').map(str::to_string).collect();
        assert_eq!(find(&words, None)[0].date.as_deref(), Some("2007"));
        let words: Vec<String> = "on march 9 2016 and in june 2015".split(' ').map(str::to_string).collect();
        let found: Vec<_> = find(&words, None).into_iter().map(|t| t.date).collect();
        assert_eq!(found, vec![Some("2016-03-09".to_string()), Some("2015-06".to_string())]);
        let words: Vec<String> = "on wednesday".split(' ').map(str::to_string).collect();
        assert_eq!(find(&words, None), vec![TimeWords { at: 1, date: None }]);
        let words: Vec<String> = "it may be the next".split(' ').map(str::to_string).collect();
        assert!(find(&words, None).is_empty(), "the verb may is not May");
        assert!(dates("150 soldiers in 2007 soldiers", "2015-01-01").len() == 1);
    }
}
