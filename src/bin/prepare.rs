//! `prepare DIST/index.html`: the build-time half of the app, run by the post-build hook
//! (`scripts/precache.mjs`).
//! 1. Cleans and annotates the bundled corpus (`seeds/`, or the directory named by
//!    `HELMAND_CORPUS`, in the same format) and writes it as chunks in the prepared form
//!    (`src/prepared/`) to `DIST/corpus/`, named by a hash of their content, so any static
//!    host may cache them for ever (`.txt`, so hosts compress them). The page names them in `<meta name="corpus">` and
//!    fetches the first beside the app (the page's starter, `scripts/precache.mjs`), and
//!    never cleans or annotates them itself.
//! 2. Writes the first article's title and opening paragraphs into the page as plain HTML,
//!    so a visitor reads it as soon as the HTML arrives (the app then takes the page over).
//!    A deep link to another article hides it (a tiny inline script in `index.html`,
//!    allowed by its hash in the CSP).

use std::path::Path;
use std::process::ExitCode;

use helmand_reader::model::article::Article;
use helmand_reader::model::cleaned::Block;
use helmand_reader::model::library::Library;
use helmand_reader::prepared::article::encode_chunk;

/// The first chunk is small, so the list shows at once; the others about 1 MB (384 KB of
/// text, with its words and highlights).
const FIRST_CHUNK_ARTICLES: usize = 50;
const CHUNK_BYTES: usize = 384 << 10;

