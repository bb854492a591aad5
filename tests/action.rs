//! The GitHub Action, run locally: `scripts/action.sh` in a temporary git repository
//! with two commits, with the environment `action.yml` would give it (read from its
//! `env:` blocks and evaluated against a fake event payload), the debug `cjm` on PATH
//! and stubs for `gh` and `curl` that record what they were asked.
// The stubs are bash scripts made executable with Unix permissions.
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::{Value, json};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A stand-in for the GitHub CLI: logs its arguments, keeps the comment body it was
/// given, and answers the comment listing with `FAKE_COMMENT_ID` when set.
const FAKE_GH: &str = r#"#!/usr/bin/env bash
printf 'gh %s\n' "$*" >>"$FAKE_LOG"
for a in "$@"; do
    case "$a" in body=@*) cp "${a#body=@}" "$FAKE_BODY" ;; esac
done
case " $* " in
*" --paginate "*) if [ -n "${FAKE_COMMENT_ID:-}" ]; then echo "$FAKE_COMMENT_ID"; fi ;;
esac
"#;

/// A stand-in for curl: serves `$FAKE_RELEASES/<last part of the URL>` or fails as
/// curl does on a 404.
const FAKE_CURL: &str = r#"#!/usr/bin/env bash
out= url=
while [ $# -gt 0 ]; do
    case "$1" in
    -o | --retry) [ "$1" = -o ] && out=$2; shift 2 ;;
    -*) shift ;;
    *) url=$1; shift ;;
    esac
done
printf 'curl %s\n' "$url" >>"$FAKE_LOG"
src="$FAKE_RELEASES/${url##*/}"
[ -f "$src" ] || { echo "curl: (22) The requested URL returned error: 404" >&2; exit 22; }
cp "$src" "$out"
"#;

