//! Maps read from git history: `REV:path`, as `git show` spells it, so that
//! `cjm diff HEAD:maps/x.yaml maps/x.yaml` compares a map with its last commit.

use std::path::PathBuf;
use std::process::Command;

/// A map at a revision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    /// What the user wrote, e.g. `HEAD~1:maps/x.yaml`; printed in findings.
    pub spec: String,
    pub rev: String,
    /// The path after the colon: from the repository root, or from the current folder
    /// when it starts with `./` or `../` (git's rule).
    pub path: String,
}

impl Revision {
    /// Reads `arg` as `REV:path` when it is not an existing file and has a revision
    /// before a colon (`C:\maps\x.yaml` on Windows is a path, not a revision).
    pub fn parse(arg: &str) -> Option<Revision> {
        if std::path::Path::new(arg).exists() {
            return None;
        }
        let (rev, path) = arg.split_once(':')?;
        let drive = rev.len() == 1 && path.starts_with(['\\', '/']);
        if rev.is_empty() || path.is_empty() || drive {
            return None;
        }
        Some(Revision {
            spec: arg.to_string(),
            rev: rev.to_string(),
            path: path.to_string(),
        })
    }

    /// Where the file lives in the working tree, for the config lookup and relative
    /// paths inside the map.
    pub fn worktree_path(&self) -> PathBuf {
        if self.path.starts_with("./") || self.path.starts_with("../") {
            return PathBuf::from(&self.path);
        }
        match git(&["rev-parse", "--show-toplevel"]) {
            Ok(root) => PathBuf::from(String::from_utf8_lossy(&root).trim_end()).join(&self.path),
            Err(_) => PathBuf::from(&self.path),
        }
    }

    /// `name` in the same folder at the same revision (for a `baseline:` beside it).
    pub fn sibling(&self, name: &str) -> Revision {
        let path = match self.path.rsplit_once('/') {
            Some((dir, _)) => format!("{dir}/{name}"),
            None => name.to_string(),
        };
        Revision {
            spec: format!("{}:{path}", self.rev),
            rev: self.rev.clone(),
            path,
        }
    }

    /// Whether the revision has this file.
    pub fn exists(&self) -> bool {
        git(&["cat-file", "-e", &format!("{}:{}", self.rev, self.path)]).is_ok()
    }

    /// The file's bytes at the revision.
    pub fn read(&self) -> Result<Vec<u8>, String> {
        let object = format!("{}:{}", self.rev, self.path);
        git(&["cat-file", "blob", &object]).map_err(|e| {
            // Asked only on failure, so the common path runs one git process.
            match git(&["rev-parse", "--is-inside-work-tree"]) {
                Ok(_) => e,
                Err(_) => format!(
                    "`{}` names a git revision, but this folder is not inside a git repository",
                    self.spec
                ),
            }
        })
    }
}

/// Runs git and returns its stdout, or its complaint in one line.
fn git(args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .args(args)
        .output()
        .map_err(|e| format!("could not run git: {e}"))?;
    if out.status.success() {
        return Ok(out.stdout);
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    let first = stderr
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("git failed");
    Err(first.trim_start_matches("fatal: ").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_are_told_from_paths() {
        let r = Revision::parse("HEAD~1:maps/x.yaml").unwrap();
        assert_eq!((r.rev.as_str(), r.path.as_str()), ("HEAD~1", "maps/x.yaml"));
        assert!(Revision::parse("maps/x.yaml").is_none());
        assert!(Revision::parse(":x.yaml").is_none());
        assert!(Revision::parse("HEAD:").is_none());
        assert!(Revision::parse("C:\\maps\\x.yaml").is_none());
        assert!(Revision::parse("Cargo.toml").is_none());
        assert_eq!(r.sibling("base.yaml").spec, "HEAD~1:maps/base.yaml");
        let top = Revision::parse("main:x.yaml").unwrap();
        assert_eq!(top.sibling("y.yaml").spec, "main:y.yaml");
    }
}
