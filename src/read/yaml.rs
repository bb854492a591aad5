//! A YAML reader that builds only what cjm needs: a tree of mappings, lists and scalars,
//! each with its span, straight from the span-carrying events of `saphyr-parser`.
//!
//! It refuses what a journey map never needs and an attacker might use: aliases,
//! custom tags, keys that are not plain text, several documents, deep nesting.

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};

use super::number::{BigNumber, literal_is_integer};
use super::source::Limits;
use super::syntax::{self, Block, Owner};
use super::tabs::TabSeparated;
use crate::diag::{Diagnostic, Pos, Span};

/// A value in the tree, with where it stands in the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub span: Span,
    pub value: Value,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// A number `i64`/`f64` cannot hold as written (see [`BigNumber`]).
    Big(Box<BigNumber>),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

/// One `key: value` pair of a mapping, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    /// The value under `key`, when this is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()?
            .iter()
            .find(|e| e.key == key)
            .map(|e| &e.value)
    }

    /// [`Node::get`], to change the value in place.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match &mut self.value {
            Value::Map(entries) => entries
                .iter_mut()
                .find(|e| e.key == key)
                .map(|e| &mut e.value),
            _ => None,
        }
    }

    /// [`Node::items`], to change them in place.
    pub fn items_mut(&mut self) -> &mut [Node] {
        match &mut self.value {
            Value::Seq(items) => items,
            _ => &mut [],
        }
    }

    pub fn entries(&self) -> Option<&[Entry]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(items) => items,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Int(i) => Some(i as f64),
            Value::Float(f) => Some(f),
            Value::Big(ref n) => Some(n.to_f64()),
            _ => None,
        }
    }

    /// How a user would name this kind of value in a sentence.
    pub fn kind_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing",
            Value::Bool(_) => "true/false",
            Value::Int(_) => "a whole number",
            Value::Float(_) => "a number",
            Value::Big(ref n) if n.is_integer() => "a whole number",
            Value::Big(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// The tree as JSON, for schema validators and tests.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Big(n) => n.to_json(),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|e| (e.key.clone(), e.value.to_json()))
                    .collect(),
            ),
        }
    }
}

fn pos(m: &Marker) -> Pos {
    Pos {
        line: u32::try_from(m.line()).unwrap_or(u32::MAX),
        col: u32::try_from(m.col() + 1).unwrap_or(u32::MAX),
    }
}

fn span(s: &saphyr_parser::Span) -> Span {
    Span::new(pos(&s.start), pos(&s.end))
}

enum Frame {
    Seq {
        start: Pos,
        items: Vec<Node>,
    },
    Map {
        start: Pos,
        entries: Vec<Entry>,
        key: Option<(String, Span)>,
    },
}

