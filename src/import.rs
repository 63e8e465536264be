//! Reading a file the user brings: checks that give each bad file its own message
//! (empty, too large, binary, not UTF-8, a kind the reader does not take), then the text of
//! the article, from plain text, Markdown (`markdown.rs`), a saved web page
//! (`saved_page.rs`) or one of the reader's own export files (`stored.rs`).

use std::fmt;

use crate::stored::{parse_export, StoredArticle};

/// Files above this size are refused before they are read.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// What the file chooser offers (the export files are JSON).
pub const ACCEPT: &str = ".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Text,
    Markdown,
    Html,
    /// An export of the reader's imported articles.
    Export,
}

/// The kind of a file, by its name's extension.
pub fn kind_of(name: &str) -> Result<FileKind, Rejection> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "txt" | "text" => Ok(FileKind::Text),
        "md" | "markdown" => Ok(FileKind::Markdown),
        "html" | "htm" | "xhtml" => Ok(FileKind::Html),
        "json" => Ok(FileKind::Export),
        _ => Err(Rejection::Unsupported { ext }),
    }
}

/// Why a file, or a pasted text, was not imported. Each says what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rejection {
    Unsupported { ext: String },
    Empty,
    TooLarge { bytes: usize },
    Binary { what: &'static str },
    NotUtf8 { at: usize },
    /// UTF-16 (it has the byte-order mark) with a broken character or an odd byte at the end.
    BadUtf16,
    /// A web page with no article text in it.
    NoArticle,
    /// The same text as an article already in the library.
    Duplicate { title: String },
    BadExport(String),
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Unsupported { ext } if ext.is_empty() => {
                write!(f, "has no file extension; import .txt, .md, .html or .htm files, or a Helmand Reader export (.json)")
            }
            Rejection::Unsupported { ext } => {
                write!(f, "is a .{ext} file; import .txt, .md, .html or .htm files, or a Helmand Reader export (.json)")
            }
            Rejection::Empty => write!(f, "is empty: there is no text in it"),
            Rejection::TooLarge { bytes } => write!(f, "is {} ({bytes} bytes); the limit is 5 MB ({MAX_BYTES} bytes) per file", megabytes(*bytes)),
            Rejection::Binary { what } => write!(f, "is not text: it looks like {what}"),
            Rejection::NotUtf8 { at } => write!(
                f,
                "is not UTF-8 text (byte {} is not valid UTF-8); save it as UTF-8 and import it again",
                at + 1
            ),
            Rejection::BadUtf16 => write!(f, "is UTF-16 text with a broken character in it; save it as UTF-8 and import it again"),
            Rejection::NoArticle => write!(f, "is a web page, but no article text was found in it"),
            Rejection::Duplicate { title } => write!(f, "has the same text as “{title}”, which is already in the library"),
            Rejection::BadExport(why) => write!(f, "is not a Helmand Reader export: {why}"),
        }
    }
}

fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

/// An article read from a file or a paste, before it is stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub author: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The site a saved page says it comes from (shown in the provenance, not as the outlet).
    pub site: Option<String>,
    /// The publisher the page's text names (a byline's outlet, a copyright line, an agency's tag).
    pub outlet: Option<String>,
    /// The page's web address (a saved page's canonical address).
    pub url: Option<String>,
    /// Plain text, one paragraph a line; the cleaner reads it like a bundled article.
    pub text: String,
}

/// What a file holds: one article, or the articles of an export (each checked on its own).
#[derive(Debug)]
pub enum Read {
    One(Draft),
    Export(Vec<Result<StoredArticle, String>>),
}

