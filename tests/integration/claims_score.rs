//! A Rust port of the shared claims scorer, `score_claims.py` (attributed figures and district
//! control events scored against the gold in `tests/claims/gold/`), so that the claims the engine
//! extracts can be scored from `cargo test`, with the same numbers as the Python.
//!
//! What it ports, in the Python's order: the district names (`fold`, `CANON`, `VARIANTS`,
//! `canon_district`), the normalisation of entries (`to_int`, `norm_date`, `norm_figure`,
//! `norm_event`), compatibility (`fig_compatible`, `ev_compatible`), the tie-breaking bonus, the
//! maximum-weight matching (the Hungarian algorithm on `f64` costs, step for step: the weights are
//! sums of halves, so every cost and every potential is exact in `f64`, as in the Python), the
//! absorption of predictions by optional gold entries, `prf` with its conventions for empty
//! cases, and `score` over documents (the gold's documents drive; a missing prediction is empty).
//!
//! Python's own behaviour is kept where it is defined: `str()` of JSON numbers (`2015.0`,
//! `1e+16`), truthiness (`"optional": "yes"` is optional, a falsy `"figures"` in a prediction is
//! no figures), `"low" in e` (a `"low": null` is an open bound, a missing `"low"` is the value),
//! `float()` syntax for numeric strings (`"1_000"`, `" 12 "`, `"1e3"`), `repr()` of quotes in the
//! verbose lines. Where the Python crashes (a gold `"figures": null`, an entry that is not an
//! object, a value `"inf"`), this port panics, or, for `"inf"`, treats the value as missing.
//! Known approximations, none of which the gold or the engine's output can reach: Unicode word
//! characters (`\b` in `fold`) are Rust's `is_alphanumeric`, non-ASCII decimal digits in numeric
//! strings are not read, integers beyond `i128` saturate, unassigned code points in quotes are
//! printed rather than escaped, and object keys in a `repr()` come out sorted.
//!
//! One addition: `Part::district_acc` is also counted for control events (the Python reports it
//! for figures only); it is 1.0 there by construction, since events match only in one district.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::{Map, Value};

// ---------------------------------------------------------------------------------------------
// District names
// ---------------------------------------------------------------------------------------------

/// The canonical district names.
pub const CANON: [&str; 14] = [
    "Baghran",
    "Dishu",
    "Garmsir",
    "Kajaki",
    "Khanashin",
    "Lashkar Gah",
    "Marjah",
    "Musa Qala",
    "Nad Ali",
    "Nahr-e Saraj",
    "Nawa-i-Barakzayi",
    "Nawzad",
    "Sangin",
    "Washir",
];

/// Folded variants and the canonical name each stands for.
pub const VARIANTS: [(&str, &str); 34] = [
    ("naw zad", "Nawzad"),
    ("now zad", "Nawzad"),
    ("nowzad", "Nawzad"),
    ("nawa", "Nawa-i-Barakzayi"),
    ("nawa i barakzai", "Nawa-i-Barakzayi"),
    ("nawa e barakzai", "Nawa-i-Barakzayi"),
    ("nawa barakzayi", "Nawa-i-Barakzayi"),
    ("gereshk", "Nahr-e Saraj"),
    ("girishk", "Nahr-e Saraj"),
    ("gershek", "Nahr-e Saraj"),
    ("nahri sarraj", "Nahr-e Saraj"),
    ("nahr i saraj", "Nahr-e Saraj"),
    ("nahr e sarraj", "Nahr-e Saraj"),
    ("musa kala", "Musa Qala"),
    ("musa qalah", "Musa Qala"),
    ("musa qalaa", "Musa Qala"),
    ("lashkargah", "Lashkar Gah"),
    ("lashkar gar", "Lashkar Gah"),
    ("lashkah gar", "Lashkar Gah"),
    ("marja", "Marjah"),
    ("marjeh", "Marjah"),
    ("nad e ali", "Nad Ali"),
    ("nade ali", "Nad Ali"),
    ("khan neshin", "Khanashin"),
    ("khan nishin", "Khanashin"),
    ("kanashin", "Khanashin"),
    ("khanishin", "Khanashin"),
    ("garmser", "Garmsir"),
    ("bagran", "Baghran"),
    ("washer", "Washir"),
    ("deshu", "Dishu"),
    ("reg", "Dishu"),
    ("kajaki", "Kajaki"),
    ("kajakai", "Kajaki"),
];

/// The words `fold` drops (`\b(district|city|town|centre|center)\b`).
const DROPPED_WORDS: [&str; 5] = ["district", "city", "town", "centre", "center"];

/// Python's `str.isspace` (Rust's `is_whitespace` plus the separators U+001C..U+001F).
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `str.strip()`.
fn py_strip(s: &str) -> &str {
    s.trim_matches(is_py_space)
}

/// A character of `\w` (Unicode patterns).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Lower case, U+2019 as `'`, the words district/city/town/centre/center dropped, every run of
/// characters other than `[a-z0-9]` one space, trimmed.
pub fn fold(s: &str) -> String {
    let lower = s.to_lowercase().replace('\u{2019}', "'");
    // `\bword\b` around a word made of word characters matches exactly a whole run of them.
    let mut kept = String::with_capacity(lower.len());
    let mut run = String::new();
    let flush = |kept: &mut String, run: &mut String| {
        if DROPPED_WORDS.contains(&run.as_str()) {
            kept.push(' ');
        } else {
            kept.push_str(run);
        }
        run.clear();
    };
    for c in lower.chars() {
        if is_word_char(c) {
            run.push(c);
        } else {
            flush(&mut kept, &mut run);
            kept.push(c);
        }
    }
    flush(&mut kept, &mut run);
    kept.split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit()))
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The canonical name of a district: a canonical name or a known variant, folded, else the name
/// as given, stripped.
pub fn canon_district(s: &str) -> String {
    let f = fold(s);
    if let Some(c) = CANON.iter().find(|c| fold(c) == f) {
        return c.to_string();
    }
    if let Some((_, c)) = VARIANTS.iter().find(|(v, _)| *v == f) {
        return c.to_string();
    }
    py_strip(s).to_string()
}

fn canon_district_value(v: Option<&Value>) -> Option<String> {
    match v {
        None | Some(Value::Null) => None,
        Some(v) => Some(canon_district(&py_str(v))),
    }
}

// ---------------------------------------------------------------------------------------------
// Python's str(), repr(), float() and truthiness on JSON values
// ---------------------------------------------------------------------------------------------

/// `str(x)` of a value `json.load` returns.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        _ => py_repr(v),
    }
}

/// `repr(x)` of a value `json.load` returns.
fn py_repr(v: &Value) -> String {
    match v {
        Value::Null => "None".to_string(),
        Value::Bool(true) => "True".to_string(),
        Value::Bool(false) => "False".to_string(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.to_string()
            } else if let Some(u) = n.as_u64() {
                u.to_string()
            } else {
                py_float_repr(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        Value::String(s) => py_str_repr(s),
        Value::Array(a) => format!("[{}]", a.iter().map(py_repr).collect::<Vec<_>>().join(", ")),
        Value::Object(o) => format!(
            "{{{}}}",
            o.iter().map(|(k, v)| format!("{}: {}", py_str_repr(k), py_repr(v))).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// `repr(f)` of a float: the shortest digits that round-trip, fixed notation for exponents in
/// -4..16, else `d.ddde+XX`.
fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    let sci = format!("{f:e}");
    let (mant, exp) = sci.split_once('e').expect("LowerExp has an exponent");
    let exp: i32 = exp.parse().expect("LowerExp exponent");
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mant),
    };
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out += &digits;
                out += &"0".repeat(int_len - digits.len());
                out += ".0";
            } else {
                out += &digits[..int_len];
                out.push('.');
                out += &digits[int_len..];
            }
        } else {
            out += "0.";
            out += &"0".repeat((-exp - 1) as usize);
            out += &digits;
        }
    } else {
        out += &digits[..1];
        if digits.len() > 1 {
            out.push('.');
            out += &digits[1..];
        }
        out += &format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    out
}

