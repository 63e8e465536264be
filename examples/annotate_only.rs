use helmand_reader::clean::{clean, Hints};
use helmand_reader::document::segments;
use helmand_reader::entities::annotate;
use helmand_reader::seeds::SEEDS;
fn main() {
    let cleaned: Vec<_> = SEEDS.iter().map(|s| clean(s.text, Hints { title: Some(s.title), outlet: s.outlet })).collect();
    for _ in 0..40 { for c in &cleaned { std::hint::black_box(annotate(&segments(c))); } }
}
