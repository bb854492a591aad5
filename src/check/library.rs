//! References into shared library files (`type: library`): a map's bare persona ids,
//! `evidence:` that is not the map's own research, and owners that are team ids. They
//! are resolved once every file is read, against the libraries checked in the same run
//! and those found by walking up from the map's folder (`library.yaml` or
//! `library.yml`, as `cjm.toml` is found), nearest first.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use super::FileReport;
use crate::diag::{Diagnostic, Span};
use crate::inputs::Input;
use crate::model::{self, Library, Map};
use crate::read::{Limits, Node, Source};
use crate::suggest::did_you_mean;

/// The file names a library is discovered by.
pub const FILE_NAMES: [&str; 2] = ["library.yaml", "library.yml"];

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefKind {
    Persona,
    Research,
    /// An owner: a team id names a library team; other text stays free text.
    Team,
}

impl RefKind {
    fn noun(self) -> &'static str {
        match self {
            RefKind::Persona => "persona",
            RefKind::Research => "research",
            RefKind::Team => "team",
        }
    }
}

/// A reference the map itself could not resolve.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub kind: RefKind,
    pub value: String,
    pub span: Span,
    /// The source line, for the finding (the text is gone when this is resolved).
    pub line: String,
    /// The map's own ids of this kind, for "did you mean".
    pub local: Vec<String>,
}

/// What a map asks of libraries, once its own ids are known.
pub fn pending(map: &Map, unread: &HashSet<String>, source: &Source) -> Vec<Pending> {
    let mut out = Vec::new();
    let line = |span: Span| source.line(span.start.line).to_string();
    for p in map.personas.iter().filter(|p| p.linked) {
        out.push(Pending {
            kind: RefKind::Persona,
            value: p.ident.id.clone(),
            span: p.ident.span,
            line: line(p.ident.span),
            local: Vec::new(),
        });
    }
    let research: Vec<String> = map.research.iter().map(|r| r.ident.id.clone()).collect();
    for (_, pain) in map.pain_points() {
        for e in &pain.evidence {
            if !research.contains(&e.value) && !unread.contains(&e.value) {
                out.push(Pending {
                    kind: RefKind::Research,
                    value: e.value.clone(),
                    span: e.span,
                    line: line(e.span),
                    local: research.clone(),
                });
            }
        }
    }
    let owners = map
        .owner
        .iter()
        .chain(map.touchpoints().filter_map(|(_, t)| t.owner.as_ref()))
        .chain(map.opportunities().filter_map(|(_, o)| o.owner.as_ref()));
    // A team resolves the same wherever it is named (only which library items are used
    // comes of it): each distinct owner once, so a run of many maps keeps little.
    let mut teams: Vec<&str> = Vec::new();
    for owner in owners {
        if teams.contains(&owner.value.as_str()) {
            continue;
        }
        teams.push(&owner.value);
        out.push(Pending {
            kind: RefKind::Team,
            value: owner.value.clone(),
            span: owner.span,
            line: String::new(),
            local: Vec::new(),
        });
    }
    out.shrink_to_fit();
    out
}

/// A library file read for resolution.
#[derive(Debug)]
pub struct Loaded {
    /// Canonical, to tell a discovered library from the same file checked in the run.
    pub key: PathBuf,
    pub library: Library,
}

/// Libraries found so far, by folder.
static CACHE: OnceLock<Mutex<HashMap<PathBuf, Vec<Arc<Loaded>>>>> = OnceLock::new();

