//! The claims of an article as one line of the guidelines' schema
//! (`shared/eval/claims/GUIDELINES.md`), for `annotate --claims` and the scorer.

use crate::model::claims::{date_precision, Claims};
use serde_json::{json, Value};

pub fn claims_json(doc: &str, published: Option<&str>, claims: &Claims) -> Value {
    let figures: Vec<Value> = claims
        .figures
        .iter()
        .map(|f| {
            json!({
                "value": f.value, "low": f.low, "high": f.high, "approx": f.approx,
                "what": f.what.as_str(), "side": f.side.as_str(),
                "unit": if f.families { "families" } else { "persons" },
                "claimant": f.claimant.name, "claimant_kind": f.claimant.kind.as_str(),
                "district": f.district, "date": f.date, "date_precision": f.date.as_deref().map(date_precision),
                "quote": f.quote,
            })
        })
        .collect();
    let events: Vec<Value> = claims
        .events
        .iter()
        .map(|e| {
            json!({
                "district": e.district, "place": e.place, "event": e.event.as_str(), "by": e.by,
                "claimant": e.claimant.name, "claimant_kind": e.claimant.kind.as_str(),
                "date": e.date, "date_precision": e.date.as_deref().map(date_precision),
                "quote": e.quote,
            })
        })
        .collect();
    json!({ "doc": doc, "published": published, "figures": figures, "control_events": events })
}
