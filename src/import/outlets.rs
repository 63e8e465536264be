//! The outlet catalogue (`data/outlets.toml`): the wires, broadcasters, papers, analysts,
//! official bodies and NGOs that report on Afghanistan, with the names, dateline tags and
//! web domains by which a page can be attributed to one of them.
//!
//! The file keeps to a small subset of TOML (see its header) and is read here by a line
//! parser, so the WebAssembly worker carries no serde or toml; the tests check the file
//! against the `toml` crate and against the catalogue's rules.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::text::address::host_of;

/// One outlet of the catalogue. The strings borrow from the embedded file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outlet {
    /// The canonical name shown in the app.
    pub name: &'static str,
    /// Other names and abbreviations pages print as the publisher ("AP", "WSJ").
    pub short: Vec<&'static str>,
    /// Agency tags as in datelines "(AP)" and credits "AP Photo", without brackets.
    pub tags: Vec<&'static str>,
    /// Web domains, lower case; their subdomains match too.
    pub domains: Vec<&'static str>,
    /// wire, broadcaster, paper, magazine, afghan, analyst, official, ngo, un, blog or aggregator.
    pub kind: &'static str,
    /// ISO 3166-1 alpha-2 code of its home, or "INT".
    pub country: &'static str,
}

const SOURCE: &str = include_str!("../../data/outlets.toml");

/// The outlets and their look-up tables, built once.
struct Catalogue {
    outlets: Vec<Outlet>,
    /// `name_key` of every name and short name.
    names: HashMap<String, usize>,
    /// Lower-cased tags.
    tags: HashMap<String, usize>,
    domains: HashMap<&'static str, usize>,
}

fn loaded() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let outlets = parse(SOURCE).unwrap_or_else(|(line, why)| panic!("data/outlets.toml line {line}: {why}"));
        let (mut names, mut tags, mut domains) = (HashMap::new(), HashMap::new(), HashMap::new());
        for (i, o) in outlets.iter().enumerate() {
            // The tests guarantee no key is listed twice; `or_insert` keeps the first anyway.
            for n in std::iter::once(&o.name).chain(&o.short) {
                names.entry(name_key(n)).or_insert(i);
            }
            for t in &o.tags {
                tags.entry(t.to_lowercase()).or_insert(i);
            }
            for d in &o.domains {
                domains.entry(*d).or_insert(i);
            }
        }
        Catalogue { outlets, names, tags, domains }
    })
}

/// Every outlet, in the file's order.
pub fn catalogue() -> &'static [Outlet] {
    &loaded().outlets
}

/// The outlet of a URL ("https://www.bbc.co.uk/news/x") or a bare host ("edition.cnn.com"):
/// the longest registered domain that is the host or a parent domain of it.
pub fn by_domain(host: &str) -> Option<&'static Outlet> {
    let c = loaded();
    let host = if host.contains("://") {
        host_of(host)?
    } else if host.contains('@') {
        // not a host: "mailto:a@b.com" would otherwise read as userinfo and a host
        return None;
    } else {
        host_of(&format!("http://{}", host.trim()))?
    };
    let mut h = host.as_str();
    // "www.", "m." and "amp." are the same site as the bare domain.
    while let Some(rest) = ["www.", "m.", "amp."].iter().find_map(|p| h.strip_prefix(p)) {
        h = rest;
    }
    // The host, then each parent domain: the first registered one is the longest match, and
    // stepping by whole labels keeps "notcnn.com" from matching "cnn.com".
    loop {
        if let Some(&i) = c.domains.get(h) {
            return Some(&c.outlets[i]);
        }
        h = h.split_once('.')?.1;
    }
}

/// The outlet whose name or short name is `text`, ignoring case, spacing and a leading
/// "The " ("the guardian", "AP", "Reuters").
pub fn by_name(text: &str) -> Option<&'static Outlet> {
    let c = loaded();
    c.names.get(&name_key(text)).map(|&i| &c.outlets[i])
}

