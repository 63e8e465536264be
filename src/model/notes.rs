//! The notes view: every highlight of the shown articles (the list's filters apply), with
//! its article, note and tags, optionally of one tag; and the same rows exported as
//! Markdown (one section per article with its citation), CSV (one row per highlight) and
//! JSON in the W3C Web Annotation data model.

use std::collections::HashMap;

use crate::model::article::Article;
use crate::model::citation::{readable, Cited};
use crate::model::export::json_string;
use crate::model::highlight::{place, Highlight, Highlights, Place};
use crate::model::library::Library;

/// One highlight of the notes view.
#[derive(Debug, Clone, Copy)]
pub struct NoteRow<'a> {
    pub highlight: &'a Highlight,
    pub article: &'a Article,
}

/// The highlights of the articles `shown` (library indices, in list order), each article's in
/// the order made; with `tag`, only those holding it. Articles are found by id once (a map),
/// so 1,000 highlights over 10,000 articles filter in a few milliseconds.
pub fn rows<'a>(
    library: &'a Library,
    highlights: &'a Highlights,
    shown: &[usize],
    tag: Option<&str>,
) -> Vec<NoteRow<'a>> {
    let rank: HashMap<&str, usize> =
        shown.iter().enumerate().filter_map(|(r, &i)| Some((library.articles.get(i)?.id.as_str(), r))).collect();
    let mut out: Vec<(usize, NoteRow<'a>)> = highlights
        .items
        .iter()
        .filter(|h| tag.is_none_or(|t| h.tags.iter().any(|x| x == t)))
        .filter_map(|h| {
            let r = *rank.get(h.article.as_str())?;
            Some((r, NoteRow { highlight: h, article: &library.articles[shown[r]] }))
        })
        .collect();
    crate::text::sort::sort_by(&mut out, |a, b| a.0.cmp(&b.0));
    out.into_iter().map(|(_, row)| row).collect()
}

/// What a citation of `a` is made of.
pub fn cited(a: &Article) -> Cited<'_> {
    Cited {
        id: &a.id,
        title: &a.title,
        outlet: a.outlet.as_deref().filter(|o| *o != crate::model::article::UNKNOWN),
        author: a.author.as_deref(),
        date: a.date.as_deref(),
        url: a.stored.as_ref().and_then(|r| r.url.as_deref()),
    }
}

