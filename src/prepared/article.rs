//! Articles already cleaned and annotated, in a compact text form: the bundled corpus is
//! prepared at build time (`src/bin/prepare.rs` writes it in chunks beside index.html),
//! imports in the import worker, and saved imports are kept in this form in the browser.
//! So the page itself never cleans or annotates: its WebAssembly carries neither the
//! engine nor the gazetteer, nor a JSON parser.
//!
//! The form: a string is its byte length, `:`, then its bytes; a number is its digits
//! then `;`; an absent value is `-`. No escaping, so any text survives, and reading is
//! one pass. What is read is checked (every mention inside its text, in order, on char
//! boundaries), so a corrupt record gives a message, never a broken page.

use crate::model::article::{Article, UNKNOWN};
use crate::model::cleaned::{Block, Cleaned};
use crate::model::districts::HELMAND_DISTRICTS;
use crate::model::entity::{Annotation, Entity, EntityType, Mention};
use crate::model::record::StoredArticle;
use crate::model::words::Words;
use crate::prepared::claims::{read_claims, write_claims};
use crate::prepared::format::{Reader, Writer};

/// Starts every prepared article; a newer app writes a higher number.
pub const ARTICLE_MAGIC: &str = "HRA2";
/// Articles prepared before claims were found (read again by the worker, from their record).
pub const ARTICLE_MAGIC_1: &str = "HRA1";
/// Why a record from a newer app is not read (not damage: the app is out of date).
pub const NEWER: &str = "it was saved by a newer version of Helmand Reader";
/// Starts a chunk of the bundled corpus.
pub const CHUNK_MAGIC: &str = "HRC1";

pub fn write_stored(w: &mut Writer, r: &StoredArticle) {
    w.num(r.v as usize);
    w.str(&r.id);
    w.str(&r.title);
    w.opt(r.headline.as_deref());
    w.opt(r.outlet.as_deref());
    w.opt(r.author.as_deref());
    w.opt(r.date.as_deref());
    w.str(&r.origin);
    w.opt(r.site.as_deref());
    w.str(&r.added);
    w.str(&r.text);
    if r.v >= 2 {
        // from version 2 on
        w.opt(r.url.as_deref());
        w.opt(r.guessed.as_deref());
    }
}

pub fn read_stored(r: &mut Reader) -> Result<StoredArticle, String> {
    let v = r.num()? as u32;
    let mut rec = StoredArticle {
        v,
        id: r.string()?,
        title: r.string()?,
        headline: r.opt()?,
        outlet: r.opt()?,
        author: r.opt()?,
        date: r.opt()?,
        origin: r.string()?,
        site: r.opt()?,
        added: r.string()?,
        text: r.string()?,
        url: None,
        guessed: None,
    };
    if v >= 2 {
        rec.url = r.opt()?;
        rec.guessed = r.opt()?;
    }
    Ok(rec)
}

const BLOCKS: [&str; 5] = ["s", "h", "p", "c", "n"];
const TYPES: [EntityType; 4] = EntityType::ALL;

pub fn write_article(w: &mut Writer, a: &Article) {
    write_article_with(w, a, true);
}

