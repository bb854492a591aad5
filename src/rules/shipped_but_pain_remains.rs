//! The `shipped-but-pain-remains` rule.

use super::{Context, Finding, declare_rule};
use crate::model::lifecycle::Lifecycle;

declare_rule! {
/// ## What it flags
///
/// An opportunity with `status: shipped` whose `addresses` still name open pain points (not `status: resolved`).
///
/// ## Why it matters
///
/// Shipping is not the goal; removing the pain is. Either the fix worked and the map should say so, or it did not and the pain point needs a new plan. A map that says both "shipped" and "still hurts" without a word is out of date.
///
/// ## Example
///
/// ```yaml
/// pain_points:
///   - id: slot-scarcity
///     name: No evening delivery slots
/// opportunities:
///   - name: Waitlist for evening slots
///     addresses: [slot-scarcity]
///     status: shipped
/// ```
///
/// ## Fixed
///
/// ```yaml
/// pain_points:
///   - id: slot-scarcity
///     name: No evening delivery slots
///     status: resolved        # the waitlist fixed it: research shows it
/// opportunities:
///   - name: Waitlist for evening slots
///     addresses: [slot-scarcity]
///     status: shipped
/// ```
///
/// Silence it for one item with `# cjm: allow shipped-but-pain-remains` on the line or the line above, or for a folder in `cjm.toml`: `[rules] shipped-but-pain-remains = "off"`.
    pub static RULE = {
        name: "shipped-but-pain-remains",
        level: Warning,
        summary: "a shipped opportunity whose pain points are still open",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .opportunities()
        .filter_map(|(_, o)| {
            let status = o.status.as_ref().filter(|s| s.value == Lifecycle::Shipped)?;
            let open: Vec<String> = o
                .addresses
                .iter()
                .filter(|a| {
                    ctx.map
                        .pain_points()
                        .any(|(_, p)| p.ident.id == a.value && !p.resolved)
                })
                .map(|a| format!("`{}`", a.value))
                .collect();
            if open.is_empty() {
                return None;
            }
            let (what, verb) = if open.len() == 1 {
                ("pain point", "is")
            } else {
                ("pain points", "are")
            };
            Some(
                Finding::new(
                    status.span,
                    format!(
                        "the opportunity `{}` is shipped, but the {what} it addresses {} {verb} still open",
                        o.ident.id,
                        open.join(", ")
                    ),
                )
                .help("mark the pain point `status: resolved` if the fix worked, or plan what comes next"),
            )
        })
        .collect()
}
