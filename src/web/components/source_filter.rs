//! The source filter: every outlet with its article count, any number chosen, with "all"
//! and "only this" shortcuts. Articles of unknown outlet share one honest label.

use yew::prelude::*;

use crate::model::filters::{outlets, Filters};
use crate::web::browser::screen::wide_screen;
use crate::web::context::{OnFilters, Shared};

#[derive(Properties, PartialEq)]
pub struct SourceFilterProps {
    pub filters: Filters,
    pub on_change: OnFilters,
}

#[function_component(SourceFilter)]
pub fn source_filter(props: &SourceFilterProps) -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let all = outlets(&library);
    let names: Vec<String> = all.iter().map(|(o, _)| o.clone()).collect();
    let f = &props.filters;
    // no choice means every outlet
    let checked = |o: &str| f.outlets.is_empty() || f.outlets.iter().any(|x| x == o);

    let set = {
        let (f, on_change) = (f.clone(), props.on_change.clone());
        move |outlets: Vec<String>| on_change.emit((Filters { outlets, ..f.clone() }, false))
    };
    let rows = all.iter().enumerate().map(|(i, (outlet, n))| {
        let on = checked(outlet);
        let toggle = {
            let (set, names, f, outlet) = (set.clone(), names.clone(), f.clone(), outlet.clone());
            Callback::from(move |_| {
                let mut chosen: Vec<String> = if f.outlets.is_empty() { names.clone() } else { f.outlets.clone() };
                if on {
                    chosen.retain(|o| *o != outlet);
                } else {
                    chosen.push(outlet.clone());
                }
                // all chosen is the same as no choice; keep the list order
                let chosen: Vec<String> = names.iter().filter(|o| chosen.contains(o)).cloned().collect();
                set(if chosen.len() == names.len() { Vec::new() } else { chosen });
            })
        };
        let only = {
            let (set, outlet) = (set.clone(), outlet.clone());
            Callback::from(move |_| set(vec![outlet.clone()]))
        };
        let id = format!("source-{i}");
        html! {
            <li data-testid="source-option" data-outlet={outlet.clone()} class={classes!(outlet.starts_with("Unknown").then_some("unknown"))}>
                <input type="checkbox" id={id.clone()} checked={on} onchange={toggle} />
                <label for={id}>{ outlet }<span class="count">{ format!(" ({n})") }</span></label>
                <button class="link only" aria-label={format!("Only {outlet}")} onclick={only}>{"only"}</button>
            </li>
        }
    });
    let show_all = {
        let set = set.clone();
        Callback::from(move |_| set(Vec::new()))
    };
    let choice = match f.outlets.len() {
        0 => None,
        1 => Some(f.outlets[0].clone()),
        n => Some(format!("{n} chosen")),
    };
    html! {
        <details class="sources" open={wide_screen()}>
            <summary><h2>{"Sources"}</h2>
                if let Some(c) = choice { <span class="summary-choice">{ c }</span> }
            </summary>
            <button class="link all" data-testid="sources-all" disabled={f.outlets.is_empty()} onclick={show_all}>{"Show all sources"}</button>
            <ul class="source-list" aria-label="Sources">{ for rows }</ul>
        </details>
    }
}
