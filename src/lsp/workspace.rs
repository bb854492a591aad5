//! The workspace as `cjm validate` would see it: every map and library file below the
//! workspace folders, with the editor's unsaved text in place of the file on disk, checked
//! together so cross-file references (baselines, libraries, parents) resolve.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    pub text: Arc<Text>,
    pub report: FileReport,
    pub map: Option<Arc<Map>>,
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

/// The YAML files on disk below `roots` (a walk that honours `.gitignore`); which of
/// them are cjm files is told when they are read.
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

/// A file on disk as it was last checked on its own, before the passes across files,
/// kept while its modification time and size stay the same: an edit re-checks only the
/// open documents.
#[derive(Default)]
pub struct Cache {
    files: HashMap<PathBuf, Cached>,
}

struct Cached {
    stamp: (Option<std::time::SystemTime>, u64),
    /// `None` for a YAML file that is not a cjm file.
    checked: Option<(Arc<Text>, FileReport, Option<Arc<Map>>)>,
}

fn stamp(path: &Path) -> Option<(Option<std::time::SystemTime>, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok(), meta.len()))
}

/// A copy of a report fresh from `check_bytes` (the passes across files add to it).
fn copy(r: &FileReport) -> FileReport {
    FileReport {
        input: r.input.clone(),
        path: r.path.clone(),
        map_id: r.map_id.clone(),
        baseline: r.baseline.clone(),
        diagnostics: r.diagnostics.clone(),
        suppressed: r.suppressed.clone(),
        pending: r.pending.clone(),
        library: r.library.clone(),
        library_lines: r.library_lines.clone(),
        links: r.links.clone(),
        unreadable: r.unreadable,
    }
}

/// Checks one file on its own; a bug in the check must not take the server, or the
/// other files, down.
fn check_one(path: &Path, text: &str, config: &Config) -> Option<(FileReport, Option<Map>)> {
    let input = Input::File(path.to_path_buf());
    let options = Options::default();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let checked = check::check_bytes(&input, text.as_bytes().to_vec(), config, &options);
        (checked.report, checked.map)
    }))
    .ok()
}

/// Checks the files on disk (at most `limit`) and the open documents (which win)
/// together, as `cjm validate` checks a folder.
pub fn check(
    disk: &[PathBuf],
    open: &HashMap<PathBuf, (Uri, Text)>,
    limit: usize,
    cache: &mut Cache,
) -> Snapshot {
    let config = Config::default();
    // Files on disk that changed since they were last checked, checked on all cores.
    let stale: Vec<(PathBuf, (Option<std::time::SystemTime>, u64))> = disk
        .iter()
        .take(limit)
        .filter(|p| !open.contains_key(*p))
        .filter_map(|p| Some((p.clone(), stamp(p)?)))
        .filter(|(p, s)| cache.files.get(p).is_none_or(|c| c.stamp != *s))
        .collect();
    let inputs: Vec<Input> = stale.iter().map(|(p, _)| Input::File(p.clone())).collect();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let fresh = check::in_parallel(&inputs, &done, |input| {
        let Input::File(path) = input else {
            return None;
        };
        let text = std::fs::read_to_string(path).ok()?;
        if !declares_cjm(&text) {
            return None;
        }
        let (report, map) = check_one(path, &text, &config)?;
        Some((Arc::new(Text::new(text)), report, map.map(Arc::new)))
    });
    for ((path, stamp), checked) in stale.into_iter().zip(fresh) {
        cache.files.insert(path, Cached { stamp, checked });
    }
    let on_disk: std::collections::HashSet<&PathBuf> = disk.iter().take(limit).collect();
    cache.files.retain(|p, _| on_disk.contains(p));

    /// A file checked on its own: path, URI, text, report and model.
    type Entry = (PathBuf, Uri, Arc<Text>, FileReport, Option<Arc<Map>>);
    let mut all: Vec<Entry> = Vec::new();
    for (path, (uri, text)) in open {
        if !declares_cjm(&text.text) {
            continue;
        }
        if let Some((report, map)) = check_one(path, &text.text, &config) {
            let text = Arc::new(text.clone());
            all.push((path.clone(), uri.clone(), text, report, map.map(Arc::new)));
        }
    }
    for (path, cached) in &cache.files {
        if open.contains_key(path) {
            continue;
        }
        let (Some((text, report, map)), Some(uri)) = (&cached.checked, super::uri::from_path(path))
        else {
            continue;
        };
        all.push((path.clone(), uri, text.clone(), copy(report), map.clone()));
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    let mut reports = Vec::with_capacity(all.len());
    let mut rest = Vec::with_capacity(all.len());
    for (path, uri, text, report, map) in all {
        reports.push(report);
        rest.push((path, uri, text, map));
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
            text,
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
