//! The articles bundled into the app at build time (see `build.rs` and `seeds/catalog.toml`).

/// One bundled article: its catalog metadata and its raw text, exactly as in `seeds/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seed {
    pub id: &'static str,
    pub title: &'static str,
    pub outlet: Option<&'static str>,
    pub author: Option<&'static str>,
    pub date: Option<&'static str>,
    pub provenance: Option<&'static str>,
    pub evidence: Option<&'static str>,
    pub text: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/seeds.rs"));
