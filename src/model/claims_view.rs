//! What the reader shows of the claims of the shown articles: the figures grouped by
//! district and date with disagreements marked, each district's timeline of control with
//! conflicting claims side by side and whether a fall stands, and both as CSV. A copy of
//! the same wire story counts once (the same claim, in the same words, from two articles).

use crate::model::article::Article;
use crate::model::claims::{Claimant, ClaimantKind, Control, ControlEvent, Figure, Place};
use crate::model::library::Library;
use crate::text::calendar::human_date;
use crate::text::csv::line;
use crate::text::sort::sort_by;
use std::collections::HashMap;

/// One claim as a row: where it is (article, index in the article's list) and the other
/// articles that carry the same words (copies of one wire story).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub article: usize,
    pub item: usize,
    pub copies: Vec<usize>,
    /// Another source in the same group gives a count of the same people that cannot be
    /// squared with this one.
    pub disputed: bool,
}

/// Figures about one district (or none named) and one time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureGroup {
    pub district: Option<String>,
    /// The date all its rows share (`None`: not dated).
    pub date: Option<String>,
    /// The figures give no date, and `date` is the day the articles carrying them were
    /// published (claims of one day's reports set side by side).
    pub reported: bool,
    pub rows: Vec<Row>,
}

impl FigureGroup {
    /// "Musa Qala · 26 Aug 2015", "Lashkar Gah · reported 12 Oct 2020".
    pub fn label(&self) -> String {
        let place = self.district.as_deref().unwrap_or("No district named");
        match (&self.date, self.reported) {
            (Some(_), true) => format!("{place} · undated, reported {}", date_label(&self.date)),
            _ => format!("{place} · {}", date_label(&self.date)),
        }
    }
}

/// Dates of one time: equal, or one within the other ("2015-08" and "2015-08-26").
fn same_time(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x.starts_with(y.as_str()) || y.starts_with(x.as_str()),
        (None, None) => true,
        _ => false,
    }
}

/// What makes two claims one: the same claim by the same source in the same words.
fn key(kind: u32, claimant: &Claimant, quote: &str) -> String {
    let mut k = kind.to_string();
    for part in [claimant.kind.as_str(), claimant.name.as_deref().unwrap_or(""), quote] {
        k.push('\u{1f}');
        k.push_str(part);
    }
    k
}

fn figure_key(f: &Figure) -> String {
    key(f.value << 8 | (f.what as u32) << 4 | f.side as u32, &f.claimant, &f.quote)
}

fn event_key(e: &ControlEvent) -> String {
    key(e.event as u32, &e.claimant, &e.quote)
}

/// The rows of `items` over the shown articles, copies (in other articles) folded into
/// their first.
fn rows<'a, T: 'a>(
    library: &'a Library,
    shown: &[usize],
    items: impl Fn(&'a Article) -> &'a [T],
    key: impl Fn(&'a T) -> String,
) -> Vec<Row> {
    let mut out: Vec<Row> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for &ai in shown {
        let Some(a) = library.articles.get(ai) else { continue };
        for (k, item) in items(a).iter().enumerate() {
            match seen.get(&key(item)) {
                Some(&r) if out[r].article != ai => out[r].copies.push(ai),
                Some(_) => {}
                None => {
                    seen.insert(key(item), out.len());
                    out.push(Row { article: ai, item: k, copies: Vec::new(), disputed: false });
                }
            }
        }
    }
    out
}

/// The figure of a row.
pub fn figure<'a>(library: &'a Library, r: &Row) -> &'a Figure {
    &library.articles[r.article].claims.figures[r.item]
}

/// The control event of a row.
pub fn event<'a>(library: &'a Library, r: &Row) -> &'a ControlEvent {
    &library.articles[r.article].claims.events[r.item]
}

