//! The app's links to the browser beyond rendering: the bundled corpus, storage, the import
//! worker, downloads.

pub mod corpus;
pub mod download;
pub mod idb;
pub mod import_worker;
pub mod persist;
pub mod screen;

use std::cell::Cell;

thread_local! {
    static LAST: Cell<f64> = const { Cell::new(0.0) };
}

/// The browser's clock as ISO 8601, never the same twice: imports are listed in the order
/// of these stamps after a reload.
pub fn now_iso() -> String {
    let ms = LAST.with(|last| {
        let ms = js_sys::Date::now().max(last.get() + 1.0);
        last.set(ms);
        ms
    });
    js_sys::Date::new(&ms.into()).to_iso_string().as_string().unwrap_or_default()
}

/// Lets the page paint and handle input before the work goes on (a zero-delay timeout).
pub async fn yield_now() {
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(wait).await;
}
