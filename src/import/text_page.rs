//! A reader view for a page's text (pasted, or a `.txt`/`.md` file): what a copied web page
//! holds around its article, read by what each line looks like and where it stands, never
//! by outlet. It rejoins hard-wrapped paragraphs, drops menus, breadcrumbs, counters and
//! other furniture, picks the headline, and reads the byline, the date and the publisher
//! from the page's own marks (a byline's outlet, a copyright line, an agency's dateline
//! tag, a site name the outlet catalogue knows). The cleaner then reads the body as it
//! reads any article.

use std::sync::OnceLock;

use crate::engine::clean::{fold, is_furniture};
use crate::import::outlets;
use crate::text::calendar::iso_date;

/// The phrase lists of `data/page_markers.txt`, folded.
struct Markers {
    comments: Vec<String>,
    related: Vec<String>,
    roles: Vec<String>,
    meta_keys: Vec<String>,
}

fn markers() -> &'static Markers {
    static M: OnceLock<Markers> = OnceLock::new();
    M.get_or_init(|| {
        let mut m = Markers { comments: Vec::new(), related: Vec::new(), roles: Vec::new(), meta_keys: Vec::new() };
        let mut section = "";
        for line in include_str!("../../data/page_markers.txt").lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let list = match section {
                "comments" => &mut m.comments,
                "related" => &mut m.related,
                "roles" => &mut m.roles,
                "meta_keys" => &mut m.meta_keys,
                _ => continue,
            };
            list.push(fold(line));
        }
        m
    })
}

/// The line is one of `list`, or one of them with a count or a colon ("Comments (4)",
/// "Related:", "MORE ON THIS STORY").
fn is_marker(key: &str, list: &[String]) -> bool {
    let bare = key.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    list.iter().any(|m| m == key || m == bare)
}

/// What the page's text tells, and its body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageText {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The publisher, as the catalogue names it when it knows it.
    pub outlet: Option<String>,
    /// The page's own address, when its text gives one ("Permalink https://…", "Source: https://…").
    pub url: Option<String>,
    /// The body: one paragraph a line, furniture and the header lines taken out.
    pub body: String,
}

/// Reads a page's text.
pub fn read(text: &str) -> PageText {
    read_titled(text, None)
}

