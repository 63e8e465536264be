//! The page: the Yew app, its store (the collection, the browser's storage and the import
//! worker), hooks, the browser glue and the components. Thin: the model decides.

pub mod app;
pub mod browser;
pub mod components;
pub mod store;
