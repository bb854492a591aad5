//! `cjm diff`.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use anstyle::{AnsiColor, Style};
use serde::Serialize;

use super::args::{DiffArgs, DiffFormat};
use super::output::write_atomic;
use super::{emit, emit_bytes, error, warning};
use crate::check::{self, Input};
use crate::diff::{self, Diff, Kind};
use crate::exit::ExitStatus;
use crate::git::Revision;
use crate::model::Map;
use std::io::IsTerminal;

pub fn run(args: DiffArgs) -> anyhow::Result<ExitStatus> {
    let to_stdout = args.output.as_os_str() == "-";
    let format = match args.format {
        Some(f) => f,
        None if to_stdout => DiffFormat::Human,
        None => format_of(&args.output)?,
    };
    if args.scale.is_some() && format != DiffFormat::Png {
        warning("`--scale` sizes PNG output only; it is ignored here");
    }
    if format == DiffFormat::Png && to_stdout && std::io::stdout().is_terminal() {
        anyhow::bail!("a PNG is not for the terminal; write it to a file with `-o changes.png`");
    }
    if format == DiffFormat::Pdf && to_stdout && std::io::stdout().is_terminal() {
        anyhow::bail!("a PDF is not for the terminal; write it to a file with `-o changes.pdf`");
    }
    let config = args.check.config();
    let options = args.check.options();
    let load = |path: &Path| -> Result<Map, ExitStatus> {
        let checked = check::check_input(&input_of(path), &config, &options);
        if checked.report.library.is_some() {
            error(&format!(
                "`{}` is a shared library (`type: library`), not a map; compare two maps",
                checked.report.path
            ));
            return Err(ExitStatus::Error);
        }
        match checked.map {
            // Lint findings raised to `error` in cjm.toml fail `validate`, but a map
            // that is still being written must be comparable.
            Some(map) if !checked.report.has_errors_beyond_lint() => Ok(map),
            _ => {
                super::print_errors(&checked.report);
                error(&format!(
                    "`{}` has errors, so it cannot be compared",
                    checked.report.path
                ));
                Err(if checked.report.unreadable {
                    ExitStatus::Error
                } else {
                    ExitStatus::Failure
                })
            }
        }
    };
    let (current_path, future_path) = match &args.future {
        Some(future) => (args.current.clone(), future.clone()),
        None => {
            let future = match load(&args.current) {
                Ok(m) => m,
                Err(status) => return Ok(status),
            };
            let Some(baseline) = &future.baseline else {
                anyhow::bail!(
                    "`{}` names no `baseline:`; give both maps: `cjm diff CURRENT FUTURE`",
                    args.current.display()
                );
            };
            let current = match input_of(&args.current) {
                // Read from git: the baseline is looked up beside it, in the same revision.
                Input::Revision(r) => baseline_revision(&r, &baseline.value)?,
                _ => baseline_path(&args.current, &baseline.value)?,
            };
            (current, args.current.clone())
        }
    };
    let (current, future) = match (load(&current_path), load(&future_path)) {
        (Ok(c), Ok(f)) => (c, f),
        (Err(s), _) | (_, Err(s)) => return Ok(s),
    };
    let result = diff::diff(&current, &future);
    let (current_name, future_name) = (
        current_path.display().to_string(),
        future_path.display().to_string(),
    );
    let names = (current_name.as_str(), future_name.as_str());
    let text = match format {
        DiffFormat::Human => human_text(&current, &future, &result, names),
        DiffFormat::Json => json_text(&current, &future, &result)?,
        DiffFormat::Markdown => markdown_text(&current, &future, &result),
        DiffFormat::Svg => diff::picture::svg_named(&current, &future, &result, names),
        DiffFormat::Html => diff::page::html(&current, &future, &result),
        DiffFormat::Png | DiffFormat::Pdf => {
            let svg = diff::picture::svg_named(&current, &future, &result, names);
            let bytes = if format == DiffFormat::Png {
                super::render::png_of(&svg, args.scale.unwrap_or(2.0))?
            } else {
                let title = format!("{} → {}", current.title.value, future.title.value);
                super::render::pdf_of(&svg, &title, future.lang.as_deref())?
            };
            if to_stdout {
                emit_bytes(&bytes)?;
            } else {
                write_atomic(&args.output, &bytes)?;
            }
            return Ok(status(&args, &result));
        }
    };
    if to_stdout {
        emit(&text)?;
    } else {
        write_atomic(
            &args.output,
            anstream::adapter::strip_str(&text).to_string().as_bytes(),
        )?;
    }
    Ok(status(&args, &result))
}

fn status(args: &DiffArgs, result: &Diff) -> ExitStatus {
    if args.exit_code && !result.is_empty() {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    }
}