/// Reads a page's text whose headline is known (a Markdown document's heading or front
/// matter): its line is taken out of the body wherever it stands.
pub fn read_titled(text: &str, known: Option<&str>) -> PageText {
    let lines = rejoin(text);
    let keys: Vec<String> = lines.iter().map(|l| fold(l)).collect();
    let prose: Vec<bool> = lines.iter().map(|l| is_prose(l)).collect();
    // the article's first paragraph: the first line of prose that is no furniture (a cookie
    // notice is a sentence too)
    // (nor a photo's caption: one with its credit under it or in it)
    let caption = |i: usize| {
        is_caption_like(&lines[i])
            || lines
                .get(i + 1)
                .is_some_and(|n| credit_only(n).is_some() || (n.split_whitespace().count() <= 6 && is_caption_like(n)))
    };
    let mut first_body = (0..lines.len())
        .find(|&i| prose[i] && !is_furniture(&lines[i], &keys[i]) && !caption(i))
        .unwrap_or(lines.len());
    // a "By …" line further down, with prose after it: what came first was a notice (a
    // cache's banner, a cookie text), and the article starts after the byline
    if let Some(b) = (first_body..lines.len().min(first_body + 40)).find(|&i| {
        lines[i].len() < 120
            && lines[i].to_lowercase().starts_with("by ")
            && byline(&lines[i]).is_some_and(|(n, _)| n.is_some())
    }) {
        if let Some(p) = (b + 1..lines.len().min(b + 6)).find(|&i| prose[i] && !is_furniture(&lines[i], &keys[i])) {
            if (first_body..b).all(|i| !prose[i] || is_notice(&lines[i])) {
                first_body = p;
            }
        }
    }
    let mut furniture: Vec<bool> = lines
        .iter()
        .zip(&keys)
        .enumerate()
        .map(|(i, (l, k))| k.is_empty() || is_furniture(l, k) || is_shape_furniture(l, i < first_body))
        .collect();
    // a table's header row (cells, no figures) over rows with figures is the table's
    for i in 0..lines.len().saturating_sub(1) {
        if furniture[i]
            && lines[i].contains('\t')
            && lines[i + 1].contains('\t')
            && lines[i + 1].bytes().any(|b| b.is_ascii_digit())
        {
            furniture[i] = false;
        }
    }
    // a short line printed again and again, page numbers aside: a running header or footer,
    // a menu shown at the top and the bottom
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let running: Vec<Option<String>> = (0..lines.len())
        .map(|i| {
            (!prose[i] && lines[i].split_whitespace().nth(12).is_none())
                .then(|| keys[i].chars().filter(|c| !c.is_ascii_digit()).collect::<String>().trim().to_string())
                .filter(|k| k.len() >= 3)
        })
        .collect();
    for k in running.iter().flatten() {
        *seen.entry(k.clone()).or_default() += 1;
    }
    for (i, k) in running.iter().enumerate() {
        // (inside the article only: above it, a headline stands in the title bar too)
        if i > first_body && k.as_ref().is_some_and(|k| seen[k] >= 2 && !ends_sentence(&lines[i])) {
            furniture[i] = true;
        }
    }

    let mut page = PageText::default();
    // the publisher, by how surely each mark names it: a byline's outlet, an agency's tag,
    // the site's own name, then a copyright line (which may name the owning company)
    let (mut by_credit, mut by_copyright) = (None, None);
    let mut date_at: Option<(usize, String)> = None;
    let mut header_role: Vec<Option<Role>> = vec![None; lines.len()];
    for i in 0..lines.len() {
        let l = &lines[i];
        // near the top; or, with its lead word, in the record lines after the article
        // ("Posted by X at 09:14 PM", "Author Masood Rahimzai")
        let lead = || {
            ["posted by ", "author ", "author: ", "by "].iter().any(|p| strip_prefix_ci(l.trim_start(), p).is_some())
        };
        // (a second "By" line above the article is the reporter's: the first was a photo's)
        let maybe_byline = (page.byline.is_none() || (i < first_body && lead()))
            && (i <= first_body + 2 || (l.len() < 200 && !prose[i] && lead()));
        if let Some((name, outlet)) = maybe_byline.then(|| byline(l)).flatten() {
            if page.byline.is_none() || i < first_body {
                if let Some(prev) = header_role.iter().position(|r| *r == Some(Role::Byline)) {
                    header_role[prev] = None;
                }
                page.byline = name;
                by_credit = by_credit.or(outlet);
                header_role[i] = Some(Role::Byline);
                // "By Aaron Delgado | August 26, 2015", "By X - Tue Mar 12 2019, 8:04 pm"
                if date_at.is_none() {
                    if let Some(d) = l
                        .split([' ', '|'])
                        .collect::<Vec<_>>()
                        .join(" ")
                        .split(" - ")
                        .find_map(date_part)
                        .or_else(|| date_line(l))
                    {
                        date_at = Some((i, d));
                    }
                }
                continue;
            }
        }
        // a date line gives a date and is no sentence ("Kabul fell on 15 August 2021." is one)
        if !prose[i] && !ends_sentence(l) {
            if let Some(d) = date_line(l) {
                if date_at.is_none() {
                    date_at = Some((i, d));
                }
                header_role[i] = Some(Role::Date);
                continue;
            }
        }
        if let Some(o) = publisher_mark(l) {
            if is_copyright(l) {
                by_copyright = by_copyright.or(Some(o));
            } else {
                by_credit = by_credit.or(Some(o));
            }
            if !prose[i] || is_copyright(l) {
                header_role[i] = Some(Role::Publisher);
            }
        }
    }
    // (whether only a copyright holder named it, for the catalogue to overrule below)
    let from_copyright_only = by_credit.is_none();
    page.outlet = by_credit
        // an agency's tag in the first paragraph's dateline: "KABUL, Afghanistan (AP) —"
        .or_else(|| lines.get(first_body).and_then(|l| dateline_tag(l)))
        // a site's own name among the lines before the headline
        .or_else(|| lines[..first_body.min(lines.len())].iter().find_map(|l| site_name(l)))
        .or(by_copyright.clone());
    // the page's own address in its text; its domain names the outlet when nothing else does
    page.url = lines.iter().enumerate().filter(|(i, _)| !prose[*i] || furniture[*i]).find_map(|(_, l)| own_address(l));
    if page.outlet.is_none() {
        page.outlet = page.url.as_deref().and_then(crate::import::outlets::outlet).map(str::to_string);
    }

    // the headline: the best title-like line before the body. Not a tagline under the site's
    // name, not a caption (its credit follows it); repeated in the page's title bar, or
    // standing right above the byline, the date or the first paragraph, it is surely one.
    let candidate = |i: usize| {
        !furniture[i]
            && header_role[i].is_none()
            && is_headline_like(&lines[i])
            && site_name(&lines[i]).is_none()
            && !is_marker(&keys[i], &markers().roles)
            && !(i > 0 && i <= 3 && site_name(&lines[i - 1]).is_some())
            && !lines.get(i + 1).is_some_and(|n| is_caption_like(n) && n.split_whitespace().count() <= 10)
    };
    // every line's key and its leading words, looked up rather than scanned for each
    // candidate (a page of 10,000 short lines has no prose to stop at)
    // (a headline printed again stands near the top or the bottom: a title bar, a "this
    // work, <headline>, by …" credit; only those lines are searched)
    let edge = |i: usize| i < 200 || i + 200 >= keys.len();
    let mut count_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for k in keys.iter().enumerate().filter(|(i, _)| edge(*i)).map(|(_, k)| k) {
        *count_of.entry(k.as_str()).or_default() += 1;
    }
    // "headline | outlet" (the title bar): the headline with up to four words after it
    let mut bar_heads: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for k in keys.iter().enumerate().filter(|(i, _)| edge(*i)).map(|(_, k)| k) {
        let spaces: Vec<usize> = k.match_indices(' ').map(|(at, _)| at).collect();
        for cut in spaces.iter().rev().take(4) {
            bar_heads.insert(&k[..*cut]);
        }
    }
    let edges: String = keys.iter().enumerate().filter(|(i, _)| edge(*i)).map(|(_, k)| format!(" {k} ")).collect();
    const MAX_CANDIDATES: usize = 60;
    let title = (0..first_body)
        .filter(|&i| candidate(i))
        .take(MAX_CANDIDATES)
        .map(|i| {
            let words = lines[i].split_whitespace().count();
            let key = keys[i].as_str();
            // in the page's title bar; or printed twice, in a line of its own or inside
            // another (a menu's items repeat too, in the footer, so only lines of some length)
            let inside = format!(" {key} ");
            let seen = count_of.get(key).copied().unwrap_or(0) + edges.matches(&inside).count() - usize::from(edge(i));
            let repeated = bar_heads.contains(key) || (words >= 5 && seen >= 2);
            let next = (i + 1..lines.len()).find(|&j| !furniture[j] || header_role[j].is_some());
            let near_header =
                (i + 1..(i + 4).min(lines.len())).any(|j| header_role[j].is_some()) || next == Some(first_body);
            // the page's first lines are its site's name and tagline more often than not
            // a site's header in capitals ("KINGSBRIDGE UNIVERSITY - PRESS OFFICE")
            let capitals = !lines[i].chars().any(char::is_lowercase);
            let score = 3 * repeated as i32 + 2 * near_header as i32 + (words >= 5) as i32
                - (i < 2) as i32
                - 2 * capitals as i32;
            (score, i)
        })
        // on a tie, the first: a deck or a caption comes after its headline
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    // no title-like line before the body: the first line that is no furniture, when it is
    // short enough to be a title
    let title = title.or_else(|| {
        let i = (0..lines.len()).find(|&i| !furniture[i] && header_role[i].is_none())?;
        let words = lines[i].split_whitespace().count();
        ((1..=30).contains(&words) && lines[i].chars().count() <= 200 && !prose[i]).then_some((0, i))
    });
    let title_at = match known {
        Some(t) => {
            let key = fold(t);
            (0..lines.len()).find(|&i| keys[i] == key)
        }
        None => title.map(|(_, i)| i),
    };
    // no "By": a name alone next to the date line, or between the headline and the article
    // (short label lines above the article count as furniture, so look past that rule)
    if page.byline.is_none() {
        let near_date = |i: usize| date_at.as_ref().is_some_and(|(d, _)| i.abs_diff(*d) <= 2);
        let plain = |i: usize| {
            !keys[i].is_empty() && !is_furniture(&lines[i], &keys[i]) && !is_shape_furniture(&lines[i], false)
        };
        // a name with its role on the next line ("Senior Analyst, Afghanistan") first
        let role_next = |i: usize| {
            lines.get(i + 1).is_some_and(|n| {
                let n = n.to_lowercase();
                [
                    "analyst",
                    "correspondent",
                    "editor",
                    "reporter",
                    "writer",
                    "researcher",
                    "director",
                    "fellow",
                    "contributor",
                ]
                .iter()
                .any(|r| n.contains(r))
            })
        };
        let found: Vec<(usize, String)> = (0..first_body.min(lines.len()))
            .filter(|&i| {
                plain(i)
                    && header_role[i].is_none()
                    && Some(i) != title_at
                    && (near_date(i) || title_at.is_some_and(|t| i > t))
            })
            .chain(
                (first_body..lines.len().min(first_body + 4))
                    .filter(|&i| plain(i) && !prose[i] && header_role[i].is_none() && near_date(i)),
            )
            .filter_map(|i| bare_name(&lines[i]).map(|n| (i, n)))
            .collect();
        if let Some((i, name)) = found.iter().find(|(i, _)| role_next(*i)).or(found.first()).cloned() {
            page.byline = Some(name);
            header_role[i] = Some(Role::Byline);
        }
    }
    page.title = known.map(str::to_string).or_else(|| title_at.map(|i| lines[i].clone()));
    // no byline above: a wire's credit line at the end names the reporter ("(Reporting by
    // Abdul Wali Haidari; Editing by …)")
    if page.byline.is_none() {
        page.byline = lines.iter().rev().take(40).find_map(|l| {
            let t = l.trim().trim_start_matches('(');
            let rest =
                strip_prefix_ci(t, "reporting by ").or_else(|| strip_prefix_ci(t, "additional reporting by "))?;
            let name = rest.split([';', ')']).next()?.split(" in ").next()?.trim();
            bare_name(name).or_else(|| name_list(name))
        });
    }
    // last, an outlet the catalogue knows named in the page's own lines ("Get the Medium
    // app"); also over a copyright holder the catalogue does not know ("© NBC UNIVERSAL")
    let unknown_holder = from_copyright_only
        && page.outlet.as_deref().is_some_and(|o| outlets::by_name(o).is_none() && by_copyright.as_deref() == Some(o));
    if page.outlet.is_none() || unknown_holder {
        let last = last_prose_line(&lines, &furniture);
        // (the page's own lines: not the headline, not the article's sentences)
        page.outlet = (0..lines.len())
            .filter(|&i| {
                (furniture[i] || i < first_body || last.is_some_and(|p| i > p)) && Some(i) != title_at && !prose[i]
            })
            .find_map(|i| outlets::named_in(&lines[i]))
            .map(|o| o.name.to_string())
            // ("EMERGENCY UK" is Emergency's own branch: the holder stays)
            .filter(|named| {
                !page.outlet.as_deref().is_some_and(|held| held.to_lowercase().starts_with(&named.to_lowercase()))
            })
            .or(page.outlet.take());
    }
    // a publication the catalogue does not know names itself in the page's first line (a
    // blog's or a newsletter's name), above its headline; it beats a platform's name
    let platform =
        page.outlet.as_deref().and_then(outlets::by_name).is_some_and(|o| matches!(o.kind, "blog" | "aggregator"));
    if page.outlet.is_none() || platform {
        let first = (0..lines.len()).find(|&i| !keys[i].is_empty() && !is_furniture(&lines[i], &keys[i]));
        if let (Some(i), t) = (first, title_at.unwrap_or(first_body)) {
            // "KINGSBRIDGE UNIVERSITY - PRESS OFFICE": the name before its department
            let whole = lines[i].split(" - ").next().unwrap_or("").trim();
            let titled;
            let l = if !whole.chars().any(char::is_lowercase) {
                titled = whole
                    .split_whitespace()
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect::<String>())
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                &titled
            } else {
                whole
            };
            let words: Vec<&str> = l.split_whitespace().collect();
            let named = (2..=5).contains(&words.len())
                && i < t
                && header_role[i].is_none()
                && !l.chars().any(|c| c.is_ascii_digit())
                && !l.ends_with(['.', ':', '?', '!'])
                && !l.contains('|')
                && words.iter().all(|w| {
                    w.chars().next().is_some_and(|c| c.is_uppercase())
                        || matches!(*w, "of" | "the" | "and" | "for" | "on")
                });
            if named && Some(i) != title_at {
                page.outlet = Some(l.trim().to_string());
            }
        }
    }
    page.date = date_at.clone().map(|(i, d)| resolve_order(&lines[i], d, page.outlet.as_deref()));
    let title_key = title_at.map(|i| keys[i].clone()).unwrap_or_default();

    // a deck (standfirst) between the headline and the byline or date: not the article
    // a deck (standfirst) between the headline and the byline or date: one or two lines
    // right under the headline, never the article's paragraphs
    let header_end = title_at.and_then(|t| {
        (t + 1..(t + 5).min(lines.len())).filter(|&i| header_role[i].is_some_and(|r| r != Role::Publisher)).max()
    });
    let deck = match (title_at, header_end) {
        (Some(t), Some(h))
            if h > first_body && (t + 1..h).filter(|&i| !furniture[i] && header_role[i].is_none()).count() <= 2 =>
        {
            t + 1..h
        }
        _ => 0..0,
    };

    let m = markers();
    let last_prose =
        (0..lines.len()).rev().find(|&i| !furniture[i] && header_role[i].is_none() && prose[i] && Some(i) != title_at);
    let mut body: Vec<String> = Vec::new();
    let mut related = false; // inside a box of links to other stories
    for i in 0..lines.len() {
        let before_body = i < first_body;
        let key = &keys[i];
        if !before_body && i > title_at.unwrap_or(0) {
            // the comments start: nothing after is the article's
            if is_marker(key, &m.comments) && !prose[i] && !ends_sentence(&lines[i]) {
                break;
            }
            if is_marker(key, &m.related) && !prose[i] {
                related = true;
                continue;
            }
        }
        if furniture[i] || header_role[i].is_some() || Some(i) == title_at || deck.contains(&i) {
            continue;
        }
        let sentence = ends_sentence(&lines[i]);
        if related {
            if prose[i] {
                related = false;
            } else if !sentence {
                continue; // a headline of another story
            }
        }
        // after the last paragraph: links, menus and labels (no sentence in them)
        if last_prose.is_some_and(|p| i > p) && !sentence && !is_footnote(&lines[i]) {
            continue;
        }
        if is_marker(key, &m.roles) || is_meta_line(&lines[i], &m.meta_keys) || is_sign_off(&lines[i]) {
            continue;
        }
        // the headline again (a breadcrumb, the page's title bar), and the header's other
        // short lines: a site name, a section label
        if !title_key.is_empty()
            && (keys[i] == title_key
                || keys[i].ends_with(&format!(" {title_key}"))
                || keys[i].starts_with(&format!("{title_key} ")))
            && !prose[i]
            && !ends_sentence(&lines[i])
        {
            continue;
        }
        if before_body && title_at.is_some_and(|t| i < t) && !prose[i] {
            continue; // above the headline: the site's own lines
        }
        // a caption and its credit on the next line are one caption
        match lines.get(i + 1).and_then(|n| credit_only(n)) {
            Some(credit) if !prose[i] || lines[i].len() < 300 => {
                let caption = lines[i].trim_end();
                let stop = if ends_sentence(caption) { "" } else { "." };
                body.push(format!("{caption}{stop} Photo: {credit}"));
            }
            _ => body.push(lines[i].clone()),
        }
    }
    // a paragraph cut by a page break or a box between its lines goes on in lower case
    let mut merged: Vec<String> = Vec::with_capacity(body.len());
    for line in body {
        match merged.last_mut() {
            // (a paragraph's piece, not a list's short item)
            Some(last)
                if last.len() >= 60
                    && !ends_sentence(last)
                    && !last.ends_with(':')
                    && line.chars().next().is_some_and(char::is_lowercase) =>
            {
                last.push(' ');
                last.push_str(&line);
            }
            _ => merged.push(line),
        }
    }
    page.body = merged.join("\n\n");
    page
}

