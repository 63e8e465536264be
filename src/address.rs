//! An article's web address: checked (http and https only, so a `javascript:` address can
//! never become a link), and read for what it tells: the outlet, through its domain and the
//! outlet catalogue, and the day, where the path carries one (`/2021/08/03/`,
//! `/2021/aug/21/`, `-2015-07-30`, `/20150730/`).

use crate::outlets;

/// The address as given, trimmed, if it is an http(s) address with a host; `Err` says why not.
pub fn checked(input: &str) -> Result<Option<String>, String> {
    let url = input.trim();
    if url.is_empty() {
        return Ok(None);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("An address cannot hold spaces.".into());
    }
    match outlets::host_of(url) {
        Some(_) => Ok(Some(url.to_string())),
        None => Err(format!("“{url}” is not a web address: it must start with http:// or https://.")),
    }
}

/// The outlet a known domain belongs to.
pub fn outlet(url: &str) -> Option<&'static str> {
    outlets::host_of(url).and_then(|h| outlets::by_domain(&h)).map(|o| o.name)
}

/// The day in an address's path, as `YYYY-MM-DD`.
pub fn date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).filter(|p| !p.is_empty()).collect();
    let year = |p: &str| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) && (1990..=2100).contains(&p.parse::<u32>().unwrap_or(0));
    let two = |p: &str, max: u32| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()) && (1..=max).contains(&p.parse::<u32>().unwrap_or(0));
    for w in parts.windows(3) {
        if year(w[0]) {
            let month = if two(w[1], 12) { w[1].parse::<u32>().ok() } else { crate::clean::month_number(w[1]) };
            if let (Some(m), true) = (month, two(w[2], 31)) {
                return Some(format!("{}-{m:02}-{:02}", w[0], w[2].parse::<u32>().ok()?));
            }
        }
    }
    // "/20150730/": eight digits that make a day
    parts.iter().find_map(|p| {
        (p.len() == 8 && p.bytes().all(|b| b.is_ascii_digit()) && year(&p[..4]) && two(&p[4..6], 12) && two(&p[6..], 31)).then(|| format!("{}-{}-{}", &p[..4], &p[4..6], &p[6..]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_kept() {
        assert_eq!(checked("  https://www.bbc.co.uk/news/world-asia-58093847 "), Ok(Some("https://www.bbc.co.uk/news/world-asia-58093847".into())));
        assert_eq!(checked(""), Ok(None));
        for bad in ["javascript:alert(1)", "ftp://example.com/x", "www.bbc.co.uk/news", "https://", "http://exa mple.com", "data:text/html,<b>x</b>"] {
            assert!(checked(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn outlets_and_days_from_addresses() {
        assert_eq!(outlet("https://www.reuters.com/world/asia-pacific/x-2021-08-03/"), Some("Reuters"));
        assert_eq!(outlet("https://example.org/a"), None);
        assert_eq!(date("https://www.reuters.com/world/asia-pacific/taliban-2021-08-03/").as_deref(), Some("2021-08-03"));
        assert_eq!(date("https://www.theguardian.com/world/2021/aug/21/helmand").as_deref(), Some("2021-08-21"));
        assert_eq!(date("https://apnews.com/2010/02/14/marjah").as_deref(), Some("2010-02-14"));
        assert_eq!(date("https://x.com/news/20150730/sangin").as_deref(), Some("2015-07-30"));
        assert_eq!(date("https://x.com/news/2015/13/40/sangin"), None);
        assert_eq!(date("https://x.com/article/123456789"), None);
        assert_eq!(date("https://2021.example.com/08/03"), None, "the host is no date");
    }
}
