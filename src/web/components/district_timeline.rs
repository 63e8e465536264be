//! A district's control events in date order (`#/district/<name>`, above its sentences):
//! each with who did it, who says so and the outlet; claims that contradict each other at
//! the same time side by side; whether a fall stands with no later report of recapture,
//! and the date of the last report.

use yew::prelude::*;

use crate::model::claims_view::{date_label, event, mention_at, timeline};
use crate::model::filters::Filters;
use crate::model::route::{article_href, mention_href};
use crate::web::context::Shared;

#[derive(Properties, PartialEq)]
pub struct DistrictTimelineProps {
    pub name: String,
    /// The articles the filters let through.
    pub counted: Vec<usize>,
    pub filters: Filters,
}

#[function_component(DistrictTimeline)]
pub fn district_timeline(props: &DistrictTimelineProps) -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let t = timeline(&library, &props.counted, &props.name);
    if t.rows.is_empty() {
        return html! { <p class="timeline-empty" data-testid="timeline-empty">{ format!("No report of a change of control in {} in these articles.", props.name) }</p> };
    }
    let items = t.rows.iter().enumerate().map(|(i, r)| {
        let (a, e) = (&library.articles[r.article], event(&library, r));
        let href = match mention_at(a, &e.at) {
            Some(m) => mention_href(&a.id, m, &props.filters),
            None => article_href(&a.id, &props.filters),
        };
        let by = e.by.as_deref().map(|b| format!(" by {b}")).unwrap_or_default();
        let place = e.place.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
        let conflict = t.conflicts.contains(&i);
        html! {
            <li class={classes!("control", conflict.then_some("conflict"))} data-testid="control-event" data-event={e.event.as_str()}>
                <span class="control-date">{ date_label(&e.date) }</span>
                <span class="control-what"><strong>{ format!("{}{place}", e.event.label()) }</strong>{ by }</span>
                <span class="control-source">{ format!("Claimed by {} · {}{}", e.claimant.label(), a.outlet_label(),
                    if r.copies.is_empty() { String::new() } else { format!(" (and {} copies)", r.copies.len()) }) }</span>
                if conflict { <span class="disputed-badge">{"Contradicted"}</span> }
                <a class="figure-quote" {href}>{ format!("“{}”", e.quote) }</a>
            </li>
        }
    });
    html! {
        <section class="timeline" aria-labelledby="timeline-title" data-testid="district-timeline">
            <h2 id="timeline-title">{ format!("Control of {}", props.name) }</h2>
            <p class="timeline-status" data-testid="timeline-status">
                if let Some(f) = t.standing_fall {
                    { format!("Fell {}: no later report of recapture. ", date_label(&event(&library, &t.rows[f]).date)) }
                }
                { format!("Last report: {}.", date_label(&t.last_report)) }
            </p>
            <ol class="timeline-list">{ for items }</ol>
        </section>
    }
}
