//! YAML syntax errors in plain words, located where the fix is.
//!
//! `saphyr-parser` reports what its scanner expected ("mapping values are not allowed in
//! this context"), at the place it noticed, which is often the line before the mistake.
//! Here the error is read again against the source text and the blocks open when it was
//! met: a key indented unlike its siblings, a key at the level of the list's `-`, a tab,
//! text after a closing quote, `: ` inside a plain value. Anything else keeps the
//! parser's words. Only the error path runs this.

use saphyr_parser::ScanError;

use crate::diag::{Diagnostic, Pos, Span};

/// A block mapping or list open (or just closed) where the error was met, outermost first.
#[derive(Debug)]
pub struct Block {
    /// 1-based column of its keys, or of its `-`.
    pub col: u32,
    pub list: bool,
    /// The key this block is the value of; for a list item, the list's key.
    pub owner: Owner,
    /// Its first key (a mapping) or nothing.
    pub first_key: Option<String>,
}

#[derive(Debug)]
pub enum Owner {
    Root,
    Key(String),
    ItemOf(String),
}

impl Block {
    /// "this stage", "`empathy`", "the map": how a message names this block.
    fn name(&self) -> String {
        match &self.owner {
            Owner::Root => "the map".to_string(),
            Owner::Key(k) => format!("`{k}`"),
            Owner::ItemOf(k) => format!("this {}", singular(k)),
        }
    }
}

/// The name of one entry of a list, from the list's key: `stages` → `stage`.
fn singular(key: &str) -> String {
    let word = key.replace('_', " ");
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix('s') {
        stem.to_string()
    } else {
        format!("entry of `{key}`")
    }
}

/// A plain-words diagnostic for `err`, or `None` to keep the parser's own words.
pub fn explain(text: &str, err: &ScanError, blocks: &[Block]) -> Option<Diagnostic> {
    let info = err.info();
    let m = err.marker();
    let at = Pos {
        line: u32::try_from(m.line()).unwrap_or(u32::MAX),
        col: u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
    };
    if let Some(d) = bad_tab(text, at, info) {
        return Some(d);
    }
    if info.contains("trailing content after") {
        return text_after_quote(text, at);
    }
    if info.contains("quoted scalar")
        && (info.contains("end of stream") || info.contains("invalid indentation"))
    {
        return unclosed_quote(text, at);
    }
    if info.contains("mapping values are not allowed") {
        return colon_in_value(text, at).or_else(|| misindented(text, at, blocks));
    }
    if info.contains("did not find expected") || info.contains("invalid indentation") {
        return misindented(text, at, blocks);
    }
    None
}

fn line_of(text: &str, line: u32) -> &str {
    let l = text
        .split('\n')
        .nth((line as usize).saturating_sub(1))
        .unwrap_or("");
    l.strip_suffix('\r').unwrap_or(l)
}

fn pos(line: u32, index: usize) -> Pos {
    Pos {
        line,
        col: index as u32 + 1,
    }
}

/// A tab where YAML wants spaces: in the indentation of the error's line or of the
/// lines after it (the parser often stops at the value before the tab).
fn bad_tab(text: &str, at: Pos, info: &str) -> Option<Diagnostic> {
    let about_tabs = info.contains("tab");
    let lines = text.split('\n').skip((at.line as usize).saturating_sub(1));
    for (i, line) in lines.take(if about_tabs { 50 } else { 2 }).enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let indent: String = line
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        let content = &line[indent.len()..];
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if let Some(tab) = indent.chars().position(|c| c == '\t') {
            let number = at.line + i as u32;
            return Some(
                Diagnostic::error(
                    "yaml-tab",
                    Span::point(pos(number, tab)),
                    "a tab in the indentation: YAML indents with spaces only",
                )
                .with_help("replace the tab with spaces, lining the line up with its siblings"),
            );
        }
        if !about_tabs {
            break;
        }
    }
    if about_tabs {
        // A tab within the line, such as `-\t- item`.
        let line = line_of(text, at.line);
        if let Some(tab) = line.chars().position(|c| c == '\t') {
            return Some(
                Diagnostic::error(
                    "yaml-tab",
                    Span::point(pos(at.line, tab)),
                    "a tab where YAML needs spaces",
                )
                .with_help("replace the tab with spaces"),
            );
        }
    }
    None
}

