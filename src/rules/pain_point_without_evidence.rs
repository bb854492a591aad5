//! The `pain-point-without-evidence` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// An open pain point with no `evidence`.
///
/// ## Why it matters
///
/// Pain points drive priorities. One with no research behind it may be an opinion; citing the survey, interviews or tickets that show it lets reviewers weigh it.
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
/// research:
///   - id: survey-2026-q3
///     kind: survey
/// pain_points:
///   - name: No evening delivery slots
///     evidence: [survey-2026-q3]
/// ```
///
/// Silence it for one item with `# cjm: allow pain-point-without-evidence` on the line or the line above, or for a folder in `cjm.toml`: `[rules] pain-point-without-evidence = "off"`.
    pub static RULE = {
        name: "pain-point-without-evidence",
        level: Warning,
        summary: "a pain point no research supports",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .pain_points()
        .filter(|(_, p)| !p.resolved && p.evidence.is_empty())
        .map(|(_, p)| {
            Finding::new(
                p.name.span,
                format!("pain point `{}` cites no evidence", p.ident.id),
            )
            .help("add `evidence:` with the ids of the research that shows it")
        })
        .collect()
}
