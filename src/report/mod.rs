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
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        let mut tally = Tally::default();
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            tally.add(d.severity);
        }
        Summary {
            files: reports.len(),
            tally,
        }
    }
}
