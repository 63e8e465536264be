//! Calendar words and date forms shared by every layer: month names, the words a date
//! starts from, dates as pages write them (to `YYYY-MM-DD`) and as the reader shows them.

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1-12) a word names: its name or the first three letters or more of it ("Jul",
/// "Sept.", "AUGUST"); any case.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let w = if w == "sept" { "sep".to_string() } else { w };
    MONTHS.iter().position(|m| m.starts_with(w.as_str())).map(|i| i as u32 + 1)
}

/// Every word a date rule starts from (for the engine's word classes).
/// The months' names, as English writes them.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub const DATE_WORDS: [&str; 66] = [
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
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Hamal",
    "Sawr",
    "Saur",
    "Jawza",
    "Jauza",
    "Saratan",
    "Asad",
    "Sonbola",
    "Sunbula",
    "Mizan",
    "Aqrab",
    "Qaws",
    "Jadi",
    "Dalw",
    "Hoot",
    "Hut", // informal, lower-case writing
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "march",
    "may",
];

/// A date as pages write it, as `YYYY-MM-DD`: ISO forms (with or without a time),
/// "2 July 2009" and "July 2, 2009".
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    // bytes, not string slices: the text is anyone's, and byte 10 may fall inside a character
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && digits(0..4) && digits(5..7) && digits(8..10) {
        let num = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        return valid(num(0..4), num(5..7), num(8..10));
    }
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let month = |w: &str| MONTHS.iter().position(|m| w.len() >= 3 && w.starts_with(m)).map(|i| i as u32 + 1);
    let num = |w: &str| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>().ok();
    for win in words.windows(3) {
        let found = match (num(&win[0]), month(&win[1]), month(&win[0]), num(&win[1]), num(&win[2])) {
            (Some(d), Some(m), _, _, Some(y)) => Some((y, m, d)),
            (_, _, Some(m), Some(d), Some(y)) => Some((y, m, d)),
            _ => None,
        };
        if let Some((y, m, d)) = found {
            return valid(y, m, d);
        }
    }
    None
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// `2020-10-12` -> `12 Oct 2020`; a month or a year alone as such: `2015-07` -> `Jul 2015`,
/// `2015` -> `2015`.
pub fn human_date(iso: &str) -> Option<String> {
    const MON: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let parts: Vec<&str> = iso.split('-').collect();
    let num = |s: &str, len: usize| {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<usize>().ok()).flatten()
    };
    let y = num(parts.first()?, 4)?;
    let month = |m: usize| MON.get(m.checked_sub(1)?).copied();
    match parts[1..] {
        [] => Some(format!("{y}")),
        [m] => Some(format!("{} {y}", month(num(m, 2)?)?)),
        [m, d] => {
            let d = num(d, 2)?;
            (1..=31).contains(&d).then_some(())?;
            Some(format!("{d} {} {y}", month(num(m, 2)?)?))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_pages_write_them() {
        assert_eq!(iso_date("2009-07-02T10:00:00Z").as_deref(), Some("2009-07-02"));
        assert_eq!(iso_date("2 July 2009").as_deref(), Some("2009-07-02"));
        assert_eq!(iso_date("July 2, 2009").as_deref(), Some("2009-07-02"));
        assert_eq!(iso_date("Thu 2nd Jul 2009").as_deref(), Some("2009-07-02"));
        assert_eq!(iso_date("2009-13-02"), None);
        assert_eq!(iso_date("2009-07-0é"), None, "a character across byte 10");
        assert_eq!(iso_date("yesterday"), None);
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(human_date("2020-10-12").as_deref(), Some("12 Oct 2020"));
        assert_eq!(human_date("2015-08-26").as_deref(), Some("26 Aug 2015"));
        assert_eq!(human_date("2015-13-26"), None);
        assert_eq!(human_date("nonsense"), None);
        assert_eq!(human_date("2015-07").as_deref(), Some("Jul 2015"));
        assert_eq!(human_date("2015").as_deref(), Some("2015"));
        for bad in ["2015-7", "2015-00", "15", "2015-07-32", "2015-07-01-01", "2015-07-1"] {
            assert_eq!(human_date(bad), None, "{bad}");
        }
    }
}
