//! Citations of articles: "Copy citation" gives a readable one, and the shown articles export
//! as CSL-JSON and BibTeX for reference managers (Zotero and the like). The page carries no
//! JSON library, so both formats are written by hand here, with the standard library only.

// the page's lower case (`text::case`): the standard library's tables would add 15 KB
use crate::text::case::lowercase;

use crate::text::fold::fold;

/// What a citation is made of (an article's metadata; absent fields are None).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cited<'a> {
    /// stable id of the article (e.g. "002_b2c6bbd9c78c3b3b" or "imported-0a1b2c3d4e5f")
    pub id: &'a str,
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    /// the byline as the page gave it: "Jane Doe", "Jane Doe and John Roe",
    /// "Jane Doe, John Roe and Ann Poe", "By Jane Doe", "Reuters", "Staff and agencies",
    /// "Jane Doe in Lashkar Gah", "Jane Doe, Special Correspondent"
    pub author: Option<&'a str>,
    /// "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    pub date: Option<&'a str>,
    /// http(s) address, already checked
    pub url: Option<&'a str>,
}

/// The authors of a byline: people as (family, given), organisations/agencies/desks as a
/// literal name. Reference managers sort and abbreviate people by family name, but must
/// print "Reuters" or "Staff and agencies" as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Author {
    Person { family: String, given: String },
    Literal(String),
}

// ---------------------------------------------------------------------------------------
// Bylines

/// Words that make a name an organisation, an agency or a desk rather than a person
/// (compared in lower case).
const ORGANISATION_WORDS: &[&str] = &[
    "staff",
    "agencies",
    "agency",
    "agence",
    "reuters",
    "associated",
    "press",
    "afp",
    "bbc",
    "news",
    "newsroom",
    "desk",
    "correspondent",
    "correspondents",
    "bureau",
    "service",
    "team",
    "reporters",
    "writers",
];

/// Words that make a part after a comma a role ("Special Correspondent", "Defence Editor").
const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "editor",
    "writer",
    "reporter",
    "journalist",
    "columnist",
    "contributor",
    "producer",
    "photographer",
    "staff",
    "chief",
];

/// Words that join a family name rather than end the given names ("bin Laden", "van Dyke").
const PARTICLES: &[&str] =
    &["al", "el", "bin", "ibn", "ben", "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la", "le"];

/// The authors of a byline, in its order; an empty or blank byline has none.
pub fn authors(byline: &str) -> Vec<Author> {
    let byline = strip_prefix_word(collapse_spaces(byline).as_str(), "by").to_string();
    let mut found: Vec<Author> = Vec::new();
    for segment in byline.split(',') {
        // ", and Ann Poe" (a serial comma) is one more name, not a part of its own
        let segment = strip_prefix_word(strip_prefix_word(segment.trim(), "and"), "&");
        let segment = strip_place(segment);
        if segment.is_empty() {
            continue;
        }
        // "Jane Doe, Special Correspondent" and "Jane Doe, Reuters" say what she is or whom
        // she writes for: not another author
        let after_person = matches!(found.last(), Some(Author::Person { .. }));
        if after_person && is_role_or_outlet(segment) {
            continue;
        }
        found.extend(names_in(segment));
    }
    found
}

/// The names of one comma-separated part: "Jane Doe and John Roe", "Staff and agencies".
fn names_in(segment: &str) -> Vec<Author> {
    let parts: Vec<&str> = segment
        .split(" and ")
        .flat_map(|p| p.split(" & "))
        .map(|p| strip_place(p.trim()))
        .filter(|p| !p.is_empty())
        .collect();
    let names: Vec<Author> = parts.iter().map(|p| one_name(p)).collect();
    // Splitting is for telling people apart. "Staff and agencies" (a lower-case part is no
    // name) and "Reuters and AFP" (no person at all) stay one literal name, as written.
    let all_capitalised = parts.iter().all(|p| p.chars().next().is_some_and(|c| !c.is_lowercase()));
    let any_person = names.iter().any(|a| matches!(a, Author::Person { .. }));
    if names.len() > 1 && !(all_capitalised && any_person) {
        return vec![Author::Literal(segment.to_string())];
    }
    names
}

/// A person as family and given names, or a literal name (one word, or an organisation).
fn one_name(name: &str) -> Author {
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() < 2 || is_organisation(&words) {
        return Author::Literal(words.join(" "));
    }
    // the family name is the last word with the particles before it, leaving a given name
    let mut family_start = words.len() - 1;
    while family_start > 1 && PARTICLES.contains(&lowercase(words[family_start - 1]).as_str()) {
        family_start -= 1;
    }
    Author::Person { family: words[family_start..].join(" "), given: words[..family_start].join(" ") }
}

/// Whether a name's words say it is an organisation: an organisation word, or an acronym
/// ("AFP", "NBC") beside words that are not all capitals ("JANE DOE" is still a person).
fn is_organisation(words: &[&str]) -> bool {
    let is_capitals = |w: &str| w.chars().all(|c| c.is_ascii_uppercase()) && w.len() >= 2;
    let all_capitals = words.iter().all(|w| is_capitals(w));
    words.iter().any(|w| {
        let bare: String = lowercase(&w.chars().filter(|c| c.is_alphanumeric()).collect::<String>());
        ORGANISATION_WORDS.contains(&bare.as_str()) || (is_capitals(w) && w.len() <= 5 && !all_capitals)
    })
}

