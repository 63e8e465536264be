//! The app's moves between places: to a route with the filters kept, and on a phone back
//! to the list where it was left (its history entry, so its scroll position comes back).

use std::cell::Cell;

use yew::Callback;

use crate::model::filters::Filters;
use crate::model::route::Route;
use crate::web::router::Navigator;

thread_local! {
    /// On a phone: the list view was left for the reader by choosing an article, so the
    /// reader's back control can go back in history to it (with its scroll position).
    static FROM_LIST: Cell<bool> = const { Cell::new(false) };
    /// The page's scroll position in the list view, kept while the reader is open.
    static LIST_SCROLL: Cell<f64> = const { Cell::new(0.0) };
}

/// Goes to `route`, keeping `filters` in the address; `replace` rewrites the current
/// history entry (while typing a search). The entry before is no longer the list's (an
/// article opened from the list says so after this, `remember_list_exit`).
pub fn go(navigator: &Navigator, route: &Route, filters: &Filters, replace: bool) {
    let href = route.href(filters);
    if replace {
        navigator.replace(&href);
    } else {
        FROM_LIST.with(|c| c.set(false));
        navigator.push(&href);
    }
}

/// Called when an article has been opened from the list (after `go`).
pub fn remember_list_exit() {
    FROM_LIST.with(|c| c.set(true));
}

/// The list view is showing: the reader was not left for it by the list.
pub fn forget_list_exit() {
    FROM_LIST.with(|c| c.set(false));
}

/// The reader's back control on a phone: back in history when the list is the entry before
/// (its filters and scroll position come back with it), else to the list with the filters.
pub fn back_to_list(navigator: &Navigator, filters: &Filters) {
    if FROM_LIST.with(|c| c.replace(false)) {
        navigator.back();
    } else {
        go(navigator, &Route::Home, filters, false);
    }
}

/// The list view's scroll position, as last kept.
pub fn list_scroll() -> f64 {
    LIST_SCROLL.with(Cell::get)
}

pub fn keep_list_scroll(y: f64) {
    LIST_SCROLL.with(|c| c.set(y));
}

/// Opens an article by id, keeping the filters (after an import or an undo).
pub fn opener(navigator: &Navigator, filters: &Filters) -> Callback<String> {
    let (navigator, filters) = (*navigator, filters.clone());
    Callback::from(move |id| go(&navigator, &Route::Article { id }, &filters, false))
}

thread_local! {
    /// A highlight to bring into view when its article is next shown (from the notes view).
    static SHOW_HIGHLIGHT: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// The notes view opens an article at a highlight: the article view scrolls to it.
pub fn show_highlight(id: &str) {
    SHOW_HIGHLIGHT.with(|h| *h.borrow_mut() = Some(id.to_string()));
}

/// The highlight asked for, once.
pub fn take_highlight_to_show() -> Option<String> {
    SHOW_HIGHLIGHT.with(|h| h.borrow_mut().take())
}