/// The same; without its words when `words` is false (the reader works them out again:
/// cheap for the few articles of a first chunk, which then loads sooner).
fn write_article_with(w: &mut Writer, a: &Article, words: bool) {
    w.raw(ARTICLE_MAGIC);
    w.str(&a.id);
    w.str(&a.title);
    for f in [&a.outlet, &a.author, &a.date, &a.provenance, &a.evidence] {
        w.opt(f.as_deref());
    }
    // fingerprints as hex text: u64 does not fit the number form's digits on 32-bit
    w.str(&format!("{:016x}{:016x}", a.keys[0], a.keys[1]));
    match &a.stored {
        Some(s) => {
            w.raw("+");
            write_stored(w, s);
        }
        None => w.raw("-"),
    }
    let b = &a.body;
    w.str(&b.title);
    w.opt(b.byline.as_deref());
    w.opt(b.dateline.as_deref());
    w.opt(b.copyright.as_deref());
    w.num(b.blocks.len());
    for block in &b.blocks {
        let kind = match block {
            Block::Standfirst(_) => 0,
            Block::Heading(_) => 1,
            Block::Paragraph(_) => 2,
            Block::Caption(_) => 3,
            Block::Note(_) => 4,
        };
        w.raw(BLOCKS[kind]);
        w.str(block.text());
    }
    let an = &a.annotation;
    w.num(an.entities.len());
    for e in &an.entities {
        w.num(TYPES.iter().position(|&t| t == e.ty).unwrap_or(0));
        w.str(&e.id);
        w.str(&e.name);
        w.opt(e.district);
        w.num(e.names_district as usize);
    }
    w.num(an.mentions.len());
    for m in &an.mentions {
        w.num(m.segment);
        w.num(m.start);
        w.num(m.end - m.start);
        w.num(m.entity);
    }
    w.opt(words.then(|| a.words.text()));
    write_claims(w, &a.claims);
}

pub fn read_article(r: &mut Reader) -> Result<Article, String> {
    if r.rest().starts_with("HRA") && !r.rest().starts_with(ARTICLE_MAGIC) && !r.rest().starts_with(ARTICLE_MAGIC_1) {
        return Err(NEWER.into());
    }
    r.expect(ARTICLE_MAGIC)?;
    let id = r.string()?;
    let title = r.string()?;
    let (outlet, author, date, provenance, evidence) = (r.opt()?, r.opt()?, r.opt()?, r.opt()?, r.opt()?);
    let keys = r.str()?;
    let key = |range: std::ops::Range<usize>| keys.get(range).and_then(|k| u64::from_str_radix(k, 16).ok());
    let keys = match (keys.len(), key(0..16), key(16..32)) {
        (32, Some(a), Some(b)) => [a, b],
        _ => return Err("its fingerprints are damaged".into()),
    };
    let stored = if r.expect("+").is_ok() {
        let rec = read_stored(r)?;
        if rec.id != id {
            return Err("its record is filed under another id".into());
        }
        Some(rec.check()?)
    } else {
        r.expect("-")?;
        None
    };
    let mut body =
        Cleaned { title: r.string()?, byline: r.opt()?, dateline: r.opt()?, copyright: r.opt()?, blocks: Vec::new() };
    let blocks = r.count(3)?;
    body.blocks.reserve(blocks);
    for _ in 0..blocks {
        let kind = BLOCKS.iter().position(|k| r.expect(k).is_ok()).ok_or_else(|| r.cut())?;
        let text = r.string()?;
        body.blocks.push(match kind {
            0 => Block::Standfirst(text),
            1 => Block::Heading(text),
            2 => Block::Paragraph(text),
            3 => Block::Caption(text),
            _ => Block::Note(text),
        });
    }
    let mut annotation = Annotation::default();
    let n = r.count(8)?;
    annotation.entities.reserve(n);
    for _ in 0..n {
        let ty = *TYPES.get(r.num()?).ok_or_else(|| r.cut())?;
        let (id, name) = (r.string()?, r.string()?);
        let district = match r.opt()? {
            None => None,
            Some(d) => Some(
                *HELMAND_DISTRICTS
                    .iter()
                    .find(|&&k| k == d)
                    .ok_or_else(|| format!("it names an unknown district “{d}”"))?,
            ),
        };
        let names_district = r.num()? == 1;
        annotation.entities.push(Entity { id, ty, name, district, names_district });
    }
    let n = r.count(8)?;
    annotation.mentions.reserve(n);
    for _ in 0..n {
        let (segment, start, len, entity) = (r.num()?, r.num()?, r.num()?, r.num()?);
        let end = start.checked_add(len).ok_or_else(|| r.cut())?;
        annotation.mentions.push(Mention { segment, start, end, entity });
    }
    let words = match r.opt()? {
        Some(text) => Words::from_text(text),
        None => Words::of(&title, outlet.as_deref().unwrap_or(UNKNOWN), author.as_deref().unwrap_or(UNKNOWN), &body),
    };
    let claims = read_claims(r, &crate::model::segments::segment_texts(&body))?;
    let a = Article {
        id,
        title,
        outlet,
        author,
        date,
        provenance,
        evidence,
        body,
        annotation,
        claims,
        keys,
        stored,
        words,
    };
    check_mentions(&a)?;
    Ok(a)
}

