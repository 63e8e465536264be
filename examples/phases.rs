use helmand_reader::clean::{clean, Hints};
use helmand_reader::document::segments;
use helmand_reader::entities::{annotate, cues, dates, gazetteer, rules, tokens};
use helmand_reader::seeds::SEEDS;
use std::time::Instant;
fn main() {
    let cleaned: Vec<_> = SEEDS.iter().map(|s| clean(s.text, Hints { title: Some(s.title), outlet: s.outlet })).collect();
    let segs: Vec<_> = cleaned.iter().flat_map(|c| segments(c)).collect();
    let n = 500;
    annotate(&segments(&cleaned[0]));
    let toks: Vec<_> = segs.iter().map(|s| tokens::tokenize(s.text)).collect();
    let gz: Vec<_> = segs.iter().map(|s| gazetteer::find(s.text)).collect();
    let t = Instant::now(); let mut k = 0usize; for _ in 0..n { for s in &segs { k += s.text.bytes().filter(|&b| b == b' ').count(); } } println!("count spaces {:?} {k}", t.elapsed()/n);
    let t = Instant::now(); let mut k = 0usize; for _ in 0..n { for s in &segs { k += s.text.chars().filter(|c| c.is_alphanumeric()).count(); } } println!("chars alnum {:?} {k}", t.elapsed()/n);
    println!("tokens {}", toks.iter().map(|t| t.len()).sum::<usize>());
    let t = Instant::now(); for _ in 0..n { for s in &segs { std::hint::black_box(tokens::tokenize(s.text)); } } println!("tokenize {:?}", t.elapsed()/n);
    let t = Instant::now(); for _ in 0..n { for s in &segs { std::hint::black_box(gazetteer::find(s.text)); } } println!("gaz {:?}", t.elapsed()/n);
    let t = Instant::now(); for _ in 0..n { for (s, tk) in segs.iter().zip(&toks) { std::hint::black_box(dates::find(s.text, tk)); } } println!("dates {:?}", t.elapsed()/n);
    let c = cues::cues();
    let t = Instant::now(); for _ in 0..n { for tk in &toks { std::hint::black_box(tk.iter().map(|t| c.of(t.text)).collect::<Vec<u32>>()); } } println!("classes {:?}", t.elapsed()/n);
    let t = Instant::now(); for _ in 0..n { for ((s, tk), g) in segs.iter().zip(&toks).zip(&gz) { std::hint::black_box(rules::candidates(s.text, tk, s.kind, g)); } } println!("rules {:?}", t.elapsed()/n);
    let t = Instant::now(); for _ in 0..n { for c in &cleaned { std::hint::black_box(annotate(&segments(c))); } } println!("all {:?}", t.elapsed()/n);
    let t = Instant::now(); for _ in 0..n { for s in SEEDS { std::hint::black_box(clean(s.text, Hints::default())); } } println!("clean {:?}", t.elapsed()/n);
}
#[allow(dead_code)]
fn calibrate() {}
