//! Open documents and positions. cjm's spans count characters from 1 on 1-based lines;
//! the protocol counts UTF-16 code units from 0 on 0-based lines. Every conversion
//! between the two goes through here, and clamps rather than trusts the client.

use lsp_types::{Position, Range};

use crate::diag::{Pos, Span};

/// A text with the byte offset of each line start.
#[derive(Clone, Debug)]
pub struct Text {
    pub text: String,
    starts: Vec<usize>,
}

impl Text {
    pub fn new(text: String) -> Text {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Text { text, starts }
    }

    /// Line `n` (0-based) without its line ending; empty past the end.
    pub fn line(&self, n: usize) -> &str {
        let Some(&start) = self.starts.get(n) else {
            return "";
        };
        let end = self
            .starts
            .get(n + 1)
            .map_or(self.text.len(), |&next| next.saturating_sub(1));
        let line = self.text.get(start..end.max(start)).unwrap_or("");
        line.strip_suffix('\r').unwrap_or(line)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// A cjm position as the protocol's. Line 0 ("the whole file") is the first line.
    pub fn position(&self, pos: Pos) -> Position {
        let line = pos.line.saturating_sub(1) as usize;
        let chars = pos.col.saturating_sub(1) as usize;
        let units: usize = self
            .line(line)
            .chars()
            .take(chars)
            .map(char::len_utf16)
            .sum();
        Position::new(line as u32, units as u32)
    }

    pub fn range(&self, span: Span) -> Range {
        if span.start.line == 0 {
            return Range::default();
        }
        let start = self.position(span.start);
        let end = if span.end.line == 0 {
            start
        } else {
            self.position(span.end)
        };
        Range::new(start, end.max(start))
    }

    /// The protocol's position as a cjm position (1-based line and character column),
    /// clamped to the line.
    pub fn pos(&self, position: Position) -> Pos {
        let line = position.line as usize;
        let mut units = 0usize;
        let mut chars = 0u32;
        for c in self.line(line).chars() {
            if units >= position.character as usize {
                break;
            }
            units += c.len_utf16();
            chars += 1;
        }
        Pos {
            line: position.line.saturating_add(1),
            col: chars + 1,
        }
    }

    /// The byte offset of a protocol position in the text, clamped to its line.
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        let Some(&start) = self.starts.get(line) else {
            return self.text.len();
        };
        let mut units = 0usize;
        let mut offset = start;
        for c in self.line(line).chars() {
            if units >= position.character as usize {
                break;
            }
            units += c.len_utf16();
            offset += c.len_utf8();
        }
        offset
    }

    /// The text of a span (empty when it is not a single line).
    pub fn slice(&self, span: Span) -> &str {
        if span.start.line != span.end.line || span.start.line == 0 {
            return "";
        }
        let line = self.line(span.start.line as usize - 1);
        let byte = |col: u32| {
            line.char_indices()
                .nth(col.saturating_sub(1) as usize)
                .map_or(line.len(), |(i, _)| i)
        };
        line.get(byte(span.start.col)..byte(span.end.col))
            .unwrap_or("")
    }

    /// Applies one change from `didChange`: the whole text, or a range replaced.
    pub fn apply(&mut self, range: Option<Range>, new: &str) {
        let text = match range {
            None => new.to_string(),
            Some(r) => {
                let start = self.offset(r.start);
                let end = self.offset(r.end).max(start);
                let mut t = String::with_capacity(self.text.len() + new.len());
                t.push_str(self.text.get(..start).unwrap_or(&self.text));
                t.push_str(new);
                t.push_str(self.text.get(end..).unwrap_or(""));
                t
            }
        };
        *self = Text::new(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_characters_become_utf16_units() {
        // CJK is one unit per character, an emoji two; Cyrillic one.
        let t = Text::new("a: 取餐\nb: 😀x\nв: ок\r\n".to_string());
        let p = |line, col| Pos { line, col };
        assert_eq!(t.position(p(1, 5)), Position::new(0, 4));
        assert_eq!(t.position(p(2, 5)), Position::new(1, 5));
        assert_eq!(t.position(p(3, 5)), Position::new(2, 4));
        assert_eq!(t.pos(Position::new(1, 5)), p(2, 5));
        assert_eq!(t.pos(Position::new(1, 99)), p(2, 6));
        assert_eq!(t.pos(Position::new(99, 3)), p(100, 1));
        assert_eq!(t.line(2), "в: ок");
        let span = Span::new(p(1, 4), p(1, 6));
        assert_eq!(t.slice(span), "取餐");
    }

    #[test]
    fn edits_apply_at_utf16_positions() {
        let mut t = Text::new("名: 😀a\nb\n".to_string());
        t.apply(
            Some(Range::new(Position::new(0, 5), Position::new(0, 6))),
            "Z",
        );
        assert_eq!(t.text, "名: 😀Z\nb\n");
        t.apply(
            Some(Range::new(Position::new(7, 0), Position::new(0, 0))),
            "!",
        );
        assert_eq!(t.text, "名: 😀Z\nb\n!");
        t.apply(None, "new");
        assert_eq!(t.line_count(), 1);
    }
}
