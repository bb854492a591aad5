//! The `map-without-persona` rule.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A map with no `personas`.
///
/// ## Why it matters
///
/// A journey is always somebody's. Without a persona, readers fill in their own idea of the customer, and the map stops being a shared picture.
///
/// ## Example
///
/// ```yaml
/// title: Online grocery delivery
/// stages: ...
/// ```
///
/// ## Fixed
///
/// ```yaml
/// title: Online grocery delivery
/// personas:
///   - name: Maya, busy parent
/// stages: ...
/// ```
///
/// Silence it for one item with `# cjm: allow map-without-persona` on the line or the line above, or for a folder in `cjm.toml`: `[rules] map-without-persona = "off"`.
    pub static RULE = {
        name: "map-without-persona",
        level: Warning,
        summary: "a map that does not say whose journey it is",
        check: check,
    };
}

fn check(ctx: &Context) -> Vec<Finding> {
    if !ctx.map.personas.is_empty() {
        return Vec::new();
    }
    vec![
        Finding::new(ctx.map.title.span, "the map names no persona")
            .help("add `personas:` with at least the customer whose journey this is"),
    ]
}
