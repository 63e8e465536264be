//! The app: the store and the router around the shell, which lays out the filter column,
//! the side column (articles or entities), the reader and the legend, with the filters and
//! the place in the address.

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::model::filters::Filters;
use crate::model::library::Library;
use crate::model::route::Route;
use crate::text::wording::count;
use crate::web::components::article_list::ArticleList;
use crate::web::components::entity_panel::EntityPanel;
use crate::web::components::figures_panel::FiguresPanel;
use crate::web::components::filter_panel::FilterPanel;
use crate::web::components::import_controls::ImportControls;
use crate::web::components::import_report::ImportReport;
use crate::web::components::legend::Legend;
use crate::web::components::notes_panel::NotesPanel;
use crate::web::components::reader::Reader;
use crate::web::context::{OnFilters, Shared};
use crate::web::hooks::use_file_drop::use_file_drop;
use crate::web::hooks::use_highlights::{use_highlights, HighlightsContext};
use crate::web::hooks::use_list_scroll::use_list_scroll;
use crate::web::hooks::use_move_keys::use_move_keys;
use crate::web::hooks::use_type_toggles::use_type_toggles;
use crate::web::navigation::go;
use crate::web::router::{use_location, Navigator, Router};
use crate::web::store::Store;

/// The first chunk of the bundled corpus (the rest comes with `Store::load`), or why not.
#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub bundled: Library,
    pub problem: Option<String>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let refresh = use_force_update();
    let highlights = use_highlights();
    let store = {
        let (bundled, problem, change) = (props.bundled.clone(), props.problem.clone(), highlights.change.clone());
        use_memo((), move |_| Store::new(bundled, problem, Callback::from(move |_| refresh.force_update()), change))
    };
    {
        // the saved imports come back after the bundled articles are on screen
        let store = (*store).clone();
        use_effect_with((), move |_| store.load());
    }
    let shared = store.shared();
    html! {
        <Router>
            <ContextProvider<Store> context={store.snapshot()}>
                <ContextProvider<Shared> context={shared}>
                    <ContextProvider<HighlightsContext> context={highlights}>
                        <Shell />
                    </ContextProvider<HighlightsContext>>
                </ContextProvider<Shared>>
            </ContextProvider<Store>>
        </Router>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Tab {
    Articles,
    Entities,
    Notes,
    Figures,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Articles, Tab::Entities, Tab::Notes, Tab::Figures];

    fn testid(self) -> &'static str {
        match self {
            Tab::Articles => "tab-articles",
            Tab::Entities => "tab-entities",
            Tab::Notes => "tab-notes",
            Tab::Figures => "tab-figures",
        }
    }
}

