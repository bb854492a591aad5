//! Whole-process tests: what a user sees (arguments, exit code, stdout, stderr),
//! snapshotted with insta. Runs in the crate root so paths in output are stable.

mod bad_input;
mod diff;
mod fit;
mod import;
mod init;
mod lint;
mod many;
mod pdf;
mod portfolio;
mod readme;
mod render;
mod report_site;
mod richer_maps;
mod validate;
mod version;

use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `cjm` with `args` (and `stdin`, when given) and lays out what came back.
pub fn cjm(args: &[&str], stdin: Option<&[u8]>) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cjm"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR")
        .env("NO_COLOR", "1")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cjm runs");
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    format!(
        "args: {}\nexit: {}\n----- stdout -----\n{}----- stderr -----\n{}",
        args.join(" "),
        out.status
            .code()
            .map_or("signal".to_string(), |c| c.to_string()),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    )
}

/// Runs `cjm` in `dir`, returning (exit code, stdout, stderr).
pub fn cjm_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_cjm"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("cjm runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The stdout part of what [`cjm`] laid out.
pub fn stdout_of(run: &str) -> &str {
    let after = run
        .split_once("----- stdout -----\n")
        .map_or("", |(_, s)| s);
    after
        .split_once("----- stderr -----")
        .map_or(after, |(s, _)| s)
}

/// Snapshots a whole run under `name`.
#[macro_export]
macro_rules! snap {
    ($name:expr, $args:expr) => {
        insta::assert_snapshot!($name, $crate::cjm($args, None))
    };
    ($name:expr, $args:expr, $stdin:expr) => {
        insta::assert_snapshot!($name, $crate::cjm($args, Some($stdin)))
    };
}
