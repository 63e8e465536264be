//! Words the interface writes about numbers.

/// "1 article", "5 articles".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_agree_with_their_number() {
        assert_eq!(
            (count(0, "article"), count(1, "article"), count(10_000, "article")),
            ("0 articles".into(), "1 article".into(), "10000 articles".into())
        );
    }
}
