//! The district table (no map): all 14 districts with the articles and mentions naming
//! each, following the other filters; choosing one filters the articles, and a row's ▸
//! opens the sentences that name the district in the reading pane (`#/district/<name>`).

use yew::prelude::*;

use crate::model::districts::DistrictSort;
use crate::model::filters::Filters;
use crate::model::route::district_href;
use crate::web::browser::screen::wide_screen;
use crate::web::context::{OnFilters, Shared};

#[derive(Properties, PartialEq)]
pub struct DistrictTableProps {
    pub filters: Filters,
    pub counted: Vec<usize>,
    pub on_change: OnFilters,
}

#[function_component(DistrictTable)]
pub fn district_table(props: &DistrictTableProps) -> Html {
    let Shared { districts, .. } = use_context::<Shared>().expect("library context");
    let sort = use_state(DistrictSort::default);
    let rows = districts.rows(&props.counted, *sort);
    let chosen = props.filters.district.as_deref();

    let sort_button = |which: DistrictSort, label: &str| {
        let sort = sort.clone();
        let active = *sort == which;
        html! {
            <button class={classes!("sort", active.then_some("active"))} aria-pressed={active.to_string()}
                    onclick={Callback::from(move |_| sort.set(which))}>{ label }</button>
        }
    };

    let body = rows.iter().map(|row| {
        let selected = chosen == Some(row.name);
        let choose = {
            let (f, on_change, name) = (props.filters.clone(), props.on_change.clone(), row.name);
            Callback::from(move |_| {
                let district = if selected { None } else { Some(name.to_string()) };
                on_change.emit((Filters { district, ..f.clone() }, false));
            })
        };
        html! {
            <li key={row.name} class={classes!("district-row", (row.mentions == 0).then_some("none"), selected.then_some("chosen"))}>
                if row.mentions > 0 {
                    <a class="expand" href={district_href(row.name, &props.filters)} data-testid="district-sentences-link"
                       aria-label={format!("Sentences naming {}", row.name)} title={format!("The sentences naming {}", row.name)}>
                        <span aria-hidden="true">{"▸"}</span>
                    </a>
                } else {
                    <span class="expand" aria-hidden="true"></span>
                }
                <button class="district" data-testid="district" data-district={row.name}
                        data-articles={row.articles.to_string()} data-mentions={row.mentions.to_string()}
                        aria-pressed={selected.to_string()} onclick={choose}
                        title={if selected { "Show all districts again".to_string() } else { format!("Show the articles naming {}", row.name) }}>
                    <span class="d-name">{ row.name }</span>
                    <span class="d-num">{ row.articles }</span>
                    <span class="d-num">{ row.mentions }</span>
                </button>
            </li>
        }
    });

    html! {
        <details class="districts" open={wide_screen()}>
            <summary><h2>{"Helmand districts"}</h2>
                if let Some(d) = chosen { <span class="summary-choice">{ d }</span> }
            </summary>
            <div class="sorts" role="group" aria-label="Sort districts">
                <span>{"Sort"}</span>
                { sort_button(DistrictSort::Count, "by count") }
                { sort_button(DistrictSort::Name, "by name") }
            </div>
            <div class="district-head" aria-hidden="true"><span></span><span>{"District"}</span><span>{"Articles"}</span><span>{"Mentions"}</span></div>
            <ul class="district-list" aria-label="Helmand districts">{ for body }</ul>
        </details>
    }
}