/// One section per article (its title and citation), each highlight a block quote with its
/// note and tags under it. Orphaned highlights say so.
pub fn markdown(rows: &[NoteRow], accessed: &str) -> String {
    let mut out = String::from("# Highlights and notes\n");
    let mut last: Option<&str> = None;
    for row in rows {
        let a = row.article;
        if last != Some(a.id.as_str()) {
            out.push_str(&format!("\n## {}\n\n{}\n", one_line(&a.title), one_line(&readable(&cited(a), accessed))));
            last = Some(&a.id);
        }
        let h = row.highlight;
        out.push('\n');
        for line in h.selector.exact.lines() {
            out.push_str(&format!("> {line}\n"));
        }
        if place(h, a) == Place::Orphaned {
            out.push_str("\n*This passage is no longer in the article's text.*\n");
        }
        if !h.note.is_empty() {
            out.push('\n');
            out.push_str(&h.note);
            out.push('\n');
        }
        if !h.tags.is_empty() {
            out.push_str(&format!("\nTags: {}\n", h.tags.join(", ")));
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One row per highlight, RFC 4180 (every field quoted, quotes doubled, CRLF line ends).
pub fn csv(rows: &[NoteRow]) -> String {
    let mut out = String::new();
    let head = [
        "highlight",
        "article",
        "title",
        "outlet",
        "author",
        "date",
        "url",
        "quote",
        "note",
        "tags",
        "created",
        "updated",
        "placed",
    ];
    out.push_str(&crate::text::csv::line(&head));
    for row in rows {
        let (h, a) = (row.highlight, row.article);
        let url = a.stored.as_ref().and_then(|r| r.url.as_deref()).unwrap_or("");
        let placed = if place(h, a) == Place::Orphaned { "no" } else { "yes" };
        let fields = [
            h.id.as_str(),
            a.id.as_str(),
            a.title.as_str(),
            a.outlet_label(),
            a.author.as_deref().unwrap_or(""),
            a.date.as_deref().unwrap_or(""),
            url,
            h.selector.exact.as_str(),
            h.note.as_str(),
            &h.tags.join("; "),
            h.created.as_str(),
            h.updated.as_str(),
            placed,
        ];
        out.push_str(&crate::text::csv::line(&fields));
    }
    out
}

/// The address an annotation's target names: the article's web address when it has one,
/// else a URN of its id in this app.
fn source(a: &Article) -> String {
    match a.stored.as_ref().and_then(|r| r.url.as_deref()) {
        Some(url) => url.to_string(),
        None => format!("urn:helmand-reader:article:{}", a.id),
    }
}

/// The highlights as a W3C Web Annotation collection (JSON-LD): each an `Annotation` whose
/// target is the article with a `TextQuoteSelector` and a `TextPositionSelector`, and whose
/// bodies are the note (`commenting`) and the tags (`tagging`).
pub fn web_annotations(rows: &[NoteRow], generated: &str) -> String {
    let s = |v: &str| {
        let mut out = String::new();
        json_string(&mut out, v);
        out
    };
    let mut items = Vec::new();
    for row in rows {
        let (h, a) = (row.highlight, row.article);
        let mut bodies = Vec::new();
        if !h.note.is_empty() {
            bodies.push(format!(
                "{{\"type\": \"TextualBody\", \"value\": {}, \"format\": \"text/plain\", \"purpose\": \"commenting\"}}",
                s(&h.note)
            ));
        }
        for t in &h.tags {
            bodies.push(format!("{{\"type\": \"TextualBody\", \"value\": {}, \"purpose\": \"tagging\"}}", s(t)));
        }
        let motivation = if h.note.is_empty() { "highlighting" } else { "commenting" };
        items.push(format!(
            "    {{\n      \"id\": {},\n      \"type\": \"Annotation\",\n      \"motivation\": \"{motivation}\",\n      \"created\": {},\n      \"modified\": {},\n      \"body\": [{}],\n      \"target\": {{\n        \"source\": {},\n        \"title\": {},\n        \"selector\": [\n          {{\"type\": \"TextQuoteSelector\", \"exact\": {}, \"prefix\": {}, \"suffix\": {}}},\n          {{\"type\": \"TextPositionSelector\", \"start\": {}, \"end\": {}}}\n        ]\n      }}\n    }}",
            s(&format!("urn:helmand-reader:highlight:{}:{}", a.id, h.id)),
            s(&h.created),
            s(&h.updated),
            bodies.join(", "),
            s(&source(a)),
            s(&a.title),
            s(&h.selector.exact),
            s(&h.selector.prefix),
            s(&h.selector.suffix),
            h.selector.start,
            h.selector.end,
        ));
    }
    format!(
        "{{\n  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n  \"type\": \"AnnotationCollection\",\n  \"label\": \"Helmand Reader highlights\",\n  \"generated\": {},\n  \"total\": {},\n  \"first\": {{\n    \"type\": \"AnnotationPage\",\n    \"items\": [\n{}\n    ]\n  }}\n}}",
        s(generated),
        rows.len(),
        items.join(",\n")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::anchor::describe;
    use crate::model::highlight::parse_tags;

    fn setup() -> (Library, Highlights) {
        let lib = crate::engine::corpus::bundled();
        let mut hs = Highlights::default();
        for (k, a) in lib.articles.iter().enumerate().take(3) {
            let text = a.body.body_text();
            let start = text.find(". ").unwrap() + 2;
            let end = start + text[start..].char_indices().nth(30).unwrap().0;
            let id = hs.add(&a.id, describe(&text, start, end).unwrap(), "2026-12-04T10:00:00Z");
            hs.annotate(
                &id,
                &format!("Note {k}, with \"quotes\",\ncommas and a <b>tag</b>"),
                parse_tags(if k == 1 { "claims" } else { "claims, Musa Qala" }),
                "t",
            );
        }
        (lib, hs)
    }

    #[test]
    fn rows_follow_the_list_and_the_tag() {
        let (lib, hs) = setup();
        let all: Vec<usize> = (0..lib.articles.len()).collect();
        assert_eq!(rows(&lib, &hs, &all, None).len(), 3);
        assert_eq!(rows(&lib, &hs, &all, Some("Musa Qala")).len(), 2);
        assert_eq!(
            rows(&lib, &hs, &[1, 0], None).iter().map(|r| r.article.id.as_str()).collect::<Vec<_>>(),
            [&lib.articles[1].id, &lib.articles[0].id]
        );
        assert!(rows(&lib, &hs, &[3, 4], None).is_empty());
    }

    #[test]
    fn csv_reads_back_field_by_field() {
        let (lib, hs) = setup();
        let all: Vec<usize> = (0..lib.articles.len()).collect();
        let text = csv(&rows(&lib, &hs, &all, None));
        // a small RFC 4180 reader
        let mut records: Vec<Vec<String>> = vec![vec![]];
        let (mut field, mut quoted, mut chars) = (String::new(), false, text.chars().peekable());
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => drop((field.push('"'), chars.next())),
                ('"', _) => quoted = !quoted,
                (',', false) => records.last_mut().unwrap().push(std::mem::take(&mut field)),
                ('\r', false) => {}
                ('\n', false) => {
                    records.last_mut().unwrap().push(std::mem::take(&mut field));
                    records.push(vec![]);
                }
                (c, _) => field.push(c),
            }
        }
        records.pop();
        assert_eq!(records.len(), 4);
        assert!(records.iter().all(|r| r.len() == 13));
        assert_eq!(records[1][8], "Note 0, with \"quotes\",\ncommas and a <b>tag</b>");
        assert_eq!(records[1][9], "claims; Musa Qala");
        assert_eq!(records[1][12], "yes");
    }

    #[test]
    fn the_web_annotations_are_json_ld_of_the_model() {
        let (lib, hs) = setup();
        let all: Vec<usize> = (0..lib.articles.len()).collect();
        let json: serde_json::Value =
            serde_json::from_str(&web_annotations(&rows(&lib, &hs, &all, None), "2026-12-04")).unwrap();
        assert_eq!(json["@context"], "http://www.w3.org/ns/anno.jsonld");
        let items = json["first"]["items"].as_array().unwrap();
        assert_eq!(items.len(), 3);
        let a = &items[0];
        assert_eq!(a["type"], "Annotation");
        assert_eq!(a["target"]["selector"][0]["type"], "TextQuoteSelector");
        assert_eq!(a["target"]["selector"][0]["exact"], hs.items[0].selector.exact.as_str());
        assert_eq!(a["body"][0]["purpose"], "commenting");
        assert_eq!(a["body"][1]["purpose"], "tagging");
    }

    #[test]
    fn markdown_has_a_section_per_article_and_quotes() {
        let (lib, hs) = setup();
        let all: Vec<usize> = (0..lib.articles.len()).collect();
        let md = markdown(&rows(&lib, &hs, &all, None), "2026-12-04");
        assert_eq!(md.matches("\n## ").count(), 3);
        assert!(md.contains(&format!("> {}", hs.items[0].selector.exact.lines().next().unwrap())));
        assert!(md.contains("Tags: claims, Musa Qala"));
    }
}
