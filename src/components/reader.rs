//! The reading pane: the open article with its metadata header, scrolled to a mention
//! when the address names one.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::app::Shared;
use crate::components::article_meta::ArticleMeta;
use crate::components::article_view::ArticleView;
use crate::prefs::TypeToggles;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The article to show.
    pub id: Option<String>,
    /// Set when the URL names an article that does not exist.
    pub missing: Option<String>,
    /// The mention to scroll to and focus.
    pub mention: Option<usize>,
    pub toggles: TypeToggles,
}

#[function_component(Reader)]
pub fn reader(props: &ReaderProps) -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let pane = use_node_ref();
    let position = props.id.as_deref().and_then(|id| library.articles.iter().position(|a| a.id == id)).filter(|_| props.missing.is_none());
    let article = position.map(|i| &library.articles[i]);

    // A newly opened article starts at its top, in view (on a phone the list is above it);
    // an article opened at a mention scrolls to it instead.
    {
        let pane = pane.clone();
        let title = article.map(|a| a.title.clone());
        let first = use_mut_ref(|| true);
        use_effect_with((props.id.clone(), props.mention), move |(_, mention)| {
            gloo::utils::document().set_title(&match &title {
                Some(t) => format!("{t} · Helmand Reader"),
                None => "Helmand Reader".to_string(),
            });
            let first = std::mem::replace(&mut *first.borrow_mut(), false);
            if let Some(el) = pane.cast::<HtmlElement>() {
                let target = mention.and_then(|n| el.query_selector(&format!("mark[data-mention=\"{n}\"]")).ok().flatten());
                if let Some(mark) = target.and_then(|m| m.dyn_into::<HtmlElement>().ok()) {
                    let opts = ScrollIntoViewOptions::new();
                    opts.set_block(ScrollLogicalPosition::Center);
                    opts.set_behavior(ScrollBehavior::Instant);
                    mark.scroll_into_view_with_scroll_into_view_options(&opts);
                    let _ = mark.focus();
                    let _ = mark.class_list().add_1("flash");
                } else if !first {
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

    let content = match (article, position, &props.missing) {
        (Some(a), Some(i), None) => html! {
            <article aria-labelledby="reader-title">
                <ArticleMeta article={a.clone()} />
                <ArticleView article={i} toggles={props.toggles} />
            </article>
        },
        (_, _, Some(id)) => html! {
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