/// Forgets the libraries read so far, so a long-running process (`cjm preview`,
/// `cjm lsp`) sees them edited.
pub fn forget_discovered() {
    if let Some(cache) = CACHE.get() {
        cache.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}

/// Libraries found by walking up from `dir`, nearest first; read once per process (until
/// [`forget_discovered`]).
pub fn discovered(dir: &Path) -> Vec<Arc<Loaded>> {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    // Every map of a folder asks with the same path: resolved once per folder, not per map.
    static CANONICAL: OnceLock<Mutex<HashMap<PathBuf, Option<PathBuf>>>> = OnceLock::new();
    let canonical = CANONICAL.get_or_init(Mutex::default);
    let known = canonical
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(dir)
        .cloned();
    let resolved = known.unwrap_or_else(|| {
        let resolved = std::fs::canonicalize(dir).ok();
        canonical
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(dir.to_path_buf(), resolved.clone());
        resolved
    });
    let Some(dir) = resolved else {
        return Vec::new();
    };
    let cache = CACHE.get_or_init(Mutex::default);
    if let Some(found) = cache.lock().unwrap_or_else(|e| e.into_inner()).get(&dir) {
        return found.clone();
    }
    let mut found: Vec<Arc<Loaded>> = FILE_NAMES
        .iter()
        .map(|n| dir.join(n))
        .filter(|p| p.is_file())
        .filter_map(|p| load(&p).map(Arc::new))
        .collect();
    if let Some(parent) = dir.parent() {
        found.extend(discovered(parent));
    }
    cache
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(dir, found.clone());
    found
}

/// A library file that reads cleanly enough to resolve against; its own mistakes are
/// reported when it is checked itself.
fn load(path: &Path) -> Option<Loaded> {
    let text = std::fs::read_to_string(path).ok()?;
    let parsed = crate::read::parse(&text, &Limits::default());
    let root: Node = parsed.root?;
    if !model::library::is_library(&root) {
        return None;
    }
    let stem = path.file_stem()?.to_string_lossy().into_owned();
    Some(Loaded {
        key: std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()),
        library: model::library::build(&root, &stem),
    })
}

/// The libraries a map sees: the ones found above it, then the ones in the run. A file
/// that is both is read as the run has it (an editor's unsaved text, in `cjm lsp`).
pub fn visible(input: &Input, in_run: &[Arc<Loaded>]) -> Vec<Arc<Loaded>> {
    let mut seen = HashSet::new();
    discovered(&input.dir())
        .into_iter()
        .map(|d| match in_run.iter().find(|r| r.key == d.key) {
            Some(r) => r.clone(),
            None => d,
        })
        .chain(in_run.iter().cloned())
        .filter(|l| seen.insert(l.key.clone()))
        .collect()
}

/// Resolves `report`'s pending references against `libraries`, adding a located error
/// for each persona or research id none of them has; returns what was used, as
/// (library key, kind, id), for the unused-item check.
pub fn resolve(
    report: &mut FileReport,
    libraries: &[Arc<Loaded>],
) -> Vec<(PathBuf, RefKind, String)> {
    let mut used = Vec::new();
    for p in std::mem::take(&mut report.pending) {
        let found = libraries.iter().find(|l| match p.kind {
            RefKind::Persona => l.library.persona(&p.value).is_some(),
            RefKind::Research => l.library.research(&p.value).is_some(),
            RefKind::Team => l.library.team(&p.value).is_some(),
        });
        if let Some(l) = found {
            used.push((l.key.clone(), p.kind, p.value));
            continue;
        }
        if p.kind == RefKind::Team {
            continue;
        }
        let shared: Vec<&str> = libraries
            .iter()
            .flat_map(|l| match p.kind {
                RefKind::Persona => l
                    .library
                    .personas
                    .iter()
                    .map(|x| x.ident.id.as_str())
                    .collect::<Vec<_>>(),
                _ => l
                    .library
                    .research
                    .iter()
                    .map(|x| x.ident.id.as_str())
                    .collect(),
            })
            .collect();
        let known: Vec<&str> = p.local.iter().map(String::as_str).chain(shared).collect();
        let noun = p.kind.noun();
        let help = match did_you_mean(&p.value, known.iter().copied()) {
            Some(best) => format!("did you mean `{best}`?"),
            None if known.is_empty() && libraries.is_empty() => match p.kind {
                RefKind::Persona => "write the persona out here, or define it in a shared `library.yaml` (`type: library`) beside the map or in a folder above".to_string(),
                _ => format!("this map has no {noun} yet, and no library was found (`library.yaml` beside the map or in a folder above)"),
            },
            None if known.is_empty() => format!("neither this map nor its libraries have any {noun}"),
            None => {
                let shown: Vec<&str> = known.iter().copied().take(8).collect();
                let more = if known.len() > shown.len() { ", …" } else { "" };
                format!("known {noun} ids: {}{more}", shown.join(", "))
            }
        };
        let code = match p.kind {
            RefKind::Persona => "unknown-persona",
            _ => "unknown-research",
        };
        let mut d = Diagnostic::error(code, p.span, format!("no {noun} has the id `{}`", p.value))
            .with_help(help);
        d.set_line(&p.line);
        report.diagnostics.push(d);
    }
    report.diagnostics.sort_by_key(|d| (d.span.start, d.code));
    used
}

