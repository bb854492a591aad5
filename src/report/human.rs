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
///
/// Unless `verbose`, infos are folded into one line per rule after the errors and
/// warnings, so a few warnings are not lost among dozens of infos.
pub fn print(reports: &[FileReport], summary: &Summary, verbose: bool) -> String {
    let mut out = String::new();
    // Per rule, in order of first appearance: (count, path of the first, the first).
    let mut folded: Vec<(usize, &str, &Diagnostic)> = Vec::new();
    for report in reports {
        for d in &report.diagnostics {
            if verbose || d.severity != Severity::Info {
                diagnostic(&mut out, &report.path, d);
            } else if let Some(f) = folded.iter_mut().find(|f| f.2.code == d.code) {
                f.0 += 1;
            } else {
                folded.push((1, &report.path, d));
            }
        }
    }
    for (count, path, d) in &folded {
        folded_line(&mut out, *count, path, d);
    }
    summary_line(&mut out, summary, !folded.is_empty());
    out
}

/// `info[rule] ×12: first at path:line:col: message`.
fn folded_line(out: &mut String, count: usize, path: &str, d: &Diagnostic) {
    let sev = severity_style(d.severity);
    let at = format!("{path}:{}:{}", d.span.start.line, d.span.start.col);
    if count == 1 {
        let _ = writeln!(
            out,
            "{BOLD}{at}:{BOLD:#} {sev}{}[{}]{sev:#}: {}",
            d.severity, d.code, d.message
        );
    } else {
        let _ = writeln!(
            out,
            "{sev}{}[{}]{sev:#} ×{count}, first at {BOLD}{at}{BOLD:#}: {}",
            d.severity, d.code, d.message
        );
    }
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

fn summary_line(out: &mut String, s: &Summary, infos_folded: bool) {
    let files = plural(s.files, "file", "files");
    let t = s.tally;
    let warnings = s.warnings();
    if t.errors + warnings + t.infos == 0 {
        if s.files == 0 {
            let style = severity_style(Severity::Warning);
            let _ = writeln!(out, "{style}no map files checked{style:#}");
        } else {
            let _ = writeln!(
                out,
                "{GREEN}{} {files} checked: no problems found{GREEN:#}",
                s.files
            );
        }
        return;
    }
    let mut parts = Vec::new();
    for (n, one, many) in [
        (t.errors, "error", "errors"),
        (warnings, "warning", "warnings"),
        (t.infos, "info", "infos"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {}", plural(n, one, many)));
        }
    }
    if let Some(last) = parts.last_mut().filter(|_| infos_folded) {
        last.push_str(" (folded by rule; `--verbose` shows each)");
    }
    let style = if t.errors > 0 {
        severity_style(Severity::Error)
    } else {
        severity_style(Severity::Warning)
    };
    let why = if t.errors == 0 && s.fails() {
        "; failing because `--deny warnings` is on"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "{style}{} {files} checked: {}{why}{style:#}",
        s.files,
        parts.join(", ")
    );
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
