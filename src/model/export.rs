//! The export file of imported articles, written by hand: the page exports, and its
//! WebAssembly carries no JSON library (the worker reads exports back, `import::export`).

use crate::model::highlight::Highlights;
use crate::model::record::{StoredArticle, EXPORT_FORMAT, RECORD_VERSION};

/// What an "export everything" file says it is.
pub const EVERYTHING_FORMAT: &str = "helmand-reader/everything";

/// All imported articles in one file. Written by hand: the page exports, and its
/// WebAssembly carries no JSON library (the worker reads exports back with serde).
pub fn export_json(articles: &[StoredArticle], exported: &str) -> String {
    let mut out = head(EXPORT_FORMAT, exported);
    write_articles(&mut out, articles);
    out.push_str("\n}");
    out
}

/// Everything the reader keeps in this browser, in one file: the imported articles (as
/// `export_json` writes them), the highlights with their notes and tags, and the
/// preferences (the highlight toggles, as saved).
pub fn export_everything(
    articles: &[StoredArticle],
    highlights: &Highlights,
    toggles: Option<&str>,
    exported: &str,
) -> String {
    let mut out = head(EVERYTHING_FORMAT, exported);
    write_articles(&mut out, articles);
    out.push_str(",\n  \"highlights\": [");
    for (i, h) in highlights.items.iter().enumerate() {
        out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
        let fields = [
            ("id", &h.id),
            ("article", &h.article),
            ("exact", &h.selector.exact),
            ("prefix", &h.selector.prefix),
            ("suffix", &h.selector.suffix),
            ("note", &h.note),
            ("created", &h.created),
            ("updated", &h.updated),
        ];
        for (k, (name, value)) in fields.into_iter().enumerate() {
            out.push_str(&format!("{}\n      \"{name}\": ", if k == 0 { "" } else { "," }));
            json_string(&mut out, value);
        }
        out.push_str(&format!(
            ",\n      \"start\": {},\n      \"end\": {},\n      \"tags\": [",
            h.selector.start, h.selector.end
        ));
        for (k, t) in h.tags.iter().enumerate() {
            if k > 0 {
                out.push_str(", ");
            }
            json_string(&mut out, t);
        }
        out.push_str("]\n    }");
    }
    out.push_str(if highlights.items.is_empty() { "]" } else { "\n  ]" });
    out.push_str(",\n  \"preferences\": {\"highlighted-types\": ");
    match toggles {
        Some(t) => json_string(&mut out, t),
        None => out.push_str("null"),
    }
    out.push_str("}\n}");
    out
}

fn head(format: &str, exported: &str) -> String {
    let mut out = String::from("{\n  \"format\": ");
    json_string(&mut out, format);
    out.push_str(&format!(",\n  \"version\": {RECORD_VERSION},\n  \"exported\": "));
    json_string(&mut out, exported);
    out
}

/// `,\n  "articles": [...]`, one record an object.
fn write_articles(out: &mut String, articles: &[StoredArticle]) {
    out.push_str(",\n  \"articles\": [");
    for (i, a) in articles.iter().enumerate() {
        out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
        out.push_str(&format!("\n      \"v\": {}", a.v));
        let fields = [
            ("id", Some(&a.id)),
            ("title", Some(&a.title)),
            ("headline", a.headline.as_ref()),
            ("outlet", a.outlet.as_ref()),
            ("author", a.author.as_ref()),
            ("date", a.date.as_ref()),
            ("origin", Some(&a.origin)),
            ("site", a.site.as_ref()),
            ("added", Some(&a.added)),
            ("text", Some(&a.text)),
            ("url", a.url.as_ref()),
            ("guessed", a.guessed.as_ref()),
        ];
        for (name, value) in fields {
            out.push_str(&format!(",\n      \"{name}\": "));
            match value {
                Some(v) => json_string(out, v),
                None => out.push_str("null"),
            }
        }
        out.push_str("\n    }");
    }
    out.push_str(if articles.is_empty() { "]" } else { "\n  ]" });
}

/// `s` as a JSON string literal.
pub fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // U+2028/2029 for readers that take JSON as JavaScript, `<` so that "</script>"
            // never closes a page's script element
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' || c == '<' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
