//! The `uncited-research` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A `research` entry whose id no pain point lists in `evidence`.
///
/// ## Why it matters
///
/// Research that nothing cites either has findings the map does not show yet, or is no longer relevant. Both mean the map and its evidence have drifted apart.
///
/// ## Example
///
/// ```yaml
/// research:
///   - id: interviews-2025
///     kind: interview
/// ```
///
/// ## Fixed
///
/// ```yaml
/// research:
///   - id: interviews-2025
///     kind: interview
/// pain_points:
///   - name: Confusing delivery fees
///     evidence: [interviews-2025]
/// ```
///
/// Silence it for one item with `# cjm: allow uncited-research` on the line or the line above, or for a folder in `cjm.toml`: `[rules] uncited-research = "off"`.
    pub static RULE = {
        name: "uncited-research",
        level: Warning,
        summary: "research that no pain point cites",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    let cited: Vec<&str> = ctx
        .map
        .pain_points()
        .flat_map(|(_, p)| p.evidence.iter().map(|e| e.value.as_str()))
        .collect();
    ctx.map
        .research
        .iter()
        .filter(|r| !cited.contains(&r.ident.id.as_str()))
        .map(|r| {
            Finding::new(
                r.ident.span,
                format!("no pain point cites the research `{}`", r.ident.id),
            )
            .help("cite it in a pain point's `evidence:`, or remove it if it no longer applies")
        })
        .collect()
}
