//! `prerender DIST/index.html`: writes the first article's title and opening paragraphs
//! into the page as plain HTML, so a visitor reads it as soon as the HTML arrives, before
//! the WebAssembly has loaded (the app then takes the page over). Run by
//! `scripts/precache.mjs`, the post-build hook. A deep link to another article hides it
//! (a tiny inline script in `index.html`, allowed by its hash in the CSP).

use std::process::ExitCode;

use helmand_reader::clean::Block;
use helmand_reader::library::Library;

/// Enough text to fill a screen; the rest comes with the app.
const PRERENDER_BYTES: usize = 4_000;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The first article of the list, as the reader shows it, without highlights.
fn prerender(library: &Library) -> Option<String> {
    let a = library.articles.first()?;
    let mut out = format!(
        r#"<main class="reader prerendered" aria-busy="true"><article><header class="meta"><h1 class="reader-title">{}</h1><p class="prerender-meta">{} · {}</p></header><div class="body">"#,
        escape(&a.title),
        escape(a.outlet_label()),
        escape(&if a.date.is_some() { a.date_label() } else { "date unknown".to_string() })
    );
    let mut bytes = 0;
    for (i, b) in a.body.blocks.iter().enumerate().filter(|(_, b)| matches!(b, Block::Paragraph(_) | Block::Standfirst(_))) {
        let class = if matches!(b, Block::Standfirst(_)) { r#" class="standfirst""# } else { "" };
        let timing = if i < 3 { r#" elementtiming="article-text""# } else { "" };
        out += &format!("<p{class}{timing}>{}</p>", escape(b.text()));
        bytes += b.text().len();
        if bytes > PRERENDER_BYTES {
            break;
        }
    }
    out += "</div></article></main>";
    Some(out)
}

/// `html` with the `<p …>Loading the articles…</p>` placeholder (however the minifier
/// wrote its attributes) replaced by `with`.
fn replace_placeholder(html: &str, with: &str) -> Option<String> {
    let text = html.find("Loading the articles…")?;
    let start = html[..text].rfind("<p")?;
    let end = text + html[text..].find("</p>")? + "</p>".len();
    Some(format!("{}{with}{}", &html[..start], &html[end..]))
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prerender DIST/index.html");
        return ExitCode::from(2);
    };
    let html = match std::fs::read_to_string(&path) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("prerender: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(article) = prerender(&Library::bundled()) else { return ExitCode::SUCCESS };
    let Some(page) = replace_placeholder(&html, &article) else {
        eprintln!("prerender: {path} has no loading placeholder (already prerendered?)");
        return ExitCode::SUCCESS;
    };
    if let Err(e) = std::fs::write(&path, page) {
        eprintln!("prerender: cannot write {path}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_found_as_written_or_minified() {
        for page in [r#"<div id="app"><p class="boot">Loading the articles…</p></div>"#, "<div id=app><p class=boot>Loading the articles…</p></div>"] {
            let out = replace_placeholder(page, "<main>A</main>").unwrap();
            assert!(out.ends_with("<main>A</main></div>") && !out.contains("Loading"), "{out}");
        }
        assert_eq!(replace_placeholder("<div id=app></div>", "x"), None);
    }

    #[test]
    fn the_first_article_as_plain_escaped_html() {
        let html = prerender(&Library::bundled()).unwrap();
        let first = &Library::bundled().articles[0];
        assert!(html.contains(&escape(&first.title)));
        assert!(html.contains(r#"elementtiming="article-text""#));
        assert!(!html.contains("<mark"), "no highlights before the app");
        assert_eq!(escape(r#"<img src=x onerror="a()">&"#), "&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;");
    }
}