/// `title: "Checkout" flow`: the value ended at the closing quote.
fn text_after_quote(text: &str, at: Pos) -> Option<Diagnostic> {
    let line = line_of(text, at.line);
    let chars: Vec<char> = line.chars().collect();
    let end = (at.col as usize).saturating_sub(1).min(chars.len());
    let close = chars[..end].iter().rposition(|c| *c == '"' || *c == '\'')?;
    let q = chars[close];
    let open = value_starts(&chars)
        .into_iter()
        .rfind(|&i| i < close && chars[i] == q)?;
    let raw: String = chars[open..]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string();
    let key = key_before(&chars, open);
    let fixed = requote(&raw, q);
    let span = Span::new(pos(at.line, open), pos(at.line, open + raw.chars().count()));
    // `'Maya's list'`: a quote inside a word ended the value early.
    let blank = |c: &char| c.is_whitespace() || *c == q;
    let inside_word = close > open + 1
        && chars.get(close - 1).is_some_and(|c| !blank(c))
        && chars.get(close + 1).is_some_and(|c| !blank(c));
    let message = if inside_word {
        let from = chars[..close].iter().rposition(blank).map_or(0, |i| i + 1);
        let after = close + 1;
        let to = chars[after..]
            .iter()
            .position(blank)
            .map_or(chars.len(), |i| after + i);
        let word: String = chars[from..to].iter().collect();
        format!(
            "the {} in `{word}` ends this quoted value early",
            quote_name(q)
        )
    } else {
        format!("text follows the closing {} of this value", quote_name(q))
    };
    Some(
        Diagnostic::error("yaml-quote", span, message).with_help(format!(
            "quote the whole value: `{key}{fixed}`; a quote can only end a value"
        )),
    )
}

fn quote_name(q: char) -> &'static str {
    if q == '"' { "quote `\"`" } else { "quote `'`" }
}

/// The whole value, quoted: `'"Checkout" flow'`, or `"Maya's list"` for a value that
/// was meant to be quoted and holds its own quote (`'Maya's list'`).
fn requote(raw: &str, q: char) -> String {
    let meant_quoted = raw.len() >= 2 && raw.starts_with(q) && raw.ends_with(q);
    let inner = if meant_quoted {
        &raw[1..raw.len() - 1]
    } else {
        raw
    };
    if !inner.contains('\'') {
        format!("'{inner}'")
    } else if !inner.contains('"') && !inner.contains('\\') {
        format!("\"{inner}\"")
    } else {
        format!("'{}'", inner.replace('\'', "''"))
    }
}

/// Indices where a value may begin on a line: after the indentation, a `- `, or a `: `.
fn value_starts(chars: &[char]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut i = chars.iter().take_while(|c| **c == ' ').count();
    starts.push(i);
    while i < chars.len() {
        let next_blank = chars.get(i + 1).is_none_or(|c| *c == ' ' || *c == '\t');
        if (chars[i] == '-' || chars[i] == ':') && next_blank {
            let mut j = i + 1;
            while chars.get(j).is_some_and(|c| *c == ' ' || *c == '\t') {
                j += 1;
            }
            starts.push(j);
            i = j;
        } else {
            i += 1;
        }
    }
    starts
}

/// `title: ` when the value at `start` follows a key on its line, else nothing.
fn key_before(chars: &[char], start: usize) -> String {
    let before: String = chars[..start].iter().collect();
    let trimmed = before.trim_start().trim_start_matches("- ");
    if trimmed.trim_end().ends_with(':') {
        format!("{} ", trimmed.trim_end())
    } else {
        String::new()
    }
}

fn unclosed_quote(text: &str, at: Pos) -> Option<Diagnostic> {
    let line = line_of(text, at.line);
    let q = line.chars().nth((at.col as usize).saturating_sub(1))?;
    if q != '"' && q != '\'' {
        return None;
    }
    Some(
        Diagnostic::error(
            "yaml-quote",
            Span::point(at),
            format!("this value opens a {} that is never closed", quote_name(q)),
        )
        .with_help(format!(
            "end the value with `{q}`, or remove the opening one"
        )),
    )
}

/// `description: Note: this fails`: a `: ` inside a plain value on the key's line.
fn colon_in_value(text: &str, at: Pos) -> Option<Diagnostic> {
    let line = line_of(text, at.line);
    let chars: Vec<char> = line.chars().collect();
    let colon = (at.col as usize).checked_sub(1)?;
    if chars.get(colon) != Some(&':') {
        return None;
    }
    // The value begins after the last `: ` before this one; none means the colon
    // ends the line's first key, which is an indentation problem instead.
    let start = value_starts(&chars)
        .into_iter()
        .filter(|&i| i < colon && i > 0 && chars[i - 1] != '-')
        .find(|&i| chars[..i].iter().rev().find(|c| **c != ' ') == Some(&':'))?;
    let raw: String = chars[start..]
        .iter()
        .collect::<String>()
        .trim_end()
        .to_string();
    if raw.starts_with(['"', '\'', '[', '{', '&', '!', '|', '>']) {
        return None;
    }
    let key = key_before(&chars, start);
    let span = Span::new(
        pos(at.line, start),
        pos(at.line, start + raw.chars().count()),
    );
    Some(
        Diagnostic::error(
            "yaml-colon",
            span,
            "`: ` inside this value starts a new key, which YAML does not allow here",
        )
        .with_help(format!(
            "quote the whole value: `{key}{}`",
            requote(&raw, '"')
        )),
    )
}

