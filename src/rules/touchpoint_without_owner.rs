//! The `touchpoint-without-owner` rule.

use super::label;
use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A touchpoint without an `owner`.
///
/// ## Why it matters
///
/// Touchpoints are where the experience is made. One without an owner is one nobody will fix when it breaks.
///
/// ## Example
///
/// ```yaml
/// touchpoints:
///   - name: Checkout screen
///     channel: mobile-app
/// ```
///
/// ## Fixed
///
/// ```yaml
/// touchpoints:
///   - name: Checkout screen
///     channel: mobile-app
///     owner: Checkout squad
/// ```
///
/// Silence it for one item with `# cjm: allow touchpoint-without-owner` on the line or the line above, or for a folder in `cjm.toml`: `[rules] touchpoint-without-owner = "off"`.
    pub static RULE = {
        name: "touchpoint-without-owner",
        level: Info,
        summary: "a touchpoint nobody owns",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .touchpoints()
        .filter(|(_, t)| t.owner.is_none())
        .map(|(_, t)| {
            Finding::new(
                t.name.span,
                format!(
                    "touchpoint `{}` has no owner",
                    label(&t.name.value, &t.ident.id)
                ),
            )
            .help("add `owner:` with the team that runs it")
        })
        .collect()
}
