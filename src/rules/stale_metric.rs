//! The `stale-metric` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A metric whose latest `history` point is older than `stale-after-days` (365 by default, set under `[options]` in `cjm.toml`), measured against `--today` like `stale-map`. Metrics without history are left alone.
///
/// ## Why it matters
///
/// A number nobody has measured for a year says how the stage performed then, not now. Decisions taken from it are taken on old evidence, however recently the map was reviewed.
///
/// ## Example
///
/// ```yaml
/// metrics:
///   - name: Ad recall
///     value: 0.22
///     history:
///       - {date: 2024-07-01, value: 0.22}
/// ```
///
/// ## Fixed
///
/// ```yaml
/// metrics:
///   - name: Ad recall
///     value: 0.31
///     history:
///       - {date: 2024-07-01, value: 0.22}
///       - {date: 2026-10-01, value: 0.31}   # measured again this quarter
/// ```
///
/// Silence it for one item with `# cjm: allow stale-metric` on the line or the line above, or for a folder in `cjm.toml`: `[rules] stale-metric = "off"`.
    pub static RULE = {
        name: "stale-metric",
        level: Warning,
        summary: "a metric last measured longer ago than the allowed age",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    let limit = ctx.settings.stale_after_days;
    let today = ctx.options.today.days();
    ctx.map
        .stages
        .iter()
        .flat_map(|s| &s.metrics)
        .filter_map(|m| {
            let latest = m.latest()?;
            let age = today - latest.date.value.days();
            (age > limit).then(|| {
                Finding::new(
                    latest.date.span,
                    format!(
                        "the metric `{}` was last measured {age} days ago ({}), more than {limit} days",
                        m.name.value, latest.date.value
                    ),
                )
                .help("measure it again and add the point to `history`, or drop the metric")
            })
        })
        .collect()
}
