//! What an article claims, as `shared/eval/claims/GUIDELINES.md` defines it: attributed
//! figures (how many were killed, wounded, captured, displaced, or present as a force) and
//! district control events (fell, retaken, handed over, withdrawal, attacked), each with
//! who said so, when it happened and the words that say it. The engine finds them; the page
//! shows them side by side across outlets.

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum What {
    Killed,
    Wounded,
    Casualties,
    Captured,
    Displaced,
    Force,
}

/// Whom a figure is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    Government,
    Foreign,
    Insurgent,
    Civilian,
    Mixed,
    Unknown,
}

/// What kind of source makes a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClaimantKind {
    Government,
    ForeignMilitary,
    Insurgent,
    UnNgo,
    Local,
    Media,
    Unattributed,
}

/// A change (or a test) of who holds a district.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Control {
    Fell,
    Retaken,
    HandedOver,
    Withdrawal,
    Attacked,
}

macro_rules! names {
    ($ty:ty { $($v:ident => $s:literal, $label:literal;)* }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$(<$ty>::$v),*];
            /// The name in the guidelines' schema.
            pub fn as_str(self) -> &'static str {
                match self { $(<$ty>::$v => $s),* }
            }
            /// As the reader shows it.
            pub fn label(self) -> &'static str {
                match self { $(<$ty>::$v => $label),* }
            }
            pub fn parse(s: &str) -> Option<$ty> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

names!(What {
    Killed => "killed", "killed";
    Wounded => "wounded", "wounded";
    Casualties => "casualties", "killed or wounded";
    Captured => "captured", "captured";
    Displaced => "displaced", "displaced";
    Force => "force", "in the force";
});

names!(Side {
    Government => "government", "Afghan government forces";
    Foreign => "foreign", "foreign forces";
    Insurgent => "insurgent", "insurgents";
    Civilian => "civilian", "civilians";
    Mixed => "mixed", "several sides";
    Unknown => "unknown", "not said";
});

names!(ClaimantKind {
    Government => "government", "Afghan government";
    ForeignMilitary => "foreign_military", "foreign military";
    Insurgent => "insurgent", "insurgents";
    UnNgo => "un_ngo", "UN or NGO";
    Local => "local", "local people";
    Media => "media", "media";
    Unattributed => "unattributed", "the outlet itself";
});

names!(Control {
    Fell => "fell", "fell";
    Retaken => "retaken", "retaken";
    HandedOver => "handed_over", "handed over";
    Withdrawal => "withdrawal", "withdrawal";
    Attacked => "attacked", "attacked";
});

/// Where the words of a claim are: a byte range of one segment of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    pub segment: usize,
    pub start: usize,
    pub end: usize,
}

/// Who makes a claim.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Claimant {
    /// As named: a person without title ("Dawlat Waziri"), else the body ("defense
    /// ministry"); `None` when the outlet speaks in its own voice.
    pub name: Option<String>,
    pub kind: ClaimantKind,
}

impl Claimant {
    pub fn unattributed() -> Self {
        Claimant { name: None, kind: ClaimantKind::Unattributed }
    }

    /// "Dawlat Waziri (Afghan government)", or "the outlet itself".
    pub fn label(&self) -> String {
        match &self.name {
            Some(n) => format!("{n} ({})", self.kind.label()),
            None => self.kind.label().to_string(),
        }
    }
}

/// A figure: one claim about one group of people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    pub what: What,
    pub side: Side,
    /// The number as written.
    pub value: u32,
    /// The range the wording allows (`None`: open).
    pub low: Option<u32>,
    pub high: Option<u32>,
    /// Hedged, vague or a range.
    pub approx: bool,
    /// Families rather than persons.
    pub families: bool,
    pub claimant: Claimant,
    /// The canonical Helmand district of the counted event.
    pub district: Option<String>,
    /// When it happened: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: Option<String>,
    pub quote: String,
    pub at: Place,
}

/// A district control event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ControlEvent {
    pub district: String,
    /// The named base, town or dam, if the text names one rather than the district.
    pub place: Option<String>,
    pub event: Control,
    /// Who took, received, left or attacked, as written.
    pub by: Option<String>,
    pub claimant: Claimant,
    pub date: Option<String>,
    pub quote: String,
    pub at: Place,
}

/// The claims of one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Claims {
    pub figures: Vec<Figure>,
    pub events: Vec<ControlEvent>,
}

impl Claims {
    pub fn is_empty(&self) -> bool {
        self.figures.is_empty() && self.events.is_empty()
    }
}

impl Figure {
    /// "150", "up to 40", "more than 400", "1,500 or more", "5–6", "about 12,000".
    pub fn amount(&self) -> String {
        let n = grouped(self.value);
        match (self.low, self.high) {
            (Some(l), Some(h)) if l == h && l == self.value => {
                if self.approx {
                    format!("about {n}")
                } else {
                    n
                }
            }
            (Some(l), Some(h)) => format!("{}–{}", grouped(l), grouped(h)),
            (None, Some(_)) => format!("up to {n}"),
            (Some(l), None) if l > self.value => format!("more than {n}"),
            (Some(_), None) => format!("at least {n}"),
            (None, None) => n,
        }
    }

    /// "150 insurgents killed or wounded", "1,500 families displaced".
    pub fn summary(&self) -> String {
        let who = if self.families { "families" } else { self.side.label() };
        format!("{} {who} {}", self.amount(), self.what.label())
    }

    /// The range as a pair of bounds for comparison (open ends stay open).
    pub fn bounds(&self) -> (u32, u32) {
        (self.low.unwrap_or(0), self.high.unwrap_or(u32::MAX))
    }
}

/// 12000 -> "12,000".
pub fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The precision of a date as the schema has it: `day`, `month` or `year`.
pub fn date_precision(date: &str) -> &'static str {
    match date.len() {
        4 => "year",
        7 => "month",
        _ => "day",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(value: u32, low: Option<u32>, high: Option<u32>, approx: bool) -> Figure {
        Figure {
            what: What::Killed,
            side: Side::Insurgent,
            value,
            low,
            high,
            approx,
            families: false,
            claimant: Claimant::unattributed(),
            district: None,
            date: None,
            quote: String::new(),
            at: Place::default(),
        }
    }

    #[test]
    fn amounts_say_their_hedges() {
        assert_eq!(figure(150, Some(150), Some(150), false).amount(), "150");
        assert_eq!(figure(12000, Some(12000), Some(12000), true).amount(), "about 12,000");
        assert_eq!(figure(40, None, Some(40), true).amount(), "up to 40");
        assert_eq!(figure(400, Some(401), None, true).amount(), "more than 400");
        assert_eq!(figure(1500, Some(1500), None, true).amount(), "at least 1,500");
        assert_eq!(figure(5, Some(5), Some(6), true).amount(), "5–6");
        assert_eq!(figure(40, Some(40), Some(40), false).summary(), "40 insurgents killed");
    }

    #[test]
    fn names_round_trip() {
        for w in What::ALL {
            assert_eq!(What::parse(w.as_str()), Some(*w));
        }
        for k in ClaimantKind::ALL {
            assert_eq!(ClaimantKind::parse(k.as_str()), Some(*k));
        }
        for c in Control::ALL {
            assert_eq!(Control::parse(c.as_str()), Some(*c));
        }
        assert_eq!(Side::parse("nobody"), None);
        assert_eq!(grouped(1234567), "1,234,567");
        assert_eq!(grouped(12), "12");
        assert_eq!(date_precision("2015-08"), "month");
    }
}
