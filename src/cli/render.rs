//! `cjm render`.

use std::path::PathBuf;

use super::args::{RenderArgs, RenderFormat};
use super::output::write_atomic;
use super::validate::{config, options};
use std::io::IsTerminal;

use super::{emit_bytes, error, warning};
use crate::check::{self, Input};
use crate::exit::ExitStatus;
use crate::inputs;
use crate::render::{self, Format};

pub fn run(args: RenderArgs) -> anyhow::Result<ExitStatus> {
    let collected = inputs::collect(&args.paths);
    for e in &collected.errors {
        error(&format!("`{}`: {}", e.path, e.message));
    }
    for w in &collected.warnings {
        warning(&format!("`{}`: {}", w.path, w.message));
    }
    if !collected.errors.is_empty() {
        return Ok(ExitStatus::Error);
    }
    let inputs = collected.inputs;
    let chosen = args.format.map(|f| match f {
        RenderFormat::Svg => Format::Svg,
        RenderFormat::Markdown => Format::Markdown,
        RenderFormat::Mermaid => Format::Mermaid,
        RenderFormat::Html => Format::Html,
        RenderFormat::Png => Format::Png,
    });
    let to_stdout = args.output.as_os_str() == "-";
    let several = inputs.len() > 1 || args.paths.iter().any(|p| p.is_dir());
    // `-o out.svg` names a file even when a folder is rendered; `-o site` or `-o site/`
    // names a folder.
    let file_like = args
        .output
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension)
        .is_some();
    let to_dir = !to_stdout
        && (args.output.is_dir()
            || args.output.to_string_lossy().ends_with(['/', '\\'])
            || (several && !file_like));
    if to_stdout && several {
        anyhow::bail!("several maps cannot share stdout; write them to a folder with `-o FOLDER/`");
    }
    if !to_stdout && !to_dir && inputs.len() > 1 {
        anyhow::bail!(
            "{} maps cannot share the file `{}`; write them to a folder with `-o FOLDER/`",
            inputs.len(),
            args.output.display()
        );
    }
    let format = match chosen {
        Some(f) => f,
        None if to_stdout || to_dir => Format::Svg,
        None => {
            let ext = args
                .output
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("");
            Format::from_extension(ext).ok_or_else(|| {
                anyhow::anyhow!(
                    "cannot tell the format from `{}`; name it .svg, .png, .html, .md or .mmd, or pass `--format`",
                    args.output.display()
                )
            })?
        }
    };
    if format == Format::Png && to_stdout && std::io::stdout().is_terminal() {
        anyhow::bail!("a PNG is not for the terminal; write it to a file with `-o map.png`");
    }
    if to_dir {
        std::fs::create_dir_all(&args.output).map_err(|e| {
            anyhow::anyhow!(
                "could not create the folder `{}`: {e}",
                args.output.display()
            )
        })?;
    }

    let config = config(&args.check);
    let options = options(&args.check);
    let mut status = ExitStatus::Success;
    for input in &inputs {
        let checked = check::check_input(input, &config, &options);
        if checked.report.unreadable {
            status = ExitStatus::Error;
        }
        let map = match checked.map {
            Some(map) if !checked.report.has_errors() => map,
            _ => {
                super::print_errors(&checked.report);
                error(&format!(
                    "`{}` has errors, so it was not rendered",
                    checked.report.path
                ));
                if status == ExitStatus::Success {
                    status = ExitStatus::Failure;
                }
                continue;
            }
        };
        let out = match render::render(&map, format, args.scale) {
            Ok(out) => out,
            Err(e) => {
                error(&format!("`{}`: {e}", checked.report.path));
                status = ExitStatus::Error;
                continue;
            }
        };
        if to_stdout {
            emit_bytes(&out)?;
        } else {
            let target = if to_dir {
                args.output.join(file_name(input, format))
            } else {
                args.output.clone()
            };
            write_atomic(&target, &out)?;
        }
    }
    Ok(status)
}

fn file_name(input: &Input, format: Format) -> PathBuf {
    PathBuf::from(format!("{}.{}", input.stem(), format.extension()))
}
