//! Export files read back (in the import worker): the JSON of `model::export`, and the
//! JSON records earlier versions kept in the browser. Each record is checked on its own.

use serde::{Deserialize, Serialize};

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
}

/// The articles of an export file, each checked on its own: one bad article does not
/// stop the others.
pub fn parse_export(json: &str) -> Result<Vec<Result<StoredArticle, String>>, String> {
    let file: ExportIn = serde_json::from_str(json).map_err(|e| format!("it is not the JSON of an export ({e})"))?;
    if file.format != EXPORT_FORMAT {
        return Err(format!("its format is “{}”", file.format));
    }
    if file.version > RECORD_VERSION {
        return Err(format!("it was written by a newer version of Helmand Reader (format {})", file.version));
    }
    Ok(file
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
        .collect())
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
}