/// Whether a part after a comma is a role or an outlet rather than another person: a few
/// words with a role word, an organisation's name, or words all in lower case.
fn is_role_or_outlet(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.is_empty() || words.len() > 3 {
        return false;
    }
    let has_role_word = words.iter().any(|w| ROLE_WORDS.contains(&lowercase(w).as_str()));
    let all_lower = words.iter().all(|w| w.chars().all(|c| !c.is_uppercase()));
    has_role_word || all_lower || is_organisation(&words)
}

/// `s` without a leading word ("By Jane Doe" -> "Jane Doe"), in any case.
fn strip_prefix_word<'a>(s: &'a str, word: &str) -> &'a str {
    let n = word.len();
    match (s.get(..n), s.get(n..)) {
        (Some(head), Some(rest)) if head.eq_ignore_ascii_case(word) && (rest.is_empty() || rest.starts_with(' ')) => {
            rest.trim_start()
        }
        _ => s,
    }
}

/// `s` without a closing " in <Place>" ("Jane Doe in Lashkar Gah" -> "Jane Doe"): the place
/// is one to three capitalised words.
fn strip_place(s: &str) -> &str {
    let Some(at) = s.rfind(" in ") else { return s };
    let (before, place) = (s[..at].trim(), &s[at + 4..]);
    let place_words: Vec<&str> = place.split_whitespace().collect();
    let capitalised = place_words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if before.is_empty() || place_words.is_empty() || place_words.len() > 3 || !capitalised {
        return s;
    }
    before
}

