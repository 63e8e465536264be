//! The articles bundled into the app at build time (see `build.rs` and `seeds/catalog.toml`).

/// One bundled article: its catalog metadata and its raw text, exactly as in `seeds/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub author: Option<&'a str>,
    pub date: Option<&'a str>,
    pub provenance: Option<&'a str>,
    pub evidence: Option<&'a str>,
    pub text: &'a str,
}

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
