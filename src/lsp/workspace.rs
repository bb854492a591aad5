//! The workspace as `cjm validate` would see it: every map and library file below the
//! workspace folders, with the editor's unsaved text in place of the file on disk, checked
//! together so cross-file references (baselines, libraries, parents) resolve.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lsp_types::Uri;

use super::text::Text;
use crate::check::{self, FileReport, Input};
use crate::config::Config;
use crate::model::{Library, Map};
use crate::settings::Options;

/// One checked file: its text (for positions), its findings and, when it parsed, its model.
#[derive(Debug)]
pub struct File {
    pub path: PathBuf,
    pub uri: Uri,
    pub text: Text,
    pub report: FileReport,
    pub map: Option<Map>,
}

impl File {
    pub fn library(&self) -> Option<&Library> {
        self.report.library.as_ref()
    }
}

/// The result of one check of the workspace.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub files: Vec<File>,
    /// Findings in `cjm.toml` files, by path.
    pub config: Vec<(PathBuf, Vec<crate::diag::Diagnostic>)>,
}

impl Snapshot {
    pub fn file(&self, path: &Path) -> Option<(usize, &File)> {
        self.files.iter().enumerate().find(|(_, f)| f.path == path)
    }
}

/// Whether a text is a cjm file: a top-level `cjm:` key (maps and libraries alike).
pub fn declares_cjm(text: &str) -> bool {
    text.lines()
        .any(|l| l.strip_prefix("cjm:").is_some() || l.strip_prefix("\u{feff}cjm:").is_some())
}

/// The cjm files on disk below `roots` (a walk that honours `.gitignore`).
pub fn files_on_disk(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for root in roots.iter().filter(|r| r.is_dir()) {
        let collected = crate::inputs::collect(std::slice::from_ref(root));
        for found in collected.found {
            if let Input::File(path) = found.input {
                out.push(path);
            }
        }
    }
    out
}

/// Checks the files on disk and the open documents (which win) together.
/// `uris` gives the client's own URI for open documents.
pub fn check(disk: &[PathBuf], open: &HashMap<PathBuf, (Uri, Text)>, limit: usize) -> Snapshot {
    let mut texts: Vec<(PathBuf, Option<Uri>, String)> = Vec::new();
    for (path, (uri, text)) in open {
        texts.push((path.clone(), Some(uri.clone()), text.text.clone()));
    }
    for path in disk.iter().take(limit) {
        if open.contains_key(path) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        texts.push((path.clone(), None, text));
    }
    texts.retain(|(_, _, t)| declares_cjm(t));
    texts.sort_by(|a, b| a.0.cmp(&b.0));
    let inputs: Vec<Input> = texts
        .iter()
        .map(|(p, _, _)| Input::File(p.clone()))
        .collect();
    let config = Config::default();
    let options = Options::default();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let checked = check::in_parallel(&inputs, &done, |input| {
        let Input::File(path) = input else {
            return None;
        };
        let text = texts.iter().find(|(p, _, _)| p == path)?.2.clone();
        // A bug in one file's check must not take the server, or the other files, down.
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check::check_bytes(input, text.into_bytes(), &config, &options)
        }))
        .ok()
    });
    let mut reports = Vec::new();
    let mut rest = Vec::new();
    for ((path, uri, text), checked) in texts.into_iter().zip(checked) {
        let Some(checked) = checked else { continue };
        reports.push(checked.report);
        let uri = uri.or_else(|| super::uri::from_path(&path));
        let Some(uri) = uri else { continue };
        rest.push((path, uri, text, checked.map));
    }
    if reports.len() != rest.len() {
        return Snapshot::default();
    }
    let passes = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check::map_ids::check_unique(&mut reports);
        check::baseline::resolve(&mut reports);
        check::library::resolve_all(&mut reports, &config);
        check::hierarchy::check(&mut reports, &config);
        reports
    }));
    let Ok(reports) = passes else {
        return Snapshot::default();
    };
    let files = reports
        .into_iter()
        .zip(rest)
        .map(|(report, (path, uri, text, map))| File {
            path,
            uri,
            text: Text::new(text),
            report,
            map,
        })
        .collect();
    let cwd = std::env::current_dir().unwrap_or_default();
    let config = config
        .take_findings()
        .into_iter()
        .map(|c| (cwd.join(c.path), c.diagnostics))
        .collect();
    Snapshot { files, config }
}
