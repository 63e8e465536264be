//! A corpus read natively: the bundled seeds (compiled in by `build.rs`) or a directory in
//! the format of `seeds/`, each article cleaned and annotated. The build prepares these for
//! the page (`src/bin/prepare.rs`); the tests read them.

use std::rc::Rc;

use crate::engine::annotate::annotate_article;
use crate::engine::clean::{clean, Hints};
use crate::engine::seeds::{Seed, SEEDS};
use crate::model::article::{Article, UNKNOWN};
use crate::model::cleaned::Block;
use crate::model::library::Library;
use crate::model::record::{fingerprint, fingerprint_parts};
use crate::model::words::Words;

/// The articles bundled from `seeds/`, in catalog order.
pub fn bundled() -> Library {
    Library { articles: SEEDS.iter().map(|s| Rc::new(from_seed(s))).collect() }
}

/// A corpus in the format of `seeds/` (a `catalog.toml` beside `.txt` files) read at run
/// time: what the build prepares when given a corpus other than the bundled one.
pub fn from_dir(dir: &std::path::Path) -> Result<Library, String> {
    use crate::engine::catalog::{problems, Catalog};
    let read = |p: std::path::PathBuf| std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()));
    let cat: Catalog = toml::from_str(&read(dir.join("catalog.toml"))?).map_err(|e| format!("catalog.toml: {e}"))?;
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    let wrong = problems(&cat, &files);
    if !wrong.is_empty() {
        return Err(wrong.join("\n"));
    }
    let mut articles = Vec::with_capacity(cat.articles.len());
    for e in &cat.articles {
        let text = read(dir.join(&e.file))?;
        let seed = Seed {
            id: e.id(),
            title: &e.title,
            outlet: e.outlet.as_deref(),
            author: e.author.as_deref(),
            date: e.date.as_deref(),
            provenance: e.provenance.as_deref(),
            evidence: e.evidence.as_deref(),
            text: &text,
        };
        articles.push(Rc::new(from_seed(&seed)));
    }
    Ok(Library { articles })
}

/// Cleans and annotates a bundled article (at build time).
pub fn from_seed(seed: &Seed<'_>) -> Article {
    let body = clean(seed.text, Hints { title: Some(seed.title), outlet: seed.outlet });
    let annotation = annotate_article(&body);
    let claims = crate::engine::claims::extract(&body, &annotation, seed.date);
    let words = Words::of(seed.title, seed.outlet.unwrap_or(UNKNOWN), seed.author.unwrap_or(UNKNOWN), &body);
    Article {
        words,
        id: seed.id.to_string(),
        title: seed.title.to_string(),
        outlet: seed.outlet.map(str::to_string),
        author: seed.author.map(str::to_string),
        date: seed.date.map(str::to_string),
        provenance: seed.provenance.map(str::to_string),
        evidence: seed.evidence.map(str::to_string),
        keys: [fingerprint(seed.text), fingerprint_parts(body.blocks.iter().map(Block::text))],
        body,
        claims,
        annotation,
        stored: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corpus_directory_reads_as_the_bundled_one() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        assert_eq!(from_dir(&dir).unwrap(), bundled());
        let err = from_dir(&dir.join("nowhere")).unwrap_err();
        assert!(err.contains("catalog.toml"), "{err}");
    }
}
