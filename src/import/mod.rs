//! Reading what a user brings: files (text, Markdown, saved web pages, export files) and
//! pasted text, into records the engine makes ready (`run.rs`, the import worker's work).

pub mod export;
pub mod file;
pub mod markdown;
pub mod outlets;
pub mod plain_text;
pub mod run;
pub mod saved_page;
pub mod text_page;
