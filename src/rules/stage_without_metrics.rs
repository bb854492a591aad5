//! The `stage-without-metrics` rule.

use super::label;
use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A stage with no `metrics`.
///
/// ## Why it matters
///
/// What is not measured cannot be shown to improve. A metric per stage (CSAT, conversion, effort) is how a team knows the future state was reached.
///
/// ## Example
///
/// ```yaml
/// stages:
///   - name: Delivery
/// ```
///
/// ## Fixed
///
/// ```yaml
/// stages:
///   - name: Delivery
///     metrics:
///       - name: Delivery CSAT
///         kind: csat
///         value: 3.6
///         target: 4.3
/// ```
///
/// Silence it for one item with `# cjm: allow stage-without-metrics` on the line or the line above, or for a folder in `cjm.toml`: `[rules] stage-without-metrics = "off"`.
    pub static RULE = {
        name: "stage-without-metrics",
        level: Info,
        summary: "a stage nothing measures",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .stages
        .iter()
        .filter(|s| s.metrics.is_empty())
        .map(|s| {
            Finding::new(
                s.name.span,
                format!("stage `{}` has no metrics", label(&s.name.value, &s.ident.id)),
            )
            .help("add a metric (CSAT, NPS, CES, conversion, retention) that shows how this stage performs")
        })
        .collect()
}