/// `s` on one line with single spaces: citations are one line, and BibTeX reads a blank
/// line inside a field as a new paragraph.
fn collapse_spaces(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------
// Dates

use crate::text::calendar::MONTH_NAMES;

/// BibTeX's month macros, which styles print in their own language and form.
const MONTH_MACROS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A date as far as it is known: "2020-10-12", "2020-10" or "2020".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PartialDate {
    year: u32,
    month: Option<u32>,
    day: Option<u32>,
}

impl PartialDate {
    fn parse(s: &str) -> Option<PartialDate> {
        let number = |part: &str, len: usize| {
            (part.len() == len && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse::<u32>().ok()).flatten()
        };
        let parts: Vec<&str> = s.trim().split('-').collect();
        let year = number(parts[0], 4)?;
        let month = match parts.get(1) {
            Some(m) => Some(number(m, 2).filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match parts.get(2) {
            Some(d) => Some(number(d, 2).filter(|d| (1..=31).contains(d))?),
            None => None,
        };
        (parts.len() <= 3).then_some(PartialDate { year, month, day })
    }

    /// The parts known, for CSL's "date-parts".
    fn parts(&self) -> Vec<u32> {
        [Some(self.year), self.month, self.day].into_iter().map_while(|p| p).collect()
    }

    /// "12 October 2020", "October 2020" or "2020".
    fn long(&self) -> String {
        let month = self.month.map(|m| MONTH_NAMES[m as usize - 1]);
        match (self.day, month) {
            (Some(d), Some(m)) => format!("{d} {m} {}", self.year),
            (None, Some(m)) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// "2020-10-12", "2020-10" or "2020".
    fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            _ => format!("{:04}", self.year),
        }
    }
}

/// The text of a date as a reader writes it, or the text as given when it is no date.
fn long_date(s: &str) -> String {
    PartialDate::parse(s).map(|d| d.long()).unwrap_or_else(|| collapse_spaces(s))
}

/// A field's text, or None when it is absent or blank.
fn present(field: Option<&str>) -> Option<&str> {
    field.filter(|s| !s.trim().is_empty())
}

// ---------------------------------------------------------------------------------------
// The readable citation

/// A readable citation (Chicago-like notes style), plain text, one line:
/// Jane Doe and John Roe, “Title,” Outlet, 12 October 2020, https://…, accessed 4 December 2026.
/// Missing parts are left out gracefully (no author: start with the title; no date: "n.d.";
/// no address: no access date either, as it dates the visit to the address).
pub fn readable(c: &Cited, accessed: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let names = authors(c.author.unwrap_or(""));
    if !names.is_empty() {
        parts.push(author_list(&names));
    }
    let title = collapse_spaces(c.title);
    if !title.is_empty() {
        // the comma goes inside the quotes, unless the title ends with its own mark
        let comma = if title.ends_with(['?', '!']) { "" } else { "," };
        parts.push(format!("“{title}{comma}”"));
    }
    if let Some(outlet) = present(c.outlet) {
        parts.push(collapse_spaces(outlet));
    }
    parts.push(present(c.date).map(long_date).unwrap_or_else(|| "n.d.".to_string()));
    if let Some(url) = present(c.url) {
        parts.push(url.trim().to_string());
        if !accessed.trim().is_empty() {
            parts.push(format!("accessed {}", long_date(accessed)));
        }
    }
    // the closing quotes already carry the comma that separates the title
    let mut line = String::new();
    for part in parts {
        if !line.is_empty() {
            line.push_str(if line.ends_with('”') { " " } else { ", " });
        }
        line.push_str(&part);
    }
    if !line.ends_with('.') {
        line.push('.');
    }
    line
}

/// "Jane Doe", "Jane Doe and John Roe", "Jane Doe, John Roe and Ann Poe"; four or more as
/// "Jane Doe et al.", as notes do.
fn author_list(names: &[Author]) -> String {
    let shown: Vec<String> = names
        .iter()
        .map(|a| match a {
            Author::Person { family, given } => format!("{given} {family}"),
            Author::Literal(name) => name.clone(),
        })
        .collect();
    match shown.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] if shown.len() <= 3 => format!("{} and {last}", init.join(", ")),
        [first, ..] => format!("{first} et al."),
    }
}

// ---------------------------------------------------------------------------------------
// CSL-JSON

/// CSL-JSON: a JSON array with one item per article: id, type "article-newspaper", title,
/// container-title (outlet), author (family/given or literal), issued {"date-parts": [[y, m, d]]}
/// with only the parts known, URL, accessed {"date-parts": ...}. Valid JSON for any input text
/// (escape quotes, backslashes, control characters, U+2028/2029), since titles come from pages.
/// A date that is not "YYYY[-MM[-DD]]" goes as {"raw": …}, which CSL processors read.
pub fn csl_json(items: &[Cited], accessed: &str) -> String {
    if items.is_empty() {
        return "[]".to_string();
    }
    let mut out = String::from("[");
    for (i, c) in items.iter().enumerate() {
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        let mut fields: Vec<(&str, String)> = vec![
            ("id", json_string(c.id)),
            ("type", json_string("article-newspaper")),
            ("title", json_string(c.title)),
        ];
        if let Some(outlet) = present(c.outlet) {
            fields.push(("container-title", json_string(outlet)));
        }
        let names = authors(c.author.unwrap_or(""));
        if !names.is_empty() {
            let list: Vec<String> = names.iter().map(csl_name).collect();
            fields.push(("author", format!("[{}]", list.join(", "))));
        }
        if let Some(date) = present(c.date) {
            fields.push(("issued", csl_date(date)));
        }
        if let Some(url) = present(c.url) {
            fields.push(("URL", json_string(url)));
        }
        if !accessed.trim().is_empty() {
            fields.push(("accessed", csl_date(accessed)));
        }
        for (j, (name, value)) in fields.iter().enumerate() {
            out.push_str(if j == 0 { "\n    " } else { ",\n    " });
            out.push_str(&format!("\"{name}\": {value}"));
        }
        out.push_str("\n  }");
    }
    out.push_str("\n]");
    out
}

/// One CSL name: {"family": …, "given": …} or {"literal": …}.
fn csl_name(author: &Author) -> String {
    match author {
        Author::Person { family, given } => {
            format!("{{\"family\": {}, \"given\": {}}}", json_string(family), json_string(given))
        }
        Author::Literal(name) => format!("{{\"literal\": {}}}", json_string(name)),
    }
}

/// A CSL date: {"date-parts": [[2020, 10, 12]]} with the parts known, or {"raw": …}.
fn csl_date(date: &str) -> String {
    match PartialDate::parse(date) {
        Some(d) => {
            let parts: Vec<String> = d.parts().iter().map(u32::to_string).collect();
            format!("{{\"date-parts\": [[{}]]}}", parts.join(", "))
        }
        None => format!("{{\"raw\": {}}}", json_string(date.trim())),
    }
}

/// `s` as a JSON string literal (`model::export` writes every JSON of the page).
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    crate::model::export::json_string(&mut out, s);
    out
}

// ---------------------------------------------------------------------------------------
// BibTeX

/// Title words too common to name an entry by.
const KEY_STOP_WORDS: &[&str] = &[
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "as", "by", "with", "from", "is", "are", "was",
    "were", "be", "it", "its", "this", "that", "how", "why", "what", "who", "after", "over", "into",
];

/// BibTeX: one @article per item, keys unique and made of ASCII (author family or outlet,
/// year, a title word: "doe2020taliban", "-b"/"-c"… suffix on clashes), fields title (with
/// braces keeping capitals), journal (outlet), author ("Doe, Jane and Roe, John"; literal names
/// in double braces), year, month (jan…dec macros), day when known, url, urldate. Special
/// characters escaped for BibTeX/LaTeX (& % $ # _ { } ~ ^ \); non-ASCII letters kept as UTF-8
/// (biber reads UTF-8). Every brace written is a structural pair (a brace in the text becomes
/// `\textbraceleft{}`), since BibTeX counts braces even after a backslash.
pub fn bibtex(items: &[Cited], accessed: &str) -> String {
    let mut used_keys: Vec<String> = Vec::new();
    let mut entries: Vec<String> = Vec::new();
    for c in items {
        let names = authors(c.author.unwrap_or(""));
        let date = present(c.date).and_then(PartialDate::parse);
        let key = unique_key(&key_base(c, &names, date), &used_keys);
        used_keys.push(key.clone());

        let mut fields: Vec<(&str, String)> = vec![("title", format!("{{{}}}", bibtex_title(c.title)))];
        if let Some(outlet) = present(c.outlet) {
            fields.push(("journal", format!("{{{}}}", bibtex_escape(outlet))));
        }
        if !names.is_empty() {
            fields.push(("author", format!("{{{}}}", bibtex_authors(&names))));
        }
        if let Some(d) = date {
            fields.push(("year", format!("{{{}}}", d.year)));
            if let Some(m) = d.month {
                fields.push(("month", MONTH_MACROS[m as usize - 1].to_string()));
            }
            if let Some(day) = d.day {
                fields.push(("day", format!("{{{day}}}")));
            }
        }
        if let Some(url) = present(c.url) {
            fields.push(("url", format!("{{{}}}", bibtex_url(url))));
            // urldate dates the visit to the address, so only with one
            if let Some(seen) = PartialDate::parse(accessed) {
                fields.push(("urldate", format!("{{{}}}", seen.iso())));
            }
        }
        let mut entry = format!("@article{{{key},\n");
        for (name, value) in fields {
            entry.push_str(&format!("  {name} = {value},\n"));
        }
        entry.push_str("}\n");
        entries.push(entry);
    }
    entries.join("\n")
}