/// A key or `-` item whose indentation matches none of the blocks around it.
fn misindented(text: &str, at: Pos, blocks: &[Block]) -> Option<Diagnostic> {
    let line = line_of(text, at.line);
    let indent = line.chars().take_while(|c| *c == ' ').count();
    let content = line[indent..].trim_end();
    if content.is_empty() || content.starts_with('#') {
        return None;
    }
    let item = content == "-" || content.starts_with("- ");
    let key = if item { None } else { Some(key_of(content)?) };
    let col = indent as u32 + 1;
    let spaces = |n: u32| {
        let n = n - 1;
        if n == 1 {
            "1 space".to_string()
        } else {
            format!("{n} spaces")
        }
    };
    let width = key.as_ref().map_or(1, |k| k.chars().count());
    let span = Span::new(pos(at.line, indent), pos(at.line, indent + width));
    // The mapping or list this line most likely belongs to: the nearest in indentation,
    // the deeper of two equally near.
    let nearest = |list: bool| {
        blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.list == list)
            .min_by_key(|(i, b)| (b.col.abs_diff(col), usize::MAX - i))
    };
    match key {
        Some(key) => {
            // A key at the column of a list's `-`, right after an entry that is a mapping.
            if let Some(i) = blocks.iter().position(|b| b.list && b.col == col)
                && let Some(entry) = blocks.get(i + 1).filter(|b| !b.list && b.col > col)
            {
                let like = entry
                    .first_key
                    .as_ref()
                    .map(|k| format!(", like `{k}`"))
                    .unwrap_or_default();
                return Some(
                    Diagnostic::error(
                        "yaml-indent",
                        span,
                        format!(
                            "`{key}` is indented {}, level with the `-` of each entry; the keys of {} are at {}{like}",
                            spaces(col),
                            entry.name(),
                            entry.col - 1,
                        ),
                    )
                    .with_help(format!(
                        "indent `{key}` by {} to keep it in {}, or start a new entry with `- `",
                        spaces(entry.col),
                        entry.name()
                    )),
                );
            }
            let (_, block) = nearest(false)?;
            if block.col == col {
                return None;
            }
            let others = if block.col == 1 {
                "the other top-level keys are not indented".to_string()
            } else {
                format!(
                    "the other keys of {} are at {}",
                    block.name(),
                    block.col - 1
                )
            };
            Some(
                Diagnostic::error(
                    "yaml-indent",
                    span,
                    format!("`{key}` is indented {}; {others}", spaces(col)),
                )
                .with_help(format!(
                    "line `{key}` up with the keys beside it; YAML reads nesting from indentation"
                )),
            )
        }
        None => {
            let (_, block) = nearest(true)?;
            if block.col == col {
                return None;
            }
            let of = match &block.owner {
                Owner::Key(k) => format!("`{k}`"),
                _ => "this list".to_string(),
            };
            Some(
                Diagnostic::error(
                    "yaml-indent",
                    span,
                    format!(
                        "this `-` entry is indented {}; the other entries of {of} are at {}",
                        spaces(col),
                        block.col - 1
                    ),
                )
                .with_help("line the `-` up with the entries above it"),
            )
        }
    }
}

/// The key that starts `content` (`emotion: 1` → `emotion`), if it looks like one.
fn key_of(content: &str) -> Option<String> {
    let colon = content
        .char_indices()
        .find(|&(i, c)| {
            c == ':'
                && content[i + 1..]
                    .chars()
                    .next()
                    .is_none_or(|n| n == ' ' || n == '\t')
        })?
        .0;
    let key = content[..colon].trim();
    let key = key.trim_matches(|c| c == '"' || c == '\'');
    (!key.is_empty()).then(|| key.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requoting_keeps_what_was_meant() {
        assert_eq!(requote("\"Checkout\" flow", '"'), "'\"Checkout\" flow'");
        assert_eq!(requote("'Maya's list'", '\''), "\"Maya's list\"");
        assert_eq!(requote("Note: it's \"x\"", '"'), "'Note: it''s \"x\"'");
    }

    proptest::proptest! {
        /// Misindented, tabbed, badly quoted maps: every explanation points inside the
        /// file, at a real column of a real line.
        #[test]
        fn explanations_point_into_the_file(
            lines in proptest::collection::vec(
                (
                    "[ \t]{0,6}",
                    proptest::sample::select(vec![
                        "name: A", "- name: B", "emotion: 1", "- x", "title: \"a\" b",
                        "t: 'it's'", "d: a: b", "k:", "k:\t", "- ", "'open", "[a,", "x\t# c",
                    ]),
                ),
                1..8,
            )
        ) {
            let text: String = lines.iter().map(|(i, l)| format!("{i}{l}\n")).collect();
            let parsed = crate::read::parse(&text, &crate::read::Limits::default());
            for d in parsed.diagnostics {
                let line = line_of(&text, d.span.start.line);
                proptest::prop_assert!(d.span.start.line >= 1, "{d:?}");
                proptest::prop_assert!(d.span.start.line as usize <= lines.len() + 1, "{d:?}");
                proptest::prop_assert!(d.span.start.col as usize <= line.chars().count() + 1, "{text:?} {d:?}");
            }
        }
    }

    #[test]
    fn list_keys_name_their_entries() {
        assert_eq!(singular("stages"), "stage");
        assert_eq!(singular("pain_points"), "pain point");
        assert_eq!(singular("opportunities"), "opportunity");
        assert_eq!(singular("research"), "entry of `research`");
    }
}
