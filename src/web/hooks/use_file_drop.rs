//! Files dropped anywhere on the page are imported (and the first opened); says whether
//! files are being dragged over the page, for the drop overlay.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::DragEvent;
use yew::prelude::*;

use crate::web::components::import_controls::{file_list, import_and_open};
use crate::web::router::{Location, Navigator};
use crate::web::store::Store;

#[hook]
pub fn use_file_drop(store: Store) -> bool {
    let dragging = use_state_eq(|| false);
    {
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let doc = gloo::utils::document();
            let opts = EventListenerOptions::enable_prevent_default();
            let has_files = |e: &DragEvent| e.data_transfer().is_some_and(|d| d.types().includes(&"Files".into(), 0));
            let over = {
                let dragging = dragging.clone();
                EventListener::new_with_options(&doc, "dragover", opts, move |e| {
                    let Some(e) = e.dyn_ref::<DragEvent>() else { return };
                    if has_files(e) {
                        e.prevent_default(); // allows the drop
                        dragging.set(true);
                    }
                })
            };
            let leave = {
                let dragging = dragging.clone();
                EventListener::new(&doc, "dragleave", move |e| {
                    let Some(e) = e.dyn_ref::<DragEvent>() else { return };
                    if e.related_target().is_none() {
                        dragging.set(false); // left the window
                    }
                })
            };
            let dropped = EventListener::new_with_options(&doc, "drop", opts, move |e| {
                let Some(e) = e.dyn_ref::<DragEvent>() else { return };
                dragging.set(false);
                let files = file_list(e.data_transfer().and_then(|d| d.files()));
                if !files.is_empty() {
                    e.prevent_default(); // the browser must not open the file instead
                    import_and_open(&store, &Navigator, &Location::now().filters, files);
                }
            });
            move || drop((over, leave, dropped))
        });
    }
    *dragging
}
