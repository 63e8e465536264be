//! The entity engine on a cleaned article, as the worker, the build and the `annotate` tool
//! run it: the segments of `model::segments`, then the annotation and its JSON line.

use crate::engine::entities::annotate;
use crate::model::cleaned::Cleaned;
use crate::model::entity::{Annotation, EntityType};
use crate::model::segments::segments;

pub fn annotate_article(c: &Cleaned) -> Annotation {
    annotate(&segments(c))
}

/// Each distinct (surface text, type) once, in order of first appearance: the entity list
/// of the annotation format that `shared/eval/score.py` reads.
pub fn distinct_mentions(c: &Cleaned, a: &Annotation) -> Vec<(String, EntityType)> {
    let segs = segments(c);
    let mut out: Vec<(String, EntityType)> = Vec::new();
    for m in &a.mentions {
        let item = (segs[m.segment].text[m.start..m.end].to_string(), a.entities[m.entity].ty);
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// One line of the annotation format: `{"doc", "entities": [{"text","type"}], "districts"}`.
pub fn annotation_json(doc: &str, c: &Cleaned, a: &Annotation) -> String {
    let entities: Vec<serde_json::Value> = distinct_mentions(c, a)
        .into_iter()
        .map(|(text, ty)| serde_json::json!({ "text": text, "type": ty.as_str() }))
        .collect();
    serde_json::json!({ "doc": doc, "entities": entities, "districts": a.districts() }).to_string()
}
