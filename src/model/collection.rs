//! The library as it changes: the bundled articles plus the user's imports, with the
//! entity and district indexes rebuilt on each change, and the report of the last import
//! (one line a file or article, added or refused with the reason). The app applies the
//! import worker's outcomes here and saves what this says was added.

use std::collections::HashSet;
use std::rc::Rc;

use crate::model::article::Article;
use crate::model::districts::DistrictIndex;
use crate::model::entity_index::EntityIndex;
use crate::model::job::{duplicate, message, Outcome, Ready, PASTED};
use crate::model::library::Library;
use crate::model::record::StoredArticle;

/// One line of the import report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportLine {
    pub name: String,
    pub text: String,
    /// The article added, or `None` when refused.
    pub added: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Collection {
    pub library: Rc<Library>,
    pub index: Rc<EntityIndex>,
    pub districts: Rc<DistrictIndex>,
    pub report: Vec<ReportLine>,
    /// Ids of saved records not in the library (unreadable, from a newer version, or not
    /// read this time): an import must not take one, or it would overwrite that record.
    pub reserved: HashSet<String>,
}

impl Collection {
    pub fn new(library: Library) -> Self {
        let index = EntityIndex::build(&library.articles);
        let districts = DistrictIndex::build(&library.articles);
        Collection {
            library: Rc::new(library),
            index: Rc::new(index),
            districts: Rc::new(districts),
            report: Vec::new(),
            reserved: HashSet::new(),
        }
    }

    fn rebuild(&mut self, articles: Vec<Rc<Article>>) {
        let (report, reserved) = (std::mem::take(&mut self.report), std::mem::take(&mut self.reserved));
        *self = Collection { report, reserved, ..Collection::new(Library { articles }) };
    }

    /// The saved records of the imported articles, in the order they were added.
    pub fn imported(&self) -> Vec<StoredArticle> {
        self.library.articles.iter().filter_map(|a| a.stored.clone()).collect()
    }

    /// Adds what the worker made of a user's import; each outcome gets a report line.
    /// Returns the articles added (to save).
    pub fn import(&mut self, outcomes: Vec<Outcome>) -> Vec<Rc<Article>> {
        let mut articles = self.library.articles.clone();
        let mut added = Vec::new();
        for o in outcomes {
            match o {
                Outcome::Refused { name, reason } => {
                    self.report.push(ReportLine { text: message(&name, &reason), name, added: None });
                }
                // the page merges these with its own highlights (`Highlights::merge`)
                Outcome::Highlights { .. } => {}
                Outcome::Ready(ready) => {
                    let Ready { from: name, article: mut a } = *ready;
                    // an id already taken (an export whose text was changed by hand) gets a
                    // fresh one, so one record never overwrites another
                    let base = a.id.clone();
                    for n in 2.. {
                        if !articles.iter().any(|b| b.id == a.id) && !self.reserved.contains(&a.id) {
                            break;
                        }
                        a.id = format!("{base}-{n}");
                    }
                    if let Some(rec) = a.stored.as_mut() {
                        rec.id = a.id.clone();
                    }
                    if let Some(twin) = articles.iter().find(|b| b.same_text(&a)) {
                        self.report.push(ReportLine { text: duplicate(&name, &twin.title), name, added: None });
                        continue;
                    }
                    self.report.push(ReportLine {
                        text: format!("{name}: added “{}”.", a.title),
                        name,
                        added: Some(a.id.clone()),
                    });
                    let a = Rc::new(a);
                    added.push(a.clone());
                    articles.push(a);
                }
            }
        }
        if !added.is_empty() {
            self.rebuild(articles);
        }
        added
    }

    /// Adds articles silently (the bundled corpus, saved imports), skipping ids already
    /// in the library; returns those added.
    pub fn add(&mut self, new: Vec<Article>) -> Vec<Rc<Article>> {
        let mut articles = self.library.articles.clone();
        // 10,000 saved articles come back at once: look ids up, do not scan for each
        let mut ids: std::collections::HashSet<String> = articles.iter().map(|a| a.id.clone()).collect();
        let mut added = Vec::new();
        for a in new {
            if ids.insert(a.id.clone()) {
                let a = Rc::new(a);
                added.push(a.clone());
                articles.push(a);
            }
        }
        if !added.is_empty() {
            self.rebuild(articles);
        }
        added
    }

    /// Adds what the worker read again from older saved records; returns those added and
    /// the refusals, as (name, reason).
    pub fn restore(&mut self, outcomes: Vec<Outcome>) -> (Vec<Rc<Article>>, Vec<(String, String)>) {
        let mut ready = Vec::new();
        let mut refused = Vec::new();
        for o in outcomes {
            match o {
                Outcome::Refused { name, reason } => refused.push((name, reason)),
                Outcome::Ready(r) => ready.push(r.article),
                Outcome::Highlights { .. } => {}
            }
        }
        (self.add(ready), refused)
    }

