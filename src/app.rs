//! The app shell: hash routing (deep links work on any static host), the side column
//! (articles or entities) beside the reader, the legend, and the `j`/`k` keys.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::article_list::ArticleList;
use crate::components::entity_panel::EntityPanel;
use crate::components::legend::Legend;
use crate::components::reader::Reader;
use crate::entities::EntityType;
use crate::entity_index::EntityIndex;
use crate::library::Library;
use crate::prefs::{TypeToggles, TYPES_KEY};

#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/article/:id")]
    Article { id: String },
    /// An article scrolled to one of its mentions (from the entity index).
    #[at("/article/:id/mention/:n")]
    Mention { id: String, n: usize },
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The library and its entity index, shared by every component; compared by identity.
#[derive(Clone)]
pub struct Shared {
    pub library: Rc<Library>,
    pub index: Rc<EntityIndex>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library, &other.library)
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let shared = use_memo((), |_| {
        let library = Library::bundled();
        let index = EntityIndex::build(&library.articles);
        Shared { library: Rc::new(library), index: Rc::new(index) }
    });
    html! {
        <HashRouter>
            <ContextProvider<Shared> context={(*shared).clone()}>
                <Shell />
            </ContextProvider<Shared>>
        </HashRouter>
    }
}

/// Which article the route asks for: `None` when the id names no article.
fn chosen_id(route: &Route, library: &Library) -> Option<String> {
    match route {
        Route::Article { id } | Route::Mention { id, .. } => library.get(id).map(|a| a.id.clone()),
        Route::Home | Route::NotFound => library.articles.first().map(|a| a.id.clone()),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Articles,
    Entities,
}

/// The saved highlight toggles, or the defaults and a message saying what was unreadable.
fn load_toggles() -> (TypeToggles, Option<String>) {
    let saved = gloo::utils::window().local_storage().ok().flatten().and_then(|s| s.get_item(TYPES_KEY).ok().flatten());
    match saved.map(|s| TypeToggles::decode(&s)) {
        None => (TypeToggles::default(), None),
        Some(Ok(t)) => (t, None),
        Some(Err(e)) => (TypeToggles::default(), Some(format!("Your saved highlight settings could not be read ({e}), so all types are shown."))),
    }
}

#[function_component(Shell)]
fn shell() -> Html {
    let Shared { library, .. } = use_context::<Shared>().expect("library context");
    let route = use_route::<Route>().unwrap_or(Route::Home);
    let navigator = use_navigator().expect("inside the router");
    let current = chosen_id(&route, &library);
    let missing = match &route {
        Route::Article { id } | Route::Mention { id, .. } if current.is_none() => Some(id.clone()),
        Route::NotFound => Some(String::new()),
        _ => None,
    };
    let mention = match &route {
        Route::Mention { n, .. } => Some(*n),
        _ => None,
    };
    let loaded = use_memo((), |_| load_toggles());
    let toggles = use_state(|| loaded.0);
    let notice = use_state(|| loaded.1.clone());
    let tab = use_state(|| Tab::Articles);

    let on_toggle = {
        let toggles = toggles.clone();
        Callback::from(move |ty: EntityType| {
            let next = toggles.toggled(ty);
            if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
                let _ = storage.set_item(TYPES_KEY, &next.encode());
            }
            toggles.set(next);
        })
    };

    // j / k move through the list, wherever the focus is, except while typing. The open
    // article is read from the address at each key press, so keys pressed faster than the
    // page re-renders still count from the right place.
    {
        let library = library.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                if e.ctrl_key() || e.meta_key() || e.alt_key() || is_typing(e) {
                    return;
                }
                let delta = match e.key().as_str() {
                    "j" => 1,
                    "k" => -1,
                    _ => return,
                };
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                let route = Route::recognize(hash.trim_start_matches('#')).unwrap_or(Route::Home);
                let current = chosen_id(&route, &library);
                if let Some(next) = library.step(current.as_deref(), delta) {
                    if current.as_deref() != Some(next.id.as_str()) {
                        e.prevent_default();
                        navigator.push(&Route::Article { id: next.id.clone() });
                    }
                }
            });
            move || drop(listener)
        });
    }

    let tab_button = |which: Tab, label: &str, testid: &str| {
        let tab = tab.clone();
        let selected = *tab == which;
        html! {
            <button role="tab" class="tab" aria-selected={selected.to_string()} aria-controls="side-panel"
                    data-testid={testid.to_string()} tabindex={if selected { "0" } else { "-1" }}
                    onclick={Callback::from(move |_| tab.set(which))}>{ label }</button>
        }
    };

    html! {
        <div class="shell">
            <header class="masthead">
                <a class="brand" href="#/">{"Helmand Reader"}</a>
                <span class="tagline">{ format!("{} articles · j / k to move", library.articles.len()) }</span>
                <Legend toggles={*toggles} on_toggle={on_toggle} />
            </header>
            if let Some(text) = (*notice).clone() {
                <div class="banner" role="status" data-testid="notice">
                    <span>{ text }</span>
                    <button onclick={{ let notice = notice.clone(); Callback::from(move |_| notice.set(None)) }}>{"Dismiss"}</button>
                </div>
            }
            <div class="panes">
                <aside class="side">
                    <div class="tabs" role="tablist" aria-label="Side panel">
                        { tab_button(Tab::Articles, "Articles", "tab-articles") }
                        { tab_button(Tab::Entities, "Entities", "tab-entities") }
                    </div>
                    <div id="side-panel" role="tabpanel">
                        if *tab == Tab::Articles {
                            <ArticleList selected={current.clone()} />
                        } else {
                            <EntityPanel current={current.clone()} />
                        }
                    </div>
                </aside>
                <Reader id={current} {missing} {mention} toggles={*toggles} />
            </div>
        </div>
    }
}

/// True when the key goes to a text field, where j and k are letters.
fn is_typing(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| el.is_content_editable() || matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
