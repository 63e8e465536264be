//! The import worker's work, apart from the browser: a job (a file's bytes, a pasted text,
//! or saved records to read again) becomes outcomes, each an article cleaned and
//! annotated, or a refusal that says why. The page and the worker pass both in the
//! compact form of `prepared.rs` (the page carries no JSON parser). Parsing a 5 MB page
//! and finding its entities takes a second, so it happens here, off the page's thread.

use crate::import::{pasted, read_file, Read, Rejection};
use crate::library::Article;
use crate::prepared::{read_article, read_stored, write_article, write_stored, Reader, Writer};
use crate::stored::{decode_record, StoredArticle};

#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// A file; its bytes travel beside the job.
    File { name: String, added: String },
    /// A pasted text, with what the user typed beside it (each may be empty).
    Paste { title: String, outlet: String, text: String, added: String, url: String },
    /// A record to clean and annotate again (after an edit).
    Stored(StoredArticle),
    /// Saved records in the older JSON form, by key: read, checked and prepared again
    /// (the page then saves them in the prepared form).
    Restore(Vec<(String, String)>),
}

/// An article made ready by the worker.
#[derive(Debug, Clone, PartialEq)]
pub struct Ready {
    /// What the user gave for it in this import: the file (an export's file for each of its
    /// articles), or "Pasted text"; named in the report.
    pub from: String,
    pub article: Article,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Ready(Box<Ready>),
    /// `name` is the file (or "pasted text", or the saved record's key).
    Refused { name: String, reason: String },
}

impl Outcome {
    fn refused(name: &str, why: impl ToString) -> Self {
        Outcome::Refused { name: name.to_string(), reason: why.to_string() }
    }
}

fn ready(from: &str, rec: StoredArticle) -> Outcome {
    Outcome::Ready(Box::new(Ready { from: from.to_string(), article: Article::from_stored(rec) }))
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
        Job::Paste { title, outlet, text, added, url } => {
            let url = match crate::address::checked(&url) {
                Ok(url) => url,
                Err(why) => return vec![Outcome::refused(PASTED, why)],
            };
            match pasted(&title, &text) {
                Ok(draft) => {
                    let mut rec = StoredArticle::new(draft, "pasted text", &added);
                    // the outlet the user named, else the one the page names, else the address's
                    let named = Some(outlet.trim().to_string()).filter(|o| !o.is_empty() && o != crate::stored::IMPORTED);
                    let mut guessed = Vec::new();
                    if named.is_none() && rec.outlet.is_none() {
                        rec.outlet = url.as_deref().or(rec.url.as_deref()).and_then(crate::address::outlet).map(str::to_string);
                        guessed.extend(rec.outlet.as_ref().map(|_| "outlet from the address"));
                    } else if named.is_some() {
                        rec.outlet = named;
                    }
                    if rec.date.is_none() {
                        rec.date = url.as_deref().or(rec.url.as_deref()).and_then(crate::address::date);
                        guessed.extend(rec.date.as_ref().map(|_| "date from the address"));
                    }
                    rec.guessed = (!guessed.is_empty()).then(|| guessed.join(", "));
                    // the address typed in the dialog, else the one the page's text gives
                    rec.url = url.or(rec.url);
                    vec![ready(PASTED, rec)]
                }
                Err(why) => vec![Outcome::refused(PASTED, why)],
            }
        }
        Job::Stored(rec) => vec![match rec.check() {
            Ok(rec) => ready(&format!("“{}”", rec.title), rec),
            Err(why) => Outcome::refused("A saved article", format!("could not be read: {why}")),
        }],
        Job::Restore(recs) => recs
            .into_iter()
            .map(|(key, raw)| match decode_record(&raw) {
                Ok(rec) if rec.id == key => ready(&key, rec),
                Ok(_) => Outcome::refused(&key, "it is filed under another article's id"),
                Err(why) => Outcome::refused(&key, why),
            })
            .collect(),
    }
}

pub fn encode_job(job: &Job) -> String {
    let mut w = Writer::new();
    match job {
        Job::File { name, added } => {
            w.raw("F");
            w.str(name);
            w.str(added);
        }
        Job::Paste { title, outlet, text, added, url } => {
            w.raw("P");
            for s in [title, outlet, text, added, url] {
                w.str(s);
            }
        }
        Job::Stored(rec) => {
            w.raw("S");
            write_stored(&mut w, rec);
        }
        Job::Restore(recs) => {
            w.raw("R");
            w.num(recs.len());
            for (key, raw) in recs {
                w.str(key);
                w.str(raw);
            }
        }
    }
    w.finish()
}

