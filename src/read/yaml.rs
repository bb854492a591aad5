//! A YAML reader that builds only what cjm needs: a tree of mappings, lists and scalars,
//! each with its span, straight from the span-carrying events of `saphyr-parser`.
//!
//! It refuses what a journey map never needs and an attacker might use: aliases,
//! custom tags, keys that are not plain text, several documents, deep nesting.

use saphyr_parser::{Event, Marker, Parser, ScalarStyle, ScanError};

use super::source::Limits;
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
pub fn parse(text: &str, limits: &Limits) -> Parsed {
    let mut diagnostics = Vec::new();
    let root = match build(text, limits, &mut diagnostics) {
        Ok(root) => root,
        Err(d) => {
            diagnostics.push(d);
            None
        }
    };
    Parsed { root, diagnostics }
}

fn build(
    text: &str,
    limits: &Limits,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Option<Node>, Diagnostic> {
    let mut stack: Vec<Frame> = Vec::new();
    let mut root: Option<Node> = None;
    let mut documents = 0;

    for event in Parser::new_from_str(text) {
        let (event, sp) = event.map_err(scan_error)?;
        let sp = span(&sp);
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::DocumentEnd | Event::Nothing => {
                continue;
            }
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(Diagnostic::error(
                        "multiple-documents",
                        sp,
                        "this file holds more than one YAML document",
                    )
                    .with_help("keep one map per file; split the documents at each `---`"));
                }
                continue;
            }
            Event::Alias(_) => {
                return Err(Diagnostic::error(
                    "yaml-alias",
                    sp,
                    "YAML aliases (`*name`) are not supported in journey maps",
                )
                .with_help("write the value out in full where the alias stands"));
            }
            Event::Scalar(value, style, _anchor, tag) => {
                if value.len() > limits.max_scalar_bytes {
                    return Err(value_too_long(sp, value.len(), limits));
                }
                let value = match tag {
                    None => resolve(value, style),
                    Some(tag) if tag.handle == "tag:yaml.org,2002:" && tag.suffix == "str" => {
                        Value::Str(value.into_owned())
                    }
                    Some(tag) if tag.handle == "!" && tag.suffix.is_empty() => {
                        Value::Str(value.into_owned())
                    }
                    Some(tag) => {
                        return Err(Diagnostic::error(
                            "yaml-tag",
                            sp,
                            format!("YAML tag `{}{}` is not supported", tag.handle, tag.suffix),
                        )
                        .with_help("remove the tag; quote the value if it must stay text"));
                    }
                };
                Node { span: sp, value }
            }
            Event::SequenceStart(_, tag) | Event::MappingStart(_, tag) if tag.is_some() => {
                return Err(Diagnostic::error(
                    "yaml-tag",
                    sp,
                    "YAML tags are not supported on lists or mappings",
                )
                .with_help("remove the tag"));
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                if let Some(Frame::Map { key: None, .. }) = stack.last() {
                    return Err(Diagnostic::error(
                        "complex-key",
                        sp,
                        "a key must be plain text, not a list or mapping",
                    ));
                }
                if stack.len() >= limits.max_depth {
                    return Err(Diagnostic::error(
                        "too-deep",
                        sp,
                        format!("the file nests more than {} levels deep", limits.max_depth),
                    )
                    .with_help("a journey map needs about six levels; flatten the structure"));
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
            Event::SequenceEnd | Event::MappingEnd => match stack.pop() {
                Some(Frame::Seq { start, items }) => Node {
                    span: Span::new(start, sp.end),
                    value: Value::Seq(items),
                },
                Some(Frame::Map { start, entries, .. }) => Node {
                    span: Span::new(start, sp.end),
                    value: Value::Map(entries),
                },
                None => continue,
            },
        };
        let full = match stack.last() {
            Some(Frame::Seq { items, .. }) => items.len() >= limits.max_items,
            Some(Frame::Map { entries, key, .. }) => {
                key.is_none() && entries.len() >= limits.max_items
            }
            None => false,
        };
        if full {
            return Err(too_many_items(node.span, limits));
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

    let Some(root) = root else {
        return Err(Diagnostic::error(
            "empty-file",
            Span::point(Pos { line: 1, col: 1 }),
            "the file is empty",
        )
        .with_help("start a map with `cjm init`, or remove the file"));
    };
    if !matches!(root.value, Value::Map(_)) {
        return Err(Diagnostic::error(
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

/// The source text of a non-string scalar used as a key, such as `1:` or `true:`.
fn scalar_text(_text: &str, node: &Node) -> String {
    match &node.value {
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => f.to_string(),
        _ => String::new(),
    }
}

fn scan_error(err: ScanError) -> Diagnostic {
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

/// Resolves a scalar by the YAML 1.2 core schema: quoted text stays text, plain text may
/// be null, a boolean or a number. (`yes`/`no` stay text, as in YAML 1.2.)
fn resolve(raw: std::borrow::Cow<'_, str>, style: ScalarStyle) -> Value {
    if style != ScalarStyle::Plain {
        return Value::Str(raw.into_owned());
    }
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
        return Value::Float(f);
    }
    Value::Str(raw.into_owned())
}

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
    match i64::from_str_radix(digits, radix) {
        Ok(i) => Some(Value::Int(i)),
        Err(_) => raw.parse::<f64>().ok().map(Value::Float),
    }
}

/// `[-+]? ( . [0-9]+ | [0-9]+ ( . [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_float(raw: &str) -> bool {
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
        assert_eq!(first_error("a: 'open\n").code, "yaml-syntax");
        let deep = "a: ".to_string() + &"[".repeat(100_000);
        assert_eq!(first_error(&deep).code, "too-deep");
    }

    #[test]
    fn tabs_get_a_hint() {
        let d = first_error("a:\n\tb: 1\n");
        assert_eq!(d.code, "yaml-syntax");
        assert!(d.help.unwrap().contains("spaces"));
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
