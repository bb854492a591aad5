//! Mermaid's journey lexer, `journey.jison`, rule for rule and in its order: the first
//! rule that matches wins, keywords are case-insensitive, and `#` or `%%` start a
//! comment wherever a token could start. Porting the rules, rather than reading lines,
//! is what makes cjm read a diagram exactly as Mermaid does.

/// What a token is; values are byte ranges into the text the lexer was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `journey` (as a word).
    Journey,
    /// `title TEXT`: the value is what follows the keyword and one space.
    Title,
    /// `accTitle: TEXT` up to the end of the line.
    AccTitle,
    /// `accDescr: TEXT` up to the end of the line.
    AccDescr,
    /// `accDescr { … }`; `closed` says whether the `}` came.
    AccDescrBlock {
        closed: bool,
    },
    /// `section NAME`.
    Section,
    /// Text up to `:`, `#`, `;` or the end of the line: a task's name.
    TaskName,
    /// `: score: actors` up to `#`, `;` or the end of the line (value without the `:`).
    TaskData,
    /// A `:` with nothing readable after it.
    Colon,
    Newline,
    /// A character no rule reads (`;`).
    Invalid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// The token's text value (for keywords, what follows them).
    pub value: (usize, usize),
}

/// JavaScript's `\s`.
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{B}' | '\u{C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

/// JavaScript's `\w`, for the `\b` jison adds after a keyword ending in a letter.
fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Mermaid replaces every `#name;` or `#123;` with a placeholder before it parses, so
/// inside an entity `#` and `;` are plain text. Returns a copy of `text` in which they
/// are neutral bytes (same offsets), for the lexer to classify.
pub fn mask_entities(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'#' {
            let len = bytes[i + 1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count();
            if len > 0 && bytes.get(i + 1 + len) == Some(&b';') {
                out[i] = 1;
                out[i + 1 + len] = 2;
                i += len + 2;
                continue;
            }
        }
        i += 1;
    }
    // Only ASCII bytes were swapped for other ASCII bytes, so this stays UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

pub struct Lexer<'a> {
    /// The text with entities masked.
    s: &'a str,
    pos: usize,
    end: usize,
}

impl<'a> Lexer<'a> {
    /// Reads `s[start..end]`; `s` must come from [`mask_entities`].
    pub fn new(s: &'a str, start: usize, end: usize) -> Self {
        Lexer { s, pos: start, end }
    }

    fn rest(&self, at: usize) -> &'a str {
        self.s.get(at..self.end).unwrap_or("")
    }

    /// Where the line that `at` is on ends (the `\n`, or the end).
    fn eol(&self, at: usize) -> usize {
        self.rest(at).find('\n').map_or(self.end, |i| at + i)
    }

    /// The end of the run from `at` of characters that are not in `stop`.
    fn until(&self, at: usize, stop: &[char]) -> usize {
        self.rest(at)
            .find(|c: char| stop.contains(&c))
            .map_or(self.end, |i| at + i)
    }

    fn skip_spaces(&self, at: usize) -> usize {
        self.rest(at)
            .find(|c: char| !is_space(c))
            .map_or(self.end, |i| at + i)
    }

    /// `word` (any case) at `at`, returning where it ends.
    fn keyword(&self, at: usize, word: &str) -> Option<usize> {
        let rest = self.rest(at);
        let head = rest.get(..word.len())?;
        head.eq_ignore_ascii_case(word).then_some(at + word.len())
    }

    /// `KEYWORD\s[^stop]+`: the rule for `title` and `section`.
    fn keyword_line(&self, at: usize, word: &str, stop: &[char]) -> Option<(usize, usize)> {
        let after = self.keyword(at, word)?;
        let space = self.rest(after).chars().next().filter(|c| is_space(*c))?;
        let value = after + space.len_utf8();
        let end = self.until(value, stop);
        (end > value).then_some((value, end))
    }

    fn token(&mut self, kind: Kind, start: usize, end: usize, value: (usize, usize)) -> Token {
        self.pos = end;
        Token {
            kind,
            start,
            end,
            value,
        }
    }
}

