//! The format people read in a terminal:
//!
//! ```text
//! maps/a.yaml:12:5: error[unknown-key]: unknown key `touchpionts` in stage
//!    |
//! 12 |     touchpionts:
//!    |     ^^^^^^^^^^^
//!    = help: did you mean `touchpoints`?
//! ```

use std::fmt::Write;

use anstyle::{AnsiColor, Style};
use unicode_width::UnicodeWidthChar;

use super::Summary;
use crate::check::FileReport;
use crate::diag::{Diagnostic, Severity};

const BOLD: Style = Style::new().bold();
const BLUE: Style = AnsiColor::Blue.on_default().bold();
const GREEN: Style = AnsiColor::Green.on_default().bold();

fn severity_style(s: Severity) -> Style {
    match s {
        Severity::Error => AnsiColor::Red.on_default().bold(),
        Severity::Warning => AnsiColor::Yellow.on_default().bold(),
        Severity::Info => AnsiColor::Cyan.on_default().bold(),
    }
}

/// Every finding of every report, then one summary line. Styled with ANSI codes; the
/// caller's stream strips them where colour is off.
pub fn print(reports: &[FileReport], summary: &Summary) -> String {
    let mut out = String::new();
    for report in reports {
        for d in &report.diagnostics {
            diagnostic(&mut out, &report.path, d);
        }
    }
    summary_line(&mut out, summary);
    out
}

/// One finding: header line, source excerpt with carets, help and notes.
pub fn diagnostic(out: &mut String, path: &str, d: &Diagnostic) {
    let sev = severity_style(d.severity);
    let loc = if d.span.start.line == 0 {
        path.to_string()
    } else {
        format!("{path}:{}:{}", d.span.start.line, d.span.start.col)
    };
    let _ = writeln!(
        out,
        "{BOLD}{loc}:{BOLD:#} {sev}{}[{}]{sev:#}: {BOLD}{}{BOLD:#}",
        d.severity, d.code, d.message
    );
    let gutter = d.span.start.line.max(1).to_string().len();
    let pad = " ".repeat(gutter);
    if d.span.start.line > 0 {
        let (shown, lead, width) = excerpt(&d.line_text, d);
        let _ = writeln!(out, "{pad} {BLUE}|{BLUE:#}");
        let _ = writeln!(
            out,
            "{BLUE}{}{BLUE:#} {BLUE}|{BLUE:#} {shown}",
            d.span.start.line
        );
        let _ = writeln!(
            out,
            "{pad} {BLUE}|{BLUE:#} {lead}{sev}{}{sev:#}",
            "^".repeat(width.max(1))
        );
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "{pad} {BLUE}={BLUE:#} {BOLD}help:{BOLD:#} {help}");
    }
    for note in &d.notes {
        let _ = writeln!(
            out,
            "{pad} {BLUE}={BLUE:#} {BOLD}note:{BOLD:#} {} at {path}:{}",
            note.message, note.span.start
        );
    }
}

/// The source line to show (cut around the span when very long), the padding that puts
/// the carets under the span, and how many carets.
fn excerpt(line: &str, d: &Diagnostic) -> (String, String, usize) {
    const BEFORE: usize = 60;
    const MAX: usize = 160;
    let chars: Vec<char> = line.chars().collect();
    let start = (d.span.start.col as usize)
        .saturating_sub(1)
        .saturating_sub(d.line_skip)
        .min(chars.len());
    let end = if d.span.end.line == d.span.start.line && d.span.end.col > d.span.start.col {
        (d.span.end.col as usize - 1)
            .saturating_sub(d.line_skip)
            .min(chars.len())
    } else {
        chars.len()
    }
    .max(start);
    let from = start.saturating_sub(BEFORE);
    let to = chars.len().min(from + MAX).max(start);
    let end = end.min(to);
    let mut shown = String::new();
    let mut lead = String::new();
    if from > 0 || d.line_skip > 0 {
        shown.push('…');
        lead.push(' ');
    }
    let mut width = 0;
    for (i, &c) in chars[from..to].iter().enumerate() {
        let c = if c.is_control() && c != '\t' {
            '\u{FFFD}'
        } else {
            c
        };
        shown.push(c);
        let w = c.width().unwrap_or(0);
        if from + i < start {
            if c == '\t' {
                lead.push('\t');
            } else {
                lead.extend(std::iter::repeat_n(' ', w));
            }
        } else if from + i < end {
            width += if c == '\t' { 4 } else { w };
        }
    }
    if to < chars.len() || d.line_more {
        shown.push('…');
    }
    (shown, lead, width)
}

fn summary_line(out: &mut String, s: &Summary) {
    let files = plural(s.files, "file", "files");
    let t = s.tally;
    if t.errors + t.warnings + t.infos == 0 {
        let _ = writeln!(
            out,
            "{GREEN}{} {files} checked: no problems found{GREEN:#}",
            s.files
        );
        return;
    }
    let mut parts = Vec::new();
    for (n, one, many) in [
        (t.errors, "error", "errors"),
        (t.warnings, "warning", "warnings"),
        (t.infos, "info", "infos"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {}", plural(n, one, many)));
        }
    }
    let style = if t.errors > 0 {
        severity_style(Severity::Error)
    } else {
        severity_style(Severity::Warning)
    };
    let _ = writeln!(
        out,
        "{style}{} {files} checked: {}{style:#}",
        s.files,
        parts.join(", ")
    );
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
