//! The checking pass: one file's text → schema, references and lint findings.
//!
//! Each file is read and parsed once; the tree is dropped as soon as the file is
//! checked, and only findings (with their source lines) are kept.

pub mod baseline;
pub mod hierarchy;
pub mod library;
pub mod map_ids;
pub mod refs;
pub mod schema;
pub mod suppress;

use crate::config::{Config, ConfigFile};
use crate::diag::{Diagnostic, Pos, Severity, Span};
pub use crate::inputs::Input;
use crate::model::{self, Map, Spanned};
use crate::read::{self, Limits, Source, Value};
use crate::rules;
pub use crate::settings::Options;

/// The newest format version this build reads.
pub const FORMAT_VERSION: i64 = 1;

/// One file's outcome.
#[derive(Debug)]
pub struct FileReport {
    pub input: Input,
    pub path: String,
    /// The map's id, when the file was read far enough to know it.
    pub map_id: Option<MapId>,
    /// The `baseline:` value and its source line, resolved later across files.
    pub baseline: Option<(Spanned<String>, String)>,
    pub diagnostics: Vec<Diagnostic>,
    /// Lint findings silenced by `# cjm: allow`, kept for machine output.
    pub suppressed: Vec<suppress::Suppressed>,
    /// References the map left to shared libraries, resolved across files.
    pub pending: Vec<library::Pending>,
    /// The file is a shared library (`type: library`): its items, for the maps.
    pub library: Option<crate::model::Library>,
    /// A library's source lines by number, for findings made after the text is gone.
    pub library_lines: Option<std::collections::HashMap<u32, String>>,
    /// The map's place in the journey hierarchy, resolved across files.
    pub links: hierarchy::Links,
    /// The file could not be read at all (missing, unreadable, a folder).
    pub unreadable: bool,
}

impl FileReport {
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Errors that leave the map unreadable or wrong (YAML, schema, references), as
    /// opposed to lint findings a `cjm.toml` raised to `error`: those fail `validate`
    /// but do not stop `render` or `diff` of a map still being written.
    pub fn has_errors_beyond_lint(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error && rules::find(d.code).is_none())
    }
}

/// A map's id and where it is written, for the checks across files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MapId {
    pub id: String,
    /// The `id:` value, or the first line when the id comes from the file name.
    pub span: Span,
    /// The source line of `span`.
    pub line: String,
}

impl From<ConfigFile> for FileReport {
    fn from(file: ConfigFile) -> Self {
        FileReport {
            path: file.path.display().to_string(),
            input: Input::File(file.path),
            map_id: None,
            baseline: None,
            diagnostics: file.diagnostics,
            suppressed: Vec::new(),
            pending: Vec::new(),
            library: None,
            library_lines: None,
            links: hierarchy::Links::default(),
            unreadable: file.unreadable,
        }
    }
}

/// A checked file and, when it parsed, its model (for render and diff).
#[derive(Debug)]
pub struct Checked {
    pub report: FileReport,
    pub map: Option<Map>,
}

/// Reads and checks one input on its own, its library references resolved against the
/// libraries found above it, and the map linked to them (for render and diff).
pub fn check_input(input: &Input, config: &Config, options: &Options) -> Checked {
    let mut checked = check_one(input, config, options);
    if checked.report.library.is_some() {
        return checked;
    }
    let libraries = library::visible(input, &[]);
    library::resolve(&mut checked.report, &libraries);
    if let Some(map) = checked.map.as_mut() {
        let libs: Vec<&crate::model::Library> = libraries.iter().map(|l| &l.library).collect();
        crate::model::library::link(map, &libs);
    }
    checked
}

/// Reads and checks one input, leaving references into libraries pending.
fn check_one(input: &Input, config: &Config, options: &Options) -> Checked {
    match read_input(input, &options.limits) {
        Ok(bytes) => check_bytes(input, bytes, config, options),
        Err(diagnostic) => Checked {
            report: FileReport {
                input: input.clone(),
                path: input.display(),
                map_id: None,
                baseline: None,
                diagnostics: vec![diagnostic],
                suppressed: Vec::new(),
                pending: Vec::new(),
                library: None,
                library_lines: None,
                links: hierarchy::Links::default(),
                unreadable: true,
            },
            map: None,
        },
    }
}

