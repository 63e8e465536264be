//! Anchoring highlights the W3C Web Annotation way: a highlight keeps its quote with some text
//! on each side (a TextQuoteSelector) and where it was (a TextPositionSelector), so that it can
//! find its place again after the article is cleaned again or edited. When its place is not
//! certain it is orphaned (listed, never lost): a wrong place is worse than none.
//!
//! Text is compared *folded*: a run of white space is one space, and the quote styles that
//! re-cleaning may swap (’ ' ‘ and “ ” ") are one each. Offsets in a selector count chars, as
//! W3C's do; the functions take and return byte ranges of the text.
//!
//! The candidates are the quote's occurrences, verbatim or else folded. Each is scored by how
//! many folded chars of the kept prefix (read backwards) and suffix (forwards) agree with the
//! text around it. A lone candidate is taken when enough agrees (half the kept context, and
//! at least 8 chars unless less was kept), when the quote is long (24 chars), or when the
//! highlight was the whole text. Of several, the best is taken only when it agrees enough and
//! better than the rest; copies that agree alike (a repeated paragraph), or other copies that
//! also agree enough, are told apart by the position hint alone: the nearest, if it is also
//! the best. Anything else is orphaned.

use std::iter::{Peekable, Rev};
use std::str::CharIndices;

/// W3C TextQuoteSelector + TextPositionSelector of one highlight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    /// The highlighted text, trimmed of white space.
    pub exact: String,
    /// Up to [`CONTEXT`] chars just before the quote (fewer only at the text's start).
    pub prefix: String,
    /// Up to [`CONTEXT`] chars just after the quote (fewer only at the text's end).
    pub suffix: String,
    /// char offsets in the text when the highlight was made (a hint)
    pub start: usize,
    pub end: usize,
}

/// Context kept on each side (chars).
pub const CONTEXT: usize = 32;

/// Folded chars of context that must agree before an occurrence is trusted (unless less was
/// kept); at least half of the kept context must agree too.
const MIN_AGREEMENT: usize = 8;

/// A quote this long (folded chars) that occurs just once is its own place, whatever its
/// context says now (the paragraph may have moved).
const LONG_QUOTE: usize = 24;

/// The selector of the byte range start..end of text (trimmed of surrounding white space;
/// None when the range is empty, only white space, out of bounds or not on char boundaries).
pub fn describe(text: &str, start: usize, end: usize) -> Option<Selector> {
    if start >= end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return None;
    }
    let range = &text[start..end];
    let start = start + (range.len() - range.trim_start().len());
    let end = end - (range.len() - range.trim_end().len());
    if start >= end {
        return None;
    }
    let (before, exact, after) = (&text[..start], &text[start..end], &text[end..]);
    let prefix_from = before.char_indices().rev().nth(CONTEXT - 1).map_or(0, |(i, _)| i);
    let suffix_to = after.char_indices().nth(CONTEXT).map_or(after.len(), |(i, _)| i);
    let char_start = before.chars().count();
    Some(Selector {
        exact: exact.to_string(),
        prefix: before[prefix_from..].to_string(),
        suffix: after[..suffix_to].to_string(),
        start: char_start,
        end: char_start + exact.chars().count(),
    })
}

/// Where the selector's quote is in `text` now, as a byte range, or None (orphaned).
pub fn anchor(text: &str, sel: &Selector) -> Option<(usize, usize)> {
    if sel.exact.trim().is_empty() {
        return None;
    }
    let context = Context::of(sel);
    let verbatim = context.choose(text, &occurrences(text, &sel.exact));
    // The usual case, the passage verbatim with all its context, needs no folding: a reflowed
    // copy could at most tie with it, and ties go to verbatim copies.
    if let Some(choice) = verbatim.filter(|c| c.full) {
        return Some(choice.range);
    }
    match folded_occurrences(text, &sel.exact) {
        Some(found) => context.choose(text, &found).map(|c| c.range),
        // a quote of white space and quote marks alone: only its verbatim copies count
        None => verbatim.map(|c| c.range),
    }
}

