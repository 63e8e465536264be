//! What the page asks of the import worker (a job) and what it answers (outcomes: an
//! article made ready, or a refusal that says why), and the wording of a refusal.

use crate::model::article::Article;
use crate::model::file_check::Rejection;
use crate::model::highlight::Highlights;
use crate::model::record::StoredArticle;

#[derive(Debug, Clone, PartialEq)]
pub enum Job {
    /// A file; its bytes travel beside the job.
    File { name: String, added: String },
    /// A pasted text, with what the user typed beside it (each may be empty).
    Paste { title: String, outlet: String, text: String, added: String, url: String },
    /// A record to clean and annotate again (after an edit).
    Stored(StoredArticle),
    /// Saved records in the older JSON form, by key: read, checked and prepared again
    /// (the page then saves them in the prepared form).
    Restore(Vec<(String, String)>),
}

/// An article made ready by the worker.
#[derive(Debug, Clone, PartialEq)]
pub struct Ready {
    /// What the user gave for it in this import: the file (an export's file for each of its
    /// articles), or "Pasted text"; named in the report.
    pub from: String,
    pub article: Article,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Ready(Box<Ready>),
    /// The highlights (and preferences) of an "everything" file, to merge with the page's.
    Highlights {
        from: String,
        highlights: Box<Highlights>,
        unreadable: usize,
        toggles: Option<String>,
    },
    /// `name` is the file (or "pasted text", or the saved record's key).
    Refused {
        name: String,
        reason: String,
    },
}

/// The name the report gives a pasted text.
pub const PASTED: &str = "Pasted text";

/// A refusal message for the page: "notes.pdf is a .pdf file; …".
pub fn message(name: &str, reason: &str) -> String {
    format!("{name} {reason}.")
}

/// The message for an article whose text is already in the library.
pub fn duplicate(name: &str, title: &str) -> String {
    message(name, &Rejection::Duplicate { title: title.to_string() }.to_string())
}
