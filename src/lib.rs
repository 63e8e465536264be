//! Helmand Reader: a pure core (catalog, cleaning, the article library and its navigation)
//! that compiles and is tested natively, and a thin Yew UI compiled only for the browser.

pub mod address;
pub mod catalog;
pub mod clean;
pub mod collection;
pub mod districts;
pub mod document;
pub mod entities;
pub mod entity_index;
pub mod filters;
pub mod import;
pub mod import_job;
pub mod library;
pub mod list_window;
pub mod markdown;
pub mod order;
pub mod outlets;
pub mod prefs;
pub mod saved_page;
pub mod prepared;
pub mod search;
pub mod sort;
#[cfg(not(target_arch = "wasm32"))]
pub mod seeds;
pub mod stored;
pub mod text_page;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod store;

/// For the benchmark script: the size of the app's WebAssembly memory, in bytes (the JS heap
/// is measured apart).
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65_536) as f64
}

