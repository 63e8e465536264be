//! Saved web pages reduced to their article, checked like Mozilla Readability's own tests:
//! each page in `tests/import/pages/` sits beside what must come out of it
//! (`NAME.expect.toml`: title, byline, date, site, sentences the body must contain and
//! page furniture it must not) and the reviewed reader view (`NAME.expected.txt`; rewrite
//! with `UPDATE_SNAPSHOTS=1` after a deliberate change, then read the diff).
//! The pages were written for this project to look like real saved news pages.

use crate::common;

use std::{fs, path::Path};

use helmand_reader::import::run::run;
use helmand_reader::model::article::Article;
use helmand_reader::model::cleaned::Block;
use helmand_reader::model::job::{Job, Outcome};

#[derive(serde::Deserialize)]
struct Expect {
    title: String,
    byline: Option<String>,
    date: Option<String>,
    site: Option<String>,
    contains: Vec<String>,
    excludes: Vec<String>,
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn import(name: &str, bytes: &[u8]) -> Article {
    match run(Job::File { name: name.into(), added: "2026-11-21T10:00:00Z".into() }, bytes).remove(0) {
        Outcome::Ready(r) => r.article,
        Outcome::Refused { reason, .. } => panic!("{name} was refused: {reason}"),
        Outcome::Highlights { .. } => panic!("{name} is a page, not an export of everything"),
    }
}

fn render(a: &Article) -> String {
    let out = format!(
        "# {}\n[author] {}\n[date] {}\n[provenance] {}\n",
        a.title,
        a.author_label(),
        a.date_label(),
        a.provenance.as_deref().unwrap_or("")
    );
    out + &common::render_blocks(&a.body.blocks)
}

#[test]
fn saved_pages_become_their_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/pages");
    let mut pages: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 5, "the saved pages are missing");
    let mut failures = Vec::new();
    for page in pages {
        let stem = page.file_stem().unwrap().to_string_lossy().to_string();
        let expect: Expect =
            toml::from_str(&fs::read_to_string(dir.join(format!("{stem}.expect.toml"))).unwrap()).unwrap();
        let a = import(&format!("{stem}.html"), &fs::read(&page).unwrap());
        let body = squash(&a.body.blocks.iter().map(Block::text).collect::<Vec<_>>().join(" "));
        let mut fail = |what: String| failures.push(format!("{stem}: {what}"));
        if a.title != expect.title {
            fail(format!("title {:?}, want {:?}", a.title, expect.title));
        }
        if a.author != expect.byline {
            fail(format!("byline {:?}, want {:?}", a.author, expect.byline));
        }
        if a.date != expect.date {
            fail(format!("date {:?}, want {:?}", a.date, expect.date));
        }
        let site = a.stored.as_ref().and_then(|s| s.site.clone());
        if site != expect.site {
            fail(format!("site {site:?}, want {:?}", expect.site));
        }
        for s in &expect.contains {
            if !body.contains(&squash(s)) {
                fail(format!("body lacks {s:?}"));
            }
        }
        for s in &expect.excludes {
            if body.contains(&squash(s)) || a.title.contains(s.as_str()) {
                fail(format!("body keeps furniture {s:?}"));
            }
        }
        // a saved page's own site name is its outlet (as the catalogue names it), else "Imported"
        let want = site.as_deref().map_or("Imported".to_string(), |s| {
            helmand_reader::import::outlets::by_name(s).map_or(s.to_string(), |o| o.name.to_string())
        });
        assert_eq!(a.outlet_label(), want, "the outlet is the page's own site name");

        let snapshot = dir.join(format!("{stem}.expected.txt"));
        let got = render(&a);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !snapshot.exists() {
            fs::write(&snapshot, &got).unwrap();
        } else if fs::read_to_string(&snapshot).unwrap_or_default() != got {
            fail(format!("differs from {}; got:\n{got}", snapshot.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn text_and_markdown_files_import_with_their_title_and_entities() {
    let a = import("helmand.md", "# Floods in Nad-e Ali\n\n*Kabul, 3 March 2019* — Floods hit **Nad-e Ali** district, said Omar Zwak, the governor's spokesman.\n".as_bytes());
    assert_eq!(a.title, "Floods in Nad-e Ali");
    assert!(
        a.body.body_text().starts_with("Kabul, 3 March 2019 — Floods hit Nad-e Ali district"),
        "{}",
        a.body.body_text()
    );
    assert_eq!(a.annotation.districts(), vec!["Nad Ali"]);
    let b = import("field notes.txt", "Sangin patrol\n\nBritish troops patrolled Sangin on 12 June 2007.".as_bytes());
    assert_eq!((b.title.as_str(), b.annotation.districts()), ("Sangin patrol", vec!["Sangin"]));
}
