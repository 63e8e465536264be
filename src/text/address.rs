//! An article's web address: checked (http and https only, so a `javascript:` address can
//! never become a link), and read for what it tells: the outlet, through its domain and the
//! outlet catalogue, and the day, where the path carries one (`/2021/08/03/`,
//! `/2021/aug/21/`, `-2015-07-30`, `/20150730/`).

/// The address as given, trimmed, if it is an http(s) address with a host; `Err` says why not.
pub fn checked(input: &str) -> Result<Option<String>, String> {
    let url = input.trim();
    if url.is_empty() {
        return Ok(None);
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("An address cannot hold spaces.".into());
    }
    match host_of(url) {
        Some(_) => Ok(Some(url.to_string())),
        None => Err(format!("“{url}” is not a web address: it must start with http:// or https://.")),
    }
}

/// The day in an address's path, as `YYYY-MM-DD`.
pub fn date(url: &str) -> Option<String> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = path.split_once('/').map_or("", |(_, p)| p);
    let path = path.split(['?', '#']).next().unwrap_or("");
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).filter(|p| !p.is_empty()).collect();
    let year = |p: &str| {
        p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()) && (1990..=2100).contains(&p.parse::<u32>().unwrap_or(0))
    };
    let two = |p: &str, max: u32| {
        (1..=2).contains(&p.len())
            && p.bytes().all(|b| b.is_ascii_digit())
            && (1..=max).contains(&p.parse::<u32>().unwrap_or(0))
    };
    for w in parts.windows(3) {
        if year(w[0]) {
            let month =
                if two(w[1], 12) { w[1].parse::<u32>().ok() } else { crate::text::calendar::month_number(w[1]) };
            if let (Some(m), true) = (month, two(w[2], 31)) {
                return Some(format!("{}-{m:02}-{:02}", w[0], w[2].parse::<u32>().ok()?));
            }
        }
    }
    // "/20150730/": eight digits that make a day
    parts.iter().find_map(|p| {
        (p.len() == 8
            && p.bytes().all(|b| b.is_ascii_digit())
            && year(&p[..4])
            && two(&p[4..6], 12)
            && two(&p[6..], 31))
        .then(|| format!("{}-{}-{}", &p[..4], &p[4..6], &p[6..]))
    })
}

/// The host of an http(s) URL, lower case, without userinfo, port or a trailing dot; `None`
/// for other schemes ("javascript:", "ftp://") and anything that is not a plausible host.
pub fn host_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    // The authority ends at the path, query or fragment; browsers also end it at a backslash.
    let authority = rest.split(['/', '?', '#', '\\']).next()?;
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port, ok_char): (&str, &str, fn(char) -> bool) = match host_port.strip_prefix('[') {
        // an IPv6 literal keeps its brackets
        Some(inner) => {
            let end = inner.find(']')? + 1;
            (&host_port[..=end], &inner[end..], |c| c.is_ascii_hexdigit() || "[]:.".contains(c))
        }
        None => {
            let (host, port) = host_port.split_at(host_port.find(':').unwrap_or(host_port.len()));
            (host, port, |c| c.is_alphanumeric() || "-._".contains(c))
        }
    };
    let port_ok = port.strip_prefix(':').unwrap_or(port).bytes().all(|b| b.is_ascii_digit());
    // "example.com." (fully qualified) is the same host as "example.com"
    let host = host.strip_suffix('.').unwrap_or(host);
    let host_ok = !host.is_empty() && !host.starts_with('.') && !host.contains("..");
    (port_ok && host_ok && host.chars().all(ok_char)).then(|| crate::text::case::lowercase(host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_kept() {
        assert_eq!(
            checked("  https://www.bbc.co.uk/news/world-asia-58093847 "),
            Ok(Some("https://www.bbc.co.uk/news/world-asia-58093847".into()))
        );
        assert_eq!(checked(""), Ok(None));
        for bad in [
            "javascript:alert(1)",
            "ftp://example.com/x",
            "www.bbc.co.uk/news",
            "https://",
            "http://exa mple.com",
            "data:text/html,<b>x</b>",
        ] {
            assert!(checked(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn days_from_addresses() {
        assert_eq!(
            date("https://www.reuters.com/world/asia-pacific/taliban-2021-08-03/").as_deref(),
            Some("2021-08-03")
        );
        assert_eq!(date("https://www.theguardian.com/world/2021/aug/21/helmand").as_deref(), Some("2021-08-21"));
        assert_eq!(date("https://apnews.com/2010/02/14/marjah").as_deref(), Some("2010-02-14"));
        assert_eq!(date("https://x.com/news/20150730/sangin").as_deref(), Some("2015-07-30"));
        assert_eq!(date("https://x.com/news/2015/13/40/sangin"), None);
        assert_eq!(date("https://x.com/article/123456789"), None);
        assert_eq!(date("https://2021.example.com/08/03"), None, "the host is no date");
    }
}
