//! The reading pane: the open article with its metadata header.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::app::Shared;
use crate::components::article_meta::ArticleMeta;
use crate::components::article_view::ArticleView;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The article to show.
    pub id: Option<String>,
    /// Set when the URL names an article that does not exist.
    pub missing: Option<String>,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let Shared(library) = use_context::<Shared>().expect("library context");
    let pane = use_node_ref();
    let article = props.id.as_deref().and_then(|id| library.get(id)).filter(|_| props.missing.is_none());

    // A newly opened article starts at its top, in view (on a phone the list is above it).
    {
        let pane = pane.clone();
        let title = article.map(|a| a.title.clone());
        let first = use_mut_ref(|| true);
        use_effect_with(props.id.clone(), move |_| {
            gloo::utils::document().set_title(&match &title {
                Some(t) => format!("{t} · Helmand Reader"),
                None => "Helmand Reader".to_string(),
            });
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                if let Some(el) = pane.cast::<HtmlElement>() {
                    let top = el.get_bounding_client_rect().top();
                    let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
                    if top < 0.0 || top > height / 3.0 {
                        el.scroll_into_view();
                    }
                    if let Some(h) = el.query_selector("h1").ok().flatten().and_then(|h| h.dyn_into::<HtmlElement>().ok()) {
                        let _ = h.focus();
                    }
                }
            }
        });
    }

    let content = match (article, &props.missing) {
        (Some(a), None) => html! {
            <article aria-labelledby="reader-title">
                <ArticleMeta article={a.clone()} />
                <ArticleView blocks={a.body.blocks.clone()} />
            </article>
        },
        (_, Some(id)) => html! {
            <div class="notice" role="alert" data-testid="not-found">
                <h1>{"Article not found"}</h1>
                <p>{ if id.is_empty() { "This address names no page of the reader.".to_string() } else { format!("No article has the id “{id}”.") } }</p>
                <p><a href="#/">{"Back to the first article"}</a></p>
            </div>
        },
        _ => html! { <p class="notice">{"No articles are bundled."}</p> },
    };
    html! { <main class="reader" ref={pane}>{ content }</main> }
}
