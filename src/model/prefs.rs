//! Which entity types are highlighted, as the legend's toggles set it, and how that choice
//! is saved in the browser. Saved text that cannot be read is reported, never trusted.

use crate::model::entity::EntityType;

/// The key in `localStorage`.
pub const TYPES_KEY: &str = "helmand-reader/highlighted-types/v1";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeToggles {
    shown: [bool; 4],
}

impl Default for TypeToggles {
    fn default() -> Self {
        TypeToggles { shown: [true; 4] }
    }
}

fn slot(ty: EntityType) -> usize {
    EntityType::ALL.iter().position(|t| *t == ty).unwrap_or(0)
}

impl TypeToggles {
    pub fn shows(&self, ty: EntityType) -> bool {
        self.shown[slot(ty)]
    }

    pub fn toggled(mut self, ty: EntityType) -> Self {
        self.shown[slot(ty)] = !self.shown[slot(ty)];
        self
    }

    /// The shown types, comma-separated: "person,org,place,date" (empty when none).
    pub fn encode(&self) -> String {
        EntityType::ALL.iter().filter(|t| self.shows(**t)).map(|t| t.as_str()).collect::<Vec<_>>().join(",")
    }

    /// Reads what `encode` wrote; anything else is an error saying what was found.
    pub fn decode(saved: &str) -> Result<Self, String> {
        let mut shown = [false; 4];
        for word in saved.split(',').filter(|w| !w.is_empty()) {
            let ty = EntityType::parse(word.trim())
                .ok_or_else(|| format!("the saved highlight setting names an unknown type {:?}", truncate(word)))?;
            shown[slot(ty)] = true;
        }
        Ok(TypeToggles { shown })
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(24).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_toggle() {
        let t = TypeToggles::default().toggled(EntityType::Date);
        assert!(!t.shows(EntityType::Date) && t.shows(EntityType::Person));
        assert_eq!(t.encode(), "person,org,place");
        assert_eq!(TypeToggles::decode(&t.encode()), Ok(t));
        assert_eq!(TypeToggles::decode(""), Ok(TypeToggles { shown: [false; 4] }));
        assert_eq!(t.toggled(EntityType::Date), TypeToggles::default());
    }

    #[test]
    fn corrupt_saved_state_is_an_error_not_a_guess() {
        let e = TypeToggles::decode("person,<script>alert(1)</script>").unwrap_err();
        assert!(e.contains("unknown type"), "{e}");
        assert!(TypeToggles::decode("\u{0}\u{ffff}").is_err());
    }
}
