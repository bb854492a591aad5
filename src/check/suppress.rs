//! Inline suppression: a YAML comment `# cjm: allow RULE[, RULE…]` on the offending
//! line, or alone on the line above it, silences those lint rules there. A suppression
//! that names an unknown rule, or silences nothing, is itself reported.

use crate::diag::{Diagnostic, Pos, Severity, Span};
use crate::read::Source;
use crate::rules;
use crate::suggest::did_you_mean;

const MARKER: &str = "cjm: allow";

struct Allow {
    line: u32,
    rule: String,
    span: Span,
    used: bool,
}

/// Removes suppressed lint findings from `diagnostics` and adds findings about the
/// suppressions themselves. Only lint rules can be suppressed, never schema errors.
pub fn apply(source: &Source, diagnostics: &mut Vec<Diagnostic>) {
    if !source.text.contains(MARKER) {
        return;
    }
    let mut allows = scan(&source.text);
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
                false
            }
            None => true,
        }
    });
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
}

fn scan(text: &str) -> Vec<Allow> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(hash) = comment_start(line) else {
            continue;
        };
        let comment = &line[hash + 1..];
        let Some(at) = comment.find(MARKER) else {
            continue;
        };
        if !comment[..at].trim().is_empty() {
            continue;
        }
        let list_start = hash + 1 + at + MARKER.len();
        let mut offset = list_start;
        for part in line[list_start..].split(',') {
            let name = part.trim();
            let lead = part.len() - part.trim_start().len();
            if !name.is_empty() {
                let col = line[..offset + lead].chars().count() as u32 + 1;
                let start = Pos {
                    line: i as u32 + 1,
                    col,
                };
                let end = Pos {
                    line: start.line,
                    col: col + name.chars().count() as u32,
                };
                out.push(Allow {
                    line: start.line,
                    rule: name.to_string(),
                    span: Span::new(start, end),
                    used: false,
                });
            }
            offset += part.len() + 1;
        }
    }
    out
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
        let allows = scan("a: 1  # cjm: allow stale-map, map-without-owner\n# not: this\n");
        assert_eq!(allows.len(), 2);
        assert_eq!(allows[0].rule, "stale-map");
        assert_eq!(allows[0].span.start, Pos { line: 1, col: 20 });
        assert_eq!(allows[1].rule, "map-without-owner");
        assert_eq!(allows[1].span.start, Pos { line: 1, col: 31 });
        assert!(scan("a: 'x#cjm: allow stale-map'\n").is_empty());
    }
}
