//! Any input, however odd (Pashto and Dari script, emoji, combining marks, curly quotes,
//! very long lines, repeated text), gives valid, ordered, non-overlapping spans and never
//! panics, in cleaning and in entity finding.

use helmand_reader::engine::annotate::annotate_article;
use helmand_reader::engine::clean::{clean, Hints};
use helmand_reader::engine::entities::annotate;
use helmand_reader::model::entity::{Segment, SegmentKind};
use helmand_reader::model::segments::segments;
use proptest::prelude::*;

/// Text built from pieces that stress the rules: names, cues, dates, scripts, punctuation.
fn article_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Gen. ".to_string()),
        Just("Mr. Afghan".to_string()),
        Just("Zabihullah Mujahid".to_string()),
        Just("Lashkar Gah".to_string()),
        Just("Helmand province".to_string()),
        Just("(ANA)".to_string()),
        Just("Afghan National Army".to_string()),
        Just("Oct. 12, 2020".to_string()),
        Just("26.08.2015".to_string()),
        Just("2021-08-03".to_string()),
        Just(" said ".to_string()),
        Just(", the spokesman, ".to_string()),
        Just("Watan Yar/EPA, via Shutterstock".to_string()),
        Just("د هلمند ولایت".to_string()),
        Just("🙂".to_string()),
        Just("e\u{301}\u{302}".to_string()),
        Just("“”‘’«»".to_string()),
        Just("\n".to_string()),
        Just(". ".to_string()),
        Just("U.S.".to_string()),
        Just("’s".to_string()),
        "[A-Z][a-z]{0,8}",
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn check_spans(text: &str) {
    let a = annotate(&[Segment { text, kind: SegmentKind::Text }]);
    let mut last = 0;
    for m in &a.mentions {
        assert!(m.start < m.end && m.end <= text.len(), "{m:?}");
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        assert!(m.start >= last, "overlap at {m:?}");
        assert!(m.entity < a.entities.len());
        last = m.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn engine_spans_are_valid_on_article_like_text(text in article_like()) {
        check_spans(&text);
    }

    #[test]
    fn engine_spans_are_valid_on_any_unicode(text in "\\PC{0,400}") {
        check_spans(&text);
    }

    #[test]
    fn cleaning_then_annotating_any_text_is_safe(text in article_like()) {
        let c = clean(&text, Hints::default());
        let a = annotate_article(&c);
        let segs = segments(&c);
        for m in &a.mentions {
            prop_assert!(segs[m.segment].text.is_char_boundary(m.end));
        }
    }
}

#[test]
fn very_long_lines_and_repeated_text() {
    let line = "Taliban fighters attacked Lashkar Gah on Monday, said Ataullah Afghan. ".repeat(20_000);
    check_spans(&line);
    check_spans(&"ह".repeat(100_000));
    check_spans(&"A".repeat(100_000));
    check_spans(&"Mr. ".repeat(50_000));
    let c = clean(&format!("Title\n{}", "Same paragraph again.\n".repeat(10_000)), Hints::default());
    assert_eq!(c.blocks.len(), 1, "repeats fold into one");
}

/// A page built from tags, attributes, entities and text, well formed or not.
fn html_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"story-body\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<script>window.x=1</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<a href=\"javascript:alert(1)\">link</a>".to_string()),
        Just("<title>T</title>".to_string()),
        Just("<meta property=\"article:published_time\" content=\"2010-02-17\">".to_string()),
        Just("&amp;&#8217;&nbsp;&bogus;&#xFFFFFF;".to_string()),
        Just("<!-- c -->".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("Taliban fighters attacked Lashkar Gah on Monday, said Ataullah Afghan.".to_string()),
        "\\PC{0,20}",
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

fn import_never_panics(name: &str, bytes: &[u8]) {
    use helmand_reader::import::run::run;
    use helmand_reader::model::job::Job;
    use helmand_reader::prepared::job::{decode, encode};
    let out = run(Job::File { name: name.into(), added: String::new() }, bytes);
    assert!(!out.is_empty());
    assert_eq!(decode(&encode(&out)).unwrap(), out, "what the worker sends is what the page reads");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_bytes_import_or_get_a_message(bytes in prop::collection::vec(any::<u8>(), 0..600), ext in prop::sample::select(vec!["txt", "md", "html", "json", "pdf"])) {
        import_never_panics(&format!("f.{ext}"), &bytes);
    }

    #[test]
    fn any_page_imports_or_gets_a_message(page in html_like()) {
        import_never_panics("p.html", page.as_bytes());
        import_never_panics("p.md", page.as_bytes());
    }
}

#[test]
fn hostile_and_huge_imports() {
    // deeply nested markup, a megabyte line, a long repeated page, a JSON bomb of nesting
    import_never_panics("deep.html", format!("{}Sangin{}", "<div>".repeat(20_000), "</div>".repeat(20_000)).as_bytes());
    import_never_panics("deep.md", format!("{}Sangin", "> ".repeat(20_000)).as_bytes());
    import_never_panics("line.txt", "Fighting in Garmsir. ".repeat(50_000).as_bytes());
    import_never_panics("repeat.html", "<p>Marines entered Marjah on Saturday.</p>".repeat(20_000).as_bytes());
    import_never_panics("nest.json", format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).as_bytes());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Dates and bylines come from anyone's page or front matter (a character across byte 10
    /// of "2009-07-0é" once panicked).
    #[test]
    fn dates_and_front_matter_of_any_text_are_safe(s in "\\PC{0,24}", digits in "[0-9]{4}-[0-9]{2}-[0-9]{1,2}\\PC{0,3}") {
        for t in [&s, &digits] {
            if let Some(d) = helmand_reader::text::calendar::iso_date(t) {
                prop_assert!(helmand_reader::text::calendar::human_date(&d).is_some(), "{d}");
            }
            let _ = helmand_reader::text::calendar::human_date(t);
            import_never_panics("f.md", format!("---\ntitle: {t}\nauthor: {t}\ndate: {t}\n---\n# {t}\n\nBody in Sangin.").as_bytes());
            import_never_panics("f.html", format!("<html><head><meta property=\"article:published_time\" content=\"{t}\"><meta name=\"author\" content=\"By {t}\"></head><body><article><p>Fighting in Sangin on Monday, said the governor of Helmand. {t}</p></article></body></html>").as_bytes());
        }
    }
}