/// The result of reading one file: the tree when there is one, and every problem met.
///
/// Duplicate keys do not stop reading (the first value is kept), so they come back
/// together with a tree; syntax errors do.
#[derive(Debug)]
pub struct Parsed {
    pub root: Option<Node>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads one YAML document whose top level is a mapping.
///
/// Maps written in the usual subset of YAML take the fast reader ([`super::fast`]);
/// everything else, and every file with a finding, takes the general one, so messages
/// and positions do not depend on which reader ran.
pub fn parse(text: &str, limits: &Limits) -> Parsed {
    if let Some(root) = super::fast::read(text, limits) {
        return Parsed {
            root: Some(root),
            diagnostics: Vec::new(),
        };
    }
    parse_general(text, limits)
}

/// Reads one YAML document with the general reader over `saphyr-parser` events, the
/// reference the fast reader is compared with.
#[cold]
#[inline(never)]
pub fn parse_general(text: &str, limits: &Limits) -> Parsed {
    let mut diagnostics = Vec::new();
    // Files with tabs or control characters take slower checks; most have neither.
    let (tabs, controls) = scan(text.as_bytes());
    let tabs = tabs.then(|| line_starts(text));
    let mut result = if controls && let Some(d) = control_characters(text, None) {
        Err(Stop::Error(d))
    } else {
        let parser = Parser::new_from_str(text);
        build(
            parser,
            text,
            limits,
            &mut diagnostics,
            tabs.as_deref(),
            controls,
        )
    };
    if let Err(Stop::TabAfterColon) = result {
        diagnostics.clear();
        result = build_tab_separated(text, limits, &mut diagnostics, tabs.as_deref(), controls);
    }
    let root = match result {
        Ok(root) => root,
        Err(Stop::Error(d)) => {
            diagnostics.push(d);
            None
        }
        Err(Stop::TabAfterColon) => None,
    };
    Parsed { root, diagnostics }
}

/// Reads again, letting a tab after `:` separate (see `tabs.rs`). Only files with
/// `key:\tvalue` pay for this; the common path keeps saphyr's own input.
#[cold]
#[inline(never)]
fn build_tab_separated(
    text: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
    tabs: Option<&[usize]>,
    controls: bool,
) -> Result<Option<Node>, Stop> {
    let parser = Parser::new(TabSeparated::new(text));
    build(parser, text, limits, diagnostics, tabs, controls)
}

/// Why building stopped: a finding, or a tab after `:` that saphyr-parser refuses.
enum Stop {
    Error(Diagnostic),
    TabAfterColon,
}

fn fail<T>(d: Diagnostic) -> Result<T, Stop> {
    Err(Stop::Error(d))
}

impl From<Diagnostic> for Stop {
    fn from(d: Diagnostic) -> Self {
        Stop::Error(d)
    }
}

/// Whether the bytes hold a tab, and whether they may hold a forbidden control
/// character (see [`has_controls`]), in one pass the compiler can vectorise.
fn scan(b: &[u8]) -> (bool, bool) {
    let (mut tabs, mut maybe) = (false, false);
    for &x in b {
        tabs |= x == b'\t';
        maybe |= (x < 0x20 && x != b'\t' && x != b'\n' && x != b'\r')
            | (x == 0x7F)
            | (x == 0xC2)
            | (x == 0xEF);
    }
    (tabs, maybe && has_controls(b))
}

fn build<'a, I: saphyr_parser::Input>(
    parser: Parser<'a, I>,
    text: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
    tabs: Option<&[usize]>,
    controls: bool,
) -> Result<Option<Node>, Stop> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;
    let mut quoted: Vec<Span> = Vec::new();
    // The stack depth of the outermost open flow collection (`[`, `{`), if any.
    let mut flow_from: Option<usize> = None;

    for event in parser {
        let (event, sp) = match event {
            Ok(ok) => ok,
            Err(err) if tabs.is_some() && err.info() == TAB_AFTER_COLON => {
                return Err(Stop::TabAfterColon);
            }
            Err(err) => return fail(syntax_error(text, &err, &stack)),
        };
        let sp = span(&sp);
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {
                continue;
            }
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return fail(
                        Diagnostic::error(
                            "multiple-documents",
                            sp,
                            "this file holds more than one YAML document",
                        )
                        .with_help("keep one map per file; split the documents at each `---`"),
                    );
                }
                continue;
            }
            Event::Alias(_) => {
                return fail(
                    Diagnostic::error(
                        "yaml-alias",
                        sp,
                        "YAML aliases (`*name`) are not supported in journey maps",
                    )
                    .with_help("write the value out in full where the alias stands"),
                );
            }
            Event::Scalar(value, style, _anchor, tag) => {
                if value.len() > limits.max_scalar_bytes {
                    return fail(value_too_long(sp, value.len(), limits));
                }
                if controls
                    && matches!(style, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted)
                {
                    quoted.push(sp);
                }
                let value = match tag {
                    None => resolve(value, style),
                    Some(tag) => tagged(value, &tag.handle, &tag.suffix, sp)?,
                };
                Node { span: sp, value }
            }
            Event::SequenceStart(_, Some(ref tag)) | Event::MappingStart(_, Some(ref tag))
                if !collection_tag_fits(&tag.handle, &tag.suffix, &event) =>
            {
                return fail(
                    Diagnostic::error(
                        "yaml-tag",
                        sp,
                        format!(
                            "YAML tag `{}` is not supported here",
                            written_tag(&tag.handle, &tag.suffix)
                        ),
                    )
                    .with_help("remove the tag"),
                );
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if let Some(Frame::Map { key: None, .. }) = stack.last() {
                    return fail(Diagnostic::error(
                        "complex-key",
                        sp,
                        "a key must be plain text, not a list or mapping",
                    ));
                }
                if stack.len() >= limits.max_depth {
                    return fail(
                        Diagnostic::error(
                            "too-deep",
                            sp,
                            format!("the file nests more than {} levels deep", limits.max_depth),
                        )
                        .with_help("a journey map needs about six levels; flatten the structure"),
                    );
                }
                if let Some(starts) = tabs {
                    if flow_from.is_none() && sp.start == sp.end {
                        if let Some(tab) = tab_before(text, starts, sp.start) {
                            return fail(tab_before_collection(tab, &event));
                        }
                    } else if flow_from.is_none() {
                        flow_from = Some(stack.len());
                    }
                }
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Frame::Map {
                        start: sp.start,
                        entries: Vec::new(),
                        key: None,
                    }
                } else {
                    Frame::Seq {
                        start: sp.start,
                        items: Vec::new(),
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let frame = stack.pop();
                if flow_from == Some(stack.len()) {
                    flow_from = None;
                }
                match frame {
                    Some(Frame::Seq { start, items }) => Node {
                        span: Span::new(start, sp.end),
                        value: Value::Seq(items),
                    },
                    Some(Frame::Map { start, entries, .. }) => Node {
                        span: Span::new(start, sp.end),
                        value: Value::Map(entries),
                    },
                    None => continue,
                }
            }
        };
        let full = match stack.last() {
            Some(Frame::Seq { items, .. }) => items.len() >= limits.max_items,
            Some(Frame::Map { entries, key, .. }) => {
                key.is_none() && entries.len() >= limits.max_items
            }
            None => false,
        };
        if full {
            return fail(too_many_items(node.span, limits));
        }
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { entries, key, .. }) => match key.take() {
                None => {
                    let name = match node.value {
                        Value::Str(s) => s,
                        Value::Null => String::new(),
                        _ => scalar_text(text, &node),
                    };
                    *key = Some((name, node.span));
                }
                Some((name, key_span)) => {
                    if let Some(first) = entries.iter().find(|e| e.key == name) {
                        diagnostics.push(
                            Diagnostic::error(
                                "duplicate-key",
                                key_span,
                                format!("the key `{name}` appears twice in this mapping"),
                            )
                            .with_help("remove one of them; the first value is the one read")
                            .with_note(first.key_span, "first defined here"),
                        );
                    } else {
                        entries.push(Entry {
                            key: name,
                            key_span,
                            value: node,
                        });
                    }
                }
            },
        }
    }

    if controls && let Some(d) = control_characters(text, Some(&quoted)) {
        return fail(d);
    }
    let Some(root) = root else {
        return fail(
            Diagnostic::error(
                "empty-file",
                Span::point(Pos { line: 1, col: 1 }),
                "the file is empty",
            )
            .with_help("start a map with `cjm init`, or remove the file"),
        );
    };
    if !matches!(root.value, Value::Map(_)) {
        return fail(Diagnostic::error(
            "not-a-mapping",
            root.span,
            format!(
                "the top level of a map must be a mapping of keys (`cjm: 1`, `title: ...`), found {}",
                root.kind_name()
            ),
        ));
    }
    Ok(Some(root))
}

