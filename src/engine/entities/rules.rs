//! Rules for names the gazetteer does not know: capitalised runs classified by their
//! context (titles, roles, speech verbs, organisation and place words, given names,
//! photo credits, lists of publications, "Long Name (ABBR)" definitions).

use super::cues::{class::*, cues, Cues};
use super::gazetteer::GazMatch;
use super::tokens::Token;
use super::{EntityType, SegmentKind};

/// A proposed mention, as a token range of one segment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cand {
    pub a: usize,
    pub b: usize,
    pub ty: EntityType,
    pub prio: u8,
    pub gaz: Option<&'static super::gazetteer::GazEntry>,
    /// For an abbreviation defined in brackets: the token range of its long form.
    pub expands: Option<(usize, usize)>,
}

pub(crate) const PRIO_DATE: u8 = 90;
pub(crate) const PRIO_GAZ: u8 = 80;
const PRIO_ACRONYM: u8 = 75;
const PRIO_TITLE: u8 = 70;
const PRIO_PREFIX: u8 = 68;
const PRIO_CREDIT: u8 = 65;
const PRIO_LIST: u8 = 60;
const PRIO_ORG: u8 = 55;
const PRIO_PLACE: u8 = 50;
const PRIO_GIVEN: u8 = 45;
const PRIO_CONTEXT: u8 = 40;
const PRIO_BYLINE: u8 = 72;

struct Ctx<'t, 'a> {
    text: &'a str,
    t: &'t [Token<'a>],
    c: &'static Cues,
    /// For each token, the gazetteer match covering it.
    gaz_at: Vec<Option<GazMatch>>,
    out: Vec<Cand>,
}

/// Candidates from every rule for one segment (gazetteer matches already given).
pub(crate) fn candidates(text: &str, tokens: &[Token], kind: SegmentKind, gaz: &[GazMatch]) -> Vec<Cand> {
    let mut gaz_at = vec![None; tokens.len()];
    let mut gi = 0;
    for (i, t) in tokens.iter().enumerate() {
        while gi < gaz.len() && gaz[gi].end <= t.start {
            gi += 1;
        }
        if let Some(g) = gaz.get(gi).filter(|g| t.start >= g.start && t.end <= g.end) {
            gaz_at[i] = Some(*g);
        }
    }
    let mut cx = Ctx { text, t: tokens, c: cues(), gaz_at, out: Vec::new() };
    // headlines capitalise every word, so only strong cues count there
    let headline = kind == SegmentKind::Title || is_title_case(tokens);
    cx.acronyms();
    cx.titles();
    cx.prefixes();
    if kind == SegmentKind::Byline {
        cx.byline();
    }
    cx.credits();
    cx.credit_lines();
    if headline && tokens.len() <= 3 {
        cx.given_names(); // a line that is only a name: "Tommy Reyes" above a comment
    }
    if !headline {
        cx.lists();
        cx.orgs();
        cx.places();
        cx.given_names();
        cx.context_people();
    }
    cx.out
}

fn is_title_case(tokens: &[Token]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in tokens.iter().filter(|t| t.text.len() > 3 && t.text.bytes().all(|b| b.is_ascii_alphabetic())) {
        words += 1;
        caps += usize::from(t.cap);
    }
    words >= 4 && caps * 10 >= words * 8
}

const NAME_CONNECTORS: [&str; 8] = ["bin", "al", "ul", "ud", "de", "van", "von", "e"];
const ORG_CONNECTORS: [&str; 6] = ["of", "and", "for", "the", "&", "on"];

impl<'t, 'a> Ctx<'t, 'a> {
    fn push(&mut self, a: usize, b: usize, ty: EntityType, prio: u8) {
        if a < b && b <= self.t.len() {
            self.out.push(Cand { a, b, ty, prio, gaz: None, expands: None });
        }
    }

    /// Token `i` is in one of the classes `flags`.
    fn is(&self, i: usize, flags: u32) -> bool {
        self.t.get(i).is_some_and(|t| t.class & flags != 0)
    }

