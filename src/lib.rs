//! Helmand Reader in layers, each depending only on those above it in this list:
//! - `text`: words, dates, folding, snippets (std only);
//! - `model`: the articles, the library and what the reader shows of it (search, entity and
//!   district indexes, filters, the list's order): all the page needs, with no browser;
//! - `prepared`: the compact form in which articles travel to the page (the bundled corpus,
//!   the worker's answers, saved imports);
//! - `engine` (feature `engine`): cleaning and the entity engine, at build time and in the
//!   import worker;
//! - `import` (feature `import`): files, Markdown, saved pages, page text, exports (and
//!   records an earlier version prepared);
//! - `web` (feature `web`, wasm32 only): the Yew app, its store and the browser glue.
//!
//! The page is built with `web` alone, so it cannot name the engine: a compile error, not a
//! size that grows (`tests/integration/layers.rs` checks the directions and cycles too).

#[cfg(all(feature = "web", feature = "engine"))]
compile_error!("the page (feature `web`) must not link the engine: build it with --no-default-features --features web");

pub mod model;
pub mod prepared;
pub mod text;

#[cfg(feature = "engine")]
pub mod engine;
#[cfg(feature = "import")]
pub mod import;

#[cfg(all(feature = "web", target_arch = "wasm32"))]
pub mod web;