/// "doe2020taliban": who (the first person's family name, else the outlet, else the literal
/// author), the year ("nd" without one) and the first telling word of the title, in ASCII.
fn key_base(c: &Cited, names: &[Author], date: Option<PartialDate>) -> String {
    let person = names.iter().find_map(|a| match a {
        Author::Person { family, .. } => Some(family.as_str()),
        Author::Literal(_) => None,
    });
    let literal = names.iter().find_map(|a| match a {
        Author::Literal(name) => Some(name.as_str()),
        Author::Person { .. } => None,
    });
    let who = [person, present(c.outlet), literal]
        .into_iter()
        .flatten()
        .map(|s| ascii_key_part(s.trim().strip_prefix("The ").unwrap_or(s)))
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "anon".to_string());
    let who: String = who.chars().take(24).collect();
    let year = date.map(|d| d.year.to_string()).unwrap_or_else(|| "nd".to_string());
    let title_words: Vec<String> = c.title.split_whitespace().map(ascii_key_part).filter(|w| !w.is_empty()).collect();
    let word = title_words
        .iter()
        .find(|w| !KEY_STOP_WORDS.contains(&w.as_str()))
        .or(title_words.first())
        .map(|w| w.chars().take(20).collect::<String>())
        .unwrap_or_default();
    format!("{who}{year}{word}")
}

/// Lower-case ASCII letters and digits of `s`, accents dropped ("Rüdiger" -> "rudiger").
fn ascii_key_part(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_ascii_alphanumeric()).collect()
}

/// `base`, or `base-b`, `base-c`… when taken (bases hold no '-', so suffixed keys never meet
/// another base).
fn unique_key(base: &str, used: &[String]) -> String {
    let mut key = base.to_string();
    let mut n = 1u32;
    while used.contains(&key) {
        n += 1;
        key = match char::from_u32('a' as u32 + n - 1).filter(|c| c.is_ascii_lowercase()) {
            Some(letter) => format!("{base}-{letter}"),
            None => format!("{base}-{n}"),
        };
    }
    key
}

/// The title escaped, each word holding a capital in braces so that styles which change
/// case ("Taliban" in sentence case) keep it.
fn bibtex_title(title: &str) -> String {
    let words: Vec<String> = collapse_spaces(title)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let escaped = bibtex_escape(w);
            if w.chars().any(char::is_uppercase) {
                format!("{{{escaped}}}")
            } else {
                escaped
            }
        })
        .collect();
    words.join(" ")
}

/// "Doe, Jane and Roe, John"; a literal name in braces so that BibTeX takes it whole
/// ("{Staff and agencies}", not two people).
fn bibtex_authors(names: &[Author]) -> String {
    let list: Vec<String> = names
        .iter()
        .map(|a| match a {
            Author::Person { family, given } => format!("{}, {}", bibtex_escape(family), bibtex_escape(given)),
            Author::Literal(name) => format!("{{{}}}", bibtex_escape(name)),
        })
        .collect();
    list.join(" and ")
}

/// Text for a BibTeX field: LaTeX's special characters escaped, on one line; other
/// characters (accents, Pashto, emoji) kept as UTF-8.
fn bibtex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in collapse_spaces(s).chars() {
        match c {
            '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            c => out.push(c),
        }
    }
    out
}

