//! The bundled corpus, prepared at build time (`src/bin/prepare.rs`) into chunks beside
//! index.html and named in its `<meta name="corpus">` (the first is preloaded beside
//! the app by the page's starter). Relative addresses: it works from any sub-path of any static host, and
//! the service worker keeps the chunks for offline use.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use std::rc::Rc;

use crate::model::article::Article;

use crate::model::library::Library;
use crate::prepared::article::decode_chunk;

/// The chunk addresses, in order.
pub fn chunk_urls() -> Vec<String> {
    gloo::utils::document()
        .query_selector("meta[name=corpus]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .map(|c| c.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// A chunk's request, started now (several can be under way while one is read).
pub struct Fetch {
    url: String,
    request: js_sys::Promise,
}

pub fn fetch(url: &str) -> Fetch {
    Fetch { url: url.to_string(), request: gloo::utils::window().fetch_with_str(url) }
}

impl Fetch {
    async fn text(&self) -> Result<String, String> {
        let js = |e: wasm_bindgen::JsValue| e.as_string().unwrap_or_else(|| format!("{e:?}"));
        let resp: Response = JsFuture::from(self.request.clone()).await.map_err(js)?.unchecked_into();
        if !resp.ok() {
            return Err(format!("the server answered {} {}", resp.status(), resp.status_text()));
        }
        let body = JsFuture::from(resp.text().map_err(js)?).await.map_err(js)?;
        body.as_string().ok_or_else(|| "it is not text".to_string())
    }

    /// The chunk's articles, or what went wrong, in words.
    pub async fn articles(self) -> Result<Vec<Article>, String> {
        let url = &self.url;
        let t = self.text().await.map_err(|e| format!("{url} could not be fetched ({e})"))?;
        decode_chunk(&t).map_err(|e| format!("{url} could not be read ({e})"))
    }
}

/// The first chunk, before the app mounts (the prerendered article stays on screen
/// meanwhile): the library to start with, or an empty one and why.
pub async fn first() -> (Library, Option<String>) {
    let Some(url) = chunk_urls().into_iter().next() else {
        return (Library::default(), Some("This copy of Helmand Reader names no bundled articles.".into()));
    };
    match fetch(&url).articles().await {
        Ok(articles) => (Library { articles: articles.into_iter().map(Rc::new).collect() }, None),
        Err(why) => (Library::default(), Some(format!("The bundled articles could not be loaded: {why}."))),
    }
}