fn read_input(input: &Input, limits: &Limits) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let whole_file = Span::default();
    let fail = |e: std::io::Error| {
        let what = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "this is a folder, not a map file".to_string(),
            _ => e.to_string(),
        };
        Diagnostic::error(
            "unreadable",
            whole_file,
            format!("could not read the file: {what}"),
        )
    };
    let mut bytes = Vec::new();
    let cap = limits.max_file_bytes.saturating_add(1);
    match input {
        Input::File(path) => {
            let folder = || fail(std::io::Error::from(std::io::ErrorKind::IsADirectory));
            let file = std::fs::File::open(path)
                .map_err(|e| if path.is_dir() { folder() } else { fail(e) })?;
            // One fstat tells a folder apart and sizes the buffer: one read fills it.
            let meta = file.metadata().map_err(fail)?;
            if meta.is_dir() {
                return Err(folder());
            }
            bytes.reserve_exact(usize::try_from(meta.len().min(cap)).unwrap_or(0) + 1);
            file.take(cap).read_to_end(&mut bytes).map_err(fail)?;
        }
        Input::Stdin => {
            std::io::stdin()
                .lock()
                .take(cap)
                .read_to_end(&mut bytes)
                .map_err(fail)?;
        }
        Input::Revision(r) => {
            bytes = r.read().map_err(|e| {
                Diagnostic::error(
                    "unreadable",
                    whole_file,
                    format!("could not read it from git: {e}"),
                )
            })?;
        }
    }
    Ok(bytes)
}

/// Checks a file's bytes; the entry point for tests, fuzzing and stdin.
pub fn check_bytes(input: &Input, bytes: Vec<u8>, config: &Config, options: &Options) -> Checked {
    let mut report = FileReport {
        input: input.clone(),
        path: input.display(),
        map_id: None,
        baseline: None,
        diagnostics: Vec::new(),
        suppressed: Vec::new(),
        pending: Vec::new(),
        library: None,
        library_lines: None,
        links: hierarchy::Links::default(),
        unreadable: false,
    };
    let start = Span::point(Pos { line: 1, col: 1 });
    if bytes.len() as u64 > options.limits.max_file_bytes {
        report.diagnostics.push(
            Diagnostic::error(
                "file-too-large",
                start,
                format!(
                    "the file is larger than {} MiB, the most cjm reads",
                    options.limits.max_file_bytes / (1024 * 1024)
                ),
            )
            .with_help(
                "split the journey into several maps, or raise the limit with `--max-file-size`",
            ),
        );
        return Checked { report, map: None };
    }
    let text = match read::decode(bytes) {
        Ok(text) => text,
        Err((d, lossy)) => {
            report.diagnostics.push(d);
            Source::new(lossy).attach_lines(&mut report.diagnostics);
            return Checked { report, map: None };
        }
    };
    let source = Source::new(text);
    let parsed = read::parse(&source.text, &options.limits);
    report.diagnostics = parsed.diagnostics;
    let mut map = None;
    if let Some(mut root) = parsed.root {
        let version = root.get("cjm");
        let newer = version.and_then(|v| match v.value {
            Value::Int(n) if n > FORMAT_VERSION => Some((n, v.span)),
            _ => None,
        });
        if let Some((n, span)) = newer {
            report.diagnostics.push(
                Diagnostic::error(
                    "unsupported-version",
                    span,
                    format!(
                        "this map is written in format version {n}, but this cjm reads version {FORMAT_VERSION}"
                    ),
                )
                .with_help("upgrade cjm to check this map"),
            );
        } else if crate::model::library::is_library(&root) {
            check_library(&root, input, &source, config, &mut report);
        } else {
            let settings = config.settings_for(input);
            let schema_findings = match schema::Schema::with_vocabulary(&settings.vocabulary) {
                Ok(schema) => schema.validate(&root),
                Err(e) => vec![Diagnostic::error("internal", start, e)],
            };
            let schema_failed = !schema_findings.is_empty();
            report.diagnostics.extend(schema_findings);
            // The ids written in the file, before the model takes the text out of the tree.
            let written = schema_failed.then(|| refs::written_ids(&root));
            let built = model::build_taking(&mut root, &input.stem());
            drop(root);
            let unread = match written {
                Some(written) => refs::unread_ids(written, &built),
                None => std::collections::HashSet::new(),
            };
            report.diagnostics.extend(refs::check(&built, &unread));
            report.pending = library::pending(&built, &unread, &source);
            report.links = hierarchy::links(&built, &source);
            // Lint speaks about complete maps: on a broken one its findings are noise
            // (a misspelt `touchpoints` key is not a stage without touchpoints).
            if report.diagnostics.is_empty() {
                report
                    .diagnostics
                    .extend(rules::run(&built, &settings, options));
            }
            report.suppressed = suppress::apply(&source, &mut report.diagnostics);
            let id_span = if built.id.explicit {
                built.id.span
            } else {
                start
            };
            report.map_id = Some(MapId {
                id: built.id.id.clone(),
                span: id_span,
                line: source.line(id_span.start.line).to_string(),
            });
            report.baseline = built
                .baseline
                .clone()
                .map(|b| (b.clone(), source.line(b.span.start.line).to_string()));
            map = Some(built);
        }
    }
    source.attach_lines(&mut report.diagnostics);
    report.diagnostics.sort_by_key(|d| (d.span.start, d.code));
    crate::codes::debug_assert_known(&report.diagnostics);
    Checked { report, map }
}

