//! The `stage-without-emotion` rule.

use super::label;
use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A stage without an `emotion`.
///
/// ## Why it matters
///
/// The emotion curve is the heart of a journey map. A stage without an emotion leaves a gap in it, and the low points are what the map exists to find.
///
/// ## Example
///
/// ```yaml
/// stages:
///   - name: Delivery
/// ```
///
/// ## Fixed
///
/// ```yaml
/// stages:
///   - name: Delivery
///     emotion: -1
/// ```
///
/// Silence it for one item with `# cjm: allow stage-without-emotion` on the line or the line above, or for a folder in `cjm.toml`: `[rules] stage-without-emotion = "off"`.
    pub static RULE = {
        name: "stage-without-emotion",
        level: Info,
        summary: "a gap in the emotion curve",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    ctx.map
        .stages
        .iter()
        .filter(|s| s.emotion.is_none())
        .map(|s| {
            Finding::new(
                s.name.span,
                format!(
                    "stage `{}` has no emotion",
                    label(&s.name.value, &s.ident.id)
                ),
            )
            .help("add `emotion:` from -2 (very negative) to 2 (very positive)")
        })
        .collect()
}
