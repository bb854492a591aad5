//! The `unranked-opportunity` rule.

use super::label;
use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// An opportunity missing `impact`, `effort` or both.
///
/// ## Why it matters
///
/// Opportunities are prioritised by impact against effort. Without both, the map cannot rank them and the rendered map cannot place them.
///
/// ## Example
///
/// ```yaml
/// opportunities:
///   - name: Waitlist for evening slots
///     impact: high
/// ```
///
/// ## Fixed
///
/// ```yaml
/// opportunities:
///   - name: Waitlist for evening slots
///     impact: high
///     effort: medium
/// ```
///
/// Silence it for one item with `# cjm: allow unranked-opportunity` on the line or the line above, or for a folder in `cjm.toml`: `[rules] unranked-opportunity = "off"`.
    pub static RULE = {
        name: "unranked-opportunity",
        level: Warning,
        summary: "an opportunity without impact or effort",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .opportunities()
        .filter_map(|(_, o)| {
            let missing = match (o.impact, o.effort) {
                (Some(_), Some(_)) => return None,
                (None, Some(_)) => "impact",
                (Some(_), None) => "effort",
                (None, None) => "impact and effort",
            };
            Some(
                Finding::new(
                    o.name.span,
                    format!(
                        "opportunity `{}` has no {missing}",
                        label(&o.name.value, &o.ident.id)
                    ),
                )
                .help("add `impact:` and `effort:` (low, medium or high) so it can be ranked"),
            )
        })
        .collect()
}