/// A library file: its own schema, ids unique per kind, and suppressions.
fn check_library(
    root: &read::Node,
    input: &Input,
    source: &Source,
    config: &Config,
    report: &mut FileReport,
) {
    match schema::Schema::library_with_vocabulary(&config.settings_for(input).vocabulary) {
        Ok(schema) => report.diagnostics.extend(schema.validate(root)),
        Err(e) => report.diagnostics.push(Diagnostic::error(
            "internal",
            Span::point(Pos { line: 1, col: 1 }),
            e,
        )),
    }
    let lib = crate::model::library::build(root, &input.stem());
    report.diagnostics.extend(refs::unique_in_library(&lib));
    report.suppressed = suppress::apply(source, &mut report.diagnostics);
    let lines = lib
        .personas
        .iter()
        .map(|p| p.ident.span.start.line)
        .chain(lib.research.iter().map(|r| r.ident.span.start.line))
        .chain(lib.teams.iter().map(|t| t.ident.span.start.line))
        .map(|n| (n, source.line(n).to_string()))
        .collect();
    report.library_lines = Some(lines);
    report.library = Some(lib);
}

/// `f` over every input on all cores, the results in input order; `done` counts the
/// finished inputs, for a progress display.
pub fn in_parallel<T: Send>(
    inputs: &[Input],
    done: &std::sync::atomic::AtomicUsize,
    f: impl Fn(&Input) -> T + Sync,
) -> Vec<T> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(inputs.len().max(1));
    let work = || {
        let mut finished = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(input) = inputs.get(i) else { break };
            finished.push((i, f(input)));
            done.fetch_add(1, Ordering::Relaxed);
        }
        finished
    };
    let mut results: Vec<(usize, T)> = if workers <= 1 {
        work()
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..workers).map(|_| s.spawn(work)).collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_default())
                .collect()
        })
    };
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// Checks every input on all cores, keeping only findings; reports come back in input order.
pub fn check_all(inputs: &[Input], config: &Config, options: &Options) -> Vec<FileReport> {
    check_all_counting(
        inputs,
        config,
        options,
        &std::sync::atomic::AtomicUsize::new(0),
    )
}

/// [`check_all`], counting finished files in `done` for a progress display.
pub fn check_all_counting(
    inputs: &[Input],
    config: &Config,
    options: &Options,
    done: &std::sync::atomic::AtomicUsize,
) -> Vec<FileReport> {
    let mut reports = in_parallel(inputs, done, |input| {
        check_one(input, config, options).report
    });
    map_ids::check_unique(&mut reports);
    baseline::resolve(&mut reports);
    library::resolve_all(&mut reports, config);
    hierarchy::check(&mut reports, config);
    for r in &reports {
        crate::codes::debug_assert_known(&r.diagnostics);
    }
    reports
}