/// Every occurrence of `needle` (non-empty), overlapping ones too: "ha ha" is twice in
/// "ha ha ha", and missing one would hide an ambiguity.
fn occurrences(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = text[from..].find(needle) {
        let at = from + i;
        found.push((at, at + needle.len()));
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    found
}

/// Occurrences of the quote up to white space and quote styles. The quote's longest run of
/// other chars reads the same in every such spelling, so it is found verbatim (fast) and the
/// rest is compared folded around it. None when the quote has no such run.
fn folded_occurrences(text: &str, quote: &str) -> Option<Vec<(usize, usize)>> {
    let folded: Vec<char> = forwards(quote, 0).map(|f| f.c).collect();
    let (mut run_at, mut piece_at, mut piece_len) = (0, 0, 0);
    for (i, c) in folded.iter().enumerate() {
        if matches!(c, ' ' | '\'' | '"') {
            run_at = i + 1;
        } else if i + 1 - run_at > piece_len {
            (piece_at, piece_len) = (run_at, i + 1 - run_at);
        }
    }
    if piece_len == 0 {
        return None;
    }
    let piece: String = folded[piece_at..piece_at + piece_len].iter().collect();
    let (before, after) = (&folded[..piece_at], &folded[piece_at + piece_len..]);
    let found = occurrences(text, &piece).into_iter().filter_map(|(p, q)| {
        let (start, _) = span_matching(backwards(&text[..p]), before.iter().rev(), p)?;
        let (_, end) = span_matching(forwards(&text[q..], q), after.iter(), q)?;
        Some((start, end))
    });
    Some(found.collect())
}

/// The bytes, from `at` outwards, that the folded `text` spends matching all of `want`, or
/// None when it differs.
fn span_matching<'a>(
    mut text: impl Iterator<Item = Fold>,
    want: impl Iterator<Item = &'a char>,
    at: usize,
) -> Option<(usize, usize)> {
    let (mut lo, mut hi) = (at, at);
    for &w in want {
        let f = text.next().filter(|f| f.c == w)?;
        (lo, hi) = (lo.min(f.lo), hi.max(f.hi));
    }
    Some((lo, hi))
}

/// One folded char and the byte range (in the whole text) it stands for.
struct Fold {
    c: char,
    lo: usize,
    hi: usize,
}

/// A string's chars folded, read forwards or backwards.
struct Folded<I: Iterator<Item = (usize, char)>> {
    chars: Peekable<I>,
    /// Where the string starts in the whole text.
    offset: usize,
}

fn forwards(s: &str, offset: usize) -> Folded<CharIndices<'_>> {
    Folded { chars: s.char_indices().peekable(), offset }
}

/// `s` read backwards from its end (`s` starts the whole text, so its offsets are the text's).
fn backwards(s: &str) -> Folded<Rev<CharIndices<'_>>> {
    Folded { chars: s.char_indices().rev().peekable(), offset: 0 }
}

impl<I: Iterator<Item = (usize, char)>> Iterator for Folded<I> {
    type Item = Fold;

    fn next(&mut self) -> Option<Fold> {
        let (i, c) = self.chars.next()?;
        let (mut lo, mut hi) = (i, i + c.len_utf8());
        let c = match c {
            c if c.is_whitespace() => {
                while let Some((j, d)) = self.chars.next_if(|(_, d)| d.is_whitespace()) {
                    (lo, hi) = (lo.min(j), hi.max(j + d.len_utf8()));
                }
                ' '
            }
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            c => c,
        };
        Some(Fold { c, lo: self.offset + lo, hi: self.offset + hi })
    }
}

/// A candidate scored against the selector's context.
#[derive(Debug, Clone, Copy)]
struct Scored {
    range: (usize, usize),
    /// Folded chars of context that agree (a kept edge of the text counts as one).
    agreed: usize,
    /// All of the context agrees.
    full: bool,
}

/// The selector's context, folded, to score candidates by.
struct Context<'a> {
    sel: &'a Selector,
    prefix: Vec<char>,
    suffix: Vec<char>,
    /// The context ran up to the text's start (or end), so that edge is part of it.
    prefix_at_edge: bool,
    suffix_at_edge: bool,
    quote_len: usize,
}