/// The outlet of a dateline or credit tag, ignoring case and brackets ("AP", "(AFP)").
pub fn by_tag(tag: &str) -> Option<&'static Outlet> {
    let c = loaded();
    let tag = tag.trim_matches(|ch: char| ch == '(' || ch == ')' || ch.is_whitespace());
    c.tags.get(&tag.to_lowercase()).map(|&i| &c.outlets[i])
}

/// How names compare: lower case, single spaces, straight apostrophes (pages print
/// "Maclean’s"), no leading "the ".
fn name_key(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s.to_lowercase().replace('\u{2019}', "'");
    match s.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None => s,
    }
}

/// A parse error: the 1-based line and what is wrong with it.
type ParseError = (usize, &'static str);

enum Value {
    Str(&'static str),
    List(Vec<&'static str>),
}

const KEYS: [&str; 6] = ["name", "short", "tags", "domains", "kind", "country"];

/// Reads the catalogue's subset of TOML: `[[outlet]]` tables of the six keys, one
/// `key = "string"` or `key = ["list"]` a line, and `#` comments.
fn parse(src: &'static str) -> Result<Vec<Outlet>, ParseError> {
    // each table: its line, the outlet so far, and a bit per key seen
    let mut tables: Vec<(usize, Outlet, u8)> = Vec::new();
    for (n, line) in src.lines().enumerate().map(|(i, l)| (i + 1, l.trim())) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == "[[outlet]]" {
            tables.push((n, Outlet::default(), 0));
            continue;
        }
        let (key, text) = line.split_once('=').ok_or((n, "expected `[[outlet]]` or `key = value`"))?;
        let key = key.trim();
        let (value, rest) =
            value(text.trim()).ok_or((n, "expected a \"string\" or a [\"list\"] on one line, no escapes"))?;
        if !rest.is_empty() && !rest.starts_with('#') {
            return Err((n, "unexpected text after the value"));
        }
        let (_, o, seen) = tables.last_mut().ok_or((n, "a key before the first [[outlet]]"))?;
        let index = KEYS.iter().position(|k| *k == key);
        let bit = 1 << index.ok_or((n, "unknown key"))?;
        if *seen & bit != 0 {
            return Err((n, "a key given twice"));
        }
        *seen |= bit;
        match (key, value) {
            ("name", Value::Str(s)) => o.name = s,
            ("kind", Value::Str(s)) => o.kind = s,
            ("country", Value::Str(s)) => o.country = s,
            ("short", Value::List(l)) => o.short = l,
            ("tags", Value::List(l)) => o.tags = l,
            ("domains", Value::List(l)) => o.domains = l,
            _ => return Err((n, "name, kind and country are strings, the others lists")),
        }
    }
    let all = (1u8 << KEYS.len()) - 1;
    tables
        .into_iter()
        .map(|(n, o, seen)| if seen == all { Ok(o) } else { Err((n, "an [[outlet]] without all six keys")) })
        .collect()
}

/// A string or a list of strings at the start of `s`, and the trimmed text after it.
fn value(s: &'static str) -> Option<(Value, &'static str)> {
    let Some(mut rest) = s.strip_prefix('[') else {
        let (text, after) = string(s)?;
        return Some((Value::Str(text), after.trim()));
    };
    let mut items = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix(']') {
            return Some((Value::List(items), after.trim()));
        }
        let (item, after) = string(rest)?;
        items.push(item);
        rest = after.trim_start();
        // items are separated by commas; one may trail before the `]`
        match rest.strip_prefix(',') {
            Some(after) => rest = after,
            None if rest.starts_with(']') => {}
            None => return None,
        }
    }
}

/// A `"…"` string without escapes (so its text is exactly what TOML reads), and what follows.
fn string(s: &'static str) -> Option<(&'static str, &'static str)> {
    let body = s.strip_prefix('"')?;
    let end = body.find('"')?;
    let text = &body[..end];
    (!text.contains('\\')).then_some((text, &body[end + 1..]))
}

/// The outlet whose name or short name a line holds as whole words ("Get the Medium app",
/// "© Khaama Press News Agency"); names of four letters or fewer are left out (an "AP" or a
/// "DW" inside a sentence is no mark of the page's publisher).
pub fn named_in(line: &str) -> Option<&'static Outlet> {
    // every name at once, with one automaton (a page has hundreds of lines, the catalogue
    // hundreds of names)
    static FINDER: OnceLock<(aho_corasick::AhoCorasick, Vec<usize>)> = OnceLock::new();
    let (finder, owners) = FINDER.get_or_init(|| {
        let c = loaded();
        let (mut keys, mut owners) = (Vec::new(), Vec::new());
        for (i, o) in c.outlets.iter().enumerate() {
            for n in std::iter::once(o.name).chain(o.short.iter().copied()).filter(|n| n.chars().count() > 4) {
                keys.push(format!(" {} ", words_key(n)));
                owners.push(i);
            }
        }
        (aho_corasick::AhoCorasick::new(&keys).expect("the catalogue's names build an automaton"), owners)
    });
    let line = format!(" {} ", words_key(line));
    finder.find(&line).map(|m| &loaded().outlets[owners[m.pattern().as_usize()]])
}