/// Lines shaped like a page's header and footer, with anyone's characters in them.
fn page_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Home | News | World".to_string()),
        Just("By Jane Doe, Reuters".to_string()),
        Just("© 2015 AFP".to_string()),
        Just("Published 04.08.2021 - 14:05".to_string()),
        Just(
            "KABUL (AFP) - The Taliban took Sangin on Monday, officials in Lashkar Gah said, after a siege of weeks."
                .to_string()
        ),
        Just("Comments (4)".to_string()),
        Just("Image 2 of 5".to_string()),
        "\\PC{0,40}",
        "[0-9./|: -]{0,20}",
        "[A-Z][a-z]{2,9}( [A-Z][a-z]{2,9}){0,5}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// The page-text reader takes any text: no panic, and every line it keeps is the page's.
    #[test]
    fn a_page_of_any_text_is_read_safely(text in page_like()) {
        let p = helmand_reader::import::text_page::read(&text);
        if let Some(d) = &p.date {
            prop_assert!(helmand_reader::text::calendar::human_date(d).is_some(), "{d}");
        }
        // nothing invented: every word of the body is the page's (lines may be joined, across
        // furniture taken out between them, and a word hyphenated at a line's end made whole)
        let words: std::collections::HashSet<&str> = text.split_whitespace().collect();
        for w in p.body.split_whitespace() {
            prop_assert!(words.contains(w) || text.replace("-\n", "").contains(w) || w.starts_with("Photo:") || text.contains(w.trim_end_matches('.')), "{w:?}");
        }
        import_never_panics("f.txt", text.as_bytes());
    }
}