impl<'a> Context<'a> {
    fn of(sel: &'a Selector) -> Self {
        Context {
            sel,
            prefix: forwards(&sel.prefix, 0).map(|f| f.c).collect(),
            suffix: forwards(&sel.suffix, 0).map(|f| f.c).collect(),
            prefix_at_edge: sel.prefix.chars().count() < CONTEXT,
            suffix_at_edge: sel.suffix.chars().count() < CONTEXT,
            quote_len: forwards(&sel.exact, 0).count(),
        }
    }

    fn score(&self, text: &str, range: (usize, usize)) -> Scored {
        let (start, end) = range;
        let before = agreement(backwards(&text[..start]), self.prefix.iter().rev(), self.prefix_at_edge);
        let after = agreement(forwards(&text[end..], end), self.suffix.iter(), self.suffix_at_edge);
        Scored { range, agreed: before.0 + after.0, full: before.1 && after.1 }
    }

    /// The candidate whose context tells it apart, or None when none does with confidence.
    fn choose(&self, text: &str, ranges: &[(usize, usize)]) -> Option<Scored> {
        let scored: Vec<Scored> = ranges.iter().map(|&r| self.score(text, r)).collect();
        let most = self.prefix.len() + self.suffix.len() + self.prefix_at_edge as usize + self.suffix_at_edge as usize;
        let needed = most.div_ceil(2).max(MIN_AGREEMENT.min(most));
        if let [only] = scored[..] {
            let whole_text = self.sel.prefix.is_empty() && self.sel.suffix.is_empty();
            let trusted = only.agreed >= needed || self.quote_len >= LONG_QUOTE || whole_text;
            return trusted.then_some(only);
        }
        // the candidates whose context agrees enough for them to be the place
        let mut rivals: Vec<Scored> = scored.into_iter().filter(|s| s.agreed >= needed).collect();
        let best = rivals.iter().map(|s| s.agreed).max()?;
        let mut tops = rivals.iter().filter(|s| s.agreed == best);
        // copies that agree alike but not wholly: nothing tells them apart
        if tops.clone().count() > 1 && !tops.all(|s| s.full) {
            return None;
        }
        // a verbatim copy goes before a reflowed one
        let verbatim = |s: &Scored| text[s.range.0..s.range.1] == self.sel.exact;
        if rivals.iter().any(|s| s.agreed == best && verbatim(s)) {
            rivals.retain(|s| s.agreed < best || verbatim(s));
        }
        if let [winner] = rivals[..] {
            return Some(winner);
        }
        // Several could be the place (a passage repeated, perhaps edited since): the one
        // nearest where it was, and only if no other agrees better.
        self.nearest_to_hint(text, rivals).filter(|s| s.agreed == best)
    }

    /// The candidate nearest the position hint, or None when two are as near.
    fn nearest_to_hint(&self, text: &str, mut candidates: Vec<Scored>) -> Option<Scored> {
        crate::text::sort::sort_by(&mut candidates, |a, b| a.range.0.cmp(&b.range.0)); // the page's one sort
        let (mut chars_before, mut counted_to) = (0, 0);
        let mut nearest: Option<(usize, Scored)> = None;
        let mut nearest_twice = false;
        for s in candidates {
            chars_before += text[counted_to..s.range.0].chars().count();
            counted_to = s.range.0;
            let distance = chars_before.abs_diff(self.sel.start);
            match nearest {
                Some((d, _)) if d == distance => nearest_twice = true,
                Some((d, _)) if d < distance => {}
                _ => (nearest, nearest_twice) = (Some((distance, s)), false),
            }
        }
        nearest.filter(|_| !nearest_twice).map(|(_, s)| s)
    }
}

