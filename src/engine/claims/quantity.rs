//! Numbers of people as articles write them (§1.2 of the claims guidelines): digits ("1,500",
//! "1 500"), number words ("six", "twenty-five", "two hundred", "a dozen"), vague amounts
//! ("dozens", "several hundred", "tens of thousands"), ranges ("five or six", "between 20
//! and 30") and the hedges before them ("up to", "more than", "about").

use super::lexicon::lexicon;
use super::sentence::Sentence;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    pub value: u32,
    pub low: Option<u32>,
    pub high: Option<u32>,
    pub approx: bool,
    /// First word (the hedge's, if any) and the word after the last one.
    pub first: usize,
    pub end: usize,
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

fn word_value(w: &str) -> Option<u32> {
    if let Some(n) = UNITS.iter().position(|u| *u == w) {
        return Some(n as u32);
    }
    if let Some(n) = TENS.iter().position(|t| *t == w) {
        return Some(20 + 10 * n as u32);
    }
    // "twenty-five"
    let (t, u) = w.split_once('-')?;
    let t = TENS.iter().position(|x| *x == t)? as u32;
    let u = UNITS.iter().position(|x| *x == u).filter(|&u| (1..10).contains(&u))? as u32;
    Some(20 + 10 * t + u)
}

/// A plain number at word `i`: its value and the word after it.
fn number(s: &Sentence, i: usize) -> Option<(u32, usize)> {
    let w = s.words.get(i)?;
    if w.bytes().all(|b| b.is_ascii_digit()) {
        if w.len() > 7 {
            return None;
        }
        let mut v: u64 = w.parse().ok()?;
        let mut j = i + 1;
        // "12,000", "1 500": groups of three digits
        while let Some(next) = s.words.get(j) {
            let gap = s.gap(j);
            if next.len() == 3
                && next.bytes().all(|b| b.is_ascii_digit())
                && (gap == "," || (gap == " " && w.len() <= 3))
            {
                v = v * 1000 + next.parse::<u64>().ok()?;
                j += 1;
            } else {
                break;
            }
        }
        // "1.5 million"
        return u32::try_from(v).ok().map(|v| (v, j));
    }
    let mut v = word_value(w)?;
    let mut j = i + 1;
    match s.words.get(j).map(String::as_str) {
        Some("hundred") => {
            v *= 100;
            j += 1;
        }
        Some("thousand") => {
            v *= 1000;
            j += 1;
        }
        Some("dozen") => {
            v *= 12;
            j += 1;
        }
        _ => {}
    }
    Some((v, j))
}

/// Vague amounts (§1.2's table): (value, low, high, words).
/// ("several" and "a few" alone are left out: the guidelines make them optional, and they
/// name no number a reader would compare.)
fn vague(s: &Sentence, i: usize) -> Option<(u32, u32, Option<u32>, usize)> {
    let w = |k: usize| s.words.get(i + k).map(String::as_str).unwrap_or("");
    Some(match (w(0), w(1), w(2)) {
        ("tens", "of", "thousands") => (20000, 20000, Some(99999), 3),
        ("several", "hundred", _) => (300, 300, Some(999), 2),
        ("several", "thousand", _) => (3000, 3000, Some(9999), 2),
        ("a", "couple", _) => (2, 2, Some(2), 2),
        ("a", "dozen", _) => (12, 12, Some(12), 2),
        ("a", "hundred", _) => (100, 100, Some(100), 2),
        ("a", "thousand", _) => (1000, 1000, Some(1000), 2),
        ("dozens", ..) => (24, 24, Some(99), 1),
        ("scores", ..) => (40, 40, Some(99), 1),
        ("hundreds", ..) => (200, 200, Some(999), 1),
        ("thousands", ..) => (2000, 2000, Some(9999), 1),
        _ => return None,
    })
}

