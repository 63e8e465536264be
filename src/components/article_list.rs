//! The list of articles: title, outlet, date and reading time, the open one marked.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{Route, Shared};

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub selected: Option<String>,
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let navigator = use_navigator().expect("inside the router");
    let items = library.articles.iter().map(|a| {
        let current = props.selected.as_deref() == Some(a.id.as_str());
        let onclick = {
            let navigator = navigator.clone();
            let id = a.id.clone();
            Callback::from(move |e: MouseEvent| {
                if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                    return; // let the browser open a new tab or window
                }
                e.prevent_default();
                navigator.push(&Route::Article { id: id.clone() });
            })
        };
        html! {
            <li key={a.id.clone()}>
                <a class={classes!("item", current.then_some("current"))}
                   href={format!("#/article/{}", a.id)}
                   data-testid="article-item" data-article-id={a.id.clone()}
                   aria-current={current.then_some("page")}
                   {onclick}>
                    <span class="item-title" data-testid="article-title">{ &a.title }</span>
                    <span class="item-meta">
                        <span class={classes!("item-outlet", a.outlet.is_none().then_some("unknown"))} data-testid="article-outlet">{ a.outlet_label() }</span>
                        <span class={classes!("item-date", a.date.is_none().then_some("unknown"))}>
                            { if a.date.is_some() { a.date_label() } else { "date unknown".to_string() } }
                        </span>
                        <span class="item-time">{ a.reading_label() }</span>
                    </span>
                </a>
            </li>
        }
    });
    html! {
        <nav class="list" aria-label="Articles">
            <ol>{ for items }</ol>
        </nav>
    }
}