impl Iterator for Lexer<'_> {
    type Item = Token;

    fn next(&mut self) -> Option<Token> {
        loop {
            let p = self.pos;
            let rest = self.rest(p);
            let c = rest.chars().next()?;
            // \%%(?!\{)[^\n]*  and  [^\}]\%\%[^\n]*  : comments.
            if rest.starts_with("%%") && !rest[2..].starts_with('{') {
                self.pos = self.eol(p);
                continue;
            }
            if c != '}' && rest[c.len_utf8()..].starts_with("%%") {
                self.pos = self.eol(p + c.len_utf8());
                continue;
            }
            if c == '\n' {
                let end = p + rest.find(|c| c != '\n').unwrap_or(rest.len());
                return Some(self.token(Kind::Newline, p, end, (p, end)));
            }
            if is_space(c) {
                self.pos = self.skip_spaces(p);
                continue;
            }
            if c == '#' {
                self.pos = self.eol(p);
                continue;
            }
            if let Some(end) = self.keyword(p, "journey")
                && !is_word(self.rest(end).chars().next())
            {
                return Some(self.token(Kind::Journey, p, end, (p, end)));
            }
            if let Some((v, end)) = self.keyword_line(p, "title", &['#', '\n', ';']) {
                return Some(self.token(Kind::Title, p, end, (v, end)));
            }
            for (word, kind) in [("accTitle", Kind::AccTitle), ("accDescr", Kind::AccDescr)] {
                let Some(after) = self.keyword(p, word) else {
                    continue;
                };
                let at = self.skip_spaces(after);
                match self.rest(at).chars().next() {
                    Some(':') => {
                        let v = self.skip_spaces(at + 1);
                        let end = self.eol(v);
                        return Some(self.token(kind, p, end, (v, end)));
                    }
                    Some('{') if kind == Kind::AccDescr => {
                        let v = self.skip_spaces(at + 1);
                        let close = self.until(v, &['}']);
                        let closed = close < self.end;
                        let end = if closed { close + 1 } else { close };
                        return Some(self.token(
                            Kind::AccDescrBlock { closed },
                            p,
                            end,
                            (v, close),
                        ));
                    }
                    _ => {}
                }
            }
            if let Some((v, end)) = self.keyword_line(p, "section", &['#', ':', '\n', ';']) {
                return Some(self.token(Kind::Section, p, end, (v, end)));
            }
            if !matches!(c, '#' | ':' | '\n' | ';') {
                let end = self.until(p, &['#', ':', '\n', ';']);
                return Some(self.token(Kind::TaskName, p, end, (p, end)));
            }
            if c == ':' {
                let end = self.until(p + 1, &['#', '\n', ';']);
                if end > p + 1 {
                    return Some(self.token(Kind::TaskData, p, end, (p + 1, end)));
                }
                return Some(self.token(Kind::Colon, p, p + 1, (p, p + 1)));
            }
            let end = p + c.len_utf8();
            return Some(self.token(Kind::Invalid, p, end, (p, end)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, &str)> {
        let masked = mask_entities(text);
        Lexer::new(&masked, 0, text.len())
            .map(|t| (t.kind, &text[t.value.0..t.value.1]))
            .collect()
    }

    #[test]
    fn rules_apply_in_jisons_order() {
        use Kind::*;
        assert_eq!(
            kinds("journey\nTitle My day\nSection Go: x\n  Make tea: 5: Me # note\n"),
            [
                (Journey, "journey"),
                (Newline, "\n"),
                (Title, "My day"),
                (Newline, "\n"),
                (Section, "Go"),
                (TaskData, " x"),
                (Newline, "\n"),
                (TaskName, "Make tea"),
                (TaskData, " 5: Me "),
                (Newline, "\n"),
            ]
        );
        // A keyword at the start of a task name is read as the keyword.
        assert_eq!(kinds("title page: 5")[0], (Title, "page: 5"));
        assert_eq!(kinds("Journey home: 5")[0], (Journey, "Journey"));
        assert_eq!(kinds("journeys: 5")[0], (TaskName, "journeys"));
        // Entities hide `#` and `;`; a lone `;` is unreadable.
        assert_eq!(kinds("Tea #35;1: 5")[0], (TaskName, "Tea #35;1"));
        assert_eq!(kinds("Tea; 5")[1], (Invalid, ";"));
        assert_eq!(
            kinds("accDescr {\n  two\n  lines\n}\naccTitle:  A: b # c"),
            [
                (AccDescrBlock { closed: true }, "two\n  lines\n"),
                (Newline, "\n"),
                (AccTitle, "A: b # c"),
            ]
        );
        assert_eq!(kinds("x%% y: 5"), []);
    }
}
