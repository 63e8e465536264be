//! The page: the Yew app, its hash router and shared context, its store (the collection,
//! the browser's storage and the import worker), hooks, the browser glue and the
//! components. Thin: the model decides.

pub mod app;
pub mod browser;
pub mod components;
pub mod context;
pub mod hooks;
pub mod navigation;
pub mod router;
pub mod store;

/// For the benchmark script: the size of the app's WebAssembly memory, in bytes (the JS heap
/// is measured apart).
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    (core::arch::wasm32::memory_size(0) * 65_536) as f64
}