// Refusals are built out of line: the event loop is the hottest code in cjm, and
// inlined error paths cost it 8% of its instructions.
#[cold]
#[inline(never)]
fn value_too_long(span: Span, len: usize, limits: &Limits) -> Diagnostic {
    Diagnostic::error(
        "value-too-long",
        span,
        format!(
            "this value is {} KiB long; the most cjm reads is {} KiB",
            len / 1024,
            limits.max_scalar_bytes / 1024
        ),
    )
    .with_help("a journey map holds short texts; link long documents with `url:`")
}

#[cold]
#[inline(never)]
fn too_many_items(span: Span, limits: &Limits) -> Diagnostic {
    Diagnostic::error(
        "too-many-items",
        span,
        format!(
            "this list or mapping has more than {} entries, the most cjm reads",
            limits.max_items
        ),
    )
    .with_help("split the journey into several maps")
}

/// What saphyr-parser says of `key:\tvalue`, which YAML 1.2 allows.
const TAB_AFTER_COLON: &str = "':' must be followed by a valid YAML whitespace";

/// The byte offset where each line starts.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

/// The first tab on `at`'s line before `at`, if any.
fn tab_before(text: &str, starts: &[usize], at: Pos) -> Option<Pos> {
    let start = *starts.get((at.line as usize).checked_sub(1)?)?;
    let line = text.get(start..)?;
    let col = line
        .chars()
        .take((at.col as usize).saturating_sub(1))
        .position(|c| c == '\t')?;
    Some(Pos {
        line: at.line,
        col: col as u32 + 1,
    })
}

/// `- \t- item`, `? key` / `:\tkey: value`: a list or mapping nested on its parent's
/// line must be indented with spaces, since indentation is never a tab.
#[cold]
#[inline(never)]
fn tab_before_collection(tab: Pos, event: &Event) -> Diagnostic {
    let what = match event {
        Event::SequenceStart(..) => "list",
        _ => "mapping",
    };
    Diagnostic::error(
        "yaml-tab",
        Span::point(tab),
        format!("a tab stands before this {what}, where YAML needs indentation"),
    )
    .with_help("replace the tab with spaces: YAML indents with spaces only")
}

/// Whether the bytes may hold a character YAML forbids unescaped: C0 controls other than
/// tab and line breaks anywhere; DEL, C1 controls (but NEL) and U+FFFE/U+FFFF outside
/// quoted text (where JSON compatibility allows them).
fn has_controls(b: &[u8]) -> bool {
    b.iter().enumerate().any(|(i, &x)| match x {
        0..=8 | 11 | 12 | 14..=31 | 0x7F => true,
        0xC2 => matches!(b.get(i + 1), Some(0x80..=0x84 | 0x86..=0x9F)),
        0xEF => b.get(i + 1) == Some(&0xBF) && matches!(b.get(i + 2), Some(0xBE | 0xBF)),
        _ => false,
    })
}

/// The first forbidden character: before parsing (`quoted` is `None`) only C0 controls,
/// which no part of a YAML file may hold; after, the others outside quoted values.
#[cold]
#[inline(never)]
fn control_characters(text: &str, quoted: Option<&[Span]>) -> Option<Diagnostic> {
    let mut pos = Pos { line: 1, col: 1 };
    let mut spans = quoted.unwrap_or_default().iter().peekable();
    for c in text.chars() {
        let c0 = c < ' ' && !matches!(c, '\t' | '\n' | '\r');
        let other =
            matches!(c, '\u{7F}'..='\u{84}' | '\u{86}'..='\u{9F}' | '\u{FFFE}' | '\u{FFFF}');
        if c0 && quoted.is_none() {
            let what = if c == '\0' {
                "a NUL byte".to_string()
            } else {
                format!("the control character U+{:04X}", c as u32)
            };
            return Some(
                Diagnostic::error(
                    "control-character",
                    Span::point(pos),
                    format!("the file holds {what}, which YAML does not allow"),
                )
                .with_help("remove it; if this is a binary file, it is not a map"),
            );
        }
        if other && quoted.is_some() {
            while spans.next_if(|s| s.end <= pos).is_some() {}
            let inside = spans.peek().is_some_and(|s| s.start <= pos);
            if !inside {
                return Some(
                    Diagnostic::error(
                        "control-character",
                        Span::point(pos),
                        format!(
                            "the invisible character U+{:04X} is not allowed in unquoted YAML text",
                            c as u32
                        ),
                    )
                    .with_help(format!(
                        "remove it, or write the value in double quotes with the escape `\\u{:04X}`",
                        c as u32
                    )),
                );
            }
        }
        if c == '\n' {
            pos = Pos {
                line: pos.line + 1,
                col: 1,
            };
        } else {
            pos.col += 1;
        }
    }
    None
}

