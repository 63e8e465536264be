//! Jobs for the import worker and its answers, in the prepared form: the page and the
//! worker pass them as text (the page carries no JSON parser). The worker's side of the
//! work is `import/run.rs`.

use crate::model::job::{Job, Outcome, Ready};
use crate::prepared::article::{read_article, read_stored, write_article, write_stored};
use crate::prepared::format::{Reader, Writer};
use crate::prepared::highlights::{decode_highlights, encode_highlights};

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
            Outcome::Highlights { from, highlights, unreadable, toggles } => {
                w.raw("H");
                w.str(from);
                w.num(*unreadable);
                w.opt(toggles.as_deref());
                w.str(&encode_highlights(highlights));
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
        } else if r.expect("H").is_ok() {
            let (from, unreadable, toggles) = (r.string()?, r.num()?, r.opt()?);
            let highlights = Box::new(decode_highlights(r.str()?)?);
            out.push(Outcome::Highlights { from, highlights, unreadable, toggles });
        } else {
            r.expect("X")?;
            out.push(Outcome::Refused { name: r.string()?, reason: r.string()? });
        }
    }
    Ok(out)
}