/// Two counts of the same people that cannot both be right: their ranges do not meet.
fn disagree(a: &Figure, b: &Figure) -> bool {
    let ((al, ah), (bl, bh)) = (a.bounds(), b.bounds());
    a.what == b.what && a.side == b.side && a.families == b.families && (ah < bl || bh < al)
}

/// The figures of the shown articles, grouped by district (alphabetical, none last) and
/// time (oldest first, undated last); in a group, counts of the same people stand
/// together, and those that disagree are marked.
pub fn figure_groups(library: &Library, shown: &[usize]) -> Vec<FigureGroup> {
    let all = rows(library, shown, |a| &a.claims.figures, figure_key);
    // by district and exact date first, then a month or year takes in the days within it
    // undated figures are grouped by the day of the article reporting them
    type Key<'k> = (Option<&'k str>, bool, Option<&'k str>);
    let mut at: HashMap<String, usize> = HashMap::new();
    let mut keyed: Vec<(Key, Vec<Row>)> = Vec::new();
    for r in all {
        let f = figure(library, &r);
        let k: Key = match f.date.as_deref() {
            Some(d) => (f.district.as_deref(), false, Some(d)),
            None => (f.district.as_deref(), true, library.articles[r.article].date.as_deref()),
        };
        let text = format!("{}\u{1f}{}\u{1f}{}", k.0.unwrap_or("\u{1f}"), k.1, k.2.unwrap_or("\u{1f}"));
        let i = *at.entry(text).or_insert_with(|| {
            keyed.push((k, Vec::new()));
            keyed.len() - 1
        });
        keyed[i].1.push(r);
    }
    sort_by(&mut keyed, |a, b| {
        let ((ad, ar, at), (bd, br, bt)) = (a.0, b.0);
        (ad.is_none(), ad, ar, at.is_none(), at).cmp(&(bd.is_none(), bd, br, bt.is_none(), bt))
    });
    let mut groups: Vec<FigureGroup> = Vec::new();
    for ((district, reported, date), rows) in keyed {
        let (district, date) = (district.map(str::to_string), date.map(str::to_string));
        match groups.last_mut() {
            Some(g) if g.district == district && !reported && !g.reported && same_time(&g.date, &date) => {
                g.rows.extend(rows)
            }
            _ => groups.push(FigureGroup { district, date, reported, rows }),
        }
    }
    for g in &mut groups {
        let figs: Vec<Figure> = g.rows.iter().map(|r| figure(library, r).clone()).collect();
        for (i, r) in g.rows.iter_mut().enumerate() {
            r.disputed = figs.iter().enumerate().any(|(j, o)| j != i && disagree(&figs[i], o));
        }
        sort_by(&mut g.rows, |a, b| {
            let (x, y) = (figure(library, a), figure(library, b));
            (x.what, x.side, x.value).cmp(&(y.what, y.side, y.value))
        });
    }
    groups
}

/// A district's control events in time order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Timeline {
    /// Dated events oldest first (a year before its months, a month before its days), then
    /// the undated in article order.
    pub rows: Vec<Row>,
    /// Rows (indices into `rows`) that another source contradicts at the same time: a fall
    /// against a recapture, or the same change claimed and not by another kind of source.
    pub conflicts: Vec<usize>,
    /// The latest dated fall, when no recapture or handover is reported after it.
    pub standing_fall: Option<usize>,
    /// The date of the latest report: the newest article (or event) date among the rows.
    pub last_report: Option<String>,
}

fn opposed(a: Control, b: Control) -> bool {
    use Control::*;
    matches!((a, b), (Fell, Retaken) | (Retaken, Fell) | (Fell, HandedOver) | (HandedOver, Fell))
}

