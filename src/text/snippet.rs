//! Pieces of a text around a span: a snippet with its context, a text cut at its marks,
//! the sentence around a place.

use crate::text::tokens::sentence_starts;

/// Bytes `start..end` of `text` with up to `context` bytes either side, cut at words and
/// marked "…" where cut: (before, the span, after).
pub fn around(text: &str, start: usize, end: usize, context: usize) -> (String, String, String) {
    let mut from = start.saturating_sub(context);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + context).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    let mut before = &text[from..start];
    if from > 0 {
        before = before.split_once(' ').map_or(before, |(_, rest)| rest);
    }
    let mut after = &text[end..to];
    if to < text.len() {
        after = after.rsplit_once(' ').map_or(after, |(rest, _)| rest);
    }
    let ell = |cut: bool| if cut { "…" } else { "" };
    (format!("{}{before}", ell(from > 0)), text[start..end].to_string(), format!("{after}{}", ell(to < text.len())))
}

/// A segment's text cut into plain runs and mentions, in order: `(text, Some(mention))`.
pub fn pieces<'a>(text: &'a str, mentions: &[(usize, usize, usize)]) -> Vec<(&'a str, Option<usize>)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(start, end, index) in mentions {
        if start < at || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue; // never trust a bad span with the text
        }
        if start > at {
            out.push((&text[at..start], None));
        }
        out.push((&text[start..end], Some(index)));
        at = end;
    }
    if at < text.len() {
        out.push((&text[at..], None));
    }
    out
}

/// The sentence of `text` that holds byte `at` (sentence starts as the tokenizer finds them,
/// so "Gen." or "U.S." do not end one), with its opening quote, and widened to the whole
/// quotation when it stands inside one ("We held. They fled," he said.), up to a few
/// sentences either way.
pub fn sentence_around(text: &str, at: usize) -> &str {
    const WIDEN: usize = 4;
    let mut starts: Vec<usize> = sentence_starts(text)
        .into_iter()
        .map(|s| {
            // step back over the quote or bracket that opens the sentence
            let mut s = s;
            while let Some(c) = text[..s].chars().next_back().filter(|&c| opens(c)) {
                s -= c.len_utf8();
            }
            s
        })
        .collect();
    starts.dedup();
    let mut from = starts.iter().rposition(|&s| s <= at);
    let mut to = starts.iter().position(|&s| s > at);
    for _ in 0..WIDEN {
        match from {
            Some(k) if k > 0 && quote_depth(text, starts[k]) > 0 => from = Some(k - 1),
            _ => break,
        }
    }
    for _ in 0..WIDEN {
        match to {
            Some(k) if quote_depth(text, starts[k]) > 0 => to = if k + 1 < starts.len() { Some(k + 1) } else { None },
            _ => break,
        }
    }
    let from = from.map_or(0, |k| starts[k]);
    let to = to.map_or(text.len(), |k| starts[k]);
    &text[from..to]
}

/// Opening quotes and brackets: they belong to the sentence they open.
fn opens(c: char) -> bool {
    matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
}

/// How many quotations are open at byte `at` of `text` (curly quotes counted by kind,
/// straight ones by pairs).
fn quote_depth(text: &str, at: usize) -> i32 {
    let (mut curly, mut straight) = (0i32, 0i32);
    for c in text[..at].chars() {
        match c {
            '“' => curly += 1,
            '”' => curly -= 1,
            '"' => straight += 1,
            _ => {}
        }
    }
    curly.max(0) + straight % 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_cover_the_text_and_skip_bad_spans() {
        let p = pieces("ab Kabul cd é", &[(3, 8, 0), (5, 6, 1), (12, 13, 2), (9, 99, 3)]);
        assert_eq!(p, [("ab ", None), ("Kabul", Some(0)), (" cd é", None)]);
        let joined: String = p.iter().map(|(t, _)| *t).collect();
        assert_eq!(joined, "ab Kabul cd é");
    }
}
