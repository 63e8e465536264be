//! The import worker's work, apart from the browser: a job (a file's bytes, a pasted text,
//! or saved records to read again) becomes outcomes, each an article cleaned and
//! annotated, or a refusal that says why. Parsing a 5 MB page and finding its entities
//! takes a second, so it happens in the worker, off the page's thread.

use crate::engine::article::from_record;
use crate::import::export::decode_record;
use crate::import::file::{read_file, Read};
use crate::import::plain_text::pasted;
use crate::model::job::{Job, Outcome, Ready, PASTED};
use crate::model::record::StoredArticle;

/// The record inside an article an earlier version prepared and saved (`HRA…`), to be
/// prepared again (its claims were not found then).
fn prepared_record(raw: &str) -> Option<StoredArticle> {
    raw.starts_with("HRA").then(|| crate::prepared::article::salvage_record(raw)).flatten()
}

fn refused(name: &str, why: impl ToString) -> Outcome {
    Outcome::Refused { name: name.to_string(), reason: why.to_string() }
}

fn ready(from: &str, rec: StoredArticle) -> Outcome {
    Outcome::Ready(Box::new(Ready { from: from.to_string(), article: from_record(rec) }))
}

pub fn run(job: Job, bytes: &[u8]) -> Vec<Outcome> {
    match job {
        Job::File { name, added } => match read_file(&name, bytes) {
            Ok(Read::One(draft)) => vec![ready(&name, StoredArticle::new(draft, &name, &added))],
            Ok(Read::Export(file)) => {
                if file.records.is_empty() && file.highlights.items.is_empty() {
                    return vec![refused(&name, "is an export with no articles in it")];
                }
                let mut out: Vec<Outcome> = file
                    .records
                    .into_iter()
                    .map(|r| r.map_or_else(|why| refused(&name, why), |rec| ready(&name, rec)))
                    .collect();
                if file.everything {
                    out.push(Outcome::Highlights {
                        from: name.clone(),
                        highlights: Box::new(file.highlights),
                        unreadable: file.bad_highlights,
                        toggles: file.toggles,
                    });
                }
                out
            }
            Err(why) => vec![refused(&name, why)],
        },
        Job::Paste { title, outlet, text, added, url } => {
            let url = match crate::text::address::checked(&url) {
                Ok(url) => url,
                Err(why) => return vec![refused(PASTED, why)],
            };
            match pasted(&title, &text) {
                Ok(draft) => {
                    let mut rec = StoredArticle::new(draft, "pasted text", &added);
                    // the outlet the user named, else the one the page names, else the address's
                    let named = Some(outlet.trim().to_string())
                        .filter(|o| !o.is_empty() && o != crate::model::record::IMPORTED);
                    let mut guessed = Vec::new();
                    if named.is_none() && rec.outlet.is_none() {
                        rec.outlet = url
                            .as_deref()
                            .or(rec.url.as_deref())
                            .and_then(crate::import::outlets::outlet)
                            .map(str::to_string);
                        guessed.extend(rec.outlet.as_ref().map(|_| "outlet from the address"));
                    } else if named.is_some() {
                        rec.outlet = named;
                    }
                    if rec.date.is_none() {
                        rec.date = url.as_deref().or(rec.url.as_deref()).and_then(crate::text::address::date);
                        guessed.extend(rec.date.as_ref().map(|_| "date from the address"));
                    }
                    rec.guessed = (!guessed.is_empty()).then(|| guessed.join(", "));
                    // the address typed in the dialog, else the one the page's text gives
                    rec.url = url.or(rec.url);
                    vec![ready(PASTED, rec)]
                }
                Err(why) => vec![refused(PASTED, why)],
            }
        }
        Job::Stored(rec) => vec![match rec.check() {
            Ok(rec) => ready(&format!("“{}”", rec.title), rec),
            Err(why) => refused("A saved article", format!("could not be read: {why}")),
        }],
        Job::Restore(recs) => recs
            .into_iter()
            .map(|(key, raw)| match prepared_record(&raw).map_or_else(|| decode_record(&raw), Ok) {
                Ok(rec) if rec.id == key => ready(&key, rec),
                Ok(_) => refused(&key, "it is filed under another article's id"),
                Err(why) => refused(&key, why),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::job::message;
    use crate::prepared::job::{decode, decode_job, encode, encode_job};

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
        let one = StoredArticle::new(
            crate::import::plain_text::plain_text("Garmsir\n\nFighting in Garmsir.", "g.txt"),
            "g.txt",
            ADDED,
        );
        let mut json: serde_json::Value =
            serde_json::from_str(&crate::model::export::export_json(&[one.clone()], ADDED)).unwrap();
        json["articles"].as_array_mut().unwrap().push(serde_json::json!({"broken": true}));
        let out = file("backup.json", json.to_string().as_bytes());
        assert!(matches!(&out[0], Outcome::Ready(r) if r.article.stored.as_ref() == Some(&one)));
        assert!(
            matches!(&out[1], Outcome::Refused { name, reason } if name == "backup.json" && reason.starts_with("article 2"))
        );
    }

    #[test]
    fn jobs_survive_the_trip() {
        let rec =
            StoredArticle::new(crate::import::plain_text::plain_text("T\n\nText: 12; odd -", "t.txt"), "t.txt", ADDED);
        for job in [
            Job::File { name: "a:b;c.txt".into(), added: ADDED.into() },
            Job::Paste {
                title: "Tït-le".into(),
                outlet: String::new(),
                text: "x\n;-:".into(),
                added: ADDED.into(),
                url: "https://www.bbc.co.uk/news/x".into(),
            },
            Job::Stored(rec.clone()),
            Job::Restore(vec![("k1".into(), "{}".into()), ("k2".into(), crate::import::export::encode_record(&rec))]),
        ] {
            assert_eq!(decode_job(&encode_job(&job)).unwrap(), job);
        }
        assert!(decode_job("Q").is_err() && decode_job("F3:ab").is_err());
    }

    #[test]
    fn older_saved_records_are_read_again_by_key() {
        let rec = StoredArticle::new(
            crate::import::plain_text::plain_text("T\n\nFighting in Sangin.", "t.txt"),
            "t.txt",
            ADDED,
        );
        let json = crate::import::export::encode_record(&rec);
        let out = run(
            Job::Restore(vec![(rec.id.clone(), json.clone()), ("other".into(), json), ("bad".into(), "{".into())]),
            &[],
        );
        assert!(matches!(&out[0], Outcome::Ready(r) if r.article.id == rec.id));
        assert_eq!(out[1], refused("other", "it is filed under another article's id"));
        assert!(
            matches!(&out[2], Outcome::Refused { name, reason } if name == "bad" && reason.starts_with("it is not a readable record"))
        );
    }

    #[test]
    fn refusals_name_the_file() {
        let out = file("photo.txt", b"\x89PNG\r\n\x1a\n");
        assert_eq!(out, vec![refused("photo.txt", "is not text: it looks like a PNG image")]);
        let Outcome::Refused { name, reason } = &out[0] else { unreachable!() };
        assert_eq!(message(name, reason), "photo.txt is not text: it looks like a PNG image.");
        assert!(matches!(
            &run(
                Job::Paste {
                    title: String::new(),
                    outlet: String::new(),
                    text: " ".into(),
                    added: ADDED.into(),
                    url: String::new()
                },
                &[]
            )[0],
            Outcome::Refused { .. }
        ));
    }

    #[test]
    fn an_everything_file_brings_its_highlights_through_the_trip() {
        use crate::model::anchor::describe;
        use crate::model::export::export_everything;
        use crate::model::highlight::Highlights;
        let one = StoredArticle::new(
            crate::import::plain_text::plain_text("Garmsir\n\nFighting in Garmsir.", "g.txt"),
            "g.txt",
            ADDED,
        );
        let mut hs = Highlights::default();
        let id = hs.add(&one.id, describe("Fighting in Garmsir.", 0, 8).unwrap(), ADDED);
        hs.annotate(&id, "note", vec!["tag".into()], ADDED);
        let json = export_everything(&[one.clone()], &hs, None, ADDED);
        let out = run(Job::File { name: "all.json".into(), added: ADDED.into() }, json.as_bytes());
        assert!(matches!(&out[0], Outcome::Ready(r) if r.article.id == one.id));
        assert!(matches!(&out[1], Outcome::Highlights { highlights, unreadable: 0, .. } if **highlights == hs));
        assert_eq!(decode(&encode(&out)).unwrap(), out, "the answer survives the trip to the page");
    }
}
