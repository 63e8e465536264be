//! An imported record made ready for the reader (in the import worker): cleaned, annotated
//! and its words listed.

use crate::engine::annotate::annotate_article;
use crate::engine::clean::{clean, Hints};
use crate::model::article::Article;
use crate::model::record::StoredArticle;

/// Cleans and annotates an imported article (in the import worker: this is the heavy part).
pub fn from_record(rec: StoredArticle) -> Article {
    let headline = rec.headline.as_deref().unwrap_or(&rec.title);
    let body = clean(&rec.text, Hints { title: Some(headline), outlet: rec.outlet.as_deref() });
    let annotation = annotate_article(&body);
    let mut article = Article::from_parts(rec, body, annotation, None);
    article.claims = crate::engine::claims::extract(&article.body, &article.annotation, article.date.as_deref());
    article
}