/// After a run: every map's references resolved against the run's libraries and the
/// discovered ones; library items no map in the run uses reported (when the run has
/// maps at all), at the level `unused-library-item` has for the library.
pub fn resolve_all(reports: &mut [FileReport], config: &crate::config::Config) {
    let in_run: Vec<Arc<Loaded>> = reports
        .iter()
        .filter_map(|r| {
            let library = r.library.clone()?;
            let key = match &r.input {
                Input::File(p) => std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
                _ => PathBuf::from(&r.path),
            };
            Some(Arc::new(Loaded { key, library }))
        })
        .collect();
    let mut used: HashSet<(PathBuf, RefKind, String)> = HashSet::new();
    let mut maps = 0;
    // Maps come folder by folder: what the last map's folder sees, looked up once.
    let mut last: Option<(PathBuf, Vec<Arc<Loaded>>)> = None;
    for report in reports.iter_mut().filter(|r| r.library.is_none()) {
        if report.map_id.is_some() {
            maps += 1;
        }
        if report.pending.is_empty() {
            continue;
        }
        let dir = report.input.dir();
        let libraries = match last.take() {
            Some((seen, libraries)) if seen == dir => libraries,
            _ => visible(&report.input, &in_run),
        };
        used.extend(resolve(report, &libraries));
        last = Some((dir, libraries));
    }
    if maps == 0 {
        return;
    }
    for report in reports.iter_mut() {
        let Some(library) = &report.library else {
            continue;
        };
        if report.has_errors() {
            continue;
        }
        let key = match &report.input {
            Input::File(p) => std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
            _ => PathBuf::from(&report.path),
        };
        let rule = &crate::rules::unused_library_item::RULE;
        let settings = config.settings_for(&report.input);
        let Some(severity) = settings.level_of(rule.name, rule.default_level).severity() else {
            continue;
        };
        let items = library
            .personas
            .iter()
            .map(|p| (RefKind::Persona, &p.ident))
            .chain(
                library
                    .research
                    .iter()
                    .map(|r| (RefKind::Research, &r.ident)),
            )
            .chain(library.teams.iter().map(|t| (RefKind::Team, &t.ident)));
        let mut found = Vec::new();
        for (kind, ident) in items {
            if !used.contains(&(key.clone(), kind, ident.id.clone())) {
                found.push(
                    Diagnostic::new(
                        rule.name,
                        severity,
                        ident.span,
                        format!(
                            "no map checked with this library uses the {} `{}`",
                            kind.noun(),
                            ident.id
                        ),
                    )
                    .with_help("use it in a map, or remove it from the library"),
                );
            }
        }
        let lines = report.library_lines.take().unwrap_or_default();
        for mut d in found {
            let line = lines.get(&d.span.start.line).cloned().unwrap_or_default();
            d.set_line(&line);
            report.diagnostics.push(d);
        }
        report.diagnostics.sort_by_key(|d| (d.span.start, d.code));
    }
}
