//! The claims engine scored with the project's own port of the shared scorer
//! (`claims_score.rs`), on three sets:
//! - the five bundled articles against `tests/claims/gold/` (a copy of the shared gold);
//! - the pasted-page cases with `expected-claims.json`, imported as a user imports them,
//!   in two batches: those the rules were tuned on, and those listed in
//!   `tests/claims/held-out.txt`, never looked at while tuning.
//!
//! The bars sit just under the measured scores, so a regression fails; `CLAIMS_VERBOSE=1`
//! prints every miss, false find and wrong source or date.

use crate::cases::import;
use crate::claims_score::{score, Part, Scores};
use helmand_reader::engine::claims::json::claims_json;
use helmand_reader::engine::corpus::bundled;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn report(name: &str, s: &Scores) {
    let part = |p: &Part| {
        format!(
            "P {:.3} R {:.3} F1 {:.3} (tp {} fp {} fn {}), source kind {:.3}, date {:.3}",
            p.precision(),
            p.recall(),
            p.f1(),
            p.tp,
            p.fp,
            p.fn_,
            p.kind_acc().unwrap_or(0.0),
            p.date_acc().unwrap_or(0.0)
        )
    };
    eprintln!("{name}: figures {}; control events {}", part(&s.figures), part(&s.control_events));
    if std::env::var_os("CLAIMS_VERBOSE").is_some() {
        for l in &s.lines {
            eprintln!("  {l}");
        }
    }
}

/// Fails when a score is under its bar: (figures F1, events F1, source kind, date) each.
fn bars(name: &str, s: &Scores, fig: f64, ev: f64, kind: f64, date: f64) {
    report(name, s);
    let both = Part {
        tp: s.figures.tp + s.control_events.tp,
        matched_kind_ok: s.figures.matched_kind_ok + s.control_events.matched_kind_ok,
        matched_date_ok: s.figures.matched_date_ok + s.control_events.matched_date_ok,
        ..Part::default()
    };
    let got = [s.figures.f1(), s.control_events.f1(), both.kind_acc().unwrap_or(0.0), both.date_acc().unwrap_or(0.0)];
    let want = [fig, ev, kind, date];
    let names = ["figures F1", "control events F1", "source kind right", "date right"];
    for ((g, w), n) in got.iter().zip(want).zip(names) {
        assert!(*g >= w, "{name}: {n} {g:.3} under the bar {w} (CLAIMS_VERBOSE=1 for the misses)");
    }
}

#[test]
fn claims_of_the_bundled_articles_match_the_gold() {
    let mut gold = BTreeMap::new();
    for entry in fs::read_dir(root().join("tests/claims/gold")).unwrap() {
        let v: Value = serde_json::from_str(&fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        gold.insert(v["doc"].as_str().unwrap().to_string(), v);
    }
    let mut pred = BTreeMap::new();
    for a in &bundled().articles {
        let doc = format!("{}.txt", a.id);
        pred.insert(doc.clone(), claims_json(&doc, a.date.as_deref(), &a.claims));
    }
    assert_eq!(gold.len(), 5);
    bars("bundled articles", &score(&gold, &pred), 0.93, 0.97, 0.97, 0.87);
}

fn cases(held_out: bool) -> (BTreeMap<String, Value>, BTreeMap<String, Value>) {
    let listed = fs::read_to_string(root().join("tests/claims/held-out.txt")).unwrap();
    let kept: Vec<&str> = listed.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
    let (mut gold, mut pred) = (BTreeMap::new(), BTreeMap::new());
    for entry in fs::read_dir(root().join("tests/cases")).unwrap() {
        let dir = entry.unwrap().path();
        let Ok(text) = fs::read_to_string(dir.join("expected-claims.json")) else { continue };
        let slug = dir.file_name().unwrap().to_string_lossy().to_string();
        if kept.contains(&slug.as_str()) != held_out {
            continue;
        }
        let g: Value = serde_json::from_str(&text).unwrap();
        let (article, _) = import(&dir);
        let json = claims_json(&slug, article.date.as_deref(), &article.claims);
        // CLAIMS_DUMP=<slug> prints what the engine found in one case
        if std::env::var("CLAIMS_DUMP").is_ok_and(|d| d == slug) {
            eprintln!("{}", serde_json::to_string_pretty(&json).unwrap());
        }
        pred.insert(slug.clone(), json);
        gold.insert(slug, g);
    }
    (gold, pred)
}

#[test]
fn claims_of_pasted_pages_match_their_gold() {
    let (gold, pred) = cases(false);
    assert!(gold.len() >= 14, "{} cases with claims gold", gold.len());
    bars("pasted pages (tuned on)", &score(&gold, &pred), 0.85, 0.79, 0.90, 0.54);
}

#[test]
fn claims_of_held_out_pages_match_their_gold() {
    let (gold, pred) = cases(true);
    assert!(gold.len() >= 14, "{} held-out cases with claims gold", gold.len());
    bars("pasted pages (held out)", &score(&gold, &pred), 0.74, 0.68, 0.83, 0.42);
}
