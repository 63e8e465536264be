//! Reading a file the user brings: checks that give each bad file its own message
//! (empty, too large, binary, not UTF-8, a kind the reader does not take), then the text of
//! the article, from plain text, Markdown (`markdown.rs`), a saved web page
//! (`saved_page.rs`) or one of the reader's own export files (`export.rs`).

use crate::import::export::{parse_export_file, ExportFile};
use crate::import::plain_text::plain_text;

use crate::model::file_check::{kind_of, FileKind, Rejection, MAX_BYTES};
use crate::model::record::Draft;

/// What a file holds: one article, or the articles of an export (each checked on its own).
#[derive(Debug)]
pub enum Read {
    One(Draft),
    Export(ExportFile),
}

/// Reads one file's bytes into its article(s).
pub fn read_file(name: &str, bytes: &[u8]) -> Result<Read, Rejection> {
    let kind = kind_of(name)?;
    if bytes.len() > MAX_BYTES {
        return Err(Rejection::TooLarge { bytes: bytes.len() });
    }
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(Rejection::Empty);
    }
    let draft = match kind {
        FileKind::Export => return parse_export_file(&text).map(Read::Export).map_err(Rejection::BadExport),
        FileKind::Text => plain_text(&text, name),
        FileKind::Markdown => crate::import::markdown::read(&text, name),
        FileKind::Html => crate::import::saved_page::read(&text, name)?,
    };
    if draft.text.trim().is_empty() {
        return Err(Rejection::Empty);
    }
    Ok(Read::One(draft))
}

/// The bytes as text: UTF-8 (a BOM is dropped) or UTF-16 with a BOM. Anything else is
/// refused with the reason, binary files first, so "a PNG image" is said rather than
/// "not UTF-8".
pub fn decode(bytes: &[u8]) -> Result<String, Rejection> {
    if bytes.is_empty() {
        return Err(Rejection::Empty);
    }
    if let Some(text) = utf16(bytes) {
        return text;
    }
    if let Some(what) = binary_kind(bytes) {
        return Err(Rejection::Binary { what });
    }
    let (bom, bytes) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (3, rest),
        None => (0, bytes),
    };
    let text = std::str::from_utf8(bytes).map_err(|e| Rejection::NotUtf8 { at: bom + e.valid_up_to() })?;
    // control characters other than tab, newline, form feed and carriage return are not in text
    let controls =
        text.chars().take(65_536).filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')).count();
    if controls * 100 > text.chars().take(65_536).count().max(1) {
        return Err(Rejection::Binary { what: "a binary file (it is full of control characters)" });
    }
    Ok(text.to_string())
}

fn utf16(bytes: &[u8]) -> Option<Result<String, Rejection>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    if bytes.len() % 2 != 0 {
        return Some(Err(Rejection::BadUtf16));
    }
    let units = bytes[2..].chunks_exact(2).map(|p| {
        if little {
            u16::from_le_bytes([p[0], p[1]])
        } else {
            u16::from_be_bytes([p[0], p[1]])
        }
    });
    Some(char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| Rejection::BadUtf16))
}

/// Recognises common binary formats by their first bytes, and anything with NUL bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 9] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive or an office document"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"\x7FELF", "a program"),
        (b"MZ", "a Windows program"),
        (b"RIFF", "a media file"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(what);
    }
    bytes.iter().take(65_536).any(|&b| b == 0).then_some("a binary file (it contains NUL bytes)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_extension() {
        assert_eq!(kind_of("a.TXT"), Ok(FileKind::Text));
        assert_eq!(kind_of("notes.md"), Ok(FileKind::Markdown));
        assert_eq!(kind_of("page.htm"), Ok(FileKind::Html));
        assert_eq!(kind_of("backup.json"), Ok(FileKind::Export));
        assert_eq!(kind_of("scan.pdf"), Err(Rejection::Unsupported { ext: "pdf".into() }));
        assert!(kind_of("README").unwrap_err().to_string().contains("no file extension"));
    }

    #[test]
    fn each_bad_file_says_what_is_wrong() {
        let msg = |name: &str, bytes: &[u8]| read_file(name, bytes).unwrap_err().to_string();
        assert_eq!(msg("a.txt", b""), "is empty: there is no text in it");
        assert_eq!(msg("a.txt", b"  \n\t \n"), "is empty: there is no text in it");
        assert!(msg("a.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("a PNG image"));
        assert!(msg("a.txt", b"abc\0def").contains("NUL bytes"));
        assert!(msg("a.txt", b"caf\xe9 au lait").contains("byte 4 is not valid UTF-8"));
        assert_eq!(
            msg("a.txt", &vec![b'a'; MAX_BYTES + 1]),
            "is 5.0 MB (5242881 bytes); the limit is 5 MB (5242880 bytes) per file"
        );
        assert!(
            msg("a.txt", b"\xEF\xBB\xBFcaf\xe9").contains("byte 7 is not valid UTF-8"),
            "counted from the file's start"
        );
        assert!(msg("a.txt", &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).contains("UTF-16 text with a broken character"));
        assert!(msg("a.txt", &[0xFF, 0xFE, 0x41, 0x00, 0x42]).contains("UTF-16 text with a broken character"));
        assert!(msg("a.txt", "x\u{1}\u{2}\u{3}\u{4}".as_bytes()).contains("control characters"));
    }

    #[test]
    fn utf8_bom_and_utf16_are_read() {
        assert_eq!(decode(b"\xEF\xBB\xBFSangin").unwrap(), "Sangin");
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Musa Qala".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&le).unwrap(), "Musa Qala");
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("Garmsir".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be).unwrap(), "Garmsir");
    }
}
