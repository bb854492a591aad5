//! `cjm validate`.

use super::args::{Deny, Format, ValidateArgs};
use super::{emit, error, warning};
use crate::check::{self, FileReport};
use crate::exit::ExitStatus;
use crate::inputs;
use crate::report::{self, Summary};

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitStatus> {
    let collected = inputs::collect(&args.paths);
    for e in &collected.errors {
        error(&format!("`{}`: {}", e.path, e.message));
    }
    for w in &collected.warnings {
        warning(&format!("`{}`: {}", w.path, w.message));
    }
    let inputs = collected.inputs();
    let path_errors = collected.errors;
    let options = args.check.options();
    let config = args.check.config();
    let done = std::sync::atomic::AtomicUsize::new(0);
    let mut reports = super::progress::while_running(inputs.len(), &done, || {
        check::check_all_counting(&inputs, &config, &options, &done)
    });
    reports.extend(config.take_findings().into_iter().map(FileReport::from));
    let summary = Summary {
        path_warnings: collected.warnings.len(),
        deny_warnings: args.deny == Some(Deny::Warnings),
        ..Summary::of(&reports)
    };
    let text = match args.format {
        Format::Human => report::human::print(&reports, &summary, args.verbose),
        Format::Json => report::json::print(&reports, &summary),
        Format::Github => report::github::print(&reports, &summary),
        Format::Sarif => report::sarif::print(&reports),
    };
    emit(&text)?;
    Ok(
        if !path_errors.is_empty() || reports.iter().any(|r| r.unreadable) {
            ExitStatus::Error
        } else if summary.fails() {
            ExitStatus::Failure
        } else {
            ExitStatus::Success
        },
    )
}
