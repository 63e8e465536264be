//! Alias merging. Transliterations of Pashto and Dari names vary ("Zabihullah" /
//! "Zabiullah", "Ataullah" / "Attaullah", "Naw Zad" / "Nawzad", "Lashkargah" /
//! "Lashkar Gah"), so names are compared by a spelling key that ignores case, spaces,
//! hyphens, doubled letters, a silent "h" and q/k.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::gazetteer::{GazEntry, ENTRIES};
use super::EntityType;

fn plain(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ā' | 'ã' | 'å' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'ō' | 'õ' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        _ => c,
    }
}

/// The spelling key: "Zabiullah Mujahid" and "Zabihullah Mujahid" give the same.
pub fn spelling_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    push_spelling_key(&mut out, name);
    out
}

fn push_spelling_key(out: &mut String, name: &str) {
    let start = out.len();
    let lower = |c: char| -> char {
        if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            plain(c.to_lowercase().next().unwrap_or(c))
        }
    };
    for c in name.chars().map(lower) {
        if !c.is_alphanumeric() {
            continue;
        }
        let c = if c == 'q' { 'k' } else { c };
        if (c == 'h' && out.len() > start) || (out.len() > start && out.ends_with(c)) {
            continue;
        }
        out.push(c);
    }
}

/// The stable id of an entity: its type and the spelling key of its canonical name.
/// Names that differ only in form are one entity: "Helmand province" is Helmand, and
/// "July 3rd, 2009", "3 July 2009" and "Friday, July 3, 2009" are one day.
pub fn entity_id(ty: EntityType, canonical: &str) -> String {
    let mut id = String::with_capacity(canonical.len() + 7);
    id.push_str(ty.as_str());
    id.push('-');
    match ty {
        EntityType::Date => push_date_key(&mut id, canonical),
        EntityType::Place => push_spelling_key(&mut id, without_province(canonical)),
        _ => push_spelling_key(&mut id, canonical),
    }
    id
}

/// "Helmand province" -> "Helmand"; a name that is only "Province" stays.
fn without_province(name: &str) -> &str {
    let trimmed = name.trim_end();
    match trimmed.rsplit_once(' ') {
        Some((head, last)) if last.eq_ignore_ascii_case("province") && head.chars().any(char::is_alphabetic) => {
            head.trim_end()
        }
        _ => name,
    }
}

/// A date's parts in a fixed order: numbers without ordinal endings, months by their first
/// three letters, weekdays left out when there is more.
fn push_date_key(out: &mut String, date: &str) {
    const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut parts: Vec<String> = date
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            let digits = w.trim_end_matches(|c: char| c.is_alphabetic());
            if !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
                && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
            {
                digits.trim_start_matches('0').to_string()
            } else if w.chars().all(|c| c.is_ascii_digit()) {
                let n = w.trim_start_matches('0');
                if n.is_empty() {
                    "0".to_string()
                } else {
                    n.to_string()
                }
            } else if w.chars().all(char::is_alphabetic) && w.chars().count() >= 3 {
                w.chars().take(3).collect()
            } else {
                w
            }
        })
        .collect();
    if parts.len() > 1 {
        parts.retain(|p| !WEEKDAYS.contains(&p.as_str()));
    }
    // a month in words fixes what each number is, in any order ("July 3" = "3 July"); a
    // date in figures alone keeps its order ("2021-08-03" is not "2021-03-08")
    if parts.iter().any(|p| p.chars().all(char::is_alphabetic)) {
        parts.sort();
    }
    out.push_str(&parts.join("-"));
}

/// The gazetteer entry a name is an unlisted spelling of, if any (same type).
pub fn gaz_by_spelling(ty: EntityType, name: &str) -> Option<&'static GazEntry> {
    type Map = HashMap<(EntityType, String), &'static GazEntry, std::hash::BuildHasherDefault<super::cues::FxHasher>>;
    static MAP: OnceLock<Map> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = Map::default();
        for e in ENTRIES {
            for f in e.forms {
                m.entry((e.kind, spelling_key(f))).or_insert(e);
            }
        }
        m
    });
    map.get(&(ty, spelling_key(name))).copied()
}

/// The one well-known person with this surname ("Trump"), if exactly one.
pub fn gaz_person_by_surname(surname: &str) -> Option<&'static GazEntry> {
    static MAP: OnceLock<HashMap<&'static str, Option<&'static GazEntry>>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m: HashMap<&'static str, Option<&'static GazEntry>> = HashMap::new();
        for e in ENTRIES.iter().filter(|e| e.kind == EntityType::Person) {
            for f in e.forms {
                if let Some(last) = f.rsplit(' ').next().filter(|l| l.len() >= 4 && *l != *f) {
                    let slot = m.entry(last).or_insert(Some(e));
                    if slot.is_some_and(|s| s != e) {
                        *slot = None; // two people share it: ambiguous
                    }
                }
            }
        }
        m
    });
    map.get(surname).copied().flatten()
}

/// A mention's text as a name: white space folded.
pub fn display_name(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliteration_variants_share_a_key() {
        for (a, b) in [
            ("Zabihullah Mujahid", "Zabiullah Mujahid"),
            ("Ataullah Afghan", "Attaullah Afghan"),
            ("Naw Zad", "Nawzad"),
            ("Lashkargah", "Lashkar Gah"),
            ("Musa Qala", "Musa Kala"),
            ("Médecins", "Medecins"),
        ] {
            assert_eq!(spelling_key(a), spelling_key(b), "{a} / {b}");
        }
        assert_ne!(spelling_key("Nawa"), spelling_key("Nawzad"));
        assert_ne!(spelling_key("Omar"), spelling_key("Oman"));
    }

    #[test]
    fn unlisted_spellings_find_their_gazetteer_entry() {
        assert_eq!(
            gaz_by_spelling(EntityType::Person, "Zabihulah Mujahid").map(|e| e.name),
            Some("Zabihullah Mujahid")
        );
        assert_eq!(gaz_by_spelling(EntityType::Place, "Lashkar-Gaah").map(|e| e.name), Some("Lashkar Gah"));
        assert!(gaz_by_spelling(EntityType::Org, "Lashkar Gah").is_none(), "types must agree");
    }

    #[test]
    fn forms_of_one_place_or_day_are_one_entity() {
        use EntityType::*;
        assert_eq!(entity_id(Place, "Helmand province"), entity_id(Place, "Helmand"));
        assert_eq!(entity_id(Place, "Helmand Province"), entity_id(Place, "Helmand"));
        assert_ne!(entity_id(Place, "Province"), entity_id(Place, ""));
        let day = entity_id(Date, "July 3, 2009");
        for same in ["July 3rd, 2009", "3 July 2009", "Friday, July 3, 2009", "Jul. 3, 2009", "July 03, 2009"] {
            assert_eq!(entity_id(Date, same), day, "{same}");
        }
        assert_ne!(entity_id(Date, "July 4, 2009"), day);
        assert_ne!(entity_id(Date, "July 2009"), day);
        assert_eq!(entity_id(Date, "Friday"), "date-fri", "a weekday alone is kept");
        assert_ne!(entity_id(Date, "2021-08-03"), entity_id(Date, "2021-03-08"));
        assert_ne!(entity_id(Date, "03.08.2021"), entity_id(Date, "08.03.2021"));
        assert_ne!(entity_id(Org, "Helmand Province"), entity_id(Org, "Helmand"), "only places drop the word");
    }
}