/// A photo credit alone on its line, as the credit's words: "(AFP Photo/Noor Mohammad)" ->
/// "AFP Photo/Noor Mohammad", "Photograph: John Smith/Reuters" -> "John Smith/Reuters".
fn credit_only(l: &str) -> Option<String> {
    let t = l.trim();
    if t.split_whitespace().nth(8).is_some() || ends_sentence(t) && !t.ends_with(')') || !is_caption_like(t) {
        return None;
    }
    let lower = t.to_lowercase();
    let credit_shaped = t.starts_with('(')
        || ["image source", "photograph", "photo:", "credit", "picture:", "image:"]
            .iter()
            .any(|p| lower.starts_with(p));
    if !credit_shaped {
        return None;
    }
    let mut c = t.trim_start_matches('(').trim_end_matches(')').trim();
    for p in ["Image source,", "Image source:", "Photograph:", "Photo:", "Picture:", "Image:", "Credit:"] {
        if let Some(rest) = strip_prefix_ci(c, p) {
            c = rest.trim();
        }
    }
    (!c.is_empty()).then(|| c.to_string())
}

/// The last line of prose that is no furniture.
fn last_prose_line(lines: &[String], furniture: &[bool]) -> Option<usize> {
    (0..lines.len()).rev().find(|&i| !furniture[i] && is_prose(&lines[i]))
}

/// The page's own address in a line that gives it: "Permalink https://p.dw.com/p/3yR8k",
/// "Source: https://…", "URL: https://…", or the line itself.
fn own_address(l: &str) -> Option<String> {
    let t = l.trim();
    let rest = [
        "permalink",
        "url source:",
        "source:",
        "url:",
        "link:",
        "original url:",
        "original:",
        "short link:",
        "shortlink:",
        "canonical:",
    ]
    .iter()
    .find_map(|p| strip_prefix_ci(t, p).map(str::trim));
    let candidate = rest.unwrap_or(t);
    let candidate = candidate.trim_start_matches(':').trim();
    (candidate.starts_with("http://") || candidate.starts_with("https://"))
        .then(|| crate::text::address::checked(candidate).ok().flatten())
        .flatten()
}

