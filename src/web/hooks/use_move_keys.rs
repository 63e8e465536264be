//! `j` / `k` move through the shown list and `/` goes to the search box, wherever the focus
//! is, except while typing. The open article and the filters are read from the address at
//! each key press, so keys pressed faster than the page re-renders count from the right place.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::model::route::Route;
use crate::web::navigation::go;
use crate::web::router::{Location, Navigator};
use crate::web::store::Store;

#[hook]
pub fn use_move_keys(store: Store) {
    use_effect_with((), move |_| {
        // not passive: "/" must not also type itself into the search box
        let options = EventListenerOptions::enable_prevent_default();
        let listener = EventListener::new_with_options(&gloo::utils::document(), "keydown", options, move |e| {
            let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
            if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(e) {
                return;
            }
            let delta = match e.key().as_str() {
                "j" => 1,
                "k" => -1,
                "/" => {
                    if let Some(input) =
                        gloo::utils::document().query_selector("[data-testid=\"search\"]").ok().flatten()
                    {
                        e.prevent_default();
                        let _ = input.unchecked_into::<HtmlElement>().focus();
                    }
                    return;
                }
                _ => return,
            };
            let Location { route, filters } = Location::now();
            let shared = store.shared();
            let shown = filters.shown(&shared.library, &shared.districts, &shared.index);
            let current = route.chosen(&shared.library, &shown);
            if let Some(next) = shared.library.step_within(&shown, current.as_deref(), delta) {
                if current.as_deref() != Some(next.id.as_str()) {
                    e.prevent_default();
                    go(&Navigator, &Route::Article { id: next.id.clone() }, &filters, false);
                }
            }
        });
        move || drop(listener)
    });
}

/// True when the key goes to a text field, where j, k and / are characters (a checkbox
/// is no text field).
fn is_typing(e: &KeyboardEvent) -> bool {
    e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()).is_some_and(|el| {
        let kind = el.get_attribute("type").unwrap_or_default();
        el.is_content_editable()
            || matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
            || (el.tag_name() == "INPUT"
                && !matches!(kind.as_str(), "checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color"))
    })
}
