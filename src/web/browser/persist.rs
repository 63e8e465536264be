//! Persistent storage: the browser is asked not to clear this site's data (the highlights
//! and imports) when space runs low; the page says whether it agreed.

use wasm_bindgen_futures::JsFuture;

/// Whether the site's storage is persistent now (`None`: the browser cannot say).
pub async fn persisted() -> Option<bool> {
    let promise = gloo::utils::window().navigator().storage().persisted().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}

/// Asks for persistent storage; whether it was granted.
pub async fn persist() -> Option<bool> {
    let promise = gloo::utils::window().navigator().storage().persist().ok()?;
    JsFuture::from(promise).await.ok()?.as_bool()
}
