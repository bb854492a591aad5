//! The `unused-library-item` rule. It looks across files, so the library pass in
//! `check::library` reports it; the per-map check finds nothing.

use super::{Context, Finding, declare_rule};

declare_rule! {
/// ## What it flags
///
/// A persona, research entry or team in a shared library file (`type: library`) that no
/// map checked in the same run uses: no map lists the persona's id under `personas`, cites
/// the research in `evidence`, or names the team as an `owner`.
///
/// ## Why it matters
///
/// A library is only as good as it is current. Items nobody uses are often leftovers from
/// a renamed persona or a finished study, and they invite maps to cite stale material.
///
/// ## Example
///
/// ```yaml
/// # maps/library.yaml
/// cjm: 1
/// type: library
/// title: Shared personas
/// personas:
///   - id: busy-parent
///     name: Maya, busy parent
///   - id: student          # no map uses it
///     name: Sam, student
/// ```
///
/// ## Fixed
///
/// ```yaml
/// # maps/checkout.yaml
/// personas: [busy-parent, student]
/// ```
///
/// Or remove the item. The rule runs only when maps are checked with the library
/// (`cjm validate maps/`), never on a library alone. Silence it for one item with
/// `# cjm: allow unused-library-item` on the line or the line above, or for a folder in
/// `cjm.toml`: `[rules] unused-library-item = "off"`.
    pub static RULE = {
        name: "unused-library-item",
        level: Info,
        summary: "an item in a shared library that no map uses",
        check: check,
    };
}

fn check(_ctx: &Context) -> Vec<Finding> {
    Vec::new()
}