/// Lower-case words separated by single spaces, punctuation dropped.
fn words_key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlets_from_addresses() {
        assert_eq!(outlet("https://www.reuters.com/world/asia-pacific/x-2021-08-03/"), Some("Reuters"));
        assert_eq!(outlet("https://example.org/a"), None);
    }
    use std::collections::HashSet;

    const KINDS: [&str; 11] = [
        "wire",
        "broadcaster",
        "paper",
        "magazine",
        "afghan",
        "analyst",
        "official",
        "ngo",
        "un",
        "blog",
        "aggregator",
    ];

    fn name(o: Option<&Outlet>) -> Option<&'static str> {
        o.map(|o| o.name)
    }

    #[test]
    fn the_catalogue_is_large() {
        assert!(catalogue().len() >= 120, "{} outlets", catalogue().len());
    }

    #[test]
    fn the_toml_crate_reads_the_same_entries() {
        type Entry = (String, Vec<String>, Vec<String>, Vec<String>, String, String);
        let table: toml::Table = SOURCE.parse().expect("data/outlets.toml is valid TOML");
        assert_eq!(table.keys().collect::<Vec<_>>(), ["outlet"]);
        let text = |v: &toml::Value| v.as_str().expect("a string").to_string();
        let list = |v: &toml::Value| -> Vec<String> { v.as_array().expect("a list").iter().map(text).collect() };
        let theirs: Vec<Entry> = table["outlet"]
            .as_array()
            .expect("[[outlet]] tables")
            .iter()
            .map(|e| {
                let e = e.as_table().expect("a table");
                assert_eq!(e.len(), KEYS.len(), "{e:?}");
                (
                    text(&e["name"]),
                    list(&e["short"]),
                    list(&e["tags"]),
                    list(&e["domains"]),
                    text(&e["kind"]),
                    text(&e["country"]),
                )
            })
            .collect();
        let owned = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let ours: Vec<Entry> = catalogue()
            .iter()
            .map(|o| {
                (o.name.into(), owned(&o.short), owned(&o.tags), owned(&o.domains), o.kind.into(), o.country.into())
            })
            .collect();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn every_entry_follows_the_rules() {
        let trimmed = |s: &str| !s.is_empty() && s.trim() == s && !s.contains("  ");
        for o in catalogue() {
            assert!(trimmed(o.name), "name {:?}", o.name);
            assert!(KINDS.contains(&o.kind), "{}: kind {:?}", o.name, o.kind);
            let iso = o.country.len() == 2 && o.country.bytes().all(|b| b.is_ascii_uppercase());
            // "UK" is a common slip: the ISO code is GB
            assert!((iso && o.country != "UK") || o.country == "INT", "{}: country {:?}", o.name, o.country);
            for s in &o.short {
                assert!(trimmed(s), "{}: short name {s:?}", o.name);
            }
            for t in &o.tags {
                assert!(trimmed(t) && !t.contains(['(', ')', '[', ']']), "{}: tag {t:?}", o.name);
            }
            for d in &o.domains {
                let chars = d.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-');
                let shape = d.contains('.') && !d.starts_with('.') && !d.ends_with('.') && !d.contains("..");
                // by_domain strips these prefixes from hosts: a domain starting with one
                // would never match
                let prefix = ["www.", "m.", "amp."].iter().any(|p| d.starts_with(p));
                assert!(chars && shape && !prefix, "{}: domain {d:?}", o.name);
            }
        }
    }

    #[test]
    fn no_name_tag_or_domain_belongs_to_two_entries() {
        // Names and short names share one space (as by_name compares them); a tag may repeat
        // its own entry's name ("AP") but not another entry's.
        let mut names: HashMap<String, &str> = HashMap::new();
        let mut tags: HashMap<String, &str> = HashMap::new();
        let mut domains = HashSet::new();
        for o in catalogue() {
            for n in std::iter::once(&o.name).chain(&o.short) {
                let before = names.insert(name_key(n), o.name);
                assert!(before.is_none(), "{n:?} is listed twice ({} and {})", before.unwrap_or(""), o.name);
            }
            for t in &o.tags {
                let before = tags.insert(t.to_lowercase(), o.name);
                assert!(before.is_none(), "tag {t:?} is listed twice ({} and {})", before.unwrap_or(""), o.name);
            }
            for d in &o.domains {
                assert!(domains.insert(*d), "domain {d:?} is listed twice");
            }
        }
        for (tag, owner) in &tags {
            if let Some(other) = names.get(&name_key(tag)) {
                assert_eq!(other, owner, "tag {tag:?} of {owner} is the name of {other}");
            }
        }
    }

    #[test]
    fn short_names_are_not_generic_words() {
        let generic =
            ["times", "sun", "mail", "news", "post", "star", "standard", "herald", "tribune", "express", "observer"];
        for o in catalogue() {
            for s in &o.short {
                assert!(!generic.contains(&name_key(s).as_str()), "{}: short name {s:?} is too generic", o.name);
            }
        }
    }

    #[test]
    fn every_listed_key_finds_its_own_entry() {
        for o in catalogue() {
            for n in std::iter::once(&o.name).chain(&o.short) {
                assert_eq!(name(by_name(n)), Some(o.name), "by_name({n:?})");
            }
            for t in &o.tags {
                assert_eq!(name(by_tag(t)), Some(o.name), "by_tag({t:?})");
            }
            for d in &o.domains {
                assert_eq!(name(by_domain(d)), Some(o.name), "by_domain({d:?})");
                assert_eq!(name(by_domain(&format!("https://www.{d}/a"))), Some(o.name), "by_domain(www.{d})");
            }
        }
    }

    #[test]
    fn host_of_takes_the_host_of_http_urls() {
        assert_eq!(host_of("https://www.bbc.co.uk/news/x").as_deref(), Some("www.bbc.co.uk"));
        assert_eq!(host_of("HTTP://Edition.CNN.com").as_deref(), Some("edition.cnn.com"));
        assert_eq!(host_of("https://user:pw@apnews.com:8443/a?b#c").as_deref(), Some("apnews.com"));
        assert_eq!(host_of("http://reuters.com?x=1").as_deref(), Some("reuters.com"));
        assert_eq!(host_of("http://reuters.com#top").as_deref(), Some("reuters.com"));
        assert_eq!(host_of("  https://dawn.com./news  ").as_deref(), Some("dawn.com"));
        assert_eq!(host_of("http://[::1]:8080/").as_deref(), Some("[::1]"));
        // the real host of a look-alike: userinfo before "@", a path after "/"
        assert_eq!(host_of("https://bbc.co.uk@evil.example/").as_deref(), Some("evil.example"));
        assert_eq!(host_of("https://evil.example/@bbc.co.uk").as_deref(), Some("evil.example"));
    }

    #[test]
    fn host_of_refuses_other_schemes_and_garbage() {
        for url in [
            "javascript:alert(1)",
            "ftp://ftp.bbc.co.uk/file",
            "file:///etc/passwd",
            "mailto:desk@bbc.co.uk",
            "data:text/html,hi",
            "//bbc.co.uk/news",
            "bbc.co.uk/news",
            "",
            "https://",
            "https:///path",
            "https://bbc.co.uk:80x/",
            "https://bad host.com/",
            "https://a..b.com/",
            "https://[::1/",
            "not a url",
        ] {
            assert_eq!(host_of(url), None, "{url:?}");
        }
    }

    #[test]
    fn by_domain_matches_hosts_and_their_subdomains() {
        assert_eq!(name(by_domain("https://www.bbc.co.uk/news/x")), Some("BBC News"));
        assert_eq!(name(by_domain("https://news.bbc.co.uk/2/hi/south_asia/1.stm")), Some("BBC News"));
        assert_eq!(name(by_domain("edition.cnn.com")), Some("CNN"));
        assert_eq!(name(by_domain("https://EDITION.CNN.COM:443/2009/x")), Some("CNN"));
        assert_eq!(name(by_domain("m.theguardian.com/world")), Some("The Guardian"));
        assert_eq!(name(by_domain("https://amp.theguardian.com/world")), Some("The Guardian"));
        assert_eq!(name(by_domain("http://www.m.dailymail.co.uk/")), Some("Daily Mail"));
        assert_eq!(name(by_domain("https://hosted.ap.org/x")), Some("Associated Press"));
        assert_eq!(name(by_domain("https://abc.net.au/news")), Some("Australian Broadcasting Corporation"));
        assert_eq!(name(by_domain("https://abcnews.go.com/International")), Some("ABC News"));
    }

    #[test]
    fn by_domain_prefers_the_longest_registered_domain() {
        assert_eq!(name(by_domain("https://news.un.org/en/story")), Some("UN News"));
        assert_eq!(name(by_domain("https://www.un.org/sg")), Some("United Nations"));
        assert_eq!(
            name(by_domain("http://www.isaf.nato.int/article")),
            Some("International Security Assistance Force")
        );
        assert_eq!(name(by_domain("https://www.nato.int/cps")), Some("NATO"));
        assert_eq!(name(by_domain("http://observer.guardian.co.uk/world")), Some("The Observer"));
        assert_eq!(name(by_domain("http://www.msnbc.msn.com/id/1")), Some("MSNBC"));
        assert_eq!(name(by_domain("https://www.msn.com/en-gb/news")), Some("MSN"));
    }

    #[test]
    fn by_domain_refuses_look_alikes_and_non_urls() {
        for host in [
            "notcnn.com",
            "https://notcnn.com/x",
            "cnn.com.evil.example",
            "https://bbc.co.uk.evil.example/",
            "https://bbc.co.uk@evil.example/",
            "https://go.com/",
            "https://indiatimes.com/",
            "https://sky.com/",
            "javascript:alert(1)",
            "ftp://ftp.cnn.com/",
            "mailto:desk@cnn.com",
            "",
            "com",
        ] {
            assert_eq!(name(by_domain(host)), None, "{host:?}");
        }
    }

    #[test]
    fn by_name_ignores_case_spacing_and_a_leading_the() {
        assert_eq!(name(by_name("the guardian")), Some("The Guardian"));
        assert_eq!(name(by_name("Guardian")), Some("The Guardian"));
        assert_eq!(name(by_name("  THE   Guardian ")), Some("The Guardian"));
        assert_eq!(name(by_name("AP")), Some("Associated Press"));
        assert_eq!(name(by_name("The Associated Press")), Some("Associated Press"));
        assert_eq!(name(by_name("Reuters")), Some("Reuters"));
        assert_eq!(name(by_name("Mail Online")), Some("Daily Mail"));
        assert_eq!(name(by_name("ABC News")), Some("ABC News"));
        assert_eq!(name(by_name("ABC")), Some("Australian Broadcasting Corporation"));
        assert_eq!(name(by_name("Tolo")), Some("TOLOnews"));
        assert_eq!(name(by_name("Maclean\u{2019}s")), Some("Maclean's"));
    }

    #[test]
    fn by_name_is_an_exact_match() {
        for text in ["", "The", "Mail", "Guardian newspaper", "Reuter", "BBC News Online Edition", "cnn.com", "News"] {
            assert_eq!(name(by_name(text)), None, "{text:?}");
        }
    }

    #[test]
    fn by_tag_reads_dateline_tags() {
        assert_eq!(name(by_tag("AP")), Some("Associated Press"));
        assert_eq!(name(by_tag("(AFP)")), Some("Agence France-Presse"));
        assert_eq!(name(by_tag("Reuters")), Some("Reuters"));
        assert_eq!(name(by_tag("DPA")), Some("Deutsche Presse-Agentur"));
        assert_eq!(name(by_tag(" Pajhwok ")), Some("Pajhwok Afghan News"));
        for tag in ["", "()", "Associated", "APF", "BBC", "AP Photo"] {
            assert_eq!(name(by_tag(tag)), None, "{tag:?}");
        }
    }

    #[test]
    fn the_parser_reports_the_bad_line() {
        const OK: &str = r#"
            # a comment
            [[outlet]]
            name = "A"
            short = []
            tags = ["A",]
            domains = [ "a.com","b.com" ]  # a comment after the value
            kind = "wire"
            country = "US"
        "#;
        let outlets = parse(OK).expect("a good table");
        assert_eq!(outlets[0].domains, ["a.com", "b.com"]);
        assert_eq!(outlets[0].tags, ["A"]);
        let line = |src: &'static str| parse(src).map(|_| ()).unwrap_err().0;
        assert_eq!(line("# c\nname = \"A\""), 2, "a key before any table");
        assert_eq!(line("[[outlet]]\nname = \"A\"\nbogus = \"x\""), 3, "an unknown key");
        assert_eq!(line("[[outlet]]\nname = \"A\"\nname = \"B\""), 3, "a key given twice");
        assert_eq!(line("[[outlet]]\nname = [\"A\"]"), 2, "a list for a string");
        assert_eq!(line("[[outlet]]\ntags = \"A\""), 2, "a string for a list");
        assert_eq!(line("[[outlet]]\ndomains = [\n  \"a.com\",\n]"), 2, "a multi-line list");
        assert_eq!(line("[[outlet]]\nname = \"A \\\"B\\\"\""), 2, "an escape");
        assert_eq!(line("[[outlet]]\nname = \"A\" x"), 2, "text after the value");
        assert_eq!(line("[[outlet]]\nname = \"A"), 2, "an open string");
        assert_eq!(line("[[outlet]]\ntags = [\"A\" \"B\"]"), 2, "a missing comma");
        assert_eq!(line("[outlet]"), 1, "another table header");
        assert_eq!(line("[[outlet]]\nname = \"A\"\n\n[[outlet]]"), 1, "a table without all keys");
    }
}

/// The outlet a known domain belongs to.
pub fn outlet(url: &str) -> Option<&'static str> {
    host_of(url).and_then(|h| by_domain(&h)).map(|o| o.name)
}
