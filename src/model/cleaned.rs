//! An article as the cleaner leaves it: the title, byline, dateline and copyright line it
//! found, and the blocks of the body in reading order.

/// A piece of the cleaned article, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The sub-headline under the title.
    Standfirst(String),
    /// A cross-head inside the body.
    Heading(String),
    Paragraph(String),
    /// A photo caption (with its credit).
    Caption(String),
    /// An author or agency bio, or a reporting credit, shown after the body.
    Note(String),
}

impl Block {
    pub fn text(&self) -> &str {
        match self {
            Block::Standfirst(s) | Block::Heading(s) | Block::Paragraph(s) | Block::Caption(s) | Block::Note(s) => s,
        }
    }
}

/// What the cleaner learned about the page besides its blocks.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub title: String,
    pub blocks: Vec<Block>,
    /// "By A and B" / "Author: A", without the lead word.
    pub byline: Option<String>,
    /// A line that gives only a date or time, e.g. "Oct. 12, 2020".
    pub dateline: Option<String>,
    /// A "© Outlet" line.
    pub copyright: Option<String>,
}

impl Cleaned {
    pub fn word_count(&self) -> usize {
        self.blocks.iter().map(|b| b.text().split_whitespace().count()).sum()
    }

    /// Minutes at 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        self.word_count().div_ceil(230).max(1)
    }

    /// The blocks as plain text, one per paragraph; what the entity engine reads.
    pub fn body_text(&self) -> String {
        self.blocks.iter().map(Block::text).collect::<Vec<_>>().join("\n\n")
    }
}
