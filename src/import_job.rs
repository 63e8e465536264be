//! The import worker's work, apart from the browser: a job (a file's bytes, a pasted text,
//! or a saved record to load again) becomes outcomes, each an article cleaned and
//! annotated, or a refusal that says why. The page and the worker pass these as JSON.
//! Parsing a 5 MB page and finding its entities takes a second, so it happens here, off
//! the page's thread.

use serde::{Deserialize, Serialize};

use crate::clean::Cleaned;
use crate::entities::Annotation;
use crate::import::{pasted, read_file, Read, Rejection};
use crate::library::Article;
use crate::search::Words;
use crate::stored::StoredArticle;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Job {
    /// A file; its bytes travel beside the job.
    File { name: String, added: String },
    Paste { title: String, outlet: String, text: String, added: String },
    /// A record from the browser's storage or an edit, to clean and annotate again.
    Stored(StoredArticle),
    /// Many saved records at once (the startup load sends them in batches).
    Restore(Vec<StoredArticle>),
}

/// An article made ready by the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ready {
    /// What the user gave for it in this import: the file (an export's file for each of its
    /// articles), or "Pasted text"; named in the report.
    pub from: String,
    pub stored: StoredArticle,
    pub body: Cleaned,
    pub annotation: Annotation,
    /// Its distinct words for search (`search::Words`), worked out here too.
    pub words: String,
}

impl Ready {
    pub fn into_article(self) -> Article {
        Article::from_parts(self.stored, self.body, self.annotation, Some(Words::from_text(self.words)))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Ready(Box<Ready>),
    /// `name` is the file (or "pasted text", or "saved article “…”").
    Refused { name: String, reason: String },
}

impl Outcome {
    fn refused(name: &str, why: impl ToString) -> Self {
        Outcome::Refused { name: name.to_string(), reason: why.to_string() }
    }
}

fn ready(from: &str, rec: StoredArticle) -> Outcome {
    let a = Article::from_stored(rec);
    let stored = a.stored.clone().unwrap_or_else(|| unreachable!("from_stored keeps the record"));
    let words = a.words.text().to_string();
    Outcome::Ready(Box::new(Ready { from: from.to_string(), stored, body: a.body, annotation: a.annotation, words }))
}

pub fn run(job: Job, bytes: &[u8]) -> Vec<Outcome> {
    match job {
        Job::File { name, added } => match read_file(&name, bytes) {
            Ok(Read::One(draft)) => vec![ready(&name, StoredArticle::new(draft, &name, &added))],
            Ok(Read::Export(records)) => {
                if records.is_empty() {
                    return vec![Outcome::refused(&name, "is an export with no articles in it")];
                }
                records.into_iter().map(|r| r.map_or_else(|why| Outcome::refused(&name, why), |rec| ready(&name, rec))).collect()
            }
            Err(why) => vec![Outcome::refused(&name, why)],
        },
        Job::Paste { title, outlet, text, added } => match pasted(&title, &text) {
            Ok(draft) => {
                let mut rec = StoredArticle::new(draft, "pasted text", &added);
                rec.outlet = Some(outlet.trim().to_string()).filter(|o| !o.is_empty() && o != crate::stored::IMPORTED);
                vec![ready("Pasted text", rec)]
            }
            Err(why) => vec![Outcome::refused("Pasted text", why)],
        },
        Job::Stored(rec) => vec![stored(rec)],
        Job::Restore(recs) => recs.into_iter().map(stored).collect(),
    }
}

fn stored(rec: StoredArticle) -> Outcome {
    match rec.check() {
        Ok(rec) => ready(&format!("“{}”", rec.title), rec),
        Err(why) => Outcome::refused("A saved article", format!("could not be read: {why}")),
    }
}

/// The worker's answer for one job, as the page reads it.
pub fn encode(outcomes: &[Outcome]) -> String {
    serde_json::to_string(outcomes).unwrap_or_else(|e| {
        serde_json::to_string(&[Outcome::refused("The import", format!("could not be passed back ({e})"))]).unwrap_or_default()
    })
}

pub fn decode(json: &str) -> Result<Vec<Outcome>, String> {
    serde_json::from_str(json).map_err(|e| e.to_string())
}

/// A refusal message for the page: "notes.pdf is a .pdf file; …".
pub fn message(name: &str, reason: &str) -> String {
    format!("{name} {reason}.")
}

/// The message for an article whose text is already in the library.
pub fn duplicate(name: &str, title: &str) -> String {
    message(name, &Rejection::Duplicate { title: title.to_string() }.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADDED: &str = "2026-11-21T09:00:00Z";

    fn file(name: &str, bytes: &[u8]) -> Vec<Outcome> {
        run(Job::File { name: name.into(), added: ADDED.into() }, bytes)
    }

    #[test]
    fn a_text_file_becomes_an_annotated_article_that_survives_the_trip() {
        let text = "Taliban retake Musa Qala\n\nBy Jane Doe\n\nTaliban fighters entered Musa Qala on 2 February 2007, said Mohammad Daud, the governor of Helmand.";
        let out = file("musa-qala.txt", text.as_bytes());
        let Outcome::Ready(r) = &out[0] else { panic!("{out:?}") };
        assert_eq!(r.stored.title, "Taliban retake Musa Qala");
        let back = decode(&encode(&out)).unwrap();
        assert_eq!(back, out, "the page reads exactly what the worker made");
        let a = match back.into_iter().next() {
            Some(Outcome::Ready(r)) => r.into_article(),
            other => panic!("{other:?}"),
        };
        assert_eq!(a.outlet_label(), "Imported");
        assert_eq!(a.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.annotation.districts(), vec!["Musa Qala"]);
        assert!(a.is_imported());
    }

    #[test]
    fn an_export_brings_back_each_good_article_and_names_each_bad_one() {
        let one = StoredArticle::new(crate::import::plain_text("Garmsir\n\nFighting in Garmsir.", "g.txt"), "g.txt", ADDED);
        let mut json: serde_json::Value = serde_json::from_str(&crate::stored::export_json(&[one.clone()], ADDED)).unwrap();
        json["articles"].as_array_mut().unwrap().push(serde_json::json!({"broken": true}));
        let out = file("backup.json", json.to_string().as_bytes());
        assert!(matches!(&out[0], Outcome::Ready(r) if r.stored == one));
        assert!(matches!(&out[1], Outcome::Refused { name, reason } if name == "backup.json" && reason.starts_with("article 2")));
    }

    #[test]
    fn refusals_name_the_file() {
        let out = file("photo.txt", b"\x89PNG\r\n\x1a\n");
        assert_eq!(out, vec![Outcome::refused("photo.txt", "is not text: it looks like a PNG image")]);
        let Outcome::Refused { name, reason } = &out[0] else { unreachable!() };
        assert_eq!(message(name, reason), "photo.txt is not text: it looks like a PNG image.");
        assert!(matches!(&run(Job::Paste { title: String::new(), outlet: String::new(), text: " ".into(), added: ADDED.into() }, &[])[0], Outcome::Refused { .. }));
    }
}
