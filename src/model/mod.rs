//! The reader's model, as the page holds it: articles and their records, the library as it
//! changes, search, the entity and district indexes, filters, the list's order and window,
//! preferences, and the jobs the page gives the import worker. No browser, no engine.

pub mod anchor;
pub mod article;
pub mod citation;
pub mod claims;
pub mod claims_view;
pub mod cleaned;
pub mod collection;
pub mod districts;
pub mod entity;
pub mod entity_index;
pub mod export;
pub mod file_check;
pub mod filters;
pub mod highlight;
pub mod job;
pub mod library;
pub mod list_sort;
pub mod list_window;
pub mod notes;
pub mod prefs;
pub mod record;
pub mod route;
pub mod search;
pub mod segments;
pub mod words;