/// Python's `str.isprintable` for one non-ASCII character (unassigned code points aside).
fn py_printable(c: char) -> bool {
    let u = c as u32;
    let not_printable = (0x80..=0x9f).contains(&u) // Cc
        || matches!(u, 0xa0 | 0x1680 | 0x202f | 0x205f | 0x3000) // Zs
        || (0x2000..=0x200a).contains(&u)
        || u == 0x2028 // Zl
        || u == 0x2029 // Zp
        || matches!(u, 0xad | 0x61c | 0x6dd | 0x70f | 0x8e2 | 0x180e | 0xfeff | 0x110bd | 0x110cd | 0xe0001) // Cf
        || (0x600..=0x605).contains(&u)
        || (0x890..=0x891).contains(&u)
        || (0x200b..=0x200f).contains(&u)
        || (0x202a..=0x202e).contains(&u)
        || (0x2060..=0x2064).contains(&u)
        || (0x2066..=0x206f).contains(&u)
        || (0xfff9..=0xfffb).contains(&u)
        || (0x13430..=0x1343f).contains(&u)
        || (0x1bca0..=0x1bca3).contains(&u)
        || (0x1d173..=0x1d17a).contains(&u)
        || (0xe0020..=0xe007f).contains(&u)
        || (0xe000..=0xf8ff).contains(&u) // Co
        || (0xf0000..=0xffffd).contains(&u)
        || (0x100000..=0x10fffd).contains(&u)
        || (0xfdd0..=0xfdef).contains(&u) // noncharacters (Cn)
        || (u & 0xfffe) == 0xfffe;
    !not_printable
}

/// `repr(s)` of a string.
fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let u = c as u32;
        match c {
            '\\' => out += "\\\\",
            '\t' => out += "\\t",
            '\n' => out += "\\n",
            '\r' => out += "\\r",
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if u < 0x20 || u == 0x7f => out += &format!("\\x{u:02x}"),
            _ if u < 0x7f || py_printable(c) => out.push(c),
            _ if u <= 0xff => out += &format!("\\x{u:02x}"),
            _ if u <= 0xffff => out += &format!("\\u{u:04x}"),
            _ => out += &format!("\\U{u:08x}"),
        }
    }
    out.push(quote);
    out
}

/// `bool(x)`.
fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) | Some(Value::Bool(false)) => false,
        Some(Value::Bool(true)) => true,
        Some(Value::Number(n)) => n.as_f64().map_or(true, |f| f != 0.0),
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
    }
}

/// `float(s)` of a string: Python's syntax (surrounding white space, a sign, `_` between digits,
/// `inf`, `infinity`, `nan` in any case); `None` where Python raises `ValueError`.
fn py_float(s: &str) -> Option<f64> {
    let s = py_strip(s);
    let (sign, body) = match s.as_bytes().first() {
        Some(b'+') => (1.0, &s[1..]),
        Some(b'-') => (-1.0, &s[1..]),
        _ => (1.0, s),
    };
    let lower = body.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Some(f64::NAN);
    }
    // digitpart ::= digit (["_"] digit)*; number ::= (digitpart ["." [digitpart]] | "." digitpart)
    // [("e" | "E") ["+" | "-"] digitpart]
    let b = body.as_bytes();
    let mut i = 0;
    let digitpart = |i: &mut usize| -> bool {
        if *i >= b.len() || !b[*i].is_ascii_digit() {
            return false;
        }
        *i += 1;
        loop {
            if *i < b.len() && b[*i].is_ascii_digit() {
                *i += 1;
            } else if *i + 1 < b.len() && b[*i] == b'_' && b[*i + 1].is_ascii_digit() {
                *i += 2;
            } else {
                return true;
            }
        }
    };
    let int_part = digitpart(&mut i);
    let mut frac_part = false;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        frac_part = digitpart(&mut i);
    }
    if !int_part && !frac_part {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if !digitpart(&mut i) {
            return None;
        }
    }
    if i != b.len() {
        return None;
    }
    let clean: String = body.chars().filter(|c| *c != '_').collect();
    clean.parse::<f64>().ok().map(|f| sign * f)
}

/// `int(f)` of a float; `None` for NaN (Python: ValueError) and the infinities (Python: an
/// uncaught OverflowError).
fn float_to_int(f: f64) -> Option<i128> {
    if f.is_finite() {
        Some(f.trunc() as i128)
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// Normalisation
// ---------------------------------------------------------------------------------------------

/// `to_int`: numbers (truncated), numeric strings (commas and spaces dropped), else `None`.
fn to_int(x: Option<&Value>) -> Option<i128> {
    match x? {
        Value::Null | Value::Bool(_) | Value::Array(_) | Value::Object(_) => None,
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(i as i128)
            } else if let Some(u) = n.as_u64() {
                Some(u as i128)
            } else {
                float_to_int(n.as_f64()?)
            }
        }
        Value::String(s) => float_to_int(py_float(&s.replace(',', "").replace(' ', ""))?),
    }
}

fn low_str(x: Option<&Value>) -> Option<String> {
    match x {
        None | Some(Value::Null) => None,
        Some(v) => Some(py_strip(&py_str(v)).to_lowercase()),
    }
}

fn norm_date(x: Option<&Value>) -> Option<String> {
    match x {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) if s.is_empty() => None,
        Some(v) => Some(py_strip(&py_str(v)).to_string()),
    }
}

/// One normalised entry, a figure or a control event.
#[derive(Debug, Clone)]
struct Entry {
    value: Option<i128>,
    low: Option<i128>,
    high: Option<i128>,
    what: Option<String>,
    side: Option<String>,
    event: Option<String>,
    kind: Option<String>,
    date: Option<String>,
    district: Option<String>,
    optional: bool,
    quote: Value,
}

fn norm_figure(e: &Map<String, Value>) -> Entry {
    let v = to_int(e.get("value"));
    let lo = if e.contains_key("low") { to_int(e.get("low")) } else { v };
    let hi = if e.contains_key("high") { to_int(e.get("high")) } else { v };
    Entry {
        value: v,
        low: lo,
        high: hi,
        what: low_str(e.get("what")),
        side: low_str(e.get("side")),
        event: None,
        kind: low_str(e.get("claimant_kind")),
        date: norm_date(e.get("date")),
        district: canon_district_value(e.get("district")),
        optional: truthy(e.get("optional")),
        quote: e.get("quote").cloned().unwrap_or(Value::Null),
    }
}

fn norm_event(e: &Map<String, Value>) -> Entry {
    Entry {
        value: None,
        low: None,
        high: None,
        what: None,
        side: None,
        event: low_str(e.get("event")),
        kind: low_str(e.get("claimant_kind")),
        date: norm_date(e.get("date")),
        district: canon_district_value(e.get("district")),
        optional: truthy(e.get("optional")),
        quote: e.get("quote").cloned().unwrap_or(Value::Null),
    }
}

// ---------------------------------------------------------------------------------------------
// Compatibility and the tie-breaking bonus
// ---------------------------------------------------------------------------------------------

fn in_range(x: Option<i128>, lo: Option<i128>, hi: Option<i128>) -> bool {
    match x {
        None => false,
        Some(x) => lo.map_or(true, |lo| x >= lo) && hi.map_or(true, |hi| x <= hi),
    }
}

fn fig_compatible(a: &Entry, b: &Entry) -> bool {
    if a.what != b.what || a.side != b.side {
        return false;
    }
    if a.value.is_none() || b.value.is_none() {
        return false;
    }
    a.value == b.value || in_range(a.value, b.low, b.high) || in_range(b.value, a.low, a.high)
}

fn ev_compatible(a: &Entry, b: &Entry) -> bool {
    a.district == b.district && a.event == b.event
}

fn compatible(a: &Entry, b: &Entry, figures: bool) -> bool {
    if figures {
        fig_compatible(a, b)
    } else {
        ev_compatible(a, b)
    }
}

/// Dates agree leniently: both missing, or one a prefix of the other.
fn date_lenient(g: Option<&str>, p: Option<&str>) -> bool {
    match (g, p) {
        (Some(g), Some(p)) => g.starts_with(p) || p.starts_with(g),
        (g, p) => g.is_none() && p.is_none(),
    }
}

