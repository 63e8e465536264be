//! Markdown to the reader's plain text (one block a line) with pulldown-cmark: markup goes,
//! the words stay. The first top-level heading is the title; a YAML front matter block may
//! give `title`, `author` and `date`.

use pulldown_cmark::{Event, HeadingLevel, MetadataBlockKind, Options, Parser, Tag, TagEnd};

use crate::import::plain_text::plain_text_titled;

use crate::model::record::Draft;
use crate::text::calendar::iso_date;

pub fn read(source: &str, name: &str) -> Draft {
    let parser = Parser::new_ext(
        source,
        Options::ENABLE_YAML_STYLE_METADATA_BLOCKS | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    );
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut title: Option<String> = None;
    let mut in_h1 = false;
    let mut in_meta = false;
    let mut meta = String::new();
    let mut image_depth = 0usize;
    for event in parser {
        match event {
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Text(t) if in_meta => meta.push_str(&t),
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) if title.is_none() => in_h1 = true,
            Event::Start(Tag::Image { .. }) => image_depth += 1, // alt text is not article text
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image_depth == 0 => line.push_str(&t),
            Event::SoftBreak => line.push(' '),
            Event::HardBreak => flush(&mut line, &mut lines),
            Event::End(TagEnd::Heading(_)) if in_h1 => {
                in_h1 = false;
                title = Some(std::mem::take(&mut line).trim().to_string());
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            ) => flush(&mut line, &mut lines),
            _ => {}
        }
    }
    flush(&mut line, &mut lines);

    let field = |key: &str| {
        meta.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            (k.trim().eq_ignore_ascii_case(key))
                .then(|| v.trim().trim_matches(['"', '\'']).to_string())
                .filter(|v| !v.is_empty())
        })
    };
    let text = lines.join("\n\n");
    // the document may name its title: then no line of it is taken for one
    let known = field("title").or(title).filter(|t| !t.is_empty());
    let mut draft = plain_text_titled(&text, name, known.as_deref());
    // the address a front matter gives ("source:", "url:") is the page's
    if draft.url.is_none() {
        draft.url = field("url")
            .or_else(|| field("source"))
            .or_else(|| field("canonical"))
            .and_then(|u| crate::text::address::checked(&u).ok().flatten());
        if draft.outlet.is_none() {
            draft.outlet = draft.url.as_deref().and_then(crate::import::outlets::outlet).map(str::to_string);
        }
    }
    draft.author = field("author").or(draft.author);
    draft.date = field("date").and_then(|d| iso_date(&d)).or(draft.date);
    draft
}

fn flush(line: &mut String, lines: &mut Vec<String>) {
    let t = line.trim();
    if !t.is_empty() {
        lines.push(t.to_string());
    }
    line.clear();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_words_stay() {
        let d = read(
            "---\nauthor: Jane Doe\ndate: 2009-07-02\n---\n# Operation Khanjar\n\nUS **Marines** moved into [Nawa](https://example.com) and _Garmsir_.\n\n![a photo](x.jpg)\n\n- first item\n- second item\n\n> quoted words\n",
            "k.md",
        );
        assert_eq!(d.title, "Operation Khanjar");
        assert_eq!(d.author.as_deref(), Some("Jane Doe"));
        assert_eq!(d.date.as_deref(), Some("2009-07-02"));
        assert_eq!(d.text, "US Marines moved into Nawa and Garmsir.\n\nfirst item\n\nsecond item\n\nquoted words");
    }

    #[test]
    fn html_in_markdown_is_not_text() {
        let d = read("# T\n\nSafe <script>alert(1)</script> words.\n", "x.md");
        assert!(!d.text.contains("<script>"), "{}", d.text);
        assert!(d.text.contains("Safe"));
    }
}
