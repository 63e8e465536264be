//! The catalog of bundled articles (`seeds/catalog.toml`): what the text itself tells about
//! each article's source. Shared with `build.rs` (through `#[path]`), so it may use only
//! `serde` and `std`.

use serde::Deserialize;

/// `seeds/catalog.toml` as written by a person.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    #[serde(rename = "article", default)]
    pub articles: Vec<CatalogEntry>,
}

/// One bundled article. Absent fields mean the text does not say: the app shows "unknown".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogEntry {
    /// File name inside `seeds/`, e.g. `000_913ef45cb6386b48.txt`.
    pub file: String,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// One line on where this copy comes from (wire story, republication, translation).
    pub provenance: Option<String>,
    /// What in the text the outlet and byline were read from.
    pub evidence: Option<String>,
}

impl CatalogEntry {
    /// The article id: the file name without `.txt`.
    pub fn id(&self) -> &str {
        self.file.strip_suffix(".txt").unwrap_or(&self.file)
    }
}

/// Everything wrong with `catalog` given the `.txt` files present in `seeds/`:
/// files without an entry, entries without a file, duplicates and malformed fields.
pub fn problems(catalog: &Catalog, txt_files: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for f in txt_files {
        if !catalog.articles.iter().any(|a| &a.file == f) {
            out.push(format!("seeds/{f} has no [[article]] entry in seeds/catalog.toml"));
        }
    }
    for (i, a) in catalog.articles.iter().enumerate() {
        let at = format!("catalog entry {} ({})", i + 1, a.file);
        if !a.file.ends_with(".txt") {
            out.push(format!("{at}: file must be a .txt file"));
        } else if !txt_files.contains(&a.file) {
            out.push(format!("{at}: seeds/{} does not exist", a.file));
        }
        if catalog.articles[..i].iter().any(|b| b.file == a.file) {
            out.push(format!("{at}: listed twice"));
        }
        if a.title.trim().is_empty() {
            out.push(format!("{at}: title is empty"));
        }
        for (name, v) in
            [("outlet", &a.outlet), ("author", &a.author), ("provenance", &a.provenance), ("evidence", &a.evidence)]
        {
            if v.as_deref().is_some_and(|s| s.trim().is_empty()) {
                out.push(format!("{at}: {name} is empty; leave it out when the text does not say"));
            }
        }
        if let Some(d) = &a.date {
            if !is_iso_date(d) {
                out.push(format!("{at}: date {d:?} is not a YYYY-MM-DD calendar date"));
            }
        }
    }
    out
}

/// `YYYY-MM-DD` with a real month and a day that month can have.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().ok();
    let digits = s.bytes().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    match (digits, num(0..4), num(5..7), num(8..10)) {
        (true, Some(y), Some(m), Some(d)) => (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m),
        _ => false,
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}
