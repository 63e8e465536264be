//! Reader-view cleaning: turns the raw text of a saved news page into the article a person
//! wants to read. Each line is classified (furniture, title, byline, dateline, caption,
//! heading, text) by general rules, then duplicates are folded. Nothing that is part of the
//! report is dropped: when in doubt a line is kept as text.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::model::cleaned::{Block, Cleaned};
use crate::text::calendar::month_number;

/// What is already known about the page, so it can be recognised in the text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Hints<'a> {
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Furniture,
    Title,
    Byline(String),
    Dateline,
    Copyright,
    Caption,
    Heading,
    Text,
}

/// Cleans `raw` (any text: never panics) into reader-view blocks.
pub fn clean(raw: &str, hints: Hints) -> Cleaned {
    let lines: Vec<String> = raw.lines().map(normalise_space).filter(|l| !l.is_empty()).collect();
    let mut title = hints.title.map(normalise_space).filter(|t| !t.is_empty());
    let mut title_key = title.as_deref().map(fold).unwrap_or_default();
    let outlet_key = hints.outlet.map(fold).unwrap_or_default();
    let keys: Vec<String> = lines.iter().map(|l| fold(l)).collect();

    let mut kinds = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        let key = &keys[i];
        let kind = if key.is_empty() || is_furniture(line, key) {
            Kind::Furniture
        } else if title.is_none() {
            title = Some(line.clone());
            title_key = key.clone();
            Kind::Title
        } else if is_title_repeat(key, &title_key) {
            Kind::Title
        } else if !outlet_key.is_empty() && *key == outlet_key {
            Kind::Furniture // shown in the metadata header instead
        } else if let Some(name) = byline(line).filter(|_| !kinds.iter().any(|k| matches!(k, Kind::Byline(_)))) {
            Kind::Byline(name) // the first byline; later ones (comments) stay in the text
        } else if is_dateline(line) && !kinds.iter().any(|k| matches!(k, Kind::Dateline)) {
            Kind::Dateline
        } else if is_copyright(line) {
            Kind::Copyright
        } else if is_caption(line) || keys.get(i + 1) == Some(key) {
            Kind::Caption
        } else if is_heading(line) {
            Kind::Heading
        } else {
            Kind::Text
        };
        kinds.push(kind);
    }

    let mut out = Cleaned { title: title.unwrap_or_default(), ..Cleaned::default() };
    let mut seen_body = false;
    let mut seen: HashSet<&str> = HashSet::new();
    // for each line, the kind of the next line that is not furniture or the title
    let mut next_kinds: Vec<Option<&Kind>> = vec![None; kinds.len()];
    for i in (0..kinds.len().saturating_sub(1)).rev() {
        next_kinds[i] =
            if matches!(kinds[i + 1], Kind::Furniture | Kind::Title) { next_kinds[i + 1] } else { Some(&kinds[i + 1]) };
    }
    for (i, (line, kind)) in lines.iter().zip(&kinds).enumerate() {
        let next_meaningful = next_kinds[i];
        let block = match kind {
            Kind::Furniture | Kind::Title => None,
            Kind::Byline(name) => {
                out.byline.get_or_insert_with(|| name.clone());
                None
            }
            Kind::Dateline => {
                out.dateline.get_or_insert_with(|| line.clone());
                None
            }
            Kind::Copyright => {
                out.copyright.get_or_insert_with(|| line.clone());
                None
            }
            Kind::Caption => Some(Block::Caption(line.clone())),
            Kind::Heading if !seen_body && !out.blocks.iter().any(|b| matches!(b, Block::Standfirst(_))) => {
                Some(Block::Standfirst(line.clone()))
            }
            Kind::Heading => Some(Block::Heading(line.clone())),
            Kind::Text if !seen_body && matches!(next_meaningful, Some(Kind::Byline(_) | Kind::Dateline)) => {
                Some(Block::Standfirst(line.clone()))
            }
            Kind::Text if is_note(line, out.byline.as_deref()) => Some(Block::Note(line.clone())),
            Kind::Text => {
                seen_body = true;
                Some(Block::Paragraph(line.clone()))
            }
        };
        if let Some(b) = block {
            if seen.insert(keys[i].as_str()) {
                match b {
                    Block::Paragraph(p) if p.len() > LONG_PARAGRAPH => {
                        out.blocks.extend(split_long(&p).into_iter().map(|s| Block::Paragraph(s.to_string())))
                    }
                    b => out.blocks.push(b),
                }
            }
        }
    }
    out
}

