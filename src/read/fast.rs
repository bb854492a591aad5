//! A reader for the YAML journey maps are written in, several times cheaper than the
//! general one, building the same tree with the same spans.
//!
//! It knows block mappings and lists indented with spaces, keys of plain ASCII words,
//! one-line plain and quoted scalars, one-line flow collections and comments. Anything
//! else (anchors, tags, `? `, multi-line or block scalars, `---`, tabs, control
//! characters, odd indentation, duplicate keys, an escape it does not know, a limit
//! reached) makes it give up, and [`super::yaml`] reads the file: errors and unusual
//! YAML keep their messages and positions, and nothing a user writes changes meaning.
//!
//! Spans follow `saphyr-parser`'s markers exactly: a collection ends where the next token
//! starts, and a quoted scalar or a flow collection ends after the blanks and comment
//! that follow it on its line. Tests compare both readers on the same bytes.

use super::source::Limits;
use super::yaml::{Entry, Node, Value, resolve_plain};
use crate::diag::{Pos, Span};

/// The longest key the fast reader takes, well inside YAML's 1024 characters for an
/// implicit key.
const MAX_KEY: usize = 1000;

/// The input needs the general reader. It carries nothing: that reader says why.
struct GiveUp;

/// Deeper nesting than any map needs is left to the general reader, whatever the
/// limits say: the fast reader recurses into flow collections.
const MAX_DEPTH: usize = 64;

type Read<T> = Result<T, GiveUp>;

/// The tree of `text`, when it is written in the subset this reader knows and has no
/// finding; `None` otherwise, and the caller reads it again with the general reader.
pub fn read(text: &str, limits: &Limits) -> Option<Node> {
    if !plain_bytes(text.as_bytes()) {
        return None;
    }
    let mut reader = Reader {
        b: text.as_bytes(),
        text,
        limits,
        line: 0,
        line_start: 0,
        line_end: 0,
        ascii: true,
        stack: Vec::with_capacity(8),
    };
    reader.document().ok()
}

/// Whether the bytes hold nothing that needs the general reader's care: no tab, carriage
/// return (but before a line feed) or other control character, no C1 control, no byte-order mark, no U+FFFE/FFFF.
/// One pass the compiler can vectorise, then a precise one only when a suspect byte
/// (`0xC2`, `0xEF`) occurs, as it does in most text beyond Latin-1.
fn plain_bytes(b: &[u8]) -> bool {
    let mut suspect = false;
    for &x in b {
        suspect |= (x < 0x20 && x != b'\n') | (x == 0x7F) | (x == 0xC2) | (x == 0xEF);
    }
    if !suspect {
        return true;
    }
    b.iter().enumerate().all(|(i, &x)| match x {
        // CRLF line endings are read as saphyr-parser reads them; a lone CR is not.
        b'\r' => b.get(i + 1) == Some(&b'\n'),
        0..=9 | 11..=31 | 0x7F => false,
        0xC2 => !matches!(b.get(i + 1), Some(0x80..=0x9F)),
        0xEF => !matches!(
            (b.get(i + 1), b.get(i + 2)),
            (Some(0xBB), Some(0xBF)) | (Some(0xBF), Some(0xBE | 0xBF))
        ),
        _ => true,
    })
}

/// A block collection still open, with the column (0-based) its entries start at.
struct Frame {
    indent: usize,
    start: Pos,
    kind: Kind,
}

enum Kind {
    /// `key` is a key whose value starts on a later line (or is empty).
    Map {
        entries: Vec<Entry>,
        key: Option<(String, Span)>,
    },
    Seq(Vec<Node>),
}

struct Reader<'t> {
    b: &'t [u8],
    text: &'t str,
    limits: &'t Limits,
    /// The current line: its 1-based number, byte range, and whether it is all ASCII
    /// (then columns are byte offsets).
    line: u32,
    line_start: usize,
    line_end: usize,
    ascii: bool,
    stack: Vec<Frame>,
}

/// Which bytes may stand in a plain key after its first: letters, digits, `_` and `-`.
/// A table, since keys are scanned byte by byte on most lines.
const KEY_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut x = 0;
    while x < 256 {
        let b = x as u8;
        table[x] = b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
        x += 1;
    }
    table
};

fn is_key_byte(x: u8) -> bool {
    KEY_BYTES[usize::from(x)]
}

