//! The `map-without-owner` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A map without an `owner`.
///
/// ## Why it matters
///
/// A map without an owner is nobody's job to keep true. Owners are who reviewers ask, and who gets the stale-map warning.
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
/// owner: Growth team
/// ```
///
/// Silence it for one item with `# cjm: allow map-without-owner` on the line or the line above, or for a folder in `cjm.toml`: `[rules] map-without-owner = "off"`.
    pub static RULE = {
        name: "map-without-owner",
        level: Warning,
        summary: "a map nobody owns",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    if ctx.map.owner.is_some() {
        return Vec::new();
    }
    vec![
        Finding::new(ctx.map.title.span, "the map has no `owner`")
            .help("add `owner:` with the team accountable for this journey"),
    ]
}
