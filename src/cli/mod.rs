//! The command-line layer: the only code that knows about clap, colour, stdout and exit
//! codes. Each command parses its options into library calls and prints the result.

pub mod args;
mod diff;
mod explain;
mod import;
mod init;
mod lsp;
mod output;
mod preview;
mod progress;
mod render;
mod report;
mod rules;
mod settings;
mod site;
mod validate;

use std::io::Write;

use clap::Parser;

use crate::exit::ExitStatus;
use args::{Cli, ColorChoice, Command};

/// Runs the command line; `main` only turns the status into an exit code.
pub fn run() -> ExitStatus {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitStatus::Error
            } else {
                ExitStatus::Success
            };
        }
    };
    match cli.color {
        ColorChoice::Always => anstream::ColorChoice::Always.write_global(),
        ColorChoice::Never => anstream::ColorChoice::Never.write_global(),
        ColorChoice::Auto => {}
    }
    let result = match cli.command {
        Command::Validate(args) => validate::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Explain(args) => explain::run(args),
        Command::Lsp => lsp::run(),
        Command::Preview(args) => preview::run(args),
        Command::Render(args) => render::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Schema(args) => schema(&args).map(|()| ExitStatus::Success),
        Command::Init(args) => init::run(args),
        Command::Import(args) => import::run(args),
        Command::Report(args) => report::run(args),
        Command::Site(args) => site::run(args),
        Command::Completions(args) => init::completions(args),
        Command::Man(args) => init::man(args),
    };
    match result {
        Ok(status) => status,
        Err(err) => {
            error(&format!("{err:#}"));
            ExitStatus::Error
        }
    }
}

/// `cjm schema`: the embedded schema as shipped, or with a `cjm.toml`'s vocabulary added.
fn schema(args: &args::SchemaArgs) -> anyhow::Result<()> {
    let Some(path) = &args.config else {
        return emit(crate::check::schema::SCHEMA_JSON);
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow::anyhow!("could not read `{}`: {e}", path.display()))?;
    let (settings, findings) = crate::config::parse(&text);
    if let Some(d) = findings
        .iter()
        .find(|d| d.severity == crate::diag::Severity::Error)
    {
        anyhow::bail!(
            "`{}` has mistakes ({} at line {}); run `cjm validate --config {}` to see them",
            path.display(),
            d.message,
            d.span.start.line,
            path.display()
        );
    }
    let json = crate::check::schema::extended(&settings.vocabulary).map_err(anyhow::Error::msg)?;
    emit(&format!("{}\n", serde_json::to_string_pretty(&json)?))
}

/// Writes to stdout; a closed pipe (`cjm rules | head -1`) is not an error.
pub fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = anstream::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Writes bytes to stdout as they are (a PNG must not pass the colour filter).
pub fn emit_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Prints `error: message` to stderr.
pub fn error(message: &str) {
    let style = anstyle::AnsiColor::Red.on_default().bold();
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "{style}error:{style:#} {message}");
}

/// Prints a plain note to stderr.
pub fn note(message: &str) {
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "{message}");
}

/// Prints `warning: message` to stderr.
pub fn warning(message: &str) {
    let style = anstyle::AnsiColor::Yellow.on_default().bold();
    let mut err = anstream::stderr().lock();
    let _ = writeln!(err, "{style}warning:{style:#} {message}");
}

/// Prints a report's errors to stderr, as `validate` shows them, for commands that
/// need a readable map (render, diff).
pub fn print_errors(report: &crate::check::FileReport) {
    let mut text = String::new();
    for d in report.diagnostics.iter().filter(|d| {
        d.severity == crate::diag::Severity::Error && crate::rules::find(d.code).is_none()
    }) {
        crate::report::human::diagnostic(&mut text, &report.path, d);
    }
    let mut err = anstream::stderr().lock();
    let _ = err.write_all(text.as_bytes());
}
