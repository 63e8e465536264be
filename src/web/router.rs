//! A hash router: the route and filters of `location.hash` as a context, kept current by
//! `popstate` and `hashchange`, and a navigator that adds or replaces history entries. All
//! the app needs of a router, without one's size.

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::model::filters::Filters;
use crate::model::route::Route;

/// Fired on the window after the navigator changes the address (`pushState` fires nothing).
const CHANGED: &str = "helmand-reader:navigated";

/// Where the reader is: the route and the filters of the address.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    pub route: Route,
    pub filters: Filters,
}

impl Location {
    /// The address as it is now (for listeners that outlive a render).
    pub fn now() -> Self {
        let hash = gloo::utils::window().location().hash().unwrap_or_default();
        let (route, filters) = Route::of_hash(&hash);
        Location { route, filters }
    }
}

/// Adds or replaces history entries; the router hears of it at once.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Navigator;

impl Navigator {
    /// Goes to `href` (`#/…`) in a new history entry.
    pub fn push(&self, href: &str) {
        self.set(href, false);
    }

    /// Goes to `href` in place of the current entry (while typing a search).
    pub fn replace(&self, href: &str) {
        self.set(href, true);
    }

    pub fn back(&self) {
        let _ = gloo::utils::window().history().map(|h| h.back());
    }

    fn set(&self, href: &str, replace: bool) {
        let window = gloo::utils::window();
        let Ok(history) = window.history() else { return };
        let done = if replace {
            history.replace_state_with_url(&JsValue::NULL, "", Some(href))
        } else {
            history.push_state_with_url(&JsValue::NULL, "", Some(href))
        };
        if done.is_err() {
            // a sandboxed page may refuse the History API; the hash still works
            window.location().set_hash(href.trim_start_matches('#')).ok();
        }
        if let Ok(e) = web_sys::Event::new(CHANGED) {
            let _ = window.dispatch_event(&e);
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct RouterProps {
    pub children: Html,
}

/// Provides the `Location` to everything inside it, and re-renders them when it changes.
#[function_component(Router)]
pub fn router(props: &RouterProps) -> Html {
    let location = use_state_eq(Location::now);
    {
        let location = location.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let listeners: Vec<EventListener> = ["popstate", "hashchange", CHANGED]
                .into_iter()
                .map(|name| {
                    let location = location.clone();
                    EventListener::new(&window, name, move |_| location.set(Location::now()))
                })
                .collect();
            move || drop(listeners)
        });
    }
    html! {
        <ContextProvider<Location> context={(*location).clone()}>
            { props.children.clone() }
        </ContextProvider<Location>>
    }
}

/// The route and filters of the address.
#[hook]
pub fn use_location() -> Location {
    use_context::<Location>().unwrap_or_else(Location::now)
}