fn bonus(g: &Entry, p: &Entry, figures: bool) -> f64 {
    let mut b = 0.0;
    if g.kind == p.kind {
        b += 4.0;
    }
    if g.date == p.date {
        b += 2.0;
    } else if date_lenient(g.date.as_deref(), p.date.as_deref()) {
        b += 1.0;
    }
    if figures {
        if g.district == p.district {
            b += 1.0;
        }
        if g.value == p.value {
            b += 0.5;
        }
    }
    b
}

// ---------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------

/// Maximum-weight assignment (the Hungarian algorithm on `big - weight`, padded to a square):
/// the `(row, col)` pairs of weight > 0, in column order. A step-for-step port of the Python's.
fn hungarian_max(weights: &[Vec<f64>]) -> Vec<(usize, usize)> {
    let n_r = weights.len();
    let n_c = if n_r > 0 { weights[0].len() } else { 0 };
    let n = n_r.max(n_c);
    if n == 0 {
        return Vec::new();
    }
    // Python's max(): the first of the largest; 0 for no weights.
    let mut big: Option<f64> = None;
    for &w in weights.iter().flatten() {
        if big.map_or(true, |b| w > b) {
            big = Some(w);
        }
    }
    let big = big.unwrap_or(0.0);
    let cost: Vec<Vec<f64>> =
        (0..n).map(|i| (0..n).map(|j| big - if i < n_r && j < n_c { weights[i][j] } else { 0.0 }).collect()).collect();
    let inf = f64::INFINITY;
    let mut u = vec![0.0f64; n + 1];
    let mut v = vec![0.0f64; n + 1];
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0usize;
        let mut minv = vec![inf; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0usize;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut pairs = Vec::new();
    for j in 1..=n {
        // p[j] >= 1 once every row is assigned
        let i = p[j] - 1;
        if i < n_r && j - 1 < n_c && weights[i][j - 1] > 0.0 {
            pairs.push((i, j - 1));
        }
    }
    pairs
}

/// The pairs `(gold index, prediction index)` on required gold entries, and the predictions
/// absorbed by optional ones.
fn match_entries(gold: &[Entry], pred: &[Entry], figures: bool) -> (Vec<(usize, usize)>, BTreeSet<usize>) {
    let req: Vec<usize> = (0..gold.len()).filter(|&i| !gold[i].optional).collect();
    let opt: Vec<usize> = (0..gold.len()).filter(|&i| gold[i].optional).collect();
    let mut pairs = Vec::new();
    if !req.is_empty() && !pred.is_empty() {
        let w: Vec<Vec<f64>> = req
            .iter()
            .map(|&gi| {
                pred.iter()
                    .map(
                        |p| if compatible(&gold[gi], p, figures) { 1000.0 + bonus(&gold[gi], p, figures) } else { 0.0 },
                    )
                    .collect()
            })
            .collect();
        pairs = hungarian_max(&w).into_iter().map(|(r, c)| (req[r], c)).collect();
    }
    let used: BTreeSet<usize> = pairs.iter().map(|&(_, c)| c).collect();
    let rest: Vec<usize> = (0..pred.len()).filter(|k| !used.contains(k)).collect();
    let mut absorbed = BTreeSet::new();
    if !opt.is_empty() && !rest.is_empty() {
        let w2: Vec<Vec<f64>> = opt
            .iter()
            .map(|&oi| rest.iter().map(|&k| if compatible(&gold[oi], &pred[k], figures) { 1.0 } else { 0.0 }).collect())
            .collect();
        absorbed = hungarian_max(&w2).into_iter().map(|(_, c)| rest[c]).collect();
    }
    (pairs, absorbed)
}

// ---------------------------------------------------------------------------------------------
// Scores
// ---------------------------------------------------------------------------------------------

/// Precision, recall, F1; no predictions and nothing to find is precision 1, nothing to find is
/// recall 1.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp > 0 {
        tp as f64 / (tp + fp) as f64
    } else if fn_ == 0 {
        1.0
    } else {
        0.0
    };
    let r = if tp + fn_ > 0 { tp as f64 / (tp + fn_) as f64 } else { 1.0 };
    let f = if p + r != 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// The counts for one kind of claim (figures or control events), summed over documents.
/// The ratios are unrounded (the Python prints them rounded to 3 places).
#[derive(Debug, Clone, Default)]
pub struct Part {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    /// matched pairs that agree on claimant_kind
    pub matched_kind_ok: usize,
    /// matched pairs with the same date (both missing counts)
    pub matched_date_ok: usize,
    /// matched pairs whose dates agree leniently (one a prefix of the other)
    pub matched_date_lenient: usize,
    /// matched pairs in the same (canonical) district
    pub matched_district_ok: usize,
    pub gold_required: usize,
    pub gold_optional: usize,
    pub predicted: usize,
    /// predictions absorbed by optional gold entries (neither true nor false positives)
    pub ignored_optional: usize,
}

impl Part {
    pub fn precision(&self) -> f64 {
        prf(self.tp, self.fp, self.fn_).0
    }
    pub fn recall(&self) -> f64 {
        prf(self.tp, self.fp, self.fn_).1
    }
    pub fn f1(&self) -> f64 {
        prf(self.tp, self.fp, self.fn_).2
    }
    fn on_matched(&self, ok: usize) -> Option<f64> {
        (self.tp > 0).then(|| ok as f64 / self.tp as f64)
    }
    /// Attribution accuracy on matched pairs (`attribution_acc`); `None` without matches.
    pub fn kind_acc(&self) -> Option<f64> {
        self.on_matched(self.matched_kind_ok)
    }
    pub fn date_acc(&self) -> Option<f64> {
        self.on_matched(self.matched_date_ok)
    }
    pub fn date_acc_lenient(&self) -> Option<f64> {
        self.on_matched(self.matched_date_lenient)
    }
    pub fn district_acc(&self) -> Option<f64> {
        self.on_matched(self.matched_district_ok)
    }
}

/// The scores of a prediction set.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    pub figures: Part,
    pub control_events: Part,
    /// verbose lines like the Python's --verbose output: "<doc> figures MISSED ...", "FALSE", "DIFF"
    pub lines: Vec<String>,
}

fn fmt_int(x: Option<i128>) -> String {
    x.map_or_else(|| "None".to_string(), |x| x.to_string())
}

fn fmt_str(x: &Option<String>) -> &str {
    x.as_deref().unwrap_or("None")
}

fn desc(e: &Entry, figures: bool) -> String {
    if figures {
        format!(
            "{}/{} {}[{}..{}] {} {} {}",
            fmt_str(&e.what),
            fmt_str(&e.side),
            fmt_int(e.value),
            fmt_int(e.low),
            fmt_int(e.high),
            fmt_str(&e.kind),
            fmt_str(&e.date),
            py_repr(&e.quote)
        )
    } else {
        format!(
            "{} {} {} {} {}",
            fmt_str(&e.event),
            fmt_str(&e.district),
            fmt_str(&e.kind),
            fmt_str(&e.date),
            py_repr(&e.quote)
        )
    }
}

/// The entries of a gold document under `key` (`g.get(key, [])`).
fn gold_entries<'a>(doc: &str, g: &'a Value, key: &str) -> Vec<&'a Map<String, Value>> {
    let g = g.as_object().unwrap_or_else(|| panic!("gold {doc}: not an object"));
    match g.get(key) {
        None => Vec::new(),
        Some(Value::Array(a)) => objects(doc, key, a),
        // iterating an empty string or dict is no entries; anything else is an error in Python
        Some(v) if !truthy(Some(v)) && (v.is_string() || v.is_object()) => Vec::new(),
        Some(v) => panic!("gold {doc}: {key} is not a list: {v}"),
    }
}

/// The entries of a predicted document under `key` (`p.get(key) or []`).
fn pred_entries<'a>(doc: &str, p: Option<&'a Value>, key: &str) -> Vec<&'a Map<String, Value>> {
    let Some(p) = p else { return Vec::new() };
    let p = p.as_object().unwrap_or_else(|| panic!("prediction {doc}: not an object"));
    match p.get(key) {
        v if !truthy(v) => Vec::new(),
        Some(Value::Array(a)) => objects(doc, key, a),
        Some(v) => panic!("prediction {doc}: {key} is not a list: {v}"),
        None => unreachable!("a missing key is falsy"),
    }
}

