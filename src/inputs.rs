//! Turning the paths on the command line into the list of map files to read.
//!
//! Folders are walked recursively for `*.yaml` and `*.yml` (any case), honouring
//! `.gitignore` and skipping hidden entries; a file named explicitly is always taken;
//! `-` is stdin. A file reached twice (named and inside a named folder) is read once.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Where a map's text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
    /// A map at a git revision (`REV:path`).
    Revision(crate::git::Revision),
}

impl Input {
    /// The name printed in findings.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_string(),
            Input::Revision(r) => r.spec.clone(),
        }
    }

    /// The default map id: the file name without its extension.
    pub fn stem(&self) -> String {
        match self {
            Input::File(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Input::Stdin => "stdin".to_string(),
            Input::Revision(r) => std::path::Path::new(&r.path)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }

    /// The folder relative paths in the map (like `baseline:`) start from.
    pub fn dir(&self) -> PathBuf {
        match self {
            Input::File(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
            Input::Stdin => PathBuf::new(),
            Input::Revision(r) => r
                .worktree_path()
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
        }
    }
}

/// A path that could not be used, with the reason in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    pub path: String,
    pub message: String,
}

/// Whether a file's name marks it as a map: `.yaml` or `.yml`, in any case.
pub fn is_map_file(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// One map file to read, and where it sits below the folder it was found in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub input: Input,
    /// The path below the folder named on the command line (`banking/onboarding.yaml`
    /// for `maps/banking/onboarding.yaml` found in `maps/`); the file name for a file
    /// named directly. Outputs written to a folder mirror it.
    pub relative: PathBuf,
}

/// What the command-line paths amount to.
#[derive(Debug, Default)]
pub struct Collected {
    pub found: Vec<Found>,
    /// Paths that could not be used: the run cannot be trusted (exit 2).
    pub errors: Vec<PathError>,
    /// Paths that gave nothing to check, such as an empty folder.
    pub warnings: Vec<PathError>,
}

impl Collected {
    /// The inputs alone, in order.
    pub fn inputs(&self) -> Vec<Input> {
        self.found.iter().map(|f| f.input.clone()).collect()
    }
}

/// The inputs named by `paths`, in a stable order: as given, folders sorted by name.
pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut collected = Collected::default();
    for path in paths {
        if path.as_os_str() == "-" {
            collected.found.push(Found {
                input: Input::Stdin,
                relative: PathBuf::from("stdin"),
            });
        } else if path.is_dir() {
            let before = collected.found.len();
            walk(path, &mut collected);
            if collected.found.len() == before {
                collected.warnings.push(PathError {
                    path: path.display().to_string(),
                    message: "no *.yaml or *.yml files in this folder".to_string(),
                });
            }
        } else if path.exists() {
            collected.found.push(Found {
                input: Input::File(path.clone()),
                relative: path.file_name().map(PathBuf::from).unwrap_or_default(),
            });
        } else {
            // A link whose target is missing, or that loops, exists as a link.
            let message = match (path.symlink_metadata(), std::fs::metadata(path)) {
                (Ok(_), Err(e)) if e.raw_os_error() == Some(40) => {
                    "a symbolic link that loops back on itself".to_string()
                }
                (Ok(_), Err(_)) => "a symbolic link whose target cannot be reached".to_string(),
                _ => "no such file or folder".to_string(),
            };
            collected.errors.push(PathError {
                path: path.display().to_string(),
                message,
            });
        }
    }
    // One path cannot name a file twice; only several can.
    if paths.len() > 1 {
        dedupe(&mut collected.found);
    }
    collected
}

/// Drops files reached a second time, by their canonical path.
fn dedupe(found: &mut Vec<Found>) {
    let mut seen = HashSet::new();
    let mut folders: std::collections::HashMap<PathBuf, Option<PathBuf>> = Default::default();
    found.retain(|f| match &f.input {
        Input::File(p) => seen.insert(canonical(p, &mut folders)),
        Input::Stdin | Input::Revision(_) => true,
    });
}

/// `p` with links and `..` resolved, its folder resolved once for all the files in it:
/// only a file that is itself a link costs a lookup of its own.
fn canonical(
    p: &Path,
    folders: &mut std::collections::HashMap<PathBuf, Option<PathBuf>>,
) -> PathBuf {
    let whole = || std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let (Some(parent), Some(name)) = (p.parent(), p.file_name()) else {
        return whole();
    };
    if name == ".."
        || p.symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink())
    {
        return whole();
    }
    let parent = if parent.as_os_str().is_empty() {
        Path::new(".")
    } else {
        parent
    };
    let folder = folders
        .entry(parent.to_path_buf())
        .or_insert_with(|| std::fs::canonicalize(parent).ok());
    match folder {
        Some(folder) => folder.join(name),
        None => whole(),
    }
}

