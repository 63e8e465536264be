//! What the last import did, file by file, while it runs and after; problems with the saved
//! articles; and "Undo" after a delete. A live region, so screen readers hear it too.

use crate::web::router::Navigator;
use yew::prelude::*;

use crate::model::filters::Filters;
use crate::model::route::article_href;
use crate::web::navigation::opener;
use crate::web::store::Store;

#[derive(Properties, PartialEq)]
pub struct ImportReportProps {
    pub filters: Filters,
}

#[function_component(ImportReport)]
pub fn import_report(props: &ImportReportProps) -> Html {
    let store = use_context::<Store>().expect("store context");
    let navigator = Navigator;
    let status = store.status.borrow().clone();
    let report = store.collection.borrow().report.clone();
    let dismiss = {
        let store = store.clone();
        Callback::from(move |_| store.dismiss_report())
    };
    let undo = {
        let (store, open) = (store.clone(), opener(&navigator, &props.filters));
        Callback::from(move |_| store.undo_delete(open.clone()))
    };
    let dismiss_deleted = {
        let store = store.clone();
        Callback::from(move |_| store.dismiss_deleted())
    };
    let forget = {
        let store = store.clone();
        Callback::from(move |_| store.forget_unreadable())
    };
    let dismiss_storage = {
        let store = store.clone();
        Callback::from(move |_| store.dismiss_storage())
    };
    let refused = report.iter().filter(|l| l.added.is_none()).count();
    html! {
        <div class="import-status" role="status" aria-live="polite" data-testid="import-status" data-loaded={status.loaded.to_string()}
             data-pending={store.pending().to_string()}>
            if let Some(busy) = &status.busy {
                <div class="banner busy" data-testid="import-progress">
                    <span>{ busy }</span>
                    if let Some((done, total)) = status.progress {
                        <progress max={total.to_string()} value={done.to_string()}></progress>
                    } else {
                        <progress></progress>
                    }
                </div>
            }
            if !report.is_empty() && status.busy.is_none() {
                <div class={classes!("banner", "report", (refused > 0).then_some("has-refused"))} data-testid="import-report">
                    <div>
                        <strong>{ crate::model::collection::summary(&report) }</strong>
                        <ul>
                            { for report.iter().map(|l| html! {
                                <li class={if l.added.is_some() { "ok" } else { "refused" }} data-testid="import-message" data-file={l.name.clone()}>
                                    { &l.text }
                                    if let Some(id) = &l.added {
                                        {" "}<a href={article_href(id, &props.filters)}>{"Open"}</a>
                                    }
                                </li>
                            }) }
                        </ul>
                    </div>
                    <button onclick={dismiss.clone()}>{"Dismiss"}</button>
                </div>
            }
            if let Some(rec) = &status.deleted {
                <div class="banner" data-testid="deleted">
                    <span>{ format!("Deleted “{}”.", rec.title) }</span>
                    <span class="banner-buttons">
                        <button onclick={undo} data-testid="undo-delete">{"Undo"}</button>
                        <button onclick={dismiss_deleted}>{"Dismiss"}</button>
                    </span>
                </div>
            }
            if let Some(notice) = &status.unreadable_notice {
                <div class="banner warning" data-testid="storage-notice">
                    <p>{ notice }</p>
                    <span class="banner-buttons">
                        <button onclick={forget} data-testid="forget-unreadable">{"Delete the unreadable records"}</button>
                    </span>
                </div>
            }
            if !status.storage.is_empty() {
                <div class="banner warning" data-testid="storage-problem">
                    <ul>{ for status.storage.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                    <span class="banner-buttons">
                        <button onclick={dismiss_storage}>{"Dismiss"}</button>
                    </span>
                </div>
            }
        </div>
    }
}