/// Paragraphs longer than this (a wall of text with no line breaks; real ones stay far
/// below) are split at sentence ends, so they read, and render, piece by piece.
const LONG_PARAGRAPH: usize = 6_000;

/// Pieces of at most about `LONG_PARAGRAPH / 2` bytes, cut after a sentence end (". " and
/// a capital), else at a space, else anywhere on a character boundary.
fn split_long(p: &str) -> Vec<&str> {
    let target = LONG_PARAGRAPH / 2;
    let mut out = Vec::new();
    let mut rest = p;
    while rest.len() > LONG_PARAGRAPH {
        let mut limit = target;
        while !rest.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &rest[..limit];
        let sentence = window
            .rmatch_indices(". ")
            .map(|(i, _)| i + 1)
            .find(|&i| i > target / 4 && rest[i + 1..].starts_with(|c: char| c.is_uppercase()));
        let cut = sentence.or_else(|| window.rfind(' ').filter(|&i| i > 0)).unwrap_or(limit);
        out.push(rest[..cut].trim());
        rest = rest[cut..].trim_start();
    }
    out.push(rest);
    out.retain(|s| !s.is_empty());
    out
}

/// Trims, turns every run of white space (incl. no-break and zero-width) into one space.
fn normalise_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Comparison key: lower case, letters and digits only, single spaces. "Biden’s" = "Biden's".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    for c in s.chars() {
        // ASCII first: most text is, and its case needs no table
        let alnum = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if alnum {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if !matches!(c, '\'' | '’' | '‘' | '.') {
            // apostrophes and the dots of initialisms join: "Biden’s" = "bidens", "U.S." = "us"
            gap = true;
        }
    }
    out
}

/// The furniture rules of `data/boilerplate.txt`, parsed once.
struct Furniture {
    exact: HashSet<String>,
    prompts: Vec<String>,
}

fn furniture_rules() -> &'static Furniture {
    static RULES: OnceLock<Furniture> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut f = Furniture { exact: HashSet::new(), prompts: Vec::new() };
        for line in include_str!("../../data/boilerplate.txt").lines() {
            if let Some(p) = line.strip_prefix("= ") {
                f.exact.insert(fold(p));
            } else if let Some(p) = line.strip_prefix("~ ") {
                f.prompts.push(fold(p));
            }
        }
        f
    })
}

pub fn is_furniture(line: &str, key: &str) -> bool {
    let rules = furniture_rules();
    if rules.exact.contains(key) {
        return true;
    }
    // share and comment counters: a line of a few digits only
    if line.len() <= 6 && line.chars().all(|c| c.is_ascii_digit() || c == ' ') {
        return true;
    }
    // a prompt opens or closes its line ("… Jobs - JOIN NOW"); inside a sentence it is prose
    rules.prompts.iter().any(|p| {
        key.strip_prefix(p.as_str()).is_some_and(|r| r.is_empty() || r.starts_with(' '))
            || key.strip_suffix(p.as_str()).is_some_and(|r| r.is_empty() || r.ends_with(' '))
    }) && key.split(' ').nth(40).is_none()
}

/// The title again, or the title with a short suffix (" – fr", " | Outlet").
fn is_title_repeat(key: &str, title_key: &str) -> bool {
    !title_key.is_empty()
        && key
            .strip_prefix(title_key)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' ') && rest.split_whitespace().count() <= 3)
}

