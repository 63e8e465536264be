//! An article's claims in the prepared form (after its words): figures, then control
//! events, each with its place in the text (its quote is read from there). What is read is
//! checked: kinds in range, districts Helmand's, places inside the text on char boundaries.

use crate::model::claims::{Claimant, ClaimantKind, Claims, Control, ControlEvent, Figure, Place, Side, What};
use crate::model::districts::HELMAND_DISTRICTS;
use crate::prepared::format::{Reader, Writer};

fn opt_num(w: &mut Writer, n: Option<u32>) {
    match n {
        Some(n) => w.num(n as usize),
        None => w.raw("-"),
    }
}

fn read_opt_num(r: &mut Reader) -> Result<Option<u32>, String> {
    if r.expect("-").is_ok() {
        return Ok(None);
    }
    Ok(Some(r.num()? as u32))
}

fn index<T: PartialEq>(all: &[T], v: &T) -> usize {
    all.iter().position(|x| x == v).unwrap_or(0)
}

fn pick<T: Copy>(all: &[T], r: &mut Reader) -> Result<T, String> {
    let i = r.num()?;
    all.get(i).copied().ok_or_else(|| r.cut())
}

fn write_place(w: &mut Writer, p: &Place) {
    w.num(p.segment);
    w.num(p.start);
    w.num(p.end - p.start);
}

fn write_claimant(w: &mut Writer, c: &Claimant) {
    w.opt(c.name.as_deref());
    w.num(index(ClaimantKind::ALL, &c.kind));
}

pub fn write_claims(w: &mut Writer, c: &Claims) {
    w.num(c.figures.len());
    for f in &c.figures {
        w.num(index(What::ALL, &f.what));
        w.num(index(Side::ALL, &f.side));
        w.num(f.value as usize);
        opt_num(w, f.low);
        opt_num(w, f.high);
        w.num(usize::from(f.approx) | usize::from(f.families) << 1);
        write_claimant(w, &f.claimant);
        w.opt(f.district.as_deref());
        w.opt(f.date.as_deref());
        write_place(w, &f.at);
    }
    w.num(c.events.len());
    for e in &c.events {
        w.str(&e.district);
        w.opt(e.place.as_deref());
        w.num(index(Control::ALL, &e.event));
        w.opt(e.by.as_deref());
        write_claimant(w, &e.claimant);
        w.opt(e.date.as_deref());
        write_place(w, &e.at);
    }
}

/// The claims, their quotes taken from `segments` (the article's texts).
pub fn read_claims(r: &mut Reader, segments: &[&str]) -> Result<Claims, String> {
    let place = |r: &mut Reader| -> Result<(Place, String), String> {
        let (segment, start, len) = (r.num()?, r.num()?, r.num()?);
        let end = start.checked_add(len).ok_or_else(|| r.cut())?;
        let quote = segments.get(segment).and_then(|t| t.get(start..end)).filter(|q| !q.is_empty());
        let quote = quote.ok_or("its claims do not fit its text")?.to_string();
        Ok((Place { segment, start, end }, quote))
    };
    let district = |d: Option<String>| -> Result<Option<String>, String> {
        match d {
            Some(d) if !HELMAND_DISTRICTS.contains(&d.as_str()) => {
                Err(format!("a claim names an unknown district “{d}”"))
            }
            d => Ok(d),
        }
    };
    let mut c = Claims::default();
    let n = r.count(16)?;
    for _ in 0..n {
        let (what, side) = (pick(What::ALL, r)?, pick(Side::ALL, r)?);
        let value = r.num()? as u32;
        let (low, high) = (read_opt_num(r)?, read_opt_num(r)?);
        let flags = r.num()?;
        let claimant = Claimant { name: r.opt()?, kind: pick(ClaimantKind::ALL, r)? };
        let district = district(r.opt()?)?;
        let date = r.opt()?;
        let (at, quote) = place(r)?;
        let (approx, families) = (flags & 1 == 1, flags & 2 == 2);
        c.figures.push(Figure { what, side, value, low, high, approx, families, claimant, district, date, quote, at });
    }
    let n = r.count(16)?;
    for _ in 0..n {
        let district = district(Some(r.string()?))?.unwrap_or_default();
        let place_name = r.opt()?;
        let event = pick(Control::ALL, r)?;
        let by = r.opt()?;
        let claimant = Claimant { name: r.opt()?, kind: pick(ClaimantKind::ALL, r)? };
        let date = r.opt()?;
        let (at, quote) = place(r)?;
        c.events.push(ControlEvent { district, place: place_name, event, by, claimant, date, quote, at });
    }
    Ok(c)
}
