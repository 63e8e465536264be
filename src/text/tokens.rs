//! Word tokens with byte offsets, for the name and date rules. Unicode-aware: a token is
//! a run of letters and digits (any script), joined across inner hyphens and apostrophes
//! ("Franz-Michael", "Qal'ah"), initialisms ("U.S.") and web domains ("Antiwar.com").
//! A possessive "’s" is left out of the token, so "Biden’s" gives "Biden".

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Two or more letters, all upper case ("NATO", "U.S.").
    pub upper: bool,
    /// First word of a sentence (or of the text).
    pub sentence_start: bool,
    /// Directly followed by a full stop (an abbreviation, an initial, or a sentence end).
    pub dot: bool,
    /// Only spaces separate it from the previous token (a dot after an abbreviation or
    /// initial too): names continue across such gaps, not across commas or brackets.
    pub joined: bool,
    /// Its word classes (the engine's `cues::class`), looked up once here.
    pub class: u32,
}

impl Token<'_> {
    pub fn is_digit(&self) -> bool {
        self.text.bytes().all(|b| b.is_ascii_digit())
    }
    /// A single capital letter with a dot: the "S." of "Austin S. Miller".
    pub fn is_initial(&self) -> bool {
        self.dot && self.text.chars().count() == 1 && self.cap
    }
}

/// Abbreviations whose full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Cpl", "Brig", "Adm", "Cmdr", "Cdr", "Gov",
    "Sen", "Rep", "Prof", "St", "Pvt", "Pte", "Spc", "Pfc", "Eng", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mt", "Ft", "Jr", "Sr", "vs", "Co", "Corp", "Inc", "Ltd",
];

#[inline(always)]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// Combining marks continue the word they follow.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x200C | 0x200D)
}

/// The char at byte `pos` (ASCII without decoding).
#[inline(always)]
fn char_at(text: &str, pos: usize) -> Option<char> {
    match text.as_bytes().get(pos) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => text[pos..].chars().next(),
    }
}

/// The byte position after the char at `pos`.
#[inline(always)]
fn after(text: &str, pos: usize) -> usize {
    pos + char_at(text, pos).map_or(1, char::len_utf8)
}

/// A hyphen between a name and an ordinary word separates them ("NATO-led",
/// "Helmand-based", "pro-Taliban"); within a name ("Franz-Michael", "Nad-e Ali",
/// "al-Qaeda") or a compound ("two-decade") it joins.
fn splits_at_hyphen(text: &str, start: usize, hyphen: usize) -> bool {
    let before_cap = char_at(text, start).is_some_and(char::is_uppercase);
    let before_len = text[start..hyphen].chars().count();
    let rest = &text[after(text, hyphen)..];
    let after_cap = rest.chars().next().is_some_and(char::is_uppercase);
    let after_len = rest.chars().take_while(|&c| is_word_char(c)).count();
    let lower_word = |cap: bool, len: usize| !cap && len >= 3;
    (before_cap && lower_word(after_cap, after_len)) || (after_cap && lower_word(before_cap, before_len))
}

/// The tokens of `text`, each with the word classes `classes` gives it (the engine passes
/// its cue lists; this layer knows no word lists).
pub fn tokenize_with(text: &str, classes: impl Fn(&str) -> u32) -> Vec<Token<'_>> {
    scan(text, classes)
}

/// The tokens without word classes (`class` is 0): for search and sentences.
pub fn plain_tokens(text: &str) -> Vec<Token<'_>> {
    scan(text, |_| 0)
}

/// Where the sentences of `text` start (as `tokenize` marks them).
pub fn sentence_starts(text: &str) -> Vec<usize> {
    plain_tokens(text).iter().filter(|t| t.sentence_start).map(|t| t.start).collect()
}

