//! The export file of imported articles, written by hand: the page exports, and its
//! WebAssembly carries no JSON library (the worker reads exports back, `import::export`).

use crate::model::record::{StoredArticle, EXPORT_FORMAT, RECORD_VERSION};

/// All imported articles in one file. Written by hand: the page exports, and its
/// WebAssembly carries no JSON library (the worker reads exports back with serde).
pub fn export_json(articles: &[StoredArticle], exported: &str) -> String {
    let mut out = String::from("{\n  \"format\": ");
    json_string(&mut out, EXPORT_FORMAT);
    out.push_str(&format!(",\n  \"version\": {RECORD_VERSION},\n  \"exported\": "));
    json_string(&mut out, exported);
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
                Some(v) => json_string(&mut out, v),
                None => out.push_str("null"),
            }
        }
        out.push_str("\n    }");
    }
    out.push_str(if articles.is_empty() { "]\n}" } else { "\n  ]\n}" });
    out
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