/// Enough text to fill a screen; the rest comes with the app.
const PRERENDER_BYTES: usize = 4_000;
/// Enough rows of the list to fill a phone's screen.
const LIST_ROWS: usize = 12;

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
    for (i, b) in
        a.body.blocks.iter().enumerate().filter(|(_, b)| matches!(b, Block::Paragraph(_) | Block::Standfirst(_)))
    {
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

/// The list view's first rows, for a phone at `#/` (where the list is the view, not the
/// article): the same markup and classes as the app's list, so the app's own render of them
/// is no larger and the first paint stays the largest (the stylesheet shows one of the two).
fn prerender_list(library: &Library) -> String {
    let mut out = String::from(r#"<nav class="list prerendered-list" aria-busy="true" aria-label="Articles"><ol>"#);
    for a in library.articles.iter().take(LIST_ROWS) {
        let (outlet_class, date_class) = (
            if a.outlet.is_none() { "item-outlet unknown" } else { "item-outlet" },
            if a.date.is_none() { "item-date unknown" } else { "item-date" },
        );
        out += &format!(
            r##"<li><a class="item" href="#/article/{}"><span class="item-title" lang="en">{}</span><span class="item-meta"><span class="{outlet_class}">{}</span><span class="{date_class}">{}</span><span class="item-time">{}</span></span></a></li>"##,
            escape(&helmand_reader::text::percent::percent_encode(&a.id)),
            escape(&a.title),
            escape(a.outlet_label()),
            escape(&if a.date.is_some() { a.date_label() } else { "date unknown".to_string() }),
            escape(&a.reading_label()),
        );
    }
    out + "</ol></nav>"
}

/// `html` with the `<p …>Loading the articles…</p>` placeholder (however the minifier
/// wrote its attributes) replaced by `with`.
fn replace_placeholder(html: &str, with: &str) -> Option<String> {
    let text = html.find("Loading the articles…")?;
    let start = html[..text].rfind("<p")?;
    let end = text + html[text..].find("</p>")? + "</p>".len();
    Some(format!("{}{with}{}", &html[..start], &html[end..]))
}

/// FNV-1a of the bytes, for the chunk names.
fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The corpus in chunks: (file name, content).
fn chunks(articles: &[std::rc::Rc<Article>]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = articles;
    while !rest.is_empty() {
        let mut n = 0;
        let mut bytes = 0;
        let limit = if out.is_empty() { FIRST_CHUNK_ARTICLES } else { usize::MAX };
        while n < rest.len() && n < limit && (n == 0 || bytes < CHUNK_BYTES) {
            bytes += rest[n].body.blocks.iter().map(|b| b.text().len()).sum::<usize>();
            n += 1;
        }
        let text = encode_chunk(rest[..n].iter().map(|a| a.as_ref()), !out.is_empty());
        out.push((format!("{}-{:016x}.txt", out.len(), hash(text.as_bytes())), text));
        rest = &rest[n..];
    }
    out
}

/// The `<meta>` naming the chunks, for the page's head (the page's starter preloads the
/// first beside the app, after the first paint: `scripts/precache.mjs`).
fn head_tags(names: &[String]) -> String {
    let urls: Vec<String> = names.iter().map(|n| format!("corpus/{n}")).collect();
    format!(r#"<meta name="corpus" content="{}">"#, urls.join(" "))
}

fn write_corpus(dist: &Path, library: &Library) -> Result<String, String> {
    let dir = dist.join("corpus");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).map_err(|e| format!("cannot clear {}: {e}", dir.display()))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot make {}: {e}", dir.display()))?;
    let mut names = Vec::new();
    for (name, text) in chunks(&library.articles) {
        std::fs::write(dir.join(&name), text).map_err(|e| format!("cannot write {name}: {e}"))?;
        names.push(name);
    }
    Ok(head_tags(&names))
}

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: prepare DIST/index.html (HELMAND_CORPUS=DIR to bundle another corpus than seeds/)");
        return ExitCode::from(2);
    };
    let html = match std::fs::read_to_string(&path) {
        Ok(h) => h,
        Err(e) => {
            eprintln!("prerender: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let library = match std::env::var_os("HELMAND_CORPUS") {
        Some(dir) => match helmand_reader::engine::corpus::from_dir(Path::new(&dir)) {
            Ok(l) => l,
            Err(e) => {
                eprintln!("prepare: the corpus in {} cannot be read:\n{e}", Path::new(&dir).display());
                return ExitCode::FAILURE;
            }
        },
        None => helmand_reader::engine::corpus::bundled(),
    };
    if html.contains(r#"<meta name="corpus""#) {
        eprintln!("prepare: {path} is already prepared");
        return ExitCode::SUCCESS;
    }
    let dist = Path::new(&path).parent().unwrap_or(Path::new("."));
    let tags = match write_corpus(dist, &library) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("prepare: {e}");
            return ExitCode::FAILURE;
        }
    };
    let Some(html) = html.find("</head>").map(|at| format!("{}{tags}{}", &html[..at], &html[at..])) else {
        eprintln!("prepare: {path} has no </head>");
        return ExitCode::FAILURE;
    };
    let page = prerender(&library)
        .and_then(|article| replace_placeholder(&html, &(article + &prerender_list(&library))))
        .unwrap_or(html);
    if let Err(e) = std::fs::write(&path, page) {
        eprintln!("prepare: cannot write {path}: {e}");
        return ExitCode::FAILURE;
    }
    eprintln!("prepare: {} articles in {}", library.articles.len(), dist.join("corpus").display());
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_found_as_written_or_minified() {
        for page in [
            r#"<div id="app"><p class="boot">Loading the articles…</p></div>"#,
            "<div id=app><p class=boot>Loading the articles…</p></div>",
        ] {
            let out = replace_placeholder(page, "<main>A</main>").unwrap();
            assert!(out.ends_with("<main>A</main></div>") && !out.contains("Loading"), "{out}");
        }
        assert_eq!(replace_placeholder("<div id=app></div>", "x"), None);
    }

    #[test]
    fn the_corpus_is_chunked_and_every_article_comes_back() {
        let lib = helmand_reader::engine::corpus::bundled();
        let many: Vec<_> = (0..130).map(|i| lib.articles[i % lib.articles.len()].clone()).collect();
        let parts = chunks(&many);
        let back: Vec<Article> =
            parts.iter().flat_map(|(_, t)| helmand_reader::prepared::article::decode_chunk(t).unwrap()).collect();
        assert_eq!(back.len(), 130);
        assert!(back.iter().zip(&many).all(|(a, b)| a == b.as_ref()));
        assert_eq!(
            helmand_reader::prepared::article::decode_chunk(&parts[0].1).unwrap().len(),
            FIRST_CHUNK_ARTICLES,
            "a small first chunk"
        );
        assert!(parts.iter().all(|(name, text)| name.ends_with(&format!("{:016x}.txt", hash(text.as_bytes())))));
        let tags = head_tags(&[parts[0].0.clone(), parts[1].0.clone()]);
        assert!(
            tags.starts_with(&format!(r#"<meta name="corpus" content="corpus/{} corpus/{}">"#, parts[0].0, parts[1].0)),
            "{tags}"
        );
    }

    #[test]
    fn the_first_article_as_plain_escaped_html() {
        let html = prerender(&helmand_reader::engine::corpus::bundled()).unwrap();
        let first = &helmand_reader::engine::corpus::bundled().articles[0];
        assert!(html.contains(&escape(&first.title)));
        assert!(html.contains(r#"elementtiming="article-text""#));
        assert!(!html.contains("<mark"), "no highlights before the app");
        assert_eq!(escape(r#"<img src=x onerror="a()">&"#), "&lt;img src=x onerror=&quot;a()&quot;&gt;&amp;");
    }
}
