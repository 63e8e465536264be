//! The checks a file meets before it is read (its kind by name, its size), and why a file
//! or a pasted text is refused: each reason says what is wrong and what to do.

use std::fmt;

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
    Unsupported {
        ext: String,
    },
    Empty,
    TooLarge {
        bytes: usize,
    },
    Binary {
        what: &'static str,
    },
    NotUtf8 {
        at: usize,
    },
    /// UTF-16 (it has the byte-order mark) with a broken character or an odd byte at the end.
    BadUtf16,
    /// A web page with no article text in it.
    NoArticle,
    /// The same text as an article already in the library.
    Duplicate {
        title: String,
    },
    BadExport(String),
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejection::Unsupported { ext } if ext.is_empty() => {
                write!(
                    f,
                    "has no file extension; import .txt, .md, .html or .htm files, or a Helmand Reader export (.json)"
                )
            }
            Rejection::Unsupported { ext } => {
                write!(f, "is a .{ext} file; import .txt, .md, .html or .htm files, or a Helmand Reader export (.json)")
            }
            Rejection::Empty => write!(f, "is empty: there is no text in it"),
            Rejection::TooLarge { bytes } => {
                write!(f, "is {} ({bytes} bytes); the limit is 5 MB ({MAX_BYTES} bytes) per file", megabytes(*bytes))
            }
            Rejection::Binary { what } => write!(f, "is not text: it looks like {what}"),
            Rejection::NotUtf8 { at } => write!(
                f,
                "is not UTF-8 text (byte {} is not valid UTF-8); save it as UTF-8 and import it again",
                at + 1
            ),
            Rejection::BadUtf16 => {
                write!(f, "is UTF-16 text with a broken character in it; save it as UTF-8 and import it again")
            }
            Rejection::NoArticle => write!(f, "is a web page, but no article text was found in it"),
            Rejection::Duplicate { title } => {
                write!(f, "has the same text as “{title}”, which is already in the library")
            }
            Rejection::BadExport(why) => write!(f, "is not a Helmand Reader export: {why}"),
        }
    }
}

fn megabytes(bytes: usize) -> String {
    // in tenths, with integers: formatting a float would add 10 KB to the page
    let tenths = (bytes * 10 + (1 << 19)) >> 20;
    format!("{}.{} MB", tenths / 10, tenths % 10)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_in_megabytes_round_to_a_tenth() {
        assert_eq!(megabytes(5 * 1024 * 1024 + 1), "5.0 MB");
        assert_eq!(megabytes(7_340_032), "7.0 MB");
        assert_eq!(megabytes(5_400_000), "5.1 MB");
        assert_eq!(megabytes(104_857), "0.1 MB");
        assert_eq!(megabytes(52_428), "0.0 MB");
    }
}