/// The checks that need only a file's name and size, made before it is read, so a huge
/// video dropped by mistake is never loaded.
pub fn precheck(name: &str, bytes: usize) -> Result<(), Rejection> {
    kind_of(name)?;
    if bytes == 0 {
        return Err(Rejection::Empty);
    }
    if bytes > MAX_BYTES {
        return Err(Rejection::TooLarge { bytes });
    }
    Ok(())
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
        FileKind::Export => return parse_export(&text).map(Read::Export).map_err(Rejection::BadExport),
        FileKind::Text => plain_text(&text, name),
        FileKind::Markdown => crate::markdown::read(&text, name),
        FileKind::Html => crate::saved_page::read(&text, name)?,
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
    let controls = text.chars().take(65_536).filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')).count();
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
    let units = bytes[2..].chunks_exact(2).map(|p| if little { u16::from_le_bytes([p[0], p[1]]) } else { u16::from_be_bytes([p[0], p[1]]) });
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

/// Plain text, read as a page's text (`text_page.rs`): its headline, byline, date and
/// publisher, and its body; with no headline, the title is made from the file name.
pub fn plain_text(text: &str, name: &str) -> Draft {
    plain_text_titled(text, name, None)
}

/// The same, for a text whose title is known (a Markdown heading): no line is guessed for it.
pub fn plain_text_titled(text: &str, name: &str, title_given: Option<&str>) -> Draft {
    let page = crate::text_page::read_titled(text, title_given);
    let title = page.title.clone().unwrap_or_else(|| title_from_name(name));
    // the title stays at the top of the text, as the cleaner expects it (it drops it there)
    let body = if page.title.is_some() && title_given.is_none() { format!("{title}\n\n{}", page.body) } else { page.body };
    Draft { title, author: page.byline, date: page.date, outlet: page.outlet, url: page.url, text: body, ..Draft::default() }
}

/// Short, and not a sentence run on for lines.
pub fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=30).contains(&words) && line.chars().count() <= 200
}

/// `helmand_report-2009.txt` -> `helmand report 2009`.
pub fn title_from_name(name: &str) -> String {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let words: Vec<&str> = stem.split(['_', '-', ' ', '.']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() { "Untitled article".to_string() } else { words.join(" ") }
}

/// A pasted text: the title the user gave, or its first line, as for a file.
pub fn pasted(title: &str, text: &str) -> Result<Draft, Rejection> {
    if text.trim().is_empty() {
        return Err(Rejection::Empty);
    }
    if text.len() > MAX_BYTES {
        return Err(Rejection::TooLarge { bytes: text.len() });
    }
    let mut draft = plain_text(text, "Pasted text");
    if !title.trim().is_empty() {
        draft.title = title.trim().to_string();
    }
    Ok(draft)
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
        assert_eq!(msg("a.txt", &vec![b'a'; MAX_BYTES + 1]), "is 5.0 MB (5242881 bytes); the limit is 5 MB (5242880 bytes) per file");
        assert!(msg("a.txt", b"\xEF\xBB\xBFcaf\xe9").contains("byte 7 is not valid UTF-8"), "counted from the file's start");
        assert!(msg("a.txt", &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]).contains("UTF-16 text with a broken character"));
        assert!(msg("a.txt", &[0xFF, 0xFE, 0x41, 0x00, 0x42]).contains("UTF-16 text with a broken character"));
        assert!(msg("a.txt", "x\u{1}\u{2}\u{3}\u{4}".as_bytes()).contains("control characters"));
    }

    #[test]
    fn utf8_bom_and_utf16_are_read() {
        assert_eq!(decode(b"\xEF\xBB\xBFSangin").unwrap(), "Sangin");
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Musa Qala".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&le).unwrap(), "Musa Qala");
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("Garmsir".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(&be).unwrap(), "Garmsir");
    }

    #[test]
    fn plain_text_titles() {
        let d = plain_text("Fighting in Sangin\n\nBy A Reporter\n\nText.", "x.txt");
        assert_eq!(d.title, "Fighting in Sangin");
        let long = "word ".repeat(60);
        assert_eq!(plain_text(&long, "notes/helmand_field-notes.txt").title, "helmand field notes");
        assert_eq!(title_from_name(".txt"), "Untitled article");
    }

    #[test]
    fn pasted_text_takes_the_given_title() {
        assert_eq!(pasted("My title", "First line\nBody").unwrap().title, "My title");
        assert_eq!(pasted("", "First line\nBody").unwrap().title, "First line");
        assert_eq!(pasted("t", " \n "), Err(Rejection::Empty));
    }
}