/// Every mention lies inside its segment's text, on char boundaries, after the one before,
/// and names an entity of the article: what the reader view relies on to slice the text.
fn check_mentions(a: &Article) -> Result<(), String> {
    let segments = crate::model::segments::segment_texts(&a.body);
    let mut last = (0, 0);
    for m in &a.annotation.mentions {
        let text = segments.get(m.segment).ok_or("a highlight points past the text")?;
        let inside =
            m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.end <= text.len();
        if !inside || (m.segment, m.start) < last || m.entity >= a.annotation.entities.len() {
            return Err("its highlights do not fit its text".into());
        }
        last = (m.segment, m.end);
    }
    Ok(())
}

/// The record of an import from a prepared article whose rest is damaged (the record comes
/// first): the text the user gave survives, to be prepared again.
pub fn salvage_record(s: &str) -> Option<StoredArticle> {
    let mut r = Reader::new(s);
    r.expect(ARTICLE_MAGIC).or_else(|_| r.expect(ARTICLE_MAGIC_1)).ok()?;
    let id = r.string().ok()?;
    for _ in 0..6 {
        r.opt().ok()?; // title (never absent), outlet, author, date, provenance, evidence
    }
    r.str().ok()?; // fingerprints
    r.expect("+").ok()?;
    read_stored(&mut r).ok().filter(|rec| rec.id == id)?.check().ok()
}

pub fn encode_article(a: &Article) -> String {
    let mut w = Writer::new();
    write_article(&mut w, a);
    w.finish()
}

pub fn decode_article(s: &str) -> Result<Article, String> {
    let mut r = Reader::new(s);
    let a = read_article(&mut r)?;
    if !r.at_end() {
        return Err(r.cut());
    }
    Ok(a)
}

/// A chunk of the bundled corpus: its articles, one after another.
/// A chunk of the bundled corpus; `words`: with each article's words for search (a first
/// chunk goes without: it is small, and the page works them out at once).
pub fn encode_chunk<'a>(articles: impl ExactSizeIterator<Item = &'a Article>, words: bool) -> String {
    let mut w = Writer::new();
    w.raw(CHUNK_MAGIC);
    w.num(articles.len());
    for a in articles {
        write_article_with(&mut w, a, words);
    }
    w.finish()
}

