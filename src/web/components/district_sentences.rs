//! The sentences that name a district, article by article, in the reading pane
//! (`#/district/<name>`): each sentence whole, its quotation kept, and a link to the mention
//! in the article.

use yew::prelude::*;

use crate::model::filters::Filters;
use crate::model::route::{article_href, list_href, mention_href};
use crate::text::wording::count;
use crate::web::components::district_timeline::DistrictTimeline;
use crate::web::context::Shared;

#[derive(Properties, PartialEq)]
pub struct DistrictSentencesProps {
    pub name: String,
    /// The articles the other filters let through (the district table's).
    pub counted: Vec<usize>,
    pub filters: Filters,
}

#[function_component(DistrictSentences)]
pub fn district_sentences(props: &DistrictSentencesProps) -> Html {
    let Shared { library, districts, .. } = use_context::<Shared>().expect("library context");
    let Some(&name) = crate::model::districts::helmand_districts().iter().find(|d| **d == props.name) else {
        return html! {
            <div class="notice" role="alert" data-testid="not-found">
                <h1>{"No such district"}</h1>
                <p>{ format!("“{}” is not one of Helmand’s 14 districts.", props.name) }</p>
                <p><a href="#/">{"Back to the articles"}</a></p>
            </div>
        };
    };
    let per_article: Vec<(usize, Vec<(String, usize)>)> = props
        .counted
        .iter()
        .filter(|&&i| districts.names(name, i))
        .map(|&i| (i, districts.sentences(name, &library.articles[i], i)))
        .collect();
    let sentences: usize = per_article.iter().map(|(_, s)| s.len()).sum();
    let choose = if props.filters.district.as_deref() == Some(name) {
        html! {}
    } else {
        let f = Filters { district: Some(name.to_string()), ..props.filters.clone() };
        html! { <a class="button" href={list_href(&f)}>{ format!("List only the articles naming {name}") }</a> }
    };
    html! {
        <section class="district-view" aria-labelledby="reader-title" data-testid="district-view">
            <header class="meta">
                <h1 id="reader-title" class="reader-title" tabindex="-1">{ name }</h1>
                <p class="district-view-count">
                    { format!("{} in {}, with the other filters applied. ", count(sentences, "sentence"), count(per_article.len(), "article")) }
                    {"Each opens the article at its place."}
                </p>
                { choose }
            </header>
            <DistrictTimeline name={name.to_string()} counted={props.counted.clone()} filters={props.filters.clone()} />
            <h2 class="district-sentences-title">{ format!("Sentences naming {name}") }</h2>
            <ol class="district-sentences" data-testid="district-sentences">
                { for per_article.iter().map(|(i, list)| {
                    let a = &library.articles[*i];
                    html! {
                        <li>
                            <h2><a href={article_href(&a.id, &props.filters)}>{ &a.title }</a></h2>
                            <p class="district-source">{ format!("{} · {}", a.outlet_label(), a.date_label()) }</p>
                            <ul>
                                { for list.iter().map(|(sentence, mention)| html! {
                                    <li class="sentence">
                                        <a href={mention_href(&a.id, *mention, &props.filters)} data-testid="district-sentence">{ sentence }</a>
                                    </li>
                                }) }
                            </ul>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
