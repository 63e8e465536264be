//! The reading pane: the open article with its metadata header, scrolled to a mention
//! when the address names one; or the sentences naming a district; or why nothing is open.
//! On a phone it is a view of its own, with a way back to the list.

use wasm_bindgen::JsCast;
use web_sys::{FocusOptions, HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::web::router::Navigator;

use crate::model::filters::Filters;
use crate::model::prefs::TypeToggles;
use crate::model::route::list_href;
use crate::web::components::article_meta::ArticleMeta;
use crate::web::components::article_view::ArticleView;
use crate::web::components::district_sentences::DistrictSentences;
use crate::web::context::Shared;
use crate::web::navigation::back_to_list;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The article to show.
    pub id: Option<String>,
    /// Set when the URL names an article that does not exist.
    pub missing: Option<String>,
    /// The mention to scroll to and focus.
    pub mention: Option<usize>,
    pub toggles: TypeToggles,
    /// The chosen district's mentions are marked; the search's words are highlighted.
    pub filters: Filters,
    /// Show the sentences naming this district instead of an article.
    pub district_view: Option<String>,
    /// The articles all filters but the district let through (for the district's sentences).
    pub counted: Vec<usize>,
    /// How many articles the filters let through (none: say why nothing is open).
    pub shown: usize,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let Shared { library, index, .. } = use_context::<Shared>().expect("library context");
    let navigator = Navigator;
    let pane = use_node_ref();
    let position = props
        .id
        .as_deref()
        .and_then(|id| library.articles.iter().position(|a| a.id == id))
        .filter(|_| props.missing.is_none());
    let article = position.map(|i| &library.articles[i]);

    // A newly opened article starts at its top, in view (on a phone the list is above it);
    // an article opened at a mention scrolls to it instead.
    {
        let pane = pane.clone();
        let title = article.map(|a| a.title.clone());
        let first = use_mut_ref(|| true);
        let view = props.district_view.clone();
        use_effect_with(
            (props.id.clone(), props.mention, props.filters.district.clone(), view),
            move |(_, mention, district, _)| {
                gloo::utils::document().set_title(&match &title {
                    Some(t) => format!("{t} · Helmand Reader"),
                    None => "Helmand Reader".to_string(),
                });
                let first = std::mem::replace(&mut *first.borrow_mut(), false);
                if let Some(el) = pane.cast::<HtmlElement>() {
                    // a mention named in the address, else the chosen district's first mention
                    let selector = match (mention, district) {
                        (Some(n), _) => Some(format!("mark[data-mention=\"{n}\"]")),
                        (None, Some(_)) => Some("mark.in-district".to_string()),
                        _ => None,
                    };
                    let target = selector.and_then(|s| el.query_selector(&s).ok().flatten());
                    if let Some(mark) = target.and_then(|m| m.dyn_into::<HtmlElement>().ok()) {
                        let opts = ScrollIntoViewOptions::new();
                        opts.set_block(ScrollLogicalPosition::Center);
                        opts.set_behavior(ScrollBehavior::Instant);
                        mark.scroll_into_view_with_scroll_into_view_options(&opts);
                        // a mention chosen in the index takes the focus; a district's first
                        // mention is only shown, so the focus stays in the district table
                        if mention.is_some() {
                            let _ = mark.focus_with_options(&no_scroll());
                        }
                        let _ = mark.class_list().add_1("flash");
                    } else if !first {
                        let top = el.get_bounding_client_rect().top();
                        let height =
                            gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
                        if top < 0.0 || top > height / 3.0 {
                            el.scroll_into_view();
                        }
                        // the heading takes the focus (for screen readers; it shows no ring), unless
                        // the reader is typing (a search that changed the article keeps its box)
                        let typing = gloo::utils::document()
                            .active_element()
                            .is_some_and(|a| matches!(a.tag_name().as_str(), "INPUT" | "SELECT"));
                        if let Some(h) = el
                            .query_selector("h1")
                            .ok()
                            .flatten()
                            .and_then(|h| h.dyn_into::<HtmlElement>().ok())
                            .filter(|_| !typing)
                        {
                            let _ = h.focus_with_options(&no_scroll()); // focus must not cut the scroll short
                        }
                    }
                }
            },
        );
    }

    let content = match (article, position, &props.missing, &props.district_view) {
        (_, _, _, Some(name)) => html! {
            <DistrictSentences name={name.clone()} counted={props.counted.clone()} filters={props.filters.clone()} />
        },
        (Some(a), Some(i), None, None) => html! {
            <article aria-labelledby="reader-title">
                <ArticleMeta article={a.clone()} filters={props.filters.clone()} />
                <ArticleView key={a.id.clone()} article={i} toggles={props.toggles} district={props.filters.district.clone()} query={props.filters.query.clone()} mention={props.mention} />
            </article>
        },
        (_, _, Some(id), _) => html! {
            <div class="notice" role="alert" data-testid="not-found">
                <h1>{"Article not found"}</h1>
                <p>{ if id.is_empty() { "This address names no page of the reader.".to_string() } else { format!("No article has the id “{id}”.") } }</p>
                <p><a href="#/">{"Back to the first article"}</a></p>
            </div>
        },
        _ if library.articles.is_empty() => html! { <p class="notice">{"No articles are bundled."}</p> },
        _ => {
            let entity = props.filters.entity.as_deref().and_then(|id| index.get(id)).map(|e| e.name.clone());
            html! {
                <div class="notice" data-testid="no-match">
                    <h1 id="reader-title" class="reader-title" tabindex="-1">{"No article matches"}</h1>
                    <p>{ format!("No article matches {}.", props.filters.describe(entity.as_deref())) }</p>
                    <p><a class="button" href={list_href(&props.filters.cleared())}>{"Clear all filters"}</a></p>
                </div>
            }
        }
    };
    let back = {
        let (navigator, filters) = (navigator.clone(), props.filters.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            back_to_list(&navigator, &filters);
        })
    };
    html! {
        <main class="reader" ref={pane}>
            <a class="back-to-list" href={list_href(&props.filters)} onclick={back} data-testid="back-to-list">
                <span aria-hidden="true">{"← "}</span>{ format!("Articles ({})", props.shown) }
            </a>
            { content }
        </main>
    }
}

fn no_scroll() -> FocusOptions {
    let o = FocusOptions::new();
    o.set_prevent_scroll(true);
    o
}