/// A temporary folder with a git repository (`repo/`), the stubs (`bin/`) and the
/// files the runner would provide.
struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    fn new() -> Sandbox {
        let sandbox = Sandbox {
            dir: tempfile::tempdir().unwrap(),
        };
        let bin = sandbox.path("bin");
        std::fs::create_dir_all(&bin).unwrap();
        for (name, text) in [("gh", FAKE_GH), ("curl", FAKE_CURL)] {
            std::fs::write(bin.join(name), text).unwrap();
            chmod_x(&bin.join(name));
        }
        std::fs::create_dir_all(sandbox.path("repo")).unwrap();
        sandbox
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.path(name)).unwrap_or_default()
    }

    fn write(&self, name: &str, text: &str) {
        let path = self.path(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Runs git in `repo/` with a fixed identity and date, so commits (and the short
    /// hashes in the comment) are the same on every run.
    fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .args(args)
            .current_dir(self.path("repo"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Test")
            .env("GIT_AUTHOR_EMAIL", "test@example.com")
            .env("GIT_AUTHOR_DATE", "2026-11-01T12:00:00Z")
            .env("GIT_COMMITTER_NAME", "Test")
            .env("GIT_COMMITTER_EMAIL", "test@example.com")
            .env("GIT_COMMITTER_DATE", "2026-11-01T12:00:00Z")
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", stderr(&out));
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn commit(&self, message: &str) -> String {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", message]);
        self.git(&["rev-parse", "HEAD"])
    }

    /// Runs `action.sh COMMAND` in `repo/` as the named step of action.yml would,
    /// with `runner` as the variables the runner itself sets.
    fn run(&self, command: &str, env: &[(String, String)], runner: &[(&str, &str)]) -> Output {
        let cjm_dir = Path::new(env!("CARGO_BIN_EXE_cjm")).parent().unwrap();
        let path =
            std::env::join_paths([self.path("bin"), cjm_dir.to_path_buf()].into_iter().chain(
                std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
            ))
            .unwrap();
        let mut cmd = Command::new("bash");
        cmd.arg(Path::new(ROOT).join("scripts/action.sh"))
            .arg(command)
            .current_dir(self.path("repo"))
            .env_clear()
            .env("PATH", path)
            .env("HOME", self.dir.path())
            .env("NO_COLOR", "1")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("FAKE_LOG", self.path("calls.log"))
            .env("FAKE_BODY", self.path("comment.md"))
            .env("FAKE_RELEASES", self.path("releases"));
        for (key, value) in env {
            cmd.env(key, value);
        }
        for (key, value) in runner {
            cmd.env(key, value);
        }
        cmd.output().unwrap()
    }
}

fn chmod_x(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn action_yml() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("action.yml")).unwrap()
}

/// The `env:` of the step of action.yml whose `run:` runs `action.sh COMMAND`, each
/// `${{ … }}` evaluated against `context` (`inputs`, `github`). Only what action.yml
/// uses is understood: property paths and `a || b`; anything else fails the test.
fn step_env(command: &str, context: &Value) -> Vec<(String, String)> {
    let text = action_yml();
    let mut env = Vec::new();
    let mut env_indent: Option<usize> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.starts_with('#') || trimmed.is_empty() {
            continue;
        }
        if let Some(block) = env_indent {
            if indent > block {
                let (key, value) = trimmed.split_once(": ").expect("KEY: value in env");
                env.push((key.to_string(), value.to_string()));
                continue;
            }
            env_indent = None;
        }
        if trimmed == "env:" {
            env.clear();
            env_indent = Some(indent);
        } else if let Some(run) = trimmed.strip_prefix("run: ") {
            if run.ends_with(&format!("action.sh\" {command}")) {
                return env
                    .into_iter()
                    .map(|(k, v)| (k, evaluate(&v, context)))
                    .collect();
            }
            env.clear();
        }
    }
    panic!("action.yml has no step running `action.sh {command}`");
}

fn evaluate(value: &str, context: &Value) -> String {
    let Some(expr) = value.strip_prefix("${{").and_then(|v| v.strip_suffix("}}")) else {
        return value.to_string();
    };
    for alternative in expr.split("||") {
        let mut at = context;
        for key in alternative.trim().split('.') {
            at = &at[key];
        }
        match at {
            Value::String(s) if !s.is_empty() => return s.clone(),
            Value::Number(n) => return n.to_string(),
            Value::Null | Value::String(_) => {}
            other => panic!("`{expr}` is {other}"),
        }
    }
    String::new()
}

/// What the runner gives expressions: the inputs (defaults from action.yml, then
/// `with`) and the `github` context with the event payload.
fn context(with: &[(&str, &str)], event: Value) -> Value {
    let text = action_yml();
    let mut inputs = serde_json::Map::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if indent == 2 && trimmed.ends_with(':') && !trimmed.contains(' ') {
            current = Some(trimmed.trim_end_matches(':').to_string());
        } else if indent == 0 && !trimmed.is_empty() && trimmed != "inputs:" {
            current = None;
        } else if let (Some(name), Some(default)) = (&current, trimmed.strip_prefix("default: ")) {
            let default = default.trim_matches('"');
            let default = if default.starts_with("${{") {
                String::new()
            } else {
                default.to_string()
            };
            inputs.insert(name.clone(), Value::String(default));
        }
    }
    for (key, value) in with {
        assert!(inputs.contains_key(*key), "action.yml has no input `{key}`");
        inputs.insert(key.to_string(), Value::String(value.to_string()));
    }
    json!({
        "inputs": inputs,
        "github": { "event": event, "action_repository": "example/cjm" },
    })
}

/// A pull request's payload, as much of it as action.yml reads.
fn pull_request(number: u64, base: &str, head: &str) -> Value {
    json!({ "pull_request": { "number": number, "base": { "sha": base }, "head": { "sha": head } } })
}

/// `repo/` with two commits: the base has maps/checkout.yaml, maps/old.yaml and a
/// workflow; the head edits checkout (an emotion and a touchpoint), adds new.yaml,
/// removes old.yaml and touches files that are no maps. Returns (base, head).
fn two_commits(sandbox: &Sandbox) -> (String, String) {
    sandbox.git(&["init", "-q", "-b", "main"]);
    let grocery = include_str!("../examples/grocery-current.yaml");
    sandbox.write("repo/maps/checkout.yaml", grocery);
    sandbox.write(
        "repo/maps/old.yaml",
        include_str!("../examples/tea-order-zh.yaml"),
    );
    sandbox.write("repo/.github/workflows/ci.yml", "on: push\n");
    sandbox.write("repo/README.md", "maps\n");
    let base = sandbox.commit("base");

    let edited = grocery.replacen("emotion: -2", "emotion: 1", 1);
    assert_ne!(edited, grocery, "the example has an emotion of -2 to edit");
    sandbox.write("repo/maps/checkout.yaml", &edited);
    sandbox.write(
        "repo/maps/new.yaml",
        include_str!("../examples/clinic-blueprint.yaml"),
    );
    std::fs::remove_file(sandbox.path("repo/maps/old.yaml")).unwrap();
    sandbox.write("repo/.github/workflows/ci.yml", "on: [push]\n");
    sandbox.write("repo/README.md", "journey maps\n");
    let head = sandbox.commit("head");
    (base, head)
}

const INPUTS: &[(&str, &str)] = &[("paths", "maps/"), ("args", "--today 2026-11-25")];

fn pr_runner(sandbox: &Sandbox) -> Vec<(&'static str, String)> {
    vec![
        ("GITHUB_EVENT_NAME", "pull_request".to_string()),
        ("GITHUB_REPOSITORY", "example/maps".to_string()),
        (
            "GITHUB_STEP_SUMMARY",
            sandbox.path("summary.md").display().to_string(),
        ),
    ]
}

fn borrow<'a>(runner: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    runner.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[test]
fn a_pull_request_gets_annotations_a_summary_and_one_new_comment_with_each_maps_diff() {
    let sandbox = Sandbox::new();
    let (base, head) = two_commits(&sandbox);
    let env = step_env("run", &context(INPUTS, pull_request(7, &base, &head)));
    let runner = pr_runner(&sandbox);
    let out = sandbox.run("run", &env, &borrow(&runner));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let summary = sandbox.read("summary.md");
    assert!(
        summary.contains("## Journey map portfolio"),
        "the step summary has the report:\n{summary}"
    );
    let calls = sandbox.read("calls.log");
    let calls: Vec<&str> = calls.lines().collect();
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert_eq!(
        calls[0],
        "gh api --paginate repos/example/maps/issues/7/comments --jq .[] | select(.body | startswith(\"<!-- cjm-diff -->\")) | .id"
    );
    assert!(
        calls[1].starts_with("gh api --method POST repos/example/maps/issues/7/comments -F body=@"),
        "{calls:?}"
    );
    let body = sandbox.read("comment.md");
    assert!(body.starts_with("<!-- cjm-diff -->\n"), "{body}");
    for absent in [".github", "README"] {
        assert!(!body.contains(absent), "{absent} in the comment:\n{body}");
    }
    // The commits' hashes follow the examples' bytes: name them by role instead.
    let body = body
        .replace(&base[..7], "<base>")
        .replace(&head[..7], "<head>");
    insta::assert_snapshot!("action_pull_request_comment", body);
}

#[test]
fn a_second_run_updates_the_comment_it_finds_by_its_marker() {
    let sandbox = Sandbox::new();
    let (base, head) = two_commits(&sandbox);
    let env = step_env("run", &context(INPUTS, pull_request(7, &base, &head)));
    let runner = pr_runner(&sandbox);
    let mut runner = borrow(&runner);
    runner.push(("FAKE_COMMENT_ID", "42"));
    let out = sandbox.run("run", &env, &runner);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let calls = sandbox.read("calls.log");
    assert!(
        calls.contains("gh api --method PATCH repos/example/maps/issues/comments/42 -F body=@"),
        "{calls}"
    );
    assert!(!calls.contains("POST"), "{calls}");
    assert!(sandbox.read("comment.md").contains("#### `maps/new.yaml`"));
}

#[test]
fn a_pull_request_that_changes_no_map_gets_no_comment_and_an_old_one_says_so() {
    let sandbox = Sandbox::new();
    let (_, head) = two_commits(&sandbox);
    let env = step_env("run", &context(INPUTS, pull_request(7, &head, &head)));
    let runner = pr_runner(&sandbox);
    let out = sandbox.run("run", &env, &borrow(&runner));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let calls = sandbox.read("calls.log");
    assert_eq!(calls.lines().count(), 1, "only the listing:\n{calls}");

    let mut runner = borrow(&runner);
    runner.push(("FAKE_COMMENT_ID", "42"));
    let out = sandbox.run("run", &env, &runner);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(sandbox.read("calls.log").contains("PATCH"));
    assert_eq!(
        sandbox.read("comment.md"),
        "<!-- cjm-diff -->\nNo journey map changed in this pull request any more.\n"
    );
}

#[test]
fn a_comment_too_long_for_github_keeps_whole_maps_and_says_how_many_it_left_out() {
    let sandbox = Sandbox::new();
    let (base, head) = two_commits(&sandbox);
    let env = step_env("run", &context(INPUTS, pull_request(7, &base, &head)));
    let runner = pr_runner(&sandbox);
    let out = sandbox.run("run", &env, &borrow(&runner));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A limit that the first map's section fits in and the second's does not.
    let whole = sandbox.read("comment.md");
    let first = whole.find("\n#### `maps/new.yaml`").unwrap();
    let limit = (first + 10).to_string();

    let mut runner = borrow(&runner);
    runner.push(("CJM_MAX_COMMENT", &limit));
    let out = sandbox.run("run", &env, &runner);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let body = sandbox.read("comment.md");
    assert!(body.starts_with(&whole[..first]), "{body}");
    assert!(!body.contains("maps/new.yaml"), "{body}");
    assert!(
        body.contains(&format!(
            "…and 2 more; run `cjm diff {base}:PATH PATH` to see them."
        )),
        "{body}"
    );
}

#[test]
fn a_broken_map_fails_the_step_with_annotations_after_the_summary_and_comment() {
    let sandbox = Sandbox::new();
    let (base, head) = two_commits(&sandbox);
    // An edit in the working tree, as in a pull request's merge commit.
    let map = sandbox.read("repo/maps/checkout.yaml");
    sandbox.write(
        "repo/maps/checkout.yaml",
        &map.replacen("stages:", "stagez:", 1),
    );
    let env = step_env("run", &context(INPUTS, pull_request(7, &base, &head)));
    let runner = pr_runner(&sandbox);
    let out = sandbox.run("run", &env, &borrow(&runner));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let annotations = stdout(&out);
    assert!(
        annotations.contains("::error file=maps/checkout.yaml,line="),
        "{annotations}"
    );
    assert!(sandbox.read("summary.md").contains("Journey map portfolio"));
    let body = sandbox.read("comment.md");
    assert!(
        body.contains("#### `maps/checkout.yaml`\n\nNot compared: "),
        "{body}"
    );
}

#[test]
fn a_push_validates_and_summarises_without_calling_the_api() {
    let sandbox = Sandbox::new();
    let (_, head) = two_commits(&sandbox);
    let env = step_env("run", &context(INPUTS, json!({ "after": head })));
    let summary = sandbox.path("summary.md").display().to_string();
    let out = sandbox.run(
        "run",
        &env,
        &[
            ("GITHUB_EVENT_NAME", "push"),
            ("GITHUB_REPOSITORY", "example/maps"),
            ("GITHUB_STEP_SUMMARY", &summary),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(sandbox.read("calls.log"), "");
    assert!(sandbox.read("summary.md").contains("Journey map portfolio"));
}

/// A release as .github/workflows/release.yml publishes it, with a stand-in binary.
fn fake_release(sandbox: &Sandbox, checksum: Option<&str>) {
    let name = "cjm-v0.1.0-x86_64-unknown-linux-musl";
    sandbox.write(
        &format!("releases/{name}/cjm"),
        "#!/bin/sh\necho 'cjm 0.1.0'\n",
    );
    chmod_x(&sandbox.path(&format!("releases/{name}/cjm")));
    let script = format!(
        "tar -czf {name}.tar.gz {name} && (sha256sum {name}.tar.gz || shasum -a 256 {name}.tar.gz) > {name}.tar.gz.sha256"
    );
    let out = Command::new("bash")
        .args(["-c", &script])
        .current_dir(sandbox.path("releases"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    if let Some(sum) = checksum {
        sandbox.write(
            &format!("releases/{name}.tar.gz.sha256"),
            &format!("{sum}  {name}.tar.gz\n"),
        );
    }
}

fn install(sandbox: &Sandbox, with: &[(&str, &str)]) -> Output {
    let env = step_env("install", &context(with, json!({})));
    let temp = sandbox.path("runner").display().to_string();
    let github_path = sandbox.path("github_path").display().to_string();
    sandbox.run(
        "install",
        &env,
        &[
            ("RUNNER_OS", "Linux"),
            ("RUNNER_ARCH", "X64"),
            ("RUNNER_TEMP", &temp),
            ("GITHUB_PATH", &github_path),
        ],
    )
}

#[test]
fn install_downloads_the_pinned_release_checks_its_sha256_and_puts_it_on_the_path() {
    let sandbox = Sandbox::new();
    fake_release(&sandbox, None);
    let out = install(&sandbox, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let url = "https://github.com/example/cjm/releases/download/v0.1.0/cjm-v0.1.0-x86_64-unknown-linux-musl.tar.gz";
    assert_eq!(
        sandbox.read("calls.log"),
        format!("curl {url}\ncurl {url}.sha256\n")
    );
    let dir = sandbox.path("runner/cjm-v0.1.0/cjm-v0.1.0-x86_64-unknown-linux-musl");
    assert_eq!(sandbox.read("github_path"), format!("{}\n", dir.display()));
    assert!(stdout(&out).contains("cjm 0.1.0"), "{}", stdout(&out));
}

#[test]
fn install_refuses_an_archive_whose_checksum_does_not_match() {
    let sandbox = Sandbox::new();
    fake_release(&sandbox, Some(&"0".repeat(64)));
    let out = install(&sandbox, &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains(
            "::error title=cjm::checksum mismatch for `cjm-v0.1.0-x86_64-unknown-linux-musl.tar.gz`"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(sandbox.read("github_path"), "", "nothing is put on PATH");

    // A checksum given as input is the one that counts, and nothing else is fetched.
    let sandbox = Sandbox::new();
    fake_release(&sandbox, None);
    let out = install(&sandbox, &[("sha256", &"a".repeat(64))]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("checksum mismatch"),
        "{}",
        stderr(&out)
    );
    assert_eq!(sandbox.read("calls.log").lines().count(), 1);
}

#[test]
fn install_names_a_version_that_has_no_release() {
    let sandbox = Sandbox::new();
    fake_release(&sandbox, None);
    let out = install(&sandbox, &[("version", "9.9.9")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is `9.9.9` a release of `example/cjm`?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_action_installs_the_release_of_this_version() {
    let inputs = context(&[], json!({}));
    assert_eq!(inputs["inputs"]["version"], env!("CARGO_PKG_VERSION"));
}

#[test]
fn the_release_builds_every_target_the_action_installs() {
    let script = std::fs::read_to_string(Path::new(ROOT).join("scripts/action.sh")).unwrap();
    let release =
        std::fs::read_to_string(Path::new(ROOT).join(".github/workflows/release.yml")).unwrap();
    let targets: Vec<&str> = script
        .lines()
        .filter_map(|l| {
            l.split_once(") echo ")
                .map(|(_, t)| t.trim_end_matches(" ;;"))
        })
        .collect();
    assert_eq!(targets.len(), 5, "{targets:?}");
    for target in targets {
        assert!(
            release.contains(&format!("target: {target},")),
            "release.yml builds no {target}"
        );
    }
    // The archive's name and folder, as action.sh looks for them.
    assert!(script.contains(r#"name="cjm-v$version-$target""#));
    assert!(release.contains(r#"name="cjm-$GITHUB_REF_NAME-$TARGET""#));
}

#[test]
fn the_install_docs_pin_this_version() {
    let version = env!("CARGO_PKG_VERSION");
    for file in ["README.md", ".pre-commit-hooks.yaml"] {
        let text = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
        let pins: Vec<&str> = text
            .match_indices("cjm-cli==")
            .map(|(at, _)| {
                let rest = &text[at + "cjm-cli==".len()..];
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
                    .unwrap_or(rest.len());
                &rest[..end]
            })
            .collect();
        assert!(!pins.is_empty(), "{file} pins no cjm-cli");
        assert!(pins.iter().all(|p| *p == version), "{file}: {pins:?}");
    }
}
