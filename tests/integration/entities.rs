//! The entity engine scored against hand-made gold files, with the rules of
//! `shared/eval/score.py` (set-based per document; lenient text match; optional entries
//! free), so the project checks its own quality without `../shared`:
//! - `tests/gold/`: the five bundled articles (a copy of the shared gold set);
//! - `tests/articles/`: articles written for this project with their gold, never tuned on
//!   one by one, to check that the rules generalise.

use helmand_reader::engine::annotate::{annotate_article, distinct_mentions};
use helmand_reader::engine::clean::{clean, Hints};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::{fs, path::Path};

const TYPES: [&str; 4] = ["person", "org", "place", "date"];

/// score.py's `fold`: initialisms joined, lower case, punctuation to spaces, no leading "the".
fn fold(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut joined = String::new();
    for (i, &c) in chars.iter().enumerate() {
        // "\b(\w)\." -> "\1": drop a dot right after a single word character
        let single = i >= 1 && is_w(chars[i - 1]) && (i < 2 || !is_w(chars[i - 2]));
        if c == '.' && single {
            continue;
        }
        joined.push(c);
    }
    let lowered = joined.to_lowercase().replace('\u{2019}', "'");
    let spaced: String = lowered.chars().map(|c| if is_w(c) || c.is_whitespace() { c } else { ' ' }).collect();
    let words = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    words.strip_prefix("the ").map(str::to_string).unwrap_or(words)
}

fn is_w(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// score.py's `match`: equal after folding, or one inside the other at word boundaries
/// with at most two extra words.
fn matches(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    format!(" {long} ").contains(&format!(" {short} ")) && long.split(' ').count() - short.split(' ').count() <= 2
}

#[derive(Default, Debug)]
struct Tally {
    /// per type: predictions matching a required entry, false predictions, required entries found, required entries
    counts: BTreeMap<&'static str, [usize; 4]>,
    districts: [usize; 3],
    misses: Vec<String>,
}

impl Tally {
    fn f1(&self, ty: Option<&str>) -> (f64, f64, f64) {
        let [tp, fp, mg, ng] = self
            .counts
            .iter()
            .filter(|(t, _)| ty.is_none_or(|x| x == **t))
            .fold([0; 4], |acc, (_, c)| [acc[0] + c[0], acc[1] + c[1], acc[2] + c[2], acc[3] + c[3]]);
        let p = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
        let r = if ng > 0 { mg as f64 / ng as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

/// Annotates every gold document's text (found in `texts`) and scores it.
fn score(gold_dir: &str, texts: &str) -> Tally {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut tally = Tally::default();
    let mut names: Vec<_> = fs::read_dir(root.join(gold_dir)).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names.into_iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let gold: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let doc = gold["doc"].as_str().unwrap();
        let raw = fs::read_to_string(root.join(texts).join(doc)).unwrap();
        let cleaned = clean(&raw, Hints::default());
        let annotation = annotate_article(&cleaned);
        let predicted = distinct_mentions(&cleaned, &annotation);
        for ty in TYPES {
            let entries = gold["entities"].as_array().unwrap().iter().filter(|e| e["type"] == ty);
            let (mut required, mut optional) = (HashSet::new(), HashSet::new());
            for e in entries {
                let text = e["text"].as_str().unwrap();
                if e["optional"].as_bool() == Some(true) {
                    optional.insert(text)
                } else {
                    required.insert(text)
                };
            }
            let pred: HashSet<&str> = predicted
                .iter()
                .filter(|(t, k)| k.as_str() == ty && !fold(t).is_empty())
                .map(|(t, _)| t.as_str())
                .collect();
            let c = tally.counts.entry(ty).or_default();
            for p in &pred {
                if required.iter().any(|r| matches(p, r)) {
                    c[0] += 1;
                } else if !optional.iter().any(|o| matches(p, o)) {
                    c[1] += 1;
                    tally.misses.push(format!("{doc}: false {ty} {p:?}"));
                }
            }
            for r in &required {
                c[3] += 1;
                if pred.iter().any(|p| matches(p, r)) {
                    c[2] += 1;
                } else {
                    tally.misses.push(format!("{doc}: missed {ty} {r:?}"));
                }
            }
        }
        let gd: HashSet<&str> = gold["districts"].as_array().unwrap().iter().map(|d| d.as_str().unwrap()).collect();
        let pd: HashSet<&str> = annotation.districts().into_iter().collect();
        tally.districts[0] += gd.intersection(&pd).count();
        tally.districts[1] += pd.len();
        tally.districts[2] += gd.len();
        for d in pd.symmetric_difference(&gd) {
            tally
                .misses
                .push(format!("{doc}: district {d} {}", if pd.contains(d) { "wrongly named" } else { "missed" }));
        }
    }
    tally
}

fn report(t: &Tally) -> String {
    let mut s = String::new();
    for ty in TYPES.iter().map(|t| Some(*t)).chain([None]) {
        let (p, r, f) = t.f1(ty);
        s += &format!("{:8} p={p:.3} r={r:.3} f1={f:.3}\n", ty.unwrap_or("all"));
    }
    s + &format!("districts {:?}\n{}", t.districts, t.misses.join("\n"))
}

#[test]
fn scorer_matches_the_shared_rules() {
    assert_eq!(fold("U.S."), "us");
    assert_eq!(fold("E.U. Ambassador"), "eu ambassador");
    assert_eq!(fold("The American Conservative"), "american conservative");
    assert!(matches("Gen. Dawlat Waziri", "Dawlat Waziri"));
    assert!(matches("Helmand province", "Helmand"));
    assert!(!matches("In Afghanistan's Helmand Province, Taliban Talk War", "Helmand"));
    assert!(matches("Biden’s", "Biden's"));
}

/// Fails unless every type reaches `per_type` F1, all together `overall`, and the
/// districts are exact.
fn assert_bar(t: &Tally, per_type: f64, overall: f64) {
    let r = report(t);
    for ty in TYPES {
        assert!(t.f1(Some(ty)).2 >= per_type, "{ty} F1 under {per_type}\n{r}");
    }
    assert!(t.f1(None).2 >= overall, "overall F1 under {overall}\n{r}");
    assert_eq!(t.districts[0], t.districts[1], "district precision under 1.0\n{r}");
    assert_eq!(t.districts[0], t.districts[2], "district recall under 1.0\n{r}");
    println!("{r}");
}

/// The bar of the entity engine issue on the bundled articles.
#[test]
fn bundled_articles_meet_the_bar() {
    // measured 1.000 for each type and overall: the bar sits just under it, so one lost
    // entity fails (issue 7 asked for 0.92 / 0.95)
    assert_bar(&score("tests/gold", "seeds"), 0.99, 0.99);
}

/// Articles the rules were not written on: a slightly lower bar, districts exact.
#[test]
fn project_articles_meet_the_bar() {
    // measured: person 0.990, org 0.990, place 0.990, date 0.997, overall 0.991
    assert_bar(&score("tests/articles", "tests/articles"), 0.98, 0.981);
}