fn scan(text: &str, classes: impl Fn(&str) -> u32) -> Vec<Token<'_>> {
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let at = |pos: usize| char_at(text, pos);
    let n = text.len();
    let mut i = 0;
    let mut sentence_start = true;
    let mut prev_end = 0;
    while i < n {
        let b = text.as_bytes()[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            if matches!(b, b'!' | b'?' | b'\n') {
                sentence_start = true;
            }
            i += 1;
            continue;
        }
        let c = at(i).unwrap_or(' ');
        if !is_word_char(c) {
            if matches!(c, '!' | '?' | '\n' | '•') {
                sentence_start = true;
            }
            i += c.len_utf8();
            continue;
        }
        let s = i;
        let mut j = i;
        // initialisms: U.S., E.U., U.S.A. (the closing dot is part of the token)
        let mut letters = 0;
        while at(j).is_some_and(char::is_uppercase) && at(after(text, j)) == Some('.') {
            letters += 1;
            j = after(text, j) + 1;
        }
        if letters < 2 {
            j = i;
            loop {
                let bytes = text.as_bytes();
                while j < n {
                    let b = bytes[j];
                    if b < 0x80 {
                        if !b.is_ascii_alphanumeric() {
                            break;
                        }
                        j += 1;
                    } else {
                        match at(j).filter(|&c| is_word_char(c)) {
                            Some(c) => j += c.len_utf8(),
                            None => break,
                        }
                    }
                }
                let Some(c) = at(j) else { break };
                let next = after(text, j);
                match c {
                    // inner hyphen or apostrophe, but not a possessive "’s"
                    '-' | '\'' | '’' | '‐' if at(next).is_some_and(is_word_char) => {
                        let apostrophe = matches!(c, '\'' | '’');
                        let possessive = apostrophe
                            && matches!(at(next), Some('s' | 'S'))
                            && !at(next + 1).is_some_and(is_word_char);
                        if possessive || (!apostrophe && splits_at_hyphen(text, s, j)) {
                            break;
                        }
                        j = next;
                    }
                    // web domains: Antiwar.com
                    '.' => {
                        let tld_len = text.as_bytes()[next..].iter().take_while(|b| b.is_ascii_lowercase()).count();
                        let tld = &text[next..next + tld_len];
                        if matches!(tld, "com" | "org" | "net" | "af" | "info" | "news")
                            && !at(next + tld_len).is_some_and(is_word_char)
                        {
                            j = next + tld_len;
                        }
                        break;
                    }
                    _ => break,
                }
            }
        }
        let word = &text[s..j];
        // only initialisms end in a dot ("U.S."); `trim_end_matches` is slow for every word
        let ends_dot = word.as_bytes().last() == Some(&b'.');
        let word_core = if ends_dot { word.trim_end_matches('.') } else { word };
        let followed_by_dot = text.as_bytes().get(j) == Some(&b'.');
        let dot = followed_by_dot || ends_dot && word_core.len() > 1;
        let gap = &text.as_bytes()[prev_end..s];
        // names run on across the dot of "Gen." or "S.", never across a sentence end
        let joined = !out.is_empty()
            && (gap.iter().all(|&b| b == b' ' || b == b'.')
                || text[prev_end..s].chars().all(|c| c == ' ' || c == '.' || c == '\u{a0}'))
            && gap.iter().filter(|&&b| b == b'.').count() <= usize::from(!sentence_start);
        let first = at(s).unwrap_or(' ');
        let cap = first.is_uppercase();
        let upper = cap && {
            let (mut letters, mut lower) = (0, false);
            for c in word.chars().filter(|c| c.is_alphabetic()) {
                letters += 1;
                lower |= !c.is_uppercase();
            }
            letters >= 2 && !lower
        };
        out.push(Token { start: s, end: j, text: word, cap, upper, sentence_start, dot, joined, class: classes(word) });
        prev_end = j;
        // a full stop ends the sentence unless it closes an abbreviation or an initial
        sentence_start = followed_by_dot
            && !(ends_dot || (word.chars().nth(1).is_none() && cap) || ABBREVIATIONS.contains(&word_core));
        // skip a possessive "’s"
        let next = after(text, j);
        let possessive = matches!(at(j), Some('\'' | '’'))
            && matches!(at(next), Some('s' | 'S'))
            && !at(next + 1).is_some_and(is_word_char);
        i = if possessive { next + 1 } else { j };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Classes as the engine would give them (any non-zero word class will do here).
    fn tokenize(s: &str) -> Vec<Token<'_>> {
        tokenize_with(s, |w| w.len() as u32)
    }

    fn words(s: &str) -> Vec<&str> {
        plain_tokens(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_words_and_keeps_inner_joiners() {
        assert_eq!(words("Franz-Michael Mellbin, Qal'ah."), ["Franz-Michael", "Mellbin", "Qal'ah"]);
        assert_eq!(words("Biden’s plan and the Taliban's"), ["Biden", "plan", "and", "the", "Taliban"]);
        assert_eq!(words("U.S.-led NATO, E.U. Ambassador"), ["U.S.", "led", "NATO", "E.U.", "Ambassador"]);
        assert_eq!(
            words("a NATO-led, Helmand-based pro-Taliban two-decade war"),
            ["a", "NATO", "led", "Helmand", "based", "pro", "Taliban", "two-decade", "war"]
        );
        assert_eq!(words("Nad-e Ali, al-Qaeda, Nawa-i-Barakzayi"), ["Nad-e", "Ali", "al-Qaeda", "Nawa-i-Barakzayi"]);
        assert_eq!(words("for Antiwar.com. He"), ["for", "Antiwar.com", "He"]);
        assert_eq!(words("Austin S. Miller"), ["Austin", "S", "Miller"]);
    }

    #[test]
    fn marks_sentence_starts_but_not_after_titles() {
        let t = tokenize("Gen. Dawlat Waziri spoke. The end! Mr. Afghan said.");
        let starts: Vec<&str> = t.iter().filter(|t| t.sentence_start).map(|t| t.text).collect();
        assert_eq!(starts, ["Gen", "The", "Mr"]);
    }

    #[test]
    fn joined_breaks_at_commas() {
        let t = tokenize("Gen. Austin S. Miller, the commander");
        let joined: Vec<bool> = t.iter().map(|t| t.joined).collect();
        assert_eq!(joined, [false, true, true, true, false, true]);
    }

    #[test]
    fn plain_tokens_are_the_same_words_and_sentences() {
        let s = "Gen. Dawlat Waziri spoke in Lashkar Gah. The end! Mr. Afghan's U.S.-led plan.";
        let full: Vec<(usize, usize, bool)> = tokenize(s).iter().map(|t| (t.start, t.end, t.sentence_start)).collect();
        let plain: Vec<(usize, usize, bool)> =
            plain_tokens(s).iter().map(|t| (t.start, t.end, t.sentence_start)).collect();
        assert_eq!(full, plain);
        assert!(tokenize(s).iter().any(|t| t.class != 0) && plain_tokens(s).iter().all(|t| t.class == 0));
        assert_eq!(sentence_starts(s), [0, 41, 50]);
    }

    #[test]
    fn any_script_gives_valid_offsets() {
        let s = "د هلمند ولایت 🙂 e\u{301}te\u{301} “Kabul”";
        for t in tokenize(s) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end) && t.start < t.end);
            assert_eq!(&s[t.start..t.end], t.text);
        }
        assert_eq!(words("د هلمند"), ["د", "هلمند"]);
    }
}