/// The control events of `district` in the shown articles.
pub fn timeline(library: &Library, shown: &[usize], district: &str) -> Timeline {
    let mut all: Vec<Row> = rows(library, shown, |a| &a.claims.events, event_key)
        .into_iter()
        .filter(|r| event(library, r).district == district)
        .collect();
    // stable: events of one date keep their article order
    sort_by(&mut all, |a, b| {
        let (x, y) = (&event(library, a).date, &event(library, b).date);
        (x.is_none(), x).cmp(&(y.is_none(), y))
    });
    let mut t = Timeline::default();
    for (i, r) in all.iter().enumerate() {
        let e = event(library, r);
        let against = all.iter().any(|o| {
            let x = event(library, o);
            o != r && e.date.is_some() && same_time(&e.date, &x.date) && opposed(e.event, x.event)
        });
        if against {
            t.conflicts.push(i);
        }
    }
    let last_fall = all.iter().rposition(|r| {
        let e = event(library, r);
        e.event == Control::Fell && e.date.is_some()
    });
    if let Some(f) = last_fall {
        let fall_date = event(library, &all[f]).date.clone();
        let undone = all.iter().any(|r| {
            let e = event(library, r);
            matches!(e.event, Control::Retaken | Control::HandedOver)
                && e.date.is_some()
                && (e.date > fall_date || same_time(&e.date, &fall_date))
                && e.claimant.kind != ClaimantKind::Insurgent
        });
        if !undone {
            t.standing_fall = Some(f);
        }
    }
    t.last_report = all
        .iter()
        .flat_map(|r| std::iter::once(r.article).chain(r.copies.iter().copied()))
        .filter_map(|ai| library.articles[ai].date.clone())
        .chain(all.iter().filter_map(|r| event(library, r).date.clone()))
        .max();
    t.rows = all;
    t
}

/// A date as shown: "26 Aug 2015", "Jul 2015", "2007", or "date not given".
pub fn date_label(date: &Option<String>) -> String {
    date.as_deref().and_then(human_date).unwrap_or_else(|| "date not given".to_string())
}

/// The entity mention nearest a claim's place: what opens the article at its words.
pub fn mention_at(a: &Article, at: &Place) -> Option<usize> {
    let ms = &a.annotation.mentions;
    let after = ms.partition_point(|m| (m.segment, m.start) < (at.segment, at.start));
    match ms.get(after) {
        Some(m) if m.segment == at.segment => Some(after),
        _ => after.checked_sub(1).filter(|&i| ms[i].segment == at.segment),
    }
}

/// Every figure of the shown articles, one row per claim (copies counted once).
pub fn figures_csv(library: &Library, shown: &[usize]) -> String {
    let mut out = line(&[
        "district",
        "date",
        "what",
        "side",
        "value",
        "low",
        "high",
        "approx",
        "unit",
        "claimant",
        "claimant_kind",
        "quote",
        "article",
        "title",
        "outlet",
        "published",
        "copies",
    ]);
    for g in figure_groups(library, shown) {
        for r in &g.rows {
            let f = figure(library, r);
            let n = |v: Option<u32>| v.map(|v| v.to_string()).unwrap_or_default();
            out.push_str(&line(
                &[
                    f.district.clone().unwrap_or_default(),
                    f.date.clone().unwrap_or_default(),
                    f.what.as_str().to_string(),
                    f.side.as_str().to_string(),
                    f.value.to_string(),
                    n(f.low),
                    n(f.high),
                    f.approx.to_string(),
                    if f.families { "families" } else { "persons" }.to_string(),
                    f.claimant.name.clone().unwrap_or_default(),
                    f.claimant.kind.as_str().to_string(),
                ]
                .into_iter()
                .chain(where_from(library, r, &f.quote))
                .collect::<Vec<_>>(),
            ));
        }
    }
    out
}

