//! Articles already cleaned and annotated, in a compact text form: the bundled corpus is
//! prepared at build time (`src/bin/prepare.rs` writes it in chunks beside index.html),
//! imports in the import worker, and saved imports are kept in this form in the browser.
//! So the page itself never cleans or annotates, and reads no JSON.

pub mod article;
pub mod claims;
pub mod format;
pub mod highlights;
pub mod job;
pub mod saved;
