//! The catalogue of diagnostic codes that are not lint rules (`yaml-syntax`,
//! `unknown-key`, `unresolved-baseline`, ...), written once in `codes.md` and printed by
//! `cjm explain CODE`. Lint rules document themselves (`crate::rules`).

use std::sync::OnceLock;

/// One code and its explanation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Code {
    pub name: &'static str,
    /// The first paragraph of its section, on one line.
    pub summary: String,
    /// The whole section below the heading.
    pub doc: &'static str,
}

const TEXT: &str = include_str!("codes.md");

/// Every code, in the order of `codes.md`.
pub fn all() -> &'static [Code] {
    static CODES: OnceLock<Vec<Code>> = OnceLock::new();
    CODES.get_or_init(|| {
        TEXT.split("\n## ")
            .skip(1)
            .filter_map(|section| {
                let (name, doc) = section.split_once('\n')?;
                let doc = doc.trim();
                let summary = doc
                    .lines()
                    .take_while(|l| !l.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                Some(Code {
                    name: name.trim(),
                    summary,
                    doc,
                })
            })
            .collect()
    })
}

/// The code named `name`, when it is one.
pub fn find(name: &str) -> Option<&'static Code> {
    all().iter().find(|c| c.name == name)
}

/// Whether `name` is a code a finding may carry: a catalogued code or a lint rule.
pub fn is_known(name: &str) -> bool {
    find(name).is_some() || crate::rules::find(name).is_some()
}

/// In debug builds (tests, fuzzing), panics on a finding whose code nobody explained:
/// every printed code must be explainable by `cjm explain`.
pub fn debug_assert_known(diagnostics: &[crate::diag::Diagnostic]) {
    for d in diagnostics {
        debug_assert!(
            is_known(d.code),
            "`{}` has no section in src/codes.md",
            d.code
        );
    }
}

/// Every name `cjm explain` takes: the codes, then the lint rules.
pub fn names() -> impl Iterator<Item = &'static str> {
    all()
        .iter()
        .map(|c| c.name)
        .chain(crate::rules::RULES.iter().map(|r| r.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_kebab_case_unique_and_not_a_rule_name() {
        let mut seen = std::collections::HashSet::new();
        assert!(all().len() > 30);
        for c in all() {
            assert!(
                c.name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{}",
                c.name
            );
            assert!(seen.insert(c.name), "`{}` twice", c.name);
            assert!(
                crate::rules::find(c.name).is_none(),
                "`{}` is a rule",
                c.name
            );
            assert!(!c.summary.is_empty(), "`{}` has no summary", c.name);
        }
    }
}