/// The format an output file's extension asks for; an extension cjm cannot write is
/// refused rather than filled with text.
fn format_of(output: &Path) -> anyhow::Result<DiffFormat> {
    let ext = output
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    Ok(match ext.as_deref() {
        Some("svg") => DiffFormat::Svg,
        Some("png") => DiffFormat::Png,
        Some("pdf") => DiffFormat::Pdf,
        Some("html" | "htm") => DiffFormat::Html,
        Some("md" | "markdown") => DiffFormat::Markdown,
        Some("json") => DiffFormat::Json,
        Some("txt") | None => DiffFormat::Human,
        Some(other) => anyhow::bail!(
            "cjm cannot write a diff as `.{other}`; name the file .svg, .png, .pdf, .html, .md, .json or .txt, or pass `--format`"
        ),
    })
}

/// A path, or a git revision `REV:path` when no such file exists.
fn input_of(path: &Path) -> Input {
    match path.to_str().and_then(Revision::parse) {
        Some(r) => Input::Revision(r),
        None => Input::File(path.to_path_buf()),
    }
}

/// The file a `baseline:` names, beside the future map (see [`check::baseline::file_names`]).
fn baseline_path(future: &Path, baseline: &str) -> anyhow::Result<PathBuf> {
    let dir = future.parent().unwrap_or(Path::new(""));
    check::baseline::file_names(baseline)
        .into_iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
        .ok_or_else(|| anyhow::anyhow!("the baseline `{baseline}` of `{}` cannot be found beside it; give both maps: `cjm diff CURRENT FUTURE`", future.display()))
}

/// [`baseline_path`] inside a git revision.
fn baseline_revision(future: &Revision, baseline: &str) -> anyhow::Result<PathBuf> {
    check::baseline::file_names(baseline)
        .iter()
        .map(|name| future.sibling(name))
        .find(Revision::exists)
        .map(|r| PathBuf::from(r.spec))
        .ok_or_else(|| anyhow::anyhow!("the baseline `{baseline}` of `{}` is not beside it in that revision; give both maps: `cjm diff CURRENT FUTURE`", future.spec))
}

use crate::report::count;

fn human_text(current: &Map, future: &Map, d: &Diff, names: (&str, &str)) -> String {
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{bold}{} → {}{bold:#} {dim}({} → {}){dim:#}",
        current.id.id, future.id.id, names.0, names.1
    );
    if d.is_empty() {
        let _ = writeln!(out, "no changes");
        return out;
    }
    for (stage, changes) in diff::by_stage(d) {
        let _ = writeln!(out, "\n{bold}{}{bold:#}", stage.unwrap_or("Map"));
        for c in changes {
            let style = match c.kind {
                Kind::Added | Kind::Resolved => AnsiColor::Green.on_default(),
                Kind::Removed => AnsiColor::Red.on_default(),
                _ => AnsiColor::Yellow.on_default(),
            };
            let _ = writeln!(
                out,
                "  {style}{} {} {} `{}`{style:#}: {}",
                c.kind.mark(),
                c.item,
                c.kind.as_str(),
                c.id,
                c.detail
            );
        }
    }
    let _ = writeln!(
        out,
        "\n{bold}{}:{bold:#} {}",
        count(d.changes.len(), "change", "changes"),
        diff::summary(d)
    );
    out
}

#[derive(Serialize)]
struct JsonOut<'a> {
    version: u32,
    current: &'a str,
    future: &'a str,
    #[serde(flatten)]
    diff: &'a Diff,
}

fn json_text(current: &Map, future: &Map, d: &Diff) -> anyhow::Result<String> {
    let out = JsonOut {
        version: 1,
        current: &current.id.id,
        future: &future.id.id,
        diff: d,
    };
    Ok(serde_json::to_string_pretty(&out)? + "\n")
}

/// Tables fit for a pull-request comment.
fn markdown_text(current: &Map, future: &Map, d: &Diff) -> String {
    use crate::render::text::markdown as md;
    let mut out = format!("### {} → {}\n\n", md(&current.id.id), md(&future.id.id));
    if d.is_empty() {
        out.push_str("No changes.\n");
        return out;
    }
    out.push_str("| Stage | | Change | Id | Detail |\n|---|---|---|---|---|\n");
    for c in diff::by_stage(d).into_iter().flat_map(|(_, list)| list) {
        let _ = writeln!(
            out,
            "| {} | {} | {} {} | `{}` | {} |",
            c.stage.as_deref().map_or("*map*".to_string(), md),
            c.kind.mark(),
            c.item,
            c.kind.as_str(),
            crate::render::text::clean(&c.id).replace('`', "'"),
            md(&c.detail)
        );
    }
    let _ = writeln!(
        out,
        "\n**{}**: {}",
        count(d.changes.len(), "change", "changes"),
        diff::summary(d)
    );
    out
}
