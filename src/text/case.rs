//! Lower case for the scripts that have case and that news about Afghanistan is written or
//! transliterated in: Latin (with its extensions, Vietnamese included), Greek, Cyrillic,
//! Armenian and full-width Latin. Other characters are left as they are. The standard
//! library's `to_lowercase` covers every script, with tables that would add 15 KB to the
//! page; the page and the worker both fold with this, so what one writes the other finds.

/// `c` in lower case (one character: "İ" gives "i").
pub fn lower(c: char) -> char {
    let u = c as u32;
    let to = |v: u32| char::from_u32(v).unwrap_or(c);
    // the capital of a pair, at an even (`even_upper`) or odd code point, with its small
    // letter at the next one
    let pair = |even_upper: bool| if (u % 2 == 0) == even_upper { to(u + 1) } else { c };
    match u {
        0x41..=0x5A => to(u + 0x20),
        0..=0x7F => c,
        0xC0..=0xDE if u != 0xD7 => to(u + 0x20),
        0x130 => 'i',
        0x178 => 'ÿ',
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 => pair(true),
        0x139..=0x148 | 0x179..=0x17E => pair(false),
        0x1CD..=0x1DC => pair(false),
        0x1DE..=0x1EF | 0x1F8..=0x21F | 0x222..=0x233 | 0x246..=0x24F => pair(true),
        0x386 => 'ά',
        0x388..=0x38A => to(u + 0x25),
        0x38C => 'ό',
        0x38E..=0x38F => to(u + 0x3F),
        0x391..=0x3A1 | 0x3A3..=0x3AB => to(u + 0x20),
        0x3D8..=0x3EF => pair(true),
        0x400..=0x40F => to(u + 0x50),
        0x410..=0x42F => to(u + 0x20),
        0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F => pair(true),
        0x4C0 => 'ӏ',
        0x4C1..=0x4CE => pair(false),
        0x531..=0x556 => to(u + 0x30),
        0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => pair(true),
        0x1E9E => 'ß',
        0xFF21..=0xFF3A => to(u + 0x20),
        _ => c,
    }
}

/// `s` in lower case, a character at a time.
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The standard library's lower case of `c`, when it is one character.
    fn std_lower(c: char) -> Option<char> {
        let mut l = c.to_lowercase();
        let first = l.next()?;
        l.next().is_none().then_some(first)
    }

    #[test]
    fn the_covered_scripts_lower_as_the_standard_library_does() {
        let covered = [0..0x250, 0x370..0x530, 0x531..0x557, 0x1E00..0x1F00, 0xFF00..0xFF60].into_iter().flatten();
        let mut checked = 0;
        for u in covered {
            let Some(c) = char::from_u32(u) else { continue };
            if let Some(l) = std_lower(c) {
                // the few capitals of these blocks left out (rare African and phonetic letters,
                // Greek symbols) stay as they are: never a wrong letter
                let ours = lower(c);
                assert!(ours == l || ours == c, "{c:?} U+{u:04X}: {ours:?}, the standard library {l:?}");
                checked += usize::from(ours == l && l != c);
            }
        }
        assert!(checked >= 550, "{checked} capitals lowered");
    }

    #[test]
    fn other_characters_never_become_another_letter() {
        for u in (0..0x3_0000).filter(|u| !(0xD800..0xE000).contains(u)) {
            let c = char::from_u32(u).unwrap();
            let ours = lower(c);
            assert!(ours == c || Some(ours) == std_lower(c) || c == 'İ', "U+{u:04X} {c:?} -> {ours:?}");
        }
    }

    #[test]
    fn names_and_places_as_written() {
        assert_eq!(lowercase("LASHKAR GAH"), "lashkar gah");
        assert_eq!(lowercase("Médecins Sans Frontières"), "médecins sans frontières");
        assert_eq!(lowercase("ŞAHİN Öztürk"), "şahin öztürk");
        assert_eq!(lowercase("ХЕЛЬМАНД Ελλάδα"), "хельманд ελλάδα");
        assert_eq!(lowercase("هلمند"), "هلمند", "no case: as written");
    }
}
