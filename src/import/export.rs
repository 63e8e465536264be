//! Export files read back (in the import worker): the JSON of `model::export`, and the
//! JSON records earlier versions kept in the browser. Each record is checked on its own.

use serde::{Deserialize, Serialize};

use crate::model::anchor::Selector;
use crate::model::export::EVERYTHING_FORMAT;
use crate::model::highlight::{parse_tags, Highlights};
use crate::model::record::{StoredArticle, EXPORT_FORMAT, RECORD_VERSION};

/// A record as JSON holds it (the model's record knows no serde: the page reads no JSON).
/// Fields that earlier versions did not write are optional.
#[derive(Serialize, Deserialize)]
struct RecordJson {
    v: u32,
    id: String,
    title: String,
    #[serde(default)]
    headline: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    date: Option<String>,
    origin: String,
    #[serde(default)]
    site: Option<String>,
    #[serde(default)]
    added: String,
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    guessed: Option<String>,
}

impl From<RecordJson> for StoredArticle {
    fn from(r: RecordJson) -> Self {
        let RecordJson { v, id, title, headline, outlet, author, date, origin, site, added, text, url, guessed } = r;
        StoredArticle { v, id, title, headline, outlet, author, date, origin, site, added, text, url, guessed }
    }
}

impl From<&StoredArticle> for RecordJson {
    fn from(r: &StoredArticle) -> Self {
        let StoredArticle { v, id, title, headline, outlet, author, date, origin, site, added, text, url, guessed } =
            r.clone();
        RecordJson { v, id, title, headline, outlet, author, date, origin, site, added, text, url, guessed }
    }
}

/// Reads one IndexedDB record as earlier versions wrote it (a JSON string).
pub fn decode_record(json: &str) -> Result<StoredArticle, String> {
    let rec: RecordJson = serde_json::from_str(json).map_err(|e| format!("it is not a readable record ({e})"))?;
    StoredArticle::from(rec).check()
}

/// A record as earlier versions saved it (for the tests of reading them).
pub fn encode_record(rec: &StoredArticle) -> String {
    serde_json::to_string(&RecordJson::from(rec)).unwrap_or_default()
}

#[derive(Deserialize)]
struct ExportIn {
    format: String,
    version: u32,
    articles: Vec<serde_json::Value>,
    /// Only in an "everything" file.
    #[serde(default)]
    highlights: Vec<serde_json::Value>,
    #[serde(default)]
    preferences: Option<PreferencesJson>,
}

#[derive(Deserialize)]
struct PreferencesJson {
    #[serde(rename = "highlighted-types", default)]
    highlighted_types: Option<String>,
}

/// A highlight as an "everything" file holds it.
#[derive(Deserialize)]
struct HighlightJson {
    article: String,
    exact: String,
    #[serde(default)]
    prefix: String,
    #[serde(default)]
    suffix: String,
    #[serde(default)]
    start: usize,
    #[serde(default)]
    end: usize,
    #[serde(default)]
    note: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    created: String,
    #[serde(default)]
    updated: String,
}

/// What an export file holds: its articles (each checked on its own), and, in an
/// "everything" file, the highlights and the preferences.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    pub records: Vec<Result<StoredArticle, String>>,
    pub highlights: Highlights,
    /// Highlights that could not be read (left out, and counted in the report).
    pub bad_highlights: usize,
    pub toggles: Option<String>,
    pub everything: bool,
}

/// The articles of an export file, each checked on its own: one bad article does not
/// stop the others.
pub fn parse_export(json: &str) -> Result<Vec<Result<StoredArticle, String>>, String> {
    parse_export_file(json).map(|f| f.records)
}

