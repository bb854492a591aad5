//! The `metric-moving-away` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A metric whose last two steps (its `history`, then `value`) both move further from its `target`, in the direction `better` says: two falls in a row when higher is better, two rises when lower is.
///
/// ## Why it matters
///
/// One bad reading can be noise; two in a row away from the target are a trend. The map should say what the team does about it before the next review.
///
/// ## Example
///
/// ```yaml
/// metrics:
///   - name: Ad recall
///     value: 0.18
///     target: 0.4
///     history:
///       - {date: 2026-04-01, value: 0.26}
///       - {date: 2026-07-01, value: 0.22}
///       - {date: 2026-10-01, value: 0.18}
/// ```
///
/// ## Fixed
///
/// ```yaml
/// metrics:
///   - name: Ad recall
///     value: 0.24
///     target: 0.4
///     history:
///       - {date: 2026-04-01, value: 0.26}
///       - {date: 2026-07-01, value: 0.22}
///       - {date: 2026-10-01, value: 0.24}   # the new spots turned it round
/// ```
///
/// Silence it for one item with `# cjm: allow metric-moving-away` on the line or the line above, or for a folder in `cjm.toml`: `[rules] metric-moving-away = "off"`.
    pub static RULE = {
        name: "metric-moving-away",
        level: Warning,
        summary: "a metric whose last two steps move away from its target",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .stages
        .iter()
        .flat_map(|s| &s.metrics)
        .filter(|m| m.moving_away())
        .map(|m| {
            let trend = m.trend();
            let last: Vec<String> = trend
                .iter()
                .skip(trend.len().saturating_sub(3))
                .map(f64::to_string)
                .collect();
            Finding::new(
                m.name.span,
                format!(
                    "the metric `{}` moved away from its target twice in a row: {}",
                    m.name.value,
                    last.join(" → ")
                ),
            )
            .help("add an opportunity that turns it round, or revisit the target")
        })
        .collect()
}