fn objects<'a>(doc: &str, key: &str, a: &'a [Value]) -> Vec<&'a Map<String, Value>> {
    a.iter()
        .map(|e| e.as_object().unwrap_or_else(|| panic!("{doc}: an entry of {key} is not an object: {e}")))
        .collect()
}

/// Scores predictions against gold, both keyed by document. The gold's documents drive: a
/// document missing from the predictions counts as predicting nothing, predicted documents not
/// in the gold are ignored.
pub fn score(gold: &BTreeMap<String, Value>, pred: &BTreeMap<String, Value>) -> Scores {
    let mut scores = Scores::default();
    for (doc, g) in gold {
        let p = pred.get(doc);
        for (key, figures) in [("figures", true), ("control_events", false)] {
            let norm = if figures { norm_figure } else { norm_event };
            let gs: Vec<Entry> = gold_entries(doc, g, key).into_iter().map(norm).collect();
            let ps: Vec<Entry> = pred_entries(doc, p, key).into_iter().map(norm).collect();
            let (pairs, absorbed) = match_entries(&gs, &ps, figures);
            let matched_g: BTreeSet<usize> = pairs.iter().map(|&(gi, _)| gi).collect();
            let matched_p: BTreeSet<usize> = pairs.iter().map(|&(_, pi)| pi).collect();
            let t = if figures { &mut scores.figures } else { &mut scores.control_events };
            t.gold_required += gs.iter().filter(|e| !e.optional).count();
            t.gold_optional += gs.iter().filter(|e| e.optional).count();
            t.predicted += ps.len();
            t.tp += pairs.len();
            t.ignored_optional += absorbed.len();
            let fps: Vec<usize> = (0..ps.len()).filter(|k| !matched_p.contains(k) && !absorbed.contains(k)).collect();
            t.fp += fps.len();
            let misses: Vec<usize> = (0..gs.len()).filter(|i| !gs[*i].optional && !matched_g.contains(i)).collect();
            t.fn_ += misses.len();
            let mut wrong = Vec::new();
            for &(gi, pi) in &pairs {
                let (a, b) = (&gs[gi], &ps[pi]);
                t.matched_kind_ok += (a.kind == b.kind) as usize;
                t.matched_date_ok += (a.date == b.date) as usize;
                t.matched_date_lenient += date_lenient(a.date.as_deref(), b.date.as_deref()) as usize;
                // (for events always true: they match only within one district)
                t.matched_district_ok += (a.district == b.district) as usize;
                if a.kind != b.kind || a.date != b.date {
                    wrong.push((desc(a, figures), desc(b, figures)));
                }
            }
            for &i in &misses {
                scores.lines.push(format!("{doc} {key} MISSED {}", desc(&gs[i], figures)));
            }
            for &k in &fps {
                scores.lines.push(format!("{doc} {key} FALSE  {}", desc(&ps[k], figures)));
            }
            for (g, p) in wrong {
                scores.lines.push(format!("{doc} {key} DIFF   gold {g} | pred {p}"));
            }
        }
    }
    scores
}

// ---------------------------------------------------------------------------------------------
// Loading (the Python's load_dir_or_jsonl)
// ---------------------------------------------------------------------------------------------

/// Python's `str.splitlines()`.
fn py_splitlines(text: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let sep = matches!(
            c,
            '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}' | '\u{1d}' | '\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
        );
        if sep {
            lines.push(&text[start..i]);
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(j, '\n')) = chars.peek() {
                    chars.next();
                    end = j + 1;
                }
            }
            start = end;
        }
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
}

/// Documents from the text of a JSON array of documents or of JSON lines, keyed by `"doc"`.
pub fn parse_docs(text: &str) -> BTreeMap<String, Value> {
    let items: Vec<Value> = if text.trim_start_matches(is_py_space).starts_with('[') {
        match serde_json::from_str(text).expect("a JSON array of documents") {
            Value::Array(a) => a,
            v => panic!("not a JSON array: {v}"),
        }
    } else {
        py_splitlines(text)
            .into_iter()
            .filter(|l| !py_strip(l).is_empty())
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect()
    };
    let mut out = BTreeMap::new();
    for d in items {
        let doc = py_str(d.get("doc").unwrap_or_else(|| panic!("a document without \"doc\": {d}")));
        out.insert(doc, d);
    }
    out
}

