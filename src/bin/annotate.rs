//! `annotate FILE...`: prints one JSON line per file with the people, organisations, places
//! and dates found in it and the Helmand districts it names, in the format of
//! `shared/eval/score.py`. Works on the raw text of any file (it is cleaned first).

use std::process::ExitCode;

use helmand_reader::engine::annotate::{annotate_article, annotation_json};
use helmand_reader::engine::clean::{clean, Hints};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        eprintln!("usage: annotate FILE...\n  prints one JSON line per file: {{\"doc\", \"entities\": [{{\"text\", \"type\"}}], \"districts\"}}");
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
        println!("{}", annotation_json(&doc, &cleaned, &annotate_article(&cleaned)));
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
