//! The list of the articles the filters let through, in the chosen order: title, outlet,
//! date, reading time, and, while searching, the words around the first match. The open one
//! is marked. Only the rows in view are rendered (`model/list_window.rs`); each row is as tall as
//! its content, measured once it has been rendered.

use std::cell::RefCell;
use std::rc::Rc;

use crate::web::router::Navigator;
use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlSelectElement};
use yew::prelude::*;

use crate::model::filters::Filters;
use crate::model::list_sort::ListSort;
use crate::model::list_window::{offsets, scroll_to_show, visible};
use crate::model::route::{article_href, Route};
use crate::model::search::Query;
use crate::web::context::{OnFilters, Shared};
use crate::web::navigation::{go, remember_list_exit};

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub selected: Option<String>,
    /// Library indices of the articles to list, in list order.
    pub shown: Vec<usize>,
    pub filters: Filters,
    pub on_change: OnFilters,
}

/// A row's height before it is measured (px): about a two-line title.
const ROW_GUESS: f64 = 112.0;

/// Measured row heights by library index (0: not measured), for one window width and
/// search state.
#[derive(Default)]
struct Heights {
    known: Vec<f32>,
    measured: usize,
    sum: f64,
    /// (window width, searching) they were measured for; a change forgets them.
    measured_for: (i32, bool),
}

impl Heights {
    fn get(&self, i: usize) -> Option<f64> {
        self.known.get(i).copied().filter(|&h| h > 0.0).map(f64::from)
    }

    fn set(&mut self, i: usize, h: f64) {
        if i >= self.known.len() {
            self.known.resize(i + 1, 0.0);
        }
        if self.known[i] <= 0.0 {
            self.measured += 1;
            self.sum += h;
        }
        self.known[i] = h as f32;
    }

    fn guess(&self) -> f64 {
        if self.measured == 0 {
            ROW_GUESS
        } else {
            self.sum / self.measured as f64
        }
    }

    fn offsets(&self, shown: &[usize]) -> Vec<f64> {
        let guess = self.guess();
        offsets(shown.iter().map(|&i| self.get(i).unwrap_or(guess)))
    }
}

/// The element that scrolls the list: its pane on a desktop (`.side`), the column it
/// shares with the filters at middle widths (`.browse`), else the page.
fn scroller(list: &Element) -> Option<Element> {
    [".side", ".browse"].into_iter().filter_map(|s| list.closest(s).ok().flatten()).find(|el| {
        el.scroll_height() > el.client_height() + 1
            && gloo::utils::window()
                .get_computed_style(el)
                .ok()
                .flatten()
                .is_some_and(|st| st.get_property_value("overflow-y").is_ok_and(|v| v == "auto" || v == "scroll"))
    })
}

fn window_width() -> i32 {
    gloo::utils::window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(0.0) as i32
}

fn viewport_height() -> f64 {
    gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0)
}

