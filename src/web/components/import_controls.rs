//! The masthead's import tools: the file input (several files; .txt, .md, .html, .htm and
//! the reader's own .json exports), the paste dialog and the export of all imports.

use crate::web::router::Navigator;
use wasm_bindgen::JsCast;
use web_sys::{HtmlDialogElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::model::file_check::ACCEPT;
use crate::model::filters::Filters;
use crate::web::store::Store;

#[derive(Properties, PartialEq)]
pub struct ImportControlsProps {
    pub filters: Filters,
}

/// The files of an input or a drop, as a list.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Runs an import and opens the first article it added.
pub fn import_and_open(store: &Store, navigator: &Navigator, filters: &Filters, files: Vec<web_sys::File>) {
    if !files.is_empty() {
        store.import_files(files, crate::web::navigation::opener(navigator, filters));
    }
}

#[function_component(ImportControls)]
pub fn import_controls(props: &ImportControlsProps) -> Html {
    let store = use_context::<Store>().expect("store context");
    let navigator = Navigator;
    let dialog = use_node_ref();
    let paste_title = use_node_ref();
    let paste_outlet = use_node_ref();
    let paste_text = use_node_ref();
    let paste_url = use_node_ref();
    let has_imports = store.collection.borrow().library.articles.iter().any(|a| a.is_imported());

    let on_files = {
        let (store, navigator, filters) = (store.clone(), navigator.clone(), props.filters.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let files = file_list(input.files());
            input.set_value(""); // the same file can be chosen again
            import_and_open(&store, &navigator, &filters, files);
        })
    };
    let open_paste = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        })
    };
    let close_paste = {
        let dialog = dialog.clone();
        Callback::from(move |_| {
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
        })
    };
    let url_error = use_state(|| None::<String>);
    let on_paste = {
        let (store, navigator, filters) = (store.clone(), navigator.clone(), props.filters.clone());
        let (dialog, paste_title, paste_outlet, paste_text, paste_url) =
            (dialog.clone(), paste_title.clone(), paste_outlet.clone(), paste_text.clone(), paste_url.clone());
        let url_error = url_error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (Some(t), Some(o), Some(x), Some(u)) = (
                paste_title.cast::<HtmlInputElement>(),
                paste_outlet.cast::<HtmlInputElement>(),
                paste_text.cast::<HtmlTextAreaElement>(),
                paste_url.cast::<HtmlInputElement>(),
            ) else {
                return;
            };
            // a wrong address is said here, and nothing typed is lost
            if let Err(why) = crate::text::address::checked(&u.value()) {
                url_error.set(Some(why));
                return;
            }
            url_error.set(None);
            let (title, outlet, text, url) = (t.value(), o.value(), x.value(), u.value());
            for input in [&t, &o, &u] {
                input.set_value("");
            }
            x.set_value("");
            if let Some(d) = dialog.cast::<HtmlDialogElement>() {
                d.close();
            }
            store.paste(title, outlet, text, url, crate::web::navigation::opener(&navigator, &filters));
        })
    };
    let export = {
        let store = store.clone();
        Callback::from(move |_| store.export())
    };

    html! {
        <div class="import-controls">
            <label class="button file-button">
                {"Import files…"}
                <input type="file" multiple=true accept={ACCEPT} class="visually-hidden" data-testid="import-file"
                       onchange={on_files} />
            </label>
            <button class="button" data-testid="paste-open" onclick={open_paste}>{"Paste text…"}</button>
            <button class="button" data-testid="export" onclick={export} disabled={!has_imports}
                    title="Download all imported articles as one JSON file">{"Export imports"}</button>
            <dialog ref={dialog} class="paste-dialog" aria-labelledby="paste-heading" data-testid="paste-dialog">
                <form method="dialog" onsubmit={on_paste}>
                    <h2 id="paste-heading">{"Paste an article"}</h2>
                    <label for="paste-title">{"Title (optional: the first line is used otherwise)"}</label>
                    <input id="paste-title" ref={paste_title} type="text" data-testid="paste-title" autocomplete="off" />
                    <label for="paste-outlet">{"Outlet (optional: read from the page or its address otherwise)"}</label>
                    <input id="paste-outlet" ref={paste_outlet} type="text" data-testid="paste-outlet" autocomplete="off" />
                    <label for="paste-url">{"Address (URL, optional)"}</label>
                    <input id="paste-url" ref={paste_url} type="url" inputmode="url" data-testid="paste-url" autocomplete="off"
                           placeholder="https://…" aria-describedby="paste-url-error" />
                    if let Some(why) = &*url_error {
                        <p class="form-error" id="paste-url-error" role="alert" data-testid="paste-url-error">{ why }</p>
                    }
                    <label for="paste-text">{"Text"}</label>
                    <textarea id="paste-text" ref={paste_text} rows="14" required=true data-testid="paste-text" />
                    <div class="dialog-buttons">
                        <button type="button" class="button" onclick={close_paste}>{"Cancel"}</button>
                        <button type="submit" class="button primary" data-testid="paste-add">{"Add article"}</button>
                    </div>
                </form>
            </dialog>
        </div>
    }
}
