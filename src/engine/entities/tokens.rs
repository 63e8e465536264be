//! The text layer's tokens with the engine's word classes (`cues.rs`).

pub use crate::text::tokens::{sentence_starts, Token};

use super::cues::cues;

/// The tokens of `text`, each with its word classes.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    crate::text::tokens::tokenize_with(text, |w| cues().of(w))
}
