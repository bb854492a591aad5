//! The `opportunity-without-owner` rule.

use super::label;
use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// An opportunity without an `owner`.
///
/// ## Why it matters
///
/// An opportunity without an owner is a wish. Naming who will take it forward is what turns a map into a plan.
///
/// ## Example
///
/// ```yaml
/// opportunities:
///   - name: Waitlist for evening slots
/// ```
///
/// ## Fixed
///
/// ```yaml
/// opportunities:
///   - name: Waitlist for evening slots
///     owner: Checkout squad
/// ```
///
/// Silence it for one item with `# cjm: allow opportunity-without-owner` on the line or the line above, or for a folder in `cjm.toml`: `[rules] opportunity-without-owner = "off"`.
    pub static RULE = {
        name: "opportunity-without-owner",
        level: Warning,
        summary: "an opportunity nobody owns",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .opportunities()
        .filter(|(_, o)| o.owner.is_none())
        .map(|(_, o)| {
            Finding::new(
                o.name.span,
                format!(
                    "opportunity `{}` has no owner",
                    label(&o.name.value, &o.ident.id)
                ),
            )
            .help("add `owner:` with the team that will take it forward")
        })
        .collect()
}
