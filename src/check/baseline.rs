//! `baseline:` names another map, by id among the files checked together, by the file
//! name of a sibling, or by a path relative to the map. This pass runs once all files
//! are read.

use std::collections::HashSet;
use std::path::Path;

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

/// Adds an `unresolved-baseline` error to each report whose baseline resolves nowhere,
/// with the id or sibling file it most likely meant, and a `self-baseline` error to a
/// map that names itself.
pub fn resolve(reports: &mut [FileReport]) {
    let ids: HashSet<String> = reports
        .iter()
        .filter_map(|r| r.map_id.as_ref().map(|m| m.id.clone()))
        .collect();
    for report in reports.iter_mut() {
        let Some((baseline, line)) = &report.baseline else {
            continue;
        };
        let value = baseline.value.as_str();
        let dir = report.input.dir();
        let looks_like_path = looks_like_path(value);
        let own_id = report.map_id.as_ref().map(|m| m.id.as_str());
        let file = file_names(value)
            .into_iter()
            .map(|f| dir.join(f))
            .find(|p| p.is_file());
        let is_self = (!looks_like_path && own_id == Some(value))
            || file
                .as_ref()
                .is_some_and(|f| is_same_file(&report.input, f));
        let found = (!looks_like_path && ids.contains(value)) || file.is_some();
        let mut d = if is_self {
            Diagnostic::error(
                "self-baseline",
                baseline.span,
                format!("the map names itself, `{value}`, as its baseline"),
            )
            .with_help("name the current-state map this one improves on")
        } else if !found {
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
            let candidates = candidates(&ids, own_id, &dir, value, looks_like_path);
            let help =
                match crate::suggest::did_you_mean(value, candidates.iter().map(String::as_str)) {
                    Some(near) => format!("did you mean `{near}`? {help}"),
                    None => help,
                };
            Diagnostic::error(
                "unresolved-baseline",
                baseline.span,
                format!("the baseline map `{value}` cannot be found"),
            )
            .with_help(help)
        } else {
            continue;
        };
        d.set_line(line);
        report.diagnostics.push(d);
        report.diagnostics.sort_by_key(|d| (d.span.start, d.code));
    }
}

/// What a `baseline:` value could have meant: the ids of the other maps in the run and
/// the map files beside this one (by stem for an id, by relative path for a path).
fn candidates(
    ids: &HashSet<String>,
    own_id: Option<&str>,
    dir: &Path,
    value: &str,
    looks_like_path: bool,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !looks_like_path {
        out.extend(ids.iter().filter(|id| Some(id.as_str()) != own_id).cloned());
    }
    // For a path, look in the folder it names; for an id, beside the map.
    let (sub, prefix) = match value.rfind(['/', '\\']) {
        Some(i) if looks_like_path => (dir.join(&value[..i]), value[..=i].to_string()),
        _ => (dir.to_path_buf(), String::new()),
    };
    if let Ok(entries) = std::fs::read_dir(&sub) {
        for entry in entries.flatten() {
            let path = entry.path();
            if !crate::inputs::is_map_file(&path) {
                continue;
            }
            let name = if looks_like_path {
                path.file_name()
            } else {
                path.file_stem()
            };
            if let Some(name) = name.and_then(|n| n.to_str()) {
                out.push(format!("{prefix}{name}"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn is_same_file(input: &super::Input, file: &Path) -> bool {
    match input {
        super::Input::File(p) => match (std::fs::canonicalize(p), std::fs::canonicalize(file)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        },
        _ => false,
    }
}