/// Documents from a directory of `*.json` files (the `"doc"` field or the file name without
/// `.claims.json` / `.json` names each) or from a JSON / JSON-lines file.
pub fn load_dir_or_jsonl(path: &Path) -> BTreeMap<String, Value> {
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    if !path.is_dir() {
        return parse_docs(&read(path));
    }
    let mut names: Vec<String> = std::fs::read_dir(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .map(|e| e.expect("a directory entry").file_name().to_string_lossy().into_owned())
        .filter(|f| f.ends_with(".json"))
        .collect();
    names.sort();
    let mut out = BTreeMap::new();
    for f in names {
        let file = path.join(&f);
        let d: Value = serde_json::from_str(&read(&file)).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let doc_field = d.as_object().unwrap_or_else(|| panic!("{}: not an object", file.display())).get("doc");
        let doc = if truthy(doc_field) {
            py_str(doc_field.unwrap())
        } else {
            let stem = f.strip_suffix(".json").unwrap_or(&f);
            stem.strip_suffix(".claims").unwrap_or(stem).to_string()
        };
        out.insert(doc, d);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tests. The expected numbers and lines are the Python's own: `python3 score_claims.py GOLD PRED
// --json` (and `--verbose` for the lines) on the inputs below, written out as JSON files.
// ---------------------------------------------------------------------------------------------

fn gold_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/claims/gold")
}

/// One part of the Python's `--json` scores (rounded to 3 places there).
#[derive(Debug)]
struct Py {
    p: f64,
    r: f64,
    f1: f64,
    tp: usize,
    fp: usize,
    fn_: usize,
    gold_required: usize,
    gold_optional: usize,
    predicted: usize,
    ignored_optional: usize,
    attribution_acc: Option<f64>,
    date_acc: Option<f64>,
    date_acc_lenient: Option<f64>,
    /// for control events not in the Python's output: 1.0 by construction when anything matched
    district_acc: Option<f64>,
}

fn assert_close(what: &str, got: Option<f64>, want: Option<f64>) {
    match (got, want) {
        (Some(g), Some(w)) => assert!((g - w).abs() <= 5e-4, "{what}: {g} is not {w} to 3 places"),
        (g, w) => assert_eq!(g, w, "{what}"),
    }
}

fn check(name: &str, got: &Part, want: &Py) {
    let counts = |tp, fp, fn_, req, opt, pred, ign| [tp, fp, fn_, req, opt, pred, ign];
    assert_eq!(
        counts(got.tp, got.fp, got.fn_, got.gold_required, got.gold_optional, got.predicted, got.ignored_optional),
        counts(
            want.tp,
            want.fp,
            want.fn_,
            want.gold_required,
            want.gold_optional,
            want.predicted,
            want.ignored_optional
        ),
        "{name}: tp fp fn gold_required gold_optional predicted ignored_optional"
    );
    assert_close(&format!("{name} p"), Some(got.precision()), Some(want.p));
    assert_close(&format!("{name} r"), Some(got.recall()), Some(want.r));
    assert_close(&format!("{name} f1"), Some(got.f1()), Some(want.f1));
    assert_close(&format!("{name} attribution_acc"), got.kind_acc(), want.attribution_acc);
    assert_close(&format!("{name} date_acc"), got.date_acc(), want.date_acc);
    assert_close(&format!("{name} date_acc_lenient"), got.date_acc_lenient(), want.date_acc_lenient);
    assert_close(&format!("{name} district_acc"), got.district_acc(), want.district_acc);
}

fn check_lines(name: &str, got: &[String], want: &str) {
    let want: Vec<&str> = want.lines().collect();
    assert_eq!(got, want.as_slice(), "{name}: the verbose lines");
}

/// No prediction and no gold at all: the Python's conventions for empty cases.
const EMPTY_PY: Py = Py {
    p: 1.0,
    r: 1.0,
    f1: 1.0,
    tp: 0,
    fp: 0,
    fn_: 0,
    gold_required: 0,
    gold_optional: 0,
    predicted: 0,
    ignored_optional: 0,
    attribution_acc: None,
    date_acc: None,
    date_acc_lenient: None,
    district_acc: None,
};

#[test]
fn claims_gold_against_itself_is_perfect() {
    let gold = load_dir_or_jsonl(&gold_dir());
    assert_eq!(gold.len(), 5, "the five gold articles in {}", gold_dir().display());
    assert!(gold.keys().all(|d| d.ends_with(".txt")), "documents named by their \"doc\" field");
    let s = score(&gold, &gold);
    // python3 score_claims.py GOLD GOLD --json
    let perfect = |req, opt| Py {
        p: 1.0,
        r: 1.0,
        f1: 1.0,
        tp: req,
        fp: 0,
        fn_: 0,
        gold_required: req,
        gold_optional: opt,
        predicted: req + opt,
        ignored_optional: opt,
        attribution_acc: Some(1.0),
        date_acc: Some(1.0),
        date_acc_lenient: Some(1.0),
        district_acc: Some(1.0),
    };
    check("figures", &s.figures, &perfect(17, 5));
    check("control_events", &s.control_events, &perfect(17, 4));
    assert_eq!(s.figures.f1(), 1.0);
    assert_eq!(s.control_events.f1(), 1.0);
    assert!(s.lines.is_empty(), "{:#?}", s.lines);
}

#[test]
fn claims_synthetic_predictions_on_the_real_gold_match_python() {
    // dropped entries, false ones, values in and out of ranges ("more than 400" takes 450, "up to
    // 40" takes "30"), numeric strings ("4,500", "1 500"), a float value, wrong claimant_kind,
    // dates strict / lenient / wrong, district variants (Musa Kala, Nowzad, Naw Zad, Lashkargah,
    // Nawa, Nade Ali, Nad-e Ali, "Lashkar Gah City"), predictions absorbed by optional gold, an
    // article not predicted at all, a falsy "figures", and a predicted article not in the gold.
    let gold = load_dir_or_jsonl(&gold_dir());
    let pred = parse_docs(PRED_A);
    assert_eq!(pred.len(), 5);
    let s = score(&gold, &pred);
    check(
        "figures",
        &s.figures,
        &Py {
            p: 0.6,
            r: 0.353,
            f1: 0.444,
            tp: 6,
            fp: 4,
            fn_: 11,
            gold_required: 17,
            gold_optional: 5,
            predicted: 12,
            ignored_optional: 2,
            attribution_acc: Some(0.833),
            date_acc: Some(0.667),
            date_acc_lenient: Some(0.833),
            district_acc: Some(1.0),
        },
    );
    check(
        "control_events",
        &s.control_events,
        &Py {
            p: 0.778,
            r: 0.412,
            f1: 0.538,
            tp: 7,
            fp: 2,
            fn_: 10,
            gold_required: 17,
            gold_optional: 4,
            predicted: 11,
            ignored_optional: 2,
            attribution_acc: Some(0.857),
            date_acc: Some(0.571),
            date_acc_lenient: Some(0.857),
            district_acc: Some(1.0),
        },
    );
    check_lines("real gold", &s.lines, LINES_A);
}

#[test]
fn claims_quirks_match_python() {
    // "low": null (open) vs no "high" (the value), a value true / 3.99 / "0" / "1_000",
    // "optional": "yes", upper case and padded what/side/event/claimant_kind/date, a date "" (none),
    // unknown districts kept as written (and so unequal in another case), a district null,
    // a gold article without "control_events", one with only optional entries, one empty, a
    // falsy "control_events": 0, quotes with quotes, a newline, U+00A0, curly quotes, null.
    let s = score(&parse_docs(GOLD_Q), &parse_docs(PRED_Q));
    check(
        "figures",
        &s.figures,
        &Py {
            p: 0.4,
            r: 1.0,
            f1: 0.571,
            tp: 2,
            fp: 3,
            fn_: 0,
            gold_required: 2,
            gold_optional: 2,
            predicted: 6,
            ignored_optional: 1,
            attribution_acc: Some(1.0),
            date_acc: Some(1.0),
            date_acc_lenient: Some(1.0),
            district_acc: Some(1.0),
        },
    );
    check(
        "control_events",
        &s.control_events,
        &Py {
            p: 0.5,
            r: 0.667,
            f1: 0.571,
            tp: 2,
            fp: 2,
            fn_: 1,
            gold_required: 3,
            gold_optional: 1,
            predicted: 5,
            ignored_optional: 1,
            attribution_acc: Some(1.0),
            date_acc: Some(1.0),
            date_acc_lenient: Some(1.0),
            district_acc: Some(1.0),
        },
    );
    check_lines("quirks", &s.lines, LINES_Q);
}

#[test]
fn claims_empty_cases_match_python() {
    // Nothing to find, nothing predicted (an empty prediction file): p = r = F1 = 1.
    let s = score(&parse_docs(GOLD_E), &parse_docs(PRED_E));
    assert!(parse_docs(PRED_E).is_empty());
    check("figures", &s.figures, &Py { gold_optional: 1, ..EMPTY_PY });
    check("control_events", &s.control_events, &EMPTY_PY);
    check_lines("empty", &s.lines, LINES_E);
    // Something to find, nothing (figures) or only something wrong (events) predicted: all 0.
    let s = score(&parse_docs(GOLD_F), &parse_docs(PRED_F));
    let missed = Py { p: 0.0, r: 0.0, f1: 0.0, fn_: 1, gold_required: 1, ..EMPTY_PY };
    check("figures", &s.figures, &missed);
    check("control_events", &s.control_events, &Py { fp: 1, predicted: 1, ..missed });
    check_lines("missed", &s.lines, LINES_F);
    assert_eq!(prf(0, 3, 0), (0.0, 1.0, 0.0));
}

/// A greedy matcher, for contrast: the heaviest compatible pair first.
fn greedy(gold: &[Entry], pred: &[Entry], figures: bool) -> Vec<(usize, usize)> {
    let mut cand = Vec::new();
    for (gi, g) in gold.iter().enumerate().filter(|(_, g)| !g.optional) {
        for (pi, p) in pred.iter().enumerate() {
            if compatible(g, p, figures) {
                cand.push((1000.0 + bonus(g, p, figures), gi, pi));
            }
        }
    }
    cand.sort_by(|a, b| b.0.partial_cmp(&a.0).unwrap());
    let (mut gu, mut pu, mut pairs) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
    for (_, gi, pi) in cand {
        if !gu.contains(&gi) && !pu.contains(&pi) {
            gu.insert(gi);
            pu.insert(pi);
            pairs.push((gi, pi));
        }
    }
    pairs
}

#[test]
fn claims_maximum_matching_is_not_greedy_and_matches_python() {
    let gold = parse_docs(GOLD_H);
    let pred = parse_docs(PRED_H);
    let figures = |docs: &BTreeMap<String, Value>, d: &str| -> Vec<Entry> {
        docs[d]["figures"].as_array().unwrap().iter().map(|e| norm_figure(e.as_object().unwrap())).collect()
    };
    // b1: the heaviest pair (gold "10 to 20" with the prediction 15, agreeing on everything)
    // leaves the gold 15 without a partner; the maximum matching pairs both.
    let (g, p) = (figures(&gold, "b1"), figures(&pred, "b1"));
    assert_eq!(greedy(&g, &p, true), vec![(0, 0)]);
    let (pairs, absorbed) = match_entries(&g, &p, true);
    assert_eq!(pairs, vec![(1, 0), (0, 1)]);
    assert!(absorbed.is_empty());
    // b2: every pair is compatible; greedy takes the heaviest (1006) and is left with 1000,
    // the maximum takes 1002.5 + 1004.
    let (g, p) = (figures(&gold, "b2"), figures(&pred, "b2"));
    let total =
        |pairs: &[(usize, usize)]| pairs.iter().map(|&(gi, pi)| 1000.0 + bonus(&g[gi], &p[pi], true)).sum::<f64>();
    let greedy_pairs = greedy(&g, &p, true);
    assert_eq!(greedy_pairs, vec![(0, 0), (1, 1)]);
    assert_eq!(total(&greedy_pairs), 2006.0);
    let (pairs, _) = match_entries(&g, &p, true);
    assert_eq!(pairs, vec![(1, 0), (0, 1)]);
    assert_eq!(total(&pairs), 2006.5);
    // and the scores, as the Python's
    let s = score(&gold, &pred);
    check(
        "figures",
        &s.figures,
        &Py {
            p: 1.0,
            r: 1.0,
            f1: 1.0,
            tp: 4,
            fp: 0,
            fn_: 0,
            gold_required: 4,
            gold_optional: 0,
            predicted: 4,
            ignored_optional: 0,
            attribution_acc: Some(0.25),
            date_acc: Some(0.0),
            date_acc_lenient: Some(0.25),
            district_acc: Some(0.25),
        },
    );
    check("control_events", &s.control_events, &EMPTY_PY);
    check_lines("hungarian", &s.lines, LINES_H);
}

/// The best total weight of a one-to-one assignment, by trying them all.
fn brute_force(w: &[Vec<f64>], row: usize, used: &mut Vec<bool>) -> f64 {
    if row == w.len() {
        return 0.0;
    }
    let mut best = brute_force(w, row + 1, used); // the row unassigned
    for c in 0..used.len() {
        if !used[c] && w[row][c] > 0.0 {
            used[c] = true;
            best = best.max(w[row][c] + brute_force(w, row + 1, used));
            used[c] = false;
        }
    }
    best
}

#[test]
fn claims_hungarian_is_a_maximum_weight_matching() {
    let mut seed: u64 = 0x5eed;
    let mut next = move |m: u64| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) % m
    };
    let mut nontrivial = 0;
    for rows in 1..=5 {
        for cols in 1..=5 {
            for _ in 0..40 {
                let w: Vec<Vec<f64>> = (0..rows)
                    .map(|_| {
                        (0..cols).map(|_| if next(5) < 2 { 0.0 } else { 1000.0 + 0.5 * next(16) as f64 }).collect()
                    })
                    .collect();
                let pairs = hungarian_max(&w);
                let rs: BTreeSet<usize> = pairs.iter().map(|p| p.0).collect();
                let cs: BTreeSet<usize> = pairs.iter().map(|p| p.1).collect();
                assert_eq!((rs.len(), cs.len()), (pairs.len(), pairs.len()), "one-to-one: {w:?}");
                assert!(pairs.iter().all(|&(r, c)| w[r][c] > 0.0));
                let got: f64 = pairs.iter().map(|&(r, c)| w[r][c]).sum();
                let best = brute_force(&w, 0, &mut vec![false; cols]);
                assert_eq!(got, best, "{w:?}: {pairs:?}");
                nontrivial += (pairs.len() > 1) as usize;
            }
        }
    }
    assert!(nontrivial > 500);
    assert!(hungarian_max(&[]).is_empty());
    assert!(hungarian_max(&[vec![0.0, 0.0]]).is_empty());
}