#[function_component(ArticleList)]
pub fn article_list(props: &ArticleListProps) -> Html {
    let Shared { library, index, .. } = use_context::<Shared>().expect("library context");
    let navigator = Navigator;
    let query = Query::parse(&props.filters.query);
    let list_ref = use_node_ref();
    let len = props.shown.len();
    let searching = !props.filters.query.trim().is_empty();
    let heights: Rc<RefCell<Heights>> = use_mut_ref(Heights::default);
    {
        let mut h = heights.borrow_mut();
        let now = (window_width(), searching);
        if h.measured_for != now {
            *h = Heights { measured_for: now, ..Heights::default() };
        }
    }
    let rows = Rc::new(heights.borrow().offsets(&props.shown));
    let range = use_state(|| visible(&rows, 0.0, 0.0));
    let refresh = use_force_update();

    let recompute = {
        let (list_ref, range, rows) = (list_ref.clone(), range.clone(), rows.clone());
        Rc::new(move || {
            let Some(list) = list_ref.cast::<Element>() else { return };
            let next = visible(&rows, list.get_bounding_client_rect().top(), viewport_height());
            if *range != next {
                range.set(next);
            }
        })
    };
    {
        // follow the scrolling of the list's pane or column, and of the page (phone)
        let (list_ref, recompute) = (list_ref.clone(), recompute.clone());
        // (the order too: the same rows sorted otherwise have other offsets)
        use_effect_with((len, searching, rows.last().copied().unwrap_or(0.0) as i64, props.filters.sort), move |_| {
            recompute();
            let mut listeners = Vec::new();
            let list = list_ref.cast::<Element>();
            let panes = [".side", ".browse"]
                .into_iter()
                .filter_map(|s| list.as_ref().and_then(|l| l.closest(s).ok().flatten()));
            for target in panes.map(web_sys::EventTarget::from).chain([gloo::utils::window().into()]) {
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
        // after each render: size the spacers (the CSP forbids style attributes), then
        // measure the rows not measured yet; new heights render the list again
        let (list_ref, heights, shown, refresh) =
            (list_ref.clone(), heights.clone(), props.shown.clone(), refresh.clone());
        let rows = rows.clone();
        use_effect(move || {
            let Some(list) = list_ref.cast::<HtmlElement>() else { return };
            let total = rows.last().copied().unwrap_or(0.0);
            let style = list.style();
            let _ = style.set_property("padding-top", &format!("{}px", rows[first].round() as i64));
            let _ = style.set_property("padding-bottom", &format!("{}px", (total - rows[end]).max(0.0).round() as i64));
            let mut changed = false;
            let items = list.children();
            for k in 0..items.length() {
                let Some(li) = items.item(k) else { continue };
                let Some(i) = shown.get(first + k as usize).copied() else { continue };
                if heights.borrow().get(i).is_some() {
                    continue;
                }
                let h = li.get_bounding_client_rect().height();
                if h > 0.0 {
                    heights.borrow_mut().set(i, h);
                    changed = true;
                }
            }
            if changed {
                refresh.force_update();
            }
        });
    }
    // the open article is kept in view inside the list's own scroll area (an import lands
    // at the end of a long list); on a phone the page is left where the reader put it
    {
        let (list_ref, rows) = (list_ref.clone(), rows.clone());
        let position =
            props.selected.as_deref().and_then(|id| props.shown.iter().position(|&i| library.articles[i].id == id));
        use_effect_with((props.selected.clone(), props.filters.sort), move |_| {
            let (Some(list), Some(index)) = (list_ref.cast::<Element>(), position) else { return };
            let Some(pane) = scroller(&list) else { return };
            let p = pane.get_bounding_client_rect();
            // the pane can reach below the window (it is as tall as the window, and starts lower)
            let bottom = p.bottom().min(viewport_height()) - 8.0;
            // the row itself when it is rendered (its place is exact), else its estimated place
            let top = list.get_bounding_client_rect().top();
            let delta = match list.query_selector("[aria-current=\"page\"]").ok().flatten() {
                Some(row) => {
                    let r = row.get_bounding_client_rect();
                    scroll_to_show(0, &[r.top() - top, r.bottom() - top], top, p.top(), bottom, 48.0)
                }
                None => scroll_to_show(index, &rows, top, p.top(), bottom, 48.0),
            };
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
                remember_list_exit();
            })
        };
        let snippet = query.snippet(a, 50);
        html! {
            <li key={a.id.clone()} aria-setsize={len.to_string()} aria-posinset={(first + k + 1).to_string()}>
                <a class={classes!("item", current.then_some("current"))}
                   href={article_href(&a.id, &props.filters)}
                   data-testid="article-item" data-article-id={a.id.clone()}
                   aria-current={current.then_some("page")}
                   {onclick}>
                    <span class="item-title" data-testid="article-title" lang="en">{ &a.title }</span>
                    <span class="item-meta">
                        <span class={classes!("item-outlet", a.outlet.is_none().then_some("unknown"))} data-testid="article-outlet">{ a.outlet_label() }</span>
                        <span class={classes!("item-date", a.date.is_none().then_some("unknown"))} data-testid="article-date">
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
        let (on_change, f) = (props.on_change.clone(), props.filters.clone());
        Callback::from(move |_| on_change.emit((f.cleared(), false)))
    };
    let on_sort = {
        let (on_change, f) = (props.on_change.clone(), props.filters.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else { return };
            let sort = ListSort::parse(&select.value()).unwrap_or_default();
            on_change.emit((Filters { sort, ..f.clone() }, false));
        })
    };
    let undated = if props.filters.sort.by_date() {
        props.shown.iter().filter(|&&i| library.articles[i].date.is_none()).count()
    } else {
        0
    };
    let entity_name = props.filters.entity.as_deref().and_then(|id| index.get(id)).map(|e| e.name.clone());
    html! {
        <nav class={classes!("list", searching.then_some("searching"))} aria-label="Articles" data-testid="article-list">
            <div class="list-head">
                <label for="list-sort">{"Sort"}</label>
                <select id="list-sort" data-testid="sort" onchange={on_sort}>
                    { for ListSort::ALL.into_iter().map(|s| html! {
                        <option value={s.key()} selected={s == props.filters.sort}>{ s.label() }</option>
                    }) }
                </select>
                if undated > 0 {
                    <span class="list-note" data-testid="undated-note">
                        { format!("{} with no date {} last", crate::text::wording::count(undated, "article"), if undated == 1 { "is" } else { "are" }) }
                    </span>
                }
            </div>
            if props.shown.is_empty() {
                <div class="empty" data-testid="empty">
                    <p>{ format!("No article matches {}.", props.filters.describe(entity_name.as_deref())) }</p>
                    <button class="button" onclick={clear}>{"Clear all filters"}</button>
                </div>
            } else {
                <ol ref={list_ref}>{ for items }</ol>
            }
        </nav>
    }
}
