//! The `unreviewed-map` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A map without a `reviewed` date.
///
/// ## Why it matters
///
/// Without a review date nobody can tell whether the map is current, and `stale-map` cannot warn when it ages.
///
/// ## Example
///
/// ```yaml
/// title: Online grocery delivery
/// ```
///
/// ## Fixed
///
/// ```yaml
/// title: Online grocery delivery
/// reviewed: 2026-10-01
/// ```
///
/// Silence it for one item with `# cjm: allow unreviewed-map` on the line or the line above, or for a folder in `cjm.toml`: `[rules] unreviewed-map = "off"`.
    pub static RULE = {
        name: "unreviewed-map",
        level: Info,
        summary: "a map with no `reviewed` date",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    if ctx.map.reviewed.is_some() {
        return Vec::new();
    }
    vec![
        Finding::new(ctx.map.title.span, "the map has no `reviewed` date")
            .help("add `reviewed: YYYY-MM-DD` with the date it was last checked against reality"),
    ]
}
