//! The `child-with-other-personas` rule. It looks across files, so the hierarchy pass in
//! `check::hierarchy` reports it; the per-map check finds nothing.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A map that zooms into a broader journey (`parent:`) but lists other personas than
/// that parent map does.
///
/// ## Why it matters
///
/// A zoomed-in journey details a stage of the broader one, so it is normally the same
/// people's. Different personas often mean the child was copied from another journey,
/// or the parent's personas went out of date.
///
/// ## Example
///
/// ```yaml
/// # account-opening.yaml
/// id: account-opening
/// parent: business-banking     # whose personas are [small-business-owner]
/// personas: [student]
/// ```
///
/// ## Fixed
///
/// ```yaml
/// id: account-opening
/// parent: business-banking
/// personas: [small-business-owner]
/// ```
///
/// When the difference is intended, silence it with
/// `# cjm: allow child-with-other-personas -- why` on the `parent:` line, or for a
/// folder in `cjm.toml`: `[rules] child-with-other-personas = "off"`.
    pub static RULE = {
        name: "child-with-other-personas",
        level: Info,
        summary: "a zoomed-in journey whose personas differ from its parent's",
        check: check,
    };
}

fn check(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
