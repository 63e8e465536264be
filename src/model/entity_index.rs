//! The entities of all articles together: one entry per entity id, its canonical name
//! and every mention, for the entity index panel and the mention tooltips.

use std::collections::HashMap;

use crate::model::entity::EntityType;
use crate::model::segments::segments;
use crate::text::snippet::around;
use std::rc::Rc;

use crate::model::article::Article;

/// One mention: article `article` (index in the library), mention `mention` of its annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionRef {
    pub article: usize,
    pub mention: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedEntity {
    pub id: String,
    pub ty: EntityType,
    /// The name most articles give it (the longest on a tie).
    pub name: String,
    pub mentions: Vec<MentionRef>,
}

impl IndexedEntity {
    /// How many distinct articles mention it.
    pub fn article_count(&self) -> usize {
        let mut a: Vec<usize> = self.mentions.iter().map(|m| m.article).collect();
        a.dedup();
        a.len()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityIndex {
    pub entities: Vec<IndexedEntity>,
    by_id: HashMap<String, usize>,
}

impl EntityIndex {
    pub fn build(articles: &[Rc<Article>]) -> Self {
        let mut index = EntityIndex::default();
        let mut names: Vec<HashMap<&str, usize>> = Vec::new();
        for (ai, a) in articles.iter().enumerate() {
            // each of the article's entities is looked up once, not at each mention (10,000
            // articles hold some 350,000 mentions); one never mentioned is left out
            let mut mentions = vec![0; a.annotation.entities.len()];
            for m in &a.annotation.mentions {
                mentions[m.entity] += 1;
            }
            let slots: Vec<usize> = a
                .annotation
                .entities
                .iter()
                .zip(&mentions)
                .map(|(e, &n)| match index.by_id.get(&e.id) {
                    _ if n == 0 => usize::MAX,
                    Some(&slot) => slot,
                    None => {
                        index.by_id.insert(e.id.clone(), index.entities.len());
                        index.entities.push(IndexedEntity {
                            id: e.id.clone(),
                            ty: e.ty,
                            name: e.name.clone(),
                            mentions: Vec::new(),
                        });
                        names.push(HashMap::new());
                        index.entities.len() - 1
                    }
                })
                .collect();
            for (mi, m) in a.annotation.mentions.iter().enumerate() {
                index.entities[slots[m.entity]].mentions.push(MentionRef { article: ai, mention: mi });
            }
            for ((e, &slot), n) in a.annotation.entities.iter().zip(&slots).zip(mentions).filter(|(_, n)| *n > 0) {
                *names[slot].entry(e.name.as_str()).or_default() += n;
            }
        }
        for (e, counts) in index.entities.iter_mut().zip(names) {
            if let Some((name, _)) =
                counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(a.0)))
            {
                e.name = name.to_string();
            }
        }
        index
    }

    pub fn get(&self, id: &str) -> Option<&IndexedEntity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// Mentions across all articles.
    pub fn count(&self, id: &str) -> usize {
        self.get(id).map_or(0, |e| e.mentions.len())
    }

    /// The entities mentioned in the given articles, by type, most mentioned first, each
    /// with its mention count in those articles.
    pub fn grouped(&self, articles: &[usize]) -> Vec<(EntityType, Vec<(&IndexedEntity, usize)>)> {
        EntityType::ALL
            .into_iter()
            .map(|ty| {
                let mut list: Vec<(&IndexedEntity, usize)> = self
                    .entities
                    .iter()
                    .filter(|e| e.ty == ty)
                    .map(|e| (e, e.mentions.iter().filter(|m| articles.contains(&m.article)).count()))
                    .filter(|(_, n)| *n > 0)
                    .collect();
                crate::text::sort::sort_by(&mut list, |a, b| b.1.cmp(&a.1).then_with(|| a.0.name.cmp(&b.0.name)));
                (ty, list)
            })
            .collect()
    }
}

/// The words around a mention: (before, mention, after), cut at word edges.
pub fn snippet(article: &Article, mention: usize, context: usize) -> (String, String, String) {
    let Some(m) = article.annotation.mentions.get(mention) else { return Default::default() };
    let segs = segments(&article.body);
    around(segs[m.segment].text, m.start, m.end, context)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_across_articles_are_one_entity() {
        let lib = crate::engine::corpus::bundled();
        let index = EntityIndex::build(&lib.articles);
        let mujahid = index.entities.iter().find(|e| e.name == "Zabihullah Mujahid").expect("indexed");
        assert_eq!(mujahid.ty, EntityType::Person);
        assert_eq!(mujahid.article_count(), 2, "003 spells Zabihullah, 004 Zabiullah");
        let afghan = index
            .entities
            .iter()
            .find(|e| e.mentions.len() >= 3 && e.name.ends_with("Afghan") && e.ty == EntityType::Person)
            .expect("Ataullah Afghan");
        assert_eq!(afghan.article_count(), 2, "Ataullah (003) and Attaullah (004) Afghan");
        let nawzad = index.get("place-nawzad").expect("Nawzad");
        assert_eq!(nawzad.article_count(), 3, "Nawzad in 000 and 002, Naw Zad in 001");
        assert!(index.count("org-taliban") >= 40);
    }

    #[test]
    fn grouping_counts_only_the_given_articles() {
        let lib = crate::engine::corpus::bundled();
        let index = EntityIndex::build(&lib.articles);
        let groups = index.grouped(&[3]);
        let people: Vec<&str> = groups[0].1.iter().map(|(e, _)| e.name.as_str()).collect();
        assert!(people.contains(&"Zabihullah Mujahid") && !people.contains(&"Joe Biden"), "{people:?}");
        let (_, taliban) = groups[1].1.iter().find(|(e, _)| e.name == "Taliban").unwrap();
        assert!(*taliban < index.count("org-taliban"));
    }

    #[test]
    fn snippets_cut_at_words() {
        let lib = crate::engine::corpus::bundled();
        let a = &lib.articles[3];
        let (i, _) = a
            .annotation
            .mentions
            .iter()
            .enumerate()
            .find(|(_, m)| a.annotation.entities[m.entity].name == "Zabihullah Mujahid")
            .unwrap();
        let (before, text, after) = snippet(a, i, 40);
        assert_eq!(text, "Zabihullah Mujahid");
        assert!(before.starts_with('…') && after.ends_with('…'), "{before}|{after}");
    }
}