/// The source text of a non-string scalar used as a key, such as `1:` or `true:`.
fn scalar_text(_text: &str, node: &Node) -> String {
    match &node.value {
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Big(n) => n.text.to_string(),
        _ => String::new(),
    }
}

/// A scan error in plain words when [`syntax::explain`] knows it, else in the parser's.
#[cold]
#[inline(never)]
fn syntax_error(text: &str, err: &ScanError, stack: &[Frame]) -> Diagnostic {
    syntax::explain(text, err, &blocks(text, stack)).unwrap_or_else(|| scan_error(err))
}

/// The block mappings and lists open when an error was met, outermost first, followed by
/// the latest finished ones inside them (a mapping closed by a dedent is the likeliest
/// sibling of the line that closed it). Flow collections have no indentation to compare.
fn blocks(text: &str, stack: &[Frame]) -> Vec<Block> {
    let is_flow = |p: Pos| {
        let line = text
            .split('\n')
            .nth((p.line as usize).saturating_sub(1))
            .unwrap_or("");
        matches!(
            line.chars().nth((p.col as usize).saturating_sub(1)),
            Some('[' | '{')
        )
    };
    let mut out = Vec::new();
    let mut owner = Owner::Root;
    let mut last: Option<&Node> = None;
    for frame in stack {
        let (start, list) = match frame {
            Frame::Seq { start, .. } => (*start, true),
            Frame::Map { start, .. } => (*start, false),
        };
        if is_flow(start) {
            return out;
        }
        let first_key = match frame {
            Frame::Map { entries, key, .. } => entries
                .first()
                .map(|e| e.key.clone())
                .or_else(|| key.as_ref().map(|k| k.0.clone())),
            Frame::Seq { .. } => None,
        };
        let next = match frame {
            Frame::Map {
                key: Some((k, _)), ..
            } => Owner::Key(k.clone()),
            Frame::Seq { .. } => match &owner {
                Owner::Key(k) => Owner::ItemOf(k.clone()),
                _ => Owner::ItemOf("list".to_string()),
            },
            Frame::Map { .. } => Owner::Root,
        };
        last = match frame {
            Frame::Map {
                entries, key: None, ..
            } => entries.last().map(|e| &e.value),
            Frame::Map { .. } => None,
            Frame::Seq { items, .. } => items.last(),
        };
        out.push(Block {
            col: start.col,
            list,
            owner: std::mem::replace(&mut owner, next),
            first_key,
        });
    }
    // Down the latest finished children.
    let mut parent_key = match stack.last() {
        Some(Frame::Map {
            entries, key: None, ..
        }) => entries.last().map(|e| e.key.clone()),
        _ => None,
    };
    while let Some(node) = last {
        if is_flow(node.span.start) {
            break;
        }
        let list = matches!(node.value, Value::Seq(_));
        if !list && !matches!(node.value, Value::Map(_)) {
            break;
        }
        let owner = match (&parent_key, out.last()) {
            (Some(k), _) => Owner::Key(k.clone()),
            (
                None,
                Some(Block {
                    list: true,
                    owner: Owner::Key(k),
                    ..
                }),
            ) => Owner::ItemOf(k.clone()),
            _ => Owner::ItemOf("list".to_string()),
        };
        let entries = node.entries().unwrap_or_default();
        out.push(Block {
            col: node.span.start.col,
            list,
            owner,
            first_key: entries.first().map(|e| e.key.clone()),
        });
        parent_key = entries.last().map(|e| e.key.clone());
        last = match &node.value {
            Value::Map(entries) => entries.last().map(|e| &e.value),
            Value::Seq(items) => items.last(),
            _ => None,
        };
    }
    out
}

fn scan_error(err: &ScanError) -> Diagnostic {
    let info = err.info();
    if info.contains("recursion limit") {
        return Diagnostic::error(
            "too-deep",
            Span::point(pos(err.marker())),
            "the file nests too deeply to be a journey map",
        )
        .with_help("a journey map needs about six levels; flatten the structure");
    }
    let mut d = Diagnostic::error(
        "yaml-syntax",
        Span::point(pos(err.marker())),
        format!("invalid YAML: {info}"),
    );
    if info.contains("unprintable") {
        d = d.with_help("remove control characters such as NUL bytes; is this a binary file?");
    } else if info.contains("tabs") || info.contains("tab character") {
        d = d.with_help("indent with spaces: YAML does not allow tabs for indentation");
    } else if info.contains("quote") || info.contains("end of stream") {
        d = d.with_help("check for a quote that is opened but never closed");
    }
    d
}

const CORE: &str = "tag:yaml.org,2002:";

