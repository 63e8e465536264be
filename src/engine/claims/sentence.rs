//! The sentences of an article as the claims engine reads them: the words with their byte
//! ranges, lower-cased, and the text between them (commas, quotation marks).

use crate::text::case::lowercase;
use crate::text::tokens::{plain_tokens, Token};

pub struct Sentence<'a> {
    /// The segment (title, block) it is in; its paragraph.
    pub segment: usize,
    pub text: &'a str,
    pub toks: Vec<Token<'a>>,
    pub words: Vec<String>,
    /// Byte range in the segment.
    pub start: usize,
    pub end: usize,
    /// Its index among the sentences of its paragraph.
    pub nth: usize,
}

impl<'a> Sentence<'a> {
    /// The sentences of one segment.
    pub fn split(segment: usize, text: &'a str) -> Vec<Sentence<'a>> {
        let toks = plain_tokens(text);
        let mut out: Vec<Sentence> = Vec::new();
        let mut from = 0;
        for k in 1..=toks.len() {
            if k == toks.len() || toks[k].sentence_start {
                let part = &toks[from..k];
                let start = part[0].start;
                let end = toks.get(k).map_or(text.len(), |t| t.start);
                let end = start + text[start..end].trim_end().len();
                out.push(Sentence {
                    segment,
                    text,
                    words: part.iter().map(|t| lowercase(t.text).trim_end_matches('.').to_string()).collect(),
                    toks: part.to_vec(),
                    start,
                    end,
                    nth: out.len(),
                });
                from = k;
            }
        }
        out
    }

    #[cfg(test)]
    pub fn of_text(text: &'a str) -> Sentence<'a> {
        Sentence::split(0, text).into_iter().next().expect("a sentence")
    }

    /// The text between word `i - 1` and word `i`, trimmed of spaces ("" for a space; the
    /// start of the sentence before the first word).
    pub fn gap(&self, i: usize) -> &'a str {
        let end = self.toks.get(i).map_or(self.end, |t| t.start);
        let start = if i == 0 { self.start } else { self.toks[i - 1].end };
        let g = &self.text[start.min(end)..end];
        let t = g.trim();
        if t.is_empty() && !g.is_empty() {
            " "
        } else {
            t
        }
    }

    /// Whether a comma, semicolon, colon, dash or quotation mark stands before word `i`.
    pub fn breaks_before(&self, i: usize) -> bool {
        self.gap(i).chars().any(|c| matches!(c, ',' | ';' | ':' | '"' | '“' | '”' | '(' | ')' | '—' | '–'))
    }

    /// The text of words `a..b` as written.
    pub fn span(&self, a: usize, b: usize) -> &'a str {
        if a >= b || b > self.toks.len() {
            return "";
        }
        &self.text[self.toks[a].start..self.toks[b - 1].end]
    }

    /// Whether the sentence holds a quotation mark.
    pub fn quotes(&self) -> bool {
        // bytes: '"', or the UTF-8 of “ and ” (E2 80 9C / 9D)
        let b = &self.text.as_bytes()[self.start..self.end];
        b.iter().enumerate().any(|(i, &c)| {
            c == b'"' || (c == 0xE2 && b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9D)))
        })
    }

    /// The word at byte `pos` of the segment, if it falls in this sentence.
    pub fn word_at(&self, pos: usize) -> Option<usize> {
        self.toks.iter().position(|t| t.start <= pos && pos < t.end.max(t.start + 1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_gaps_and_sentences() {
        let text = "Roughly 12,000 NATO troops remain. “We left,” he said. The U.S. Army said so.";
        let s = Sentence::split(3, text);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].words, ["roughly", "12", "000", "nato", "troops", "remain"]);
        assert_eq!(s[0].gap(2), ",");
        assert_eq!(s[0].gap(1), " ");
        assert!(s[1].breaks_before(2));
        assert_eq!(s[1].span(0, 2), "We left");
        assert!(s[1].quotes());
        assert_eq!(s[2].words[1], "u.s");
        assert_eq!(s[2].nth, 2);
    }
}
