//! An article as the entity engine reads it: the cleaned title, byline, dateline and
//! copyright line, then each block. The app and the `annotate` tool both go through here,
//! so they find the same entities in the same cleaned text.

use crate::model::cleaned::{Block, Cleaned};
use crate::model::entity::{Segment, SegmentKind};

/// Segments before the first block: title, byline, dateline, copyright (empty if absent).
pub const HEADER_SEGMENTS: usize = 4;

/// The segment that holds block `i` of the cleaned article.
pub fn block_segment(i: usize) -> usize {
    HEADER_SEGMENTS + i
}

fn opt(o: &Option<String>) -> &str {
    o.as_deref().unwrap_or("")
}

/// The texts of the segments, in order (what mention offsets point into).
pub fn segment_texts(c: &Cleaned) -> Vec<&str> {
    segments(c).into_iter().map(|s| s.text).collect()
}

pub fn segments(c: &Cleaned) -> Vec<Segment<'_>> {
    let mut out = vec![
        Segment { text: &c.title, kind: SegmentKind::Title },
        Segment { text: opt(&c.byline), kind: SegmentKind::Byline },
        Segment { text: opt(&c.dateline), kind: SegmentKind::Text },
        Segment { text: opt(&c.copyright), kind: SegmentKind::Text },
    ];
    out.extend(c.blocks.iter().map(|b| Segment {
        text: b.text(),
        kind: if matches!(b, Block::Heading(_)) { SegmentKind::Title } else { SegmentKind::Text },
    }));
    out
}
