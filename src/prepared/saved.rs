//! The imports saved in the browser, read back: what each record is (an article ready to
//! show, an earlier version's JSON for the worker to read again, a newer version's record
//! to leave alone, a damaged record whose text can be prepared again, or one that cannot be
//! read), the order they come back in, and what the page says about those it cannot show.

use crate::model::article::Article;
use crate::model::record::StoredArticle;
use crate::prepared::article::{decode_article, salvage_record, ARTICLE_MAGIC_1, NEWER};
use crate::text::wording::count;

/// What one saved record is.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Prepared by this version: shown as it is.
    Ready(Box<Article>),
    /// The JSON form of earlier versions: the worker reads it again.
    Older(String),
    /// Saved by a newer version: left as it is, for that version.
    Newer,
    /// Damaged after the user's text (which comes first): prepared again from the record.
    Salvaged(Box<StoredArticle>),
    /// Not readable, and why.
    Unreadable(String),
}

/// What the record saved under `key` is (`None`: a value that is not text).
pub fn read_saved(key: &str, value: Option<String>) -> Saved {
    let Some(text) = value else { return Saved::Unreadable("it is not a record Helmand Reader wrote".into()) };
    // JSON of the first versions, or prepared before claims were found: the worker reads
    // it again (from the record, which comes first)
    if !text.starts_with("HRA") || text.starts_with(ARTICLE_MAGIC_1) {
        return Saved::Older(text);
    }
    match decode_article(&text) {
        Ok(a) if a.id != key => Saved::Unreadable("it is filed under another article's id".into()),
        Ok(a) if a.stored.is_some() => Saved::Ready(Box::new(a)),
        Ok(_) => Saved::Unreadable("it is not an imported article".into()),
        Err(why) if why == NEWER => Saved::Newer,
        Err(why) => match salvage_record(&text).filter(|rec| rec.id == key) {
            Some(rec) => Saved::Salvaged(Box::new(rec)),
            None => Saved::Unreadable(format!("it is not a readable record ({why})")),
        },
    }
}

/// The saved articles in the order they were imported (then by id): the list after a
/// reload is the list before it.
pub fn in_import_order(articles: &mut Vec<Article>) {
    fn added(x: &Article) -> Option<&str> {
        x.stored.as_ref().map(|r| r.added.as_str())
    }
    crate::text::sort::sort_by(articles, |a, b| added(a).cmp(&added(b)).then_with(|| a.id.cmp(&b.id)));
}

/// Older records in batches of about 1 MB: few trips to the worker, and progress to show.
pub fn batches(records: Vec<(String, String)>) -> Vec<Vec<(String, String)>> {
    let mut out: Vec<Vec<(String, String)>> = Vec::new();
    let mut size = usize::MAX;
    for r in records {
        if size > 1 << 20 {
            out.push(Vec::new());
            size = 0;
        }
        size += r.1.len();
        if let Some(b) = out.last_mut() {
            b.push(r);
        }
    }
    out
}

/// What the page says of records a newer version saved (`keys` not empty).
pub fn newer_notice(keys: &[String]) -> String {
    let one = keys.len() == 1;
    format!(
        "{} saved by a newer version of Helmand Reader {} left as {} ({}): open that version to read {}.",
        count(keys.len(), "article"),
        if one { "is" } else { "are" },
        if one { "it is" } else { "they are" },
        keys.iter().map(|k| format!("“{k}”")).collect::<Vec<_>>().join(", "),
        if one { "it" } else { "them" },
    )
}

