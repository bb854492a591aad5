//! GitHub Actions workflow commands: each finding becomes an annotation on the pull
//! request's diff (`::error file=…,line=…,col=…,title=RULE::message`).

use std::fmt::Write;

use super::Summary;
use crate::check::FileReport;
use crate::diag::Severity;

pub fn print(reports: &[FileReport], summary: &Summary) -> String {
    let mut out = String::new();
    for report in reports {
        for d in &report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let mut props = format!("file={}", property(&report.path));
            if d.span.start.line > 0 {
                let _ = write!(
                    props,
                    ",line={},col={},endLine={},endColumn={}",
                    d.span.start.line, d.span.start.col, d.span.end.line, d.span.end.col
                );
            }
            let _ = write!(props, ",title={}", property(d.code));
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let _ = writeln!(out, "::{command} {props}::{}", data(&message));
        }
    }
    let t = summary.tally;
    let _ = writeln!(
        out,
        "cjm: {} files checked: {} errors, {} warnings, {} infos",
        summary.files, t.errors, t.warnings, t.infos
    );
    out
}

/// Escapes a workflow command's message.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_what_would_end_the_command() {
        assert_eq!(super::data("50%\nnext"), "50%25%0Anext");
        assert_eq!(super::property("a:b,c"), "a%3Ab%2Cc");
    }
}
