//! One article as the reader shows it: cleaned, with its entities, its source metadata and
//! its words for search; a bundled article or an import (then with its saved record).

use crate::model::claims::Claims;
use crate::model::cleaned::{Block, Cleaned};
use crate::model::entity::Annotation;
use crate::model::record::{fingerprint, fingerprint_parts, StoredArticle};
use crate::model::words::Words;
use crate::text::calendar::{human_date, iso_date};

/// Shown wherever the text does not tell a field.
pub const UNKNOWN: &str = "unknown";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// Stable id: the seed file name without `.txt`, or the imported record's id.
    pub id: String,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub provenance: Option<String>,
    pub evidence: Option<String>,
    pub body: Cleaned,
    /// The entities of `body` (segments as in `segments.rs`).
    pub annotation: Annotation,
    /// Its attributed figures and district control events (found by the engine).
    pub claims: Claims,
    /// Fingerprints of the raw and the cleaned text, to refuse a second copy of an article.
    pub keys: [u64; 2],
    /// The saved record of an imported article (`None` for a bundled one).
    pub stored: Option<StoredArticle>,
    /// Its distinct words, for search.
    pub words: Words,
}

impl Article {
    /// An imported article from its record and the worker's cleaning, entities and words
    /// (worked out here when not given).
    pub fn from_parts(rec: StoredArticle, body: Cleaned, annotation: Annotation, words: Option<Words>) -> Self {
        let mut provenance = format!("Imported from {}", rec.origin);
        if let Some(day) = rec.added.get(..10).and_then(human_date) {
            provenance.push_str(&format!(" on {day}"));
        }
        if let Some(site) = &rec.site {
            provenance.push_str(&format!("; the page names its site as {site}"));
        }
        // what was guessed rather than read in the text, said so
        if let Some(g) = &rec.guessed {
            provenance.push_str(&format!("; {g}"));
        }
        let author = rec.author.clone().or_else(|| body.byline.clone());
        let words = words
            .unwrap_or_else(|| Words::of(&rec.title, rec.outlet_label(), author.as_deref().unwrap_or(UNKNOWN), &body));
        Article {
            words,
            id: rec.id.clone(),
            title: rec.title.clone(),
            outlet: Some(rec.outlet_label().to_string()),
            author,
            date: rec.date.clone().or_else(|| body.dateline.as_deref().and_then(iso_date)),
            provenance: Some(provenance),
            evidence: None,
            keys: [fingerprint(&rec.text), fingerprint_parts(body.blocks.iter().map(Block::text))],
            body,
            annotation,
            claims: Claims::default(),
            stored: Some(rec),
        }
    }

    pub fn is_imported(&self) -> bool {
        self.stored.is_some()
    }

    /// Two articles with the same text, raw or cleaned.
    pub fn same_text(&self, other: &Article) -> bool {
        self.keys.iter().any(|k| other.keys.contains(k))
    }

    pub fn outlet_label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(UNKNOWN)
    }

    pub fn author_label(&self) -> &str {
        self.author.as_deref().unwrap_or(UNKNOWN)
    }

    /// "12 Oct 2020", or "unknown".
    pub fn date_label(&self) -> String {
        self.date.as_deref().and_then(human_date).unwrap_or_else(|| UNKNOWN.to_string())
    }

    pub fn reading_label(&self) -> String {
        format!("{} min read", self.body.reading_minutes())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An article with only an id and a title, for tests of lists and filters.
    pub(crate) fn bare(id: &str) -> Article {
        Article {
            id: id.to_string(),
            title: id.to_string(),
            outlet: None,
            author: None,
            date: None,
            provenance: None,
            evidence: None,
            body: Cleaned::default(),
            annotation: Annotation::default(),
            claims: Claims::default(),
            keys: [0, 0],
            stored: None,
            words: Words::default(),
        }
    }

    #[test]
    fn unknown_fields_say_unknown() {
        let a = bare("x");
        assert_eq!(a.outlet_label(), "unknown");
        assert_eq!(a.author_label(), "unknown");
        assert_eq!(a.date_label(), "unknown");
    }
}
