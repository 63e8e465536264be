//! An imported article's record: its plain text and what the user can edit, as written to
//! an export file (JSON) and kept in the browser inside the prepared article
//! (`prepared/article.rs`; earlier versions kept this record alone, as JSON, and those records are
//! still read). Every record is checked when read: a bad one is reported and skipped,
//! never fatal.

/// The record format. Older formats are upgraded when read; newer ones are refused with a
/// message (they come from a newer version of the app).
/// 2: records keep the article's web address (`url`), and a date may be a month or a year.
pub const RECORD_VERSION: u32 = 2;

/// What an export file says it is.
pub const EXPORT_FORMAT: &str = "helmand-reader/imported-articles";

/// The source label of an imported article whose outlet the user has not named.
pub const IMPORTED: &str = "Imported";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredArticle {
    pub v: u32,
    /// `imported-` and a hash of the text (and `-2`… if that was taken): stable, and safe in
    /// an address.
    pub id: String,
    pub title: String,
    /// The title the file itself gave, which the cleaner drops from the text even after the
    /// user renames the article.
    pub headline: Option<String>,
    /// The outlet the user named; `None` files it under "Imported".
    pub outlet: Option<String>,
    pub author: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Where it came from: a file name, or "pasted text".
    pub origin: String,
    /// The site a saved page named itself.
    pub site: Option<String>,
    /// When it was imported (ISO 8601, from the browser's clock).
    pub added: String,
    pub text: String,
    /// The article's web address (http or https), as the user gave it or the saved page names it.
    pub url: Option<String>,
    /// What was guessed rather than read in the text, said in the reader's header:
    /// "outlet from the address, date from the address".
    pub guessed: Option<String>,
}

impl StoredArticle {
    pub fn new(draft: Draft, origin: &str, added: &str) -> Self {
        StoredArticle {
            v: RECORD_VERSION,
            id: format!("imported-{:012x}", fingerprint(&draft.text) & 0xffff_ffff_ffff),
            headline: Some(draft.title.clone()),
            title: draft.title,
            outlet: draft.outlet,
            author: draft.author,
            date: draft.date,
            origin: origin.to_string(),
            site: draft.site,
            added: added.to_string(),
            text: draft.text,
            url: draft.url,
            guessed: None,
        }
    }

    /// The label of the source filter and the list.
    pub fn outlet_label(&self) -> &str {
        self.outlet.as_deref().unwrap_or(IMPORTED)
    }

    /// Checks a record read back, whoever wrote it.
    pub fn check(self) -> Result<Self, String> {
        if self.v > RECORD_VERSION {
            return Err(format!("it was saved by a newer version of Helmand Reader (format {})", self.v));
        }
        if self.v == 0 {
            return Err("it has no format version".into());
        }
        if !valid_id(&self.id) {
            return Err("its id is not one Helmand Reader makes".into());
        }
        if self.text.trim().is_empty() {
            return Err("it has no text".into());
        }
        if let Some(d) = &self.date {
            if crate::text::calendar::human_date(d).is_none() {
                return Err(format!("its date “{d}” is not a date"));
            }
        }
        if let Some(u) = &self.url {
            crate::text::address::checked(u).map_err(|_| format!("its address “{u}” is not a web address"))?;
        }
        Ok(self)
    }

    /// The edits of the details form; empty fields clear them. The date may be a day, a
    /// month or a year, as the user writes it ("2015-07-30", "30 July 2015", "July 2015",
    /// "2015").
    pub fn renamed(&self, edit: &Details) -> Result<Self, String> {
        let title = edit.title.trim();
        if title.is_empty() {
            return Err("The title cannot be empty.".into());
        }
        let date = user_date(&edit.date)?;
        let url = crate::text::address::checked(&edit.url)?;
        let outlet = edit.outlet.trim();
        let author = edit.author.trim();
        // a field the user set is no longer a guess
        let outlet_set = outlet != self.outlet_label();
        let date_set = date != self.date;
        let guessed: Vec<&str> = self
            .guessed
            .as_deref()
            .unwrap_or("")
            .split(", ")
            .filter(|g| {
                !g.is_empty() && !(outlet_set && g.starts_with("outlet")) && !(date_set && g.starts_with("date"))
            })
            .collect();
        Ok(StoredArticle {
            guessed: (!guessed.is_empty()).then(|| guessed.join(", ")),
            title: title.to_string(),
            outlet: (!outlet.is_empty() && outlet != IMPORTED).then(|| outlet.to_string()),
            author: (!author.is_empty()).then(|| author.to_string()),
            date,
            url,
            // a record edited now is written in this version's form
            v: RECORD_VERSION,
            ..self.clone()
        })
    }
}

/// What the details form holds, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Details {
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub url: String,
    pub date: String,
}