/// A notice about the page rather than the article: a cache's banner, a cookie text.
fn is_notice(l: &str) -> bool {
    let lower = l.to_lowercase();
    ["cache", "cookie", "snapshot", "this page", "this site", "this website", "javascript", "browser"]
        .iter()
        .any(|w| lower.contains(w))
}

/// `t` less the prefix `p` (ASCII, any case), sliced only at a character boundary.
fn strip_prefix_ci<'a>(t: &'a str, p: &str) -> Option<&'a str> {
    t.get(..p.len()).filter(|h| h.eq_ignore_ascii_case(p)).map(|_| &t[p.len()..])
}

/// The line ends a sentence (a full stop, a question, a quotation closing one).
fn ends_sentence(l: &str) -> bool {
    l.trim_end_matches(['"', '”', '’', '\'', ')', ']']).ends_with(['.', '?', '!'])
}

/// A report's footnote: "14 Q 212; Ev 96", "3 Ibid., para 12".
fn is_footnote(l: &str) -> bool {
    let mut w = l.split_whitespace();
    w.next().is_some_and(|n| n.len() <= 3 && n.chars().all(|c| c.is_ascii_digit())) && w.next().is_some()
}

/// A news database's record line: "Load-Date: December 11, 2007", "Tags: drought, Helmand".
fn is_meta_line(l: &str, keys: &[String]) -> bool {
    let Some((k, v)) = l.split_once(':') else { return false };
    k.split_whitespace().count() <= 3
        && !v.trim().is_empty()
        && v.split_whitespace().count() <= 16
        && !ends_sentence(l)
        && keys.contains(&fold(k))
}

/// A wire desk's sign-off: "str-bur-jm/sst", "ml/nz", "Enditem".
fn is_sign_off(l: &str) -> bool {
    let t = l.trim();
    t.eq_ignore_ascii_case("enditem")
        || (t.len() <= 30
            && !t.contains(' ')
            && (t.contains('/') || t.matches('-').count() >= 2)
            && t.chars().all(|c| c.is_ascii_lowercase() || matches!(c, '-' | '/')))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Byline,
    Date,
    Publisher,
}

/// The page's lines with hard-wrapped paragraphs joined. Text is taken as hard-wrapped when
/// most of its long lines end near one width (wire copy breaks every 60-70 characters); a
/// line then joins the next unless it is short (a paragraph's last line), the next is
/// indented or blank, or it ends a sentence and the next opens a new one after a short line.
fn rejoin(text: &str) -> Vec<String> {
    let raw: Vec<&str> = text.lines().map(|l| l.trim_end()).collect();
    // an indent every line has (a `lynx -dump`, a quoted mail) is no paragraph mark
    let common = raw.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let lengths: Vec<usize> = raw.iter().map(|l| l.trim().chars().count()).filter(|&n| n >= 30).collect();
    let mut sorted = lengths.clone();
    sorted.sort_unstable();
    let width = sorted.get(sorted.len() * 9 / 10).copied().unwrap_or(0);
    let near = lengths.iter().filter(|&&n| n + 20 >= width && n <= width).count();
    let wrapped = (40..=100).contains(&width) && lengths.len() >= 6 && near * 10 >= lengths.len() * 6;
    // paragraphs apart by blank lines: inside one, a short line is no paragraph's end
    // ("…our coordinator in Lashkar / Gah. The unit…")
    let blanks = raw.iter().filter(|l| l.trim().is_empty()).count();
    let blank_separated = wrapped && blanks * 8 >= raw.len();
    let mut out: Vec<String> = Vec::new();
    let mut open = false; // the last line of `out` goes on in the next
    let mut wide_block = false; // a line of the wrapping width is in the paragraph being built
    for l in &raw {
        let t = l.trim();
        if t.is_empty() {
            open = false;
            wide_block = false;
            continue;
        }
        let indented = l.len() - l.trim_start().len() > common;
        // furniture is short (a paragraph is never folded twice here)
        // (a line of the wrapping width inside a paragraph is the paragraph's: not looked at)
        let n = t.chars().count();
        let wide = n + 20 >= width;
        let furniture =
            wrapped && !(open && wide) && t.len() <= 300 && (is_furniture(t, &fold(t)) || is_shape_furniture(t, false));
        // a byline or a date under a headline starts a line of its own
        let header = open
            && t.len() <= 80
            && (strip_prefix_ci(t, "by ").is_some_and(|_| byline(t).is_some()) || date_line(t).is_some());
        if open && !indented && !furniture && !header {
            let last = out.last_mut().expect("open after a line");
            let hyphen = last.ends_with('-') && !last.ends_with(" -") && !last.ends_with("--");
            if hyphen && t.chars().next().is_some_and(char::is_lowercase) {
                last.pop(); // a word broken at the line's end: "con-" "tinued"
                last.push_str(t);
            } else if hyphen {
                last.push_str(t); // "Nad-e-" "Ali": the hyphen is the name's
            } else {
                last.push(' ');
                last.push_str(t);
            }
        } else {
            out.push(t.to_string());
            wide_block = false;
        }
        wide_block |= wrapped && wide;
        open = wrapped && (wide || (blank_separated && wide_block)) && !looks_like_list_line(t) && !furniture;
    }
    out
}

fn looks_like_list_line(t: &str) -> bool {
    t.matches(" | ").count() >= 2 || t.contains(" › ") || t.contains(" » ")
}

/// A line of article prose: a sentence or more.
fn is_prose(l: &str) -> bool {
    let words = l.split_whitespace().count();
    let ends = l.trim_end_matches(['"', '”', '’', '\'', ')']).ends_with(['.', '?', '!', ':']);
    (words >= 14 && ends) || words >= 30
}

