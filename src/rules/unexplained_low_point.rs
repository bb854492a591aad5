//! The `unexplained-low-point` rule.

use super::label;
use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A stage whose `emotion` is negative (-1 or -2) but which has no pain points.
///
/// ## Why it matters
///
/// A dip in the emotion curve is the map saying something hurts. If no pain point says what, the team cannot act on it.
///
/// ## Example
///
/// ```yaml
/// - name: Delivery
///   emotion: -2
/// ```
///
/// ## Fixed
///
/// ```yaml
/// - name: Delivery
///   emotion: -2
///   pain_points:
///     - name: Substitutions she did not ask for
///       severity: medium
/// ```
///
/// Silence it for one item with `# cjm: allow unexplained-low-point` on the line or the line above, or for a folder in `cjm.toml`: `[rules] unexplained-low-point = "off"`.
    pub static RULE = {
        name: "unexplained-low-point",
        level: Warning,
        summary: "a negative emotion with no pain point to explain it",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .stages
        .iter()
        .filter_map(|s| {
            let emotion = s.emotion.as_ref()?;
            (emotion.value < 0 && s.pain_points.is_empty()).then(|| {
                Finding::new(
                    emotion.span,
                    format!(
                        "stage `{}` feels negative ({}) but has no pain point to say why",
                        label(&s.name.value, &s.ident.id),
                        emotion.value
                    ),
                )
                .help("add the pain points behind the low point")
            })
        })
        .collect()
}
