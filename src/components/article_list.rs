//! The list of the articles the filters let through: title, outlet, date, reading time,
//! and, while searching, the words around the first match. The open one is marked.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{article_href, go, OnFilters, Route, Shared};
use crate::filters::Filters;
use crate::search::Query;

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub selected: Option<String>,
    /// Library indices of the articles to list.
    pub shown: Vec<usize>,
    pub filters: Filters,
    pub on_change: OnFilters,
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let navigator = use_navigator().expect("inside the router");
    let query = Query::parse(&props.filters.query);
    let list_ref = use_node_ref();
    // the open article is kept in view inside the list's own scroll area (an import lands
    // at the end of a long list); on a phone the list does not scroll by itself, and the
    // page is left where the reader put it
    {
        let list_ref = list_ref.clone();
        use_effect_with(props.selected.clone(), move |_| {
            let Some(list) = list_ref.cast::<web_sys::Element>() else { return };
            let Some(pane) = list.closest(".side").ok().flatten() else { return };
            let Some(item) = list.query_selector(".item.current").ok().flatten() else { return };
            if pane.scroll_height() <= pane.client_height() {
                return;
            }
            let (p, i) = (pane.get_bounding_client_rect(), item.get_bounding_client_rect());
            let header = 48.0; // the sticky tabs
            // the pane can reach below the window (it is as tall as the window, and starts lower)
            let window_bottom = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
            let bottom = p.bottom().min(window_bottom);
            if i.top() < p.top() + header {
                pane.set_scroll_top(pane.scroll_top() - (p.top() + header - i.top()) as i32);
            } else if i.bottom() > bottom {
                pane.set_scroll_top(pane.scroll_top() + (i.bottom() - bottom + 8.0) as i32);
            }
        });
    }
    let items = props.shown.iter().map(|&i| {
        let a = &library.articles[i];
        let current = props.selected.as_deref() == Some(a.id.as_str());
        let onclick = {
            let (navigator, id, filters) = (navigator.clone(), a.id.clone(), props.filters.clone());
            Callback::from(move |e: MouseEvent| {
                if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                    return; // let the browser open a new tab or window
                }
                e.prevent_default();
                go(&navigator, &Route::Article { id: id.clone() }, &filters, false);
            })
        };
        let snippet = query.snippet(a, 50);
        html! {
            <li key={a.id.clone()}>
                <a class={classes!("item", current.then_some("current"))}
                   href={article_href(&a.id, &props.filters)}
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
                    if let Some((before, hit, after)) = snippet {
                        <span class="item-snippet" data-testid="article-snippet">{ before }<mark class="hit">{ hit }</mark>{ after }</span>
                    }
                </a>
            </li>
        }
    });
    let clear = {
        let on_change = props.on_change.clone();
        Callback::from(move |_| on_change.emit((Filters::default(), false)))
    };
    html! {
        <nav class="list" aria-label="Articles" ref={list_ref}>
            if props.shown.is_empty() {
                <div class="empty" data-testid="empty">
                    <p>{ format!("No article matches {}.", describe(&props.filters)) }</p>
                    <button onclick={clear}>{"Clear all filters"}</button>
                </div>
            } else {
                <ol>{ for items }</ol>
            }
        </nav>
    }
}

/// The active filters in words: "the district Musa Qala, and the search “x”".
fn describe(f: &Filters) -> String {
    let mut parts = Vec::new();
    if let Some(d) = &f.district {
        parts.push(format!("the district {d}"));
    }
    match f.outlets.len() {
        0 => {}
        1 => parts.push(format!("the source {}", f.outlets[0])),
        n => parts.push(format!("{n} chosen sources")),
    }
    if !f.query.trim().is_empty() {
        parts.push(format!("the search “{}”", f.query.trim()));
    }
    if f.entity.is_some() {
        parts.push("the chosen entity".to_string());
    }
    match parts.len() {
        0 => "these filters".to_string(),
        1 => parts.remove(0),
        _ => {
            let last = parts.pop().unwrap_or_default();
            format!("{}, and {last}", parts.join(", "))
        }
    }
}