#[test]
fn claims_canon_district_matches_python() {
    for (input, want) in PY_CANON {
        assert_eq!(canon_district(input), *want, "canon_district({input:?})");
    }
    for c in CANON {
        assert_eq!(canon_district(c), c);
        assert_eq!(canon_district(&c.to_uppercase()), c);
    }
    for (v, c) in VARIANTS {
        assert_eq!(canon_district(v), c);
        assert_eq!(canon_district(&format!("{v} District")), c);
    }
    assert_eq!(fold("  Musa\u{2019}Qala -- District Centre  "), "musa qala");
    assert_eq!(canon_district_value(None), None);
    assert_eq!(canon_district_value(Some(&Value::Null)), None);
}

#[test]
fn claims_numbers_and_strings_as_in_python() {
    for (input, want) in PY_TO_INT {
        assert_eq!(to_int(Some(&Value::String(input.to_string()))), *want, "to_int({input:?})");
    }
    for (json, want) in PY_FLOAT_STR {
        let v: Value = serde_json::from_str(json).unwrap();
        assert_eq!(low_str(Some(&v)).as_deref(), Some(*want), "str({json})");
    }
    let v = |s: &str| serde_json::from_str::<Value>(s).unwrap();
    assert_eq!(to_int(Some(&v("true"))), None);
    assert_eq!(to_int(Some(&v("-3.9"))), Some(-3));
    assert_eq!(to_int(Some(&v("[1]"))), None);
    assert_eq!(to_int(None), None);
    assert_eq!(norm_date(Some(&v("\"\""))), None);
    assert_eq!(norm_date(Some(&v("\"  \""))).as_deref(), Some(""));
    assert_eq!(norm_date(Some(&v("2015"))).as_deref(), Some("2015"));
    assert_eq!(low_str(Some(&v("true"))).as_deref(), Some("true"));
    // "low" present but null is an open bound; absent, the value
    let f = norm_figure(v(r#"{"value": 40, "low": null}"#).as_object().unwrap());
    assert_eq!((f.value, f.low, f.high), (Some(40), None, Some(40)));
    assert!(date_lenient(Some("2015-08"), Some("2015-08-26")) && date_lenient(None, None));
    assert!(!date_lenient(Some("2015"), None) && !date_lenient(Some("2015-08"), Some("2015-09")));
    assert_eq!(py_str_repr("it's"), "\"it's\"");
    assert_eq!(py_str_repr("a\u{200b}b\u{1F600}\u{7f}"), "'a\\u200bb\u{1F600}\\x7f'");
    assert_eq!(py_repr(&v(r#"["a", 1, null, 2.0]"#)), "['a', 1, None, 2.0]");
    assert_eq!(py_splitlines("a\r\nb\rc\n\nd"), vec!["a", "b", "c", "", "d"]);
}

// The inputs and the Python's verbose lines (`--verbose`, less the two summary lines).

/// `canon_district` in the Python, for each input.
const PY_CANON: &[(&str, &str)] = &[
    ("Musa Kala", "Musa Qala"),
    ("musa qala district", "Musa Qala"),
    ("MUSA QALA", "Musa Qala"),
    ("Musa Qala District Centre", "Musa Qala"),
    ("Lashkar Gah City", "Lashkar Gah"),
    ("lashkargah", "Lashkar Gah"),
    ("Lashkar-Gah", "Lashkar Gah"),
    ("Nahr-e Saraj", "Nahr-e Saraj"),
    ("nahr i saraj", "Nahr-e Saraj"),
    ("Gereshk town", "Nahr-e Saraj"),
    ("Nawa", "Nawa-i-Barakzayi"),
    ("Nawa-i-Barakzayi", "Nawa-i-Barakzayi"),
    ("Nawa e Barakzai", "Nawa-i-Barakzayi"),
    ("Now Zad", "Nawzad"),
    ("Naw\u{2019} Zad", "Nawzad"),
    ("Nad-e Ali", "Nad Ali"),
    ("Nade Ali", "Nad Ali"),
    ("Marja", "Marjah"),
    ("Reg", "Dishu"),
    ("Khan Neshin", "Khanashin"),
    ("Kajaki Dam", "Kajaki Dam"),
    ("  kajakai  ", "Kajaki"),
    ("Districts of Sangin", "Districts of Sangin"),
    ("Sangin_district", "Sangin_district"),
    ("Sangin district_", "Sangin district_"),
    ("Garmser", "Garmsir"),
    ("Bagran", "Baghran"),
    ("Washer", "Washir"),
    ("Deshu", "Dishu"),
    ("Dishu", "Dishu"),
    ("", ""),
    ("   ", ""),
    ("Babaji", "Babaji"),
    (" Chah-e Anjir ", "Chah-e Anjir"),
    ("city", "city"),
    ("Musa\u{a0}Qala", "Musa Qala"),
    ("Musa Qal\u{e1}", "Musa Qal\u{e1}"),
    ("centre of Marjah", "centre of Marjah"),
    ("K\u{e4}jaki", "K\u{e4}jaki"),
    ("Nad Ali\u{3000}district", "Nad Ali"),
    ("Sangin\u{1f}", "Sangin"),
];

/// `to_int` in the Python, for each string.
const PY_TO_INT: &[(&str, Option<i128>)] = &[
    ("1,500", Some(1500)),
    (" 12 ", Some(12)),
    ("1_000", Some(1000)),
    ("1e3", Some(1000)),
    ("abc", None),
    ("nan", None),
    ("12.9", Some(12)),
    ("-3.5", Some(-3)),
    ("+7", Some(7)),
    (".5", Some(0)),
    ("5.", Some(5)),
    ("1 000 000", Some(1000000)),
    ("", None),
    ("1__0", None),
    ("_1", None),
    ("1_", None),
    ("1e", None),
    ("0x10", None),
    ("-0", Some(0)),
    ("12,345.67", Some(12345)),
    ("\t42\n", Some(42)),
    ("3 .5", Some(3)),
    ("1e-3", Some(0)),
    ("2.5E2", Some(250)),
    ("1_0.0_1e1_0", Some(100100000000)),
    ("\u{a0}12\u{a0}", Some(12)),
    ("inf_", None),
    ("-nan", None),
    ("1.e1", Some(10)),
    (".e1", None),
    ("e5", None),
    ("12345678901234567890", Some(12345678901234567168)),
];

/// `str(float)` in the Python (through `low_str`), for each JSON number.
const PY_FLOAT_STR: &[(&str, &str)] = &[
    ("1e16", "1e+16"),
    ("1e15", "1000000000000000.0"),
    ("0.0001", "0.0001"),
    ("0.00001", "1e-05"),
    ("1.5", "1.5"),
    ("2015.0", "2015.0"),
    ("-0.0", "-0.0"),
    ("1e300", "1e+300"),
    ("123456789.125", "123456789.125"),
    ("3.99", "3.99"),
    ("1E22", "1e+22"),
    ("0.1", "0.1"),
    ("-2.5e-7", "-2.5e-07"),
    ("12.0", "12.0"),
];

const GOLD_H: &str = r#"[
{"doc": "b1", "figures": [{"value": 15, "low": 10, "high": 20, "what": "killed", "side": "civilian", "claimant_kind": "government", "district": "Sangin", "date": "2020-01-01", "quote": "10 to 20"}, {"value": 15, "low": 15, "high": 15, "what": "killed", "side": "civilian", "claimant_kind": "insurgent", "date": null, "quote": "15"}], "control_events": []},
{"doc": "b2", "figures": [{"value": 10, "low": 5, "high": 20, "what": "wounded", "side": "government", "claimant_kind": "media", "district": "Sangin", "date": "2001-05", "quote": "g0"}, {"value": 11, "low": 5, "high": 20, "what": "wounded", "side": "government", "claimant_kind": "media", "district": "Garmsir", "date": "2002", "quote": "g1"}], "control_events": []}
]
"#;

const PRED_H: &str = r#"[
{"doc": "b1", "figures": [{"value": 15, "what": "killed", "side": "civilian", "claimant_kind": "government", "district": "Sangin District", "date": "2020-01-01", "quote": "p0"}, {"value": 12, "what": "killed", "side": "civilian", "claimant_kind": "insurgent", "date": null, "quote": "p1"}]},
{"doc": "b2", "figures": [{"value": 12, "what": "wounded", "side": "government", "claimant_kind": "media", "district": "Nawzad", "date": "2001-05", "quote": "p0"}, {"value": 10, "what": "wounded", "side": "government", "claimant_kind": "unattributed", "district": "Sangin", "date": "2001", "quote": "p1"}]}
]
"#;

const LINES_H: &str = r#"b1 figures DIFF   gold killed/civilian 15[15..15] insurgent None '15' | pred killed/civilian 15[15..15] government 2020-01-01 'p0'
b1 figures DIFF   gold killed/civilian 15[10..20] government 2020-01-01 '10 to 20' | pred killed/civilian 12[12..12] insurgent None 'p1'
b2 figures DIFF   gold wounded/government 11[5..20] media 2002 'g1' | pred wounded/government 12[12..12] media 2001-05 'p0'
b2 figures DIFF   gold wounded/government 10[5..20] media 2001-05 'g0' | pred wounded/government 10[10..10] unattributed 2001 'p1'"#;

const GOLD_Q: &str = r#"[
{"doc": "b3", "figures": [{"value": "1,200", "low": null, "what": "Displaced", "side": "Civilian", "claimant_kind": "government", "quote": "up to 1,200 families"}, {"value": 3, "low": 3, "high": 3, "what": "killed", "side": "government", "claimant_kind": "insurgent", "optional": "yes", "quote": "three soldiers"}, {"value": 0, "low": 0, "high": 0, "what": "killed", "side": "foreign", "claimant_kind": null, "quote": "no foreign casualties"}], "control_events": [{"district": "Musa Qalah", "event": "Fell ", "claimant_kind": "Unattributed", "date": "  2015-08-26 ", "quote": "Musa Qala fell"}, {"district": "Gereshk", "event": "attacked", "claimant_kind": "government", "date": "2015", "optional": true, "quote": "it's Gereshk"}, {"district": "Kajaki Dam", "event": "attacked", "claimant_kind": "government", "quote": "the dam"}, {"district": null, "event": "fell", "claimant_kind": "unattributed", "quote": "a district fell"}]},
{"doc": "b4", "figures": [{"value": 8, "what": "killed", "side": "civilian", "optional": true, "quote": "eight"}]},
{"doc": "b5", "figures": [], "control_events": []}
]
"#;

const PRED_Q: &str = r#"[
{"doc": "b3", "figures": [{"value": 900, "what": "displaced", "side": "civilian", "claimant_kind": "government", "quote": "900 families"}, {"value": true, "what": "killed", "side": "government", "claimant_kind": "insurgent", "quote": "it's a bool"}, {"value": 3.99, "what": "killed", "side": "government", "claimant_kind": "insurgent", "quote": "three"}, {"value": "0", "what": "killed", "side": "foreign", "claimant_kind": null, "quote": "none"}, {"value": "1_000", "what": "displaced", "side": "civilian", "claimant_kind": "government", "quote": "1_000 families"}], "control_events": [{"district": "MUSA QALA", "event": "fell", "claimant_kind": "unattributed", "date": "2015-08-26", "quote": "fell"}, {"district": "Nahr-e Saraj", "event": "attacked", "claimant_kind": "government", "quote": "Gereshk attacked"}, {"district": "kajaki dam", "event": "attacked", "claimant_kind": "government", "quote": "dam\n\u00a0\u00e9\u201cx\u201d\\"}, {"district": null, "event": "fell", "claimant_kind": "unattributed", "date": "", "quote": "some district fell"}, {"district": "Nahr-e Saraj", "event": "attacked", "claimant_kind": "government", "quote": "Gereshk's \"again\""}]},
{"doc": "b5", "figures": [{"value": 5, "what": "killed", "side": "civilian", "quote": null}], "control_events": 0}
]
"#;

const LINES_Q: &str = r#"b3 figures FALSE  killed/government None[None..None] insurgent None "it's a bool"
b3 figures FALSE  displaced/civilian 1000[1000..1000] government None '1_000 families'
b3 control_events MISSED attacked Kajaki Dam government None 'the dam'
b3 control_events FALSE  attacked kajaki dam government None 'dam\n\xa0é“x”\\'
b3 control_events FALSE  attacked Nahr-e Saraj government None 'Gereshk\'s "again"'
b5 figures FALSE  killed/civilian 5[5..5] None None None"#;

const GOLD_E: &str = r#"[
{"doc": "e1", "figures": [], "control_events": []},
{"doc": "e2", "figures": [{"value": 3, "what": "killed", "side": "civilian", "optional": true}]}
]
"#;