/// An address for the url field, which biblatex reads verbatim: left as it is but for the
/// characters that would break the field (braces, backslash, spaces), percent-encoded.
fn bibtex_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() || c.is_control() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(family: &str, given: &str) -> Author {
        Author::Person { family: family.to_string(), given: given.to_string() }
    }

    fn literal(name: &str) -> Author {
        Author::Literal(name.to_string())
    }

    fn full() -> Cited<'static> {
        Cited {
            id: "002_b2c6bbd9c78c3b3b",
            title: "Taliban retake Musa Qala",
            outlet: Some("The Guardian"),
            author: Some("Jane Doe and John Roe"),
            date: Some("2020-10-12"),
            url: Some("https://www.theguardian.com/world/2020/oct/12/taliban-musa-qala"),
        }
    }

    // --- authors

    #[test]
    fn bylines_of_people() {
        assert_eq!(authors("Jane Doe"), vec![person("Doe", "Jane")]);
        assert_eq!(authors("Jane Doe and John Roe"), vec![person("Doe", "Jane"), person("Roe", "John")]);
        assert_eq!(authors("Jane Doe & John Roe"), vec![person("Doe", "Jane"), person("Roe", "John")]);
        let three = vec![person("Doe", "Jane"), person("Roe", "John"), person("Poe", "Ann")];
        assert_eq!(authors("Jane Doe, John Roe and Ann Poe"), three);
        assert_eq!(authors("Jane Doe, John Roe, and Ann Poe"), three, "a serial comma");
        assert_eq!(authors("By Jane Doe"), vec![person("Doe", "Jane")]);
        assert_eq!(authors("by Jane  Doe\n"), vec![person("Doe", "Jane")]);
        assert_eq!(authors("Byron Smith"), vec![person("Smith", "Byron")], "'By' only as a word");
    }

    #[test]
    fn bylines_with_places_and_roles() {
        assert_eq!(authors("Jane Doe in Lashkar Gah"), vec![person("Doe", "Jane")]);
        assert_eq!(
            authors("Jane Doe in Kabul and John Roe in Lashkar Gah"),
            vec![person("Doe", "Jane"), person("Roe", "John")]
        );
        assert_eq!(authors("Jane Doe, Special Correspondent"), vec![person("Doe", "Jane")]);
        assert_eq!(authors("Jane Doe, Defence Editor"), vec![person("Doe", "Jane")]);
        assert_eq!(authors("Jane Doe, staff writer"), vec![person("Doe", "Jane")]);
        assert_eq!(authors("Jane Doe, Reuters"), vec![person("Doe", "Jane")]);
        assert_eq!(authors("By Jane Doe, Special Correspondent in Lashkar Gah"), vec![person("Doe", "Jane")]);
        assert_eq!(
            authors("Jane Doe and John Roe, Associated Press"),
            vec![person("Doe", "Jane"), person("Roe", "John")]
        );
    }

    #[test]
    fn bylines_of_organisations() {
        assert_eq!(authors("Reuters"), vec![literal("Reuters")]);
        assert_eq!(authors("Staff and agencies"), vec![literal("Staff and agencies")]);
        assert_eq!(authors("Associated Press"), vec![literal("Associated Press")]);
        assert_eq!(authors("BBC News"), vec![literal("BBC News")]);
        assert_eq!(authors("Kabul Bureau"), vec![literal("Kabul Bureau")]);
        assert_eq!(authors("Our Correspondent"), vec![literal("Our Correspondent")]);
        assert_eq!(authors("Reuters and AFP"), vec![literal("Reuters and AFP")]);
        assert_eq!(authors("Staff & Agencies"), vec![literal("Staff & Agencies")]);
        assert_eq!(authors("Jane Doe and Reuters"), vec![person("Doe", "Jane"), literal("Reuters")]);
        // a role alone is the byline, not something to drop
        assert_eq!(authors("Special Correspondent"), vec![literal("Special Correspondent")]);
    }

    #[test]
    fn family_names_and_particles() {
        assert_eq!(authors("Ahmad Shah Massoud"), vec![person("Massoud", "Ahmad Shah")]);
        assert_eq!(authors("Abdul Qadir bin Laden"), vec![person("bin Laden", "Abdul Qadir")]);
        assert_eq!(authors("Ayman al-Zawahiri"), vec![person("al-Zawahiri", "Ayman")]);
        assert_eq!(authors("Ludwig van Beethoven"), vec![person("van Beethoven", "Ludwig")]);
        assert_eq!(authors("Najibullah"), vec![literal("Najibullah")]);
        assert_eq!(authors("JANE DOE"), vec![person("DOE", "JANE")], "capitals alone are no acronym");
        assert_eq!(authors("Jürgen Müller"), vec![person("Müller", "Jürgen")]);
    }

    #[test]
    fn blank_bylines_have_no_authors() {
        assert!(authors("").is_empty());
        assert!(authors("   \n\t").is_empty());
        assert!(authors("By ").is_empty());
        assert!(authors(" , ").is_empty());
    }

    // --- readable

    #[test]
    fn readable_with_every_field() {
        assert_eq!(
            readable(&full(), "2026-12-04"),
            "Jane Doe and John Roe, “Taliban retake Musa Qala,” The Guardian, 12 October 2020, \
             https://www.theguardian.com/world/2020/oct/12/taliban-musa-qala, accessed 4 December 2026."
        );
        let three = Cited { author: Some("By Jane Doe, John Roe and Ann Poe"), ..full() };
        assert!(readable(&three, "2026-12-04").starts_with("Jane Doe, John Roe and Ann Poe, “Taliban"));
        let four = Cited { author: Some("Jane Doe, John Roe, Ann Poe and Bo Loe"), ..full() };
        assert!(readable(&four, "2026-12-04").starts_with("Jane Doe et al., “Taliban"));
    }

    #[test]
    fn readable_leaves_out_what_is_missing() {
        let accessed = "2026-12-04";
        let no_author = Cited { author: None, ..full() };
        assert!(
            readable(&no_author, accessed).starts_with("“Taliban retake Musa Qala,” The Guardian, 12 October 2020, ")
        );
        let blank_author = Cited { author: Some("  "), ..full() };
        assert_eq!(readable(&blank_author, accessed), readable(&no_author, accessed));

        let no_date = Cited { date: None, ..full() };
        assert!(readable(&no_date, accessed).contains("” The Guardian, n.d., https://"));
        let month = Cited { date: Some("2020-10"), ..full() };
        assert!(readable(&month, accessed).contains("” The Guardian, October 2020, https://"));
        let year = Cited { date: Some("2020"), ..full() };
        assert!(readable(&year, accessed).contains("” The Guardian, 2020, https://"));

        let no_outlet = Cited { outlet: None, ..full() };
        assert!(readable(&no_outlet, accessed).contains("“Taliban retake Musa Qala,” 12 October 2020, https://"));

        let no_url = Cited { url: None, ..full() };
        assert_eq!(
            readable(&no_url, accessed),
            "Jane Doe and John Roe, “Taliban retake Musa Qala,” The Guardian, 12 October 2020."
        );
        let bare = Cited { id: "x", title: "Fighting in Sangin", outlet: None, author: None, date: None, url: None };
        assert_eq!(readable(&bare, accessed), "“Fighting in Sangin,” n.d.");
    }

    #[test]
    fn readable_is_one_line_and_keeps_a_title_mark() {
        let asked = Cited { title: "Who holds\nSangin?", author: Some("Reuters"), ..full() };
        let line = readable(&asked, "2026-12-04");
        assert!(line.starts_with("Reuters, “Who holds Sangin?” The Guardian, "), "{line}");
        assert!(!line.contains('\n'));
    }

    // --- CSL-JSON (read back with serde_json, which native builds have with the engine)

    #[cfg(feature = "engine")]
    fn parsed(json: &str) -> serde_json::Value {
        serde_json::from_str::<serde_json::Value>(json).unwrap_or_else(|e| panic!("{e}: {json}"))
    }

    #[cfg(feature = "engine")]
    #[test]
    fn csl_json_fields() {
        let items = [
            full(),
            Cited { id: "b", author: Some("Staff and agencies"), date: Some("2020-10"), url: None, ..full() },
            Cited { id: "c", author: None, outlet: None, date: Some("2009"), ..full() },
        ];
        let json = parsed(&csl_json(&items, "2026-12-04"));
        let list = json.as_array().unwrap();
        assert_eq!(list.len(), 3);

        let a = &list[0];
        assert_eq!(a["id"], "002_b2c6bbd9c78c3b3b");
        assert_eq!(a["type"], "article-newspaper");
        assert_eq!(a["title"], "Taliban retake Musa Qala");
        assert_eq!(a["container-title"], "The Guardian");
        assert_eq!(a["author"][0]["family"], "Doe");
        assert_eq!(a["author"][0]["given"], "Jane");
        assert_eq!(a["author"][1]["family"], "Roe");
        assert_eq!(a["issued"]["date-parts"], serde_json::json!([[2020, 10, 12]]));
        assert_eq!(a["URL"], "https://www.theguardian.com/world/2020/oct/12/taliban-musa-qala");
        assert_eq!(a["accessed"]["date-parts"], serde_json::json!([[2026, 12, 4]]));

        let b = &list[1];
        assert_eq!(b["author"], serde_json::json!([{"literal": "Staff and agencies"}]));
        assert_eq!(b["issued"]["date-parts"], serde_json::json!([[2020, 10]]));
        assert!(b.get("URL").is_none());

        let c = &list[2];
        assert_eq!(c["issued"]["date-parts"], serde_json::json!([[2009]]));
        assert!(c.get("author").is_none() && c.get("container-title").is_none());
    }

    #[cfg(feature = "engine")]
    #[test]
    fn csl_json_keeps_any_text_exactly() {
        let awkward = "He said \"leave\" \\ C:\\path\nnext\tline\r </script> \u{2028}\u{2029} \u{1} 🇦🇫 💥 پښتو";
        let item = Cited {
            id: awkward,
            title: awkward,
            outlet: Some(awkward),
            author: None,
            date: Some("not a date"),
            url: Some("https://example.org/?q=\"x\""),
        };
        let text = csl_json(&[item], "2026-12-04");
        assert!(!text.contains("</script>") && !text.contains('\u{2028}') && !text.contains('\u{2029}'));
        let json = parsed(&text);
        assert_eq!(json[0]["id"], awkward);
        assert_eq!(json[0]["title"], awkward);
        assert_eq!(json[0]["container-title"], awkward);
        assert_eq!(json[0]["URL"], "https://example.org/?q=\"x\"");
        assert_eq!(json[0]["issued"]["raw"], "not a date");

        let named = Cited { author: Some("Jane \"JD\" Doe\\"), ..full() };
        let json = parsed(&csl_json(&[named], "2026-12-04"));
        assert_eq!(json[0]["author"][0]["family"], "Doe\\");
        assert_eq!(json[0]["author"][0]["given"], "Jane \"JD\"");
    }

    #[cfg(feature = "engine")]
    #[test]
    fn csl_json_of_nothing() {
        assert_eq!(csl_json(&[], "2026-12-04"), "[]");
        assert_eq!(parsed(&csl_json(&[], "2026-12-04")), serde_json::json!([]));
    }

    // --- BibTeX

    /// One entry read back: its key and its fields, values as written (braces and escapes kept).
    struct Entry {
        key: String,
        fields: Vec<(String, String)>,
    }

    impl Entry {
        fn raw(&self, name: &str) -> Option<&str> {
            self.fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
        }

        /// A field's value as text: escapes undone, grouping braces dropped.
        fn text(&self, name: &str) -> Option<String> {
            self.raw(name).map(unescape)
        }
    }

    /// Reads `@article{key,` / `  field = {value},` or `  field = macro,` / `}` back.
    fn parse_bibtex(bib: &str) -> Vec<Entry> {
        let mut entries = Vec::new();
        let mut current: Option<Entry> = None;
        for line in bib.lines() {
            if let Some(rest) = line.strip_prefix("@article{") {
                assert!(current.is_none(), "an entry inside an entry: {line}");
                let key = rest.strip_suffix(',').unwrap_or_else(|| panic!("no comma after the key: {line}"));
                current = Some(Entry { key: key.to_string(), fields: Vec::new() });
            } else if line == "}" {
                entries.push(current.take().expect("a closing brace without an entry"));
            } else if line.trim().is_empty() {
                assert!(current.is_none(), "a blank line inside an entry");
            } else {
                let entry = current.as_mut().unwrap_or_else(|| panic!("a field outside an entry: {line}"));
                let (name, value) = line.trim().split_once(" = ").unwrap_or_else(|| panic!("not a field: {line}"));
                let value = value.strip_suffix(',').unwrap_or_else(|| panic!("no comma after a field: {line}"));
                let value = match value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
                    Some(inner) => inner.to_string(),
                    None => {
                        assert!(value.chars().all(|c| c.is_ascii_lowercase()), "a bare value not a macro: {line}");
                        value.to_string()
                    }
                };
                entry.fields.push((name.to_string(), value));
            }
        }
        assert!(current.is_none(), "an entry left open");
        entries
    }

    /// Undoes `bibtex_escape` and drops grouping braces.
    fn unescape(value: &str) -> String {
        let mut out = String::new();
        let mut chars = value.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    let mut command = String::new();
                    while let Some(&l) = chars.peek().filter(|l| l.is_ascii_alphabetic()) {
                        command.push(l);
                        chars.next();
                    }
                    if command.is_empty() {
                        out.push(chars.next().expect("a backslash at the end"));
                        continue;
                    }
                    assert_eq!((chars.next(), chars.next()), (Some('{'), Some('}')), "\\{command} without {{}}");
                    out.push(match command.as_str() {
                        "textbraceleft" => '{',
                        "textbraceright" => '}',
                        "textasciitilde" => '~',
                        "textasciicircum" => '^',
                        "textbackslash" => '\\',
                        other => panic!("unknown command \\{other}"),
                    });
                }
                '{' | '}' => {}
                c => out.push(c),
            }
        }
        out
    }

    /// An entry's braces as BibTeX counts them (backslashes do not hide a brace from it):
    /// never closing more than opened, and all closed at its end.
    fn braces_balance(entry: &str) -> bool {
        let mut depth = 0i32;
        for c in entry.chars() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                _ => {}
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    /// BibTeX's "and"-separated names, split at the top level only.
    fn split_names(value: &str) -> Vec<String> {
        let (mut names, mut current, mut depth) = (Vec::new(), String::new(), 0);
        let mut rest = value;
        while let Some(c) = rest.chars().next() {
            if depth == 0 && rest.starts_with(" and ") {
                names.push(std::mem::take(&mut current));
                rest = &rest[5..];
                continue;
            }
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            current.push(c);
            rest = &rest[c.len_utf8()..];
        }
        names.push(current);
        names
    }

    #[test]
    fn bibtex_keys_are_unique_and_ascii() {
        let items = [full(), Cited { id: "b", ..full() }, Cited { id: "c", ..full() }];
        let entries = parse_bibtex(&bibtex(&items, "2026-12-04"));
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["doe2020taliban", "doe2020taliban-b", "doe2020taliban-c"]);

        let others = [
            Cited { author: Some("Reuters"), outlet: Some("The Guardian"), title: "The fall of Sangin", ..full() },
            Cited { author: None, outlet: None, date: None, title: "", ..full() },
            Cited { author: Some("Jürgen Müller-Lüdenscheidt"), title: "Ölpreis", date: Some("2009-07"), ..full() },
            Cited { author: Some("Abdul Qadir bin Laden"), title: "پښتو", ..full() },
        ];
        let entries = parse_bibtex(&bibtex(&others, "2026-12-04"));
        let keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
        assert_eq!(keys, ["guardian2020fall", "anonnd", "mullerludenscheidt2009olpreis", "binladen2020"]);
        for key in keys {
            assert!(key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{key}");
        }
    }

    #[test]
    fn bibtex_escapes_special_characters() {
        let special = "AT&T 50% $5 #1 a_b {x} ~ ^ \\";
        let item = Cited { title: special, outlet: Some(special), ..full() };
        let bib = bibtex(&[item], "2026-12-04");
        assert!(bib.contains(
            "  title = {{AT\\&T} 50\\% \\$5 \\#1 a\\_b \\textbraceleft{}x\\textbraceright{} \\textasciitilde{} \
             \\textasciicircum{} \\textbackslash{}},\n"
        ));
        assert!(bib.contains(
            "  journal = {AT\\&T 50\\% \\$5 \\#1 a\\_b \\textbraceleft{}x\\textbraceright{} \\textasciitilde{} \
             \\textasciicircum{} \\textbackslash{}},\n"
        ));
        // capitals kept in braces, other letters kept as UTF-8
        let item = Cited { title: "Taliban retake Musa Qala — Lashkar Gāh", ..full() };
        assert!(
            bibtex(&[item], "2026-12-04").contains("  title = {{Taliban} retake {Musa} {Qala} — {Lashkar} {Gāh}},\n")
        );
    }

    #[test]
    fn bibtex_braces_balance_in_every_entry() {
        let items = [
            full(),
            Cited { title: "{ unclosed", outlet: Some("} unopened"), author: Some("Jane {Doe"), ..full() },
            Cited {
                title: "\\{",
                url: Some("https://example.org/{a}\\b c"),
                author: Some("Staff and agencies"),
                ..full()
            },
            Cited { title: "}}}{{{", outlet: None, author: None, date: None, url: None, ..full() },
        ];
        let bib = bibtex(&items, "2026-12-04");
        let entries: Vec<&str> = bib.split("\n\n").collect();
        assert_eq!(entries.len(), 4);
        for entry in entries {
            assert!(braces_balance(entry), "{entry}");
        }
        assert!(!braces_balance("@article{k,\n  title = {\\{},\n}"), "the check can fail");
        assert_eq!(parse_bibtex(&bib)[2].raw("url"), Some("https://example.org/%7Ba%7D%5Cb%20c"));
    }

    #[test]
    fn bibtex_months_are_macros() {
        for (date, month) in
            [("2020-01-05", Some("jan")), ("2009-07", Some("jul")), ("2011-12-31", Some("dec")), ("2010", None)]
        {
            let entries = parse_bibtex(&bibtex(&[Cited { date: Some(date), ..full() }], "2026-12-04"));
            assert_eq!(entries[0].raw("month"), month, "{date}");
            assert_eq!(entries[0].raw("year"), Some(&date[..4]));
        }
        let bib = bibtex(&[full()], "2026-12-04");
        assert!(bib.contains("  month = oct,\n") && bib.contains("  day = {12},\n"));
        assert!(!bibtex(&[Cited { date: Some("2020-10"), ..full() }], "2026-12-04").contains("day ="));
    }

    #[test]
    fn bibtex_reads_back_as_written() {
        let special = "AT&T 50% $5 #1 a_b {x} ~ ^ \\";
        let items = [
            full(),
            Cited {
                id: "imported-0a1b2c3d4e5f",
                title: special,
                outlet: Some("Ṭolo News & Co_ {Kabul}"),
                author: Some("By Jane O'Doe_1, John {Roe} and Ann Poe"),
                date: Some("2009-07"),
                url: Some("https://example.org/a_b?x=50%25&y=~z#frag"),
            },
            Cited {
                id: "x",
                title: "Nothing else",
                outlet: None,
                author: Some("Staff and agencies"),
                date: None,
                url: None,
            },
            Cited { author: Some("Staff & Agencies%~"), date: Some("2011-12-31"), ..full() },
        ];
        let accessed = "2026-12-04";
        let entries = parse_bibtex(&bibtex(&items, accessed));
        assert_eq!(entries.len(), items.len());
        for (entry, item) in entries.iter().zip(&items) {
            assert_eq!(entry.text("title").as_deref(), Some(item.title), "{}", entry.key);
            assert_eq!(entry.text("journal").as_deref(), item.outlet);
            assert_eq!(entry.raw("url"), item.url);
            assert_eq!(entry.raw("urldate"), item.url.map(|_| accessed));
            let date = item.date.and_then(PartialDate::parse);
            assert_eq!(entry.text("year"), date.map(|d| d.year.to_string()));
            assert_eq!(entry.raw("month"), date.and_then(|d| d.month).map(|m| MONTH_MACROS[m as usize - 1]));
            assert_eq!(entry.text("day"), date.and_then(|d| d.day).map(|d| d.to_string()));

            // each name: "Family, Given" or a literal in its own braces
            let expected = authors(item.author.unwrap_or(""));
            let written: Vec<Author> = match entry.raw("author") {
                Some(list) => split_names(list)
                    .iter()
                    .map(|name| match name.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
                        Some(inner) => Author::Literal(unescape(inner)),
                        None => {
                            let (family, given) = name.split_once(", ").expect("Family, Given");
                            Author::Person { family: unescape(family), given: unescape(given) }
                        }
                    })
                    .collect(),
                None => Vec::new(),
            };
            assert_eq!(written, expected, "{}", entry.key);
        }
        // the names the second byline holds, as read back above
        assert_eq!(
            authors(items[1].author.unwrap()),
            vec![person("O'Doe_1", "Jane"), person("{Roe}", "John"), person("Poe", "Ann")]
        );
        assert_eq!(entries[2].raw("author"), Some("{Staff and agencies}"));
        assert_eq!(entries[3].raw("author"), Some("{Staff \\& Agencies\\%\\textasciitilde{}}"));
    }
}