/// The core-schema type a tag names (`str`, `int`, `map`, ...), whether written `!!int`
/// or verbatim `!<tag:yaml.org,2002:int>`. The non-specific `!` (which saphyr-parser
/// reports as handle `""` and suffix `"!"`) is `"!"`: it means the kind of node it
/// stands on, which for a scalar is text, as YAML 1.2 resolves it.
fn core_type<'t>(handle: &str, suffix: &'t str) -> Option<&'t str> {
    match (handle, suffix) {
        ("", "!") | ("!", "") => Some("!"),
        (CORE, name) => Some(name),
        ("", verbatim) => verbatim.strip_prefix(CORE),
        _ => None,
    }
}

/// A tag as the user wrote it, for messages.
fn written_tag(handle: &str, suffix: &str) -> String {
    match (handle, core_type(handle, suffix)) {
        (_, Some("!")) => "!".to_string(),
        (CORE, _) => format!("!!{suffix}"),
        ("", _) => format!("!<{suffix}>"),
        _ => format!("{handle}{suffix}"),
    }
}

fn collection_tag_fits(handle: &str, suffix: &str, event: &Event) -> bool {
    match core_type(handle, suffix) {
        Some("!") => true,
        Some("map") => matches!(event, Event::MappingStart(..)),
        Some("seq") => matches!(event, Event::SequenceStart(..)),
        _ => false,
    }
}

/// A tagged scalar: `!!str`, `!` and the other core-schema tags (`!!int 3`, `!!null ""`)
/// are read as YAML 1.2 says; a value its tag does not fit, or any other tag, is refused.
#[cold]
#[inline(never)]
fn tagged(
    raw: std::borrow::Cow<'_, str>,
    handle: &str,
    suffix: &str,
    span: Span,
) -> Result<Value, Diagnostic> {
    let kind = core_type(handle, suffix);
    if matches!(kind, Some("!" | "str")) {
        return Ok(Value::Str(raw.into_owned()));
    }
    let plain = resolve_plain(&raw);
    let fits = match (kind, &plain) {
        (Some("int"), Value::Int(_)) => true,
        (Some("int"), Value::Big(_)) => parse_int(&raw).is_some(),
        (Some("float"), Value::Float(_) | Value::Big(_)) => true,
        (Some("float"), Value::Int(_)) => is_float(&raw),
        (Some("bool"), Value::Bool(_)) | (Some("null"), Value::Null) => true,
        _ => false,
    };
    let tag = written_tag(handle, suffix);
    match (fits, kind) {
        (true, Some("float")) => Ok(match plain {
            Value::Int(i) => Value::Float(i as f64),
            other => other,
        }),
        (true, _) => Ok(plain),
        (false, Some("int" | "float" | "bool" | "null")) => {
            let shown: String = raw.chars().take(40).collect();
            Err(Diagnostic::error(
                "yaml-tag",
                span,
                format!("the tag `{tag}` does not fit the value `{shown}`"),
            )
            .with_help("remove the tag, or write a value of that type"))
        }
        _ => Err(Diagnostic::error(
            "yaml-tag",
            span,
            format!("YAML tag `{tag}` is not supported"),
        )
        .with_help("remove the tag; quote the value if it must stay text")),
    }
}

/// What `text` would mean written plain, unquoted: null, a boolean, a number or text.
#[inline(never)]
pub fn resolve_plain(text: &str) -> Value {
    resolve(std::borrow::Cow::Borrowed(text), ScalarStyle::Plain)
}

/// Resolves a scalar by the YAML 1.2 core schema: quoted text stays text, plain text may
/// be null, a boolean or a number. (`yes`/`no` stay text, as in YAML 1.2.)
#[inline(always)]
fn resolve(raw: std::borrow::Cow<'_, str>, style: ScalarStyle) -> Value {
    if style != ScalarStyle::Plain {
        return Value::Str(raw.into_owned());
    }
    // Most plain scalars are words: only these first bytes can begin anything else, and
    // a word that starts with a letter can only be null or a boolean.
    match raw.as_bytes().first() {
        None | Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'~') => resolve_word_or_number(raw),
        Some(b'n' | b'N' | b't' | b'T' | b'f' | b'F') => match &*raw {
            "null" | "Null" | "NULL" => Value::Null,
            "true" | "True" | "TRUE" => Value::Bool(true),
            "false" | "False" | "FALSE" => Value::Bool(false),
            _ => Value::Str(raw.into_owned()),
        },
        _ => Value::Str(raw.into_owned()),
    }
}

/// [`resolve`] without its first-byte shortcut: the core schema's table, then numbers.
fn resolve_word_or_number(raw: std::borrow::Cow<'_, str>) -> Value {
    match &*raw {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return Value::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return Value::Float(f64::NAN),
        _ => {}
    }
    if let Some(v) = parse_int(&raw) {
        return v;
    }
    if is_float(&raw)
        && let Ok(f) = raw.parse::<f64>()
    {
        return if faithful(f, &raw) {
            Value::Float(f)
        } else {
            big_decimal(&raw)
        };
    }
    Value::Str(raw.into_owned())
}

// Numbers beyond `i64`/`f64` are rare: built out of line, so the scalar path stays small.
#[cold]
#[inline(never)]
fn big_decimal(raw: &str) -> Value {
    Value::Big(Box::new(BigNumber::decimal(raw)))
}

