//! The `future-state-without-baseline` rule.

use super::{Context, Finding, declare_rule};
use crate::model::MapType;

declare_rule! {
/// ## What it flags
///
/// A map of `type: future-state` without a `baseline`.
///
/// ## Why it matters
///
/// A future state is a plan to change a current one. Naming the baseline is what lets `cjm diff` show what the plan changes for the customer.
///
/// ## Example
///
/// ```yaml
/// type: future-state
/// ```
///
/// ## Fixed
///
/// ```yaml
/// type: future-state
/// baseline: grocery-current
/// ```
///
/// Silence it for one item with `# cjm: allow future-state-without-baseline` on the line or the line above, or for a folder in `cjm.toml`: `[rules] future-state-without-baseline = "off"`.
    pub static RULE = {
        name: "future-state-without-baseline",
        level: Warning,
        summary: "a future-state map that names no current state",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    if ctx.map.kind != Some(MapType::FutureState) || ctx.map.baseline.is_some() {
        return Vec::new();
    }
    vec![
        Finding::new(
            ctx.map.kind_span,
            "this future-state map names no `baseline`",
        )
        .help("add `baseline:` with the id or path of the current-state map it improves on"),
    ]
}
