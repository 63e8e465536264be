//! The reader's highlights as the browser keeps them (in the prepared form: the page reads
//! no JSON). Whatever is read is checked; a damaged text is an error the page reports, and
//! the page keeps that text aside rather than write over it.

use crate::model::anchor::Selector;
use crate::model::highlight::{Highlight, Highlights};
use crate::prepared::format::{Reader, Writer};

/// Starts the saved highlights; a newer app writes a higher number.
pub const HIGHLIGHTS_MAGIC: &str = "HRH1";

pub fn encode_highlights(hs: &Highlights) -> String {
    let mut w = Writer::new();
    w.raw(HIGHLIGHTS_MAGIC);
    w.num(hs.next as usize);
    w.num(hs.items.len());
    for h in &hs.items {
        for s in [&h.id, &h.article, &h.selector.exact, &h.selector.prefix, &h.selector.suffix] {
            w.str(s);
        }
        w.num(h.selector.start);
        w.num(h.selector.end);
        w.str(&h.note);
        w.num(h.tags.len());
        for t in &h.tags {
            w.str(t);
        }
        w.str(&h.created);
        w.str(&h.updated);
    }
    w.finish()
}

pub fn decode_highlights(s: &str) -> Result<Highlights, String> {
    let mut r = Reader::new(s);
    if r.rest().starts_with("HRH") && !r.rest().starts_with(HIGHLIGHTS_MAGIC) {
        return Err("they were saved by a newer version of Helmand Reader".into());
    }
    r.expect(HIGHLIGHTS_MAGIC).map_err(|_| "they are not highlights Helmand Reader wrote".to_string())?;
    let next = r.num()? as u64;
    let n = r.count(12)?;
    let mut items = Vec::with_capacity(n);
    for _ in 0..n {
        let (id, article, exact, prefix, suffix) = (r.string()?, r.string()?, r.string()?, r.string()?, r.string()?);
        let (start, end) = (r.num()?, r.num()?);
        let note = r.string()?;
        let tags = (0..r.count(2)?).map(|_| r.string()).collect::<Result<Vec<_>, _>>()?;
        let (created, updated) = (r.string()?, r.string()?);
        if exact.trim().is_empty() || !id.starts_with("h-") {
            return Err(format!("highlight “{id}” is damaged"));
        }
        items.push(Highlight {
            id,
            article,
            selector: Selector { exact, prefix, suffix, start, end },
            note,
            tags,
            created,
            updated,
        });
    }
    if !r.at_end() {
        return Err(r.cut());
    }
    // an id past `next` would be handed out twice
    let top = items.iter().filter_map(|h| h.id[2..].parse::<u64>().ok()).max().unwrap_or(0);
    Ok(Highlights { items, next: next.max(top + 1) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::anchor::describe;
    use crate::model::highlight::parse_tags;

    fn sample() -> Highlights {
        let text = "Marines entered “Marjah” on Saturday. The Taliban said: <b>no</b> 🙂 12:3; -";
        let mut hs = Highlights::default();
        let a = hs.add("001_x", describe(text, 0, 15).unwrap(), "2026-12-04T10:00:00Z");
        hs.add("imported-0a1b", describe(text, 38, text.len()).unwrap(), "2026-12-04T10:01:00Z");
        hs.annotate(&a, "A note with <script>alert(1)</script>\nand 3:4 - lines", parse_tags("claims, Marjah; x"), "t");
        hs
    }

    #[test]
    fn highlights_survive_the_trip_exactly() {
        let hs = sample();
        assert_eq!(decode_highlights(&encode_highlights(&hs)).unwrap(), hs);
        assert_eq!(decode_highlights(&encode_highlights(&Highlights::default())).unwrap(), Highlights::default());
    }

    #[test]
    fn damage_is_a_message_never_a_panic() {
        let good = encode_highlights(&sample());
        for cut in 0..good.len() {
            if good.is_char_boundary(cut) {
                assert!(decode_highlights(&good[..cut]).is_err(), "cut at {cut}");
            }
        }
        assert!(decode_highlights("{\"json\": true}").unwrap_err().contains("not highlights"));
        assert!(decode_highlights(&good.replacen("HRH1", "HRH7", 1)).unwrap_err().contains("newer version"));
        assert!(decode_highlights(&format!("{good}trailing")).is_err());
    }

    #[test]
    fn ids_are_never_handed_out_twice() {
        let mut hs = sample();
        hs.next = 1; // as a damaged or hand-edited file might say
        let back = decode_highlights(&encode_highlights(&hs)).unwrap();
        assert!(back.next > 2);
    }
}
