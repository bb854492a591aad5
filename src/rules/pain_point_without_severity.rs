//! The `pain-point-without-severity` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A pain point without a `severity`.
///
/// ## Why it matters
///
/// Severity is how a team decides which pain to fix first, and how the rendered map colours it.
///
/// ## Example
///
/// ```yaml
/// pain_points:
///   - name: No evening delivery slots
/// ```
///
/// ## Fixed
///
/// ```yaml
/// pain_points:
///   - name: No evening delivery slots
///     severity: high
/// ```
///
/// Silence it for one item with `# cjm: allow pain-point-without-severity` on the line or the line above, or for a folder in `cjm.toml`: `[rules] pain-point-without-severity = "off"`.
    pub static RULE = {
        name: "pain-point-without-severity",
        level: Info,
        summary: "a pain point with no severity",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .pain_points()
        .filter(|(_, p)| p.severity.is_none() && p.severity_word.is_none())
        .map(|(_, p)| {
            Finding::new(
                p.name.span,
                format!("pain point `{}` has no severity", p.ident.id),
            )
            .help("add `severity:` low, medium, high or critical")
        })
        .collect()
}
