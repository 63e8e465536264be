//! What the reader shows: a district, a set of outlets, a search and an entity, combined
//! (AND), and how that state is written in the address (`#/...?district=..&source=..&q=..`)
//! so a filtered view is a link that survives reloads and back/forward.

use crate::model::article::Article;
use crate::model::districts::DistrictIndex;
use crate::model::entity_index::EntityIndex;
use crate::model::library::Library;
use crate::model::list_sort::ListSort;
use crate::model::search::Query;
use crate::text::percent::{percent_decode, percent_encode};

/// The label of articles whose outlet the text does not tell.
pub const UNKNOWN_OUTLET: &str = "Unknown outlet";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filters {
    pub district: Option<String>,
    /// Chosen outlets; empty means all.
    pub outlets: Vec<String>,
    pub query: String,
    /// An entity id from the entity index.
    pub entity: Option<String>,
    /// The list's order (not a filter, but kept in the address with them).
    pub sort: ListSort,
}

/// The outlet an article is filed under in the source filter.
pub fn outlet_of(a: &Article) -> &str {
    a.outlet.as_deref().unwrap_or(UNKNOWN_OUTLET)
}

/// Every outlet with its article count, by name, the unknown ones last.
pub fn outlets(library: &Library) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for a in &library.articles {
        match out.iter_mut().find(|(o, _)| o == outlet_of(a)) {
            Some((_, n)) => *n += 1,
            None => out.push((outlet_of(a).to_string(), 1)),
        }
    }
    crate::text::sort::sort_by(&mut out, |a, b| {
        (a.0 == UNKNOWN_OUTLET).cmp(&(b.0 == UNKNOWN_OUTLET)).then_with(|| lower(&a.0).cmp(lower(&b.0)))
    });
    out
}

