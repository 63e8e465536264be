//! The figures view (a tab beside Articles, Entities and Notes): the figures of the shown
//! articles, by district and date, one row per claim (figure, about whom, claimed by,
//! outlet, date), its quote opening the article at its place; counts that cannot both be
//! right are marked. Links to each district's control timeline, and both as CSV.

use yew::prelude::*;

use crate::model::claims_view::{events_csv, figure, figure_groups, figures_csv, mention_at, timeline};
use crate::model::districts::helmand_districts;
use crate::model::filters::Filters;
use crate::model::route::{district_href, mention_href};
use crate::text::wording::count;
use crate::web::browser::{download, now_iso};
use crate::web::context::Shared;

#[derive(Properties, PartialEq)]
pub struct FiguresPanelProps {
    /// The shown articles (library indices, in list order).
    pub shown: Vec<usize>,
    pub filters: Filters,
}

#[function_component(FiguresPanel)]
pub fn figures_panel(props: &FiguresPanelProps) -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let problem = use_state(|| None::<String>);
    let groups = figure_groups(&library, &props.shown);
    let claims: usize = groups.iter().map(|g| g.rows.len()).sum();
    let districts: Vec<(&str, usize)> = helmand_districts()
        .into_iter()
        .map(|d| (d, timeline(&library, &props.shown, d).rows.len()))
        .filter(|(_, n)| *n > 0)
        .collect();
    let save = |name: &'static str, text: fn(&crate::model::library::Library, &[usize]) -> String| {
        let (problem, library, shown) = (problem.clone(), library.clone(), props.shown.clone());
        Callback::from(move |_: MouseEvent| {
            let file = format!("helmand-reader-{name}-{}.csv", now_iso().get(..10).unwrap_or("export"));
            let why = download::save(&file, "text/csv", &text(&library, &shown)).err();
            problem.set(why.map(|why| format!("The file could not be saved ({why}).")));
        })
    };
    let group_views = groups.iter().map(|g| {
        let disputed = g.rows.iter().any(|r| r.disputed);
        html! {
            <li class="figure-group" data-testid="figure-group">
                <h3>
                    { g.label() }
                    if disputed { <span class="disputed-badge">{"Claims differ"}</span> }
                </h3>
                <ul>
                    { for g.rows.iter().map(|r| {
                        let (a, f) = (&library.articles[r.article], figure(&library, r));
                        let href = match mention_at(a, &f.at) {
                            Some(m) => mention_href(&a.id, m, &props.filters),
                            None => crate::model::route::article_href(&a.id, &props.filters),
                        };
                        let also = if r.copies.is_empty() { String::new() } else {
                            format!(" · also in {}", r.copies.iter().map(|&i| library.articles[i].outlet_label()).collect::<Vec<_>>().join(", "))
                        };
                        html! {
                            <li class={classes!("figure", r.disputed.then_some("disputed"))} data-testid="figure">
                                <p class="figure-what"><strong>{ f.summary() }</strong></p>
                                <p class="figure-source">{ format!("Claimed by {} · {} · {}{also}", f.claimant.label(), a.outlet_label(), a.date_label()) }</p>
                                <a class="figure-quote" {href} data-testid="figure-quote">{ format!("“{}”", f.quote) }</a>
                            </li>
                        }
                    }) }
                </ul>
            </li>
        }
    });
    html! {
        <section class="figures-panel" aria-label="Figures and control" data-testid="figures-panel">
            <div class="notes-head">
                <p class="notes-count" data-testid="figures-count">
                    { format!("{} in {} of the shown articles", count(claims, "figure"), count(props.shown.iter().filter(|&&i| !library.articles[i].claims.figures.is_empty()).count(), "article")) }
                </p>
                if !districts.is_empty() {
                    <p class="timelines">{"Control timelines: "}
                        { for districts.iter().map(|(d, n)| html! {
                            <><a href={district_href(d, &props.filters)} data-testid="timeline-link">{ format!("{d} ({n})") }</a>{" "}</>
                        }) }
                    </p>
                }
                <div class="notes-export" role="group" aria-label="Export">
                    <button class="button" onclick={save("figures", figures_csv)} data-testid="export-figures" disabled={claims == 0}>{"Figures CSV"}</button>
                    <button class="button" onclick={save("control-events", events_csv)} data-testid="export-events" disabled={districts.is_empty()}>{"Control events CSV"}</button>
                </div>
                if let Some(p) = (*problem).clone() {
                    <p class="form-error" role="alert">{ p }</p>
                }
            </div>
            if groups.is_empty() {
                <p class="empty" data-testid="figures-empty">{"No figures of killed, wounded, captured, displaced or deployed people in the shown articles."}</p>
            } else {
                <ol class="figure-groups">{ for group_views }</ol>
            }
        </section>
    }
}
