//! The app shell: hash routing (deep links work on any static host) with the filters in
//! the address, the filter column, the side column (articles or entities), the reader,
//! the legend, and the keys (`j`/`k` move, `/` searches).

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::web::components::article_list::ArticleList;
use crate::web::components::entity_panel::EntityPanel;
use crate::web::components::filter_panel::FilterPanel;
use crate::web::components::legend::Legend;
use crate::web::components::reader::Reader;
use crate::web::components::import_controls::{file_list, import_and_open, ImportControls};
use crate::web::components::import_report::ImportReport;
use crate::model::districts::DistrictIndex;
use crate::model::entity::EntityType;
use crate::model::entity_index::EntityIndex;
use crate::model::filters::Filters;
use crate::model::library::Library;
use crate::model::prefs::{TypeToggles, TYPES_KEY};
use crate::web::store::Store;

#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/article/:id")]
    Article { id: String },
    /// An article scrolled to one of its mentions (from the entity index).
    #[at("/article/:id/mention/:n")]
    Mention { id: String, n: usize },
    /// The sentences naming a district, in the reading pane.
    #[at("/district/:name")]
    District { name: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The library and its indexes, shared by every component; compared by identity.
#[derive(Clone)]
pub struct Shared {
    pub library: Rc<Library>,
    pub index: Rc<EntityIndex>,
    pub districts: Rc<DistrictIndex>,
}

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.library, &other.library)
    }
}

/// Changes the filters: `(new filters, replace)`; `replace` rewrites the current history
/// entry (while typing a search) instead of adding one.
pub type OnFilters = Callback<(Filters, bool)>;

/// The first chunk of the bundled corpus (the rest comes with `Store::load`), or why not.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub bundled: Library,
    pub problem: Option<String>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let refresh = use_force_update();
    let store = {
        let (bundled, problem) = (props.bundled.clone(), props.problem.clone());
        use_memo((), move |_| Store::new(bundled, problem, Callback::from(move |_| refresh.force_update())))
    };
    {
        // the saved imports come back after the bundled articles are on screen
        let store = (*store).clone();
        use_effect_with((), move |_| store.load());
    }
    let shared = store.shared();
    html! {
        <HashRouter>
            <ContextProvider<Store> context={store.snapshot()}>
                <ContextProvider<Shared> context={shared}>
                    <Shell />
                </ContextProvider<Shared>>
            </ContextProvider<Store>>
        </HashRouter>
    }
}

/// The address of an article with the filters: `#/article/<id>?...`.
pub fn article_href(id: &str, filters: &Filters) -> String {
    let q = filters.encode();
    if q.is_empty() { format!("#/article/{id}") } else { format!("#/article/{id}?{q}") }
}

/// The address of the list with the filters: `#/?...` (on a phone, the list view).
pub fn list_href(filters: &Filters) -> String {
    let q = filters.encode();
    if q.is_empty() { "#/".to_string() } else { format!("#/?{q}") }
}

/// `#/article/<id>/mention/<n>` with the filters kept.
pub fn mention_href(id: &str, mention: usize, filters: &Filters) -> String {
    let q = filters.encode();
    if q.is_empty() { format!("#/article/{id}/mention/{mention}") } else { format!("#/article/{id}/mention/{mention}?{q}") }
}

/// `#/district/<name>` with the filters kept.
pub fn district_href(name: &str, filters: &Filters) -> String {
    let name = crate::text::percent::percent_encode(name);
    let q = filters.encode();
    if q.is_empty() { format!("#/district/{name}") } else { format!("#/district/{name}?{q}") }
}

thread_local! {
    /// On a phone: the list view was left for the reader by choosing an article, so the
    /// reader's back control can go back in history to it (with its scroll position).
    static FROM_LIST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The page's scroll position in the list view, kept while the reader is open.
    static LIST_SCROLL: std::cell::Cell<f64> = const { std::cell::Cell::new(0.0) };
}

/// Called when an article has been opened from the list (after `go`).
pub fn remember_list_exit() {
    FROM_LIST.with(|c| c.set(true));
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

/// The list and the reader are two views below this width (px), as in the stylesheet.
const PHONE_MAX: f64 = 760.0;

pub fn is_phone() -> bool {
    gloo::utils::window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w <= PHONE_MAX)
}

/// Goes to `route`, keeping `filters` in the address. The entry before is no longer the
/// list's (an article opened from the list says so after this, `remember_list_exit`).
pub fn go(navigator: &Navigator, route: &Route, filters: &Filters, replace: bool) {
    if !replace {
        FROM_LIST.with(|c| c.set(false));
    }
    // the query is written by `Filters::encode` (as `article_href` writes it), not by serde
    let query = gloo::history::query::Raw(filters.encode());
    match (query.0.is_empty(), replace) {
        (true, false) => navigator.push(route),
        (true, true) => navigator.replace(route),
        (false, false) => drop(navigator.push_with_query(route, query)),
        (false, true) => drop(navigator.replace_with_query(route, query)),
    }
}

