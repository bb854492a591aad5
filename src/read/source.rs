//! Turning raw bytes into text the YAML reader can trust, and finding source lines again
//! for diagnostics.

use crate::diag::{Diagnostic, Pos, Span};

/// Bounds that keep hostile input cheap to refuse.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Deepest nesting of mappings and lists.
    pub max_depth: usize,
    /// Most entries in one list or mapping (a map of 2,000 stages is fine).
    pub max_items: usize,
    /// Longest single value or key, in bytes.
    pub max_scalar_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 8 * 1024 * 1024,
            max_depth: 64,
            max_items: 10_000,
            max_scalar_bytes: 64 * 1024,
        }
    }
}

/// Lines up to this one are found by scanning rather than by building the index.
const NEAR_THE_TOP: u32 = 16;

/// One input's text, with a byte offset for the start of every line, indexed on first
/// use: most files have no finding and never need it.
#[derive(Debug)]
pub struct Source {
    pub text: String,
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl Source {
    pub fn new(text: String) -> Self {
        Source {
            text,
            line_starts: std::cell::OnceCell::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            let bytes = self.text.bytes().enumerate();
            starts.extend(bytes.filter(|&(_, b)| b == b'\n').map(|(i, _)| i + 1));
            starts
        })
    }

    /// The text of 1-based line `line`, without its line ending.
    pub fn line(&self, line: u32) -> &str {
        // A line near the top (a map's `id:`) is found without indexing the file.
        if self.line_starts.get().is_none() && line <= NEAR_THE_TOP {
            if line == 0 {
                return "";
            }
            let mut rest = self.text.as_str();
            for _ in 1..line {
                match rest.find('\n') {
                    Some(i) => rest = &rest[i + 1..],
                    None => return "",
                }
            }
            let text = rest.split('\n').next().unwrap_or("");
            return text.strip_suffix('\r').unwrap_or(text);
        }
        let starts = self.line_starts();
        let Some(&start) = starts.get((line as usize).wrapping_sub(1)) else {
            return "";
        };
        let end = starts
            .get(line as usize)
            .map_or(self.text.len(), |&next| next - 1);
        let text = &self.text[start..end.max(start)];
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// Fills in each diagnostic's source line, so the file itself can be dropped. The
    /// character offsets of a long line are computed once, however many findings it has.
    pub fn attach_lines(&self, diagnostics: &mut [Diagnostic]) {
        let mut long: (u32, Vec<usize>) = (0, Vec::new());
        for d in diagnostics {
            if !d.line_text.is_empty() {
                continue;
            }
            let number = d.span.start.line;
            let line = self.line(number);
            if line.len() > crate::diag::LINE_WINDOW && long.0 != number {
                long = (number, line.char_indices().map(|(i, _)| i).collect());
            }
            d.set_line_indexed(line, &long.1);
        }
    }
}

/// Decodes a file's bytes: UTF-8 only, a leading byte-order mark dropped.
///
/// Invalid bytes are reported at their line and column rather than replaced, so a
/// Latin-1 file is caught before it turns into mojibake in a rendered map. The error
/// comes with a lossy decoding, so the offending line can still be shown.
pub fn decode(bytes: Vec<u8>) -> Result<String, (Diagnostic, String)> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.as_bytes();
            let before = String::from_utf8_lossy(&bytes[..valid]);
            let line = before.matches('\n').count() as u32 + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let col = before[line_start..].chars().count() as u32 + 1;
            let pos = Pos { line, col };
            let byte = bytes[valid];
            let d = Diagnostic::error(
                "not-utf8",
                Span::point(pos),
                format!("the file is not valid UTF-8 (byte 0x{byte:02X} at {pos})"),
            )
            .with_help(
                "save the file as UTF-8; most editors offer it under \"Save with encoding\"",
            );
            Err((d, String::from_utf8_lossy(bytes).into_owned()))
        }
    }
}
