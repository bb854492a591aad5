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
    let imported = match import::parse(&text) {
        Ok(imported) => imported,
        Err(errors) => {
            report(&name, &errors);
            return Ok(ExitStatus::Failure);
        }
    };
    // What was mapped or dropped on the way is said, on stderr, before the map.
    report(&name, &imported.warnings);
    let journey = imported.journey;
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

/// Prints findings about the Mermaid file to stderr.
fn report(name: &str, diagnostics: &[crate::diag::Diagnostic]) {
    let mut out = String::new();
    for d in diagnostics {
        crate::report::human::diagnostic(&mut out, name, d);
    }
    let mut err = anstream::stderr().lock();
    let _ = std::io::Write::write_all(&mut err, out.as_bytes());
}
