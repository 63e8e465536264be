//! Snapshot tests of the reader view, in the way Mozilla Readability tests its own: each
//! page's expected cleaned text is checked in under `tests/cleaning/` and reviewed by
//! reading it. Sources are the bundled seeds (`seeds/*.txt`, titles from the catalog) and
//! extra pages `tests/cleaning/*.source.txt` (first line is the title).
//! Run with `UPDATE_SNAPSHOTS=1` to rewrite the expected files after a deliberate change; a
//! missing one (a new seed) is written, to be reviewed.

use crate::common;

use helmand_reader::engine::clean::{clean, Hints};

use helmand_reader::model::cleaned::{Block, Cleaned};
use std::{fs, path::Path};

/// The reader view as plain text: one block a paragraph, kinds other than body text marked.
fn render(c: &Cleaned) -> String {
    let mut out = format!("# {}\n", c.title);
    for (label, v) in [("byline", &c.byline), ("dateline", &c.dateline), ("copyright", &c.copyright)] {
        if let Some(v) = v {
            out += &format!("[{label}] {v}\n");
        }
    }
    out + &common::render_blocks(&c.blocks)
}

fn check(name: &str, cleaned: &Cleaned) -> Option<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cleaning").join(format!("{name}.expected.txt"));
    let got = render(cleaned);
    // rewritten on request; written when missing (a new seed: review what it says)
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        fs::write(&path, &got).unwrap();
        eprintln!("wrote {}: review it", path.display());
        return None;
    }
    let want = fs::read_to_string(&path).unwrap_or_default();
    (got != want).then(|| format!("{} differs; got:\n{got}", path.display()))
}

#[test]
fn bundled_seeds_match_their_reviewed_snapshots() {
    let lib = helmand_reader::engine::corpus::bundled();
    assert_eq!(lib.articles.len(), 5);
    let failures: Vec<String> = lib.articles.iter().filter_map(|a| check(&a.id, &a.body)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn extra_pages_match_their_reviewed_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cleaning");
    let mut n = 0;
    let mut failures = Vec::new();
    for e in fs::read_dir(&dir).unwrap() {
        let name = e.unwrap().file_name().into_string().unwrap();
        let Some(stem) = name.strip_suffix(".source.txt") else { continue };
        let raw = fs::read_to_string(dir.join(&name)).unwrap();
        let title = raw.lines().next().unwrap_or_default().to_string();
        failures.extend(check(stem, &clean(&raw, Hints { title: Some(&title), outlet: None })));
        n += 1;
    }
    assert!(n >= 1, "no extra pages found in {}", dir.display());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Web furniture named in the foundation issue never reaches the reader.
#[test]
fn no_boilerplate_survives_in_any_seed() {
    let furniture = [
        "Accessibility links",
        "Breaking News",
        "Join the mailing list",
        "LEAVE A REPLY",
        "Please enter your comment!",
        "Please enter your name here",
        "JOIN NOW",
        "16x9 Image",
        "Sign up for a daily email",
        "Get it sent to your inbox",
    ];
    for a in helmand_reader::engine::corpus::bundled().articles {
        let text = a.body.body_text();
        for f in furniture {
            assert!(!text.to_lowercase().contains(&f.to_lowercase()), "{}: {f:?} survived", a.id);
        }
        assert!(
            !text.lines().any(|l| !l.trim().is_empty() && l.trim().chars().all(|c| c.is_ascii_digit())),
            "{}: a counter survived",
            a.id
        );
        let title_repeats = a
            .body
            .blocks
            .iter()
            .filter(|b| {
                helmand_reader::engine::clean::fold(b.text())
                    .starts_with(&helmand_reader::engine::clean::fold(&a.title))
            })
            .count();
        assert_eq!(title_repeats, 0, "{}: the title is repeated in the body", a.id);
    }
}

/// Every sentence of the report in the raw seed is still in the cleaned article: cleaning
/// drops furniture lines only.
#[test]
fn nothing_of_the_report_is_lost() {
    for a in helmand_reader::engine::corpus::bundled().articles {
        let seed = helmand_reader::engine::seeds::SEEDS.iter().find(|s| s.id == a.id).unwrap();
        let kept = helmand_reader::engine::clean::fold(&a.body.body_text());
        for line in seed.text.lines().filter(|l| l.split_whitespace().count() >= 15) {
            let key = helmand_reader::engine::clean::fold(line);
            if key.contains("sign up for a daily email") {
                continue; // the newsletter prompt
            }
            assert!(kept.contains(&key), "{}: lost {line:?}", a.id);
        }
    }
}

/// Seed 004 repeats each photo caption twice (once with a different apostrophe): shown once.
#[test]
fn duplicated_captions_are_shown_once() {
    let lib = helmand_reader::engine::corpus::bundled();
    let a = lib.articles.iter().find(|a| a.id.starts_with("004")).unwrap();
    let captions: Vec<&str> =
        a.body.blocks.iter().filter(|b| matches!(b, Block::Caption(_))).map(Block::text).collect();
    assert!(captions.len() >= 5, "{captions:?}");
    let mut keys: Vec<String> = captions.iter().map(|c| helmand_reader::engine::clean::fold(c)).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), captions.len(), "a caption is shown twice: {captions:#?}");
}
