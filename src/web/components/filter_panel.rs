//! The filter column: search, what is shown ("3 of 5 articles") with a way to clear, the
//! district table and the source filter.

use yew::prelude::*;

use crate::model::filters::Filters;
use crate::web::components::district_table::DistrictTable;
use crate::web::components::search_box::SearchBox;
use crate::web::components::source_filter::SourceFilter;
use crate::web::context::{OnFilters, Shared};

#[derive(Properties, PartialEq)]
pub struct FilterPanelProps {
    pub filters: Filters,
    /// How many articles the filters let through.
    pub shown: usize,
    /// The articles the district table counts (all filters but the district).
    pub counted: Vec<usize>,
    pub on_change: OnFilters,
}

#[function_component(FilterPanel)]
pub fn filter_panel(props: &FilterPanelProps) -> Html {
    let Shared { library, index, .. } = use_context::<Shared>().expect("library context");
    let total = library.articles.len();
    let f = &props.filters;

    let clear = {
        let on_change = props.on_change.clone();
        let f = f.clone();
        Callback::from(move |_| on_change.emit((f.cleared(), false)))
    };
    let clear_entity = {
        let (f, on_change) = (f.clone(), props.on_change.clone());
        Callback::from(move |_| on_change.emit((Filters { entity: None, ..f.clone() }, false)))
    };
    let entity_name = f.entity.as_deref().map(|id| index.get(id).map_or(id.to_string(), |e| e.name.clone()));

    html! {
        <aside class="filters" aria-label="Filters">
            <SearchBox filters={f.clone()} on_change={props.on_change.clone()} />
            <div class="summary" role="status" aria-live="polite" data-testid="shown-count">
                <span>{ format!("{} of {}", props.shown, crate::text::wording::count(total, "article")) }</span>
                if f.narrows() {
                    <button class="link" data-testid="clear-filters" onclick={clear.clone()}>{"Clear filters"}</button>
                }
            </div>
            if let Some(name) = entity_name {
                <p class="chip">
                    <span>{"Naming "}<b>{ name }</b></span>
                    <button class="link" aria-label="Stop filtering by this entity" onclick={clear_entity}>{"✕"}</button>
                </p>
            }
            <DistrictTable filters={f.clone()} counted={props.counted.clone()} on_change={props.on_change.clone()} />
            <SourceFilter filters={f.clone()} on_change={props.on_change.clone()} />
        </aside>
    }
}
