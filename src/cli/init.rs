//! `cjm init`, `cjm completions` and `cjm man`: what gets a team started.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use clap::CommandFactory;

use super::args::{Cli, CompletionsArgs, InitArgs, InitType, ManArgs};
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
    let text = match (kind, &args.baseline) {
        (MapType::FutureState, Some(baseline)) => copy_of_baseline(&args.file, baseline)?,
        _ => starter(&Starter {
            kind,
            today: Date::today(),
            schema: SCHEMA_FILE,
            baseline: args.baseline.as_deref(),
        }),
    };
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

/// A future-state map copied from the baseline `reference` names (an id, or a path
/// relative to the new file), so the first diff is empty.
fn copy_of_baseline(file: &Path, reference: &str) -> anyhow::Result<String> {
    let dir = if file.as_os_str() == "-" {
        Path::new("")
    } else {
        file.parent().unwrap_or(Path::new(""))
    };
    let candidates = crate::check::baseline::file_names(reference);
    let Some(path) = candidates.iter().map(|n| dir.join(n)).find(|p| p.is_file()) else {
        anyhow::bail!(
            "the baseline `{reference}` cannot be found: no `{}` beside `{}`; give the current-state map's id (its file must sit beside the new one) or its path relative to the new file",
            candidates.join("` or `"),
            file.display()
        );
    };
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("could not read the baseline `{}`", path.display()))?;
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| s != "-")
        .unwrap_or_else(|| "future-state".to_string());
    crate::init::future_from(&text, &crate::model::slug(&stem), reference).map_err(|why| {
        anyhow::anyhow!(
            "the baseline `{}` cannot be copied: {why}; check it with `cjm validate {}`",
            path.display(),
            path.display()
        )
    })
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

pub fn man(args: ManArgs) -> anyhow::Result<ExitStatus> {
    let mut cmd = Cli::command().disable_help_subcommand(true);
    cmd.build();
    if let Some(dir) = args.dir {
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("could not create the folder `{}`", dir.display()))?;
        clap_mangen::generate_to(cmd, &dir)
            .with_context(|| format!("could not write the man pages into `{}`", dir.display()))?;
        let mut err = anstream::stderr().lock();
        let _ = writeln!(
            err,
            "wrote cjm.1 and one page per command into {}",
            dir.display()
        );
        return Ok(ExitStatus::Success);
    }
    emit(&one_page(&cmd)?)?;
    Ok(ExitStatus::Success)
}

/// One man page with every command in it: the top-level sections, then a COMMANDS
/// section with each command's full help, so nothing points at pages that do not exist.
fn one_page(cmd: &clap::Command) -> anyhow::Result<String> {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    out.extend_from_slice(b".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let mut sub = sub.clone().bin_name(format!("cjm {}", sub.get_name()));
        let help = sub.render_long_help().to_string();
        out.extend_from_slice(format!(".SS \"cjm {}\"\n.nf\n", sub.get_name()).as_bytes());
        for line in help.lines() {
            // Backslashes are roff escapes; a leading dot or quote would be a request.
            let line = line.replace('\\', "\\e");
            if line.starts_with(['.', '\'']) {
                out.extend_from_slice(b"\\&");
            }
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
        out.extend_from_slice(b".fi\n");
    }
    man.render_extra_section(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