/// A date as a user types it: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, or in words ("30 July
/// 2015", "July 30, 2015", "July 2015"); empty is no date.
pub fn user_date(input: &str) -> Result<Option<String>, String> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if crate::text::calendar::human_date(t).is_some() {
        return Ok(Some(t.to_string()));
    }
    if let Some(d) = crate::text::calendar::iso_date(t) {
        return Ok(Some(d));
    }
    let words: Vec<&str> = t.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if let [m, y] = words.as_slice() {
        // a month's name or its abbreviation ("Jul", "Sept."), never another word ("Mayor")
        let month = crate::text::calendar::month_number(m);
        if let (Some(m), true) = (month, y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit())) {
            return Ok(Some(format!("{y}-{m:02}")));
        }
    }
    Err(format!("“{t}” is not a date: write a day (2015-07-30 or 30 July 2015), a month (July 2015) or a year (2015)."))
}

fn valid_id(id: &str) -> bool {
    id.strip_prefix("imported-")
        .is_some_and(|h| !h.is_empty() && h.len() <= 32 && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

/// FNV-1a over the words of a text, so spacing and line breaks do not matter.
pub fn fingerprint(text: &str) -> u64 {
    fingerprint_parts([text])
}

/// The fingerprint of the parts joined by white space, without joining them.
pub fn fingerprint_parts<'a>(parts: impl IntoIterator<Item = &'a str>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for word in parts.into_iter().flat_map(str::split_whitespace) {
        for b in word.bytes().chain([b' ']) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(text: &str) -> StoredArticle {
        StoredArticle::new(
            Draft { title: "T".into(), text: text.into(), ..Draft::default() },
            "a.txt",
            "2026-11-21T08:00:00Z",
        )
    }

    #[test]
    fn parts_hash_as_their_joined_text() {
        assert_eq!(fingerprint_parts(["Fighting in", "Sangin."]), fingerprint("Fighting in\n\nSangin."));
        assert_ne!(fingerprint_parts(["Fighting in", "Sangin."]), fingerprint("Fighting inSangin."));
    }

    #[test]
    fn ids_follow_the_text() {
        assert_eq!(rec("Fighting in  Sangin.\n").id, rec("Fighting in Sangin.").id);
        assert_ne!(rec("Fighting in Sangin.").id, rec("Fighting in Garmsir.").id);
        assert!(valid_id(&rec("x").id));
    }

    #[test]
    fn renaming_checks_the_fields() {
        let r = rec("text");
        let d = |title: &str, outlet: &str, date: &str| Details {
            title: title.into(),
            outlet: outlet.into(),
            date: date.into(),
            ..Details::default()
        };
        let n = r.renamed(&d(" New title ", "BBC", "2010-02-13")).unwrap();
        assert_eq!((n.title.as_str(), n.outlet_label(), n.date.as_deref()), ("New title", "BBC", Some("2010-02-13")));
        assert_eq!(r.renamed(&d("T", "", "")).unwrap().outlet_label(), IMPORTED);
        assert!(r.renamed(&d("", "", "")).is_err());
        assert!(r.renamed(&d("T", "", "13 Feb")).unwrap_err().contains("a month (July 2015)"));
        // a day, a month or a year, as written or in words; shown as given
        assert!(r.renamed(&d("T", "", "Mayor 2015")).is_err(), "not a month");
        for (typed, kept) in [
            ("Sept. 2015", "2015-09"),
            ("2015", "2015"),
            ("2015-07", "2015-07"),
            ("July 2015", "2015-07"),
            ("30 July 2015", "2015-07-30"),
            ("July 30, 2015", "2015-07-30"),
        ] {
            assert_eq!(r.renamed(&d("T", "", typed)).unwrap().date.as_deref(), Some(kept), "{typed}");
        }
        // byline and address; an address that is no web address is refused with a reason
        let full = Details {
            title: "T".into(),
            author: " Jane Doe ".into(),
            url: "https://www.bbc.co.uk/news/x".into(),
            ..Details::default()
        };
        let n = r.renamed(&full).unwrap();
        assert_eq!(
            (n.author.as_deref(), n.url.as_deref(), n.v),
            (Some("Jane Doe"), Some("https://www.bbc.co.uk/news/x"), RECORD_VERSION)
        );
        assert!(r
            .renamed(&Details { url: "javascript:alert(1)".into(), ..full })
            .unwrap_err()
            .contains("not a web address"));
    }
}

/// An article read from a file or a paste, before it is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub author: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The site a saved page says it comes from (shown in the provenance, not as the outlet).
    pub site: Option<String>,
    /// The publisher the page's text names (a byline's outlet, a copyright line, an agency's tag).
    pub outlet: Option<String>,
    /// The page's web address (a saved page's canonical address).
    pub url: Option<String>,
    /// Plain text, one paragraph a line; the cleaner reads it like a bundled article.
    pub text: String,
}
