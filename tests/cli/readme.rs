//! The README's promises, run: the tour, line by line, in an empty folder; the
//! pre-commit snippet names a revision that exists.

use std::process::Command;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// The lines of the first ```sh block after `heading`.
fn block_after(text: &str, heading: &str) -> Vec<String> {
    let from = text.find(heading).expect("the heading is in the README");
    let body = &text[from..];
    let start = body.find("```sh\n").expect("a sh block follows") + "```sh\n".len();
    let end = start + body[start..].find("```").expect("the block ends");
    body[start..end]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_tour_runs_verbatim_in_an_empty_folder() {
    let lines = block_after(&readme(), "## A two-minute tour");
    assert!(lines.len() > 15, "{lines:?}");
    let dir = tempfile::tempdir().unwrap();
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_cjm"))
        .parent()
        .unwrap()
        .to_path_buf();
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .unwrap();
    for line in &lines {
        let out = Command::new("sh")
            .args(["-c", line])
            .current_dir(dir.path())
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() && !stderr.contains("error"),
            "`{line}` failed ({:?}):\n{stderr}{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout)
        );
    }
    for made in [
        "maps/checkout.yaml",
        "maps/checkout-next.yaml",
        "checkout.svg",
        "checkout.png",
        "checkout.html",
        "site/checkout.md",
        "changes.svg",
        "imported.yaml",
        "cjm.1",
    ] {
        assert!(dir.path().join(made).is_file(), "the tour made no {made}");
    }
}

#[test]
fn the_pre_commit_snippet_names_a_revision_that_exists() {
    let text = readme();
    let rev = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("rev: "))
        .expect("the snippet has a rev")
        .to_string();
    let hooks = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/.pre-commit-hooks.yaml"
    ))
    .unwrap();
    assert!(
        hooks.contains(&format!("rev: {rev}")),
        "README and hook file disagree"
    );
    let root = env!("CARGO_MANIFEST_DIR");
    // A source tarball has no history to look in.
    if !std::path::Path::new(root).join(".git").exists() {
        return;
    }
    let shallow = Command::new("git")
        .args(["rev-parse", "--is-shallow-repository"])
        .current_dir(root)
        .output();
    if shallow.is_ok_and(|o| o.stdout.starts_with(b"true")) {
        return;
    }
    let found = Command::new("git")
        .args(["cat-file", "-e", &format!("{rev}:.pre-commit-hooks.yaml")])
        .current_dir(root)
        .status()
        .unwrap();
    assert!(
        found.success(),
        "`{rev}` is no commit of this repository with the hook"
    );
}
