//! The app's links to the browser beyond rendering: storage, the import worker, downloads.

pub mod download;
pub mod idb;
pub mod importer;

/// The browser's clock, as ISO 8601.
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}