#[function_component(Shell)]
fn shell() -> Html {
    let shared = use_context::<Shared>().expect("library context");
    let store = use_context::<Store>().expect("store context");
    let library = shared.library.clone();
    let location = use_location();
    let (route, filters) = (location.route.clone(), location.filters.clone());
    let counted = use_memo((filters.clone(), shared.clone()), |(f, s)| {
        f.counted_for_districts(&s.library, &s.districts, &s.index)
    });
    let shown = {
        let counted = counted.clone();
        use_memo((filters.clone(), shared.clone()), move |(f, s)| f.shown_within(&counted, &s.library, &s.districts))
    };
    let current = route.chosen(&library, &shown);
    let missing = match &route {
        Route::Article { id } | Route::Mention { id, .. } if current.is_none() => Some(id.clone()),
        Route::NotFound => Some(String::new()),
        _ => None,
    };
    let district_view = match &route {
        Route::District { name } => Some(name.clone()),
        _ => None,
    };
    // on a phone the list and the reader are two views: the address says which
    let list_view = matches!(route, Route::Home);
    let mention = match &route {
        Route::Mention { n, .. } => Some(*n),
        _ => None,
    };
    let (toggles, on_toggle, toggles_problem) = use_type_toggles();
    let notice = use_state(|| toggles_problem);
    let tab = use_state(|| Tab::Articles);
    let highlights = use_context::<HighlightsContext>().expect("highlights context");

    // a filter change keeps the view: the list stays the list (on a phone, its own view), a
    // district's sentences stay open, and the open article stays unless it is filtered
    // out, when the list's first takes its place (none: the list, saying why it is empty)
    let on_filters: OnFilters = {
        let route = route.clone();
        let shared = shared.clone();
        Callback::from(move |(next, replace): (Filters, bool)| {
            let Shared { library, districts, index } = &shared;
            let open = match &route {
                Route::Article { id } | Route::Mention { id, .. } => library.articles.iter().position(|a| &a.id == id),
                Route::District { .. } => return go(&Navigator, &route, &next, replace),
                _ => return go(&Navigator, &Route::Home, &next, replace),
            };
            // the open article stays when it passes (one check); else the first that does
            let target = match open {
                Some(i) if next.admits(i, library, districts, index) => {
                    Route::Article { id: library.articles[i].id.clone() }
                }
                _ => next
                    .first_shown(library, districts, index)
                    .map_or(Route::Home, |i| Route::Article { id: library.articles[i].id.clone() }),
            };
            go(&Navigator, &target, &next, replace);
        })
    };

    use_move_keys(store.clone());
    let dragging = use_file_drop(store.clone());
    use_list_scroll(list_view);

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
            let at = Tab::ALL.iter().position(|t| *t == *tab).unwrap_or(0);
            let next = match e.key().as_str() {
                "ArrowLeft" => Tab::ALL[(at + Tab::ALL.len() - 1) % Tab::ALL.len()],
                "ArrowRight" => Tab::ALL[(at + 1) % Tab::ALL.len()],
                "Home" => Tab::ALL[0],
                "End" => Tab::ALL[Tab::ALL.len() - 1],
                _ => return,
            };
            e.prevent_default();
            tab.set(next);
            let selector = format!("[data-testid=\"{}\"]", next.testid());
            if let Some(el) = gloo::utils::document().query_selector(&selector).ok().flatten() {
                let _ = el.unchecked_into::<HtmlElement>().focus();
            }
        })
    };

    html! {
        <div class="shell">
            <header class="masthead">
                <a class="brand" href="#/">{"Helmand Reader"}</a>
                <span class="tagline">
                    { count(library.articles.len(), "article") }
                    <span class="keys">{" · j / k to move · / to search"}</span>
                </span>
                <ImportControls filters={filters.clone()} />
                <Legend {toggles} {on_toggle} />
            </header>
            <ImportReport filters={filters.clone()} />
            if dragging {
                <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                    <p>{"Drop .txt, .md or .html files to import them"}</p>
                </div>
            }
            if let Some(text) = highlights.problem.clone() {
                <div class="banner" role="alert" data-testid="highlights-problem"><span>{ text }</span></div>
            }
            if let Some(text) = highlights.merged.clone() {
                <div class="banner" role="status" data-testid="highlights-merged">
                    <span>{ text }</span>
                    <button onclick={highlights.dismiss.reform(|_| ())}>{"Dismiss"}</button>
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
                            { tab_button(Tab::Notes, "Notes", "tab-notes") }
                            { tab_button(Tab::Figures, "Figures", "tab-figures") }
                        </div>
                        <div id="side-panel" role="tabpanel">
                            if *tab == Tab::Articles {
                                <ArticleList selected={current.clone()} shown={(*shown).clone()} filters={filters.clone()} on_change={on_filters.clone()} />
                            } else if *tab == Tab::Entities {
                                <EntityPanel current={current.clone()} shown={(*shown).clone()} filters={filters.clone()} on_change={on_filters.clone()} />
                            } else if *tab == Tab::Notes {
                                <NotesPanel shown={(*shown).clone()} filters={filters.clone()} />
                            } else {
                                <FiguresPanel shown={(*shown).clone()} filters={filters.clone()} />
                            }
                        </div>
                    </aside>
                </div>
                <Reader id={current} {missing} {mention} {toggles} filters={filters.clone()}
                        {district_view} counted={(*counted).clone()} shown={shown.len()} />
            </div>
        </div>
    }
}