    /// Puts an edited article in place of the one with its id; `None` if it is gone.
    pub fn replace(&mut self, ready: Ready) -> Option<Rc<Article>> {
        let a = Rc::new(ready.article);
        let mut articles = self.library.articles.clone();
        let slot = articles.iter_mut().find(|b| b.id == a.id && b.is_imported())?;
        *slot = a.clone();
        self.rebuild(articles);
        Some(a)
    }

    /// Removes an imported article; returns it (to undo with).
    pub fn remove(&mut self, id: &str) -> Option<Rc<Article>> {
        let mut articles = self.library.articles.clone();
        let at = articles.iter().position(|a| a.id == id && a.is_imported())?;
        let gone = articles.remove(at);
        self.rebuild(articles);
        Some(gone)
    }
}

/// The report's headline: what was added, and what was refused in words that fit it (a
/// paste is no file; an export holding 24 articles is one file).
pub fn summary(report: &[ReportLine]) -> String {
    let count = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    let added = report.iter().filter(|l| l.added.is_some()).count();
    let refused: Vec<&ReportLine> = report.iter().filter(|l| l.added.is_none()).collect();
    let mut sources: Vec<&str> = refused.iter().map(|l| l.name.as_str()).collect();
    sources.sort_unstable();
    sources.dedup();
    let why = match (refused.len(), sources.as_slice()) {
        (0, _) => String::new(),
        (1, [PASTED]) => "the pasted text was refused".to_string(),
        (1, [name]) => format!("“{name}” was refused"),
        (r, [name]) => format!("{} of “{name}” were refused", count(r, "article", "articles")),
        (r, names) if names.len() == r => format!("{} were refused", count(r, "file", "files")),
        (r, names) => {
            format!("{} from {} were refused", count(r, "article", "articles"), count(names.len(), "file", "files"))
        }
    };
    match (added, why.is_empty()) {
        (a, true) => format!("Imported {}.", count(a, "article", "articles")),
        (0, false) => format!("Nothing imported: {why}."),
        (a, false) => format!("Imported {}; {why}.", count(a, "article", "articles")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::run::run;
    use crate::model::job::Job;

    fn file(name: &str, text: &str) -> Vec<Outcome> {
        run(Job::File { name: name.into(), added: "2026-11-21T09:00:00Z".into() }, text.as_bytes())
    }

    #[test]
    fn imports_join_the_library_and_its_indexes() {
        let mut c = Collection::new(crate::engine::corpus::bundled());
        let bundled = c.library.articles.len();
        let before = c
            .districts
            .rows(&(0..bundled).collect::<Vec<_>>(), crate::model::districts::DistrictSort::Name)
            .into_iter()
            .find(|r| r.name == "Washir")
            .unwrap()
            .articles;
        let saved = c.import(file(
            "washir.txt",
            "Clinic opens in Washir\n\nA clinic opened in Washir district of Helmand on Monday.",
        ));
        assert_eq!(saved.len(), 1);
        assert_eq!(c.library.articles.len(), bundled + 1);
        let all: Vec<usize> = (0..=bundled).collect();
        let after = c
            .districts
            .rows(&all, crate::model::districts::DistrictSort::Name)
            .into_iter()
            .find(|r| r.name == "Washir")
            .unwrap()
            .articles;
        assert_eq!(after, before + 1, "the sidebar counts the import");
        assert_eq!(c.report[0].added.as_deref(), Some(saved[0].id.as_str()));
        assert_eq!(c.imported(), vec![saved[0].stored.clone().unwrap()]);
    }

    #[test]
    fn a_second_copy_is_refused_and_the_rest_of_the_batch_goes_in() {
        let mut c = Collection::new(crate::engine::corpus::bundled());
        let seed = crate::engine::seeds::SEEDS[0];
        let mut outcomes = file("copy.txt", seed.text);
        outcomes.extend(file("new.txt", "Flood in Nad-e Ali\n\nFlooding hit Nad-e Ali."));
        outcomes.extend(file("again.txt", "Flood in Nad-e Ali\n\nFlooding  hit Nad-e Ali.\n"));
        let saved = c.import(outcomes);
        assert_eq!(saved.len(), 1);
        assert!(c.report[0].text.starts_with("copy.txt has the same text as “"), "{:?}", c.report[0]);
        assert!(c.report[0].text.contains(seed.title));
        assert!(c.report[2].text.contains("“Flood in Nad-e Ali”"));
    }

    #[test]
    fn an_id_already_taken_gets_a_fresh_one() {
        let mut c = Collection::new(crate::engine::corpus::bundled());
        let rec = c.import(file("a.txt", "Title\n\nFighting in Sangin.")).remove(0).stored.clone().unwrap();
        let edited = StoredArticle { text: format!("{}\nMore fighting in Garmsir.", rec.text), ..rec.clone() };
        let json = crate::model::export::export_json(&[edited], "2026-11-21");
        let again = c.import(file("backup.json", &json));
        assert_eq!(again.len(), 1, "{:?}", c.report);
        assert_eq!(again[0].id, format!("{}-2", rec.id));
        assert_eq!(again[0].stored.as_ref().unwrap().id, again[0].id, "the record is saved under the new id");
        assert_eq!(c.report.last().unwrap().name, "backup.json", "the report names the file given");
        assert!(c.library.get(&rec.id).is_some() && c.library.get(&again[0].id).is_some());
    }

    #[test]
    fn an_id_held_by_an_unread_saved_record_is_not_taken() {
        let mut c = Collection::new(crate::engine::corpus::bundled());
        let text = "Title\n\nFighting in Sangin.";
        let id = match &file("a.txt", text)[0] {
            Outcome::Ready(r) => r.article.id.clone(),
            other => panic!("{other:?}"),
        };
        c.reserved.insert(id.clone());
        let added = c.import(file("a.txt", text));
        assert_eq!(added[0].id, format!("{id}-2"), "the unreadable record under {id} is left alone");
    }

    #[test]
    fn rename_replaces_and_remove_gives_the_record_back() {
        let mut c = Collection::new(crate::engine::corpus::bundled());
        let rec = c.import(file("a.txt", "Old title\n\nFighting in Sangin.")).remove(0).stored.clone().unwrap();
        let details = crate::model::record::Details {
            title: "New title".into(),
            outlet: "The Helmand Post".into(),
            date: "2010-01-02".into(),
            ..Default::default()
        };
        let edited = rec.renamed(&details).unwrap();
        let Outcome::Ready(ready) = run(Job::Stored(edited), &[]).remove(0) else { panic!() };
        assert!(c.replace(*ready).is_some());
        let a = c.library.get(&rec.id).unwrap();
        assert_eq!(
            (a.title.as_str(), a.outlet_label(), a.date_label().as_str()),
            ("New title", "The Helmand Post", "2 Jan 2010")
        );
        assert_eq!(a.body.body_text(), "Fighting in Sangin.", "the file's own headline does not come back as text");
        assert_eq!(c.remove(&rec.id).map(|r| r.title.clone()), Some("New title".to_string()));
        assert!(c.library.get(&rec.id).is_none());
        assert_eq!(c.remove(crate::engine::seeds::SEEDS[0].id), None, "bundled articles cannot be deleted");
    }

    #[test]
    fn restore_skips_what_it_cannot_read() {
        let mut c = Collection::new(crate::engine::corpus::bundled());
        let rec = c.clone().import(file("a.txt", "T\n\nText in Garmsir.")).remove(0).stored.clone().unwrap();
        let mut outcomes = run(Job::Stored(rec.clone()), &[]);
        outcomes.extend(run(Job::Stored(StoredArticle { v: 7, ..rec.clone() }), &[]));
        let (added, refused) = c.restore(outcomes);
        assert_eq!(added.len(), 1);
        assert_eq!(
            refused,
            vec![(
                "A saved article".to_string(),
                "could not be read: it was saved by a newer version of Helmand Reader (format 7)".to_string()
            )]
        );
        assert_eq!(c.imported().len(), 1);
        assert!(c.add(vec![added[0].as_ref().clone()]).is_empty(), "an id already there is not added twice");
    }

    #[test]
    fn the_summary_counts_what_each_import_was() {
        let line = |name: &str, added: bool| ReportLine {
            name: name.into(),
            text: String::new(),
            added: added.then(|| "id".to_string()),
        };
        assert_eq!(summary(&[line(PASTED, false)]), "Nothing imported: the pasted text was refused.");
        assert_eq!(summary(&[line(PASTED, true)]), "Imported 1 article.");
        let export: Vec<ReportLine> = (0..24).map(|_| line("helmand-export.json", false)).collect();
        assert_eq!(summary(&export), "Nothing imported: 24 articles of “helmand-export.json” were refused.");
        assert_eq!(
            summary(&[line("a.txt", false), line("b.png", false), line("c.md", true)]),
            "Imported 1 article; 2 files were refused."
        );
        assert_eq!(summary(&[line("a.txt", false)]), "Nothing imported: “a.txt” was refused.");
        let mixed = [
            line("x.json", false),
            line("x.json", false),
            line("y.txt", false),
            line("z.txt", true),
            line("z2.txt", true),
        ];
        assert_eq!(summary(&mixed), "Imported 2 articles; 3 articles from 2 files were refused.");
    }
}
