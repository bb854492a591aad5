//! Machine-readable findings.
//!
//! # Format
//!
//! One JSON object, pretty-printed:
//!
//! ```json
//! {
//!   "version": 1,
//!   "summary": { "files": 2, "errors": 1, "warnings": 0, "infos": 0 },
//!   "diagnostics": [
//!     {
//!       "path": "maps/a.yaml",
//!       "line": 12, "column": 5, "end_line": 12, "end_column": 16,
//!       "severity": "error",
//!       "code": "unknown-key",
//!       "message": "unknown key `touchpionts` in stage",
//!       "help": "did you mean `touchpoints`?",
//!       "notes": [ { "line": 3, "column": 5, "message": "first defined here" } ]
//!     }
//!   ],
//!   "suppressed": [
//!     { "path": "maps/a.yaml", "line": 30, "column": 7, "...": "as above",
//!       "code": "stale-map", "reason": "reviewed in the Q3 workshop" }
//!   ]
//! }
//! ```
//!
//! Lines and columns are 1-based; columns count characters. `help` is `null` when there is
//! none. `suppressed` holds the lint findings silenced by `# cjm: allow RULE -- reason`
//! comments, each with the fields of a diagnostic and its `reason` (`null` without one);
//! they do not count in `summary`. A finding about a whole file (one that could not be read) has line and column 0.
//! `version` changes only when a field is removed or changes meaning.

use serde::Serialize;

use super::Summary;
use crate::check::FileReport;
use crate::diag::Diagnostic;

#[derive(Serialize)]
struct Out<'a> {
    version: u32,
    summary: SummaryOut,
    diagnostics: Vec<DiagOut<'a>>,
    suppressed: Vec<SuppressedOut<'a>>,
}

#[derive(Serialize)]
struct SuppressedOut<'a> {
    #[serde(flatten)]
    diagnostic: DiagOut<'a>,
    reason: Option<&'a str>,
}

#[derive(Serialize)]
struct SummaryOut {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct DiagOut<'a> {
    path: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    severity: &'static str,
    code: &'a str,
    message: &'a str,
    help: Option<&'a str>,
    notes: Vec<NoteOut<'a>>,
}

#[derive(Serialize)]
struct NoteOut<'a> {
    line: u32,
    column: u32,
    message: &'a str,
}

pub fn print(reports: &[FileReport], summary: &Summary) -> String {
    let out = Out {
        version: 1,
        summary: SummaryOut {
            files: summary.files,
            errors: summary.tally.errors,
            warnings: summary.tally.warnings,
            infos: summary.tally.infos,
        },
        diagnostics: reports
            .iter()
            .flat_map(|r| r.diagnostics.iter().map(move |d| diag_out(&r.path, d)))
            .collect(),
        suppressed: reports
            .iter()
            .flat_map(|r| {
                r.suppressed.iter().map(move |s| SuppressedOut {
                    diagnostic: diag_out(&r.path, &s.diagnostic),
                    reason: s.reason.as_deref(),
                })
            })
            .collect(),
    };
    let mut s = serde_json::to_string_pretty(&out).unwrap_or_default();
    s.push('\n');
    s
}

fn diag_out<'a>(path: &'a str, d: &'a Diagnostic) -> DiagOut<'a> {
    DiagOut {
        path,
        line: d.span.start.line,
        column: d.span.start.col,
        end_line: d.span.end.line,
        end_column: d.span.end.col,
        severity: d.severity.as_str(),
        code: d.code,
        message: &d.message,
        help: d.help.as_deref(),
        notes: d
            .notes
            .iter()
            .map(|n| NoteOut {
                line: n.span.start.line,
                column: n.span.start.col,
                message: &n.message,
            })
            .collect(),
    }
}
