//! The `metric-without-target` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A metric without a `target`.
///
/// ## Why it matters
///
/// A value without a target says where the stage is, not where it should be. Targets are what the future state is held to.
///
/// ## Example
///
/// ```yaml
/// metrics:
///   - name: Checkout conversion
///     value: 0.62
/// ```
///
/// ## Fixed
///
/// ```yaml
/// metrics:
///   - name: Checkout conversion
///     value: 0.62
///     target: 0.75
/// ```
///
/// Silence it for one item with `# cjm: allow metric-without-target` on the line or the line above, or for a folder in `cjm.toml`: `[rules] metric-without-target = "off"`.
    pub static RULE = {
        name: "metric-without-target",
        level: Warning,
        summary: "a metric with no target",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .stages
        .iter()
        .flat_map(|s| &s.metrics)
        .filter(|m| m.target.is_none())
        .map(|m| {
            Finding::new(
                m.name.span,
                format!("metric `{}` has no target", m.name.value),
            )
            .help("add `target:` with the value the team aims for")
        })
        .collect()
}