/// Shapes of furniture: link lists ("News | World | Asia"), breadcrumbs ("Home › News"),
/// counters ("1 / 3", "Image 2 of 5"), clock times of videos ("02:31"), all-caps labels with a
/// link after them ("MORE: …", "RELATED: …"), and short label lines above the article.
fn is_shape_furniture(l: &str, above_body: bool) -> bool {
    let t = l.trim();
    let words: Vec<&str> = t.split_whitespace().take(27).collect();
    if words.len() > 25 {
        // a paragraph: of the shapes below only a list of links or a menu's cells are long
        return (t.contains('|') && t.split('|').all(|p| p.split_whitespace().count() <= 5))
            || (l.contains('\t') && !is_prose(t) && !t.bytes().any(|b| b.is_ascii_digit()));
    }
    let pipes = t.bytes().filter(|&b| b == b'|').count();
    if pipes >= 1 && t.split('|').all(|p| p.split_whitespace().count() <= if pipes >= 2 { 5 } else { 3 }) {
        return true;
    }
    // "Home › News › World", "Home » Latest News » Title", "News / Asia / Afghanistan"
    let crumbs = if t.bytes().any(|b| b == b'>' || b == b'/' || b >= 0xC2) {
        [" › ", " » ", " > ", " / "].iter().map(|sep| t.matches(sep).count()).max().unwrap_or(0)
    } else {
        0
    };
    if (crumbs >= 2 || (crumbs == 1 && words.len() <= 6)) && !is_prose(t) {
        return true;
    }
    if t.starts_with('«') || (t.contains('«') && t.contains('»')) {
        return true;
    }
    let counter = |s: &str| {
        if s.len() > 20 {
            return false;
        }
        let s = s.trim();
        let mut parts = s.split(['/', ' ']).filter(|p| !p.is_empty() && *p != "of");
        let digits = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        let rest: Vec<&str> = s.split_whitespace().collect();
        (digits(parts.next())
            && digits(parts.next())
            && parts.next().is_none()
            && (s.contains('/') || s.contains(" of ")))
            || (rest.len() == 4
                && matches!(rest[0].to_lowercase().as_str(), "image" | "photo" | "picture" | "slide")
                && rest[2] == "of")
    };
    if counter(t) {
        return true;
    }
    // links set in columns, copied as one line with runs of spaces between them
    if t.contains("   ") && !is_prose(t) && !t.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    // cells of a menu copied as one line (a table's row has figures in it)
    if l.contains('\t') && !is_prose(t) && !t.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    if words.len() > 8 && !t.contains(':') {
        return false; // what follows are short lines, or labels with a colon
    }
    // "2 hours ago", "7 min read", "Updated 5 minutes ago"
    let lower = t.to_lowercase();
    if words.len() <= 5
        && (lower.ends_with(" ago")
            || lower.ends_with(" min read")
            || lower.ends_with(" minute read")
            || lower.ends_with(" minutes read"))
    {
        return true;
    }
    if lower.starts_with("text size") || lower.starts_with("font size") {
        return true;
    }
    // "27 min", "3 min listen", "SOUTH ASIA DESK · 3 min": a length, alone or after a label
    let length = |part: &str| {
        let w: Vec<&str> = part.split_whitespace().collect();
        w.len() <= 3
            && w.first().is_some_and(|w| w.chars().all(|c| c.is_ascii_digit()))
            && w.get(1).is_some_and(|w| w.starts_with("min"))
    };
    if words.len() <= 8 && t.rsplit(['·', '|', '•']).next().is_some_and(length) {
        return true;
    }
    // a short label ("Revisions:", "Follow Al Jazeera English:")
    if t.ends_with(':') && words.len() <= 4 {
        return true;
    }
    // a photo credit alone: "(AFP Photo/Noor Mohammad)", "Image source, Getty Images"
    if words.len() <= 8
        && !ends_sentence(t)
        && is_caption_like(t)
        && (t.starts_with('(')
            || lower.starts_with("image source")
            || lower.starts_with("photograph")
            || lower.starts_with("photo:")
            || lower.starts_with("credit"))
    {
        return true;
    }
    // a wire's credit line: "(Reporting by X; Editing by Y)", "Additional reporting by X"
    let credit = t.trim_start_matches('(');
    if ["reporting by ", "additional reporting by ", "editing by ", "writing by ", "compiled by "]
        .iter()
        .any(|p| strip_prefix_ci(credit, p).is_some())
        && (t.contains(';') || t.ends_with(')') || lower.contains("editing by") || !ends_sentence(t))
    {
        return true;
    }
    // a printed page's running footer: a page number and capitals ("88 SPECIAL INSPECTOR
    // GENERAL I AFGHANISTAN RECONSTRUCTION", "REPORT TO CONGRESS I JANUARY 30, 2016 89")
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    let capitals = |ws: &[&str]| ws.len() >= 2 && ws.iter().all(|w| !w.chars().any(char::is_lowercase));
    if words.len() >= 3
        && ((number(words[0]) && capitals(&words[1..]))
            || (number(words[words.len() - 1]) && capitals(&words[..words.len() - 1])))
    {
        return true;
    }
    // a video's length or a clock time alone: "02:31", "1:04:10"
    if t.len() <= 8 && t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':') {
        return true;
    }
    // "MORE:", "RELATED:", "WATCH:", "READ MORE:", "VIDEO:" before a link's text (above the
    // article such a label opens a headline: "LIVE: Taliban push into …")
    if let Some((label, _)) = t.split_once(':').filter(|_| !above_body) {
        let label = label.trim();
        if !label.is_empty()
            && label.len() <= 14
            && label.chars().all(|c| c.is_uppercase() || c == ' ')
            && label.chars().any(char::is_alphabetic)
            && words.len() <= 25
        {
            return true;
        }
    }
    // above the article: short lines with no sentence in them that are labels or menus
    above_body
        && words.len() <= 2
        && !t.ends_with(['.', '?', '!'])
        && words.iter().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
}

/// A headline: a few words to a few dozen, not a date, a byline, a caption, a menu or a
/// sentence run on.
fn is_headline_like(l: &str) -> bool {
    let words = l.split_whitespace().count();
    (3..=30).contains(&words)
        && l.chars().count() <= 220
        && !l.ends_with(['.', ':'])
        && date_line(l).is_none()
        && byline(l).is_none()
        && !is_caption_like(l)
}

/// A photo caption or credit: "© Name, AFP", "REUTERS/Name", "Photograph: Name/AP",
/// "Image caption, …", "(Photo: …)".
fn is_caption_like(l: &str) -> bool {
    // every mark below holds one of these characters, or the word "caption"
    if !l.bytes().any(|b| matches!(b, b'/' | b':' | b'(' | b'-'))
        && !l.contains('©')
        && !l.contains('—')
        && !l.contains("aption")
    {
        return false;
    }
    let lower = l.to_lowercase();
    l.contains('©')
        || [
            "reuters/",
            "/ap",
            "/afp",
            "/getty",
            "/epa",
            "photo/",
            "photograph:",
            "image caption",
            "media caption",
            "(photo",
            "photo:",
            "picture:",
            "image:",
            "credit:",
            "video:",
            "watch:",
            "text by:",
        ]
        .iter()
        .any(|m| lower.contains(m))
        || [" — afp", " - afp", " — reuters", " - reuters", " — ap", " - ap"].iter().any(|m| lower.ends_with(m))
        || (l.ends_with(')') && l.rfind('(').is_some_and(|o| l[o..].contains('/')))
        || l.rsplit_once(". ").is_some_and(|(_, tail)| crate::engine::clean::is_photo_credit(tail))
}

/// "By X", "By X, Outlet", "By X | Outlet", "X, Outlet" (a known outlet), "Written by X",
/// "Author: X": the names, and the outlet when the line gives one.
fn byline(line: &str) -> Option<(Option<String>, Option<String>)> {
    let t = line.trim();
    if t.len() > 160 || t.split_whitespace().nth(20).is_some() {
        return None; // a byline is short
    }
    let rest = [
        "by ",
        "author: ",
        "authors: ",
        "author ",
        "byline: ",
        "reporter: ",
        "writer: ",
        "words: ",
        "text: ",
        "report: ",
        "written by ",
        "words by ",
        "posted by ",
        "reported by ",
        "story by ",
        "text by ",
    ]
    .iter()
    .find_map(|p| strip_prefix_ci(t, p).map(str::trim));
    // with no lead word, a byline is a name and an outlet, a list of names, or a report from
    if rest.is_none()
        && ![", ", " | ", " · ", " • ", " - ", " — ", " – ", " reports from ", " reporting from ", " writes from "]
            .iter()
            .any(|sep| t.contains(sep))
    {
        return None;
    }
    // a reader app's credit line: "Sara Qaderi · The Kandahar Ledger · 14 May 2019"
    if rest.is_none() {
        for sep in [" · ", " • ", " | "] {
            let parts: Vec<&str> = t.split(sep).map(str::trim).collect();
            if !(2..=4).contains(&parts.len()) || bare_name(parts[0]).as_deref() != Some(parts[0]) {
                continue;
            }
            let others: Vec<&str> = parts[1..].iter().copied().filter(|p| date_part(p).is_none()).collect();
            if others.len() < parts.len() - 1 || others.iter().any(|p| outlets::by_name(p).is_some()) {
                return Some((Some(parts[0].to_string()), others.first().and_then(|p| outlet_name(p))));
            }
        }
    }
    // "Colm Brady reports from Lashkar Gah"
    let reports = [" reports from ", " reporting from ", " writes from "]
        .iter()
        .find_map(|m| t.split_once(m))
        .filter(|_| rest.is_none());
    if let Some((name, _)) = reports.filter(|(_, tail)| tail.split_whitespace().count() <= 4 && !ends_sentence(t)) {
        if let Some(n) = bare_name(name) {
            return Some((Some(n), None));
        }
    }
    // "By A, B, and C" or "A | B | C": every part a name, kept as printed
    if let Some(list) = name_list(rest.unwrap_or(t)) {
        return Some((Some(list), None));
    }
    let (names, tail) = match rest {
        Some(r) => {
            let (n, tail) = split_credit(r);
            (n, tail)
        }
        None => {
            // "Laila Harmon, CNN" or "Tom Pennock | Reuters": a name and a known outlet
            let (n, tail) = split_credit(t);
            let tail = tail?;
            outlets::by_name(&tail)?;
            (n, Some(tail))
        }
    };
    let words: Vec<&str> = names.split_whitespace().collect();
    let name_like = !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|w| {
            let w = w.trim_end_matches(',');
            matches!(w, "and" | "&" | "de" | "van" | "al" | "bin" | "el")
                || w.chars().next().is_some_and(|c| c.is_uppercase())
        });
    if !name_like {
        return None;
    }
    let outlet = tail.and_then(|o| outlet_name(&o));
    let names = (!outlets::by_name(&names).is_some()).then_some(names);
    Some((names, outlet))
}

