//! The articles the reader shows, cleaned and with their source metadata, and the order
//! the list and `j`/`k` move through.

use std::rc::Rc;

use crate::clean::{clean, Block, Cleaned, Hints};
use crate::document::annotate_article;
use crate::entities::Annotation;
use crate::saved_page::iso_date;
#[cfg(not(target_arch = "wasm32"))]
use crate::seeds::Seed;
use crate::search::Words;
use crate::stored::{fingerprint, fingerprint_parts, StoredArticle};

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
    /// The entities of `body` (segments as in `document::segments`).
    pub annotation: Annotation,
    /// Fingerprints of the raw and the cleaned text, to refuse a second copy of an article.
    pub keys: [u64; 2],
    /// The saved record of an imported article (`None` for a bundled one).
    pub stored: Option<StoredArticle>,
    /// Its distinct words, for search.
    pub words: Words,
}

impl Article {
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_seed(seed: &Seed<'_>) -> Self {
        let body = clean(seed.text, Hints { title: Some(seed.title), outlet: seed.outlet });
        let annotation = annotate_article(&body);
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
            annotation,
            stored: None,
        }
    }

    /// Cleans and annotates an imported article (in the import worker: this is the heavy part).
    pub fn from_stored(rec: StoredArticle) -> Self {
        let headline = rec.headline.as_deref().unwrap_or(&rec.title);
        let body = clean(&rec.text, Hints { title: Some(headline), outlet: rec.outlet.as_deref() });
        let annotation = annotate_article(&body);
        Article::from_parts(rec, body, annotation, None)
    }

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
        let words = words.unwrap_or_else(|| Words::of(&rec.title, rec.outlet_label(), author.as_deref().unwrap_or(UNKNOWN), &body));
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

/// "1 article", "5 articles".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// `2020-10-12` -> `12 Oct 2020`; a month or a year alone as such: `2015-07` -> `Jul 2015`,
/// `2015` -> `2015`.
pub fn human_date(iso: &str) -> Option<String> {
    const MON: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let parts: Vec<&str> = iso.split('-').collect();
    let num = |s: &str, len: usize| (s.len() == len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<usize>().ok()).flatten();
    let y = num(parts.first()?, 4)?;
    let month = |m: usize| MON.get(m.checked_sub(1)?).copied();
    match parts[1..] {
        [] => Some(format!("{y}")),
        [m] => Some(format!("{} {y}", month(num(m, 2)?)?)),
        [m, d] => {
            let d = num(d, 2)?;
            (1..=31).contains(&d).then_some(())?;
            Some(format!("{d} {} {y}", month(num(m, 2)?)?))
        }
        _ => None,
    }
}

/// Articles are shared (`Rc`): a change to the library copies pointers, not texts that can
/// be megabytes long.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Library {
    pub articles: Vec<Rc<Article>>,
}

/// Cleaning and annotating happen natively (at build time, and in tests) or in the import
/// worker, never in the page.
#[cfg(not(target_arch = "wasm32"))]
impl Library {
    /// The articles bundled from `seeds/`, in catalog order.
    pub fn bundled() -> Self {
        Library { articles: crate::seeds::SEEDS.iter().map(|s| Rc::new(Article::from_seed(s))).collect() }
    }

    /// A corpus in the format of `seeds/` (a `catalog.toml` beside `.txt` files) read at run
    /// time: what the build prepares when given a corpus other than the bundled one.
    pub fn from_dir(dir: &std::path::Path) -> Result<Self, String> {
        use crate::catalog::{problems, Catalog};
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
            articles.push(Rc::new(Article::from_seed(&seed)));
        }
        Ok(Library { articles })
    }
}

impl Library {

    pub fn get(&self, id: &str) -> Option<&Article> {
        self.articles.iter().map(Rc::as_ref).find(|a| a.id == id)
    }