/// Which article the route asks for: `None` when the id names no article, or when the list
/// is empty (an article that does not match the filters is never shown in its place).
fn chosen_id(route: &Route, library: &Library, shown: &[usize]) -> Option<String> {
    match route {
        Route::Article { id } | Route::Mention { id, .. } => library.get(id).map(|a| a.id.clone()),
        Route::Home | Route::NotFound => shown.first().and_then(|&i| library.articles.get(i)).map(|a| a.id.clone()),
        Route::District { .. } => None,
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
    let shared = use_context::<Shared>().expect("library context");
    let library = shared.library.clone();
    let route = use_route::<Route>().unwrap_or(Route::Home);
    let location = use_location();
    let navigator = use_navigator().expect("inside the router");
    let filters = Filters::decode(location.as_ref().map_or("", |l| l.query_str()));
    let counted = use_memo((filters.clone(), shared.clone()), |(f, s)| f.counted_for_districts(&s.library, &s.districts, &s.index));
    let shown = {
        let counted = counted.clone();
        use_memo((filters.clone(), shared.clone()), move |(f, s)| f.shown_within(&counted, &s.library, &s.districts))
    };
    let current = chosen_id(&route, &library, &shown);
    let missing = match &route {
        Route::Article { id } | Route::Mention { id, .. } if current.is_none() => Some(id.clone()),
        Route::NotFound => Some(String::new()),
        _ => None,
    };
    let district_view = match &route {
        Route::District { name } => Some(crate::text::percent::percent_decode(name)),
        _ => None,
    };
    // on a phone the list and the reader are two views: the address says which
    let list_view = matches!(route, Route::Home);
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

    // a filter change keeps the view: the list stays the list (on a phone, its own view), a
    // district's sentences stay open, and the open article stays unless it is filtered
    // out, when the list's first takes its place (none: the list, saying why it is empty)
    let on_filters: OnFilters = {
        let navigator = navigator.clone();
        let route = route.clone();
        let shared = shared.clone();
        Callback::from(move |(next, replace): (Filters, bool)| {
            let Shared { library, districts, index } = &shared;
            let open = match &route {
                Route::Article { id } | Route::Mention { id, .. } => library.articles.iter().position(|a| &a.id == id),
                Route::District { .. } => return go(&navigator, &route, &next, replace),
                _ => return go(&navigator, &Route::Home, &next, replace),
            };
            // the open article stays when it passes (one check); else the first that does
            let target = match open {
                Some(i) if next.admits(i, library, districts, index) => Route::Article { id: library.articles[i].id.clone() },
                _ => next.first_shown(library, districts, index).map_or(Route::Home, |i| Route::Article { id: library.articles[i].id.clone() }),
            };
            go(&navigator, &target, &next, replace);
        })
    };

    // j / k move through the shown list and "/" goes to the search box, wherever the focus
    // is, except while typing. The open article and filters are read from the address at
    // each key press, so keys pressed faster than the page re-renders count from the right place.
    let store = use_context::<Store>().expect("store context");
    {
        let (store, navigator) = (store.clone(), navigator.clone());
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
                        if let Some(input) = gloo::utils::document().query_selector("[data-testid=\"search\"]").ok().flatten() {
                            e.prevent_default();
                            let _ = input.unchecked_into::<HtmlElement>().focus();
                        }
                        return;
                    }
                    _ => return,
                };
                let hash = gloo::utils::window().location().hash().unwrap_or_default();
                let hash = hash.trim_start_matches('#');
                let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
                let filters = Filters::decode(query);
                let shared = store.shared();
                let shown = filters.shown(&shared.library, &shared.districts, &shared.index);
                let route = Route::recognize(path).unwrap_or(Route::Home);
                let current = chosen_id(&route, &shared.library, &shown);
                if let Some(next) = shared.library.step_within(&shown, current.as_deref(), delta) {
                    if current.as_deref() != Some(next.id.as_str()) {
                        e.prevent_default();
                        go(&navigator, &Route::Article { id: next.id.clone() }, &filters, false);
                    }
                }
            });
            move || drop(listener)
        });
    }

    // files dropped anywhere on the page are imported
    let dragging = use_state(|| false);
    {
        let (store, navigator, dragging) = (store.clone(), navigator.clone(), dragging.clone());
        use_effect_with((), move |_| {
            let doc = gloo::utils::document();
            let opts = EventListenerOptions::enable_prevent_default();
            let has_files = |e: &web_sys::DragEvent| e.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0));
            let over = {
                let dragging = dragging.clone();
                EventListener::new_with_options(&doc, "dragover", opts, move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else { return };
                    if has_files(e) {
                        e.prevent_default(); // allows the drop
                        dragging.set(true);
                    }
                })
            };
            let leave = {
                let dragging = dragging.clone();
                EventListener::new(&doc, "dragleave", move |e| {
                    let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else { return };
                    if e.related_target().is_none() {
                        dragging.set(false); // left the window
                    }
                })
            };
            let dropped = EventListener::new_with_options(&doc, "drop", opts, move |e| {
                let Some(e) = e.dyn_ref::<web_sys::DragEvent>() else { return };
                dragging.set(false);
                let files = file_list(e.data_transfer().and_then(|d| d.files()));
                if !files.is_empty() {
                    e.prevent_default(); // the browser must not open the file instead
                    let hash = gloo::utils::window().location().hash().unwrap_or_default();
                    let filters = Filters::decode(hash.split_once('?').map_or("", |(_, q)| q));
                    import_and_open(&store, &navigator, &filters, files);
                }
            });
            move || std::mem::drop((over, leave, dropped))
        });
    }

    // on a phone, the list view's scroll position is kept while the reader is open and
    // given back when the list returns
    use_effect_with(list_view, |&list_view| {
        let window = gloo::utils::window();
        let listener = list_view.then(|| {
            if is_phone() {
                let y = LIST_SCROLL.with(|c| c.get());
                window.scroll_to_with_x_and_y(0.0, y);
            }
            EventListener::new(&window, "scroll", |_| {
                if is_phone() {
                    LIST_SCROLL.with(|c| c.set(gloo::utils::window().scroll_y().unwrap_or(0.0)));
                }
            })
        });
        if list_view {
            FROM_LIST.with(|c| c.set(false));
        }
        move || drop(listener)
    });

    let tab_button = |which: Tab, label: &str, testid: &str| {
        let tab = tab.clone();
        let selected = *tab == which;
        html! {
            <button role="tab" class="tab" aria-selected={selected.to_string()} aria-controls="side-panel"
                    data-testid={testid.to_string()} tabindex={if selected { "0" } else { "-1" }}
                    onclick={Callback::from(move |_| tab.set(which))}>{ label }</button>
        }
    };

    // arrow keys move between the tabs (the tab pattern of WAI-ARIA)
    let tab_keys = {
        let tab = tab.clone();
        Callback::from(move |e: KeyboardEvent| {
            if !matches!(e.key().as_str(), "ArrowLeft" | "ArrowRight" | "Home" | "End") {
                return;
            }
            e.prevent_default();
            let next = if *tab == Tab::Articles { Tab::Entities } else { Tab::Articles };
            tab.set(next);
            let id = if next == Tab::Articles { "tab-articles" } else { "tab-entities" };
            if let Some(el) = gloo::utils::document().query_selector(&format!("[data-testid=\"{id}\"]")).ok().flatten() {
                let _ = el.unchecked_into::<HtmlElement>().focus();
            }
        })
    };

    html! {
        <div class="shell">
            <header class="masthead">
                <a class="brand" href="#/">{"Helmand Reader"}</a>
                <span class="tagline">
                    { crate::text::wording::count(library.articles.len(), "article") }
                    <span class="keys">{" · j / k to move · / to search"}</span>
                </span>
                <ImportControls filters={filters.clone()} />
                <Legend toggles={*toggles} on_toggle={on_toggle} />
            </header>
            <ImportReport filters={filters.clone()} />
            if *dragging {
                <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                    <p>{"Drop .txt, .md or .html files to import them"}</p>
                </div>
            }
            if let Some(text) = (*notice).clone() {
                <div class="banner" role="status" data-testid="notice">
                    <span>{ text }</span>
                    <button onclick={{ let notice = notice.clone(); Callback::from(move |_| notice.set(None)) }}>{"Dismiss"}</button>
                </div>
            }
            <div class={classes!("panes", if list_view { "view-list" } else { "view-reader" })}>
                <div class="browse">
                    <FilterPanel filters={filters.clone()} shown={shown.len()} counted={(*counted).clone()} on_change={on_filters.clone()} />
                    <aside class="side" aria-label="Articles and entities">
                        <div class="tabs" role="tablist" aria-label="Side panel" onkeydown={tab_keys}>
                            { tab_button(Tab::Articles, "Articles", "tab-articles") }
                            { tab_button(Tab::Entities, "Entities", "tab-entities") }
                        </div>
                        <div id="side-panel" role="tabpanel">
                            if *tab == Tab::Articles {
                                <ArticleList selected={current.clone()} shown={(*shown).clone()} filters={filters.clone()} on_change={on_filters.clone()} />
                            } else {
                                <EntityPanel current={current.clone()} shown={(*shown).clone()} filters={filters.clone()} on_change={on_filters.clone()} />
                            }
                        </div>
                    </aside>
                </div>
                <Reader id={current} {missing} {mention} toggles={*toggles} filters={filters.clone()}
                        {district_view} counted={(*counted).clone()} shown={shown.len()} />
            </div>
        </div>
    }
}

/// True when the key goes to a text field, where j, k and / are characters (a checkbox
/// is no text field).
fn is_typing(e: &KeyboardEvent) -> bool {
    e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()).is_some_and(|el| {
        let kind = el.get_attribute("type").unwrap_or_default();
        el.is_content_editable()
            || matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
            || (el.tag_name() == "INPUT" && !matches!(kind.as_str(), "checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color"))
    })
}
