//! The bad-input corpus through every command that reads maps: each case ends with a
//! located message and exit 1 (the map is wrong) or 2 (it could not be read), and
//! never with a panic, a hang or an output file. Timings live in
//! `benches/bad_input.sh`, not here.

use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Builds every case in `dir`: the fixtures in `tests/fixtures/broken`, and the ones too
/// big (or too odd) to commit, generated here.
fn cases(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut cases = Vec::new();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let mut names: Vec<_> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    for name in names {
        let to = dir.join(&name);
        std::fs::copy(fixtures.join(&name), &to).unwrap();
        cases.push((name, to));
    }
    let mut generated = |name: &str, bytes: Vec<u8>| {
        let to = dir.join(name);
        std::fs::write(&to, bytes).unwrap();
        cases.push((name.to_string(), to));
    };
    let depth = 100_000;
    generated(
        "nesting-100000.yaml",
        format!("cjm: 1\na: {}{}\n", "[".repeat(depth), "]".repeat(depth)).into_bytes(),
    );
    let mut huge = b"cjm: 1\ntype: current-state\nstages: [{name: A}]\ntitle: ".to_vec();
    huge.resize(huge.len() + 10 * 1024 * 1024, b'x');
    generated("string-10mb.yaml", huge);
    let mut big = b"cjm: 1\ntype: current-state\nstages: [{name: A}]\ntitle: ".to_vec();
    big.resize(big.len() + 1024 * 1024, b'x');
    generated("string-1mb.yaml", big);
    let stages: Vec<String> = (0..20_000).map(|i| format!("{{name: S{i}}}")).collect();
    generated(
        "line-300kb-20000-stages.yaml",
        format!(
            "cjm: 1\ntitle: T\ntype: current-state\nstages: [{}]\n",
            stages.join(", ")
        )
        .into_bytes(),
    );
    std::fs::create_dir(dir.join("a-folder.yaml")).unwrap();
    cases.push((
        "a-folder.yaml (a folder)".to_string(),
        dir.join("a-folder.yaml"),
    ));
    #[cfg(unix)]
    {
        let link = dir.join("self-loop.yaml");
        std::os::unix::fs::symlink(&link, &link).unwrap();
        cases.push(("self-loop.yaml (a symlink to itself)".to_string(), link));
    }
    cases
}

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cjm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    (out.status.code().unwrap_or(-1), stdout + &stderr)
}

/// The first finding's headline, with the temporary folder hidden.
fn headline(output: &str, dir: &Path) -> String {
    output
        .lines()
        .find(|l| l.contains("error"))
        .unwrap_or("(no error line)")
        .replace(&dir.display().to_string(), "<dir>")
}

#[test]
fn every_bad_input_fails_cleanly_through_validate_render_and_diff() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let mut table = String::new();
    for (name, path) in cases(dir.path()) {
        let p = path.to_str().unwrap();
        let (validate, v_out) = run(&["validate", "--today", "2026-12-01", p]);
        let svg = out_dir.path().join("out.svg");
        let (render, r_out) = run(&["render", p, "-o", svg.to_str().unwrap()]);
        let (diff, d_out) = run(&["diff", p, "examples/grocery-current.yaml"]);
        // validate and render take folders (an empty one is a warning); diff takes maps.
        let folder = path.is_dir();
        for (command, code, output) in [
            ("validate", validate, &v_out),
            ("render", render, &r_out),
            ("diff", diff, &d_out),
        ] {
            if folder && command != "diff" {
                assert!(
                    code == 0 && output.contains("warning"),
                    "{name}: {command}:\n{output}"
                );
                continue;
            }
            assert!(
                code == 1 || code == 2,
                "{name}: {command} exited {code}:\n{output}"
            );
            assert!(!output.contains("panicked"), "{name}: {command}:\n{output}");
        }
        assert!(!svg.exists(), "{name}: render wrote a file");
        let _ = writeln!(
            table,
            "{name}\n  validate {validate}, render {render}, diff {diff}\n  {}",
            headline(if folder { &d_out } else { &v_out }, dir.path())
        );
    }
    insta::assert_snapshot!("bad_inputs", table);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_inside_a_folder_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/grocery-current.yaml"),
        dir.path().join("map.yaml"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path(), dir.path().join("loop")).unwrap();
    let (code, output) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("1 file checked"), "{output}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_cannot_run() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("secret.yaml");
    std::fs::write(&path, "cjm: 1\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Root reads any file; the symlink-to-itself case covers "cannot be read" there.
        eprintln!("skipped: this user can read a mode-000 file");
        return;
    }
    let (code, output) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 2, "{output}");
    assert!(output.contains("permission denied"), "{output}");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    // The reader takes a few bytes and hangs up, as `cjm rules | head -1` does. The PNG
    // (400 KB) is larger than any pipe buffer, so its writer surely meets the closed end.
    let png = [
        "render",
        "tests/fixtures/realworld/veteran-journey.yaml",
        "--format",
        "png",
    ];
    for args in [&["rules"][..], &["schema"], &png] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cjm"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 16];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // Dropping stdout closed the pipe; whatever is left to write hits it.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"));
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}

#[test]
fn an_output_path_that_is_a_folder_is_refused_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("changes.md");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("keep.txt"), "kept").unwrap();
    let (code, output) = run(&[
        "diff",
        "examples/grocery-current.yaml",
        "examples/grocery-future.yaml",
        "-o",
        folder.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "{output}");
    assert!(output.contains("is a folder"), "{output}");
    assert_eq!(
        std::fs::read_to_string(folder.join("keep.txt")).unwrap(),
        "kept"
    );
}