    /// The article `delta` places from `current` in list order (`j` = +1, `k` = -1),
    /// stopping at the ends. With no current article, `j` opens the first.
    pub fn step(&self, current: Option<&str>, delta: isize) -> Option<&Article> {
        let all: Vec<usize> = (0..self.articles.len()).collect();
        self.step_within(&all, current, delta)
    }

    /// The same, moving only through the articles `shown` (library indices, in list order).
    /// From an article that is not shown, `j` opens the first shown one.
    pub fn step_within(&self, shown: &[usize], current: Option<&str>, delta: isize) -> Option<&Article> {
        let pos = current.and_then(|id| shown.iter().position(|&i| self.articles[i].id == id));
        let next = match pos {
            Some(p) => p.saturating_add_signed(delta).min(shown.len().saturating_sub(1)),
            None if delta > 0 => 0,
            None => return None,
        };
        shown.get(next).map(|&i| self.articles[i].as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lib(ids: &[&str]) -> Library {
        let articles = ids
            .iter()
            .map(|id| Rc::new(Article {
                id: id.to_string(),
                title: id.to_string(),
                outlet: None,
                author: None,
                date: None,
                provenance: None,
                evidence: None,
                body: Cleaned::default(),
                annotation: Annotation::default(),
                keys: [0, 0],
                stored: None,
                words: Words::default(),
            }))
            .collect();
        Library { articles }
    }

    #[test]
    fn step_moves_and_stops_at_the_ends() {
        let l = lib(&["a", "b", "c"]);
        assert_eq!(l.step(Some("a"), 1).unwrap().id, "b");
        assert_eq!(l.step(Some("c"), 1).unwrap().id, "c");
        assert_eq!(l.step(Some("a"), -1).unwrap().id, "a");
        assert_eq!(l.step(Some("b"), -1).unwrap().id, "a");
        assert_eq!(l.step(None, 1).unwrap().id, "a");
        assert!(l.step(None, -1).is_none());
        assert!(lib(&[]).step(None, 1).is_none());
    }

    #[test]
    fn step_within_skips_what_is_not_shown() {
        let l = lib(&["a", "b", "c", "d"]);
        assert_eq!(l.step_within(&[0, 2, 3], Some("a"), 1).unwrap().id, "c");
        assert_eq!(l.step_within(&[0, 2, 3], Some("d"), -1).unwrap().id, "c");
        assert_eq!(l.step_within(&[2, 3], Some("a"), 1).unwrap().id, "c", "from a hidden article, j opens the first shown");
        assert!(l.step_within(&[], Some("a"), 1).is_none());
    }

    #[test]
    fn a_corpus_directory_reads_as_the_bundled_one() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        assert_eq!(Library::from_dir(&dir).unwrap(), Library::bundled());
        let err = Library::from_dir(&dir.join("nowhere")).unwrap_err();
        assert!(err.contains("catalog.toml"), "{err}");
    }

    #[test]
    fn unknown_fields_say_unknown() {
        let a = &lib(&["x"]).articles[0];
        assert_eq!(a.outlet_label(), "unknown");
        assert_eq!(a.author_label(), "unknown");
        assert_eq!(a.date_label(), "unknown");
    }

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!((count(0, "article"), count(1, "article"), count(10_000, "article")), ("0 articles".into(), "1 article".into(), "10000 articles".into()));
    }

    #[test]
    fn dates_read_as_people_write_them() {
        assert_eq!(human_date("2020-10-12").as_deref(), Some("12 Oct 2020"));
        assert_eq!(human_date("2015-08-26").as_deref(), Some("26 Aug 2015"));
        assert_eq!(human_date("2015-13-26"), None);
        assert_eq!(human_date("nonsense"), None);
        assert_eq!(human_date("2015-07").as_deref(), Some("Jul 2015"));
        assert_eq!(human_date("2015").as_deref(), Some("2015"));
        for bad in ["2015-7", "2015-00", "15", "2015-07-32", "2015-07-01-01", "2015-07-1"] {
            assert_eq!(human_date(bad), None, "{bad}");
        }
    }
}
