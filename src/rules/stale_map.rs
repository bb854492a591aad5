//! The `stale-map` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A map whose `reviewed` date is older than `stale-after-days` (365 by default, set under `[options]` in `cjm.toml`). `--today` fixes the date runs compare against.
///
/// ## Why it matters
///
/// Journey maps are living documents. A map nobody has checked against reality for a year describes a journey that has probably changed; decisions made from it are made on old evidence.
///
/// ## Example
///
/// ```yaml
/// reviewed: 2024-03-01
/// ```
///
/// ## Fixed
///
/// ```yaml
/// reviewed: 2026-10-01   # reviewed with the team this quarter
/// ```
///
/// Silence it for one item with `# cjm: allow stale-map` on the line or the line above, or for a folder in `cjm.toml`: `[rules] stale-map = "off"`.
    pub static RULE = {
        name: "stale-map",
        level: Warning,
        summary: "a map not reviewed for longer than the allowed age",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    let Some(reviewed) = &ctx.map.reviewed else {
        return Vec::new();
    };
    let age = ctx.options.today.days() - reviewed.value.days();
    let limit = ctx.settings.stale_after_days;
    if age <= limit {
        return Vec::new();
    }
    vec![
        Finding::new(
            reviewed.span,
            format!(
                "the map was last reviewed {age} days ago ({}), more than {limit} days",
                reviewed.value
            ),
        )
        .help("review the map against current research, then update `reviewed`"),
    ]
}
