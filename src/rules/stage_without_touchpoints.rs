//! The `stage-without-touchpoints` rule.

use super::label;
use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A stage with no `touchpoints`.
///
/// ## Why it matters
///
/// A stage without touchpoints is a stretch of the journey where the customer is on their own: nobody owns it and nothing measures it. Either the map is missing the touchpoints, or the brand is absent where it should be present; both are worth a conversation.
///
/// ## Example
///
/// ```yaml
/// stages:
///   - name: Joining
///     actions: [Leaving home]
/// ```
///
/// ## Fixed
///
/// ```yaml
/// stages:
///   - name: Joining
///     actions: [Leaving home]
///     touchpoints:
///       - name: Recruiter call
///         channel: phone
///         owner: Recruitment
/// ```
///
/// Silence it for one item with `# cjm: allow stage-without-touchpoints` on the line or the line above, or for a folder in `cjm.toml`: `[rules] stage-without-touchpoints = "off"`.
    pub static RULE = {
        name: "stage-without-touchpoints",
        level: Warning,
        summary: "a stage where the brand never meets the customer",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .stages
        .iter()
        .filter(|s| s.touchpoints.is_empty())
        .map(|s| {
            Finding::new(
                s.name.span,
                format!(
                    "stage `{}` has no touchpoints: the brand is absent from it",
                    label(&s.name.value, &s.ident.id)
                ),
            )
            .help("add the touchpoints where the customer meets you in this stage")
        })
        .collect()
}