/// How many folded chars of the `kept` context the text agrees with, going outwards from the
/// quote, and whether it agrees with all of it. Context that ran to the text's edge
/// (`to_edge`) needs the text to end there too, which counts as one char more.
fn agreement<'a>(
    mut text: impl Iterator<Item = Fold>,
    kept: impl Iterator<Item = &'a char>,
    to_edge: bool,
) -> (usize, bool) {
    let mut agreed = 0;
    for &k in kept {
        if text.next().map(|f| f.c) != Some(k) {
            return (agreed, false);
        }
        agreed += 1;
    }
    match (to_edge, text.next().is_none()) {
        (false, _) => (agreed, true),
        (true, true) => (agreed + 1, true),
        (true, false) => (agreed, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::sample::Index;
    use std::time::{Duration, Instant};

    const ARTICLE: &str = "Lashkar Gāh, the capital of Helmand, was quiet on Monday. 🌾 Farmers in Nad-e Ali \
        said the canal had been repaired.\n\nThe governor’s office said “the road to Gereshk is open” \
        after weeks of fighting.\n\nElders met in Sangin to talk about the harvest and the schools.";

    /// The byte range of `needle`, which must occur once.
    fn range_of(text: &str, needle: &str) -> (usize, usize) {
        let at = text.find(needle).unwrap();
        assert_eq!(text.matches(needle).count(), 1, "{needle:?} is not unique");
        (at, at + needle.len())
    }

    fn sel_of(text: &str, needle: &str) -> Selector {
        let (s, e) = range_of(text, needle);
        describe(text, s, e).unwrap()
    }

    /// start..end of text trimmed of white space, as describe() keeps it.
    fn trimmed(text: &str, start: usize, end: usize) -> (usize, usize) {
        let range = &text[start..end];
        (start + range.len() - range.trim_start().len(), end - (range.len() - range.trim_end().len()))
    }

    fn fold(s: &str) -> String {
        forwards(s, 0).map(|f| f.c).collect()
    }

    /// How often `needle` occurs in `hay`, overlapping ones too.
    fn count(hay: &str, needle: &str) -> usize {
        occurrences(hay, needle).len()
    }

    fn boundaries(text: &str) -> Vec<usize> {
        text.char_indices().map(|(i, _)| i).chain([text.len()]).collect()
    }

    #[test]
    fn describe_trims_and_keeps_context_in_chars() {
        let (s, e) = range_of(ARTICLE, "Lashkar Gāh");
        let sel = describe(ARTICLE, s, e + 1).unwrap(); // "Lashkar Gāh,"
        assert_eq!((sel.exact.as_str(), sel.prefix.as_str()), ("Lashkar Gāh,", ""));
        assert_eq!(sel.suffix.chars().count(), CONTEXT);
        assert_eq!((sel.start, sel.end), (0, 12));
        let (s, e) = range_of(ARTICLE, " Farmers in ");
        let sel = describe(ARTICLE, s, e).unwrap();
        assert_eq!(sel.exact, "Farmers in");
        assert!(ARTICLE[..s + 1].ends_with(&sel.prefix) && sel.prefix.ends_with("Monday. 🌾 "));
        assert_eq!(sel.prefix.chars().count(), CONTEXT);
        assert_eq!(sel.start, ARTICLE[..s + 1].chars().count());
        assert_eq!(sel.end - sel.start, "Farmers in".chars().count());
    }

    #[test]
    fn describe_refuses_empty_blank_out_of_bounds_and_split_chars() {
        let gah = ARTICLE.find('ā').unwrap();
        let blank = ARTICLE.find("\n\n").unwrap();
        assert_eq!(describe(ARTICLE, 5, 5), None);
        assert_eq!(describe(ARTICLE, 9, 5), None);
        assert_eq!(describe(ARTICLE, blank, blank + 2), None);
        assert_eq!(describe(ARTICLE, 0, ARTICLE.len() + 1), None);
        assert_eq!(describe(ARTICLE, usize::MAX - 1, usize::MAX), None);
        assert_eq!(describe(ARTICLE, gah + 1, gah + 4), None);
        assert_eq!(describe("", 0, 0), None);
    }

    #[test]
    fn unchanged_text_anchors_every_range_to_itself() {
        let bounds = boundaries(ARTICLE);
        let mut checked = 0;
        for (i, &s) in bounds.iter().enumerate() {
            for &e in &bounds[i + 1..] {
                let Some(sel) = describe(ARTICLE, s, e) else {
                    assert!(ARTICLE[s..e].trim().is_empty());
                    continue;
                };
                assert_eq!(anchor(ARTICLE, &sel), Some(trimmed(ARTICLE, s, e)), "{sel:?}");
                checked += 1;
            }
        }
        assert!(checked > 10_000);
        // the very start and end, and non-ASCII
        for quote in ["Lashkar Gāh", "the schools.", "🌾", "Gāh, the capital", "governor’s office", ARTICLE] {
            assert_eq!(anchor(ARTICLE, &sel_of(ARTICLE, quote)), Some(range_of(ARTICLE, quote)));
        }
    }

    #[test]
    fn edits_elsewhere_move_the_highlight_with_the_text() {
        let last = ARTICLE.rfind("\n\n").unwrap();
        let first = ARTICLE.find("\n\n").unwrap();
        let edits = [
            format!("A new first paragraph.\n\n{ARTICLE}"),
            format!("{ARTICLE}\n\nA new last paragraph."),
            format!("{}\n\nA paragraph between.{}", &ARTICLE[..last], &ARTICLE[last..]),
            ARTICLE[first + 2..].to_string(), // the first paragraph deleted
        ];
        for edited in &edits {
            for quote in ["“the road to Gereshk is open”", "office said", "weeks"] {
                let sel = sel_of(ARTICLE, quote);
                assert_eq!(anchor(edited, &sel), Some(range_of(edited, quote)), "{quote} in {edited}");
            }
        }
        // a long quote that occurs once is followed wherever it went, whatever its context now
        let sel = sel_of(ARTICLE, "“the road to Gereshk is open”");
        let moved = "Officials now say “the road to Gereshk is open” again.";
        assert_eq!(anchor(moved, &sel), Some(range_of(moved, "“the road to Gereshk is open”")));
        // a highlight of the whole text stays when the text grows, while the quote is there once
        let whole = describe("Quiet day in Nawa.", 0, 18).unwrap();
        assert_eq!(anchor("Quiet day in Nawa.\n\nMore later.", &whole), Some((0, 18)));
        assert_eq!(anchor("Quiet day in Nawa.\n\nQuiet day in Nawa.", &whole), None);
        // the last paragraph deleted: a quote in the first one is untouched
        let sel = sel_of(ARTICLE, "canal");
        assert_eq!(anchor(&ARTICLE[..last], &sel), Some(range_of(ARTICLE, "canal")));
    }

    const REPEATS: &str = "In Musa Qala the Taliban said the bazaar was theirs.\n\nIn Marjah the Taliban said \
        nothing at all.\n\nIn Sangin the Taliban said the road was mined.";

    #[test]
    fn a_repeated_phrase_is_told_apart_by_its_context() {
        let phrase = "the Taliban said";
        let at: Vec<usize> = REPEATS.match_indices(phrase).map(|(i, _)| i).collect();
        assert_eq!(at.len(), 3);
        for &s in &at {
            let sel = describe(REPEATS, s, s + phrase.len()).unwrap();
            assert_eq!(anchor(REPEATS, &sel), Some((s, s + phrase.len())));
            // also after a paragraph is added at the top, which makes the hint wrong
            let edited = format!("Reports from three districts, all of them the Taliban said.\n\n{REPEATS}");
            let shift = edited.len() - REPEATS.len();
            assert_eq!(anchor(&edited, &sel), Some((s + shift, s + shift + phrase.len())));
        }
    }

    #[test]
    fn a_repeated_phrase_whose_context_no_longer_tells_is_orphaned() {
        let phrase = "the Taliban said";
        let s = REPEATS.match_indices(phrase).nth(1).unwrap().0;
        let sel = describe(REPEATS, s, s + phrase.len()).unwrap();
        let edited = REPEATS.replace("In Marjah", "In Nawa").replace("nothing at all", "very little");
        assert_eq!(anchor(&edited, &sel), None);
        // nor is a short quote placed on a lone other copy that shares a little context
        let other = "Elsewhere the Taliban said on Tuesday that talks had failed.";
        assert_eq!(anchor(other, &sel), None);
        // nor on the best of several copies when it agrees only a little better than the rest
        let others = "Elsewhere the Taliban said on Tuesday.\n\nIn Garmsir the Taliban said nothing more.";
        assert_eq!(anchor(others, &sel), None);
        // "ha ha" is twice in "ha ha ha", not once
        assert_eq!(anchor("ha ha ha", &describe("ha ha", 0, 5).unwrap()), None);
        assert_eq!(anchor("aaa", &describe("aa", 0, 2).unwrap()), None);
    }

    #[test]
    fn a_repeated_paragraph_goes_to_the_copy_nearest_where_it_was() {
        let para = "The district centre changed hands twice in a single week, and the elders of the town \
            asked both sides to leave the bazaar alone.";
        let text = format!("Sangin.\n\n{para}\n\n{para}\n\nNawa.");
        let quote = "single week";
        let copies: Vec<usize> = text.match_indices(quote).map(|(i, _)| i).collect();
        for &s in &copies {
            let sel = describe(&text, s, s + quote.len()).unwrap();
            assert_eq!(anchor(&text, &sel), Some((s, s + quote.len())));
            let edited = format!("Musa Qala.\n\n{text}");
            let shift = edited.len() - text.len();
            assert_eq!(anchor(&edited, &sel), Some((s + shift, s + shift + quote.len())));
            // both copies' context changed alike: the hint alone does not decide
            let both_changed = text.replace("week, and the", "week, while the");
            assert_eq!(anchor(&both_changed, &sel), None);
            // nor does a hint halfway between the copies
            let halfway = (text[..copies[0]].chars().count() + text[..copies[1]].chars().count()) / 2;
            assert_eq!(anchor(&text, &Selector { start: halfway, ..sel }), None);
        }
    }

    #[test]
    fn a_copy_whose_own_context_was_edited_is_not_swapped_for_an_intact_copy() {
        let para = "The district centre changed hands twice in a single week, and the elders of the town \
            asked both sides to leave the bazaar alone.";
        let text = format!("Sangin.\n\n{para}\n\n{para}");
        let quote = "single week";
        let copies: Vec<usize> = text.match_indices(quote).map(|(i, _)| i).collect();
        let second = describe(&text, copies[1], copies[1] + quote.len()).unwrap();
        let first = describe(&text, copies[0], copies[0] + quote.len()).unwrap();
        // the second copy's context edited: the first copy now agrees better, yet it was not the one
        let edited = format!("{}{}", &text[..copies[1]], text[copies[1]..].replace("week, and", "week, while"));
        assert_eq!(anchor(&edited, &second), None);
        // the first copy, where the position still says it is, is kept
        assert_eq!(anchor(&edited, &first), Some((copies[0], copies[0] + quote.len())));
    }

    #[test]
    fn a_verbatim_copy_goes_before_a_reflowed_one() {
        let para = "The district centre changed hands twice in a single week, and the elders of the town \
            asked both sides to leave the bazaar alone.";
        let reflowed = para.replace(' ', "\n");
        let text = format!("{para}\n\n{reflowed}\n\n{para}");
        let quote = "single week";
        let copies: Vec<usize> = text.match_indices(quote).map(|(i, _)| i).collect();
        let sel = describe(&text, copies[0], copies[0] + quote.len()).unwrap();
        // the reflowed copy is nearest a hint halfway between the verbatim ones, which tie
        let halfway = (text[..copies[0]].chars().count() + text[..copies[1]].chars().count()) / 2;
        assert_eq!(anchor(&text, &Selector { start: halfway, ..sel.clone() }), None);
        assert_eq!(anchor(&text, &sel), Some((copies[0], copies[0] + quote.len())));
    }

    #[test]
    fn a_deleted_or_changed_quote_is_orphaned() {
        let sel = sel_of(ARTICLE, "the canal had been repaired");
        assert_eq!(anchor(&ARTICLE.replace("the canal had been repaired", "nothing"), &sel), None);
        assert_eq!(anchor(&ARTICLE.replace("canal had been", "canal has been"), &sel), None);
        assert_eq!(anchor("", &sel), None);
        let whole = sel_of(ARTICLE, ARTICLE);
        assert_eq!(anchor(&ARTICLE.replace("Sangin", "Sangīn"), &whole), None);
    }

    #[test]
    fn reflowed_white_space_and_other_quote_styles_are_found() {
        let quote = "office said “the road to Gereshk is open” after";
        let sel = sel_of(ARTICLE, quote);
        let reflowed =
            ARTICLE.replace("said “the road to", "said \"the road\n  to").replace("open” after", "open\"  after");
        let (s, e) = anchor(&reflowed, &sel).unwrap();
        assert_eq!(&reflowed[s..e], "office said \"the road\n  to Gereshk is open\"  after");
        // a short quote whose context was reflowed too
        let sel = sel_of(ARTICLE, "governor’s");
        let reflowed = ARTICLE.replace('’', "'").replace(' ', "\n");
        let (s, e) = anchor(&reflowed, &sel).unwrap();
        assert_eq!(&reflowed[s..e], "governor's");
        // straight to curly, at the text's end
        let text = "He said: \"we will go back\"";
        let sel = sel_of(text, "\"we will go back\"");
        let curly = "He said:  “we will go back”";
        assert_eq!(anchor(curly, &sel), Some((curly.find('“').unwrap(), curly.len())));
    }

    /// Word soup: a small vocabulary, so repeats are common, and any Unicode.
    fn soup(tokens: std::ops::Range<usize>) -> impl Strategy<Value = String> {
        let words = vec!["the", "Taliban", "said", "Gāh", " ", " ", "\n\n", ".", "’", "'", "“", "\"", "🌾", "a", "a "];
        let token = prop_oneof![
            4 => prop::sample::select(words).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(token, tokens).prop_map(|t| t.concat())
    }

    /// Word soup, or a stretch of it repeated with little or nothing between the copies (a
    /// repeated paragraph), so that quotes with all their context repeat too.
    fn article() -> impl Strategy<Value = String> {
        let repeated = (soup(10..60), soup(0..3), soup(0..3), 1..4usize).prop_map(|(copy, one, other, more)| {
            let mut text = copy.clone();
            for n in 0..more {
                text.push_str(if n % 2 == 0 { &one } else { &other });
                text.push_str(&copy);
            }
            text
        });
        prop_oneof![1 => soup(0..60), 2 => repeated]
    }

    /// Inserts `new` or deletes in `part` at char boundaries chosen by a and b.
    fn edit(part: &mut String, insert: bool, a: Index, b: Index, new: &str) {
        let bounds = boundaries(part);
        let (x, y) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
        if insert {
            part.insert_str(x, new);
        } else {
            part.replace_range(x.min(y)..x.max(y), "");
        }
    }

    /// Whether the quote with all its context occurs once in `text`, up to folding.
    fn unique(text: &str, sel: &Selector) -> bool {
        count(&fold(text), &fold(&format!("{}{}{}", sel.prefix, sel.exact, sel.suffix))) == 1
    }

    type Edit = (bool, bool, Index, Index, String);

    proptest! {
        #[test]
        fn unedited_text_anchors_back_when_the_quote_and_context_are_unique(
            text in article(), a in any::<Index>(), b in any::<Index>()
        ) {
            let bounds = boundaries(&text);
            let (s, e) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
            let Some(sel) = describe(&text, s.min(e), s.max(e)) else { return Ok(()) };
            let found = anchor(&text, &sel);
            if unique(&text, &sel) {
                prop_assert_eq!(found, Some(trimmed(&text, s.min(e), s.max(e))));
            } else if let Some((s, e)) = found {
                prop_assert_eq!(&text[s..e], sel.exact.as_str());
            }
        }

        #[test]
        fn edits_outside_the_context_never_misplace(
            text in article(), a in any::<Index>(), b in any::<Index>(),
            edits in prop::collection::vec((any::<bool>(), any::<bool>(), any::<Index>(), any::<Index>(), soup(0..6)), 0..4)
        ) {
            let bounds = boundaries(&text);
            let (s, e) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
            let Some(sel) = describe(&text, s.min(e), s.max(e)) else { return Ok(()) };
            let (s, e) = trimmed(&text, s.min(e), s.max(e));
            let (from, to) = (s - sel.prefix.len(), e + sel.suffix.len());
            let (mut before, kept, mut after) = (text[..from].to_string(), &text[from..to], text[to..].to_string());
            let edits: Vec<Edit> = edits;
            for (at_start, insert, x, y, new) in edits {
                // context that ran to the text's edge has the edge in it: leave that side alone
                match at_start {
                    true if sel.prefix.chars().count() == CONTEXT => edit(&mut before, insert, x, y, &new),
                    false if sel.suffix.chars().count() == CONTEXT => edit(&mut after, insert, x, y, &new),
                    _ => {}
                }
            }
            let edited = format!("{before}{kept}{after}");
            let moved = (before.len() + s - from, before.len() + e - from);
            let found = anchor(&edited, &sel);
            if let Some((s, e)) = found {
                prop_assert_eq!(&edited[s..e], sel.exact.as_str());
            }
            // The quote with all its context once: there, or (when a near copy is nearer the
            // stale position hint) orphaned; and always there while the hint is right.
            if unique(&edited, &sel) {
                prop_assert!(found == Some(moved) || found.is_none());
                if edited[..moved.0].chars().count() == sel.start {
                    prop_assert_eq!(found, Some(moved));
                }
            }
        }

        #[test]
        fn anchor_never_panics_and_only_finds_the_quote(
            text in article(), a in any::<Index>(), b in any::<Index>(), mangle in soup(0..3),
            prefix in soup(0..8), suffix in soup(0..8), start in any::<usize>(), end in any::<usize>(),
            arbitrary in any::<String>()
        ) {
            let bounds = boundaries(&text);
            let (s, e) = (bounds[a.index(bounds.len())], bounds[b.index(bounds.len())]);
            let taken = &text[s.min(e)..s.max(e)];
            for exact in [taken.to_string(), format!("{taken}{mangle}"), mangle.clone(), arbitrary.clone()] {
                let sel = Selector { exact, prefix: prefix.clone(), suffix: suffix.clone(), start, end };
                for hay in [&text, &arbitrary] {
                    if let Some((s, e)) = anchor(hay, &sel) {
                        prop_assert!(s < e && hay.is_char_boundary(s) && hay.is_char_boundary(e));
                        prop_assert_eq!(fold(&hay[s..e]), fold(&sel.exact));
                    }
                }
            }
            let _ = describe(&arbitrary, start % (arbitrary.len() + 2), end % (arbitrary.len() + 2));
        }
    }

    #[test]
    fn a_megabyte_with_a_hundred_highlights_anchors_quickly() {
        let words = [
            "Helmand",
            "Lashkar",
            "Gāh",
            "Sangin",
            "Marjah",
            "Nawa",
            "Garmsir",
            "Musa",
            "Qala",
            "Kajaki",
            "Gereshk",
            "Nad-e",
            "Ali",
            "Taliban",
            "marines",
            "police",
            "elders",
            "farmers",
            "poppy",
            "canal",
            "bazaar",
            "road",
            "district",
            "governor",
            "said",
            "told",
            "reported",
            "claimed",
            "denied",
            "attack",
            "patrol",
            "convoy",
            "bomb",
            "mine",
            "clinic",
            "school",
            "harvest",
            "wheat",
            "river",
            "bridge",
            "checkpoint",
            "village",
            "the",
            "a",
            "of",
            "in",
            "on",
            "and",
            "after",
            "before",
            "during",
            "week",
            "Monday",
            "Friday",
            "night",
            "morning",
            "“quiet”",
            "’s",
            "🌾",
            "2009",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut text = String::with_capacity((1 << 20) + 64);
        for n in 1.. {
            if text.len() >= 1 << 20 {
                break;
            }
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(words[(seed % words.len() as u64) as usize]);
            text.push_str(if n % 70 == 0 { ".\n\n" } else { " " });
        }
        let ranges: Vec<(usize, usize)> = (0..100)
            .map(|k| {
                let mut s = k * (text.len() / 100) + 7;
                while !text.is_char_boundary(s) {
                    s += 1;
                }
                let mut e = s + 40;
                while !text.is_char_boundary(e) {
                    e += 1;
                }
                trimmed(&text, s, e)
            })
            .collect();
        let sels: Vec<Selector> = ranges.iter().map(|&(s, e)| describe(&text, s, e).unwrap()).collect();
        let edited = format!("A paragraph added at the top.\n\n{text}");
        let shift = edited.len() - text.len();
        let reflowed = text.replace(' ', "  ").replace('“', "\"");

        let started = Instant::now();
        for (sel, &(s, e)) in sels.iter().zip(&ranges) {
            assert_eq!(anchor(&text, sel), Some((s, e)));
            assert_eq!(anchor(&edited, sel), Some((s + shift, e + shift)));
        }
        let verbatim = started.elapsed();
        for sel in &sels {
            let (s, e) = anchor(&reflowed, sel).expect("reflowed highlight found");
            assert_eq!(fold(&reflowed[s..e]), fold(&sel.exact));
        }
        let all = started.elapsed();
        assert!(all < Duration::from_secs(2), "{verbatim:?} verbatim, {all:?} with the reflowed text");
    }
}
