//! The `blueprint-without-lanes` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A map of `type: service-blueprint` in which no stage has `backstage` or `support` entries.
///
/// ## Why it matters
///
/// A service blueprint's value is what happens behind the line of visibility: the staff and systems that make each step work. Without those lanes it is a journey map by another name.
///
/// ## Example
///
/// ```yaml
/// type: service-blueprint
/// stages:
///   - name: Book
///     touchpoints: [...]
/// ```
///
/// ## Fixed
///
/// ```yaml
/// type: service-blueprint
/// stages:
///   - name: Book
///     touchpoints: [...]
///     backstage: [Receptionist checks the rota]
///     support: [Appointment system]
/// ```
///
/// Silence it for one item with `# cjm: allow blueprint-without-lanes` on the line or the line above, or for a folder in `cjm.toml`: `[rules] blueprint-without-lanes = "off"`.
    pub static RULE = {
        name: "blueprint-without-lanes",
        level: Warning,
        summary: "a service blueprint with no backstage or support lanes",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    let has_lanes = ctx
        .map
        .stages
        .iter()
        .any(|s| !s.backstage.is_empty() || !s.support.is_empty());
    if !ctx.map.is_blueprint() || has_lanes {
        return Vec::new();
    }
    vec![
        Finding::new(
            ctx.map.kind_span,
            "this service blueprint has no backstage or support lanes",
        )
        .help(
            "add `backstage:` and `support:` to the stages: the staff and systems behind each step",
        ),
    ]
}
