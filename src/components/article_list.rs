//! The list of the articles the filters let through: title, outlet, date, reading time,
//! and, while searching, the words around the first match. The open one is marked. Only
//! the rows in view are rendered (`list_window.rs`).

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{article_href, go, OnFilters, Route, Shared};
use crate::filters::Filters;
use crate::list_window::{scroll_to_show, visible};
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
    let len = props.shown.len();
    // only the rows in view are rendered (a list can hold 10,000 articles): rows have one
    // height, set in CSS and measured here; spacers above and below stand for the rest.
    // The height is kept in a cell, not a state: when a search changes it, the spacers and
    // the window take the new one in the same render instead of rendering again.
    let row: Rc<Cell<f64>> = use_mut_ref_cell();
    let range = use_state(|| visible(len, 0.0, 0.0, 0.0));
    let refresh = use_force_update();
    let searching = !props.filters.query.trim().is_empty();
    {
        // measure a row when its height can change (the first rows, search on or off, a
        // resize or zoom), not after every render: reading a layout forces one
        let (list_ref, row, refresh) = (list_ref.clone(), row.clone(), refresh.clone());
        use_effect_with((searching, len > 0), move |_| {
            let measure = {
                let row = row.clone();
                move || {
                    let Some(li) = list_ref.cast::<HtmlElement>().and_then(|l| l.query_selector("li").ok().flatten()) else { return false };
                    let h = li.get_bounding_client_rect().height();
                    let changed = h > 0.0 && (h - row.get()).abs() > 0.5;
                    if changed {
                        row.set(h);
                    }
                    changed
                }
            };
            // the first height known: render again so what depends on it (the open row kept
            // in view) runs; later changes reach the spacers and the window in this render
            let first = row.get() == 0.0;
            if measure() && first {
                refresh.force_update();
            }
            let refresh = refresh.clone();
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| {
                if measure() {
                    refresh.force_update();
                }
            });
            move || drop(listener)
        });
    }
    let recompute = {
        let (list_ref, range, row) = (list_ref.clone(), range.clone(), row.clone());
        Rc::new(move || {
            let Some(list) = list_ref.cast::<Element>() else { return };
            let viewport = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
            let next = visible(len, row.get(), list.get_bounding_client_rect().top(), viewport);
            if *range != next {
                range.set(next);
            }
        })
    };
    {
        // follow the scrolling of the list's pane (desktop) and of the page (phone)
        let (list_ref, recompute) = (list_ref.clone(), recompute.clone());
        use_effect_with((len, searching), move |_| {
            recompute();
            let mut listeners = Vec::new();
            let window = gloo::utils::window();
            for target in [list_ref.cast::<Element>().and_then(|l| l.closest(".side").ok().flatten()).map(web_sys::EventTarget::from), Some(window.into())]
                .into_iter()
                .flatten()
            {
                for event in ["scroll", "resize"] {
                    let recompute = recompute.clone();
                    listeners.push(EventListener::new(&target, event, move |_| recompute()));
                }
            }
            move || drop(listeners)
        });
    }
    let (first, end) = (range.0.min(len), range.1.min(len).max(range.0.min(len)));
    {
        // after each render: size the spacers (the CSP forbids style attributes)
        let (list_ref, row) = (list_ref.clone(), row.clone());
        use_effect(move || {
            let Some(list) = list_ref.cast::<HtmlElement>() else { return };
            let style = list.style();
            let _ = style.set_property("padding-top", &format!("{}px", (first as f64 * row.get()) as i64));
            let _ = style.set_property("padding-bottom", &format!("{}px", ((len - end) as f64 * row.get()) as i64));
        });
    }
    // the open article is kept in view inside the list's own scroll area (an import lands
    // at the end of a long list); on a phone the list does not scroll by itself, and the
    // page is left where the reader put it
    {
        let (list_ref, shown, row) = (list_ref.clone(), props.shown.clone(), row.clone());
        let position = props.selected.as_deref().and_then(|id| shown.iter().position(|&i| library.articles[i].id == id));
        use_effect_with((props.selected.clone(), row.get() > 0.0), move |_| {
            let row = row.get();
            let (Some(list), Some(index)) = (list_ref.cast::<Element>(), position) else { return };
            let Some(pane) = list.closest(".side").ok().flatten() else { return };
            if pane.scroll_height() <= pane.client_height() || row <= 0.0 {
                return;
            }
            let p = pane.get_bounding_client_rect();
            // the pane can reach below the window (it is as tall as the window, and starts lower)
            let window_bottom = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
            let delta = scroll_to_show(index, row, list.get_bounding_client_rect().top(), p.top(), p.bottom().min(window_bottom) - 8.0, 48.0);
            if delta != 0.0 {
                pane.set_scroll_top(pane.scroll_top() + delta.round() as i32);
            }
        });
    }
    let items = props.shown[first..end].iter().enumerate().map(|(k, &i)| {
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
            <li key={a.id.clone()} aria-setsize={len.to_string()} aria-posinset={(first + k + 1).to_string()}>
                <a class={classes!("item", current.then_some("current"))} title={a.title.clone()}
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
        <nav class={classes!("list", (!props.filters.query.trim().is_empty()).then_some("searching"))} aria-label="Articles">
            if props.shown.is_empty() {
                <div class="empty" data-testid="empty">
                    <p>{ format!("No article matches {}.", describe(&props.filters)) }</p>
                    <button onclick={clear}>{"Clear all filters"}</button>
                </div>
            } else {
                <ol ref={list_ref}>{ for items }</ol>
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

/// A cell that lives as long as the component (`use_mut_ref` holds a `RefCell`; a `Cell`
/// is enough for a number).
#[hook]
fn use_mut_ref_cell() -> Rc<Cell<f64>> {
    (*use_memo((), |_| Rc::new(Cell::new(0.0)))).clone()
}
