//! `cjm --version` names the release and, built from a git checkout, the commit, so a
//! bug report says exactly which build it came from.

use std::process::Command;

fn version() -> String {
    crate::stdout_of(&crate::cjm(&["--version"], None)).to_string()
}

#[test]
fn version_starts_with_the_crate_version() {
    let out = version();
    assert!(out.starts_with("cjm 0.1.0"), "{out:?}");
    assert!(
        out.starts_with(&format!("cjm {}", env!("CARGO_PKG_VERSION"))),
        "{out:?}"
    );
    assert_eq!(out.lines().count(), 1, "{out:?}");
}

#[test]
fn a_build_from_git_names_the_commit_it_was_built_from() {
    let root = env!("CARGO_MANIFEST_DIR");
    // A source tarball (as cargo packages it) has no history: the version alone.
    if !std::path::Path::new(root).join(".git").exists() {
        assert_eq!(version(), format!("cjm {}\n", env!("CARGO_PKG_VERSION")));
        return;
    }
    let head = Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(root)
        .output()
        .expect("git runs where .git is");
    let head = String::from_utf8_lossy(&head.stdout).trim().to_string();
    assert_eq!(
        version(),
        format!("cjm {} ({head})\n", env!("CARGO_PKG_VERSION"))
    );
}