#[cold]
#[inline(never)]
fn big_radix(raw: &str, digits: &str, radix: u32) -> Value {
    Value::Big(Box::new(BigNumber::radix(raw, digits, radix)))
}

/// Whether `f` keeps what matters of the literal `raw`: that it is finite, nonzero when
/// written so, and an integer exactly when written as one (`2.0000000000000000001`
/// rounds to `2.0`, which would pass for a whole number).
fn faithful(f: f64, raw: &str) -> bool {
    if !f.is_finite() {
        return false;
    }
    if f == 0.0 {
        let mantissa = raw.split(['e', 'E']).next().unwrap_or(raw);
        return !mantissa.bytes().any(|b| matches!(b, b'1'..=b'9'));
    }
    f.fract() != 0.0 || literal_is_integer(raw)
}

#[inline]
fn parse_int(raw: &str) -> Option<Value> {
    let (digits, radix) = if let Some(hex) = raw.strip_prefix("0x") {
        (hex, 16)
    } else if let Some(oct) = raw.strip_prefix("0o") {
        (oct, 8)
    } else {
        (raw, 10)
    };
    let body = if radix == 10 {
        digits.strip_prefix(['-', '+']).unwrap_or(digits)
    } else {
        digits
    };
    if body.is_empty() || !body.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    Some(match i64::from_str_radix(digits, radix) {
        Ok(i) => Value::Int(i),
        Err(_) if radix == 10 => big_decimal(raw),
        Err(_) => big_radix(raw, digits, radix),
    })
}