/// "By Mujib Mashal and Taimoor Shah", "Author: Jason Ditz", "Written by ...": the names.
fn byline(line: &str) -> Option<String> {
    let lower: String = line.chars().take(12).flat_map(char::to_lowercase).collect();
    let rest = ["by ", "author: ", "written by ", "words by "]
        .iter()
        .find(|p| lower.starts_with(*p))
        .map(|p| line[p.len()..].trim())?;
    // "By Rupert Hallam in Sangin", "By Mark Halloran | October 14, 2016": the names come first
    let rest = rest.split('|').next().unwrap_or_default();
    let rest = rest.split(" in ").next().unwrap_or_default().trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    let name_like = !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|w| {
            matches!(w.trim_end_matches(','), "and" | "&" | "de" | "van" | "al" | "bin")
                || w.chars().next().is_some_and(char::is_uppercase)
        });
    name_like.then(|| rest.to_string())
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

fn is_month(w: &str) -> bool {
    month_number(w).is_some()
}

/// A line made only of date and time words: "Oct. 12, 2020", "22:13 26.08.2015 (updated 23:45 26.08.2015)".
fn is_dateline(line: &str) -> bool {
    if line.len() > 80 {
        return false; // twelve date words at most
    }
    let lower = line.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')' | '|' | '—' | '–'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 12 {
        return false;
    }
    let mut has_date = false;
    for w in &words {
        let numeric = |seps: &[char]| {
            w.split(seps).all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        };
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if is_month(w) || (w.contains(['.', '-', '/']) && numeric(&['.', '-', '/'])) {
            has_date = true;
        } else if WEEKDAYS.iter().any(|d| d.starts_with(w.trim_end_matches('.')) && w.len() >= 3)
            || (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            || (w.contains(':') && numeric(&[':']))
            || matches!(
                *w,
                "updated"
                    | "published"
                    | "posted"
                    | "last"
                    | "on"
                    | "at"
                    | "am"
                    | "pm"
                    | "a.m."
                    | "p.m."
                    | "gmt"
                    | "utc"
                    | "et"
                    | "-"
            )
        {
        } else {
            return false;
        }
    }
    has_date
}

fn is_copyright(line: &str) -> bool {
    let lower = line.to_lowercase();
    (line.starts_with('©') || lower.starts_with("copyright ") || lower.starts_with("(c) "))
        && line.split_whitespace().count() <= 15
}

/// Photo captions: "File - …", "(pictured: …)", or a line ending in a photo credit
/// such as "Watan Yar/EPA, via Shutterstock".
fn is_caption(line: &str) -> bool {
    let head: String = line.chars().take(12).flat_map(char::to_lowercase).collect();
    if ["file - ", "file – ", "file photo", "file: "].iter().any(|p| head.starts_with(p)) {
        return true;
    }
    if line.contains('(') {
        let lower = line.to_lowercase();
        if [
            "(pictured",
            "(above",
            "(below",
            "(left)",
            "(right)",
            "(centre)",
            "(center)",
            "(photo",
            "(picture",
            "(file photo",
            "(inset",
        ]
        .iter()
        .any(|p| lower.contains(p))
        {
            return true;
        }
    }
    let tail = line.rsplit_once(". ").map_or(line, |(_, t)| t);
    let tail_lower = tail.to_lowercase();
    if ["photo:", "photograph:", "credit:", "image:"].iter().any(|p| tail_lower.starts_with(p)) {
        return true;
    }
    is_photo_credit(tail)
}

/// "Hussein Sayed/Associated Press", "Watan Yar/EPA, via Shutterstock".
pub fn is_photo_credit(s: &str) -> bool {
    let s = s.trim_end_matches('.');
    let s = s.split_once(", via ").map_or(s, |(a, _)| a);
    let Some((who, agency)) = s.split_once('/') else { return false };
    let capitalised = |part: &str, max: usize| {
        let words: Vec<&str> = part.split_whitespace().collect();
        !words.is_empty()
            && words.len() <= max
            && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
    };
    capitalised(who, 4) && capitalised(agency, 4)
}

/// A short line with no closing punctuation that starts with a capital: a cross-head.
fn is_heading(line: &str) -> bool {
    let words = line.split(' ').take(13).count();
    let last = line.chars().last().unwrap_or('.');
    words <= 12
        && line.chars().count() <= 90
        && line.chars().next().is_some_and(char::is_uppercase)
        && !matches!(last, '.' | '!' | '?' | '…' | '"' | '”' | '’' | '\'' | ':' | ';' | ',' | ')' | ']')
}

/// An author or agency bio, or a reporting credit line.
fn is_note(line: &str, byline: Option<&str>) -> bool {
    let lower = line.to_lowercase();
    if byline.is_some_and(|b| lower.starts_with(&format!("{} is ", b.to_lowercase()))) {
        return true;
    }
    let words = line.split(' ').take(41).count();
    if words <= 40
        && [" contributed reporting", " reported from ", "additional reporting by", "reporting by ", "editing by "]
            .iter()
            .any(|p| lower.contains(p))
    {
        return true;
    }
    // "Reuters is a news agency founded in 1851 …", "X is Senior Editor for …"
    let Some((subject, rest)) = lower.split_once(" is ") else { return false };
    subject.split_whitespace().count() <= 4
        && line.chars().next().is_some_and(char::is_uppercase)
        && [
            "a news agency",
            "an international news agency",
            "senior editor",
            "editor ",
            "a reporter",
            "a correspondent",
            "a journalist",
            "a freelance",
            "a writer",
            "a columnist",
            "a contributor",
            "a staff writer",
        ]
        .iter()
        .any(|p| rest.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(raw: &str, title: Option<&str>) -> Vec<Block> {
        clean(raw, Hints { title, outlet: None }).blocks
    }

    #[test]
    fn fold_treats_quote_styles_and_initialisms_alike() {
        assert_eq!(fold("Biden’s move"), fold("Biden's move"));
        assert_eq!(fold("U.S. troops"), "us troops");
        assert_eq!(fold("  LEAVE A REPLY "), "leave a reply");
        assert_eq!(fold("Please enter your comment!"), "please enter your comment");
    }

    #[test]
    fn furniture_counters_and_prompts_are_dropped() {
        let raw = "Title here\n0\n13\nAccessibility links\nThe report itself, which matters.\nJoin the mailing list\nLEAVE A REPLY\n";
        assert_eq!(blocks(raw, None), vec![Block::Paragraph("The report itself, which matters.".into())]);
    }

    #[test]
    fn a_sentence_that_only_mentions_a_prompt_word_is_kept() {
        let raw = "T\nElders said they would join now that the fighting had stopped, and many did.\n";
        assert_eq!(blocks(raw, Some("T")).len(), 1);
    }

    #[test]
    fn first_line_is_the_title_when_none_is_known_and_repeats_are_dropped() {
        let c = clean("Big news\n\nBig news\nBody text goes here.\n", Hints::default());
        assert_eq!(c.title, "Big news");
        assert_eq!(c.blocks, vec![Block::Paragraph("Body text goes here.".into())]);
    }

    #[test]
    fn title_with_a_short_suffix_is_a_repeat() {
        let raw = "Taliban launch offensive – fr\nBody text goes here.\n";
        assert_eq!(
            blocks(raw, Some("Taliban launch offensive")),
            vec![Block::Paragraph("Body text goes here.".into())]
        );
    }

    #[test]
    fn walls_of_text_are_split_at_sentence_ends() {
        let wall = "Fighting went on in Sangin. ".repeat(1_000);
        let c = clean(&format!("Title\n{wall}"), Hints::default());
        assert!(c.blocks.len() > 5, "{}", c.blocks.len());
        assert!(c.blocks.iter().all(|b| b.text().len() <= LONG_PARAGRAPH && b.text().ends_with("Sangin.")));
        assert_eq!(c.word_count(), 5_000, "no word lost");
        let unbroken = "ب".repeat(10_000); // two bytes a character, no spaces at all
        let pieces = split_long(&unbroken);
        assert_eq!(pieces.concat(), unbroken);
        assert!(pieces.len() > 1);
    }

    #[test]
    fn byline_dateline_and_copyright_become_metadata() {
        let raw = "A title\nThe dek sentence.\nBy Jane Roe and John Doe in Lashkar Gah\nOct. 12, 2020\nBody.\n© Example News\n";
        let c = clean(raw, Hints::default());
        assert_eq!(c.byline.as_deref(), Some("Jane Roe and John Doe"));
        assert_eq!(c.dateline.as_deref(), Some("Oct. 12, 2020"));
        assert_eq!(c.copyright.as_deref(), Some("© Example News"));
        assert_eq!(c.blocks, vec![Block::Standfirst("The dek sentence.".into()), Block::Paragraph("Body.".into())]);
    }

    #[test]
    fn datelines_need_a_date_and_nothing_else() {
        assert!(is_dateline("22:13 26.08.2015 (updated 23:45 26.08.2015)"));
        assert!(is_dateline("Tuesday, May 4, 2021"));
        assert!(is_dateline("2021-08-03"));
        assert!(!is_dateline("May the troops come home"));
        assert!(!is_dateline("2,500 troops"));
        assert!(!is_dateline("Monday"));
    }

    #[test]
    fn captions_are_recognised_and_shown_once() {
        let raw = "T\nBody one.\nFile - Soldiers at a base, June 2015.\nFile - Soldiers at a base, June 2015.\n\
                   The fighting displaced families. Watan Yar/EPA, via Shutterstock\n\
                   Biden's move (pictured: a base)\nBiden’s move (pictured: a base)\n";
        assert_eq!(
            blocks(raw, Some("T")),
            vec![
                Block::Paragraph("Body one.".into()),
                Block::Caption("File - Soldiers at a base, June 2015.".into()),
                Block::Caption("The fighting displaced families. Watan Yar/EPA, via Shutterstock".into()),
                Block::Caption("Biden's move (pictured: a base)".into()),
            ]
        );
    }

    #[test]
    fn a_sentence_with_a_slash_is_not_a_credit() {
        assert!(!is_caption("The talks stalled over the 2020 deal and/or the prisoner swap."));
        assert!(!is_caption("Officials said the road was cut. Shops and/or markets closed"));
    }

    #[test]
    fn bios_and_credits_are_notes() {
        let raw = "T\nBody.\nAuthor: Jane Roe\nJane Roe is Senior Editor for Example.\nReuters is a news agency founded in 1851.\nJane Roe reported from Kabul.\n";
        let b = blocks(raw, Some("T"));
        assert_eq!(b.iter().filter(|b| matches!(b, Block::Note(_))).count(), 3, "{b:?}");
    }

    #[test]
    fn headings_and_standfirst() {
        let raw = "T\nA dek without a full stop\nFirst paragraph.\nPowerful propaganda\nMore text.\n";
        assert_eq!(
            blocks(raw, Some("T")),
            vec![
                Block::Standfirst("A dek without a full stop".into()),
                Block::Paragraph("First paragraph.".into()),
                Block::Heading("Powerful propaganda".into()),
                Block::Paragraph("More text.".into()),
            ]
        );
    }

    #[test]
    fn duplicate_paragraphs_anywhere_are_folded() {
        let raw = "T\nSame words here.\nOther words.\nSame words here.\n";
        assert_eq!(blocks(raw, Some("T")).len(), 2);
    }

    #[test]
    fn any_input_is_safe() {
        for raw in [
            "",
            "\n\n\n",
            "©",
            "By",
            "a\u{0301}\u{0301}",
            "پښتو متن\nد هلمند ولایت",
            "🙂/🙂",
            "(pictured",
            &"x ".repeat(100_000),
        ] {
            let c = clean(raw, Hints::default());
            assert!(c.blocks.iter().all(|b| !b.text().is_empty()));
        }
    }
}