/// "Jane Doe, Reuters" / "Jane Doe | Reuters" / "Jane Doe in Kabul" -> ("Jane Doe", Some("Reuters")).
fn split_credit(s: &str) -> (String, Option<String>) {
    let s = s.split(" in ").next().unwrap_or(s);
    // "Tom Farrant at 09:14 PM": the time is no part of the name
    let s = s
        .match_indices(" at ")
        .find(|(at, _)| s[at + 4..].starts_with(|c: char| c.is_ascii_digit()))
        .map_or(s, |(at, _)| &s[..at]);
    // at the first separator: "X - Tue Mar 12 2019, 8:04 pm" splits at " - ", not at ", "
    let first = [" | ", ", ", " - ", " — ", " – "].iter().filter_map(|sep| s.find(sep).map(|at| (at, sep.len()))).min();
    if let Some((at, len)) = first {
        let (a, b) = (s[..at].trim(), s[at + len..].trim());
        // "Jane Doe, Correspondent", "X - date": not an outlet
        if date_line(b).is_some() {
            return (a.to_string(), None);
        }
        return (a.to_string(), Some(b.to_string()).filter(|b| !b.is_empty()));
    }
    (s.trim().to_string(), None)
}

/// Several names on a line: "Farid Hamidi, Laura Kessler, and Tom Brandt", "Aisha Rahimi |
/// Emre Kaya | Laura Becker".
fn name_list(s: &str) -> Option<String> {
    let s = s.trim();
    if s.len() > 120 || !(s.contains(" | ") || s.contains(", ")) {
        return None;
    }
    let parts: Vec<&str> = if s.contains(" | ") { s.split(" | ").collect() } else { s.split(", ").collect() };
    if parts.len() < 2 || parts.len() > 6 {
        return None;
    }
    let all = parts.iter().enumerate().all(|(k, p)| {
        let p = if k + 1 == parts.len() { p.trim_start_matches("and ").trim_start_matches("& ") } else { p };
        bare_name(p).is_some_and(|n| n == p.trim())
    });
    all.then(|| s.to_string())
}

/// A person's name alone on a line, as bylines stand under a headline ("Rahim Sharifi",
/// "Peter Hollins in Lashkar Gah", "Hugh Lander, Defence Editor"): two to four capitalised
/// words, no digits, no sentence.
fn bare_name(l: &str) -> Option<String> {
    const NOT_NAMES: [&str; 12] = ["In", "The", "Of", "And", "On", "At", "For", "To", "A", "An", "By", "From"];
    // a text browser's link number glued to the name: "[11]Kiran Doshi"
    let l = l.trim();
    let l = match l.strip_prefix('[').and_then(|r| r.split_once(']')) {
        Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => rest,
        _ => l,
    };
    let (name, _) = split_credit(l.trim());
    let words: Vec<&str> = name.split_whitespace().collect();
    // a role is no name ("Defence Editor", "Senior Analyst")
    const ROLES: [&str; 14] = [
        "editor",
        "correspondent",
        "writer",
        "reporter",
        "staff",
        "analyst",
        "chief",
        "senior",
        "special",
        "contributor",
        "producer",
        "columnist",
        "photographer",
        "desk",
    ];
    if l.split_whitespace().count() > 8
        || words.iter().any(|w| NOT_NAMES.contains(w) || ROLES.contains(&w.to_lowercase().as_str()))
    {
        return None;
    }
    let particle = |w: &str| matches!(w, "de" | "van" | "al" | "bin" | "el" | "von" | "da" | "ul");
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    let ok = (2..=4).contains(&words.len())
        && words.iter().all(|w| particle(w) || capitalised(w))
        && !l.chars().any(|c| c.is_ascii_digit())
        && !ends_sentence(l)
        && outlets::by_name(&name).is_none()
        && site_name(l).is_none();
    ok.then_some(name)
}

/// An outlet's name as the catalogue gives it, or as written when it looks like a name.
fn outlet_name(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches(['.', ',']);
    // "Source: Agencies", "Web Desk": no publisher's name
    const GENERIC: [&str; 10] = [
        "agencies",
        "news agencies",
        "agency",
        "wires",
        "wire services",
        "staff",
        "web desk",
        "news desk",
        "desk",
        "correspondents",
    ];
    if GENERIC.contains(&s.to_lowercase().as_str()) {
        return None;
    }
    if s.contains('/') || s.split_whitespace().all(is_roman) {
        return None; // a photo credit ("Name/Getty Images"), a year in Roman numerals
    }
    // the company that owns the outlet: "The New York Times Company", "Al Jazeera Media Network"
    let mut s = s;
    for suffix in [
        " Company",
        " Ltd",
        " Limited",
        " Inc",
        " Corporation",
        " Media Network",
        " Group",
        " PLC",
        " plc",
        " LLC",
        " Corp",
    ] {
        if let Some(head) = s.strip_suffix(suffix) {
            // the owner's legal name: the outlet, when the catalogue knows it, or the name without the form
            if outlets::by_name(head).is_some() || matches!(suffix, " Limited" | " Ltd" | " LLC" | " Inc") {
                s = head;
            }
        }
    }
    if let Some(o) = outlets::by_name(s).or_else(|| outlets::by_domain(&s.to_lowercase())) {
        return Some(o.name.to_string());
    }
    let words: Vec<&str> = s.split_whitespace().collect();
    let name = (1..=6).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()));
    let role = words.iter().any(|w| {
        matches!(
            w.to_lowercase().as_str(),
            "correspondent"
                | "reporter"
                | "writer"
                | "editor"
                | "staff"
                | "contributor"
                | "special"
                | "bureau"
                | "chief"
        )
    });
    (name && !role).then(|| s.to_string())
}

/// "July", "Jul", "Tuesday", "Tue", "Sept".
fn is_month_or_day(w: &str) -> bool {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    crate::text::calendar::month_number(w).is_some()
        || (w.len() >= 3 && w.len() <= 9 && DAYS.iter().any(|d| w.starts_with(d)))
}

fn is_roman(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| matches!(c, 'M' | 'D' | 'C' | 'L' | 'X' | 'V' | 'I'))
}