/// `[-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`, in one pass.
#[inline]
fn is_float(raw: &str) -> bool {
    let b = raw.as_bytes();
    let digits = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let start = usize::from(matches!(b.first(), Some(b'-' | b'+')));
    let mut i = digits(start);
    let mut mantissa = i - start;
    if b.get(i) == Some(&b'.') {
        let frac = digits(i + 1);
        mantissa += frac - (i + 1);
        i = frac;
    }
    if mantissa == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let sign = i + 1 + usize::from(matches!(b.get(i + 1), Some(b'-' | b'+')));
        i = digits(sign);
        if i == sign {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Node {
        let parsed = parse(text, &Limits::default());
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        parsed.root.unwrap()
    }

    fn first_error(text: &str) -> Diagnostic {
        parse(text, &Limits::default())
            .diagnostics
            .into_iter()
            .next()
            .expect("an error")
    }

    #[test]
    fn plain_scalars_resolve_by_the_core_schema() {
        let r = root("a: 1\nb: -2\nc: 0.5\nd: true\ne: ~\nf: yes\ng: '1'\nh: 2026-10-01\ni: 1e3\n");
        let v = |k| r.get(k).unwrap().value.clone();
        assert_eq!(v("a"), Value::Int(1));
        assert_eq!(v("b"), Value::Int(-2));
        assert_eq!(v("c"), Value::Float(0.5));
        assert_eq!(v("d"), Value::Bool(true));
        assert_eq!(v("e"), Value::Null);
        assert_eq!(v("f"), Value::Str("yes".into()));
        assert_eq!(v("g"), Value::Str("1".into()));
        assert_eq!(v("h"), Value::Str("2026-10-01".into()));
        assert_eq!(v("i"), Value::Float(1000.0));
    }

    #[test]
    fn keys_and_values_keep_their_line_and_column() {
        let r = root("title: x\nstages:\n  - name: Ввод\n    emotion: 2\n");
        let stage = &r.get("stages").unwrap().items()[0];
        let entries = stage.entries().unwrap();
        assert_eq!(entries[1].key_span.start, Pos { line: 4, col: 5 });
        assert_eq!(entries[1].value.span.start, Pos { line: 4, col: 14 });
    }

    #[test]
    fn crlf_line_endings_keep_columns() {
        let r = root("title: x\r\nowner: me\r\n");
        assert_eq!(r.get("owner").unwrap().span.start, Pos { line: 2, col: 8 });
        assert_eq!(r.get("owner").unwrap().as_str(), Some("me"));
    }

    #[test]
    fn duplicate_keys_point_at_both_places() {
        let parsed = parse("a: 1\nb: 2\na: 3\n", &Limits::default());
        let d = &parsed.diagnostics[0];
        assert_eq!(d.code, "duplicate-key");
        assert_eq!(d.span.start, Pos { line: 3, col: 1 });
        assert_eq!(d.notes[0].span.start, Pos { line: 1, col: 1 });
        assert_eq!(parsed.root.unwrap().get("a").unwrap().value, Value::Int(1));
    }

    #[test]
    fn refuses_what_maps_never_need() {
        assert_eq!(first_error("a: &x 1\nb: *x\n").code, "yaml-alias");
        assert_eq!(first_error("a: 1\n---\nb: 2\n").code, "multiple-documents");
        assert_eq!(first_error("").code, "empty-file");
        assert_eq!(first_error("# only a comment\n").code, "empty-file");
        assert_eq!(first_error("- a\n- b\n").code, "not-a-mapping");
        assert_eq!(first_error("just text\n").code, "not-a-mapping");
        assert_eq!(first_error("a: !custom x\n").code, "yaml-tag");
        assert_eq!(first_error("a: 'open\n").code, "yaml-quote");
        let deep = "a: ".to_string() + &"[".repeat(100_000);
        assert_eq!(first_error(&deep).code, "too-deep");
    }

    #[test]
    fn tabs_get_a_hint() {
        let d = first_error("a:\n\tb: 1\n");
        assert!(d.help.unwrap().contains("spaces"));
    }

    #[test]
    fn integers_are_integers_whatever_their_size() {
        let r = root(
            "a: 0x8000000000000000\nb: 0o1777777777777777777777\nc: 123456789012345678901234567890\n\
             d: 0x7fffffffffffffff\ne: -9223372036854775809\n",
        );
        let big = |k| match &r.get(k).unwrap().value {
            Value::Big(n) => (**n).clone(),
            other => panic!("{k}: {other:?}"),
        };
        assert_eq!(big("a"), BigNumber::decimal("9223372036854775808"));
        assert_eq!(big("b"), BigNumber::decimal("18446744073709551615"));
        assert!(big("c").is_integer());
        assert_eq!(r.get("c").unwrap().kind_name(), "a whole number");
        assert_eq!(r.get("d").unwrap().value, Value::Int(i64::MAX));
        assert_eq!(big("e"), BigNumber::decimal("-9223372036854775809"));
    }

    #[test]
    fn floats_beyond_f64_stay_finite_numbers() {
        let r =
            root("a: 1e309\nb: -1e309\nc: 1e-400\nd: 2.0000000000000000001\ne: .inf\nf: 0.0e5\n");
        for k in ["a", "b", "c", "d"] {
            assert!(matches!(r.get(k).unwrap().value, Value::Big(_)), "{k}");
        }
        let a = r.get("a").unwrap();
        assert!(matches!(&a.value, Value::Big(n) if n.is_integer() && &*n.text == "1e309"));
        assert!(matches!(&r.get("d").unwrap().value, Value::Big(n) if !n.is_integer()));
        assert_eq!(r.get("e").unwrap().value, Value::Float(f64::INFINITY));
        assert_eq!(r.get("f").unwrap().value, Value::Float(0.0));
    }

    #[test]
    fn str_tags_in_every_spelling_make_text() {
        let r = root("a: !!str 1\nb: ! 2\nc: !<tag:yaml.org,2002:str> 3\nd: ! true\n");
        for (k, v) in [("a", "1"), ("b", "2"), ("c", "3"), ("d", "true")] {
            assert_eq!(r.get(k).unwrap().as_str(), Some(v), "{k}");
        }
        assert_eq!(first_error("a: !local x\n").code, "yaml-tag");
    }

    #[test]
    fn core_schema_tags_are_read_as_yaml_1_2_says() {
        let r = root(
            "a: !!int \"0x10\"\nb: !<tag:yaml.org,2002:int> 3\nc: !!float 1\nd: !!bool 'true'\n\
             e: !!null ''\nf: !!map {x: 1}\ng: ! [1]\nh: !!seq [2]\n",
        );
        assert_eq!(r.get("a").unwrap().value, Value::Int(16));
        assert_eq!(r.get("b").unwrap().value, Value::Int(3));
        assert_eq!(r.get("c").unwrap().value, Value::Float(1.0));
        assert_eq!(r.get("d").unwrap().value, Value::Bool(true));
        assert_eq!(r.get("e").unwrap().value, Value::Null);
        assert!(r.get("f").unwrap().get("x").is_some());
        assert_eq!(r.get("g").unwrap().items().len(), 1);
        assert_eq!(r.get("h").unwrap().items().len(), 1);
        let d = first_error("a: !!int 1.5\n");
        assert_eq!(d.code, "yaml-tag");
        assert_eq!(d.message, "the tag `!!int` does not fit the value `1.5`");
        assert_eq!(first_error("a: !!seq {x: 1}\n").code, "yaml-tag");
        assert_eq!(
            first_error("a: !!binary aGk=\n").message,
            "YAML tag `!!binary` is not supported"
        );
    }

    #[test]
    fn a_tab_after_the_colon_separates_as_yaml_1_2_allows() {
        let r = root("a:\tb\nc:\t\t1 # n\nd: e\t# f\ng:\t[x, y]\nh: [\tz]\n");
        assert_eq!(r.get("a").unwrap().as_str(), Some("b"));
        assert_eq!(r.get("a").unwrap().span.start, Pos { line: 1, col: 4 });
        assert_eq!(r.get("c").unwrap().value, Value::Int(1));
        assert_eq!(r.get("d").unwrap().as_str(), Some("e"));
        assert_eq!(r.get("g").unwrap().items().len(), 2);
        assert_eq!(r.get("h").unwrap().items().len(), 1);
    }

    #[test]
    fn a_tab_before_a_nested_block_is_still_refused() {
        let d = first_error("? a\n:\t- b\n");
        assert_eq!(
            (d.code, d.span.start),
            ("yaml-tab", Pos { line: 2, col: 2 })
        );
        let d = first_error("x:\n  - \ta: b\n");
        assert_eq!(
            (d.code, d.span.start),
            ("yaml-tab", Pos { line: 2, col: 5 })
        );
    }

    #[test]
    fn control_characters_are_refused_outside_quotes() {
        for (text, at) in [
            ("a: x\u{86}y\n", Pos { line: 1, col: 5 }),
            ("a: ok\nb: x\u{7f}\n", Pos { line: 2, col: 5 }),
            ("a: x\u{fffe}\n", Pos { line: 1, col: 5 }),
            ("a: |\n  x\u{9f}\n", Pos { line: 2, col: 4 }),
            ("# \u{80}\na: 1\n", Pos { line: 1, col: 3 }),
            ("a: \"\u{1}\"\n", Pos { line: 1, col: 5 }),
        ] {
            let d = first_error(text);
            assert_eq!(
                (d.code, d.span.start),
                ("control-character", at),
                "{text:?}"
            );
        }
        // Quoted text may hold them (JSON compatibility), and NEL is printable.
        let r = root("a: \"x\u{86}\u{7f}\u{fffe}\"\nb: 'y\u{9f}'\nc: z\u{85}w\nd: é\u{a0}\n");
        assert_eq!(r.get("a").unwrap().as_str(), Some("x\u{86}\u{7f}\u{fffe}"));
        assert_eq!(r.get("d").unwrap().as_str(), Some("é\u{a0}"));
    }

    /// The exact value of an integer node, as a decimal.
    fn exact(node: &Node) -> BigNumber {
        match &node.value {
            Value::Int(i) => BigNumber::from_i64(*i),
            Value::Big(n) => (**n).clone(),
            other => panic!("not an integer: {other:?}"),
        }
    }

    proptest::proptest! {
        #[test]
        fn integer_literals_of_any_size_read_exactly(n: i128, wide: u128) {
            let text = format!(
                "a: {n}\nb: 0x{wide:x}\nc: 0o{wide:o}\nd: {wide}{wide}\n"
            );
            let r = root(&text);
            let want = |s: String| BigNumber::decimal(&s);
            proptest::prop_assert_eq!(exact(r.get("a").unwrap()), want(n.to_string()));
            proptest::prop_assert_eq!(exact(r.get("b").unwrap()), want(wide.to_string()));
            proptest::prop_assert_eq!(exact(r.get("c").unwrap()), want(wide.to_string()));
            proptest::prop_assert_eq!(exact(r.get("d").unwrap()), want(format!("{wide}{wide}")));
        }

        #[test]
        fn big_numbers_order_like_integers(a: i128, b: i128) {
            let (x, y) = (BigNumber::decimal(&a.to_string()), BigNumber::decimal(&b.to_string()));
            proptest::prop_assert_eq!(x.cmp_value(&y), a.cmp(&b));
        }

        #[test]
        fn finite_floats_read_back_exactly(f in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL) {
            let r = root(&format!("a: {f:e}\n"));
            proptest::prop_assert_eq!(&r.get("a").unwrap().value, &Value::Float(f));
        }

        #[test]
        fn exponents_beyond_f64_stay_numbers(m in 1u32..1000, e in 400u32..100_000, neg: bool) {
            let sign = if neg { "-" } else { "" };
            let r = root(&format!("a: {sign}{m}e{e}\nb: {sign}{m}e-{e}\n"));
            let a = r.get("a").unwrap();
            proptest::prop_assert!(matches!(&a.value, Value::Big(n) if n.is_integer()));
            let b = r.get("b").unwrap();
            proptest::prop_assert!(matches!(&b.value, Value::Big(n) if !n.is_integer()));
        }
    }

    /// The grammar as it was first written, to check the one-pass version against.
    fn is_float_by_parts(raw: &str) -> bool {
        let s = raw.strip_prefix(['-', '+']).unwrap_or(raw);
        let (mantissa, exponent) = match s.find(['e', 'E']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let (int, frac) = match mantissa.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (mantissa, None),
        };
        let digits = |t: &str| t.chars().all(|c| c.is_ascii_digit());
        let mantissa_ok = match frac {
            None => !int.is_empty() && digits(int),
            Some(f) => digits(int) && digits(f) && !(int.is_empty() && f.is_empty()),
        };
        let exponent_ok = exponent.is_none_or(|e| {
            let e = e.strip_prefix(['-', '+']).unwrap_or(e);
            !e.is_empty() && digits(e)
        });
        mantissa_ok && exponent_ok
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_float_grammar_agrees(raw in "[-+.0-9eE]{0,7}|[-+]?[0-9]{0,3}(\\.[0-9]{0,3})?([eE][-+]?[0-9]{0,2})?x?") {
            proptest::prop_assert_eq!(is_float(&raw), is_float_by_parts(&raw), "{}", raw);
        }

        #[test]
        fn the_first_byte_shortcut_changes_no_meaning(raw in "[a-zA-Z~.+_0-9-]{0,6}|\\PC{0,4}") {
            let quick = resolve_plain(&raw);
            let full = resolve_word_or_number(std::borrow::Cow::Borrowed(&raw));
            // Debug text, so that NaN equals NaN.
            proptest::prop_assert_eq!(format!("{quick:?}"), format!("{full:?}"));
        }
    }

    #[test]
    fn float_grammar() {
        for ok in ["1.5", "-0.5", ".5", "1.", "1e3", "+2.5E-3"] {
            assert!(is_float(ok), "{ok}");
        }
        for bad in ["1.2.3", ".", "e3", "1e", "abc", "1_000"] {
            assert!(!is_float(bad), "{bad}");
        }
    }
}
