//! Entity engine throughput, natively: `cargo bench --bench engine`. Prints MB/s of cleaned
//! article text annotated (the bundled seeds, many rounds), of cleaning raw text, and of
//! reading the prepared corpus the page reads (`src/prepared/`).

use std::time::{Duration, Instant};

use helmand_reader::engine::annotate::annotate_article;
use helmand_reader::engine::clean::{clean, Hints};
use helmand_reader::engine::seeds::SEEDS;
use helmand_reader::import::run::run;
use helmand_reader::model::job::Job;

fn measure(label: &str, bytes: usize, mut f: impl FnMut()) {
    f(); // warm-up: builds the automaton and word lists
    let start = Instant::now();
    let mut rounds = 0;
    let secs: f64 = std::env::var("BENCH_SECS").ok().and_then(|s| s.parse().ok()).unwrap_or(3.0);
    while start.elapsed() < Duration::from_secs_f64(secs) {
        f();
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64(); // measured
    let mb = (bytes * rounds) as f64 / 1e6;
    println!("{label:32} {:8.1} MB/s  ({rounds} rounds of {:.1} KB)", mb / secs, bytes as f64 / 1e3);
}

fn main() {
    let cleaned: Vec<_> =
        SEEDS.iter().map(|s| clean(s.text, Hints { title: Some(s.title), outlet: s.outlet })).collect();
    let text_bytes: usize = cleaned.iter().map(|c| c.body_text().len() + c.title.len()).sum();
    let raw_bytes: usize = SEEDS.iter().map(|s| s.text.len()).sum();
    measure("entity engine (annotate)", text_bytes, || {
        for c in &cleaned {
            std::hint::black_box(annotate_article(c));
        }
    });
    // the engine as the worker runs it: entities, then claims over them
    let annotated: Vec<_> = cleaned.iter().map(|c| (c, annotate_article(c))).collect();
    measure("claims engine (extract)", text_bytes, || {
        for (c, a) in &annotated {
            std::hint::black_box(helmand_reader::engine::claims::extract(c, a, Some("2015-08-27")));
        }
    });
    measure("entity + claims engine", text_bytes, || {
        for c in &cleaned {
            let a = annotate_article(c);
            std::hint::black_box(helmand_reader::engine::claims::extract(c, &a, Some("2015-08-27")));
        }
    });
    measure("clean + annotate (raw text)", raw_bytes, || {
        for s in SEEDS {
            std::hint::black_box(annotate_article(&clean(s.text, Hints::default())));
        }
    });
    measure("cleaning (raw text)", raw_bytes, || {
        for s in SEEDS {
            std::hint::black_box(clean(s.text, Hints::default()));
        }
    });

    // what the page does with the corpus instead: read it prepared
    let lib = helmand_reader::engine::corpus::bundled();
    let chunk = helmand_reader::prepared::article::encode_chunk(lib.articles.iter().map(|a| a.as_ref()), true);
    measure("read the prepared corpus", chunk.len(), || {
        std::hint::black_box(helmand_reader::prepared::article::decode_chunk(&chunk).unwrap());
    });

    // an import as the worker does it: a saved page read by Readability, cleaned, annotated
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/pages");
    let mut pages: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .map(|d| {
            d.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "html")).collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .map(|p| (p.file_name().unwrap().to_string_lossy().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    pages.sort();
    let page_bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    measure("import saved pages (.html)", page_bytes, || {
        for (name, bytes) in &pages {
            std::hint::black_box(run(Job::File { name: name.clone(), added: String::new() }, bytes));
        }
    });

    // a copied page's text as the worker reads a paste: the reader view for text, then cleaning
    let cases = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let texts: Vec<String> = std::fs::read_dir(&cases)
        .map(|d| d.flatten().map(|e| e.path().join("source.txt")).filter(|p| p.exists()).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let text_bytes: usize = texts.iter().map(String::len).sum();
    measure("reader view + cleaning (pages' text)", text_bytes, || {
        for t in &texts {
            let page = helmand_reader::import::text_page::read(t);
            std::hint::black_box(clean(&page.body, Hints { title: page.title.as_deref(), outlet: None }));
        }
    });

    // the notes view: 1,000 highlights over 10,000 articles, filtered (all, then one tag)
    // and each placed in its text (issue 15: within 50 ms)
    let articles: Vec<std::rc::Rc<helmand_reader::model::article::Article>> = (0..10_000)
        .map(|k| {
            let mut a = (*lib.articles[k % lib.articles.len()]).clone();
            a.id = format!("a{k}");
            std::rc::Rc::new(a)
        })
        .collect();
    let library = helmand_reader::model::library::Library { articles };
    let mut highlights = helmand_reader::model::highlight::Highlights::default();
    for k in 0..1_000 {
        let a = &library.articles[k * 10];
        let text = a.body.body_text();
        let mut start = (k * 37) % (text.len() / 2);
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let mut end = start + 40;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        if let Some(sel) = helmand_reader::model::anchor::describe(&text, start, end) {
            let id = highlights.add(&a.id, sel, "2026-12-04");
            highlights.annotate(
                &id,
                "",
                helmand_reader::model::highlight::parse_tags(&format!("tag-{}", k % 7)),
                "2026-12-04",
            );
        }
    }
    let shown: Vec<usize> = (0..library.articles.len()).collect();
    let view = |tag: Option<&str>| {
        let start = Instant::now();
        let rows = helmand_reader::model::notes::rows(&library, &highlights, &shown, tag);
        let placed = rows
            .iter()
            .filter(|r| {
                helmand_reader::model::highlight::place(r.highlight, r.article)
                    != helmand_reader::model::highlight::Place::Orphaned
            })
            .count();
        (start.elapsed().as_secs_f64() * 1e3, rows.len(), placed)
    };
    let median = |tag: Option<&str>| {
        let mut runs: Vec<(f64, usize, usize)> = (0..21).map(|_| view(tag)).collect();
        runs.sort_by(|a, b| a.0.total_cmp(&b.0));
        runs[10]
    };
    let (all, n, placed) = median(None);
    let (one, m, _) = median(Some("tag-3"));
    println!("notes view, 1,000 highlights over 10,000 articles: {all:.1} ms for all {n} ({placed} placed), {one:.1} ms for one tag ({m})");
}