/// A date line: a short line that gives a date and little else ("Published 28 July 2009",
/// "Tuesday, July 28, 2009", "Page last updated at 17:13 GMT, Tuesday, 28 July 2009",
/// "date 2015-07-30", "Sat 21 Aug 2021 06.00 BST").
fn date_line(l: &str) -> Option<String> {
    if l.len() > 160 || !l.bytes().any(|b| b.is_ascii_digit()) {
        return None; // every date this reads has a year in figures
    }
    // "Source: Xinhua | 2016-08-10 21:14:05 | Editor: huaxia": each part on its own
    if l.contains(['|', '·', '•']) {
        return l.split(['|', '·', '•']).find_map(date_part);
    }
    // a month alone only on a line of its own ("May 2013"), never in a blog's archive links
    date_part(l).or_else(|| month_of(l))
}

fn date_part(l: &str) -> Option<String> {
    const DATE_WORDS: [&str; 25] = [
        "published",
        "updated",
        "posted",
        "last",
        "page",
        "on",
        "at",
        "date",
        "gmt",
        "bst",
        "utc",
        "edt",
        "est",
        "et",
        "am",
        "pm",
        "first",
        "modified",
        "uk",
        "time",
        "created",
        "filed",
        "issued",
        "of",
        "by",
    ];
    let words = l.split_whitespace().count();
    if words > 16 || is_prose(l) && words > 10 {
        return None;
    }
    // a date, and little else: not a headline that names a day
    let lower = l.trim().to_lowercase();
    let cue = ["published", "updated", "posted", "issued", "date", "last updated", "first published", "modified"]
        .iter()
        .any(|c| lower.starts_with(c));
    let other = l
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .filter(|w| !DATE_WORDS.contains(&w.as_str()) && !is_month_or_day(w))
        .count();
    if other > if cue { 6 } else { 3 } {
        return None;
    }
    iso_anywhere(l)
        .or_else(|| iso_date(&l.replace([';', '·', '•'], " ")))
        .or_else(|| numeric_date(l))
        .or_else(|| iso_date(&l.replace('-', " ")))
}

/// A month alone, as a magazine's issue gives it: "May 2013", "Issue: May 2013" -> "2013-05".
fn month_of(l: &str) -> Option<String> {
    let words: Vec<&str> = l.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.len() > 4 {
        return None;
    }
    words.windows(2).find_map(|w| {
        let m = crate::text::calendar::month_number(w[0])?;
        let y: u32 = (w[1].len() == 4).then(|| w[1].parse().ok()).flatten()?;
        (1990..=2100).contains(&y).then(|| format!("{y}-{m:02}"))
    })
}

/// "04.08.2021", "22/08/2016", "14/08/2006": day first (the common order outside the US);
/// `resolve_order` turns it month-first for a US outlet when both readings are valid.
fn numeric_date(l: &str) -> Option<String> {
    let b = l.as_bytes();
    for i in 0..b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            continue; // a number starts here (an ASCII digit: a character boundary)
        }
        let rest = &l[i..];
        let mut parts = rest.splitn(3, ['.', '/']);
        let (Some(a), Some(m), Some(y)) = (parts.next(), parts.next(), parts.next()) else { continue };
        let y: String = y.chars().take_while(char::is_ascii_digit).collect();
        let ok =
            |s: &str, n: std::ops::RangeInclusive<usize>| n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit());
        // "2023.05.11": the year first
        let d2: String = y.chars().take(2).collect();
        let plausible = a.parse::<u32>().is_ok_and(|y| (1990..=2100).contains(&y)); // not a solar year (1402)
        if ok(a, 4..=4)
            && plausible
            && ok(m, 1..=2)
            && (1..=2).contains(&d2.len())
            && y.chars().nth(d2.len()).is_none_or(|c| !c.is_ascii_digit())
        {
            let (mo, d): (u32, u32) = (m.parse().ok()?, d2.parse().ok()?);
            if (1..=12).contains(&mo) && (1..=31).contains(&d) {
                return Some(format!("{a}-{mo:02}-{d:02}"));
            }
        }
        if ok(a, 1..=2) && ok(m, 1..=2) && y.len() == 4 {
            let (d, mo): (u32, u32) = (a.parse().ok()?, m.parse().ok()?);
            let (d, mo) = if mo > 12 && d <= 12 { (mo, d) } else { (d, mo) };
            if (1..=12).contains(&mo) && (1..=31).contains(&d) {
                return Some(format!("{y}-{mo:02}-{d:02}"));
            }
        }
    }
    None
}

/// A day-first numeric date read again month-first, for an outlet of the United States,
/// when the line wrote it with numbers only and both readings are dates.
fn resolve_order(line: &str, date: String, outlet: Option<&str>) -> String {
    let us = outlet.and_then(outlets::by_name).is_some_and(|o| o.country == "US");
    if !us
        || date.len() != 10
        || iso_anywhere(line).is_some()
        || iso_date(&line.replace([';', '·', '•'], " ")).is_some()
    {
        return date;
    }
    let (y, rest) = date.split_at(5);
    let (m, d) = (&rest[..2], &rest[3..]);
    if d.parse::<u32>().is_ok_and(|d| d <= 12) {
        format!("{y}{d}-{m}")
    } else {
        date
    }
}

/// `YYYY-MM-DD` anywhere in a line.
fn iso_anywhere(l: &str) -> Option<String> {
    let b = l.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let w = &b[i..i + 10];
        let ok =
            w[4] == b'-' && w[7] == b'-' && w.iter().enumerate().all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit());
        (ok && (i == 0 || !b[i - 1].is_ascii_digit())).then(|| iso_date(&l[i..i + 10])).flatten()
    })
}

/// A copyright line: "© 2021 BBC", "Copyright 2010 The Associated Press" (with its mark or a
/// year: "Copyright Policy" is a link).
fn is_copyright(l: &str) -> bool {
    let t = l.trim_start();
    let year = t.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    t.starts_with('©')
        || strip_prefix_ci(t, "(c) ").is_some()
        || (strip_prefix_ci(t, "copyright").is_some() && (t.contains('©') || year))
}

/// The publisher a line names: a copyright line ("Copyright 2010 The Associated Press. All
/// rights reserved.", "© 2021 BBC"), or "Why you can trust Sky News".
fn publisher_mark(l: &str) -> Option<String> {
    let t = l.trim();
    let head: String = t.chars().take(20).flat_map(char::to_lowercase).collect();
    let marks = ["©", "copyright", "(c) ", "why you can trust", "from: ", "source: ", "published by", "publisher: "];
    if !marks.iter().any(|m| head.starts_with(m)) {
        return None;
    }
    if is_copyright(t) {
        let rest = t.trim_start_matches(|c: char| !c.is_alphanumeric() || c == 'c' || c == 'C');
        let rest = rest
            .strip_prefix("opyright")
            .unwrap_or(rest)
            .trim_start_matches(|c: char| !c.is_alphabetic() || c.is_ascii_digit());
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '–' | ',' | '©'));
        let name = rest.split(['.', '|', ';']).next().unwrap_or("").trim();
        let name = name.split(" All rights").next().unwrap_or(name).trim();
        // "The Financial Times Limited 2008", "Soldier Magazine 2013": the year after the name
        let name = name.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '–' | ',')).trim();
        return outlet_name(name);
    }
    if let Some(rest) = strip_prefix_ci(t, "why you can trust ") {
        return outlet_name(rest);
    }
    // "From: Ministry of Defence" (a government release), "Source: Al Jazeera and news agencies"
    for p in ["from: ", "source: ", "published by: ", "publisher: "] {
        if let Some(rest) = strip_prefix_ci(t, p) {
            let name = rest.split([',', '|', ';']).next().unwrap_or("").split(" and ").next().unwrap_or("").trim();
            if !name.starts_with("http") {
                if let Some(o) = outlets::by_name(name) {
                    return Some(o.name.to_string());
                }
                return (name.split_whitespace().count() <= 5).then(|| outlet_name(name)).flatten();
            }
        }
    }
    None
}

