//! For an imported article: edit its details (title, outlet, byline, address, date) or
//! delete it.
//! Bundled articles have no such controls.

use std::rc::Rc;

use crate::web::router::Navigator;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::article::Article;
use crate::model::filters::Filters;
use crate::model::record::Details;
use crate::model::route::Route;
use crate::web::navigation::go;
use crate::web::store::Store;

#[derive(Properties, PartialEq)]
pub struct ArticleActionsProps {
    pub article: Rc<Article>,
    pub filters: Filters,
}

#[function_component(ArticleActions)]
pub fn article_actions(props: &ArticleActionsProps) -> Html {
    let store = use_context::<Store>().expect("store context");
    let navigator = Navigator;
    let editing = use_state(|| false);
    let error = use_state(|| None::<String>);
    let (title, outlet, date, author, url) =
        (use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref(), use_node_ref());
    let Some(rec) = props.article.stored.clone() else { return html! {} };

    let start = {
        let (editing, error) = (editing.clone(), error.clone());
        Callback::from(move |_| {
            error.set(None);
            editing.set(true);
        })
    };
    let cancel = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(false))
    };
    let save = {
        let (store, editing, error, rec) = (store.clone(), editing.clone(), error.clone(), rec.clone());
        let (title, outlet, date, author, url) =
            (title.clone(), outlet.clone(), date.clone(), author.clone(), url.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = |r: &NodeRef| r.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let details = Details {
                title: value(&title),
                outlet: value(&outlet),
                author: value(&author),
                url: value(&url),
                date: value(&date),
            };
            match rec.renamed(&details) {
                Ok(next) => {
                    editing.set(false);
                    store.rename(next);
                }
                Err(why) => error.set(Some(why)),
            }
        })
    };
    let delete = {
        let (store, navigator, filters, id) = (store.clone(), navigator.clone(), props.filters.clone(), rec.id.clone());
        Callback::from(move |_| {
            // the next article in the list takes its place (the one before, at the end)
            let shared = store.shared();
            let shown = filters.shown(&shared.library, &shared.districts, &shared.index);
            let lib = &shared.library;
            let next = [1, -1].into_iter().filter_map(|d| lib.step_within(&shown, Some(&id), d)).find(|a| a.id != id);
            let route = next.map_or(Route::Home, |a| Route::Article { id: a.id.clone() });
            go(&navigator, &route, &filters, false);
            store.delete(id.clone());
        })
    };

    if *editing {
        html! {
            <form class="edit-details" onsubmit={save} data-testid="edit-form" aria-label="Edit the article's details">
                <label>{"Title"}<input ref={title} type="text" value={rec.title.clone()} required=true data-testid="edit-title" /></label>
                <label>{"Outlet"}<input ref={outlet} type="text" value={rec.outlet.clone().unwrap_or_default()} placeholder="Imported" data-testid="edit-outlet" /></label>
                <label>{"Byline"}<input ref={author} type="text" value={rec.author.clone().unwrap_or_default()} data-testid="edit-author" /></label>
                <label>{"Address (URL)"}<input ref={url} type="url" inputmode="url" value={rec.url.clone().unwrap_or_default()} placeholder="https://…" data-testid="edit-url" /></label>
                <label>{"Published (a day, a month or a year: 2015-07-30, July 2015, 2015)"}
                    <input ref={date} type="text" value={rec.date.clone().unwrap_or_default()} data-testid="edit-date" autocomplete="off" /></label>
                if let Some(why) = &*error {
                    <p class="form-error" role="alert" data-testid="edit-error">{ why }</p>
                }
                <div class="dialog-buttons">
                    <button type="button" class="button" onclick={cancel}>{"Cancel"}</button>
                    <button type="submit" class="button primary" data-testid="edit-save">{"Save"}</button>
                </div>
            </form>
        }
    } else {
        html! {
            <div class="article-actions">
                <button class="button" onclick={start} data-testid="edit-article">{"Edit details"}</button>
                <button class="button danger" onclick={delete} data-testid="delete-article">{"Delete"}</button>
            </div>
        }
    }
}
