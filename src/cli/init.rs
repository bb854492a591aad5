//! `cjm init`, `cjm completions` and `cjm man`: what gets a team started.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs, InitArgs, InitType};
use super::emit;
use crate::date::Date;
use crate::exit::ExitStatus;
use crate::init::{Starter, starter};
use crate::model::MapType;

const SCHEMA_FILE: &str = "journey-map.schema.json";

pub fn run(args: InitArgs) -> anyhow::Result<ExitStatus> {
    let kind = match args.kind {
        InitType::CurrentState => MapType::CurrentState,
        InitType::FutureState => MapType::FutureState,
        InitType::DayInTheLife => MapType::DayInTheLife,
        InitType::ServiceBlueprint => MapType::ServiceBlueprint,
        InitType::Experience => MapType::Experience,
    };
    if kind == MapType::FutureState && args.baseline.is_none() {
        anyhow::bail!(
            "a future-state map names the current-state map it improves on; pass `--baseline MAP` (its id, or its path relative to the new file)"
        );
    }
    let text = starter(&Starter {
        kind,
        today: Date::today(),
        schema: SCHEMA_FILE,
        baseline: args.baseline.as_deref(),
    });
    if args.file.as_os_str() == "-" {
        emit(&text)?;
        return Ok(ExitStatus::Success);
    }
    create_new(&args.file, text.as_bytes())?;
    let schema = match args.file.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.join(SCHEMA_FILE),
        _ => SCHEMA_FILE.into(),
    };
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "created {}", args.file.display());
    if !schema.exists() {
        let _ = writeln!(
            err,
            "for completion and hover docs in your editor: cjm schema > {}",
            schema.display()
        );
    }
    let _ = writeln!(err, "next: cjm validate {}", args.file.display());
    Ok(ExitStatus::Success)
}

/// Writes a new file, never replacing one: the text goes to a temporary file that is
/// then hard-linked into place, which fails if the name is taken.
fn create_new(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if path.exists() {
        anyhow::bail!(
            "`{}` already exists; cjm init never overwrites a file. Name another: `cjm init NEW.yaml`",
            path.display()
        );
    }
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)
        .with_context(|| format!("could not create the folder `{}`", dir.display()))?;
    let tmp = dir.join(format!(".cjm-init-{}.tmp", std::process::id()));
    let result = std::fs::write(&tmp, bytes).and_then(|()| std::fs::hard_link(&tmp, path));
    let _ = std::fs::remove_file(&tmp);
    result.with_context(|| format!("could not create `{}`", path.display()))
}

pub fn completions(args: CompletionsArgs) -> anyhow::Result<ExitStatus> {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "cjm", &mut out);
    emit(&String::from_utf8_lossy(&out))?;
    Ok(ExitStatus::Success)
}

pub fn man() -> anyhow::Result<ExitStatus> {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut out)?;
    emit(&String::from_utf8_lossy(&out))?;
    Ok(ExitStatus::Success)
}
