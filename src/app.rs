//! The app shell: hash routing (deep links work on any static host), the list beside the
//! reader, and the `j`/`k` keys.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::article_list::ArticleList;
use crate::components::reader::Reader;
use crate::library::Library;

#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/article/:id")]
    Article { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The library shared by every component; compared by identity, not content.
#[derive(Clone)]
pub struct Shared(pub Rc<Library>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let library = use_memo((), |_| Shared(Rc::new(Library::bundled())));
    html! {
        <HashRouter>
            <ContextProvider<Shared> context={(*library).clone()}>
                <Shell />
            </ContextProvider<Shared>>
        </HashRouter>
    }
}

/// Which article the route asks for: `None` when the id names no article.
fn chosen_id(route: &Route, library: &Library) -> Option<String> {
    match route {
        Route::Article { id } => library.get(id).map(|a| a.id.clone()),
        Route::Home | Route::NotFound => library.articles.first().map(|a| a.id.clone()),
    }
}

#[function_component(Shell)]
fn shell() -> Html {
    let Shared(library) = use_context::<Shared>().expect("library context");
    let route = use_route::<Route>().unwrap_or(Route::Home);
    let navigator = use_navigator().expect("inside the router");
    let current = chosen_id(&route, &library);
    let missing = match &route {
        Route::Article { id } if current.is_none() => Some(id.clone()),
        Route::NotFound => Some(String::new()),
        _ => None,
    };

    // j / k move through the list, wherever the focus is, except while typing.
    {
        let library = library.clone();
        let current = current.clone();
        use_effect_with(current.clone(), move |_| {
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

    html! {
        <div class="shell">
            <header class="masthead">
                <a class="brand" href="#/">{"Helmand Reader"}</a>
                <span class="tagline">{ format!("{} articles · j / k to move", library.articles.len()) }</span>
            </header>
            <div class="panes">
                <ArticleList selected={current.clone()} />
                <Reader id={current} missing={missing} />
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