/// An export file of either kind (imported articles, or everything).
pub fn parse_export_file(json: &str) -> Result<ExportFile, String> {
    let file: ExportIn = serde_json::from_str(json).map_err(|e| format!("it is not the JSON of an export ({e})"))?;
    let everything = file.format == EVERYTHING_FORMAT;
    if file.format != EXPORT_FORMAT && !everything {
        return Err(format!("its format is “{}”", file.format));
    }
    if file.version > RECORD_VERSION {
        return Err(format!("it was written by a newer version of Helmand Reader (format {})", file.version));
    }
    let records = file
        .articles
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            serde_json::from_value::<RecordJson>(v)
                .map(StoredArticle::from)
                .map_err(|e| e.to_string())
                .and_then(StoredArticle::check)
                .map_err(|e| format!("article {} of the export could not be read: {e}", i + 1))
        })
        .collect();
    let mut highlights = Highlights::default();
    let mut bad_highlights = 0;
    for v in file.highlights {
        match serde_json::from_value::<HighlightJson>(v) {
            Ok(h) if !h.exact.trim().is_empty() && !h.article.is_empty() && h.start <= h.end => {
                let selector =
                    Selector { exact: h.exact, prefix: h.prefix, suffix: h.suffix, start: h.start, end: h.end };
                let id = highlights.add(&h.article, selector, &h.created);
                highlights.annotate(&id, &h.note, parse_tags(&h.tags.join(",")), &h.updated);
            }
            _ => bad_highlights += 1,
        }
    }
    let toggles = file.preferences.and_then(|p| p.highlighted_types);
    Ok(ExportFile { records, highlights, bad_highlights, toggles, everything })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::export::export_json;
    use crate::model::record::Draft;

    fn rec(text: &str) -> StoredArticle {
        StoredArticle::new(
            Draft { title: "T".into(), text: text.into(), ..Draft::default() },
            "a.txt",
            "2026-11-21T08:00:00Z",
        )
    }

    #[test]
    fn the_hand_written_export_is_the_json_serde_reads() {
        let mut odd = rec("Quotes \" and \\ back\nslash\u{1}\u{7f} \u{2028} 🙂 </script>");
        odd.site = Some("Site".into());
        let both = [rec("Plain text in Garmsir."), odd];
        for set in [&both[..], &[]] {
            let json = export_json(set, "2026-11-21T09:00:00Z");
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            let expected = serde_json::json!({ "format": EXPORT_FORMAT, "version": RECORD_VERSION, "exported": "2026-11-21T09:00:00Z", "articles": set.iter().map(RecordJson::from).collect::<Vec<_>>() });
            assert_eq!(value, expected);
            let back: Vec<StoredArticle> = parse_export(&json).unwrap().into_iter().map(Result::unwrap).collect();
            assert_eq!(back, set);
        }
    }

    #[test]
    fn records_round_trip_and_bad_ones_say_why() {
        let r = rec("Some text");
        assert_eq!(decode_record(&encode_record(&r)).unwrap(), r);
        assert!(decode_record("{not json").unwrap_err().contains("not a readable record"));
        assert!(decode_record("42").unwrap_err().contains("not a readable record"));
        let newer = encode_record(&StoredArticle { v: 9, ..r.clone() });
        assert!(decode_record(&newer).unwrap_err().contains("newer version"));
        let bad_id = encode_record(&StoredArticle { id: "<img src=x>".into(), ..r.clone() });
        assert!(decode_record(&bad_id).unwrap_err().contains("id"));
        let bad_date = encode_record(&StoredArticle { date: Some("soon".into()), ..r });
        assert!(decode_record(&bad_date).unwrap_err().contains("not a date"));
    }

    #[test]
    fn exports_round_trip_and_keep_the_good_articles() {
        let (a, b) = (rec("one"), rec("two"));
        let json = export_json(&[a.clone(), b.clone()], "2026-11-21");
        let back: Vec<_> = parse_export(&json).unwrap().into_iter().collect::<Result<_, _>>().unwrap();
        assert_eq!(back, vec![a.clone(), b]);

        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["articles"][1]["text"] = serde_json::json!(17);
        let mixed = parse_export(&v.to_string()).unwrap();
        assert_eq!(mixed[0], Ok(a));
        assert!(mixed[1].as_ref().unwrap_err().starts_with("article 2 of the export"));
        assert!(parse_export("[]").unwrap_err().contains("not the JSON of an export"));
        assert!(parse_export(r#"{"format":"other","version":1,"articles":[]}"#).unwrap_err().contains("“other”"));
    }

    #[test]
    fn everything_comes_back_from_its_file() {
        use crate::model::anchor::describe;
        use crate::model::export::export_everything;
        let (a, b) = (rec("one two three"), rec("four five six"));
        let mut hs = Highlights::default();
        let text = "Marines entered “Marjah” on Saturday. The <b>Taliban</b> said.";
        let id = hs.add(&a.id, describe(text, 8, 30).unwrap(), "2026-12-04T10:00:00Z");
        hs.annotate(&id, "a \"note\"\nwith lines", parse_tags("claims, Marjah"), "2026-12-04T11:00:00Z");
        hs.add(&b.id, describe(text, 38, text.len()).unwrap(), "2026-12-04T10:01:00Z");
        let json = export_everything(&[a.clone(), b.clone()], &hs, Some("person,place"), "2026-12-04");
        let file = parse_export_file(&json).unwrap();
        assert!(file.everything);
        assert_eq!(file.records, vec![Ok(a), Ok(b)]);
        assert_eq!(file.highlights, hs);
        assert_eq!(file.toggles.as_deref(), Some("person,place"));
        assert_eq!(file.bad_highlights, 0);
        // a damaged highlight is counted and left out, the rest come
        let mut v: serde_json::Value = serde_json::from_str(&json).unwrap();
        v["highlights"][1]["exact"] = serde_json::json!("");
        let file = parse_export_file(&v.to_string()).unwrap();
        assert_eq!((file.highlights.items.len(), file.bad_highlights), (1, 1));
        // an export of imports alone is no "everything"
        assert!(!parse_export_file(&export_json(&[], "x")).unwrap().everything);
    }
}
