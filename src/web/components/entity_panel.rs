//! The entity index: every entity of the shown articles, grouped by type with their mention
//! counts in those articles, searchable by name; choosing one lists its mentions with
//! context, each a link into the article.

use yew::prelude::*;

use web_sys::HtmlInputElement;

use crate::model::entity_index::snippet;
use crate::model::filters::Filters;
use crate::model::route::mention_href;
use crate::text::fold::fold;
use crate::web::context::{OnFilters, Shared};

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
    let find = use_state(String::new);
    let shown = &props.shown;
    let wanted = fold(find.trim());
    let mut groups = index.grouped(shown);
    for (_, list) in groups.iter_mut() {
        list.retain(|(e, _)| wanted.is_empty() || fold(&e.name).contains(wanted.as_str()));
    }
    let total: usize = groups.iter().map(|(_, l)| l.len()).sum();
    let on_find = {
        let find = find.clone();
        Callback::from(move |e: InputEvent| find.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };

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
            <section class="entity-group" aria-label={ty.plural()}>
                <h2>{ ty.plural() }</h2>
                <ul>{ for items }</ul>
            </section>
        }
    });
    html! {
        <div class="entity-panel" data-testid="entity-index">
            <div class="entity-find">
                <label for="entity-find" class="visually-hidden">{"Find an entity"}</label>
                <input id="entity-find" type="search" data-testid="entity-search" placeholder="Find a name…" autocomplete="off"
                       spellcheck="false" value={(*find).clone()} oninput={on_find} />
                <p class="entity-total" role="status" data-testid="entity-total">
                    { format!("{} in {}", if total == 1 { "1 entity".to_string() } else { format!("{total} entities") }, crate::text::wording::count(shown.len(), "article")) }
                </p>
            </div>
            // in a box of their own: a change in how many groups there are must not touch
            // the search box (it would lose the focus)
            <div class="entity-groups">{ for sections }</div>
        </div>
    }
}