pub fn decode_job(s: &str) -> Result<Job, String> {
    let mut r = Reader::new(s);
    let job = if r.expect("F").is_ok() {
        Job::File { name: r.string()?, added: r.string()? }
    } else if r.expect("P").is_ok() {
        Job::Paste { title: r.string()?, outlet: r.string()?, text: r.string()?, added: r.string()?, url: r.string()? }
    } else if r.expect("S").is_ok() {
        Job::Stored(read_stored(&mut r)?)
    } else {
        r.expect("R")?;
        let n = r.num()?;
        let mut recs = Vec::new();
        for _ in 0..n {
            recs.push((r.string()?, r.string()?));
        }
        Job::Restore(recs)
    };
    Ok(job)
}

/// The worker's answer for one job, as the page reads it.
pub fn encode(outcomes: &[Outcome]) -> String {
    let mut w = Writer::new();
    w.num(outcomes.len());
    for o in outcomes {
        match o {
            Outcome::Ready(r) => {
                w.raw("R");
                w.str(&r.from);
                write_article(&mut w, &r.article);
            }
            Outcome::Refused { name, reason } => {
                w.raw("X");
                w.str(name);
                w.str(reason);
            }
        }
    }
    w.finish()
}

pub fn decode(s: &str) -> Result<Vec<Outcome>, String> {
    let mut r = Reader::new(s);
    let n = r.num()?;
    let mut out = Vec::new();
    for _ in 0..n {
        if r.expect("R").is_ok() {
            out.push(Outcome::Ready(Box::new(Ready { from: r.string()?, article: read_article(&mut r)? })));
        } else {
            r.expect("X")?;
            out.push(Outcome::Refused { name: r.string()?, reason: r.string()? });
        }
    }
    Ok(out)
}

/// The name the report gives a pasted text.
pub const PASTED: &str = "Pasted text";

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
        assert_eq!(r.article.title, "Taliban retake Musa Qala");
        let back = decode(&encode(&out)).unwrap();
        assert_eq!(back, out, "the page reads exactly what the worker made");
        let a = match back.into_iter().next() {
            Some(Outcome::Ready(r)) => r.article,
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
        assert!(matches!(&out[0], Outcome::Ready(r) if r.article.stored.as_ref() == Some(&one)));
        assert!(matches!(&out[1], Outcome::Refused { name, reason } if name == "backup.json" && reason.starts_with("article 2")));
    }

    #[test]
    fn jobs_survive_the_trip() {
        let rec = StoredArticle::new(crate::import::plain_text("T\n\nText: 12; odd -", "t.txt"), "t.txt", ADDED);
        for job in [
            Job::File { name: "a:b;c.txt".into(), added: ADDED.into() },
            Job::Paste { title: "Tït-le".into(), outlet: String::new(), text: "x\n;-:".into(), added: ADDED.into(), url: "https://www.bbc.co.uk/news/x".into() },
            Job::Stored(rec.clone()),
            Job::Restore(vec![("k1".into(), "{}".into()), ("k2".into(), crate::stored::encode_record(&rec))]),
        ] {
            assert_eq!(decode_job(&encode_job(&job)).unwrap(), job);
        }
        assert!(decode_job("Q").is_err() && decode_job("F3:ab").is_err());
    }

    #[test]
    fn older_saved_records_are_read_again_by_key() {
        let rec = StoredArticle::new(crate::import::plain_text("T\n\nFighting in Sangin.", "t.txt"), "t.txt", ADDED);
        let json = crate::stored::encode_record(&rec);
        let out = run(Job::Restore(vec![(rec.id.clone(), json.clone()), ("other".into(), json), ("bad".into(), "{".into())]), &[]);
        assert!(matches!(&out[0], Outcome::Ready(r) if r.article.id == rec.id));
        assert_eq!(out[1], Outcome::refused("other", "it is filed under another article's id"));
        assert!(matches!(&out[2], Outcome::Refused { name, reason } if name == "bad" && reason.starts_with("it is not a readable record")));
    }

    #[test]
    fn refusals_name_the_file() {
        let out = file("photo.txt", b"\x89PNG\r\n\x1a\n");
        assert_eq!(out, vec![Outcome::refused("photo.txt", "is not text: it looks like a PNG image")]);
        let Outcome::Refused { name, reason } = &out[0] else { unreachable!() };
        assert_eq!(message(name, reason), "photo.txt is not text: it looks like a PNG image.");
        assert!(matches!(&run(Job::Paste { title: String::new(), outlet: String::new(), text: " ".into(), added: ADDED.into(), url: String::new() }, &[])[0], Outcome::Refused { .. }));
    }
}