impl Reader<'_> {
    fn document(&mut self) -> Read<Node> {
        let len = self.b.len();
        let mut start = 0;
        while start < len {
            self.line += 1;
            let end = line_end(self.b, start);
            self.line_start = start;
            self.line_end = if end > start && self.b[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            self.ascii = self.b[start..end].is_ascii();
            self.content_line()?;
            start = end + 1;
        }
        // saphyr-parser's end of stream: the line after the last. (When the file ends in
        // blanks or a comment without a line break, it ends inner collections elsewhere.)
        let last = self.b[self.line_start..].iter().find(|&&x| x != b' ');
        if self.b.last() != Some(&b'\n') && matches!(last, None | Some(b'#')) {
            return Err(GiveUp);
        }
        let eof = Pos {
            line: self.line + 1,
            col: 1,
        };
        self.settle_empty_value()?;
        while self.stack.len() > 1 {
            self.close(eof)?;
        }
        let Some(root) = self.stack.pop() else {
            return Err(GiveUp);
        };
        match root.kind {
            Kind::Map { entries, key: None } if !has_duplicates(&entries) => Ok(Node {
                span: Span::new(root.start, eof),
                value: Value::Map(entries),
            }),
            _ => Err(GiveUp),
        }
    }

    fn pos(&self, at: usize) -> Pos {
        let before = &self.b[self.line_start..at];
        let chars = if self.ascii {
            before.len()
        } else {
            before.iter().filter(|&&x| (x & 0xC0) != 0x80).count()
        };
        Pos {
            line: self.line,
            col: u32::try_from(chars + 1).unwrap_or(u32::MAX),
        }
    }

    fn at(&self, i: usize) -> Option<u8> {
        if i < self.line_end {
            self.b.get(i).copied()
        } else {
            None
        }
    }

    /// The current line from `i` on (empty past its end).
    fn rest(&self, i: usize) -> &[u8] {
        self.b.get(i..self.line_end).unwrap_or_default()
    }

    fn skip_spaces(&self, i: usize) -> usize {
        let rest = self.rest(i);
        i + rest.iter().position(|&x| x != b' ').unwrap_or(rest.len())
    }

    fn content_line(&mut self) -> Read<()> {
        let (start, end) = (self.line_start, self.line_end);
        let p = self.skip_spaces(start);
        if p == end || self.b[p] == b'#' {
            return Ok(());
        }
        let indent = p - start;
        if indent == 0 && matches!(self.b[p], b'-' | b'.' | b'%') && !self.is_item(p) {
            // `---`, `...`, `%YAML`: documents and directives.
            return Err(GiveUp);
        }
        let here = self.pos(p);
        if let Some(Frame {
            indent: parent,
            kind: Kind::Map { key: Some(_), .. },
            ..
        }) = self.stack.last()
        {
            if indent > *parent {
                return self.open_block(p, indent);
            }
            if indent == *parent && self.b[p] == b'-' {
                // `key:` then `- item` at the key's own indentation.
                return Err(GiveUp);
            }
        }
        self.settle_empty_value()?;
        while self.stack.last().is_some_and(|f| f.indent > indent) {
            self.close(here)?;
        }
        match self.stack.last() {
            None if indent == 0 => self.open_block(p, indent),
            Some(f) if f.indent == indent => match f.kind {
                Kind::Map { .. } => self.key_line(p),
                Kind::Seq(_) => self.item_line(p),
            },
            _ => Err(GiveUp),
        }
    }

    /// A `key:` whose line ended without a value and whose next line is not indented
    /// deeper holds null, placed (as saphyr-parser places it) at the colon.
    fn settle_empty_value(&mut self) -> Read<()> {
        if let Some(Frame {
            kind: Kind::Map { entries, key },
            ..
        }) = self.stack.last_mut()
            && let Some((name, key_span)) = key.take()
        {
            entries.push(Entry {
                key: name,
                key_span,
                value: Node {
                    span: Span::new(key_span.end, key_span.end),
                    value: Value::Null,
                },
            });
        }
        Ok(())
    }

    /// Ends the innermost block collection at `end` and hands it to its parent.
    fn close(&mut self, end: Pos) -> Read<()> {
        let Some(frame) = self.stack.pop() else {
            return Err(GiveUp);
        };
        let value = match frame.kind {
            Kind::Map { entries, key: None } if !has_duplicates(&entries) => Value::Map(entries),
            Kind::Seq(items) => Value::Seq(items),
            Kind::Map { .. } => return Err(GiveUp),
        };
        let node = Node {
            span: Span::new(frame.start, end),
            value,
        };
        self.attach(node)
    }

    /// Gives a finished value to the innermost open collection.
    fn attach(&mut self, node: Node) -> Read<()> {
        match self.stack.last_mut().map(|f| &mut f.kind) {
            Some(Kind::Seq(items)) => {
                if items.len() >= self.limits.max_items {
                    return Err(GiveUp);
                }
                items.push(node);
            }
            Some(Kind::Map { entries, key }) => {
                let Some((name, key_span)) = key.take() else {
                    return Err(GiveUp);
                };
                entries.push(Entry {
                    key: name,
                    key_span,
                    value: node,
                });
            }
            None => return Err(GiveUp),
        }
        Ok(())
    }

    /// Whether `- ` (or a `-` ending the line) starts a list item at `p`.
    fn is_item(&self, p: usize) -> bool {
        self.b[p] == b'-' && matches!(self.at(p + 1), None | Some(b' '))
    }

    /// A block mapping or list whose first entry starts at `p`.
    fn open_block(&mut self, p: usize, indent: usize) -> Read<()> {
        if self.stack.len() >= self.limits.max_depth.min(MAX_DEPTH) {
            return Err(GiveUp);
        }
        let start = self.pos(p);
        if self.is_item(p) {
            if self.stack.is_empty() {
                return Err(GiveUp);
            }
            self.stack.push(Frame {
                indent,
                start,
                kind: Kind::Seq(Vec::new()),
            });
            self.item_line(p)
        } else if self.key_end(p).is_some() {
            self.stack.push(Frame {
                indent,
                start,
                kind: Kind::Map {
                    // Room for the usual item's keys: growing by copying costs more.
                    entries: Vec::with_capacity(8),
                    key: None,
                },
            });
            self.key_line(p)
        } else {
            // A scalar on the line after its key, or a document that is not a mapping.
            Err(GiveUp)
        }
    }

    /// Where the plain ASCII key at `p` ends, when `p` starts `key:` followed by a
    /// blank or the end of the line.
    fn key_end(&self, p: usize) -> Option<usize> {
        if !self
            .at(p)
            .is_some_and(|x| x.is_ascii_alphanumeric() || x == b'_')
        {
            return None;
        }
        let rest = self.rest(p + 1);
        let i = p
            + 1
            + rest
                .iter()
                .position(|&x| !is_key_byte(x))
                .unwrap_or(rest.len());
        // YAML limits an implicit key to 1024 characters (key bytes are ASCII); a longer
        // one is the general reader's to refuse.
        (i - p <= MAX_KEY
            && self.at(i) == Some(b':')
            && matches!(self.at(i + 1), None | Some(b' ')))
        .then_some(i)
    }

    /// A key as text, refused when it would read as something else (`1:`, `true:`),
    /// is too long, or one entry too many. (Repeated keys are looked for once the
    /// mapping is complete.)
    fn key(&self, p: usize, end: usize, entries: &[Entry]) -> Read<String> {
        let name = &self.text[p..end];
        if name.len() > self.limits.max_scalar_bytes
            || entries.len() >= self.limits.max_items
            || !reads_as_text(name)
        {
            return Err(GiveUp);
        }
        Ok(name.to_string())
    }

    /// `key: value`, `key:` (value on the next lines), at `p` in the innermost mapping.
    fn key_line(&mut self, p: usize) -> Read<()> {
        let end = self.key_end(p).ok_or(GiveUp)?;
        let key_span = Span::new(self.pos(p), self.pos(end));
        let name = match self.stack.last() {
            Some(Frame {
                kind: Kind::Map { entries, key: None },
                ..
            }) => self.key(p, end, entries)?,
            _ => return Err(GiveUp),
        };
        let v = self.skip_spaces(end + 1);
        if let Some(Frame {
            kind: Kind::Map { key, .. },
            ..
        }) = self.stack.last_mut()
        {
            *key = Some((name, key_span));
        }
        if v == self.line_end || self.b[v] == b'#' {
            return Ok(());
        }
        let value = self.block_value(v)?;
        self.attach(value)
    }

    /// `- value` or `- key: value` at `p` in the innermost list.
    fn item_line(&mut self, p: usize) -> Read<()> {
        if !self.is_item(p) {
            return Err(GiveUp);
        }
        let v = self.skip_spaces(p + 1);
        if v == self.line_end || self.b[v] == b'#' || self.is_item(v) {
            // An empty item, or a list nested on its parent's line.
            return Err(GiveUp);
        }
        if self.key_end(v).is_some() {
            return self.open_block(v, v - self.line_start);
        }
        let value = self.block_value(v)?;
        self.attach(value)
    }

    /// The value that starts at `p` and must end the line.
    fn block_value(&mut self, p: usize) -> Read<Node> {
        let node = match self.b[p] {
            b'"' | b'\'' | b'[' | b'{' => {
                let (node, next) = self.closed_value(p, self.stack.len())?;
                if next != self.line_end {
                    return Err(GiveUp);
                }
                node
            }
            _ => self.plain_block(p)?,
        };
        Ok(node)
    }

    /// A plain scalar in block context: the rest of the line up to a comment.
    fn plain_block(&self, p: usize) -> Read<Node> {
        if !plain_may_start(self.b[p], self.at(p + 1)) || self.b[p..].starts_with(b"---") {
            return Err(GiveUp);
        }
        let mut end = self.line_end;
        let line = &self.b[..self.line_end];
        let mut i = p;
        while let Some(k) = find2(&line[i..], b':', b'#') {
            i += k;
            match line[i] {
                b':' if matches!(line.get(i + 1), None | Some(b' ')) => return Err(GiveUp),
                b'#' if line[i - 1] == b' ' => {
                    end = i;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        while end > p && self.b[end - 1] == b' ' {
            end -= 1;
        }
        self.plain(p, end)
    }

    fn plain(&self, p: usize, end: usize) -> Read<Node> {
        let raw = &self.text[p..end];
        if raw.len() > self.limits.max_scalar_bytes {
            return Err(GiveUp);
        }
        Ok(Node {
            span: Span::new(self.pos(p), self.pos(end)),
            value: resolve_plain(raw),
        })
    }

    /// A quoted scalar or flow collection at `p`, `depth` collections deep, and where
    /// what follows it starts: after its closing character come blanks and a comment,
    /// which saphyr-parser counts into its span.
    fn closed_value(&self, p: usize, depth: usize) -> Read<(Node, usize)> {
        let (value, close) = match self.b[p] {
            b'"' => self.double_quoted(p)?,
            b'\'' => self.single_quoted(p)?,
            b'[' => self.flow_seq(p, depth)?,
            b'{' => self.flow_map(p, depth)?,
            _ => return Err(GiveUp),
        };
        let after = self.skip_spaces(close);
        let next = if after > close && self.at(after) == Some(b'#') {
            self.line_end
        } else {
            after
        };
        let node = Node {
            span: Span::new(self.pos(p), self.pos(next)),
            value,
        };
        Ok((node, next))
    }

    /// `"..."` on one line, with the escapes JSON knows; returns the value and the
    /// index after the closing quote.
    fn double_quoted(&self, p: usize) -> Read<(Value, usize)> {
        let mut out = String::new();
        let mut run = p + 1;
        let mut i = p + 1;
        loop {
            i += self
                .rest(i)
                .iter()
                .position(|&x| x == b'"' || x == b'\\')
                .ok_or(GiveUp)?;
            if self.at(i) == Some(b'"') {
                break;
            }
            out.push_str(&self.text[run..i]);
            let (c, len) = self.escape(i + 1)?;
            out.push(c);
            i += 1 + len;
            run = i;
        }
        let out = if out.is_empty() {
            self.text[run..i].to_string()
        } else {
            out.push_str(&self.text[run..i]);
            out
        };
        if out.len() > self.limits.max_scalar_bytes {
            return Err(GiveUp);
        }
        Ok((Value::Str(out), i + 1))
    }

    /// The character an escape after `\` stands for, and how many bytes it takes.
    fn escape(&self, i: usize) -> Read<(char, usize)> {
        let simple = match self.at(i).ok_or(GiveUp)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'n' => '\n',
            b't' => '\t',
            b'r' => '\r',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'0' => '\0',
            b'x' => return self.hex(i + 1, 2),
            b'u' => return self.hex(i + 1, 4),
            _ => return Err(GiveUp),
        };
        Ok((simple, 1))
    }

    fn hex(&self, i: usize, digits: usize) -> Read<(char, usize)> {
        let end = i + digits;
        if end > self.line_end {
            return Err(GiveUp);
        }
        let hex = self.text.get(i..end).ok_or(GiveUp)?;
        if !hex.bytes().all(|x| x.is_ascii_hexdigit()) {
            return Err(GiveUp);
        }
        let code = u32::from_str_radix(hex, 16).map_err(|_| GiveUp)?;
        let c = char::from_u32(code).ok_or(GiveUp)?;
        Ok((c, 1 + digits))
    }

    /// `'...'` on one line, `''` standing for a quote.
    fn single_quoted(&self, p: usize) -> Read<(Value, usize)> {
        let mut out = String::new();
        let mut run = p + 1;
        let mut i = p + 1;
        loop {
            match self.at(i) {
                None => return Err(GiveUp),
                Some(b'\'') if self.at(i + 1) == Some(b'\'') => {
                    out.push_str(&self.text[run..=i]);
                    i += 2;
                    run = i;
                }
                Some(b'\'') => break,
                Some(_) => i += 1,
            }
        }
        out.push_str(&self.text[run..i]);
        if out.len() > self.limits.max_scalar_bytes {
            return Err(GiveUp);
        }
        Ok((Value::Str(out), i + 1))
    }

    /// `[a, "b", [c]]` on one line; returns the list and the index after `]`.
    fn flow_seq(&self, p: usize, depth: usize) -> Read<(Value, usize)> {
        if depth >= self.limits.max_depth.min(MAX_DEPTH) {
            return Err(GiveUp);
        }
        let mut items = Vec::new();
        let mut i = self.skip_spaces(p + 1);
        if self.at(i) == Some(b']') {
            return Ok((Value::Seq(items), i + 1));
        }
        loop {
            if items.len() >= self.limits.max_items {
                return Err(GiveUp);
            }
            let (item, next) = self.flow_item(i, depth + 1)?;
            items.push(item);
            i = self.skip_spaces(next);
            match self.at(i) {
                Some(b',') => i = self.skip_spaces(i + 1),
                Some(b']') => return Ok((Value::Seq(items), i + 1)),
                _ => return Err(GiveUp),
            }
        }
    }

    /// `{a: 1, b: [c]}` on one line; returns the mapping and the index after `}`.
    fn flow_map(&self, p: usize, depth: usize) -> Read<(Value, usize)> {
        if depth >= self.limits.max_depth.min(MAX_DEPTH) {
            return Err(GiveUp);
        }
        let mut entries = Vec::new();
        let mut i = self.skip_spaces(p + 1);
        if self.at(i) == Some(b'}') {
            return Ok((Value::Map(entries), i + 1));
        }
        loop {
            let end = self.key_end(i).ok_or(GiveUp)?;
            if self.at(end + 1) != Some(b' ') {
                return Err(GiveUp);
            }
            let key = self.key(i, end, &entries)?;
            let key_span = Span::new(self.pos(i), self.pos(end));
            let (value, next) = self.flow_item(self.skip_spaces(end + 1), depth + 1)?;
            entries.push(Entry {
                key,
                key_span,
                value,
            });
            i = self.skip_spaces(next);
            match self.at(i) {
                Some(b',') => i = self.skip_spaces(i + 1),
                Some(b'}') if !has_duplicates(&entries) => {
                    return Ok((Value::Map(entries), i + 1));
                }
                _ => return Err(GiveUp),
            }
        }
    }

    /// One value inside a flow collection, and where what follows it starts.
    fn flow_item(&self, p: usize, depth: usize) -> Read<(Node, usize)> {
        match self.at(p) {
            Some(b'"' | b'\'' | b'[' | b'{') => self.closed_value(p, depth),
            Some(first) if plain_may_start(first, self.at(p + 1)) => {
                let mut end = p;
                while let Some(x) = self.at(end) {
                    match x {
                        b',' | b']' | b'}' => break,
                        b':' | b'#' | b'[' | b'{' => return Err(GiveUp),
                        // saphyr-parser refuses `[p -]`: a `-` before a flow indicator.
                        b'-' if !plain_may_start(b'-', self.at(end + 1)) => return Err(GiveUp),
                        _ => end += 1,
                    }
                }
                while end > p && self.b[end - 1] == b' ' {
                    end -= 1;
                }
                Ok((self.plain(p, end)?, end))
            }
            _ => Err(GiveUp),
        }
    }
}

/// Whether two entries share a key, which the general reader reports. Pairwise for the
/// usual few keys, sorted for many, so a hostile mapping of 10,000 keys stays cheap.
fn has_duplicates(entries: &[Entry]) -> bool {
    if entries.len() <= 16 {
        // Length and first byte tell most keys apart without comparing them whole.
        let quick = |k: &str| (k.len(), k.as_bytes().first().copied());
        return entries.iter().enumerate().any(|(i, e)| {
            let q = quick(&e.key);
            entries[..i]
                .iter()
                .any(|f| quick(&f.key) == q && f.key == e.key)
        });
    }
    let mut keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
    keys.sort_unstable();
    keys.windows(2).any(|w| w[0] == w[1])
}

/// Where the line that starts at `from` ends: its `\n`, or the end of the text. Eight
/// bytes at a time, since most of the reader's time goes to finding lines.
fn line_end(b: &[u8], from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (ONES * u64::from(b'\n'));
        let found = x.wrapping_sub(ONES) & !x & HIGH;
        if found != 0 {
            return i + (found.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    b[i.min(b.len())..]
        .iter()
        .position(|&x| x == b'\n')
        .map_or(b.len(), |k| i + k)
}

/// Where `a` or `b` first occurs in `hay`: eight bytes at a time, as [`line_end`] does,
/// since every plain value is scanned for a `: ` or ` #` that would end it.
fn find2(hay: &[u8], a: u8, b: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut i = 0;
    while let Some(chunk) = hay.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // The lowest flagged byte is exact (a borrow only flags bytes above a match).
        let found = zero(w ^ (ONES * u64::from(a))) | zero(w ^ (ONES * u64::from(b)));
        if found != 0 {
            return Some(i + (found.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    hay.get(i..)?
        .iter()
        .position(|&x| x == a || x == b)
        .map(|k| i + k)
}

/// Whether a plain key reads as text, as a key must, and not as null, a boolean or a
/// number; without building the value, for the usual key that starts with a letter.
fn reads_as_text(key: &str) -> bool {
    match key.as_bytes().first() {
        // A word is text but for the core schema's null and booleans (`name`, `target`
        // and `frustrations` are not numbers).
        Some(b'a'..=b'z' | b'A'..=b'Z' | b'_') => !matches!(
            key,
            "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
        ),
        _ => matches!(resolve_plain(key), Value::Str(_)),
    }
}

/// Whether a plain scalar may start with `first` (followed by `next`) without any doubt:
/// no indicator, and `-` only before a character that makes it text (`-1`, `-x`).
fn plain_may_start(first: u8, next: Option<u8>) -> bool {
    match first {
        b'-' => next.is_some_and(|n| !matches!(n, b' ' | b',' | b'[' | b']' | b'{' | b'}')),
        b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!' | b'|'
        | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' | b' ' => false,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::yaml::parse_general;
    use proptest::prelude::*;

    /// When the fast reader accepts `text`, the general one reads the same tree from it,
    /// spans and all, and finds nothing. Returns whether the fast reader accepted.
    fn same(text: &str, limits: &Limits) -> bool {
        let Some(fast) = read(text, limits) else {
            return false;
        };
        let general = parse_general(text, limits);
        assert!(
            general.diagnostics.is_empty(),
            "{text:?}: the general reader finds {:?}",
            general.diagnostics
        );
        // Debug text, so that NaN equals NaN.
        assert_eq!(
            format!("{:?}", general.root),
            format!("{:?}", Some(fast)),
            "{text:?}"
        );
        true
    }

    const EXAMPLES: &[&str] = &[
        include_str!("../../examples/grocery-current.yaml"),
        include_str!("../../examples/grocery-future.yaml"),
        include_str!("../../examples/bank-onboarding-ru.yaml"),
        include_str!("../../examples/clinic-blueprint.yaml"),
        include_str!("../../examples/tea-order-zh.yaml"),
    ];

    /// Found by the `same_tree` fuzz target after 2.8 M runs: YAML limits an implicit
    /// key to 1024 characters, so a longer one is left to the general reader, which
    /// refuses it.
    #[test]
    fn a_key_longer_than_yaml_allows_goes_to_the_general_reader() {
        let unlimited = Limits {
            max_scalar_bytes: usize::MAX,
            ..Limits::default()
        };
        let long = format!("cjm: 1\n{}: x\n", "9".repeat(1053) + "title");
        assert!(read(&long, &unlimited).is_none());
        assert!(!parse_general(&long, &unlimited).diagnostics.is_empty());
        let short = format!("cjm: 1\n{}: x\n", "k".repeat(MAX_KEY));
        assert!(same(&short, &unlimited));
    }

    #[test]
    fn the_examples_take_the_fast_path_and_read_the_same() {
        for text in EXAMPLES {
            assert!(same(text, &Limits::default()), "{text}");
            let crlf = text.replace('\n', "\r\n");
            assert!(same(&crlf, &Limits::default()), "{crlf}");
        }
        let today = crate::date::Date::parse("2026-11-23").expect("a date");
        for kind in [
            crate::model::MapType::CurrentState,
            crate::model::MapType::FutureState,
            crate::model::MapType::ServiceBlueprint,
        ] {
            let starter = crate::init::starter(&crate::init::Starter {
                kind,
                today,
                schema: "journey-map.schema.json",
                baseline: Some("starter"),
            });
            assert!(same(&starter, &Limits::default()), "{starter}");
        }
        let imported =
            crate::import::parse(include_str!("../../tests/fixtures/import/everything.md"))
                .expect("the fixture imports");
        let text = crate::import::to_yaml(&imported.journey, "Everything", "current-state");
        assert!(same(&text, &Limits::default()), "{text}");
    }

    #[test]
    fn the_usual_shapes_read_the_same() {
        for text in [
            "a: 1\nb:\n  - x\n  - y: 2\n    z: [1, \"q\", {k: v}]\nc:\n  d: e   # c\n",
            "a: \"x y\"  # c\nb: 'it''s'\nc: x y z  \nd:\ne: [ \"a\" , b ,c ]  # n\n",
            "a: []\nb: {}\nc: [ ]\nd: -1\ne: -x\nf: x#y\ng: 1.5\nh: ~\ni: null\nj: 0x1F\n",
            "# head\n\na:\n  - b: 1\n    c:\n\n  # between\n  - d\n# tail\n\n",
            "a: 1",
            "a: 1\n# c",
            "a:\n  b: 1\n  c:",
            "a: \"\\u00e9\\n\\t\\\\\\\"\\/\\x41\"\nb: ''\nc: \"\"\n",
            "имя: x\n",
            "a: Ввод данных # к\nb: [日本, \"語\"]\nc: {k: é}\n",
            "a: 2026-10-01\nb: 1e3\nc: .inf\nd: 123456789012345678901234567890\n",
            "a: [[1, [2]], {b: [c]}]\n",
            "a: 1\r\nb:\r\n  - \"x\"  \r\n  - [y] # c\r\nc:\r\n  d: e\r\n\r\n",
            "a: 1\r\n# c\r\n",
            "a:\n  b: 1 # c",
            "a:\n  b: \"x\"  # c",
            "a:\n  - [x]  ",
            "a:\n  b:",
        ] {
            same(text, &Limits::default());
        }
    }

    #[test]
    fn anything_doubtful_is_left_to_the_general_reader() {
        for text in [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "? a\n: b\n",
            "a: |\n  x\n",
            "a: >\n  x\n",
            "a: x\n  y\n",
            "a:\n  x\n",
            "a: 'x\n  y'\n",
            "---\na: 1\n",
            "a: 1\n...\n",
            "%YAML 1.2\n---\na: 1\n",
            "a:\tb\n",
            "a: b\rc\n",
            "a: b\r",
            "a: 1\nb: 2\na: 3\n",
            "a:\n- x\n",
            "a:\n  -\n  - x\n",
            "a:\n  - - x\n",
            "  a: 1\n",
            "a:\n    b: 1\n  c: 2\n",
            "- a\n",
            "just text\n",
            "",
            "# only a comment\n",
            "1: a\n",
            "true: a\n",
            "a b: c\n",
            "a: b: c\n",
            "a: [b, ]\n",
            "a: [b\n",
            "a: {b}\n",
            "a: [http://x]\n",
            "a: [p -]\n",
            "a: [p -, q]\n",
            "a: \"x\"#c\n",
            "a: \"\\q\"\n",
            "a: \"x\" y\n",
            "a: \u{feff}x\n",
            "a: x\u{86}\n",
            "a: 1\n ",
            "a:\n  b: 1\n#",
            "a:\n  b: 1\n  # c",
            "\"a\": 1\n",
        ] {
            assert!(read(text, &Limits::default()).is_none(), "{text:?}");
        }
    }

    #[test]
    fn limits_are_left_to_the_general_reader() {
        let tight = Limits {
            max_depth: 2,
            max_items: 2,
            max_scalar_bytes: 4,
            ..Limits::default()
        };
        for text in [
            "a:\n  b:\n    c: 1\n",
            "a: [[1]]\n",
            "a: 1\nb: 2\nc: 3\n",
            "a: [1, 2, 3]\n",
            "a: 12345\n",
            "a: \"12345\"\n",
            "abcde: 1\n",
        ] {
            assert!(read(text, &tight).is_none(), "{text:?}");
        }
        assert!(same("a: [1, 2]\nb: abcd\n", &tight));
    }

    #[test]
    fn repeated_keys_are_found_in_small_and_large_mappings() {
        let many: String = (0..40).map(|i| format!("k{i}: v\n")).collect();
        assert!(same(&many, &Limits::default()));
        for text in [
            format!("{many}k7: again\n"),
            format!("a:\n  {}  k3: again\nb: 1\n", many.replace('\n', "\n  ")),
            "a: {x: 1, y: 2, x: 3}\n".to_string(),
            "a:\n  - b: 1\n    b: 2\n".to_string(),
        ] {
            assert!(read(&text, &Limits::default()).is_none(), "{text}");
        }
    }

    #[test]
    fn lines_end_where_the_byte_loop_says() {
        let text = "a: 1\nbb: twelve bytes\n\n\nc: a line longer than sixteen bytes\nlast";
        let b = text.as_bytes();
        for from in 0..=b.len() {
            let slow = b[from..]
                .iter()
                .position(|&x| x == b'\n')
                .map_or(b.len(), |i| from + i);
            assert_eq!(line_end(b, from), slow, "{from}");
        }
    }

    #[test]
    fn two_bytes_are_found_where_the_byte_loop_finds_them() {
        let text = "a: b#c d:e é日本:f # g: h  ####::: and a tail longer than eight:#".as_bytes();
        for from in 0..=text.len() {
            for to in from..=text.len() {
                let hay = &text[from..to];
                let slow = hay.iter().position(|&x| x == b':' || x == b'#');
                assert_eq!(find2(hay, b':', b'#'), slow, "{from}..{to}");
            }
        }
    }

    #[test]
    fn keys_read_as_text_exactly_when_the_core_schema_says() {
        for key in [
            "id", "name", "Null", "null", "true", "True", "false", "f", "n", "t", "x1", "_a",
        ] {
            assert_eq!(
                reads_as_text(key),
                matches!(resolve_plain(key), Value::Str(_)),
                "{key}"
            );
        }
    }

    /// A line of a map as people write them, with the odd mistake.
    fn line() -> impl Strategy<Value = String> {
        let indent = prop::sample::select(vec!["", "  ", "    ", "      ", " ", "   "]);
        let key = prop::sample::select(vec!["id", "name", "a", "b-c", "x_1", "ok", "1", "null"]);
        let value = prop::sample::select(vec![
            "",
            " x",
            " 1",
            " -2",
            " 0.5",
            " ~",
            " true",
            " 'q'",
            " \"q\"",
            " [a, b]",
            " []",
            " {k: v}",
            " x # c",
            " \"a\\nb\"",
            " é",
            " 日本",
            " 'it''s'",
            " a: b",
            " [a",
            " &a x",
            " |",
            " -",
            " 1e3",
            " x  ",
            " \"x\"  # c",
            " [\"a\" , 'b']",
            " {k: [1, {m: n}]}",
        ]);
        let shape = prop::sample::select(vec!["key", "item", "item-key", "comment", "blank"]);
        (indent, key, value, shape).prop_map(|(indent, key, value, shape)| match shape {
            "key" => format!("{indent}{key}:{value}\n"),
            "item" => format!("{indent}-{value}\n"),
            "item-key" => format!("{indent}- {key}:{value}\n"),
            "comment" => format!("{indent}# note\n"),
            _ => "\n".to_string(),
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn generated_maps_read_the_same(lines in prop::collection::vec(line(), 1..14)) {
            let text = format!("cjm: 1\n{}", lines.concat());
            same(&text, &Limits::default());
        }

        #[test]
        fn mutated_examples_read_the_same(
            which in 0..EXAMPLES.len(),
            edits in prop::collection::vec((any::<prop::sample::Index>(), prop::sample::select(vec![
                "", " ", "\n", "- ", ":", ": ", " #", "'", "\"", "\\", "[", "]", "{", "}", ",",
                "&a ", "!!str ", "? ", "|", "---\n", "~", "1", "-", "\t", "é", "  ", "x: y\n",
            ]), 0..4usize), 1..4),
        ) {
            let mut text = EXAMPLES[which].to_string();
            for (at, piece, cut) in edits {
                let mut i = at.index(text.len() + 1);
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                let mut j = (i + cut).min(text.len());
                while !text.is_char_boundary(j) {
                    j += 1;
                }
                text.replace_range(i..j, piece);
            }
            same(&text, &Limits::default());
        }
    }
}
