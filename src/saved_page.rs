//! A saved web page reduced to its article the way a reader view does it, with
//! `dom_smoothie` (a port of Mozilla's Readability): title, byline, date, site and the body
//! as plain text. Scripts, styles and markup never reach the text.

use dom_query::{Document, NodeRef};
use dom_smoothie::{CandidateSelectMode, Config, Readability, TextMode};

use crate::import::{title_from_name, Draft, Rejection};

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
        crate::address::checked(&value).ok().flatten()
    });
    let cfg = Config { text_mode: TextMode::Formatted, candidate_select_mode: CandidateSelectMode::DomSmoothie, ..Config::default() };
    let mut reader = Readability::with_document(doc, None, Some(cfg)).map_err(|_| Rejection::NoArticle)?;
    let article = reader.parse().map_err(|_| Rejection::NoArticle)?;
    let text = article.text_content.to_string();
    if text.split_whitespace().count() < 5 {
        return Err(Rejection::NoArticle);
    }
    let title = squash(&article.title);
    let site = article.site_name.as_deref().map(squash).filter(|s| !s.is_empty());
    // the page's own site name is its outlet, as the catalogue names it when it knows it
    let outlet = site.as_deref().map(|s| crate::outlets::by_name(s).map_or_else(|| s.to_string(), |o| o.name.to_string()));
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

/// A date as pages write it, as `YYYY-MM-DD`: ISO forms (with or without a time),
/// "2 July 2009" and "July 2, 2009".
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    // bytes, not string slices: the text is anyone's, and byte 10 may fall inside a character
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' && digits(0..4) && digits(5..7) && digits(8..10) {
        let num = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
        return valid(num(0..4), num(5..7), num(8..10));
    }
    const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let words: Vec<String> = s.split(|c: char| c.is_whitespace() || c == ',' || c == '.').filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    let month = |w: &str| MONTHS.iter().position(|m| w.len() >= 3 && w.starts_with(m)).map(|i| i as u32 + 1);
    let num = |w: &str| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>().ok();
    for win in words.windows(3) {
        let found = match (num(&win[0]), month(&win[1]), month(&win[0]), num(&win[1]), num(&win[2])) {
            (Some(d), Some(m), _, _, Some(y)) => Some((y, m, d)),
            (_, _, Some(m), Some(d), Some(y)) => Some((y, m, d)),
            _ => None,
        };
        if let Some((y, m, d)) = found {
            return valid(y, m, d);
        }
    }
    None
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_pages_write_them() {
        assert_eq!(iso_date("2009-07-02T10:00:00Z").as_deref(), Some("2009-07-02"));
        assert_eq!(iso_date("2 July 2009").as_deref(), Some("2009-07-02"));
        assert_eq!(iso_date("July 2, 2009").as_deref(), Some("2009-07-02"));
        assert_eq!(iso_date("Thu 2nd Jul 2009").as_deref(), Some("2009-07-02"));
        assert_eq!(iso_date("2009-13-02"), None);
        assert_eq!(iso_date("2009-07-0é"), None, "a character across byte 10");
        assert_eq!(iso_date("yesterday"), None);
    }

    #[test]
    fn bylines_lose_their_lead_word() {
        assert_eq!(byline("By  Jane Doe"), "Jane Doe");
        assert_eq!(byline("Jane Doe"), "Jane Doe");
        assert_eq!(byline("Bé"), "Bé");
    }

    #[test]
    fn a_page_too_deep_for_readability_keeps_its_text() {
        let page = format!("<title>Deep</title><script>x()</script>{}Marines entered Marjah on Saturday morning.{}", "<div>".repeat(5000), "</div>".repeat(5000));
        let d = read(&page, "deep.html").unwrap();
        assert_eq!((d.title.as_str(), d.text.trim()), ("Deep", "Marines entered Marjah on Saturday morning."));
    }

    #[test]
    fn a_page_without_an_article_is_refused() {
        assert_eq!(read("<html><body><nav><a href=/>Home</a></nav></body></html>", "x.html"), Err(Rejection::NoArticle));
    }
}
