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