/// What the page says of records it could not read, as (key, why) (`problems` not empty).
pub fn unreadable_notice(problems: &[(String, String)]) -> String {
    let n = problems.len();
    let list: Vec<String> = problems.iter().map(|(k, why)| format!("“{k}”: {why}")).collect();
    format!(
        "{} could not be read and {} left out ({}). The bundled articles and your other imports are shown.",
        if n == 1 { "1 saved article".to_string() } else { format!("{n} saved articles") },
        if n == 1 { "was" } else { "were" },
        list.join("; ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::article::from_record;
    use crate::import::export::encode_record;
    use crate::import::plain_text::plain_text;
    use crate::prepared::article::encode_article;

    fn article(text: &str, added: &str) -> Article {
        from_record(StoredArticle::new(plain_text(text, "t.txt"), "t.txt", added))
    }

    #[test]
    fn each_saved_record_is_sorted_out() {
        let a = article("Fighting in Sangin\n\nMarines fought in Sangin on Monday.", "2026-11-21T09:00:00Z");
        let prepared = encode_article(&a);
        assert_eq!(read_saved(&a.id, Some(prepared.clone())), Saved::Ready(Box::new(a.clone())));
        assert_eq!(
            read_saved("imported-other", Some(prepared.clone())),
            Saved::Unreadable("it is filed under another article's id".into())
        );
        assert!(matches!(read_saved(&a.id, None), Saved::Unreadable(why) if why.contains("not a record")));
        let json = encode_record(a.stored.as_ref().unwrap());
        assert_eq!(read_saved(&a.id, Some(json.clone())), Saved::Older(json));
        let newer = prepared.replacen("HRA2", "HRA9", 1);
        assert_eq!(read_saved(&a.id, Some(newer)), Saved::Newer);
        // cut after the record: the text is intact, so it is prepared again
        let cut = &prepared[..prepared.len() - 20];
        assert_eq!(read_saved(&a.id, Some(cut.to_string())), Saved::Salvaged(Box::new(a.stored.clone().unwrap())));
        assert!(
            matches!(read_saved(&a.id, Some("HRA2 garbage".into())), Saved::Unreadable(why) if why.contains("not a readable record"))
        );
    }

    #[test]
    fn articles_prepared_before_claims_are_prepared_again_with_them() {
        let a =
            article("Sangin falls\n\nThe Taliban captured Sangin on Monday, officials said.", "2026-11-21T09:00:00Z");
        assert!(!a.claims.events.is_empty(), "the import finds the fall");
        let first = encode_article(&a).replacen("HRA2", "HRA1", 1);
        assert_eq!(read_saved(&a.id, Some(first.clone())), Saved::Older(first.clone()));
        let out = crate::import::run::run(crate::model::job::Job::Restore(vec![(a.id.clone(), first)]), &[]);
        match &out[..] {
            [crate::model::job::Outcome::Ready(r)] => assert_eq!(r.article, a),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn saved_articles_come_back_in_the_order_they_were_imported() {
        let late = article("Later\n\nText about Garmsir.", "2026-11-22T09:00:00Z");
        let early = article("Earlier\n\nText about Nawzad.", "2026-11-21T09:00:00Z");
        let mut v = vec![late.clone(), early.clone()];
        in_import_order(&mut v);
        assert_eq!(v, [early, late]);
    }

    #[test]
    fn older_records_go_in_batches_of_about_a_megabyte() {
        let rec = |n: usize| (format!("k{n}"), "x".repeat(600 << 10));
        let b = batches((0..5).map(rec).collect());
        assert_eq!(b.iter().map(Vec::len).collect::<Vec<_>>(), [2, 2, 1]);
        assert!(batches(Vec::new()).is_empty());
    }

    #[test]
    fn notices_agree_with_their_numbers() {
        assert_eq!(newer_notice(&["a".into()]), "1 article saved by a newer version of Helmand Reader is left as it is (“a”): open that version to read it.");
        assert!(newer_notice(&["a".into(), "b".into()])
            .starts_with("2 articles saved by a newer version of Helmand Reader are left as they are (“a”, “b”)"));
        assert_eq!(
            unreadable_notice(&[("k".into(), "it is damaged".into())]),
            "1 saved article could not be read and was left out (“k”: it is damaged). The bundled articles and your other imports are shown."
        );
        assert!(unreadable_notice(&[("a".into(), "x".into()), ("b".into(), "y".into())])
            .starts_with("2 saved articles could not be read and were left out (“a”: x; “b”: y)"));
    }
}