    fn tok(&self, i: usize) -> Option<&Token<'a>> {
        self.t.get(i)
    }

    fn word(&self, i: usize) -> &str {
        self.t.get(i).map_or("", |t| t.text)
    }

    fn gap(&self, i: usize) -> &str {
        if i == 0 || i >= self.t.len() {
            return "";
        }
        &self.text[self.t[i - 1].end..self.t[i].start]
    }

    /// Token `i` is covered by a gazetteer match that is not a person.
    fn gaz_non_person(&self, i: usize) -> bool {
        self.gaz_at.get(i).copied().flatten().is_some_and(|g| g.entry.kind != EntityType::Person)
    }

    fn is_name_word(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        (t.cap || t.is_initial()) && !t.is_digit() && !self.is(i, SENTENCE | CALENDAR | TITLE)
    }

    /// Tokens from `i` (up to `max`) while each is a `word`, or a `connector` between
    /// words; names never cross punctuation.
    fn run(&self, i: usize, max: usize, word: impl Fn(usize) -> bool, connector: impl Fn(usize) -> bool) -> usize {
        let mut j = i;
        while j < self.t.len() && j - i < max && (j == i || self.t[j].joined) {
            let joins_next = self.tok(j + 1).is_some_and(|n| n.cap && n.joined);
            if !(word(j) || (j > i && joins_next && connector(j))) {
                break;
            }
            j += 1;
        }
        j
    }

    /// A person's name from token `i`: capitalised words and initials, up to `max`.
    fn name_run(&self, i: usize, max: usize) -> usize {
        self.run(
            i,
            max,
            |j| self.is_name_word(j) && !self.is(j, ORG_SUFFIX),
            |j| NAME_CONNECTORS.contains(&self.word(j)),
        )
    }

    fn run_has(&self, a: usize, b: usize, flags: u32) -> bool {
        (a..b).any(|k| self.is(k, flags))
    }

    /// The run `a..b` is wholly a gazetteer non-person.
    fn run_is_gaz_thing(&self, a: usize, b: usize) -> bool {
        (a..b).all(|k| self.gaz_non_person(k))
    }

    /// "Afghan National Army (ANA)": both the long form and the abbreviation.
    fn acronyms(&mut self) {
        for k in 1..self.t.len() {
            let ab = self.t[k];
            if !ab.cap || !self.text[ab.end..].starts_with(')') || !self.gap(k).trim_start().starts_with('(') {
                continue;
            }
            let letters: Vec<char> = ab.text.chars().filter(|c| c.is_uppercase()).collect();
            if letters.len() < 2 || letters.len() > 8 {
                continue;
            }
            // walk back over the long form, matching initials from the end
            let mut need = letters.len();
            let mut a = k;
            let mut j = k;
            while j > 0 && need > 0 {
                j -= 1;
                let t = self.t[j];
                if j + 1 < k && !self.t[j + 1].joined {
                    break;
                }
                if ORG_CONNECTORS.contains(&t.text) {
                    continue;
                }
                // an all-caps word stands for its letters ("UN Mine Action Service (UNMAS)")
                let own: Vec<char> = if t.upper {
                    t.text.chars().filter(|c| c.is_uppercase()).collect()
                } else {
                    t.text.chars().take(1).flat_map(char::to_uppercase).collect()
                };
                if !t.cap || own.len() > need || letters[need - own.len()..need] != own[..] {
                    break;
                }
                need -= own.len();
                a = j;
            }
            if need != 0 {
                continue;
            }
            let gaz = self.gaz_at[a].filter(|g| g.start == self.t[a].start && g.end == self.t[k - 1].end);
            let ty = gaz.map_or(EntityType::Org, |g| g.entry.kind);
            self.out.push(Cand { a, b: k, ty, prio: PRIO_ACRONYM, gaz: gaz.map(|g| g.entry), expands: None });
            self.out.push(Cand {
                a: k,
                b: k + 1,
                ty,
                prio: PRIO_ACRONYM,
                gaz: gaz.map(|g| g.entry),
                expands: Some((a, k)),
            });
        }
    }

    /// "Gen. Dawlat Waziri", "spokesman Col. Brian Tribus", "Mr. Afghan", "President Trump".
    fn titles(&mut self) {
        let mut i = 0;
        while i < self.t.len() {
            if !self.is_title(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < self.t.len() && self.t[j].joined && self.is_title(j) {
                j += 1;
            }
            let formal = (i..j).any(|k| self.t[k].cap);
            let after_dot = self.tok(j).is_some_and(|t| t.joined);
            if !after_dot {
                i = j;
                continue;
            }
            let start = j;
            let mut end = self.name_run(start, 4);
            // "Mr. Afghan": a nationality word is a surname only after a formal title
            if end == start && formal && self.tok(start).is_some_and(|t| t.cap) && self.is(start, DEMONYM) {
                end = start + 1;
            }
            // "official Afghan figures": after a lower-case role, a nationality word is no name
            let demonym_led = !formal && self.is(start, DEMONYM);
            if end > start
                && !demonym_led
                && !self.run_is_gaz_thing(start, end)
                && !self.run_has(start, end, PLACE_SUFFIX)
            {
                self.push(start, end, EntityType::Person, PRIO_TITLE);
            }
            i = end.max(j);
        }
    }

    fn is_title(&self, i: usize) -> bool {
        let t = &self.t[i];
        if !self.is(i, TITLE) {
            return false;
        }
        // an abbreviated title needs its full stop or a name right after ("Col Brian")
        t.cap || self.tok(i + 1).is_some_and(|n| n.cap && n.joined)
    }

    /// "Mullah Omar", "Haji Mohammad", "Mulah Jan": the honorific is part of the name.
    fn prefixes(&mut self) {
        for i in 0..self.t.len() {
            if !self.is(i, PREFIX) || self.gaz_non_person(i) {
                continue;
            }
            let end = self.name_run(i + 1, 3);
            if end > i + 1 && self.t[i + 1].joined && !self.run_is_gaz_thing(i + 1, end) {
                self.push(i, end, EntityType::Person, PRIO_PREFIX);
            }
        }
    }

    /// A byline: names separated by commas and "and".
    fn byline(&mut self) {
        let mut i = 0;
        while i < self.t.len() {
            let end = self.name_run(i, 5);
            if end > i && !self.run_is_gaz_thing(i, end) {
                self.push(i, end, EntityType::Person, PRIO_BYLINE);
                i = end;
            } else {
                i += 1;
            }
        }
    }

    /// "Watan Yar/EPA, via Shutterstock", "Hussein Sayed/Associated Press".
    fn credits(&mut self) {
        for k in 1..self.t.len() {
            let (prev_end, start) = (self.t[k - 1].end, self.t[k].start);
            if start != prev_end + 1 || self.text.as_bytes()[prev_end] != b'/' {
                continue;
            }
            let mut a = k;
            while a > 0
                && k - a < 3
                && (self.is_name_word(a - 1) || self.t[a - 1].upper)
                && (a == k || self.t[a].joined)
            {
                a -= 1;
            }
            let b = self.org_run_from(k, 4);
            if a < k && b > k && !(a..k).any(|x| self.word(x) == "Copyright") {
                // "Watan Yar/EPA" names the photographer first; "REUTERS/Ivo Lindqvist" the agency
                let agency_first = (a..k).all(|x| self.t[x].upper || self.gaz_non_person(x));
                let (person, org) = if agency_first { ((k, b), (a, k)) } else { ((a, k), (k, b)) };
                if !self.run_is_gaz_thing(person.0, person.1) {
                    self.push(person.0, person.1, EntityType::Person, PRIO_CREDIT);
                }
                self.push(org.0, org.1, EntityType::Org, PRIO_CREDIT);
                // ", via Shutterstock"
                if self.word(b) == "via" && self.gap(b).trim() == "," {
                    let c = self.org_run_from(b + 1, 4);
                    self.push(b + 1, c, EntityType::Org, PRIO_CREDIT);
                }
            }
        }
    }

    /// "Writing by Tom Pennock; Editing by Miles Hartigan", "Additional reporting by ...".
    fn credit_lines(&mut self) {
        for k in 1..self.t.len() {
            if self.word(k) != "by" || !self.is(k - 1, CREDIT) {
                continue;
            }
            let mut s = k + 1;
            loop {
                let e = self.name_run(s, 4);
                if e == s || !self.t[s].joined {
                    break;
                }
                if !self.run_is_gaz_thing(s, e) {
                    self.push(s, e, EntityType::Person, PRIO_CREDIT);
                }
                if self.word(e) == "and" && self.tok(e + 1).is_some_and(|n| n.cap) {
                    s = e + 1;
                } else {
                    break;
                }
            }
        }
    }

    /// Capitalised words (with inner connectors) from `i`, up to `max`.
    fn org_run_from(&self, i: usize, max: usize) -> usize {
        self.run(
            i,
            max,
            |j| self.t[j].cap && !self.t[j].is_digit() && !self.is(j, CALENDAR),
            // "Ministry of Defence and Ministry of Interior": two organisations
            |j| ORG_CONNECTORS.contains(&self.word(j)) && !(self.word(j) == "and" && self.is(j + 1, ORG_HEAD)),
        )
    }

    /// "his work has appeared in The American Conservative, Forbes, and the Detroit Free Press".
    fn lists(&mut self) {
        let cues = &self.c.list_cues;
        for i in 0..self.t.len() {
            if !self.is(i, LIST_START) {
                continue;
            }
            let Some(cue) = cues.iter().find(|p| p.iter().enumerate().all(|(o, w)| self.word(i + o) == *w)) else {
                continue;
            };
            let mut k = i + cue.len();
            loop {
                while matches!(self.word(k), "and" | "the" | "The") && self.tok(k + 1).is_some_and(|n| n.cap) {
                    k += 1;
                }
                let end = self.org_run_from(k, 5);
                if end == k {
                    break;
                }
                if !(k..end)
                    .all(|x| self.gaz_at[x].is_some() || self.is(x, DEMONYM) || ORG_CONNECTORS.contains(&self.word(x)))
                {
                    self.push(k, end, EntityType::Org, PRIO_LIST);
                }
                let sep = self.gap(end).trim();
                if end >= self.t.len() || !(sep == "," || (sep.is_empty() && self.word(end) == "and")) {
                    break;
                }
                k = end;
            }
        }
    }

    /// "Helmand Provincial Council", "Sputnik News", "Ministry of Counter Narcotics", "Antiwar.com".
    fn orgs(&mut self) {
        for k in 0..self.t.len() {
            let t = self.t[k];
            if t.cap
                && !t.upper
                && t.text.contains('.')
                && t.text
                    .rsplit('.')
                    .next()
                    .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()))
            {
                self.push(k, k + 1, EntityType::Org, PRIO_ORG); // a web domain
                continue;
            }
            if t.cap && self.is(k, ORG_SUFFIX) && k > 0 && t.joined {
                // walk left over capitalised words and inner connectors
                let mut a = k;
                while a > 0 && self.t[a].joined {
                    let p = self.t[a - 1];
                    // "Ministry of Defence and Ministry of Interior", "Azizi Bank and
                    // Afghanistan International Bank" are two; "Branches of Azizi Bank" is one
                    // bank ("of" follows only the head of a name: "Ministry of ...")
                    let connector = ORG_CONNECTORS.contains(&p.text)
                        && a >= 2
                        && self.t[a - 2].cap
                        && p.joined
                        && !(p.text == "and" && (self.is(a, ORG_HEAD) || (self.is(a - 2, ORG_SUFFIX) && k > a)))
                        && (p.text != "of" || self.is(a - 2, ORG_HEAD | ORG_SUFFIX))
                        && p.text != "the"; // "3rd Battalion the Royal Regiment of Scotland": two names
                    if (p.cap && !p.is_digit()) || connector || is_ordinal(p.text) {
                        a -= 1;
                    } else {
                        break;
                    }
                }
                while a < k && (self.is(a, SENTENCE) || ORG_CONNECTORS.contains(&self.word(a))) {
                    a += 1;
                }
                if a < k && !(a..k).all(|x| self.is(x, DEMONYM)) {
                    // "Sangin District Centre" is a place
                    let centre =
                        matches!(t.text, "Centre" | "Center") && matches!(self.word(k - 1), "District" | "Province");
                    if centre && a + 1 >= k {
                        continue; // "the District Centre" alone names no place
                    }
                    let ty = if centre { EntityType::Place } else { EntityType::Org };
                    // "3rd Battalion, 7th Marine Regiment" is one unit
                    let mut b = k + 1;
                    if self.gap(b).trim() == "," && self.tok(b).is_some_and(|t| is_ordinal(t.text)) {
                        if let Some(e) =
                            (b + 1..(b + 5).min(self.t.len())).find(|&x| self.is(x, ORG_SUFFIX) && self.t[x].joined)
                        {
                            if (b + 1..=e).all(|x| self.t[x].joined && self.t[x].cap) {
                                b = e + 1;
                            }
                        }
                    }
                    self.push(a, b, ty, PRIO_ORG);
                }
            }
            if t.cap && self.is(k, ORG_HEAD) && matches!(self.word(k + 1), "of" | "for" | "on") {
                let end = self.org_run_from(k + 2, 5);
                if end > k + 2 && self.t[k + 2].joined {
                    let mut a = k;
                    while a > 0 && self.t[a].joined && self.t[a - 1].cap && !self.is(a - 1, SENTENCE) {
                        a -= 1;
                    }
                    self.push(a, end, EntityType::Org, PRIO_ORG);
                }
            }
        }
    }

    /// "Logar province", "Camp Antonik", "Deh Afghan", "suburbs of Babaji and Chahanjir".
    fn places(&mut self) {
        for k in 0..self.t.len() {
            let t = self.t[k];
            // suffix: the run before a place word
            if self.is(k, PLACE_SUFFIX) && k > 0 && t.joined {
                let mut a = k;
                while a > 0 && k - a < 3 && self.is_name_word(a - 1) && self.t[a].joined && !self.is(a - 1, DEMONYM) {
                    a -= 1;
                }
                if a < k && !(a..k).any(|x| self.gaz_at[x].is_some_and(|g| g.entry.kind != EntityType::Place)) {
                    let b = if self.is(k, PLACE_IN_NAME) { k + 1 } else { k };
                    self.push(a, b, EntityType::Place, PRIO_PLACE);
                }
            }
            // heads: "Camp X" (part of the name), "city of X" (not)
            let heads: &'static [Vec<&'static str>] = if self.is(k, HEAD_START) { &self.c.place_heads } else { &[] };
            for head in heads {
                if !head.iter().enumerate().all(|(o, w)| self.word(k + o) == *w) {
                    continue;
                }
                let in_name = head[0].starts_with(char::is_uppercase);
                let mut s = k + head.len();
                loop {
                    let mut e = self.name_run(s, 3);
                    if e == s && in_name && self.tok(s).is_some_and(|t| t.cap && t.joined) {
                        e = s + 1; // "Deh Afghan"
                    }
                    if e == s || !self.t[s].joined || self.run_is_gaz_thing(s, e) && !in_name {
                        break;
                    }
                    let demonym_only = (s..e).all(|x| self.is(x, DEMONYM));
                    if in_name {
                        self.push(k, e, EntityType::Place, PRIO_PLACE);
                        break;
                    } else if !demonym_only
                        && !(s..e).any(|x| self.gaz_at[x].is_some_and(|g| g.entry.kind != EntityType::Place))
                    {
                        self.push(s, e, EntityType::Place, PRIO_PLACE);
                    }
                    // "... of Babaji and Chahanjir"
                    let sep = self.gap(e).trim();
                    if (sep == "," || sep.is_empty()) && self.word(e) == "and" && self.tok(e + 1).is_some_and(|n| n.cap)
                    {
                        s = e + 1;
                    } else if sep == "," && self.tok(e).is_some_and(|n| n.cap) {
                        s = e;
                    } else {
                        break;
                    }
                }
            }
            // "in Shorabak", "near Khairabad": a place-shaped word after a preposition
            if self.is(k, PLACE_PREP) {
                let n = k + 1;
                if let Some(w) = self.tok(n).filter(|w| w.cap) {
                    let b = w.text.as_bytes();
                    let shaped =
                        w.text.chars().count() >= 5
                            && self.c.place_endings.iter().any(|e| {
                                b.len() >= e.len() && b[b.len() - e.len()..].eq_ignore_ascii_case(e.as_bytes())
                            });
                    if w.joined
                        && self.is_name_word(n)
                        && shaped
                        && self.gaz_at[n].is_none()
                        && !self.is(n, GIVEN | DEMONYM)
                    {
                        let end = self.name_run(n, 2);
                        self.push(n, end, EntityType::Place, PRIO_PLACE);
                    }
                }
            }
        }
    }

    /// "Mariana Cortesi", "Bashir Ahmad Shakir": a run that opens with a given name.
    fn given_names(&mut self) {
        let mut i = 0;
        while i < self.t.len() {
            let end = if self.is(i, GIVEN) { self.name_run(i, 4) } else { i };
            if end >= i + 2 && !self.run_is_gaz_thing(i, end) && self.plain_name(i, end) {
                self.push(i, end, EntityType::Person, PRIO_GIVEN);
                i = end;
            } else {
                i += 1;
            }
        }
    }

    /// No organisation or place word inside, and not opening with a nationality word
    /// (a surname may be one: "Ataullah Afghan").
    fn plain_name(&self, a: usize, b: usize) -> bool {
        let suffix_after = self.tok(b).is_some_and(|n| n.joined) && self.is(b, PLACE_SUFFIX | ORG_SUFFIX);
        !(self.run_has(a, b, ORG_SUFFIX | PLACE_SUFFIX) || self.is(a, DEMONYM) || suffix_after)
    }

    /// Two to four capitalised words followed by ", the spokesman", ", who", "said", or
    /// after "according to"; or ending like an Afghan surname ("Ahmadzai").
    fn context_people(&mut self) {
        let mut i = 0;
        while i < self.t.len() {
            if !self.is_name_word(i) || (i > 0 && self.t[i].joined && self.is_name_word(i - 1)) {
                i += 1;
                continue;
            }
            let end = self.name_run(i, 4);
            // one word is a name only if it is a given name ("said Hayatullah, a shopkeeper")
            let long_enough = end >= i + 2 || (end == i + 1 && self.is(i, GIVEN));
            if !long_enough || self.run_is_gaz_thing(i, end) || !self.plain_name(i, end) {
                i = end.max(i + 1);
                continue;
            }
            let after = self.gap(end).trim();
            let next = self.word(end);
            let apposition = after == "," && {
                let mut k = end;
                if matches!(next, "the" | "a" | "an" | "his" | "her" | "its" | "their" | "another" | "one") {
                    k += 1;
                }
                let mut found = next == "who";
                for x in k..(k + 4).min(self.t.len()) {
                    if self.is(x, ROLE) {
                        found = true;
                        break;
                    }
                    if self.gap(x).trim().contains([',', '.', ';']) && x > k {
                        break;
                    }
                }
                found
            };
            let speech = after.is_empty() && self.is(end, SPEECH);
            let according = i >= 2 && self.word(i - 2) == "according" && self.word(i - 1) == "to";
            // "the Defence Secretary, Des Browne, announced"; "Another farmer, Rahmatullah, said";
            // "The head of UNAMA, Tadamichi Yamamoto, called"
            let role_before = i >= 1
                && self.gap(i).trim() == ","
                && (i.saturating_sub(4)..i)
                    .any(|x| self.is(x, ROLE | TITLE) && (x + 1..i).all(|y| !self.gap(y).contains([',', '.', ';'])))
                && (after == "," || speech);
            let last = self.word(end - 1).to_lowercase();
            let surname = ["zai", "zay", "zada", "zadeh", "khel", "wal"].iter().any(|s| last.ends_with(s))
                && last.len() > 5
                && end >= i + 2;
            if apposition || speech || according || surname || role_before {
                self.push(i, end, EntityType::Person, PRIO_CONTEXT);
            }
            i = end;
        }
    }
}

/// "3rd", "7th", "215th": part of unit names.
fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&w[digits.len()..], "st" | "nd" | "rd" | "th")
}