pub fn decode_chunk(s: &str) -> Result<Vec<Article>, String> {
    let mut r = Reader::new(s);
    r.expect(CHUNK_MAGIC)?;
    let n = r.count(4)?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        out.push(read_article(&mut r).map_err(|e| format!("article {} of the chunk: {e}", i + 1))?);
    }
    if !r.at_end() {
        return Err(r.cut());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_articles_survive_the_trip_exactly() {
        let lib = crate::engine::corpus::bundled();
        let with = encode_chunk(lib.articles.iter().map(|a| a.as_ref()), true);
        let without = encode_chunk(lib.articles.iter().map(|a| a.as_ref()), false);
        assert!(without.len() * 10 < with.len() * 8, "without words: {} of {} bytes", without.len(), with.len());
        for chunk in [with, without] {
            let back = decode_chunk(&chunk).unwrap();
            assert_eq!(back.len(), lib.articles.len());
            for (a, b) in lib.articles.iter().zip(&back) {
                assert_eq!(**a, *b, "{}: the words worked out again are the worker's", a.id);
            }
            assert!(back.iter().any(|a| a.annotation.entities.iter().any(|e| e.district == Some("Musa Qala"))));
        }
    }

    #[test]
    fn an_import_keeps_its_record() {
        let rec = crate::model::record::StoredArticle::new(
            crate::import::plain_text::plain_text(
                "Garmsir: a report\n\nFighting in Garmsir; 3:4 - odd; text.",
                "g.txt",
            ),
            "g.txt",
            "2026-11-21T09:00:00Z",
        );
        let a = crate::engine::article::from_record(rec.clone());
        assert_eq!(decode_article(&encode_article(&a)).unwrap(), a);
        // version 2 keeps the address and what was guessed; version 1 records still read
        let v2 = crate::model::record::StoredArticle {
            url: Some("https://tolonews.com/afghanistan-1".into()),
            guessed: Some("outlet from the address".into()),
            ..rec.clone()
        };
        let a = crate::engine::article::from_record(v2);
        assert_eq!(decode_article(&encode_article(&a)).unwrap(), a);
        assert!(a.provenance.as_deref().is_some_and(|p| p.ends_with("; outlet from the address")));
        let v1 = crate::model::record::StoredArticle { v: 1, url: None, guessed: None, ..rec };
        let a = crate::engine::article::from_record(v1);
        assert_eq!(decode_article(&encode_article(&a)).unwrap(), a);
    }

    #[test]
    fn damage_is_a_message_never_a_panic() {
        let lib = crate::engine::corpus::bundled();
        let good = encode_article(&lib.articles[0]);
        assert!(decode_article(&good).is_ok());
        // every truncation, and a sweep of single-byte changes
        for cut in (0..good.len()).step_by(97).filter(|&c| good.is_char_boundary(c)) {
            assert!(decode_article(&good[..cut]).is_err(), "cut at {cut}");
        }
        let bytes = good.as_bytes();
        for at in (0..bytes.len()).step_by(61) {
            for b in [b'0', b'9', b';', b':', b'-', b'x'] {
                let mut m = bytes.to_vec();
                m[at] = b;
                if let Ok(s) = String::from_utf8(m) {
                    let _ = decode_article(&s); // may read as another valid article; must not panic
                }
            }
        }
        assert_eq!(decode_article("HRA9rest").unwrap_err(), NEWER);
        assert!(decode_chunk("HRC1999999999;").is_err(), "a count the data cannot hold");
    }

    #[test]
    fn an_import_whose_record_names_another_id_is_refused() {
        let rec = crate::model::record::StoredArticle::new(
            crate::import::plain_text::plain_text("T\n\nFighting in Sangin.", "t.txt"),
            "t.txt",
            "2026-11-21T09:00:00Z",
        );
        let mut a = crate::engine::article::from_record(rec);
        a.id = "imported-other".into();
        assert_eq!(decode_article(&encode_article(&a)).unwrap_err(), "its record is filed under another id");
    }

    #[test]
    fn a_damaged_import_gives_its_record_back() {
        let rec = crate::model::record::StoredArticle::new(
            crate::import::plain_text::plain_text("T\n\nFighting in Sangin.", "t.txt"),
            "t.txt",
            "2026-11-21T09:00:00Z",
        );
        let good = encode_article(&crate::engine::article::from_record(rec.clone()));
        let cut = &good[..good.len() - 20];
        assert!(decode_article(cut).is_err());
        assert_eq!(salvage_record(cut), Some(rec));
        assert_eq!(salvage_record(&good[..40]), None, "the record itself cut short");
        assert_eq!(
            salvage_record(&encode_article(&crate::engine::corpus::bundled().articles[0])),
            None,
            "a bundled article has no record"
        );
    }

    #[test]
    fn highlights_outside_the_text_are_refused() {
        let mut a = crate::engine::corpus::bundled().articles[0].as_ref().clone();
        let m = a.annotation.mentions[0];
        a.annotation.mentions[0].end = m.start + 100_000;
        assert_eq!(decode_article(&encode_article(&a)).unwrap_err(), "its highlights do not fit its text");
        a.annotation.mentions[0] = m;
        a.annotation.mentions.swap(0, 1);
        assert!(decode_article(&encode_article(&a)).is_err(), "out of order");
    }
}