const PRED_E: &str = r#""#;

const LINES_E: &str = r#""#;

const GOLD_F: &str = r#"[
{"doc": "f1", "figures": [{"value": 3, "what": "killed", "side": "civilian"}], "control_events": [{"district": "Sangin", "event": "fell"}]}
]
"#;

const PRED_F: &str = r#"{"doc": "f1", "figures": [], "control_events": [{"district": "Sangin", "event": "retaken"}]}
"#;

const LINES_F: &str = r#"f1 figures MISSED killed/civilian 3[3..3] None None None
f1 control_events MISSED fell Sangin None None None
f1 control_events FALSE  retaken Sangin None None None"#;

const PRED_A: &str = r#"[
{"doc": "000_913ef45cb6386b48.txt", "figures": [{"value": 450, "what": "killed", "side": "foreign", "claimant_kind": "unattributed", "quote": "more than 450 men"}, {"value": 6, "low": 6, "high": 6, "what": "Killed", "side": " government ", "claimant_kind": "media", "district": "Musa Kala", "quote": "six soldiers"}, {"value": "30", "what": "killed", "side": "government", "claimant_kind": "insurgent", "district": "musa qala district", "date": "2015", "quote": "30 soldiers"}, {"value": 1000, "what": "killed", "side": "civilian", "claimant_kind": "unattributed", "quote": "1,000 civilians"}, {"value": 349, "low": null, "high": 349, "what": "killed", "side": "foreign", "claimant_kind": "unattributed", "quote": "up to 349"}], "control_events": [{"district": "Musa Qala District", "event": "fell", "claimant_kind": "unattributed", "date": "2015", "quote": "fell to the Taliban"}, {"district": "musa qala", "event": "attacked", "claimant_kind": "insurgent", "date": null, "quote": "overran posts"}, {"district": "Nowzad", "event": "fell", "claimant_kind": "unattributed", "quote": "grabbed Nawzad"}, {"district": "Lashkargah", "event": "attacked", "claimant_kind": "unattributed", "date": "2015-06-01", "quote": "suicide attack"}, {"district": "Marja", "event": "fell", "claimant_kind": "unattributed", "quote": "Marjah fell"}]},
{"doc": "002_8672c1db3c7ca1b2.txt", "figures": null, "control_events": [{"district": "Musa Qala", "event": "fell", "claimant_kind": "unattributed", "date": "2015-08", "quote": "captured Musa Qala"}, {"district": "Naw Zad", "event": "fell", "claimant_kind": "Government", "date": "2015-07-15", "quote": "seized Nawzad"}, {"district": "Musa Qala", "event": "retaken", "claimant_kind": "unattributed", "date": 2007, "quote": "recaptured in 2007"}]},
{"doc": "003_48a226dbb348ec7a.txt", "figures": [{"value": "4,500", "what": "force", "side": "foreign", "claimant_kind": "unattributed", "quote": "about 4,500 troops"}, {"value": "1 500", "low": null, "high": null, "what": "displaced", "side": "civilian", "claimant_kind": "government", "district": "Lashkar Gah City", "date": "2020-10-12", "quote": "1,500 families"}, {"value": 5, "low": 4, "high": 6, "what": "force", "side": "government", "claimant_kind": "government", "date": "2020-10-12", "quote": "five police"}, {"value": 7, "what": "force", "side": "government", "claimant_kind": "government", "quote": "seven police"}, {"value": 1, "what": "killed", "side": "civilian", "claimant_kind": "un_ngo", "quote": "killed the baby"}, {"value": 1.9, "what": "killed", "side": "civilian", "claimant_kind": "un_ngo", "quote": "one child"}, {"value": 150, "what": "force", "side": "government", "claimant_kind": "government", "date": "2020-10-12", "optional": true, "quote": "150 police"}], "control_events": [{"district": "Nawa", "event": "attacked", "claimant_kind": "government", "quote": "attacks in Nawa"}, {"district": "Nade Ali", "event": "attacked", "claimant_kind": "government", "date": "2020-10-09", "quote": "Chahanjir"}, {"district": "Nad-e Ali", "event": "attacked", "claimant_kind": "government", "date": "2020-10-09", "quote": "Chahanjir again"}]},
{"doc": "004_2b283770fa351327.txt", "figures": [], "control_events": []},
{"doc": "999_not_in_gold.txt", "figures": [{"value": 1, "what": "killed", "side": "civilian"}], "control_events": []}
]
"#;

