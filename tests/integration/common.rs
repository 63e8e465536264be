//! What the snapshot tests share: the reader view as plain text.

use helmand_reader::model::cleaned::Block;

/// One block a paragraph, kinds other than body text marked.
pub fn render_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        out += &match b {
            Block::Standfirst(s) => format!("\n> {s}\n"),
            Block::Heading(s) => format!("\n## {s}\n"),
            Block::Paragraph(s) => format!("\n{s}\n"),
            Block::Caption(s) => format!("\n[caption] {s}\n"),
            Block::Note(s) => format!("\n[note] {s}\n"),
        };
    }
    out
}
