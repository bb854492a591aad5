//! `cjm report`: the portfolio facts of a folder of maps, as text for CI.

use super::args::{ReportArgs, ReportFormat};
use super::output::write_atomic;
use super::{emit, error, warning};
use crate::exit::ExitStatus;
use crate::inputs;
use crate::portfolio::{self, Portfolio};

pub fn run(args: ReportArgs) -> anyhow::Result<ExitStatus> {
    let Some((_, portfolio)) = portfolio_of(&args.paths, &args.check) else {
        return Ok(ExitStatus::Error);
    };
    let text = match args.format {
        ReportFormat::Human => portfolio::human::print(&portfolio),
        ReportFormat::Markdown => portfolio::markdown::print(&portfolio),
        ReportFormat::Json => portfolio::json::print(&portfolio),
    };
    if args.output.as_os_str() == "-" {
        match args.format {
            ReportFormat::Human => emit(&text)?,
            // No colour to strip: write large JSON and Markdown as they are.
            ReportFormat::Markdown | ReportFormat::Json => super::emit_bytes(text.as_bytes())?,
        }
    } else {
        write_atomic(
            &args.output,
            anstream::adapter::strip_str(&text).to_string().as_bytes(),
        )?;
    }
    Ok(ExitStatus::Success)
}

/// Checks the maps under `paths` and builds their portfolio (for `report` and `site`),
/// or prints why the paths cannot be used and returns `None`.
pub fn portfolio_of(
    paths: &[std::path::PathBuf],
    check: &super::args::CheckArgs,
) -> Option<(Vec<portfolio::Entry>, Portfolio)> {
    let collected = inputs::collect(paths);
    for e in &collected.errors {
        error(&format!("`{}`: {}", e.path, e.message));
    }
    for w in &collected.warnings {
        warning(&format!("`{}`: {}", w.path, w.message));
    }
    if !collected.errors.is_empty() {
        return None;
    }
    let options = check.options();
    let config = check.config();
    let inputs = collected.inputs();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let entries = super::progress::while_running(inputs.len(), &done, || {
        portfolio::load::check(&inputs, &config, &options, &done)
    });
    for finding in config.take_findings() {
        for d in &finding.diagnostics {
            warning(&format!("`{}`: {}", finding.path.display(), d.message));
        }
    }
    let portfolio = Portfolio::build(&entries, options.today);
    Some((entries, portfolio))
}
