//! The entities of one article as the engine finds them and the page shows them: their
//! types, the mentions (byte ranges of segments) and the entities they name.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person,
    Org,
    Place,
    Date,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [EntityType::Person, EntityType::Org, EntityType::Place, EntityType::Date];

    /// The name used in data attributes and the annotation format.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Org => "org",
            EntityType::Place => "place",
            EntityType::Date => "date",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Org => "Organisation",
            EntityType::Place => "Place",
            EntityType::Date => "Date",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.as_str() == s)
    }
}

/// What a piece of an article is, which changes the rules that apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegmentKind {
    /// A headline: every word capitalised, so only strong cues count.
    Title,
    /// A byline: names.
    Byline,
    Text,
}

#[derive(Debug, Clone, Copy)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub kind: SegmentKind,
}

/// One mention: a byte range of one segment, naming entity `entity` of the [`Annotation`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub segment: usize,
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

/// An entity of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Stable across articles and reloads: type and spelling key of the canonical name.
    pub id: String,
    pub ty: EntityType,
    /// The canonical name: the gazetteer's, or the fullest form the article uses.
    pub name: String,
    /// The Helmand district it is or lies in (places of the gazetteer).
    pub district: Option<&'static str>,
    /// It is a district or a district centre (not a village inside one).
    pub names_district: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotation {
    pub entities: Vec<Entity>,
    /// In segment order, then text order; never overlapping.
    pub mentions: Vec<Mention>,
}

impl Annotation {
    /// The mentions of one segment, with the index of the first (mentions are in segment
    /// order, so this is a binary search).
    pub fn in_segment(&self, segment: usize) -> (usize, &[Mention]) {
        let from = self.mentions.partition_point(|m| m.segment < segment);
        let to = self.mentions.partition_point(|m| m.segment <= segment);
        (from, &self.mentions[from..to])
    }

    /// The canonical Helmand districts named (by name, variant or centre), sorted.
    pub fn districts(&self) -> Vec<&'static str> {
        let mut d: Vec<&'static str> =
            self.entities.iter().filter(|e| e.names_district).filter_map(|e| e.district).collect();
        d.sort_unstable();
        d.dedup();
        d
    }
}

impl EntityType {
    /// The heading of a group of this type: "People", "Organisations".
    pub fn plural(self) -> &'static str {
        match self {
            EntityType::Person => "People",
            EntityType::Org => "Organisations",
            EntityType::Place => "Places",
            EntityType::Date => "Dates",
        }
    }
}
