//! CSV as RFC 4180 writes it, for spreadsheets: every field quoted, quotes doubled, CRLF
//! line ends.

/// One line of fields.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(&f.as_ref().replace('"', "\"\""));
        out.push('"');
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_are_doubled_and_lines_end_in_crlf() {
        assert_eq!(super::line(&["a", "say \"x\", then", ""]), "\"a\",\"say \"\"x\"\", then\",\"\"\r\n");
    }
}
