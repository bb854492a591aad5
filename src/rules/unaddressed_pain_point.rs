//! The `unaddressed-pain-point` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// An open pain point (not `status: resolved`) whose id no opportunity lists in `addresses`.
///
/// ## Why it matters
///
/// A journey map exists to change the experience. A pain point with no opportunity against it is a known problem with no plan; reviewers should see it.
///
/// ## Example
///
/// ```yaml
/// pain_points:
///   - id: slot-scarcity
///     name: No evening delivery slots
/// ```
///
/// ## Fixed
///
/// ```yaml
/// pain_points:
///   - id: slot-scarcity
///     name: No evening delivery slots
/// opportunities:
///   - name: Waitlist for evening slots
///     addresses: [slot-scarcity]
/// ```
///
/// Silence it for one item with `# cjm: allow unaddressed-pain-point` on the line or the line above, or for a folder in `cjm.toml`: `[rules] unaddressed-pain-point = "off"`.
    pub static RULE = {
        name: "unaddressed-pain-point",
        level: Warning,
        summary: "a pain point no opportunity addresses",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    let addressed: Vec<&str> = ctx
        .map
        .opportunities()
        .flat_map(|(_, o)| o.addresses.iter().map(|a| a.value.as_str()))
        .collect();
    ctx.map
        .pain_points()
        .filter(|(_, p)| !p.resolved && !addressed.contains(&p.ident.id.as_str()))
        .map(|(_, p)| {
            Finding::new(
                p.name.span,
                format!("no opportunity addresses the pain point `{}`", p.ident.id),
            )
            .help(format!(
                "add an opportunity with `addresses: [{}]`, or mark it `status: resolved`",
                p.ident.id
            ))
        })
        .collect()
}
