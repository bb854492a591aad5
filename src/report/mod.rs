//! Printers: findings (data) → text in one output format. Printers never decide
//! anything; they only lay out what the checks found.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::check::FileReport;
use crate::diag::Tally;

/// Totals for the summary line and exit code.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub tally: Tally,
    /// Paths that gave nothing to check (an empty folder): warnings outside any file.
    pub path_warnings: usize,
    /// `--deny warnings` is on, so warnings fail the run.
    pub deny_warnings: bool,
}

impl Summary {
    /// Whether the run fails on what was found (exit 1).
    pub fn fails(&self) -> bool {
        self.tally.errors > 0 || (self.deny_warnings && self.warnings() > 0)
    }

    /// Every warning, in files or about paths.
    pub fn warnings(&self) -> usize {
        self.tally.warnings + self.path_warnings
    }

    pub fn of(reports: &[FileReport]) -> Summary {
        let mut tally = Tally::default();
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            tally.add(d.severity);
        }
        Summary {
            files: reports.len(),
            tally,
            ..Summary::default()
        }
    }
}

/// `1 change`, `2 changes`: a count with the word that agrees with it.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
