//! The prepared form's primitives: a string is its byte length, `:`, then its bytes; a
//! number is its digits then `;`; an absent value is `-`. No escaping, so any text
//! survives, and reading is one pass; a cut or damaged text gives an error, never a panic.

#[derive(Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    pub fn new() -> Self {
        Writer::default()
    }

    pub fn str(&mut self, s: &str) {
        self.num(s.len());
        self.out.pop();
        self.out.push(':');
        self.out.push_str(s);
    }

    pub fn num(&mut self, n: usize) {
        self.out.push_str(&n.to_string());
        self.out.push(';');
    }

    pub fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.str(s),
            None => self.out.push('-'),
        }
    }

    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

pub struct Reader<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(s: &'a str) -> Self {
        Reader { s, at: 0 }
    }

    /// What is left to read.
    pub fn rest(&self) -> &'a str {
        &self.s[self.at.min(self.s.len())..]
    }

    pub fn at_end(&self) -> bool {
        self.at >= self.s.len()
    }

    pub fn cut(&self) -> String {
        format!("it is cut short or damaged at byte {}", self.at)
    }

    /// Digits up to `end`.
    fn digits(&mut self, end: u8) -> Result<usize, String> {
        let rest = &self.s.as_bytes()[self.at.min(self.s.len())..];
        let len = rest.iter().take(13).position(|&b| b == end).filter(|&l| l > 0).ok_or_else(|| self.cut())?;
        let n = self.s[self.at..self.at + len].parse().map_err(|_| self.cut())?;
        self.at += len + 1;
        Ok(n)
    }

    pub fn num(&mut self) -> Result<usize, String> {
        self.digits(b';')
    }

    pub fn str(&mut self) -> Result<&'a str, String> {
        let len = self.digits(b':')?;
        let s = self.s.get(self.at..self.at.saturating_add(len)).ok_or_else(|| self.cut())?;
        self.at += len;
        Ok(s)
    }

    pub fn string(&mut self) -> Result<String, String> {
        self.str().map(str::to_string)
    }

    pub fn opt(&mut self) -> Result<Option<String>, String> {
        if self.s.as_bytes().get(self.at) == Some(&b'-') {
            self.at += 1;
            return Ok(None);
        }
        self.string().map(Some)
    }

    /// The fixed text `tag` (a format mark).
    pub fn expect(&mut self, tag: &str) -> Result<(), String> {
        if self.s[self.at.min(self.s.len())..].starts_with(tag) {
            self.at += tag.len();
            Ok(())
        } else {
            Err(self.cut())
        }
    }

    /// A count of items, each at least `min_bytes` long: a count the rest cannot hold is
    /// damage, not a reason to reserve gigabytes.
    pub fn count(&mut self, min_bytes: usize) -> Result<usize, String> {
        let n = self.num()?;
        if n.saturating_mul(min_bytes) > self.s.len() - self.at.min(self.s.len()) {
            return Err(self.cut());
        }
        Ok(n)
    }
}
