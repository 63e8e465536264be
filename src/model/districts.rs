//! Helmand's districts across the articles: which articles name each district, how often,
//! and in which sentences. A district counts as named when the district itself, a spelling
//! variant, its centre, or a place the gazetteer puts inside it (a village, a base, a dam)
//! is named; the mapping of places to districts is data (`data/gazetteer.toml`, with the
//! source of each fact).

use crate::model::segments::segments;
use crate::text::snippet::sentence_around;
use std::rc::Rc;

// `HELMAND_DISTRICTS`: the 14 canonical names, from `data/gazetteer.toml` (see build.rs).
include!(concat!(env!("OUT_DIR"), "/districts.rs"));

use crate::model::article::Article;

/// The 14 canonical districts, in the gazetteer's (alphabetical) order.
pub fn helmand_districts() -> Vec<&'static str> {
    HELMAND_DISTRICTS.to_vec()
}

/// One mention of a district: article index and mention index in its annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DistrictMention {
    pub article: usize,
    pub mention: usize,
}

/// A row of the district table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictRow {
    pub name: &'static str,
    /// Articles (among those counted) that name the district.
    pub articles: usize,
    pub mentions: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DistrictSort {
    /// Most articles first, then most mentions, then name: the busiest districts on top.
    #[default]
    Count,
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DistrictIndex {
    /// For each district of `helmand_districts()`, its mentions in article order.
    pub mentions: Vec<(&'static str, Vec<DistrictMention>)>,
    /// For each district, the articles naming it, sorted (to look up, not to scan).
    articles: Vec<Vec<usize>>,
}

impl DistrictIndex {
    pub fn build(articles: &[Rc<Article>]) -> Self {
        let mut mentions: Vec<(&'static str, Vec<DistrictMention>)> =
            helmand_districts().into_iter().map(|d| (d, Vec::new())).collect();
        for (ai, a) in articles.iter().enumerate() {
            for (mi, m) in a.annotation.mentions.iter().enumerate() {
                if let Some(d) = a.annotation.entities[m.entity].district {
                    if let Some((_, list)) = mentions.iter_mut().find(|(name, _)| *name == d) {
                        list.push(DistrictMention { article: ai, mention: mi });
                    }
                }
            }
        }
        let articles = mentions
            .iter()
            .map(|(_, list)| {
                let mut a: Vec<usize> = list.iter().map(|m| m.article).collect();
                a.dedup(); // mentions come in article order
                a
            })
            .collect();
        DistrictIndex { mentions, articles }
    }

    fn slot(&self, district: &str) -> Option<usize> {
        self.mentions.iter().position(|(d, _)| *d == district)
    }

    fn of(&self, district: &str) -> &[DistrictMention] {
        self.mentions.iter().find(|(d, _)| *d == district).map_or(&[], |(_, m)| m.as_slice())
    }

    /// The articles that name `district`, in library order.
    pub fn articles_naming(&self, district: &str) -> Vec<usize> {
        self.slot(district).map(|s| self.articles[s].clone()).unwrap_or_default()
    }

    /// Does article `article` name `district`?
    pub fn names(&self, district: &str, article: usize) -> bool {
        self.slot(district).is_some_and(|s| self.articles[s].binary_search(&article).is_ok())
    }

    /// All 14 rows, counting only the articles in `counted` (sorted, as the filters give
    /// them), sorted.
    pub fn rows(&self, counted: &[usize], sort: DistrictSort) -> Vec<DistrictRow> {
        let len =
            counted.iter().max().map_or(0, |m| m + 1).max(self.articles.iter().flatten().max().map_or(0, |m| m + 1));
        let mut is_counted = vec![false; len];
        for &i in counted {
            is_counted[i] = true;
        }
        let mut rows: Vec<DistrictRow> = self
            .mentions
            .iter()
            .map(|(name, list)| {
                let inside: Vec<&DistrictMention> = list.iter().filter(|m| is_counted[m.article]).collect();
                let mut arts: Vec<usize> = inside.iter().map(|m| m.article).collect();
                arts.dedup();
                DistrictRow { name, articles: arts.len(), mentions: inside.len() }
            })
            .collect();
        match sort {
            DistrictSort::Name => crate::text::sort::sort_by(&mut rows, |a, b| a.name.cmp(b.name)),
            DistrictSort::Count => crate::text::sort::sort_by(&mut rows, |a, b| {
                b.articles.cmp(&a.articles).then(b.mentions.cmp(&a.mentions)).then(a.name.cmp(b.name))
            }),
        }
        rows
    }

    /// The sentences of `article` that name `district`, each once, in reading order, with
    /// the first of their mentions (to link to it).
    pub fn sentences(&self, district: &str, article: &Article, article_index: usize) -> Vec<(String, usize)> {
        let segs = segments(&article.body);
        let mut out: Vec<(String, usize)> = Vec::new();
        // the district's mentions are in article order: this article's are one run of them
        let all = self.of(district);
        let from = all.partition_point(|m| m.article < article_index);
        let to = all.partition_point(|m| m.article <= article_index);
        for m in &all[from..to] {
            let Some(mention) = article.annotation.mentions.get(m.mention) else { continue };
            let Some(seg) = segs.get(mention.segment) else { continue };
            let sentence = sentence_around(seg.text, mention.start).trim().to_string();
            if !sentence.is_empty() && !out.iter().any(|(s, _)| *s == sentence) {
                out.push((sentence, m.mention));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fourteen_districts() {
        let d = helmand_districts();
        assert_eq!(d.len(), 14);
        let gazetteer: Vec<&str> = crate::engine::entities::gazetteer::ENTRIES
            .iter()
            .filter(|e| e.class == "helmand district")
            .map(|e| e.name)
            .collect();
        assert_eq!(d, gazetteer);
        assert!(d.contains(&"Musa Qala") && d.contains(&"Nawa-i-Barakzayi"));
    }

    #[test]
    fn musa_qala_is_named_by_the_three_2015_reports() {
        let lib = crate::engine::corpus::bundled();
        let index = DistrictIndex::build(&lib.articles);
        let ids: Vec<&str> =
            index.articles_naming("Musa Qala").into_iter().map(|i| lib.articles[i].id.as_str()).collect();
        assert_eq!(ids, ["000_913ef45cb6386b48", "001_8e3133893d3f2871", "002_8672c1db3c7ca1b2"]);
    }

    #[test]
    fn villages_count_for_their_district() {
        let lib = crate::engine::corpus::bundled();
        let index = DistrictIndex::build(&lib.articles);
        // 003 names Chahanjir, a village of Nad Ali, but never Nad Ali itself
        let nad_ali = index.articles_naming("Nad Ali");
        assert_eq!(nad_ali.iter().map(|&i| lib.articles[i].id.as_str()).collect::<Vec<_>>(), ["003_48a226dbb348ec7a"]);
    }

    #[test]
    fn rows_follow_the_counted_articles_and_sort() {
        let lib = crate::engine::corpus::bundled();
        let index = DistrictIndex::build(&lib.articles);
        let all: Vec<usize> = (0..lib.articles.len()).collect();
        let rows = index.rows(&all, DistrictSort::Count);
        assert_eq!(rows.len(), 14);
        assert_eq!(rows[0].name, "Lashkar Gah", "{rows:?}");
        assert!(rows.windows(2).all(|w| (w[0].articles, w[0].mentions) >= (w[1].articles, w[1].mentions)));
        let only_sputnik = index.rows(&[2], DistrictSort::Name);
        assert_eq!(only_sputnik[0].name, "Baghran");
        let mq = only_sputnik.iter().find(|r| r.name == "Musa Qala").unwrap();
        assert_eq!(mq.articles, 1);
        assert!(mq.mentions >= 2);
        assert_eq!(only_sputnik.iter().filter(|r| r.articles > 0).count(), 2, "Musa Qala and Nawzad");
    }

    #[test]
    fn sentences_that_name_a_district() {
        let lib = crate::engine::corpus::bundled();
        let index = DistrictIndex::build(&lib.articles);
        let a = &lib.articles[0];
        let s = index.sentences("Musa Qala", a, 0);
        assert!(
            s.iter().any(|(x, _)| x.starts_with("A furious counter-assault") && x.ends_with("since 2007.")),
            "{s:#?}"
        );
        assert!(s.iter().all(|(x, _)| x.contains("Musa Qala")));
        let segs = segments(&a.body);
        for (sentence, m) in &s {
            let mention = &a.annotation.mentions[*m];
            assert!(
                sentence.contains(&segs[mention.segment].text[mention.start..mention.end]),
                "the link goes to a mention in the sentence"
            );
        }
        assert_eq!(sentence_around("Gen. Miller said so. Then Sangin fell.", 30), "Then Sangin fell.");
    }

    #[test]
    fn sentences_keep_their_quotes_whole() {
        let t = "Police fled. “The district has fallen to the police,” he said. “Sangin is quiet.”";
        assert_eq!(
            sentence_around(t, t.find("district").unwrap()).trim(),
            "“The district has fallen to the police,” he said."
        );
        assert_eq!(sentence_around(t, t.find("Sangin").unwrap()).trim(), "“Sangin is quiet.”");
        let s = "He spoke. \"We held Nawzad. Then they came,\" he said. Later, calm.";
        assert_eq!(
            sentence_around(s, s.find("Then").unwrap()).trim(),
            "\"We held Nawzad. Then they came,\" he said.",
            "the whole quotation"
        );
        assert_eq!(
            sentence_around(s, s.find("Nawzad").unwrap()).trim(),
            "\"We held Nawzad. Then they came,\" he said."
        );
        assert_eq!(sentence_around(s, s.find("calm").unwrap()).trim(), "Later, calm.");
        // an unbalanced quote widens at most a few sentences, and never panics
        let odd = "“One. Two. Three. Four. Five. Six. Seven. Sangin.";
        assert!(sentence_around(odd, odd.find("Sangin").unwrap()).len() < odd.len());
    }
}
