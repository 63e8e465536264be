//! Text without markup (pasted, or a `.txt` file, or what Markdown leaves) made a draft
//! article by the page-text reader (`text_page.rs`), and titles from file names.

use crate::model::file_check::{Rejection, MAX_BYTES};
use crate::model::record::Draft;

/// Plain text, read as a page's text (`text_page.rs`): its headline, byline, date and
/// publisher, and its body; with no headline, the title is made from the file name.
pub fn plain_text(text: &str, name: &str) -> Draft {
    plain_text_titled(text, name, None)
}

/// The same, for a text whose title is known (a Markdown heading): no line is guessed for it.
pub fn plain_text_titled(text: &str, name: &str, title_given: Option<&str>) -> Draft {
    let page = crate::import::text_page::read_titled(text, title_given);
    let title = page.title.clone().unwrap_or_else(|| title_from_name(name));
    // the title stays at the top of the text, as the cleaner expects it (it drops it there)
    let body =
        if page.title.is_some() && title_given.is_none() { format!("{title}\n\n{}", page.body) } else { page.body };
    Draft {
        title,
        author: page.byline,
        date: page.date,
        outlet: page.outlet,
        url: page.url,
        text: body,
        ..Draft::default()
    }
}

/// Short, and not a sentence run on for lines.
pub fn looks_like_title(line: &str) -> bool {
    let words = line.split_whitespace().count();
    (1..=30).contains(&words) && line.chars().count() <= 200
}

/// `helmand_report-2009.txt` -> `helmand report 2009`.
pub fn title_from_name(name: &str) -> String {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let words: Vec<&str> = stem.split(['_', '-', ' ', '.']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        "Untitled article".to_string()
    } else {
        words.join(" ")
    }
}

/// A pasted text: the title the user gave, or its first line, as for a file.
pub fn pasted(title: &str, text: &str) -> Result<Draft, Rejection> {
    if text.trim().is_empty() {
        return Err(Rejection::Empty);
    }
    if text.len() > MAX_BYTES {
        return Err(Rejection::TooLarge { bytes: text.len() });
    }
    let mut draft = plain_text(text, "Pasted text");
    if !title.trim().is_empty() {
        draft.title = title.trim().to_string();
    }
    Ok(draft)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_titles() {
        let d = plain_text("Fighting in Sangin\n\nBy A Reporter\n\nText.", "x.txt");
        assert_eq!(d.title, "Fighting in Sangin");
        let long = "word ".repeat(60);
        assert_eq!(plain_text(&long, "notes/helmand_field-notes.txt").title, "helmand field notes");
        assert_eq!(title_from_name(".txt"), "Untitled article");
    }

    #[test]
    fn pasted_text_takes_the_given_title() {
        assert_eq!(pasted("My title", "First line\nBody").unwrap().title, "My title");
        assert_eq!(pasted("", "First line\nBody").unwrap().title, "First line");
        assert_eq!(pasted("t", " \n "), Err(Rejection::Empty));
    }
}