/// A seed's paragraphs as a raw page's text, with the page furniture a copy picks up.
fn raw_page(paras: &[String], extra_top: &str, extra_between: Option<(usize, &str)>) -> String {
    let mut out = String::from("Menu\nHome | World | Asia\n");
    out.push_str(extra_top);
    out.push_str("\nHighlighted article title for the test\n\n");
    for (i, p) in paras.iter().enumerate() {
        if let Some((at, text)) = extra_between {
            if at == i {
                out.push_str(text);
                out.push_str("\n\n");
            }
        }
        out.push_str(p);
        out.push_str("\n\n");
    }
    out.push_str("Share this article\nRelated stories\n");
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Highlights made in a cleaned article, then the raw page copied again with changes
    /// around them (furniture above, a paragraph inserted elsewhere, a paragraph removed)
    /// and cleaned again: each is found on its own quote or reported orphaned, never
    /// placed on other text.
    #[test]
    fn highlights_survive_cleaning_again_or_are_orphaned(
        seed in 0usize..5,
        picks in prop::collection::vec((0usize..40, 0usize..200, 8usize..80), 1..6),
        extra_top in prop_oneof![Just(""), Just("Breaking: markets"), Just("Advertisement\nSubscribe now")],
        insert in prop::option::of((0usize..12, "[A-Z][a-z]{2,9}( [a-z]{2,9}){4,14}\\.")),
        drop_para in prop::option::of(0usize..12),
    ) {
        use helmand_reader::model::anchor::{anchor, describe};
        let lib = helmand_reader::engine::corpus::bundled();
        let article = &lib.articles[seed % lib.articles.len()];
        let paras: Vec<String> = article.body.blocks.iter().map(|b| b.text().to_string()).collect();
        let hints = Hints { title: Some("Highlighted article title for the test"), outlet: None };
        let before = clean(&raw_page(&paras, "", None), hints).body_text();
        // the highlights, on whole characters of the first cleaning
        let mut selectors = Vec::new();
        for (p, from, len) in picks {
            let starts: Vec<usize> = before.char_indices().map(|(i, _)| i).collect();
            if starts.len() < 2 {
                continue;
            }
            let s = starts[(p * 97 + from) % (starts.len() - 1)];
            let e = starts.get(starts.iter().position(|&x| x == s).unwrap() + len).copied().unwrap_or(before.len());
            if let Some(sel) = describe(&before, s, e) {
                selectors.push(sel);
            }
        }
        // the page copied again, changed around them, and cleaned again
        let mut changed = paras.clone();
        if let Some(d) = drop_para {
            if d < changed.len() && changed.len() > 1 {
                changed.remove(d);
            }
        }
        let inserted = insert.as_ref().map(|(at, text)| (*at, text.as_str()));
        let after = clean(&raw_page(&changed, extra_top, inserted), hints).body_text();
        for sel in &selectors {
            if let Some((s, e)) = anchor(&after, sel) {
                let found = &after[s..e];
                let same = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
                prop_assert!(same(found, &sel.exact) || found.replace(['’', '‘'], "'").replace(['“', '”'], "\"") == sel.exact.replace(['’', '‘'], "'").replace(['“', '”'], "\""),
                    "placed on other text: {:?} for {:?}", found, sel.exact);
                // and at the place of that quote in the text, when the quote is unique there
                if before.matches(sel.exact.as_str()).count() == 1 && after.matches(sel.exact.as_str()).count() == 1 {
                    prop_assert_eq!(Some(s), after.find(sel.exact.as_str()));
                }
            } else {
                // orphaned: allowed only when the quote's own paragraph changed or its context did
                prop_assert!(drop_para.is_some() || insert.is_some() || !extra_top.is_empty() || !after.contains(sel.exact.as_str()),
                    "orphaned though nothing changed: {:?}", sel.exact);
            }
        }
    }
}