/// The quantity whose number starts at word `i` (with the hedge before it), if any.
pub fn at(s: &Sentence, i: usize) -> Option<Quantity> {
    let lex = lexicon();
    let (mut q, mut j) = if let Some((v, lo, hi, n)) = vague(s, i) {
        let exact = n == 2
            && s.words[i] == "a"
            && matches!(s.words[i + 1].as_str(), "couple" | "dozen" | "hundred" | "thousand");
        (Quantity { value: v, low: Some(lo), high: hi, approx: !exact, first: i, end: i + n }, i + n)
    } else {
        let (v, j) = number(s, i)?;
        (Quantity { value: v, low: Some(v), high: Some(v), approx: false, first: i, end: j }, j)
    };
    let w = |k: usize| s.words.get(k).map(String::as_str).unwrap_or("");
    // a range: "five or six", "20 to 30", "20-30", "between 20 and 30"
    if matches!(w(j), "or" | "to" | "and") || (s.gap(j) == "-" && j < s.words.len()) {
        let between = i > 0 && w(i - 1) == "between";
        let joiner_ok = w(j) != "and" || between;
        let k = if matches!(w(j), "or" | "to" | "and") { j + 1 } else { j };
        if joiner_ok {
            if let Some((m, after)) = number(s, k).filter(|(m, _)| *m > q.value) {
                q.high = Some(m);
                q.approx = true;
                q.end = after;
                j = after;
                if between {
                    q.first = i - 1;
                }
            }
        }
    }
    if let Some(n) = lex.at("number_after_more", &s.words, j) {
        q.high = None;
        q.approx = true;
        q.end = j + n;
    }
    // "of" after a vague amount: "dozens of"
    if matches!(w(q.end), "of") && vague(s, i).is_some() {
        q.end += 1;
    }
    // the hedge before: look back one to three words
    for back in (1..=3).rev() {
        let Some(h) = i.checked_sub(back) else { continue };
        let hedge = ["hedge_about", "hedge_more", "hedge_at_least", "hedge_up_to"]
            .into_iter()
            .find(|sec| lex.at(sec, &s.words, h) == Some(back));
        let Some(hedge) = hedge else { continue };
        // "more than a dozen": 12, 13..
        let v = q.value;
        match hedge {
            "hedge_about" => {}
            "hedge_more" => {
                q.low = Some(v + 1);
                q.high = None;
            }
            "hedge_at_least" => q.high = None,
            _ => q.low = None,
        }
        if hedge == "hedge_up_to" && q.high.is_some_and(|h| h > v) {
            // "no more than five or six": 5, 5..6
            q.low = Some(v);
        }
        q.approx = true;
        q.first = h;
        break;
    }
    Some(q)
}

#[cfg(test)]
mod tests {
    use super::super::sentence::Sentence;
    use super::*;

    fn q(text: &str, word: &str) -> Option<(u32, Option<u32>, Option<u32>, bool)> {
        let s = Sentence::of_text(text);
        let i = s.words.iter().position(|w| w == word)?;
        at(&s, i).map(|q| (q.value, q.low, q.high, q.approx))
    }

    #[test]
    fn table_one_of_the_guidelines() {
        assert_eq!(q("killed 150 Taliban", "150"), Some((150, Some(150), Some(150), false)));
        assert_eq!(q("six soldiers", "six"), Some((6, Some(6), Some(6), false)));
        assert_eq!(q("a dozen police", "a"), Some((12, Some(12), Some(12), false)));
        assert_eq!(q("up to 40 soldiers", "40"), Some((40, None, Some(40), true)));
        assert_eq!(q("more than 400 men", "400"), Some((400, Some(401), None, true)));
        assert_eq!(q("at least 1,500 families", "1"), Some((1500, Some(1500), None, true)));
        assert_eq!(q("Roughly 12,000 NATO troops", "12"), Some((12000, Some(12000), Some(12000), true)));
        assert_eq!(q("no more than five or six police", "five"), Some((5, Some(5), Some(6), true)));
        assert_eq!(q("between 20 and 30 fighters", "20"), Some((20, Some(20), Some(30), true)));
        assert_eq!(q("hundreds of families", "hundreds"), Some((200, Some(200), Some(999), true)));
        assert_eq!(q("several hundred people", "several"), Some((300, Some(300), Some(999), true)));
        assert_eq!(q("tens of thousands of people", "tens"), Some((20000, Some(20000), Some(99999), true)));
        assert_eq!(q("more than a dozen soldiers", "a"), Some((12, Some(13), None, true)));
        assert_eq!(q("twenty-five police", "twenty-five"), Some((25, Some(25), Some(25), false)));
        assert_eq!(q("two hundred troops", "two"), Some((200, Some(200), Some(200), false)));
        assert_eq!(q("1 500 families", "1"), Some((1500, Some(1500), Some(1500), false)));
        assert_eq!(q("50 or more fighters", "50"), Some((50, Some(50), None, true)));
        assert_eq!(q("a couple of soldiers", "a"), Some((2, Some(2), Some(2), false)));
    }
}
