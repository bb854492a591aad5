//! Exit codes, in one place (and in the README).

use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExitStatus {
    /// No errors (warnings allowed unless denied); for `diff --exit-code`, no differences.
    Success,
    /// Findings at error level (or denied warnings); for `diff --exit-code`, differences.
    Failure,
    /// Could not run: bad arguments, a path that does not exist, an unreadable file.
    Error,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        ExitCode::from(match status {
            ExitStatus::Success => 0,
            ExitStatus::Failure => 1,
            ExitStatus::Error => 2,
        })
    }
}
