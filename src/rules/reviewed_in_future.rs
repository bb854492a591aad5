//! The `reviewed-in-future` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A map whose `reviewed` date is after today. `--today` fixes the date runs compare against.
///
/// ## Why it matters
///
/// A review that has not happened yet is a typo (`2062` for `2026`) or a plan written in the wrong field. Either way the map claims a freshness it does not have, and `stale-map` cannot warn about it until that future date has long passed.
///
/// ## Example
///
/// ```yaml
/// reviewed: 2062-10-01
/// ```
///
/// ## Fixed
///
/// ```yaml
/// reviewed: 2026-10-01   # the day the team last walked through the map
/// ```
///
/// Silence it for one item with `# cjm: allow reviewed-in-future` on the line or the line above, or for a folder in `cjm.toml`: `[rules] reviewed-in-future = "off"`.
    pub static RULE = {
        name: "reviewed-in-future",
        level: Warning,
        summary: "a map whose reviewed date has not come yet",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    let Some(reviewed) = &ctx.map.reviewed else {
        return Vec::new();
    };
    let today = ctx.options.today;
    let ahead = reviewed.value.days() - today.days();
    if ahead <= 0 {
        return Vec::new();
    }
    let days = if ahead == 1 { "day" } else { "days" };
    vec![
        Finding::new(
            reviewed.span,
            format!(
                "the map says it was reviewed on {}, {ahead} {days} after today ({today})",
                reviewed.value
            ),
        )
        .help(
            "write the date of the last review that took place; a planned review belongs in a note",
        ),
    ]
}
