//! Diagnostics are plain data: every check returns them, every printer reads them.
//! Nothing here prints; see `report` for the formats.

use std::fmt;

/// A position in a source file: 1-based line, 1-based column counted in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

/// The stretch of source a finding points at. `end` is exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
}

impl Span {
    pub fn new(start: Pos, end: Pos) -> Self {
        Span { start, end }
    }

    /// A span of one character at `pos`, for errors that have no extent.
    pub fn point(pos: Pos) -> Self {
        Span {
            start: pos,
            end: Pos {
                line: pos.line,
                col: pos.col + 1,
            },
        }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// How much a finding matters. Ordered so that `Error` is the greatest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A second place that explains the first, such as where a duplicate was first defined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub span: Span,
    pub message: String,
}

/// One finding in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Kebab-case name of the check or rule, e.g. `unknown-key` or `stage-without-touchpoints`.
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    /// What to do about it, when there is something concrete to say.
    pub help: Option<String>,
    pub span: Span,
    pub notes: Vec<Note>,
    /// The source line `span` starts on, kept so printers need not hold whole files;
    /// on a very long line, only a window around the span (see [`Diagnostic::set_line`]).
    pub line_text: String,
    /// Characters of the line cut before `line_text`.
    pub line_skip: usize,
    /// Whether the line goes on after `line_text`.
    pub line_more: bool,
}

/// Lines longer than this many bytes are kept as a window of as many characters.
pub const LINE_WINDOW: usize = 320;

impl Diagnostic {
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, span, message)
    }

    pub fn new(
        code: &'static str,
        severity: Severity,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            code,
            severity,
            message: message.into(),
            help: None,
            span,
            notes: Vec::new(),
            line_text: String::new(),
            line_skip: 0,
            line_more: false,
        }
    }

    /// Keeps the source line, or a window of it around the span when it is long: a
    /// minified one-line map with thousands of findings must not copy the line for each.
    /// `char_starts` gives the byte offset of each character of a line longer than
    /// [`LINE_WINDOW`] bytes; [`Source::attach_lines`](crate::read::Source::attach_lines)
    /// computes it once for all the findings on a line.
    pub fn set_line_indexed(&mut self, line: &str, char_starts: &[usize]) {
        if line.len() <= LINE_WINDOW {
            self.line_text = line.to_string();
            return;
        }
        let starts = char_starts;
        let start = (self.span.start.col as usize).saturating_sub(1);
        let skip = start.saturating_sub(80).min(starts.len());
        let end = (skip + LINE_WINDOW).min(starts.len());
        let byte = |i: usize| starts.get(i).copied().unwrap_or(line.len());
        self.line_text = line[byte(skip)..byte(end)].to_string();
        self.line_skip = skip;
        self.line_more = end < starts.len();
    }

    /// [`Diagnostic::set_line_indexed`] for a lone finding.
    pub fn set_line(&mut self, line: &str) {
        let starts: Vec<usize> = if line.len() > LINE_WINDOW {
            line.char_indices().map(|(i, _)| i).collect()
        } else {
            Vec::new()
        };
        self.set_line_indexed(line, &starts);
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_note(mut self, span: Span, message: impl Into<String>) -> Self {
        self.notes.push(Note {
            span,
            message: message.into(),
        });
        self
    }
}

/// Counts by severity, for summary lines and exit codes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Tally {
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Info => self.infos += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_kept_as_a_window_around_the_span() {
        let line: String = (0..2000)
            .map(|i| if i == 1500 { 'é' } else { 'x' })
            .collect();
        let starts: Vec<usize> = line.char_indices().map(|(i, _)| i).collect();
        let at = Pos { line: 1, col: 1501 };
        let mut d = Diagnostic::error("yaml-syntax", Span::new(at, at), "m");
        d.set_line_indexed(&line, &starts);
        assert_eq!(d.line_skip, 1500 - 80);
        assert!(d.line_more);
        assert_eq!(d.line_text.chars().count(), LINE_WINDOW);
        assert_eq!(d.line_text.chars().nth(80), Some('é'));
        let mut short = Diagnostic::error("yaml-syntax", Span::new(at, at), "m");
        short.set_line("short");
        assert_eq!((short.line_text.as_str(), short.line_skip), ("short", 0));
    }
}
