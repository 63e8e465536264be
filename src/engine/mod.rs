//! The engine: reader-view cleaning and the entity engine, run natively at build time (the
//! bundled corpus), in tests and tools, and in the import worker; never in the page.

pub mod annotate;
pub mod article;
pub mod catalog;
pub mod claims;
pub mod clean;
#[cfg(not(target_arch = "wasm32"))]
pub mod corpus;
pub mod entities;
#[cfg(not(target_arch = "wasm32"))]
pub mod seeds;