/// `s` in lower case, a character at a time (`text::case`: the standard library's tables
/// would add 15 KB to the page).
fn lower(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().map(crate::text::case::lower)
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }

    /// The (key, value) pairs of the address, in a fixed order.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        if let Some(d) = &self.district {
            p.push(("district", d.clone()));
        }
        for o in &self.outlets {
            p.push(("source", o.clone()));
        }
        if !self.query.trim().is_empty() {
            p.push(("q", self.query.trim().to_string()));
        }
        if let Some(e) = &self.entity {
            p.push(("entity", e.clone()));
        }
        if self.sort != ListSort::default() {
            p.push(("sort", self.sort.key().to_string()));
        }
        p
    }

    /// True when something narrows the list (the order does not).
    pub fn narrows(&self) -> bool {
        Filters { sort: ListSort::default(), ..self.clone() } != Filters::default()
    }

    /// These filters with nothing chosen, keeping the order.
    pub fn cleared(&self) -> Filters {
        Filters { sort: self.sort, ..Filters::default() }
    }

    /// The active filters in words, for "No article matches …": "the district Musa Qala,
    /// and the search “x”". `entity_name` is the chosen entity's name, if it is known.
    pub fn describe(&self, entity_name: Option<&str>) -> String {
        let mut parts = Vec::new();
        if let Some(d) = &self.district {
            parts.push(format!("the district {d}"));
        }
        match self.outlets.len() {
            0 => {}
            1 => parts.push(format!("the source {}", self.outlets[0])),
            n => parts.push(format!("{n} chosen sources")),
        }
        if !self.query.trim().is_empty() {
            parts.push(format!("the search “{}”", self.query.trim()));
        }
        if self.entity.is_some() {
            parts.push(match entity_name {
                Some(name) => format!("naming {name}"),
                None => "the chosen entity".to_string(),
            });
        }
        match parts.len() {
            0 => "these filters".to_string(),
            1 => parts.remove(0),
            _ => {
                let last = parts.pop().unwrap_or_default();
                format!("{}, and {last}", parts.join(", "))
            }
        }
    }

    /// The query string for the address, without the "?"; empty when nothing is chosen.
    pub fn encode(&self) -> String {
        self.pairs().iter().map(|(k, v)| format!("{k}={}", percent_encode(v))).collect::<Vec<_>>().join("&")
    }

    /// Reads what `encode` wrote; unknown keys and malformed parts are ignored.
    pub fn decode(query: &str) -> Self {
        let mut f = Filters::default();
        for part in query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            let value = percent_decode(value);
            if value.is_empty() {
                continue;
            }
            match key {
                "district" => f.district = Some(value),
                "source" if !f.outlets.contains(&value) => f.outlets.push(value),
                "q" => f.query = value,
                "entity" => f.entity = Some(value),
                "sort" => f.sort = ListSort::parse(&value).unwrap_or_default(),
                _ => {}
            }
        }
        f
    }

    /// The library indices the filters let through, in order; the district is left out
    /// when `skip_district`. The district and the entity are lookups in their indexes and
    /// the cheap filters run before the search, so 10,000 articles stay quick.
    fn passing(
        &self,
        library: &Library,
        districts: &DistrictIndex,
        entities: &EntityIndex,
        skip_district: bool,
    ) -> Vec<usize> {
        let keep: Vec<usize> = match self.district.as_deref().filter(|_| !skip_district) {
            Some(d) => districts.articles_naming(d),
            None => (0..library.articles.len()).collect(),
        };
        self.narrow(keep, library, entities)
    }

    /// Does article `i` pass the filters? (One check, not a pass over the library.)
    pub fn admits(&self, i: usize, library: &Library, districts: &DistrictIndex, entities: &EntityIndex) -> bool {
        i < library.articles.len()
            && self.district.as_deref().is_none_or(|d| districts.names(d, i))
            && !self.narrow(vec![i], library, entities).is_empty()
    }

    /// `keep` less the articles the entity, outlet and search filters refuse.
    fn narrow(&self, keep: Vec<usize>, library: &Library, entities: &EntityIndex) -> Vec<usize> {
        self.narrow_with(keep, library, self.naming(entities).as_deref(), &Query::parse(&self.query))
    }

    /// The articles naming the chosen entity, sorted (to look up); `None` with no entity.
    fn naming(&self, entities: &EntityIndex) -> Option<Vec<usize>> {
        let id = self.entity.as_deref()?;
        let mut naming: Vec<usize> =
            entities.get(id).map(|e| e.mentions.iter().map(|m| m.article).collect()).unwrap_or_default();
        crate::text::sort::sort_by(&mut naming, Ord::cmp);
        naming.dedup();
        Some(naming)
    }

    fn narrow_with(
        &self,
        mut keep: Vec<usize>,
        library: &Library,
        naming: Option<&[usize]>,
        query: &Query,
    ) -> Vec<usize> {
        if let Some(naming) = naming {
            keep.retain(|i| naming.binary_search(i).is_ok());
        }
        if !self.outlets.is_empty() {
            keep.retain(|&i| self.outlets.iter().any(|o| o == outlet_of(&library.articles[i])));
        }
        keep.retain(|&i| query.matches(&library.articles[i]));
        keep
    }

    /// The first article shown, without working out all of them: the filters run on a few
    /// hundred articles at a time and stop at the first that passes (a search keystroke
    /// that filters the open article out opens the first match).
    pub fn first_shown(&self, library: &Library, districts: &DistrictIndex, entities: &EntityIndex) -> Option<usize> {
        if self.sort != ListSort::Added {
            return self.shown(library, districts, entities).first().copied(); // the first in another order
        }
        let candidates: Vec<usize> = match self.district.as_deref() {
            Some(d) => districts.articles_naming(d),
            None => (0..library.articles.len()).collect(),
        };
        let (naming, query) = (self.naming(entities), Query::parse(&self.query));
        candidates
            .chunks(256)
            .find_map(|part| self.narrow_with(part.to_vec(), library, naming.as_deref(), &query).first().copied())
    }

    /// The articles shown, in the list's order.
    pub fn shown(&self, library: &Library, districts: &DistrictIndex, entities: &EntityIndex) -> Vec<usize> {
        let mut shown = self.passing(library, districts, entities, false);
        self.sort.apply(&mut shown, library);
        shown
    }

    /// `shown`, from the articles `counted_for_districts` gave (the search runs once, not twice).
    pub fn shown_within(&self, counted: &[usize], library: &Library, districts: &DistrictIndex) -> Vec<usize> {
        let mut shown = match self.district.as_deref() {
            Some(d) => counted.iter().copied().filter(|&i| districts.names(d, i)).collect(),
            None => counted.to_vec(),
        };
        self.sort.apply(&mut shown, library);
        shown
    }

    /// The articles the district table counts: every filter applies but its own.
    pub fn counted_for_districts(
        &self,
        library: &Library,
        districts: &DistrictIndex,
        entities: &EntityIndex,
    ) -> Vec<usize> {
        self.passing(library, districts, entities, true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup() -> (Library, DistrictIndex, EntityIndex) {
        let lib = crate::engine::corpus::bundled();
        let d = DistrictIndex::build(&lib.articles);
        let e = EntityIndex::build(&lib.articles);
        (lib, d, e)
    }

    #[test]
    fn the_first_shown_is_the_first_of_all_shown() {
        let (lib, d, e) = setup();
        for f in [
            Filters::default(),
            Filters { query: "sangin".into(), ..Filters::default() },
            Filters { district: Some("Musa Qala".into()), query: "taliban".into(), ..Filters::default() },
            Filters { query: "nothing-matches-this".into(), ..Filters::default() },
            Filters { sort: ListSort::Newest, ..Filters::default() },
            Filters { sort: ListSort::Title, query: "taliban".into(), ..Filters::default() },
        ] {
            assert_eq!(f.first_shown(&lib, &d, &e), f.shown(&lib, &d, &e).first().copied(), "{f:?}");
        }
    }

    #[test]
    fn address_round_trip() {
        let f = Filters {
            district: Some("Nahr-e Saraj".into()),
            outlets: vec!["Voice of America (VOA News)".into(), UNKNOWN_OUTLET.into()],
            query: "Zabiullah & co/?#".into(),
            entity: Some("person-zabiulamujaid".into()),
            sort: ListSort::Oldest,
        };
        let q = f.encode();
        assert!(!q.contains(' ') && !q.contains('#') && !q.contains('?'), "{q}");
        assert_eq!(Filters::decode(&q), f);
        assert_eq!(Filters::default().encode(), "");
        assert!(Filters::decode("").is_empty());
        let sorted = Filters { sort: ListSort::Newest, ..Filters::default() };
        assert_eq!(sorted.encode(), "sort=newest");
        assert!(!sorted.narrows() && !sorted.is_empty());
        assert_eq!(Filters::decode("sort=bogus").sort, ListSort::Added, "an unknown order is the default");
    }

    #[test]
    fn describing_the_filters_names_the_entity() {
        let f = Filters {
            district: Some("Sangin".into()),
            query: " poppy ".into(),
            entity: Some("person-x".into()),
            ..Filters::default()
        };
        assert_eq!(
            f.describe(Some("Gulab Mangal")),
            "the district Sangin, the search “poppy”, and naming Gulab Mangal"
        );
        assert_eq!(f.describe(None), "the district Sangin, the search “poppy”, and the chosen entity");
        assert_eq!(Filters { outlets: vec!["BBC".into()], ..Filters::default() }.describe(None), "the source BBC");
        assert_eq!(f.cleared(), Filters::default());
        assert_eq!(Filters { sort: ListSort::Title, ..f }.cleared().sort, ListSort::Title, "clearing keeps the order");
    }

    #[test]
    fn malformed_addresses_are_read_as_far_as_they_go() {
        let f = Filters::decode("?district=Musa%20Qala&bogus=1&source=&q=%ZZ%&&=x&entity");
        assert_eq!(f.district.as_deref(), Some("Musa Qala"));
        assert!(f.outlets.is_empty() && f.entity.is_none());
        assert_eq!(f.query, "%ZZ%");
        assert_eq!(percent_decode("%E2%80%99s+x%FF"), "’s x\u{fffd}");
    }

    #[test]
    fn shown_within_the_counted_is_shown() {
        let (lib, d, e) = setup();
        let f = Filters { district: Some("Musa Qala".into()), query: "taliban".into(), ..Filters::default() };
        let shown = f.shown(&lib, &d, &e);
        for i in 0..lib.articles.len() {
            assert_eq!(f.admits(i, &lib, &d, &e), shown.contains(&i), "article {i}");
        }
        assert!(!f.admits(99, &lib, &d, &e));
        for f in [
            Filters { district: Some("Musa Qala".into()), ..Filters::default() },
            Filters { district: Some("Lashkar Gah".into()), query: "taliban".into(), ..Filters::default() },
            Filters { outlets: vec!["Sputnik News".into()], ..Filters::default() },
            Filters::default(),
        ] {
            assert_eq!(
                f.shown_within(&f.counted_for_districts(&lib, &d, &e), &lib, &d),
                f.shown(&lib, &d, &e),
                "{f:?}"
            );
        }
    }

    #[test]
    fn filters_combine() {
        let (lib, d, e) = setup();
        let ids = |v: Vec<usize>| v.into_iter().map(|i| lib.articles[i].id[..3].to_string()).collect::<Vec<_>>();
        let mq = Filters { district: Some("Musa Qala".into()), ..Default::default() };
        assert_eq!(ids(mq.shown(&lib, &d, &e)), ["000", "001", "002"]);
        let mq_sputnik = Filters { outlets: vec!["Sputnik News".into()], ..mq.clone() };
        assert_eq!(ids(mq_sputnik.shown(&lib, &d, &e)), ["002"]);
        assert_eq!(
            ids(mq_sputnik.counted_for_districts(&lib, &d, &e)),
            ["002"],
            "the district table counts the other filters"
        );
        let unknown = Filters { outlets: vec![UNKNOWN_OUTLET.into()], ..Default::default() };
        assert_eq!(ids(unknown.shown(&lib, &d, &e)), ["004"]);
        let search = Filters { query: "mellbin".into(), ..Default::default() };
        assert_eq!(ids(search.shown(&lib, &d, &e)), ["000"]);
        let none = Filters { query: "mellbin".into(), district: Some("Nawa-i-Barakzayi".into()), ..Default::default() };
        assert!(none.shown(&lib, &d, &e).is_empty());
        let entity = Filters {
            entity: Some(e.entities.iter().find(|x| x.name == "Zabihullah Mujahid").unwrap().id.clone()),
            ..Default::default()
        };
        assert_eq!(ids(entity.shown(&lib, &d, &e)), ["003", "004"]);
    }

    #[test]
    fn outlets_with_counts_unknown_last() {
        let (lib, _, _) = setup();
        let o = outlets(&lib);
        // every outlet once, counts adding up to the library, by name, the unknown last
        let distinct: std::collections::HashSet<&str> = lib.articles.iter().map(|a| outlet_of(a)).collect();
        assert_eq!(o.len(), distinct.len());
        assert_eq!(o.iter().map(|(_, n)| n).sum::<usize>(), lib.articles.len());
        assert_eq!(o.last().unwrap().0, UNKNOWN_OUTLET);
        let named: Vec<String> = o[..o.len() - 1].iter().map(|(n, _)| n.to_lowercase()).collect();
        assert!(named.windows(2).all(|w| w[0] <= w[1]), "{named:?}");
    }
}
