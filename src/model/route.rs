//! Where the reader is, as the address's hash says it (deep links work on any static host,
//! under any sub-path): `#/`, `#/article/<id>`, `#/article/<id>/mention/<n>` and
//! `#/district/<name>`, each followed by the filters as its query (`model/filters.rs`).

use crate::model::filters::Filters;
use crate::model::library::Library;
use crate::text::percent::{percent_decode, percent_encode};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The list (on a phone, its own view); on a wide screen, the list's first article.
    Home,
    Article {
        id: String,
    },
    /// An article scrolled to one of its mentions (from the entity index).
    Mention {
        id: String,
        n: usize,
    },
    /// The sentences naming a district, in the reading pane.
    District {
        name: String,
    },
    /// An address the app does not know.
    NotFound,
}

impl Route {
    /// The route of a hash's path (`/article/x`; the `#` and the query are not part of it).
    pub fn parse(path: &str) -> Route {
        let path = path.strip_prefix('#').unwrap_or(path);
        let parts: Vec<String> = path.split('/').filter(|p| !p.is_empty()).map(percent_decode).collect();
        let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
        match parts.as_slice() {
            [] => Route::Home,
            ["article", id] => Route::Article { id: id.to_string() },
            ["article", id, "mention", n] => match n.parse() {
                Ok(n) => Route::Mention { id: id.to_string(), n },
                Err(_) => Route::NotFound,
            },
            ["district", name] => Route::District { name: name.to_string() },
            _ => Route::NotFound,
        }
    }

    /// The path of the route, its parts percent-encoded.
    pub fn path(&self) -> String {
        match self {
            Route::Home => "/".to_string(),
            Route::Article { id } => format!("/article/{}", percent_encode(id)),
            Route::Mention { id, n } => format!("/article/{}/mention/{n}", percent_encode(id)),
            Route::District { name } => format!("/district/{}", percent_encode(name)),
            Route::NotFound => "/404".to_string(),
        }
    }

    /// The address of the route with the filters: `#/article/<id>?district=…`.
    pub fn href(&self, filters: &Filters) -> String {
        let q = filters.encode();
        if q.is_empty() {
            format!("#{}", self.path())
        } else {
            format!("#{}?{q}", self.path())
        }
    }

    /// The article the route opens: the one it names (`None` when it names no article), or
    /// for the list the first shown (`None` when the list is empty: an article that does not
    /// match the filters is never shown in its place).
    pub fn chosen(&self, library: &Library, shown: &[usize]) -> Option<String> {
        match self {
            Route::Article { id } | Route::Mention { id, .. } => library.get(id).map(|a| a.id.clone()),
            Route::Home | Route::NotFound => shown.first().and_then(|&i| library.articles.get(i)).map(|a| a.id.clone()),
            Route::District { .. } => None,
        }
    }

    /// The route and the filters of a hash (`#/article/x?q=…`).
    pub fn of_hash(hash: &str) -> (Route, Filters) {
        let hash = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = hash.split_once('?').unwrap_or((hash, ""));
        (Route::parse(path), Filters::decode(query))
    }
}

/// `#/article/<id>?…`.
pub fn article_href(id: &str, filters: &Filters) -> String {
    Route::Article { id: id.to_string() }.href(filters)
}

/// The list with the filters: `#/?…` (on a phone, the list view).
pub fn list_href(filters: &Filters) -> String {
    Route::Home.href(filters)
}

/// `#/article/<id>/mention/<n>?…`.
pub fn mention_href(id: &str, mention: usize, filters: &Filters) -> String {
    Route::Mention { id: id.to_string(), n: mention }.href(filters)
}

/// `#/district/<name>?…`.
pub fn district_href(name: &str, filters: &Filters) -> String {
    Route::District { name: name.to_string() }.href(filters)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_reads_back_from_its_address() {
        let f = Filters { district: Some("Nahr-e Saraj".into()), query: "musa qala".into(), ..Filters::default() };
        for r in [
            Route::Home,
            Route::Article { id: "imported-0a1b".into() },
            Route::Mention { id: "001-guardian".into(), n: 12 },
            Route::District { name: "Nahr-e Saraj".into() },
            Route::District { name: "Musa Qala & co/?#".into() },
        ] {
            for filters in [Filters::default(), f.clone()] {
                let href = r.href(&filters);
                assert!(href.starts_with("#/"), "{href}");
                assert_eq!(Route::of_hash(&href), (r.clone(), filters), "{href}");
            }
        }
    }

    #[test]
    fn unknown_addresses_are_not_found() {
        for path in ["/nothing", "/article", "/article/a/mention/x", "/article/a/b", "/district"] {
            assert_eq!(Route::parse(path), Route::NotFound, "{path}");
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::of_hash("").0, Route::Home);
    }

    #[test]
    fn the_hrefs_are_the_ones_links_have_always_had() {
        let f = Filters::default();
        assert_eq!(article_href("a", &f), "#/article/a");
        assert_eq!(list_href(&f), "#/");
        assert_eq!(mention_href("a", 3, &f), "#/article/a/mention/3");
        assert_eq!(district_href("Musa Qala", &f), "#/district/Musa%20Qala");
    }
}
