//! The entity index: every entity of the shown articles, grouped by type with mention
//! counts; choosing one lists its mentions with context, each a link into the article.

use yew::prelude::*;

use crate::app::{OnFilters, Shared};
use crate::components::legend::plural;
use crate::entity_index::snippet;
use crate::filters::Filters;

#[derive(Properties, PartialEq)]
pub struct EntityPanelProps {
    /// The open article, marked in the mention list.
    pub current: Option<String>,
    /// The articles the filters let through: their entities are listed.
    pub shown: Vec<usize>,
    pub filters: Filters,
    pub on_change: OnFilters,
}

#[function_component(EntityPanel)]
pub fn entity_panel(props: &EntityPanelProps) -> Html {
    let Shared { library, index, .. } = use_context::<Shared>().expect("library context");
    let selected = use_state(|| None::<String>);
    let shown = &props.shown;
    let groups = index.grouped(shown);

    let sections = groups.into_iter().filter(|(_, list)| !list.is_empty()).map(|(ty, list)| {
        let items = list.into_iter().map(|(entity, count)| {
            let open = selected.as_deref() == Some(entity.id.as_str());
            let onclick = {
                let selected = selected.clone();
                let id = entity.id.clone();
                Callback::from(move |_| selected.set(if open { None } else { Some(id.clone()) }))
            };
            let mentions = open.then(|| {
                let links = entity.mentions.iter().filter(|m| shown.contains(&m.article)).map(|m| {
                    let a = &library.articles[m.article];
                    let (before, text, after) = snippet(a, m.mention, 60);
                    let here = props.current.as_deref() == Some(a.id.as_str());
                    html! {
                        <li>
                            <a href={mention_href(&a.id, m.mention, &props.filters)} data-testid="entity-mention"
                               data-article-id={a.id.clone()} aria-current={here.then_some("true")}>
                                <span class="mention-source">{ &a.title }</span>
                                <span class="mention-snippet">{ before }<b>{ text }</b>{ after }</span>
                            </a>
                        </li>
                    }
                });
                let filtering = props.filters.entity.as_deref() == Some(entity.id.as_str());
                let filter = {
                    let (f, on_change, id) = (props.filters.clone(), props.on_change.clone(), entity.id.clone());
                    Callback::from(move |_| {
                        let entity = if filtering { None } else { Some(id.clone()) };
                        on_change.emit((Filters { entity, ..f.clone() }, false));
                    })
                };
                html! {
                    <>
                        <button class="link filter-entity" data-testid="entity-filter" aria-pressed={filtering.to_string()} onclick={filter}>
                            { if filtering { "Show all articles again" } else { "Show only the articles naming it" } }
                        </button>
                        <ol class="mentions" aria-label={format!("Mentions of {}", entity.name)}>{ for links }</ol>
                    </>
                }
            });
            html! {
                <li key={entity.id.clone()}>
                    <button class={classes!("entity", format!("ent-{}", ty.as_str()))} aria-expanded={open.to_string()}
                            data-testid="entity-index-item" data-entity-id={entity.id.clone()} data-entity-type={ty.as_str()} {onclick}>
                        <span class="entity-name">{ &entity.name }</span>
                        <span class="entity-count" aria-label={format!("{count} mentions")}>{ count }</span>
                    </button>
                    { mentions.unwrap_or_default() }
                </li>
            }
        });
        html! {
            <section class="entity-group" aria-label={plural(ty)}>
                <h2>{ plural(ty) }</h2>
                <ul>{ for items }</ul>
            </section>
        }
    });
    html! { <div class="entity-panel" data-testid="entity-index">{ for sections }</div> }
}

/// `#/article/<id>/mention/<n>` with the filters kept.
fn mention_href(id: &str, mention: usize, filters: &Filters) -> String {
    let q = filters.encode();
    if q.is_empty() { format!("#/article/{id}/mention/{mention}") } else { format!("#/article/{id}/mention/{mention}?{q}") }
}