/// The map files below `root` in the order a walk that sorts each folder by name meets
/// them. The walk itself does not sort: its comparisons cut each name out of its path,
/// which costs more than the rest of the walk in a folder of thousands of maps. Several
/// errors keep the order a sorted walk meets them in: only then is it walked sorted.
fn walk(root: &Path, collected: &mut Collected) {
    let (found, errors) = (collected.found.len(), collected.errors.len());
    walk_with(root, collected, false);
    if collected.errors.len() > errors + 1 {
        collected.found.truncate(found);
        collected.errors.truncate(errors);
        walk_with(root, collected, true);
        return;
    }
    if let Some(new) = collected.found.get_mut(found..) {
        new.sort_by_cached_key(|f| match &f.input {
            Input::File(path) => walk_order(path),
            Input::Stdin | Input::Revision(_) => Vec::new(),
        });
    }
}

/// A key that orders the paths of one walk as sorting each folder by name does: the
/// bytes, with each separator made the smallest byte, which no name holds, so a folder's
/// contents come right after its name and before any longer name it begins.
fn walk_order(path: &Path) -> Vec<u8> {
    path.as_os_str()
        .as_encoded_bytes()
        .iter()
        .map(|&b| {
            if std::path::is_separator(char::from(b)) {
                0
            } else {
                b
            }
        })
        .collect()
}

fn walk_with(root: &Path, collected: &mut Collected, sorted: bool) {
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .parents(true)
        .follow_links(false);
    if sorted {
        builder.sort_by_file_name(|a, b| a.cmp(b));
    }
    for entry in builder.build() {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && is_map_file(entry.path()) {
                    let path = entry.into_path();
                    let relative = path
                        .strip_prefix(root)
                        .map(Path::to_path_buf)
                        .unwrap_or_else(|_| {
                            path.file_name().map(PathBuf::from).unwrap_or_default()
                        });
                    collected.found.push(Found {
                        input: Input::File(path),
                        relative,
                    });
                }
            }
            Err(err) => collected.errors.push(PathError {
                path: root.display().to_string(),
                message: err.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn map_extensions_are_case_insensitive() {
        for name in ["a.yaml", "a.yml", "a.YAML", "a.Yml"] {
            assert!(is_map_file(Path::new(name)), "{name}");
        }
        for name in ["a.json", "a", "yaml", "a.yaml.bak"] {
            assert!(!is_map_file(Path::new(name)), "{name}");
        }
    }

    #[test]
    fn folders_keep_the_path_below_them_and_files_are_read_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("banking")).unwrap();
        std::fs::write(dir.path().join("banking/onboarding.YAML"), "x").unwrap();
        std::fs::write(dir.path().join("top.yml"), "x").unwrap();
        let named = dir.path().join("top.yml");
        let collected = collect(&[dir.path().to_path_buf(), named]);
        let relative: Vec<_> = collected.found.iter().map(|f| f.relative.clone()).collect();
        assert_eq!(
            relative,
            [
                PathBuf::from("banking/onboarding.YAML"),
                PathBuf::from("top.yml")
            ]
        );
    }

    #[test]
    fn a_folder_is_listed_in_the_order_a_sorted_walk_meets_its_files() {
        let dir = tempfile::tempdir().unwrap();
        for name in [
            "a/x.yaml",
            "a/y/z.yaml",
            "a b/c.yaml",
            "a.yaml",
            "a-b.yaml",
            "a b.yaml",
            "A.yaml",
            "b.yaml",
            "é.yaml",
            "e/f.yml",
            "ea.yaml",
        ] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "x").unwrap();
        }
        let mut fast = Collected::default();
        walk(dir.path(), &mut fast);
        let mut sorted = Collected::default();
        walk_with(dir.path(), &mut sorted, true);
        let relative = |c: &Collected| -> Vec<PathBuf> {
            c.found.iter().map(|f| f.relative.clone()).collect()
        };
        assert_eq!(relative(&fast).len(), 11);
        assert_eq!(relative(&fast), relative(&sorted));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_reached_through_links_or_dots_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let maps = dir.path().join("maps");
        std::fs::create_dir_all(maps.join("sub")).unwrap();
        std::fs::write(maps.join("a.yaml"), "x").unwrap();
        std::os::unix::fs::symlink(maps.join("a.yaml"), maps.join("sub/link.yaml")).unwrap();
        std::os::unix::fs::symlink(&maps, dir.path().join("alias")).unwrap();
        let collected = collect(&[
            maps.join("a.yaml"),
            maps.join("sub/link.yaml"),
            dir.path().join("alias/a.yaml"),
            maps.join("sub/../a.yaml"),
        ]);
        assert_eq!(collected.found.len(), 1, "{:?}", collected.found);
    }
}
