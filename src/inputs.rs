//! Turning the paths on the command line into the list of map files to read.
//!
//! Folders are walked recursively for `*.yaml` and `*.yml`, honouring `.gitignore` and
//! skipping hidden entries; a file named explicitly is always taken; `-` is stdin.

use std::path::{Path, PathBuf};

use crate::check::Input;

/// A path that could not be used, with the reason in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathError {
    pub path: String,
    pub message: String,
}

pub fn is_map_file(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

/// What the command-line paths amount to.
#[derive(Debug, Default)]
pub struct Collected {
    pub inputs: Vec<Input>,
    /// Paths that could not be used: the run cannot be trusted (exit 2).
    pub errors: Vec<PathError>,
    /// Paths that gave nothing to check, such as an empty folder.
    pub warnings: Vec<PathError>,
}

/// The inputs named by `paths`, in a stable order: as given, folders sorted by name.
pub fn collect(paths: &[PathBuf]) -> Collected {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let before = inputs.len();
            walk(path, &mut inputs, &mut errors);
            if inputs.len() == before {
                warnings.push(PathError {
                    path: path.display().to_string(),
                    message: "no *.yaml or *.yml files in this folder".to_string(),
                });
            }
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            // A link whose target is missing, or that loops, exists as a link.
            let message = match (path.symlink_metadata(), std::fs::metadata(path)) {
                (Ok(_), Err(e)) if e.raw_os_error() == Some(40) => {
                    "a symbolic link that loops back on itself".to_string()
                }
                (Ok(_), Err(_)) => "a symbolic link whose target cannot be reached".to_string(),
                _ => "no such file or folder".to_string(),
            };
            errors.push(PathError {
                path: path.display().to_string(),
                message,
            });
        }
    }
    Collected {
        inputs,
        errors,
        warnings,
    }
}

fn walk(root: &Path, inputs: &mut Vec<Input>, errors: &mut Vec<PathError>) {
    let walker = ignore::WalkBuilder::new(root)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .git_global(false)
        .require_git(false)
        .parents(true)
        .follow_links(false)
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                let is_file = entry.file_type().is_some_and(|t| t.is_file());
                if is_file && is_map_file(entry.path()) {
                    inputs.push(Input::File(entry.into_path()));
                }
            }
            Err(err) => errors.push(PathError {
                path: root.display().to_string(),
                message: err.to_string(),
            }),
        }
    }
}
