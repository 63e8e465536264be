//! `annotate FILE...`: prints one JSON line per file with the people, organisations, places
//! and dates found in it and the Helmand districts it names, in the format of
//! `shared/eval/score.py`. Works on the raw text of any file (it is cleaned first).
//!
//! `annotate --claims FILE...`: one line per file with its attributed figures and district
//! control events, in the schema of `shared/eval/claims/GUIDELINES.md`. The article's date
//! (the anchor of "on Wednesday") is the bundled catalogue's for a bundled file, else the
//! date line the cleaner finds.

use std::process::ExitCode;

use helmand_reader::engine::annotate::{annotate_article, annotation_json};
use helmand_reader::engine::claims::extract;
use helmand_reader::engine::claims::json::claims_json;
use helmand_reader::engine::clean::{clean, Hints};
use helmand_reader::engine::corpus::from_seed;
use helmand_reader::engine::seeds::SEEDS;
use helmand_reader::text::calendar::iso_date;

fn main() -> ExitCode {
    let mut files: Vec<String> = std::env::args().skip(1).collect();
    let claims = files.first().is_some_and(|f| f == "--claims");
    if claims {
        files.remove(0);
    }
    if files.is_empty() {
        eprintln!("usage: annotate [--claims] FILE...\n  prints one JSON line per file: {{\"doc\", \"entities\": [{{\"text\", \"type\"}}], \"districts\"}}\n  with --claims: {{\"doc\", \"published\", \"figures\", \"control_events\"}}");
        return ExitCode::from(2);
    }
    let mut failed = false;
    for path in &files {
        let raw = match std::fs::read(path) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                eprintln!("annotate: {path}: {e}");
                failed = true;
                continue;
            }
        };
        let doc = std::path::Path::new(path).file_name().map_or(path.clone(), |n| n.to_string_lossy().into_owned());
        let cleaned = clean(&raw, Hints::default());
        let annotation = annotate_article(&cleaned);
        if claims {
            let stem = doc.strip_suffix(".txt").unwrap_or(&doc);
            // a bundled file as the app reads it (its catalogue gives title, outlet and date)
            let (published, found) = match SEEDS.iter().find(|s| s.id == stem && s.text == raw) {
                Some(seed) => (seed.date.map(str::to_string), from_seed(seed).claims),
                None => {
                    let published = cleaned.dateline.as_deref().and_then(iso_date);
                    let found = extract(&cleaned, &annotation, published.as_deref());
                    (published, found)
                }
            };
            println!("{}", claims_json(&doc, published.as_deref(), &found));
        } else {
            println!("{}", annotation_json(&doc, &cleaned, &annotation));
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