/// Every control event of the shown articles, district by district in time order.
pub fn events_csv(library: &Library, shown: &[usize]) -> String {
    let mut out = line(&[
        "district",
        "date",
        "event",
        "place",
        "by",
        "claimant",
        "claimant_kind",
        "quote",
        "article",
        "title",
        "outlet",
        "published",
        "copies",
    ]);
    for d in crate::model::districts::helmand_districts() {
        for r in timeline(library, shown, d).rows {
            let e = event(library, &r);
            out.push_str(&line(
                &[
                    e.district.clone(),
                    e.date.clone().unwrap_or_default(),
                    e.event.as_str().to_string(),
                    e.place.clone().unwrap_or_default(),
                    e.by.clone().unwrap_or_default(),
                    e.claimant.name.clone().unwrap_or_default(),
                    e.claimant.kind.as_str().to_string(),
                ]
                .into_iter()
                .chain(where_from(library, &r, &e.quote))
                .collect::<Vec<_>>(),
            ));
        }
    }
    out
}

/// The last columns of both CSVs: the quote, the article it is in, and its copies.
fn where_from(library: &Library, r: &Row, quote: &str) -> [String; 6] {
    let a = &library.articles[r.article];
    let copies = r.copies.iter().map(|&i| library.articles[i].id.as_str()).collect::<Vec<_>>().join("; ");
    [
        quote.to_string(),
        a.id.clone(),
        a.title.clone(),
        a.outlet_label().to_string(),
        a.date.clone().unwrap_or_default(),
        copies,
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::article::tests::bare;
    use crate::model::claims::{Claimant, Claims, Side, What};
    use std::rc::Rc;

    fn fig(what: What, side: Side, value: u32, high: Option<u32>, kind: ClaimantKind, quote: &str) -> Figure {
        Figure {
            what,
            side,
            value,
            low: if high.is_some_and(|h| h == value) { Some(value) } else { None },
            high,
            approx: false,
            families: false,
            claimant: Claimant { name: Some(kind.as_str().into()), kind },
            district: Some("Musa Qala".into()),
            date: Some("2015-08-26".into()),
            quote: quote.into(),
            at: Place::default(),
        }
    }

    fn ev(event: Control, date: Option<&str>, kind: ClaimantKind, quote: &str) -> ControlEvent {
        ControlEvent {
            district: "Musa Qala".into(),
            place: None,
            event,
            by: None,
            claimant: Claimant { name: None, kind },
            date: date.map(str::to_string),
            quote: quote.into(),
            at: Place::default(),
        }
    }

    fn library(claims: Vec<Claims>) -> Library {
        Library {
            articles: claims
                .into_iter()
                .enumerate()
                .map(|(i, c)| {
                    let mut a = bare(&format!("a{i}"));
                    a.date = Some(format!("2015-08-2{}", 6 + i));
                    a.claims = c;
                    Rc::new(a)
                })
                .collect(),
        }
    }

    #[test]
    fn claims_that_disagree_stand_together_and_are_marked() {
        let ministry = fig(What::Killed, Side::Government, 6, Some(6), ClaimantKind::Government, "six soldiers");
        let taliban = fig(What::Killed, Side::Government, 40, Some(40), ClaimantKind::Insurgent, "40 soldiers");
        let other = fig(What::Killed, Side::Insurgent, 150, Some(150), ClaimantKind::Government, "150 Taliban");
        let lib = library(vec![
            Claims { figures: vec![ministry.clone(), other], events: vec![] },
            Claims { figures: vec![taliban], events: vec![] },
        ]);
        let groups = figure_groups(&lib, &[0, 1]);
        assert_eq!(groups.len(), 1);
        let rows: Vec<(u32, bool)> = groups[0].rows.iter().map(|r| (figure(&lib, r).value, r.disputed)).collect();
        assert_eq!(rows, vec![(6, true), (40, true), (150, false)], "the two counts of soldiers together");
        // "up to 40" squares with 6: not a dispute
        let hedged = fig(What::Killed, Side::Government, 40, Some(40), ClaimantKind::Insurgent, "up to 40");
        let lib = library(vec![
            Claims { figures: vec![ministry], events: vec![] },
            Claims { figures: vec![Figure { low: None, ..hedged }], events: vec![] },
        ]);
        assert!(figure_groups(&lib, &[0, 1])[0].rows.iter().all(|r| !r.disputed));
    }

    #[test]
    fn undated_figures_stand_with_the_day_they_were_reported() {
        let undated = |v: u32| Figure {
            date: None,
            ..fig(What::Displaced, Side::Civilian, v, Some(v), ClaimantKind::Government, "x")
        };
        let lib = library(vec![
            Claims { figures: vec![undated(300)], events: vec![] },
            Claims { figures: vec![undated(1500)], events: vec![] },
        ]);
        let groups = figure_groups(&lib, &[0, 1]);
        assert_eq!(groups.len(), 2, "two days' reports: not set against each other");
        assert!(groups.iter().all(|g| g.reported && g.rows.iter().all(|r| !r.disputed)));
        assert_eq!(groups[0].label(), "Musa Qala · undated, reported 26 Aug 2015");
    }

    #[test]
    fn a_wire_copy_counts_once_and_filters_apply() {
        let f = fig(What::Killed, Side::Foreign, 2, Some(2), ClaimantKind::ForeignMilitary, "Two service members");
        let lib = library(vec![
            Claims { figures: vec![f.clone()], events: vec![] },
            Claims { figures: vec![f.clone()], events: vec![] },
            Claims { figures: vec![Figure { quote: "two soldiers".into(), ..f }], events: vec![] },
        ]);
        let groups = figure_groups(&lib, &[0, 1, 2]);
        let rows = &groups[0].rows;
        assert_eq!(rows.len(), 2, "the copy folds in; other words are another report");
        assert_eq!(rows[0].copies, vec![1]);
        assert_eq!(figure_groups(&lib, &[2])[0].rows.len(), 1, "only the shown articles");
        let csv = figures_csv(&lib, &[0, 1, 2]);
        assert_eq!(csv.lines().count(), 3, "a header and one line per claim: {csv}");
        assert!(csv.contains("\"a1\"\r\n"), "the copy is named: {csv}");
    }

    #[test]
    fn a_timeline_is_in_date_order_and_says_whether_a_fall_stands() {
        let lib = library(vec![Claims {
            figures: vec![],
            events: vec![
                ev(Control::Fell, Some("2015-08-26"), ClaimantKind::Unattributed, "fell"),
                ev(Control::Retaken, Some("2007"), ClaimantKind::Unattributed, "wrenched it back"),
                ev(Control::Attacked, None, ClaimantKind::Government, "an operation"),
                ev(Control::Fell, Some("2007-02"), ClaimantKind::Unattributed, "overran"),
            ],
        }]);
        let t = timeline(&lib, &[0], "Musa Qala");
        let order: Vec<&str> = t.rows.iter().map(|r| event(&lib, r).quote.as_str()).collect();
        assert_eq!(order, ["wrenched it back", "overran", "fell", "an operation"]);
        assert_eq!(t.standing_fall, Some(2), "no recapture after 2015");
        assert_eq!(t.last_report.as_deref(), Some("2015-08-26"));
        assert!(timeline(&lib, &[0], "Sangin").rows.is_empty());
        // a later recapture: the fall no longer stands; a conflicting claim at the same time
        let lib = library(vec![
            Claims {
                figures: vec![],
                events: vec![ev(Control::Fell, Some("2015-08-26"), ClaimantKind::Insurgent, "took")],
            },
            Claims {
                figures: vec![],
                events: vec![ev(Control::Retaken, Some("2015-08"), ClaimantKind::Government, "cleared")],
            },
        ]);
        let t = timeline(&lib, &[0, 1], "Musa Qala");
        assert_eq!(t.standing_fall, None);
        assert_eq!(t.conflicts, vec![0, 1]);
        assert_eq!(t.last_report.as_deref(), Some("2015-08-27"), "the newest article");
        assert_eq!(date_label(&Some("2015-07".into())), "Jul 2015");
        assert_eq!(date_label(&None), "date not given");
        assert!(events_csv(&lib, &[0, 1]).contains("\"Musa Qala\",\"2015-08\",\"retaken\""));
    }
}
