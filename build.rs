//! Sets `CJM_VERSION` for `cjm --version`: the crate's version and, when built from a
//! git checkout, the short commit (`0.1.0 (1a2b3c4)`), so a bug report names the exact
//! build. Only git itself is asked, and only when this folder holds `.git`: a crate
//! unpacked from crates.io inside someone's dotfiles repository must not claim its commit.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let version = env!("CARGO_PKG_VERSION");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let commit = if root.join(".git").exists() {
        commit(&root)
    } else {
        // `cargo package` verifies the copy in `target/package/` with the same build
        // folder as this checkout; watching a file only that copy has (by a relative
        // path) makes the checkout's next build run this script again.
        if root.join(".cargo_vcs_info.json").exists() {
            println!("cargo:rerun-if-changed=.cargo_vcs_info.json");
        }
        None
    };
    match commit {
        Some(commit) => println!("cargo:rustc-env=CJM_VERSION={version} ({commit})"),
        None => println!("cargo:rustc-env=CJM_VERSION={version}"),
    }
}

/// The short commit of `HEAD`, after asking cargo to build again when it moves.
fn commit(root: &Path) -> Option<String> {
    // `.git` is a file in a worktree, so ask git where HEAD and the branch live.
    let head = git(root, &["rev-parse", "--git-path", "HEAD"])?;
    watch(root, &head);
    if let Some(branch) = git(root, &["symbolic-ref", "-q", "HEAD"]) {
        let loose = git(root, &["rev-parse", "--git-path", &branch])?;
        if root.join(&loose).exists() {
            watch(root, &loose);
        } else if let Some(packed) = git(root, &["rev-parse", "--git-path", "packed-refs"]) {
            watch(root, &packed);
        }
    }
    git(root, &["rev-parse", "--short", "HEAD"])
}

/// Reruns this script when `path` changes; a path that does not exist is not
/// watched, as cargo would then rebuild on every run.
fn watch(root: &Path, path: &str) {
    let path = root.join(path);
    if path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}
