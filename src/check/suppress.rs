//! Inline suppression: a YAML comment `# cjm: allow RULE[, RULE…] [-- reason]` on the
//! offending line, or alone on the line above it, silences those lint rules there; the
//! reason travels with the silenced finding into JSON and SARIF. A suppression that
//! names no rule, an unknown rule, or silences nothing, is itself reported.

use crate::diag::{Diagnostic, Pos, Severity, Span};
use crate::read::Source;
use crate::rules;
use crate::suggest::did_you_mean;

/// A lint finding silenced in the source, kept with its reason for machine output
/// (JSON `suppressed`, SARIF `suppressions`).
#[derive(Clone, Debug, PartialEq)]
pub struct Suppressed {
    pub diagnostic: Diagnostic,
    /// The text after ` -- ` in the comment, when there is one.
    pub reason: Option<String>,
}

#[derive(Debug)]
struct Allow {
    line: u32,
    rule: String,
    span: Span,
    reason: Option<String>,
    used: bool,
}

/// Moves suppressed lint findings out of `diagnostics` (they are returned, with their
/// reasons) and adds findings about the suppressions themselves. Only lint rules can
/// be suppressed, never schema errors.
pub fn apply(source: &Source, diagnostics: &mut Vec<Diagnostic>) -> Vec<Suppressed> {
    // Cheap test first: most maps have no suppression at all.
    if !source.text.contains("allow") {
        return Vec::new();
    }
    let (mut allows, bare) = scan(&source.text);
    let mut suppressed = Vec::new();
    diagnostics.retain(|d| {
        if rules::find(d.code).is_none() {
            return true;
        }
        let line = d.span.start.line;
        match allows
            .iter_mut()
            .find(|a| a.rule == d.code && (a.line == line || a.line + 1 == line))
        {
            Some(a) => {
                a.used = true;
                suppressed.push(Suppressed {
                    diagnostic: d.clone(),
                    reason: a.reason.clone(),
                });
                false
            }
            None => true,
        }
    });
    for span in bare {
        diagnostics.push(
            Diagnostic::new(
                "empty-suppression",
                Severity::Warning,
                span,
                "`cjm: allow` names no rule, so it silences nothing",
            )
            .with_help("name the rule: `# cjm: allow RULE -- reason`; `cjm rules` lists them"),
        );
    }
    for a in allows {
        if rules::find(&a.rule).is_none() {
            let help = match did_you_mean(&a.rule, rules::RULES.iter().map(|r| r.name)) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "only lint rules can be allowed; `cjm rules` lists them".to_string(),
            };
            diagnostics.push(
                Diagnostic::new(
                    "unknown-suppression",
                    Severity::Warning,
                    a.span,
                    format!("`{}` is not a lint rule, so it cannot be allowed", a.rule),
                )
                .with_help(help),
            );
        } else if !a.used {
            diagnostics.push(
                Diagnostic::new(
                    "unused-suppression",
                    Severity::Warning,
                    a.span,
                    format!(
                        "`{}` is allowed here but reports nothing on this line or the next",
                        a.rule
                    ),
                )
                .with_help("remove the suppression"),
            );
        }
    }
    suppressed
}

/// The `cjm: allow` marker right after a comment's `#`, in any case and with any
/// spacing (`# cjm: allow`, `#cjm:allow`, `# CJM: Allow`): the byte length of the
/// marker, or `None` when the comment is something else.
fn marker_len(comment: &str) -> Option<usize> {
    let lead = comment.len() - comment.trim_start().len();
    let rest = &comment[lead..];
    let cjm = rest.get(..3).filter(|p| p.eq_ignore_ascii_case("cjm"))?;
    let after = rest[cjm.len()..].trim_start();
    let after = after.strip_prefix(':')?;
    let gap = after.len() - after.trim_start().len();
    let word = after[gap..]
        .get(..5)
        .filter(|w| w.eq_ignore_ascii_case("allow"))?;
    let end = comment.len() - after.len() + gap + word.len();
    // `allowed`, `allowance`: another word, not the marker.
    match comment[end..].chars().next() {
        Some(c) if c.is_alphanumeric() || c == '-' || c == '_' => None,
        _ => Some(end),
    }
}

