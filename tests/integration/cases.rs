//! The reader view on pasted pages of many outlets (`tests/cases/<slug>/`, in Mozilla
//! Readability's way: each source beside what must come out of it). Each case goes through
//! the import worker's own path for a paste (with its address, when the case has one), and
//! is scored on what issue 13 asks: title, outlet, byline, date, furniture dropped, article
//! sentences kept, the headline not repeated, and districts. The bars sit just under the
//! measured scores, so a regression fails; `CASES_VERBOSE=1` prints each miss.

use std::fs;
use std::path::Path;

use helmand_reader::import::run::run;

use helmand_reader::model::article::Article;
use helmand_reader::model::job::{Job, Outcome};
use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct Expected {
    title: String,
    outlet: Option<String>,
    byline: Option<String>,
    date: Option<String>,
    url: Option<String>,
    districts: Vec<String>,
    furniture: Vec<String>,
}

/// Spacing, quote styles and case set aside.
fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '‘' | '’' | 'ʼ' => '\'',
            '“' | '”' => '"',
            '–' | '—' => '-',
            c => c,
        })
        .collect();
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// An outlet's name as a key: the catalogue's entry when it knows the name, else the name
/// without a leading "The".
fn outlet_key(name: &str) -> String {
    match helmand_reader::import::outlets::by_name(name) {
        Some(o) => o.name.to_lowercase(),
        None => norm(name).trim_start_matches("the ").to_string(),
    }
}