/// "KABUL, Afghanistan (AP) —", "Kabul (AFP) -", "LONDON (Reuters) -": the agency.
fn dateline_tag(l: &str) -> Option<String> {
    let head: String = l.chars().take(80).collect();
    let open = head.find('(')?;
    let close = head[open..].find(')')? + open;
    let after = head[close + 1..].trim_start();
    if !(after.starts_with('—') || after.starts_with('-') || after.starts_with('–')) {
        return None;
    }
    outlets::by_tag(&head[open + 1..close]).map(|o| o.name.to_string())
}

/// A line that is only a site's name the catalogue knows ("BBC NEWS", "DAWN.COM", "Mail Online").
fn site_name(l: &str) -> Option<String> {
    let t = l.trim();
    let t = t.strip_prefix("From ").unwrap_or(t); // "From The Times"
    let t = [" -- ", " | ", " - ", " — "].iter().find_map(|sep| t.split_once(sep).map(|(a, _)| a.trim())).unwrap_or(t);
    if t.len() > 70 || t.split_whitespace().count() > 7 {
        return None; // a site's name is short
    }
    let titled: String = t
        .split_whitespace()
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    outlets::by_name(t)
        .or_else(|| outlets::by_name(&titled))
        .or_else(|| t.contains('.').then(|| outlets::by_domain(&t.to_lowercase())).flatten())
        .map(|o| o.name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wire_page_with_menus_a_byline_and_a_copyright_line() {
        let page = "Skip to main content\nHome | News | World | Asia\nTroops push into Marjah\nBy JANE DOE\nFeb. 14, 2010\nMARJAH, Afghanistan (AP) — Marines pushed deeper into the town on Sunday as Taliban fighters fell back into the villages around it.\nThe fighting went on for a second day, officials said, and no end was in sight.\nShare\nCopyright 2010 The Associated Press. All rights reserved.\n";
        let p = read(page);
        assert_eq!(p.title.as_deref(), Some("Troops push into Marjah"));
        assert_eq!(p.byline.as_deref(), Some("JANE DOE"));
        assert_eq!(p.date.as_deref(), Some("2010-02-14"));
        assert_eq!(p.outlet.as_deref(), Some("Associated Press"));
        assert!(p.body.starts_with("MARJAH, Afghanistan (AP)"));
        assert!(!p.body.contains("Share") && !p.body.contains("Copyright") && !p.body.contains("Skip"));
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let para = "The Taliban took the district centre of Now\nZad on Thursday after a siege of three weeks, officials\nin Lashkar Gah said, adding that government troops had\nwithdrawn to a base on the edge of the town overnight.";
        let text = format!("Taliban take Now Zad\n\n{para}\n\n{para}\n\n{para}\n");
        let p = read(&text);
        let lines: Vec<&str> = p.body.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert!(lines[0].contains("centre of Now Zad on Thursday"));
    }

    #[test]
    fn a_caption_and_its_credit_are_one_caption() {
        let page = "Troops reach Sangin\nBy Jane Doe\nA soldier on patrol near the Sangin bazaar\n(AFP Photo/Noor Mohammad)\nBritish troops reached the town on Monday after a week of fighting along the river valley, officials said.\n";
        let p = read(page);
        assert!(
            p.body.contains("A soldier on patrol near the Sangin bazaar. Photo: AFP Photo/Noor Mohammad"),
            "{}",
            p.body
        );
        let c = crate::engine::clean::clean(
            &p.body,
            crate::engine::clean::Hints { title: p.title.as_deref(), outlet: None },
        );
        assert!(
            matches!(&c.blocks[0], crate::model::cleaned::Block::Caption(t) if t.contains("Noor Mohammad")),
            "{:?}",
            c.blocks
        );
        assert_eq!(credit_only("Photograph: John Smith/Reuters").as_deref(), Some("John Smith/Reuters"));
        assert_eq!(credit_only("The soldiers left the base on Monday."), None);
    }

    #[test]
    fn the_article_keeps_its_sentences() {
        // a dated sentence is no date line; a question is no comments section; a sentence
        // that opens with the headline's words is no repeat of it
        let para = "Officials in Lashkar Gah said the fighting had spread to three more districts over the weekend, and that families were leaving.";
        for (extra, kept) in [
            ("Kabul fell on 15 August 2021.", "Kabul fell on 15 August 2021."),
            ("What do you think?", "Readers wrote in their hundreds"),
            (
                "Taliban attack police in Helmand every week, he said.",
                "Taliban attack police in Helmand every week, he said.",
            ),
            ("Posted in Helmand since 2009, the battalion has lost twelve soldiers.", "Posted in Helmand since 2009"),
        ] {
            let page = format!("Taliban attack police in Helmand\nBy Jane Doe\n{para}\n{extra}\n{para} Readers wrote in their hundreds.\n");
            let p = read(&page);
            assert!(p.body.contains(kept), "{extra:?} lost:\n{}", p.body);
        }
    }

    #[test]
    fn odd_characters_never_panic() {
        for line in [
            "(Sgt. José Díaz/US Army)",
            "Lin\u{212A}: https://example.com/x",
            "Source: \u{212A}abul Times",
            "\u{130}mage: x",
            "May 2013",
            "Copyright 2013 The Associated Press. All rights reserved.",
        ] {
            let page = format!("Headline over the page\n{line}\nMay 2013\nA caption line here\n{line}\nThe Taliban took the town on Monday after a week of fighting, officials in the province said.\n{line}\n");
            let _ = read(&page);
        }
        assert_eq!(resolve_order("May 2013", "2013-05".into(), Some("Associated Press")), "2013-05");
    }

    #[test]
    fn many_short_lines_are_read_in_linear_time() {
        let text: String = (0..20_000).map(|i| format!("line number {i} of a subtitle file\n")).collect();
        let start = std::time::Instant::now();
        let _ = read(&text);
        assert!(start.elapsed().as_secs_f64() < 5.0, "{:?}", start.elapsed());
    }

    #[test]
    fn shapes_of_furniture() {
        for f in [
            "1 / 3",
            "Image 2 of 5",
            "02:31",
            "News | World | Asia",
            "Home › News › World",
            "MORE: Taliban take city",
            "« January 2010 | Main | March 2010 »",
        ] {
            assert!(is_shape_furniture(f, false), "{f}");
        }
        for prose in [
            "He said the 1 / 3 share was fair.",
            "Kabul: the city waits for news of the fighting in the south of the country.",
        ] {
            assert!(!is_shape_furniture(prose, false), "{prose}");
        }
    }

    #[test]
    fn bylines_dates_and_publishers() {
        assert_eq!(byline("By Laila Harmon, CNN"), Some((Some("Laila Harmon".into()), Some("CNN".into()))));
        assert_eq!(byline("Tom Pennock | Reuters"), Some((Some("Tom Pennock".into()), Some("Reuters".into()))));
        assert_eq!(byline("By the way, the fighting went on."), None);
        assert_eq!(date_line("Page last updated at 17:13 GMT, Tuesday, 28 July 2009").as_deref(), Some("2009-07-28"));
        assert_eq!(date_line("date 2015-07-30").as_deref(), Some("2015-07-30"));
        assert_eq!(date_line("Sat 21 Aug 2021 06.00 BST").as_deref(), Some("2021-08-21"));
        assert_eq!(publisher_mark("© 2021 BBC").as_deref(), Some("BBC News"));
        assert_eq!(publisher_mark("Why you can trust Sky News").as_deref(), Some("Sky News"));
        assert_eq!(dateline_tag("KABUL (AFP) - The Taliban said").as_deref(), Some("Agence France-Presse"));
    }
}