/// The suppressions in `text`, and the places of bare markers that name no rule.
fn scan(text: &str) -> (Vec<Allow>, Vec<Span>) {
    let mut out = Vec::new();
    let mut bare = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(hash) = comment_start(line) else {
            continue;
        };
        let Some(len) = marker_len(&line[hash + 1..]) else {
            continue;
        };
        let line_no = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let col_of =
            |byte: usize| u32::try_from(line[..byte].chars().count() + 1).unwrap_or(u32::MAX);
        let list_start = hash + 1 + len;
        // `-- reason` ends the list, as in ESLint.
        let (list_end, reason) = match line[list_start..].find("--") {
            Some(at) => {
                let reason = line[list_start + at + 2..].trim();
                (
                    list_start + at,
                    (!reason.is_empty()).then(|| reason.to_string()),
                )
            }
            None => (line.len(), None),
        };
        let before = out.len();
        let mut offset = list_start;
        for part in line[list_start..list_end].split(',') {
            let name = part.trim();
            let lead = part.len() - part.trim_start().len();
            if !name.is_empty() {
                let col = col_of(offset + lead);
                let start = Pos { line: line_no, col };
                let end = Pos {
                    line: line_no,
                    col: col.saturating_add(u32::try_from(name.chars().count()).unwrap_or(0)),
                };
                out.push(Allow {
                    line: line_no,
                    rule: name.to_string(),
                    span: Span::new(start, end),
                    reason: reason.clone(),
                    used: false,
                });
            }
            offset += part.len() + 1;
        }
        if out.len() == before {
            bare.push(Span::new(
                Pos {
                    line: line_no,
                    col: col_of(hash),
                },
                Pos {
                    line: line_no,
                    col: col_of(list_start),
                },
            ));
        }
    }
    (out, bare)
}

/// The byte index of a `#` that starts a YAML comment: at the line start or after a space.
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    (0..bytes.len())
        .find(|&i| bytes[i] == b'#' && (i == 0 || bytes[i - 1] == b' ' || bytes[i - 1] == b'\t'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_rule_names_with_their_columns() {
        let (allows, bare) = scan("a: 1  # cjm: allow stale-map, map-without-owner\n# not: this\n");
        assert_eq!(allows.len(), 2);
        assert!(bare.is_empty());
        assert_eq!(allows[0].rule, "stale-map");
        assert_eq!(allows[0].span.start, Pos { line: 1, col: 20 });
        assert_eq!(allows[1].rule, "map-without-owner");
        assert_eq!(allows[1].span.start, Pos { line: 1, col: 31 });
        assert!(scan("a: 'x#cjm: allow stale-map'\n").0.is_empty());
    }

    #[test]
    fn markers_in_any_case_and_spacing_carry_a_reason() {
        for line in [
            "# cjm:allow stale-map -- reviewed in the Q3 workshop",
            "#CJM: Allow stale-map --reviewed in the Q3 workshop",
            "  #  cjm :  allow   stale-map   --   reviewed in the Q3 workshop  ",
        ] {
            let (allows, _) = scan(line);
            assert_eq!(allows.len(), 1, "{line}");
            assert_eq!(allows[0].rule, "stale-map", "{line}");
            assert_eq!(
                allows[0].reason.as_deref(),
                Some("reviewed in the Q3 workshop"),
                "{line}"
            );
        }
        assert!(scan("# cjm: allowed stale-map").0.is_empty());
        assert!(scan("# cjm: allowed stale-map").1.is_empty());
    }

    #[test]
    fn a_bare_marker_is_found() {
        for line in [
            "# cjm: allow",
            "# cjm: allow -- no rule here",
            "x: 1 # CJM:allow ,",
        ] {
            let (allows, bare) = scan(line);
            assert!(allows.is_empty(), "{line}");
            assert_eq!(bare.len(), 1, "{line}");
        }
    }
}