/// The sentences of a paragraph, roughly: enough to check none is lost.
fn sentences(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let words: Vec<&str> = p.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w);
        let next_cap = words
            .get(i + 1)
            .is_some_and(|n| n.chars().next().is_some_and(|c| c.is_uppercase() || c == '"' || c == '“'));
        if (w.ends_with('.') || w.ends_with('?') || w.ends_with('!') || w.ends_with(".”") || w.ends_with(".\""))
            && next_cap
            && cur.len() > 30
        {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

struct Score {
    name: &'static str,
    right: usize,
    of: usize,
}

impl Score {
    fn ratio(&self) -> f64 {
        if self.of == 0 {
            1.0
        } else {
            self.right as f64 / self.of as f64
        }
    }
}

pub(crate) fn import(dir: &Path) -> (Article, Expected) {
    let meta: Expected =
        serde_json::from_str(&fs::read_to_string(dir.join("expected-metadata.json")).unwrap()).unwrap();
    let (name, bytes) = ["source.txt", "source.md", "source.html"]
        .iter()
        .find_map(|n| fs::read(dir.join(n)).ok().map(|b| (n.to_string(), b)))
        .unwrap_or_else(|| panic!("{}: no source", dir.display()));
    let added = "2026-12-01T00:00:00Z".to_string();
    let url = fs::read_to_string(dir.join("address.txt")).map(|a| a.trim().to_string()).unwrap_or_default();
    let job = match name.as_str() {
        // a pasted text, as the paste dialog sends it, with the address the user typed
        "source.txt" => Job::Paste {
            title: String::new(),
            outlet: String::new(),
            text: String::from_utf8(bytes.clone()).unwrap(),
            added,
            url,
        },
        _ => Job::File { name, added },
    };
    let mut outcomes = run(job, &bytes);
    match outcomes.pop() {
        Some(Outcome::Ready(r)) => (r.article, meta),
        _ => panic!("{}: refused", dir.display()),
    }
}

#[test]
fn pasted_pages_of_many_outlets_read_right() {
    let verbose = std::env::var_os("CASES_VERBOSE").is_some();
    // CASES_DIR scores another folder of cases (a batch kept back to measure rules it never shaped)
    let root = std::env::var_os("CASES_DIR")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases"), std::path::PathBuf::from);
    let mut dirs: Vec<_> =
        fs::read_dir(&root).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    let scores = score(&dirs, verbose);
    eprintln!("{} cases:", dirs.len());
    for s in &scores {
        eprintln!("  {:<22} {:>4} of {:<4} {:.3}", s.name, s.right, s.of, s.ratio());
    }
    if std::env::var_os("CASES_DIR").is_some() {
        return; // another batch: measured, not held to the bars
    }
    assert!(dirs.len() >= 90, "at least 90 cases");
    // the measured scores less 0.01 (issue 13's targets in the comments)
    let bars = [
        ("title", 0.947),               // 88 of 92 measured; issue 13's target 0.90
        ("outlet", 0.890),              // 81 of 90; target 0.85
        ("byline", 0.960),              // 64 of 66; target 0.90
        ("date", 0.946),                // 87 of 91; target 0.85
        ("furniture dropped", 0.898),   // 1,675 of 1,844; target 0.90
        ("sentences kept", 1.0),        // 1,160 of 1,160: none may be lost
        ("headline not repeated", 1.0), // 92 of 92; target 1.00
        ("district recall", 0.987),     // 309 of 310; target 0.97
        ("district precision", 1.0),    // 309 of 309
    ];
    for (s, (name, bar)) in scores.iter().zip(bars) {
        assert_eq!(s.name, name);
        assert!(s.ratio() >= bar, "{name}: {:.3} is under its bar {bar}", s.ratio());
    }
}

/// Imports each case as the worker does and scores it; `verbose` prints each miss.
fn score(dirs: &[std::path::PathBuf], verbose: bool) -> [Score; 9] {
    let mut scores = [
        ("title", 0, 0),
        ("outlet", 0, 0),
        ("byline", 0, 0),
        ("date", 0, 0),
        ("furniture dropped", 0, 0),
        ("sentences kept", 0, 0),
        ("headline not repeated", 0, 0),
        ("district recall", 0, 0),
        ("district precision", 0, 0),
    ]
    .map(|(name, right, of)| Score { name, right, of });
    let miss = |what: &str, dir: &Path, got: &dyn std::fmt::Debug, want: &dyn std::fmt::Debug| {
        if verbose {
            eprintln!("{:<44} {what}: got {got:?}, want {want:?}", dir.file_name().unwrap().to_string_lossy());
        }
    };
    for dir in dirs {
        let (a, want) = import(dir);
        let blocks: Vec<String> = a.body.blocks.iter().map(|b| norm(b.text())).collect();
        let body = blocks.join(" ");
        let mut tally = |k: usize, ok: bool| {
            scores[k].of += 1;
            scores[k].right += ok as usize;
        };
        let ok = norm(&a.title) == norm(&want.title);
        tally(0, ok);
        if !ok {
            miss("title", dir, &a.title, &want.title);
        }
        if let Some(o) = &want.outlet {
            let got = a.stored.as_ref().and_then(|r| r.outlet.clone());
            let ok = got.as_deref().is_some_and(|g| outlet_key(g) == outlet_key(o));
            tally(1, ok);
            if !ok {
                miss("outlet", dir, &got, o);
            }
        }
        if let Some(b) = &want.byline {
            let ok = a.author.as_deref().is_some_and(|g| norm(g) == norm(b));
            tally(2, ok);
            if !ok {
                miss("byline", dir, &a.author, b);
            }
        }
        if let Some(d) = &want.date {
            let ok = a.date.as_deref() == Some(d.as_str());
            tally(3, ok);
            if !ok {
                miss("date", dir, &a.date, d);
            }
        }
        for f in &want.furniture {
            let f = norm(f);
            let kept = blocks.iter().any(|b| {
                *b == f
                    || (f.len() >= 24 && b.contains(&f))
                    || b.starts_with(&format!("{f} "))
                    || b.ends_with(&format!(" {f}"))
            });
            tally(4, !kept);
            if kept {
                miss("furniture kept", dir, &f, &"");
            }
        }
        let expected = fs::read_to_string(dir.join("expected.txt")).unwrap();
        for p in expected.split("\n\n").filter(|p| !p.trim().is_empty()) {
            for s in sentences(p) {
                let s = norm(&s);
                let ok = body.contains(&s);
                tally(5, ok);
                if !ok {
                    miss("sentence lost", dir, &s, &"");
                }
            }
        }
        let repeated = blocks.first().is_some_and(|b| *b == norm(&want.title));
        tally(6, !repeated);
        if repeated {
            miss("headline repeated", dir, &blocks[0], &"");
        }
        // the districts the district table counts for it: named, or a place the gazetteer puts
        // in one (a village, a base, a dam)
        let mut got: Vec<&str> =
            a.annotation.mentions.iter().filter_map(|m| a.annotation.entities[m.entity].district).collect();
        got.sort_unstable();
        got.dedup();
        for d in &want.districts {
            let ok = got.contains(&d.as_str());
            tally(7, ok);
            if !ok {
                miss("district missed", dir, d, &"");
            }
        }
        for d in &got {
            let ok = want.districts.iter().any(|w| w == d);
            tally(8, ok);
            if !ok {
                miss("district not in the text", dir, d, &"");
            }
        }
        if let Some(u) = &want.url {
            assert_eq!(
                a.stored.as_ref().and_then(|r| r.url.as_deref()),
                Some(u.as_str()),
                "{}: the address is kept",
                dir.display()
            );
        }
    }
    scores
}
