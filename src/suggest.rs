//! "Did you mean" suggestions for misspelt keys, values and ids.

/// The candidate closest to `typo`, when it is close enough to be a likely misspelling.
pub fn did_you_mean<'a>(
    typo: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let typo_lower = typo.to_lowercase();
    let limit = (typo.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .map(|c| {
            let lower = c.to_lowercase();
            let prefix = typo_lower.chars().count() >= 3 && lower.starts_with(&typo_lower);
            let distance = if prefix {
                1
            } else {
                strsim::damerau_levenshtein(&typo_lower, &lower)
            };
            (distance, c)
        })
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::did_you_mean;

    #[test]
    fn finds_transpositions_and_small_typos() {
        let keys = ["touchpoints", "pain_points", "opportunities", "metrics"];
        assert_eq!(did_you_mean("touchpionts", keys), Some("touchpoints"));
        assert_eq!(did_you_mean("metric", keys), Some("metrics"));
        assert_eq!(did_you_mean("Pain_Points", keys), Some("pain_points"));
        assert_eq!(did_you_mean("opportun", keys), Some("opportunities"));
    }

    #[test]
    fn stays_quiet_when_nothing_is_close() {
        assert_eq!(did_you_mean("colour", ["touchpoints", "metrics"]), None);
        assert_eq!(did_you_mean("", ["a"]), Some("a"));
    }
}