const LINES_A: &str = r#"000_913ef45cb6386b48.txt figures MISSED killed/foreign 350[350..350] unattributed None 'some 350 U.S. Marines'
000_913ef45cb6386b48.txt figures MISSED casualties/insurgent 150[150..150] government None '150 Taliban'
000_913ef45cb6386b48.txt figures MISSED wounded/government 4[4..4] government None 'four wounded'
000_913ef45cb6386b48.txt figures FALSE  killed/civilian 1000[1000..1000] unattributed None '1,000 civilians'
000_913ef45cb6386b48.txt figures FALSE  killed/foreign 349[None..349] unattributed None 'up to 349'
000_913ef45cb6386b48.txt figures DIFF   gold killed/government 6[6..6] government None 'six soldiers' | pred killed/government 6[6..6] media None 'six soldiers'
000_913ef45cb6386b48.txt figures DIFF   gold killed/government 40[None..40] insurgent None 'up to 40 soldiers' | pred killed/government 30[30..30] insurgent 2015 '30 soldiers'
000_913ef45cb6386b48.txt control_events MISSED attacked Musa Qala government None 'an operation is ongoing in full force to retake the district'
000_913ef45cb6386b48.txt control_events MISSED retaken Musa Qala unattributed 2007 'British and Afghan forces wrenched it back in 2007'
000_913ef45cb6386b48.txt control_events FALSE  fell Marjah unattributed None 'Marjah fell'
000_913ef45cb6386b48.txt control_events DIFF   gold fell Musa Qala unattributed None 'Musa Qala that on Wednesday fell to the Taliban' | pred fell Musa Qala unattributed 2015 'fell to the Taliban'
001_8e3133893d3f2871.txt control_events MISSED retaken Musa Qala unattributed 2007 'NATO troops took it in 2007'
001_8e3133893d3f2871.txt control_events MISSED fell Nawzad unattributed None 'Taliban fighters taking the neighboring district of Naw Zad'
002_8672c1db3c7ca1b2.txt figures MISSED killed/insurgent 40[40..40] media 2015-08-22 '40 Taliban fighters'
002_8672c1db3c7ca1b2.txt figures MISSED killed/foreign 2[2..2] foreign_military 2015-08-26 'Two Resolute Support service members'
002_8672c1db3c7ca1b2.txt figures MISSED force/foreign 12000[12000..12000] unattributed 2015-08-26 'Roughly 12,000 NATO troops'
002_8672c1db3c7ca1b2.txt figures MISSED killed/foreign 400[401..None] unattributed None 'Over 400 British soldiers'
002_8672c1db3c7ca1b2.txt control_events MISSED withdrawal Musa Qala government 2015-08-26 'We left the district'
002_8672c1db3c7ca1b2.txt control_events MISSED attacked Musa Qala government 2015-08-26 'We left the district early in the morning because the Taliban were attacking'
002_8672c1db3c7ca1b2.txt control_events DIFF   gold fell Musa Qala unattributed 2015-08-26 'the group has captured the strategic town of Musa Qala' | pred fell Musa Qala unattributed 2015-08 'captured Musa Qala'
002_8672c1db3c7ca1b2.txt control_events DIFF   gold fell Nawzad unattributed 2015-07 'the group seized the Nawzad district' | pred fell Nawzad government 2015-07-15 'seized Nawzad'
003_48a226dbb348ec7a.txt figures MISSED force/government 50[50..50] government 2020-10-12 'only 50 police'
003_48a226dbb348ec7a.txt figures FALSE  force/government 7[7..7] government None 'seven police'
003_48a226dbb348ec7a.txt figures FALSE  killed/civilian 1[1..1] un_ngo None 'one child'
003_48a226dbb348ec7a.txt figures DIFF   gold displaced/civilian 1500[1500..None] government 2020-10 'at least 1,500 families' | pred displaced/civilian 1500[None..None] government 2020-10-12 '1,500 families'
003_48a226dbb348ec7a.txt control_events MISSED attacked Lashkar Gah government 2020-10-09 'overrun security checkpoints in the suburbs of Babaji'
003_48a226dbb348ec7a.txt control_events MISSED attacked Lashkar Gah insurgent 2020-10-09 'the insurgents were only recapturing areas'
003_48a226dbb348ec7a.txt control_events FALSE  attacked Nad Ali government 2020-10-09 'Chahanjir again'
004_2b283770fa351327.txt figures MISSED killed/insurgent 100[101..None] government None 'just over 100 Taliban fighters'
004_2b283770fa351327.txt figures MISSED displaced/civilian 200[200..999] government None 'hundreds of families'
004_2b283770fa351327.txt figures MISSED force/foreign 2500[2500..2500] foreign_military None '2,500 troops'
004_2b283770fa351327.txt control_events MISSED handed_over Washir unattributed None 'cede control of Camp Antonik'
004_2b283770fa351327.txt control_events MISSED attacked Lashkar Gah government None 'attacking checkpoints around the outskirts of Lashkar Gah'"#;
