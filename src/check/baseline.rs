//! `baseline:` names another map, by id among the files checked together, by the file
//! name of a sibling, or by a path relative to the map. This pass runs once all files
//! are read.

use std::collections::HashSet;

use super::FileReport;
use crate::diag::Diagnostic;

/// Whether a `baseline:` value is a path (else it is a map id).
fn looks_like_path(value: &str) -> bool {
    value.contains(['/', '\\']) || value.ends_with(".yaml") || value.ends_with(".yml")
}

/// The file names, relative to the map's folder, where a `baseline:` value may live: the
/// path itself, or `<id>.yaml` / `<id>.yml` beside the map. `validate` and `diff` share it.
pub fn file_names(value: &str) -> Vec<String> {
    if looks_like_path(value) {
        vec![value.to_string()]
    } else {
        vec![format!("{value}.yaml"), format!("{value}.yml")]
    }
}

/// Adds an `unresolved-baseline` error to each report whose baseline resolves nowhere.
pub fn resolve(reports: &mut [FileReport]) {
    let ids: HashSet<String> = reports.iter().filter_map(|r| r.map_id.clone()).collect();
    for report in reports.iter_mut() {
        let Some((baseline, line)) = &report.baseline else {
            continue;
        };
        let value = baseline.value.as_str();
        let dir = report.input.dir();
        let looks_like_path = looks_like_path(value);
        let found = (!looks_like_path && ids.contains(value))
            || file_names(value).iter().any(|f| dir.join(f).is_file());
        if !found {
            let help = if looks_like_path {
                format!(
                    "no file `{}` exists; the path is relative to this map's folder",
                    dir.join(value).display()
                )
            } else {
                format!(
                    "no map with the id `{value}` was checked, and there is no `{value}.yaml` beside this map; check them together or give a relative path"
                )
            };
            let mut d = Diagnostic::error(
                "unresolved-baseline",
                baseline.span,
                format!("the baseline map `{value}` cannot be found"),
            )
            .with_help(help);
            d.set_line(line);
            report.diagnostics.push(d);
            report.diagnostics.sort_by_key(|d| (d.span.start, d.code));
        }
    }
}
