//! A saved web page reduced to its article the way a reader view does it, with
//! `dom_smoothie` (a port of Mozilla's Readability): title, byline, date, site and the body
//! as plain text. Scripts, styles and markup never reach the text.

use dom_query::{Document, NodeRef};
use dom_smoothie::{CandidateSelectMode, Config, Readability, TextMode};

use crate::import::plain_text::title_from_name;

use crate::model::record::Draft;
use crate::text::calendar::iso_date;

use crate::model::file_check::Rejection;

/// Deeper pages (real ones stay well under 100 levels) are read as plain text: Readability
/// recurses through the tree and would run out of stack, in a worker that has 1 MB.
const MAX_DEPTH: usize = 400;

pub fn read(html: &str, name: &str) -> Result<Draft, Rejection> {
    let doc = Document::from(html);
    if depth(&doc.root()) > MAX_DEPTH {
        return plain_page(&doc, name);
    }
    // the page's own address: its canonical link, or its Open Graph address
    let url = ["link[rel=canonical]", "meta[property=\"og:url\"]"].iter().find_map(|sel| {
        let found = doc.select(sel);
        let value = found.attr("href").or_else(|| found.attr("content"))?;
        crate::text::address::checked(&value).ok().flatten()
    });
    let cfg = Config {
        text_mode: TextMode::Formatted,
        candidate_select_mode: CandidateSelectMode::DomSmoothie,
        ..Config::default()
    };
    let mut reader = Readability::with_document(doc, None, Some(cfg)).map_err(|_| Rejection::NoArticle)?;
    let article = reader.parse().map_err(|_| Rejection::NoArticle)?;
    let text = article.text_content.to_string();
    if text.split_whitespace().count() < 5 {
        return Err(Rejection::NoArticle);
    }
    let title = squash(&article.title);
    let site = article.site_name.as_deref().map(squash).filter(|s| !s.is_empty());
    // the page's own site name is its outlet, as the catalogue names it when it knows it
    let outlet = site
        .as_deref()
        .map(|s| crate::import::outlets::by_name(s).map_or_else(|| s.to_string(), |o| o.name.to_string()));
    Ok(Draft {
        title: if title.is_empty() { title_from_name(name) } else { title },
        author: article.byline.as_deref().map(byline).filter(|b| !b.is_empty()),
        date: article.published_time.as_deref().and_then(iso_date),
        site,
        outlet,
        url,
        text,
    })
}

/// The deepest nesting of the tree, walked without recursion.
fn depth(root: &NodeRef) -> usize {
    let mut deepest = 0;
    let mut stack = vec![(root.clone(), 0usize)];
    while let Some((node, d)) = stack.pop() {
        deepest = deepest.max(d);
        let mut child = node.first_child();
        while let Some(c) = child {
            child = c.next_sibling();
            stack.push((c, d + 1));
        }
    }
    deepest
}

/// All the text of a page without scripts and styles, for pages Readability cannot take.
fn plain_page(doc: &Document, name: &str) -> Result<Draft, Rejection> {
    let title = squash(&doc.select("title").text());
    doc.select("script, style, noscript, template, head").remove();
    let text = doc.select("body").formatted_text().to_string();
    if text.split_whitespace().count() < 5 {
        return Err(Rejection::NoArticle);
    }
    Ok(Draft { title: if title.is_empty() { title_from_name(name) } else { title }, text, ..Draft::default() })
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "By Jane Doe" -> "Jane Doe".
fn byline(s: &str) -> String {
    let s = squash(s);
    match s.get(..3) {
        Some(lead) if lead.eq_ignore_ascii_case("by ") => s[3..].trim().to_string(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_lose_their_lead_word() {
        assert_eq!(byline("By  Jane Doe"), "Jane Doe");
        assert_eq!(byline("Jane Doe"), "Jane Doe");
        assert_eq!(byline("Bé"), "Bé");
    }

    #[test]
    fn a_page_too_deep_for_readability_keeps_its_text() {
        let page = format!(
            "<title>Deep</title><script>x()</script>{}Marines entered Marjah on Saturday morning.{}",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let d = read(&page, "deep.html").unwrap();
        assert_eq!((d.title.as_str(), d.text.trim()), ("Deep", "Marines entered Marjah on Saturday morning."));
    }

    #[test]
    fn a_page_without_an_article_is_refused() {
        assert_eq!(
            read("<html><body><nav><a href=/>Home</a></nav></body></html>", "x.html"),
            Err(Rejection::NoArticle)
        );
    }
}
