//! `cjm import`.

use std::io::Read;

use anyhow::Context;

use super::args::ImportArgs;
use super::emit;
use super::output::write_atomic;
use crate::check::{self, Input, Options};
use crate::config::Config;
use crate::exit::ExitStatus;
use crate::import;

pub fn run(args: ImportArgs) -> anyhow::Result<ExitStatus> {
    let (name, text) = if args.file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .context("could not read stdin as UTF-8 text")?;
        ("<stdin>".to_string(), text)
    } else {
        let text = std::fs::read_to_string(&args.file)
            .with_context(|| format!("could not read `{}`", args.file.display()))?;
        (args.file.display().to_string(), text)
    };
    let (body, offset) = mermaid_block(&text);
    let journey = match import::parse(body) {
        Ok(j) => j,
        Err(mut errors) => {
            let mut out = String::new();
            let lines: Vec<&str> = text.lines().collect();
            for d in &mut errors {
                d.span.start.line += offset;
                d.span.end.line += offset;
                let line = lines
                    .get((d.span.start.line as usize).wrapping_sub(1))
                    .copied()
                    .unwrap_or("");
                d.set_line(
                    line,
                    &line.char_indices().map(|(i, _)| i).collect::<Vec<_>>(),
                );
                crate::report::human::diagnostic(&mut out, &name, d);
            }
            let mut err = anstream::stderr().lock();
            let _ = std::io::Write::write_all(&mut err, out.as_bytes());
            return Ok(ExitStatus::Failure);
        }
    };
    let stem = args
        .file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| s != "-")
        .unwrap_or_else(|| "Imported journey".to_string());
    let yaml = import::to_yaml(&journey, &stem, args.kind.as_str());
    // What import writes must be a map cjm accepts; anything else is a bug here.
    let checked = check::check_bytes(
        &Input::Stdin,
        yaml.clone().into_bytes(),
        &Config::default(),
        &Options::default(),
    );
    if checked.report.has_errors() {
        super::print_errors(&checked.report);
        anyhow::bail!(
            "the imported map does not validate; this is a bug in cjm, please report it with the Mermaid file"
        );
    }
    if args.output.as_os_str() == "-" {
        emit(&yaml)?;
    } else {
        write_atomic(&args.output, yaml.as_bytes())?;
    }
    Ok(ExitStatus::Success)
}

/// The journey inside a Markdown file's ```mermaid fence, with the number of lines
/// before it; a plain `.mmd` file is the journey itself.
fn mermaid_block(text: &str) -> (&str, u32) {
    let Some(start) = text.find("```mermaid") else {
        return (text, 0);
    };
    let body_start = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    let body_end = text[body_start..]
        .find("```")
        .map_or(text.len(), |i| body_start + i);
    let offset = text[..body_start].matches('\n').count();
    (
        &text[body_start..body_end],
        u32::try_from(offset).unwrap_or(0),
    )
}
