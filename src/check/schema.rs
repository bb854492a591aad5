//! Checks a tree against `schemas/journey-map.schema.json`, the very file editors use.
//!
//! The schema is embedded at build time and interpreted here, for the subset of JSON
//! Schema 2020-12 it uses; compiling rejects any other keyword, so the file cannot grow a
//! rule that cjm silently ignores. Working on [`Node`] directly gives every finding its
//! exact span and a message in plain words ("did you mean", the allowed values).

use std::borrow::Cow;
use std::fmt;
use std::sync::OnceLock;

use regex_lite::Regex;
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Visitor};
use serde_json::Value as Json;

use crate::diag::Diagnostic;
use crate::read::{BigNumber, Node, Value};
use crate::settings::Vocabulary;
use crate::suggest::did_you_mean;

/// The JSON Schema of the map format, as shipped in `schemas/`.
pub const SCHEMA_JSON: &str = include_str!("../../schemas/journey-map.schema.json");

/// The schema of shared library files (`type: library`).
pub const LIBRARY_SCHEMA_JSON: &str = include_str!("../../schemas/library.schema.json");

/// The schemas as `validate` compiles them: `build.rs` leaves out whitespace and what
/// only editors read, which is most of the bytes.
const SCHEMA_COMPACT: &str = include_str!(concat!(env!("OUT_DIR"), "/journey-map.schema.json"));
const LIBRARY_SCHEMA_COMPACT: &str = include_str!(concat!(env!("OUT_DIR"), "/library.schema.json"));

/// The map schema as JSON with a team's words appended to the touchpoint `channel`,
/// research `kind` and pain point `severity` lists: what `validate` checks against, and
/// what `cjm schema --config` prints for editors.
pub fn extended(vocabulary: &Vocabulary) -> Result<Json, String> {
    extend(SCHEMA_JSON, vocabulary, true)
}

/// `text` (a schema) with the vocabulary added to whichever of the lists it has; `all`
/// insists on every list (the map schema has them all, a library only research).
fn extend(text: &str, vocabulary: &Vocabulary, all: bool) -> Result<Json, String> {
    let mut json: Json =
        serde_json::from_str(text).map_err(|e| format!("the embedded schema is not JSON: {e}"))?;
    for (path, words) in [
        (
            "/$defs/touchpoint/properties/channel/enum",
            &vocabulary.channels,
        ),
        (
            "/$defs/research/properties/kind/enum",
            &vocabulary.research_kinds,
        ),
        (
            "/$defs/pain_point/properties/severity/enum",
            &vocabulary.severities,
        ),
    ] {
        let Some(list) = json.pointer_mut(path).and_then(Json::as_array_mut) else {
            if all {
                return Err(format!("the embedded schema has no list at {path}"));
            }
            continue;
        };
        for w in words {
            let w = Json::String(w.clone());
            if !list.contains(&w) {
                list.push(w);
            }
        }
    }
    Ok(json)
}

/// Keywords that carry no validation; allowed anywhere.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "title",
    "description",
    "markdownDescription",
    "default",
    "examples",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum JType {
    Object,
    Array,
    String,
    Integer,
    Number,
    Boolean,
    Null,
}

impl JType {
    fn parse(s: &str) -> Option<JType> {
        Some(match s {
            "object" => JType::Object,
            "array" => JType::Array,
            "string" => JType::String,
            "integer" => JType::Integer,
            "number" => JType::Number,
            "boolean" => JType::Boolean,
            "null" => JType::Null,
            _ => return None,
        })
    }

    fn phrase(self) -> &'static str {
        match self {
            JType::Object => "a mapping",
            JType::Array => "a list",
            JType::String => "text",
            JType::Integer => "a whole number",
            JType::Number => "a number",
            JType::Boolean => "true or false",
            JType::Null => "empty",
        }
    }

    fn accepts(self, node: &Node) -> bool {
        match (self, &node.value) {
            (JType::Object, Value::Map(_)) => true,
            (JType::Array, Value::Seq(_)) => true,
            (JType::String, Value::Str(_)) => true,
            (JType::Integer, Value::Int(_)) => true,
            (JType::Integer, Value::Float(f)) => is_whole(*f),
            (JType::Integer, Value::Big(n)) => n.is_integer(),
            (JType::Number, Value::Int(_) | Value::Big(_)) => true,
            (JType::Number, Value::Float(f)) => f.is_finite(),
            (JType::Boolean, Value::Bool(_)) => true,
            (JType::Null, Value::Null) => true,
            _ => false,
        }
    }
}

#[derive(Clone, Debug, Default)]
struct Rule {
    title: Option<String>,
    /// Only beside a `pattern`, whose findings quote it as help.
    description: Option<String>,
    types: Vec<JType>,
    /// In the schema's order, for messages.
    properties: Vec<(String, usize)>,
    /// `patternProperties`: keys matching a pattern (`^x-`, extensions) and their rule.
    pattern_properties: Vec<(Pattern, usize)>,
    /// The same by name: looked up once per key of every map checked.
    by_name: std::collections::HashMap<String, usize, super::refs::Fx>,
    closed: bool,
    /// `additionalProperties` as a schema: what every key not in `properties` holds.
    additional: Option<usize>,
    required: Vec<String>,
    one_of_values: Option<Vec<Json>>,
    constant: Option<Json>,
    minimum: Option<f64>,
    maximum: Option<f64>,
    min_length: Option<usize>,
    max_length: Option<usize>,
    min_items: Option<usize>,
    max_items: Option<usize>,
    unique_items: bool,
    items: Option<usize>,
    pattern: Option<Pattern>,
    date: bool,
}

/// A compiled schema: rules in an arena, `$ref`s resolved to indices.
#[derive(Debug)]
pub struct Schema {
    rules: Vec<Rule>,
    root: usize,
}

impl Schema {
    /// The embedded schema, compiled once per process.
    pub fn embedded() -> Result<&'static Schema, String> {
        static SCHEMA: OnceLock<Result<Schema, String>> = OnceLock::new();
        SCHEMA
            .get_or_init(|| Schema::from_text(SCHEMA_COMPACT))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The embedded schema with a team's `[vocabulary]` added to its lists, compiled
    /// once per distinct vocabulary and kept for the process.
    pub fn with_vocabulary(vocabulary: &Vocabulary) -> Result<&'static Schema, String> {
        if vocabulary.is_empty() {
            return Schema::embedded();
        }
        Schema::cached(false, vocabulary)
    }

    /// The library schema with a team's research kinds added, like
    /// [`Schema::with_vocabulary`].
    pub fn library_with_vocabulary(vocabulary: &Vocabulary) -> Result<&'static Schema, String> {
        if vocabulary.research_kinds.is_empty() {
            return Schema::library();
        }
        Schema::cached(true, vocabulary)
    }

    fn cached(library: bool, vocabulary: &Vocabulary) -> Result<&'static Schema, String> {
        use std::collections::HashMap;
        use std::sync::Mutex;
        type Built = HashMap<(bool, Vocabulary), &'static Schema>;
        static BUILT: OnceLock<Mutex<Built>> = OnceLock::new();
        let mut built = BUILT
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let key = (library, vocabulary.clone());
        if let Some(found) = built.get(&key) {
            return Ok(found);
        }
        let json = if library {
            extend(LIBRARY_SCHEMA_JSON, vocabulary, false)?
        } else {
            extended(vocabulary)?
        };
        let schema: &'static Schema = Box::leak(Box::new(Schema::compile(&json)?));
        built.insert(key, schema);
        Ok(schema)
    }

    /// The embedded library schema, compiled once per process.
    pub fn library() -> Result<&'static Schema, String> {
        static SCHEMA: OnceLock<Result<Schema, String>> = OnceLock::new();
        SCHEMA
            .get_or_init(|| Schema::from_text(LIBRARY_SCHEMA_COMPACT))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Compiles a schema document, refusing keywords this interpreter does not implement.
    pub fn compile(doc: &Json) -> Result<Schema, String> {
        Schema::read(doc).map_err(|e| e.to_string())
    }

    /// Compiles a schema straight from its text.
    fn from_text(text: &str) -> Result<Schema, String> {
        let mut reader = serde_json::Deserializer::from_str(text);
        let schema = Schema::read(&mut reader).and_then(|s| reader.end().map(|()| s));
        schema.map_err(|e| format!("the embedded schema does not compile: {e}"))
    }

    fn read<'de, D: Deserializer<'de>>(doc: D) -> Result<Schema, D::Error> {
        let mut compiler = Compiler {
            // About what the map schema needs: growing an arena of large rules
            // copies it several times over.
            rules: Vec::with_capacity(256),
            defs: Vec::new(),
        };
        let root = Sub {
            compiler: &mut compiler,
            at: At::ROOT,
            root: true,
        }
        .deserialize(doc)?;
        if let Some(def) = compiler.defs.iter().find(|d| !d.defined) {
            let at = def.used_at.as_deref().unwrap_or("#");
            return Err(de::Error::custom(format!(
                "{at}: `$ref` to unknown definition `{}`",
                def.name
            )));
        }
        Ok(Schema {
            rules: compiler.rules,
            root,
        })
    }

    /// Every schema finding in `root`, in document order.
    pub fn validate(&self, root: &Node) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        self.check(root, self.root, &Place::Root, &mut out);
        out
    }

    fn check(&self, node: &Node, id: usize, place: &Place, out: &mut Vec<Diagnostic>) {
        let rule = &self.rules[id];
        // Formatted only when a finding is made: most nodes pass.
        let what = place;
        if !rule.types.is_empty() && !rule.types.iter().any(|t| t.accepts(node)) {
            let expected: Vec<&str> = rule.types.iter().map(|t| t.phrase()).collect();
            let expected = expected.join(" or ");
            // `"+1"` where a number belongs: the quotes are the mistake.
            if let Some(text) = node.as_str()
                && unquoted(node).is_some_and(|plain| rule.types.iter().any(|t| t.accepts(&plain)))
            {
                let fixed = match place {
                    Place::Key(k) => format!("{k}: {text}"),
                    _ => text.to_string(),
                };
                out.push(
                    Diagnostic::error(
                        "wrong-type",
                        node.span,
                        format!("{what} must be {expected}, found `{text}` in quotes, which makes it text"),
                    )
                    .with_help(format!("drop the quotes: `{fixed}`")),
                );
                return;
            }
            let mut d = Diagnostic::error(
                "wrong-type",
                node.span,
                format!("{what} must be {expected}, found {}", shown(node)),
            );
            if rule.types == [JType::Array] && matches!(node.value, Value::Str(_)) {
                d = d.with_help("write a list: `[first, second]`, or one `- item` per line");
            } else if rule.types == [JType::Object] && matches!(node.value, Value::Null) {
                d = d.with_help("fill it in, or remove the key");
            }
            out.push(d);
            return;
        }
        if let Some(constant) = &rule.constant
            && !equals(node, constant)
        {
            out.push(Diagnostic::error(
                "invalid-value",
                node.span,
                format!("{what} must be {constant}, found {}", shown(node)),
            ));
        }
        if let Some(allowed) = &rule.one_of_values
            && !allowed.iter().any(|v| equals(node, v))
        {
            let names: Vec<String> = allowed.iter().map(json_plain).collect();
            let mut d = Diagnostic::error(
                "invalid-value",
                node.span,
                format!(
                    "{what} must be one of {}; found {}",
                    names.join(", "),
                    shown(node)
                ),
            );
            if let Some(s) = node.as_str()
                && let Some(best) = did_you_mean(s, names.iter().map(String::as_str))
            {
                d = d.with_help(format!("did you mean `{best}`?"));
            }
            out.push(d);
        }
        match &node.value {
            Value::Map(entries) => {
                let title = rule.title.as_deref().unwrap_or("mapping");
                for key in &rule.required {
                    if !entries.iter().any(|e| &e.key == key) {
                        let span = entries.first().map_or(node.span, |e| e.key_span);
                        out.push(Diagnostic::error(
                            "missing-key",
                            span,
                            format!("this {title} is missing the required key `{key}`"),
                        ));
                    }
                }
                for entry in entries {
                    let mut patterned = false;
                    for (_, child) in rule
                        .pattern_properties
                        .iter()
                        .filter(|(p, _)| p.is_match(&entry.key))
                    {
                        patterned = true;
                        self.check(&entry.value, *child, &Place::Key(&entry.key), out);
                    }
                    match rule.by_name.get(entry.key.as_str()) {
                        Some(child) => {
                            self.check(&entry.value, *child, &Place::Key(&entry.key), out)
                        }
                        None if patterned => {}
                        None if rule.closed => {
                            let names = rule.properties.iter().map(|(k, _)| k.as_str());
                            let help = match did_you_mean(&entry.key, names.clone()) {
                                Some(best) => format!("did you mean `{best}`?"),
                                None => format!(
                                    "a {title} may have: {}",
                                    names.collect::<Vec<_>>().join(", ")
                                ),
                            };
                            out.push(
                                Diagnostic::error(
                                    "unknown-key",
                                    entry.key_span,
                                    format!("unknown key `{}` in {title}", entry.key),
                                )
                                .with_help(help),
                            );
                        }
                        None => {
                            if let Some(child) = rule.additional {
                                self.check(&entry.value, child, &Place::Key(&entry.key), out);
                            }
                        }
                    }
                }
            }
            Value::Seq(items) => {
                if let Some(min) = rule.min_items
                    && items.len() < min
                {
                    out.push(Diagnostic::error(
                        "too-few-items",
                        node.span,
                        format!(
                            "{what} needs at least {min} {}",
                            plural(min, "entry", "entries")
                        ),
                    ));
                }
                if let Some(max) = rule.max_items
                    && items.len() > max
                {
                    out.push(Diagnostic::error(
                        "too-many-items",
                        node.span,
                        format!(
                            "{what} may have at most {max} entries, found {}",
                            items.len()
                        ),
                    ));
                }
                if rule.unique_items {
                    for (i, item) in items.iter().enumerate() {
                        if let Some(first) = items[..i].iter().find(|x| same(x, item)) {
                            out.push(
                                Diagnostic::error(
                                    "duplicate-item",
                                    item.span,
                                    format!("{what} lists {} twice", shown(item)),
                                )
                                .with_note(first.span, "first listed here"),
                            );
                        }
                    }
                }
                if let Some(child) = rule.items {
                    let key = match place {
                        Place::Key(k) => k,
                        _ => "list",
                    };
                    for item in items {
                        self.check(item, child, &Place::Item(key), out);
                    }
                }
            }
            Value::Str(s) => {
                // A character is one to four bytes, so the byte length settles most
                // bounds; characters are counted only near one.
                let len = || s.chars().count();
                if let Some(min) = rule.min_length
                    && (s.len() < min || (s.len() < min.saturating_mul(4) && len() < min))
                {
                    out.push(Diagnostic::error(
                        "empty-text",
                        node.span,
                        format!("{what} must not be empty"),
                    ));
                }
                if let Some(max) = rule.max_length
                    && s.len() > max
                    && let len = len()
                    && len > max
                {
                    out.push(
                        Diagnostic::error(
                            "text-too-long",
                            node.span,
                            format!("{what} is {len} characters long; the most is {max}"),
                        )
                        .with_help("shorten it, or move the detail into a `description`"),
                    );
                }
                if let Some(re) = &rule.pattern
                    && !re.is_match(s)
                {
                    let mut d = Diagnostic::error(
                        "invalid-value",
                        node.span,
                        format!("{what} is not in the expected form: {}", shown(node)),
                    );
                    if let Some(desc) = &rule.description {
                        d = d.with_help(desc.clone());
                    }
                    out.push(d);
                }
                if rule.date
                    && let Err(e) = crate::date::Date::check(s)
                {
                    let (message, help) = match e.explain() {
                        Some(why) => (
                            format!("{what} is {}, {why}", shown(node)),
                            "write a date that exists, in the form YYYY-MM-DD",
                        ),
                        None => (
                            format!(
                                "{what} must be a date written YYYY-MM-DD, found {}",
                                shown(node)
                            ),
                            "write the date like 2026-10-01",
                        ),
                    };
                    out.push(Diagnostic::error("invalid-date", node.span, message).with_help(help));
                }
            }
            Value::Int(_) | Value::Float(_) | Value::Big(_) => {
                let (low, high) = match &node.value {
                    Value::Big(n) => (
                        rule.minimum.is_some_and(|m| compare_big(n, m).is_lt()),
                        rule.maximum.is_some_and(|m| compare_big(n, m).is_gt()),
                    ),
                    _ => {
                        let x = node.as_f64().unwrap_or(f64::NAN);
                        (
                            rule.minimum.is_some_and(|m| x < m),
                            rule.maximum.is_some_and(|m| x > m),
                        )
                    }
                };
                if low || high {
                    let range = match (rule.minimum, rule.maximum) {
                        (Some(a), Some(b)) => format!("between {a} and {b}"),
                        (Some(a), None) => format!("at least {a}"),
                        (None, Some(b)) => format!("at most {b}"),
                        (None, None) => String::new(),
                    };
                    out.push(Diagnostic::error(
                        "out-of-range",
                        node.span,
                        format!("{what} must be {range}, found {}", shown(node)),
                    ));
                }
            }
            Value::Null | Value::Bool(_) => {}
        }
    }
}

/// Whether `f` is a finite whole number. Not `f.fract() == 0.0`: that is a call to
/// libm's `trunc`, which the compiler hoisted to run for every node checked.
fn is_whole(f: f64) -> bool {
    // From 2^52 on, every finite double is whole; below, the cast is exact.
    f.is_finite() && (f.abs() >= 4_503_599_627_370_496.0 || (f as i64) as f64 == f)
}

/// A `pattern`, with a fast path for the schema's commonest form, "one or more of
/// anything but these characters" (`^[^\t\n\r ]+$`): ids are checked on every map,
/// and a regex engine costs more than the rest of the schema check for them.
#[derive(Clone, Debug)]
enum Pattern {
    /// The excluded characters, all ASCII, as a bit per byte value: a byte of a
    /// multi-byte character is never below 128, so bytes can be tested one by one.
    NoneOf(u128),
    /// `^literal`: a prefix, checked without the regex engine (`^x-`, on every key).
    Prefix(String),
    /// `^(https?://|mailto:)[^\t\n\r ]+$`: one of some literal beginnings (`s?`
    /// spelled out both ways), then as [`Pattern::NoneOf`].
    Led(Vec<String>, u128),
    Regex(Regex),
}

impl Pattern {
    /// The fast forms are recognised only in spellings that are valid regexes, so
    /// only the rest go through (and are checked by) the regex compiler.
    fn new(source: &str) -> Result<Pattern, regex_lite::Error> {
        let led = source.strip_prefix('^').and_then(|rest| {
            let (head, class) = rest.split_once("[^")?;
            let mask = excluded(class.strip_suffix("]+$")?)?;
            let alternatives = match head.strip_prefix('(') {
                Some(group) => group.strip_suffix(')')?.split('|').collect(),
                None => vec![head],
            };
            let mut prefixes = Vec::new();
            for alternative in alternatives {
                prefixes.extend(spelled_out(alternative)?);
            }
            Some((prefixes, mask))
        });
        let prefix = source.strip_prefix('^').filter(|rest| {
            rest.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        });
        Ok(match (led, prefix) {
            (Some((prefixes, mask)), _) if prefixes == [""] => Pattern::NoneOf(mask),
            (Some((prefixes, mask)), _) => Pattern::Led(prefixes, mask),
            (None, Some(prefix)) => Pattern::Prefix(prefix.to_string()),
            (None, None) => Pattern::Regex(Regex::new(source)?),
        })
    }

    /// The two forms met on every map inline; the rarer ones out of line.
    #[inline]
    fn is_match(&self, s: &str) -> bool {
        match self {
            Pattern::NoneOf(mask) => none_of(*mask, s),
            Pattern::Prefix(prefix) => {
                // Byte by byte: the prefix is a couple of bytes, too short for memcmp.
                let prefix = prefix.as_bytes();
                s.len() >= prefix.len() && s.bytes().zip(prefix).all(|(a, &b)| a == b)
            }
            _ => self.is_match_rarely(s),
        }
    }

    #[inline(never)]
    fn is_match_rarely(&self, s: &str) -> bool {
        match self {
            Pattern::Led(prefixes, mask) => prefixes.iter().any(|p| {
                s.strip_prefix(p.as_str())
                    .is_some_and(|rest| none_of(*mask, rest))
            }),
            Pattern::Regex(re) => re.is_match(s),
            Pattern::NoneOf(_) | Pattern::Prefix(_) => self.is_match(s),
        }
    }
}

/// Whether `s` is not empty and has none of the ASCII characters in `mask`.
#[inline]
fn none_of(mask: u128, s: &str) -> bool {
    // Two words, kept in registers, rather than a 128-bit shift per byte.
    let (low, high) = (mask as u64, (mask >> 64) as u64);
    !s.is_empty()
        && s.bytes().all(|b| {
            let word = if b < 64 { low } else { high };
            b >= 128 || (word >> (b & 63)) & 1 == 0
        })
}

/// The characters of a negated class (`\t\n\r ` in `[^\t\n\r ]`) as a bit per ASCII
/// byte, for the spellings that are plainly characters; anything else is left to the
/// regex compiler.
fn excluded(class: &str) -> Option<u128> {
    let mut mask = 0u128;
    let mut it = class.chars();
    while let Some(c) = it.next() {
        let c = match c {
            '\\' => match it.next()? {
                't' => '\t',
                'n' => '\n',
                'r' => '\r',
                _ => return None,
            },
            c if c == ' ' || c.is_ascii_alphanumeric() => c,
            _ => return None,
        };
        mask |= 1u128 << (u32::from(c) & 127);
    }
    (mask != 0).then_some(mask)
}

/// Every text a literal regex with optional characters (`https?://`) matches, or
/// `None` if it has anything else.
fn spelled_out(literal: &str) -> Option<Vec<String>> {
    let mut out = vec![String::new()];
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        if !(c.is_ascii_alphanumeric() || matches!(c, ':' | '/' | '-' | '_')) {
            return None;
        }
        let without = chars.next_if_eq(&'?').map(|_| out.clone());
        for s in &mut out {
            s.push(c);
        }
        out.extend(without.into_iter().flatten());
        if out.len() > 8 {
            return None;
        }
    }
    Some(out)
}

/// Where a value sits, for messages: the map itself, under a key, or in a list.
enum Place<'a> {
    Root,
    Key(&'a str),
    Item(&'a str),
}

impl std::fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Place::Root => f.write_str("the map"),
            Place::Key(k) => write!(f, "`{k}`"),
            Place::Item(k) => write!(f, "each entry of `{k}`"),
        }
    }
}

/// What a text value would be without its quotes, when that is not text: `"+1"` is a
/// number written in quotes. (A plain `+1` would have been read as a number, so text that
/// resolves to one was quoted, or tagged `!!str`.)
fn unquoted(node: &Node) -> Option<Node> {
    let value = crate::read::resolve_plain(node.as_str()?);
    (!matches!(value, Value::Str(_))).then_some(Node {
        span: node.span,
        value,
    })
}

/// How a number beyond `i64`/`f64` compares with a schema bound: exactly, as decimals.
#[cold]
fn compare_big(n: &BigNumber, bound: f64) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match BigNumber::from_f64(bound) {
        Some(b) => n.cmp_value(&b),
        None if bound > 0.0 => Ordering::Less,
        None => Ordering::Greater,
    }
}

/// The exact value of a number node, for comparing with a [`BigNumber`].
fn exact(node: &Node) -> Option<BigNumber> {
    match &node.value {
        Value::Int(i) => Some(BigNumber::from_i64(*i)),
        Value::Float(f) => BigNumber::from_f64(*f),
        Value::Big(n) => Some((**n).clone()),
        _ => None,
    }
}

/// Whether `node` equals the JSON value `json`, without building JSON from the node.
fn equals(node: &Node, json: &Json) -> bool {
    match (&node.value, json) {
        (Value::Null, Json::Null) => true,
        (Value::Bool(a), Json::Bool(b)) => a == b,
        (Value::Str(a), Json::String(b)) => a == b,
        (Value::Big(a), Json::Number(n)) => BigNumber::decimal(&n.to_string()).cmp_value(a).is_eq(),
        (Value::Int(_) | Value::Float(_), Json::Number(n)) => node.as_f64() == n.as_f64(),
        (Value::Seq(items), Json::Array(values)) => {
            items.len() == values.len() && items.iter().zip(values).all(|(a, b)| equals(a, b))
        }
        (Value::Map(entries), Json::Object(fields)) => {
            entries.len() == fields.len()
                && entries
                    .iter()
                    .all(|e| fields.get(&e.key).is_some_and(|v| equals(&e.value, v)))
        }
        _ => false,
    }
}

/// Whether two nodes hold the same value, wherever they are written.
fn same(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|e| y.iter().any(|f| f.key == e.key && same(&e.value, &f.value)))
        }
        (Value::Big(_), _) | (_, Value::Big(_)) => match (exact(a), exact(b)) {
            (Some(x), Some(y)) => x.cmp_value(&y).is_eq(),
            _ => false,
        },
        (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) => {
            a.as_f64() == b.as_f64()
        }
        (x, y) => x == y,
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// A value as a user wrote it, short enough for a message.
fn shown(node: &Node) -> String {
    match &node.value {
        Value::Str(s) => {
            let cut: String = s.chars().take(40).collect();
            let dots = if cut.len() < s.len() { "…" } else { "" };
            format!("`{cut}{dots}`")
        }
        Value::Int(i) => format!("`{i}`"),
        // `1e300` as written, not as 301 digits.
        Value::Float(f) if f.abs() >= 1e16 || (*f != 0.0 && f.abs() < 1e-6) => format!("`{f:e}`"),
        Value::Float(f) => format!("`{f}`"),
        Value::Big(n) => n.shown(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Null => "nothing".to_string(),
        Value::Seq(_) => "a list".to_string(),
        Value::Map(_) => "a mapping".to_string(),
    }
}

fn json_plain(v: &Json) -> String {
    match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Where a schema sits in the document (`#/$defs/stage/properties/name`), written out
/// only for an error message.
#[derive(Clone, Copy)]
struct At<'a> {
    parent: Option<&'a At<'a>>,
    segment: &'a str,
}

impl<'a> At<'a> {
    const ROOT: At<'static> = At {
        parent: None,
        segment: "#",
    };

    fn child(&'a self, segment: &'a str) -> At<'a> {
        At {
            parent: Some(self),
            segment,
        }
    }
}

/// `#/$defs`, the parent of every definition.
static DEFS: At<'static> = At {
    parent: Some(&At::ROOT),
    segment: "$defs",
};

impl fmt::Display for At<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        if let Some(parent) = self.parent {
            write!(f, "{parent}/")?;
        }
        f.write_str(self.segment)
    }
}

/// Compiles a schema as serde reads it: no `serde_json::Value` is built for the
/// document (its descriptions are most of its bytes and are skipped unread), which
/// halves what one map costs a process.
struct Compiler {
    rules: Vec<Rule>,
    /// Each `$defs` entry's slot, whether it was defined yet, and the first place
    /// that referred to it (for the error if it never is).
    defs: Vec<Def>,
}

struct Def {
    name: String,
    slot: usize,
    defined: bool,
    used_at: Option<String>,
}

impl Compiler {
    /// The slot of definition `name`, reserved on first mention: a `$ref` may come
    /// before `$defs` in the document.
    fn slot(&mut self, name: &str, used_at: Option<At>) -> usize {
        if let Some(def) = self.defs.iter_mut().find(|d| d.name == name) {
            if def.used_at.is_none() {
                def.used_at = used_at.map(|at| at.to_string());
            }
            return def.slot;
        }
        let slot = self.rules.len();
        self.rules.push(Rule::default());
        self.defs.push(Def {
            name: name.to_string(),
            slot,
            defined: false,
            used_at: used_at.map(|at| at.to_string()),
        });
        slot
    }

    /// Reads one schema object into a rule; `$defs` are compiled only at the root.
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        mut map: A,
        at: At<'_>,
        root: bool,
    ) -> Result<Read<'de>, A::Error> {
        let mut rule = Rule::default();
        let mut reference = None;
        let mut beside = None;
        let mut description = None;
        while let Some(Text(key)) = map.next_key::<Text<'de>>()? {
            let bad = || de::Error::custom(format!("{at}: bad value for `{key}`"));
            if key != "$ref" && beside.is_none() && !ANNOTATIONS.contains(&key.as_ref()) {
                beside = Some(key.to_string());
            }
            match key.as_ref() {
                "$ref" => reference = Some(map.next_value::<Text<'de>>()?.0),
                "title" => rule.title = Some(map.next_value::<Text<'de>>()?.0.into_owned()),
                "description" => description = Some(map.next_value::<Text<'de>>()?.0),
                "$defs" if root => map.next_value_seed(Defs { compiler: self })?,
                k if ANNOTATIONS.contains(&k) => {
                    map.next_value::<de::IgnoredAny>()?;
                }
                "type" => {
                    let names = match map.next_value::<Json>()? {
                        Json::String(s) => vec![s],
                        Json::Array(a) => a
                            .into_iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect(),
                        _ => return Err(bad()),
                    };
                    for n in names {
                        rule.types.push(JType::parse(&n).ok_or_else(bad)?);
                    }
                }
                "properties" => {
                    let at = at.child("properties");
                    let mut properties = map.next_value_seed(Properties { compiler: self, at })?;
                    // In name order, as a JSON object is iterated: the order the
                    // "may have" lists and the suggestions have always used.
                    properties.sort_by(|a, b| a.0.cmp(&b.0));
                    rule.properties = properties;
                }
                "patternProperties" => {
                    let at = at.child("patternProperties");
                    let mut patterned = map.next_value_seed(Properties { compiler: self, at })?;
                    patterned.sort_by(|a, b| a.0.cmp(&b.0));
                    for (source, id) in patterned {
                        let pattern = Pattern::new(&source).map_err(|e| {
                            de::Error::custom(format!("{at}: bad pattern `{source}`: {e}"))
                        })?;
                        rule.pattern_properties.push((pattern, id));
                    }
                }
                "additionalProperties" => {
                    let at = at.child("additionalProperties");
                    match map.next_value_seed(Additional { compiler: self, at })? {
                        Extra::Open(open) => rule.closed = !open,
                        Extra::Schema(id) => rule.additional = Some(id),
                    }
                }
                "required" => {
                    let names = map.next_value::<Vec<Json>>()?;
                    for r in names {
                        rule.required.push(r.as_str().ok_or_else(bad)?.to_string());
                    }
                }
                "enum" => rule.one_of_values = Some(map.next_value::<Vec<Json>>()?),
                "const" => rule.constant = Some(map.next_value::<Json>()?),
                "minimum" => rule.minimum = Some(number(map.next_value::<Json>()?, bad)?),
                "maximum" => rule.maximum = Some(number(map.next_value::<Json>()?, bad)?),
                "minLength" => rule.min_length = Some(count(map.next_value::<Json>()?, bad)?),
                "maxLength" => rule.max_length = Some(count(map.next_value::<Json>()?, bad)?),
                "minItems" => rule.min_items = Some(count(map.next_value::<Json>()?, bad)?),
                "maxItems" => rule.max_items = Some(count(map.next_value::<Json>()?, bad)?),
                "uniqueItems" => rule.unique_items = map.next_value::<Json>()? == Json::Bool(true),
                "items" => {
                    let at = at.child("items");
                    rule.items = Some(map.next_value_seed(Sub {
                        compiler: self,
                        at,
                        root: false,
                    })?);
                }
                "pattern" => {
                    let Text(p) = map.next_value::<Text<'de>>()?;
                    rule.pattern = Some(
                        Pattern::new(&p)
                            .map_err(|e| de::Error::custom(format!("{at}: bad pattern: {e}")))?,
                    );
                }
                "format" => match map.next_value::<Text<'de>>()?.0.as_ref() {
                    "date" => rule.date = true,
                    _ => {
                        return Err(de::Error::custom(format!(
                            "{at}: only `format: date` is supported"
                        )));
                    }
                },
                other => {
                    return Err(de::Error::custom(format!(
                        "{at}: keyword `{other}` is not supported by cjm"
                    )));
                }
            }
        }
        rule.by_name = rule.properties.iter().cloned().collect();
        // Kept only where a message quotes it: as the help for a `pattern`.
        if rule.pattern.is_some() {
            rule.description = description.map(Cow::into_owned);
        }
        Ok(Read {
            rule,
            reference,
            beside,
        })
    }
}

/// A schema object as read, before it is known to be a rule or a `$ref`.
struct Read<'de> {
    rule: Rule,
    reference: Option<Cow<'de, str>>,
    /// The first keyword that is neither `$ref` nor an annotation.
    beside: Option<String>,
}

fn number<E>(v: Json, bad: impl Fn() -> E) -> Result<f64, E> {
    v.as_f64().ok_or_else(bad)
}

fn count<E>(v: Json, bad: impl Fn() -> E) -> Result<usize, E> {
    v.as_u64().map(|n| n as usize).ok_or_else(bad)
}

/// A JSON string, borrowed from the document where it has no escapes.
struct Text<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Text<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text<'de>, E> {
                Ok(Text(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// One schema (a rule or a `$ref`), compiled to its rule index.
struct Sub<'c> {
    compiler: &'c mut Compiler,
    at: At<'c>,
    root: bool,
}

impl<'de> DeserializeSeed<'de> for Sub<'_> {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Sub<'_> {
    type Value = usize;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a schema object at {}", self.at)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<usize, A::Error> {
        let at = self.at;
        let read = self.compiler.read(map, at, self.root)?;
        let Some(target) = read.reference else {
            self.compiler.rules.push(read.rule);
            return Ok(self.compiler.rules.len() - 1);
        };
        if let Some(k) = read.beside {
            return Err(de::Error::custom(format!(
                "{at}: `{k}` beside `$ref` is not supported"
            )));
        }
        let name = target.strip_prefix("#/$defs/").ok_or_else(|| {
            de::Error::custom(format!(
                "{at}: only local `#/$defs/` references are supported"
            ))
        })?;
        Ok(self.compiler.slot(name, Some(at)))
    }
}

/// `properties`, `patternProperties`: names (or patterns) and their compiled schemas.
struct Properties<'c> {
    compiler: &'c mut Compiler,
    at: At<'c>,
}

impl<'de> DeserializeSeed<'de> for Properties<'_> {
    type Value = Vec<(String, usize)>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Properties<'_> {
    type Value = Vec<(String, usize)>;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an object of schemas at {}", self.at)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::new();
        while let Some(Text(name)) = map.next_key::<Text<'de>>()? {
            let at = self.at.child(&name);
            let id = map.next_value_seed(Sub {
                compiler: self.compiler,
                at,
                root: false,
            })?;
            out.push((name.into_owned(), id));
        }
        Ok(out)
    }
}

/// `$defs`: each definition compiled into the slot its `$ref`s point at.
struct Defs<'c> {
    compiler: &'c mut Compiler,
}

impl<'de> DeserializeSeed<'de> for Defs<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Defs<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of definitions at #/$defs")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(Text(name)) = map.next_key::<Text<'de>>()? {
            let at = DEFS.child(&name);
            let rule = map.next_value_seed(Definition {
                compiler: self.compiler,
                at,
            })?;
            let slot = self.compiler.slot(&name, None);
            self.compiler.rules[slot] = rule;
            if let Some(def) = self.compiler.defs.iter_mut().find(|d| d.slot == slot) {
                def.defined = true;
            }
        }
        Ok(())
    }
}

/// One `$defs` entry: a rule, never itself a `$ref`.
struct Definition<'c> {
    compiler: &'c mut Compiler,
    at: At<'c>,
}

impl<'de> DeserializeSeed<'de> for Definition<'_> {
    type Value = Rule;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Rule, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Definition<'_> {
    type Value = Rule;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a schema object at {}", self.at)
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Rule, A::Error> {
        let read = self.compiler.read(map, self.at, false)?;
        if read.reference.is_some() {
            return Err(de::Error::custom(format!(
                "{}: keyword `$ref` is not supported by cjm",
                self.at
            )));
        }
        Ok(read.rule)
    }
}

/// `additionalProperties`: `true`/`false`, or the schema every other key holds.
enum Extra {
    Open(bool),
    Schema(usize),
}

struct Additional<'c> {
    compiler: &'c mut Compiler,
    at: At<'c>,
}

impl<'de> DeserializeSeed<'de> for Additional<'_> {
    type Value = Extra;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Extra, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Additional<'_> {
    type Value = Extra;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "true, false or a schema object at {}", self.at)
    }
    fn visit_bool<E: de::Error>(self, open: bool) -> Result<Extra, E> {
        Ok(Extra::Open(open))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Extra, A::Error> {
        Sub {
            compiler: self.compiler,
            at: self.at,
            root: false,
        }
        .visit_map(map)
        .map(Extra::Schema)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_fast_path_agrees_with_the_regex() {
        let source = "^[^\\t\\n\\r ]+$";
        let fast = Pattern::new(source).unwrap();
        assert!(matches!(fast, Pattern::NoneOf(_)), "{fast:?}");
        let re = Regex::new(source).unwrap();
        for s in [
            "", "a", "a b", "a\tb", "x\n", "\r", "ид-1", "下单", "a-b_c.d", " ",
        ] {
            assert_eq!(fast.is_match(s), re.is_match(s), "{s:?}");
        }
        assert!(matches!(
            Pattern::new("^(https?://|mailto:)[^\\t\\n\\r ]+$").unwrap(),
            Pattern::Led(p, _) if p == ["https://", "http://", "mailto:"]
        ));
        assert!(matches!(
            Pattern::new("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$").unwrap(),
            Pattern::Regex(_)
        ));
    }
    use crate::read::{Limits, parse};

    fn findings(yaml: &str) -> Vec<Diagnostic> {
        let root = parse(yaml, &Limits::default()).root.unwrap();
        Schema::embedded().unwrap().validate(&root)
    }

    const OK: &str = "cjm: 1\ntitle: t\ntype: current-state\nstages:\n  - name: A\n";

    #[test]
    fn the_embedded_schema_compiles() {
        Schema::embedded().unwrap();
    }

    #[test]
    fn a_minimal_map_passes() {
        assert_eq!(findings(OK), vec![]);
    }

    #[test]
    fn unknown_keys_suggest_the_closest_name() {
        let d = &findings(&format!("{OK}    touchpionts: []\n"))[0];
        assert_eq!(d.code, "unknown-key");
        assert_eq!(d.help.as_deref(), Some("did you mean `touchpoints`?"));
    }

    #[test]
    fn enums_list_the_allowed_values() {
        let d = &findings(&OK.replace("current-state", "current"))[0];
        assert_eq!(d.code, "invalid-value");
        assert!(
            d.message.contains("current-state, future-state"),
            "{}",
            d.message
        );
        assert_eq!(d.help.as_deref(), Some("did you mean `current-state`?"));
    }

    #[test]
    fn ranges_types_and_required_keys() {
        let codes = |y: &str| findings(y).iter().map(|d| d.code).collect::<Vec<_>>();
        // The map's emotion scale is checked by `refs`; the schema bounds it loosely.
        assert_eq!(codes(&format!("{OK}    emotion: 300\n")), ["out-of-range"]);
        assert_eq!(codes(&format!("{OK}    emotion: 3\n")), Vec::<&str>::new());
        assert_eq!(codes(&format!("{OK}    emotion: high\n")), ["wrong-type"]);
        assert_eq!(
            codes("cjm: 1\ntitle: t\ntype: experience\n"),
            ["missing-key"]
        );
        assert_eq!(
            codes(&format!("{OK}reviewed: 2026-02-30\n")),
            ["invalid-date"]
        );
        assert_eq!(codes(&format!("{OK}tags: [a, a]\n")), ["duplicate-item"]);
        assert_eq!(codes(&format!("{OK}tags: a\n")), ["wrong-type"]);
    }

    #[test]
    fn big_numbers_are_integers_and_compare_exactly() {
        let codes = |y: &str| findings(y).iter().map(|d| d.code).collect::<Vec<_>>();
        let emotion = |v: &str| codes(&format!("{OK}    emotion: {v}\n"));
        for too_big in [
            "0x8000000000000000",
            "0o1777777777777777777777",
            "1e309",
            "99999999999999999999",
        ] {
            assert_eq!(emotion(too_big), ["out-of-range"], "{too_big}");
        }
        assert_eq!(emotion("-1e309"), ["out-of-range"]);
        assert_eq!(emotion("2.0000000000000000001"), ["wrong-type"]);
        assert_eq!(emotion("1e-400"), ["wrong-type"]);
        assert_eq!(emotion("2.0"), Vec::<&str>::new());
        assert_eq!(emotion("-2e0"), Vec::<&str>::new());
        let metric = |v: &str| {
            codes(&format!(
                "{OK}    metrics:\n      - name: m\n        kind: nps\n        value: {v}\n"
            ))
        };
        assert_eq!(metric("1e309"), Vec::<&str>::new());
        assert_eq!(metric("0x8000000000000000"), Vec::<&str>::new());
    }

    #[test]
    fn a_number_too_long_to_print_is_shortened() {
        let long = "9".repeat(309);
        let d = &findings(&format!("{OK}    emotion: {long}\n"))[0];
        assert!(d.message.len() < 120, "{}", d.message);
        assert!(!d.message.contains("inf"), "{}", d.message);
        let d = &findings(&format!("{OK}    emotion: 1e309\n"))[0];
        assert_eq!(
            d.message,
            "`emotion` must be between -100 and 100, found `1e309`"
        );
        let d = &findings(&format!("{OK}    emotion: 1.5e300\n"))[0];
        assert!(d.message.ends_with("found `1.5e300`"), "{}", d.message);
    }

    #[test]
    fn a_quoted_number_is_told_to_drop_its_quotes() {
        let d = &findings(&format!("{OK}    emotion: \"+1\"\n"))[0];
        assert_eq!(d.code, "wrong-type");
        assert_eq!(
            d.message,
            "`emotion` must be a whole number or a mapping, found `+1` in quotes, which makes it text"
        );
        assert_eq!(d.help.as_deref(), Some("drop the quotes: `emotion: +1`"));
        // Without quotes it would still be wrong: no such advice.
        let d = &findings(&format!("{OK}    emotion: '1.5'\n"))[0];
        assert_eq!(
            d.message,
            "`emotion` must be a whole number or a mapping, found `1.5`"
        );
        assert_eq!(d.help, None);
    }

    #[test]
    fn whole_numbers_are_told_without_trunc() {
        for f in [
            0.0,
            -0.0,
            1.0,
            -3.0,
            2.5,
            -2.5,
            1e-300,
            4_503_599_627_370_495.5,
            9.007e15,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            0.999_999_999_999_999_9,
        ] {
            assert_eq!(is_whole(f), f.fract() == 0.0, "{f}");
        }
        for f in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert!(!is_whole(f));
        }
    }

    proptest::proptest! {
        #[test]
        fn whole_numbers_agree_with_fract(bits in proptest::num::u64::ANY) {
            let f = f64::from_bits(bits);
            proptest::prop_assert_eq!(is_whole(f), f.is_finite() && f.fract() == 0.0);
        }
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        let title = |t: &str| findings(&OK.replace("title: t", &format!("title: '{t}'")));
        // 500 characters of four bytes each: 2,000 bytes, and allowed.
        assert_eq!(title(&"😀".repeat(500)), vec![]);
        let d = &title(&"😀".repeat(501))[0];
        assert_eq!(d.message, "`title` is 501 characters long; the most is 500");
        assert_eq!(title(&"é".repeat(501))[0].code, "text-too-long");
        assert_eq!(title(&"a".repeat(500)), vec![]);
        assert_eq!(title("é"), vec![]);
        assert_eq!(title("")[0].code, "empty-text");
    }

    #[test]
    fn a_date_that_does_not_exist_says_so() {
        let d = &findings(&format!("{OK}reviewed: 2026-02-30\n"))[0];
        assert_eq!(
            d.message,
            "`reviewed` is `2026-02-30`, a day that does not exist: February 2026 has 28 days, not 30"
        );
        let d = &findings(&format!("{OK}reviewed: 2026-13-01\n"))[0];
        assert_eq!(
            d.message,
            "`reviewed` is `2026-13-01`, but there is no month 13"
        );
        let d = &findings(&format!("{OK}reviewed: 2026-1-1\n"))[0];
        assert!(d.message.contains("YYYY-MM-DD"), "{}", d.message);
    }

    #[test]
    fn extension_keys_are_allowed_on_every_closed_mapping() {
        let map = "cjm: 1\ntitle: t\ntype: current-state\nx-team: {budget: 3}\n\
                   personas:\n  - {name: P, x-segment: smb, empathy: {says: [hi], x-source: call}}\n\
                   research:\n  - {id: r, x-cost: 2}\n\
                   stages:\n  - name: A\n    x-owner-slack: '#a'\n\
                   \x20   touchpoints: [{name: T, x-id: 7}]\n\
                   \x20   pain_points: [{name: P, x-jira: [J-1]}]\n\
                   \x20   opportunities: [{name: O, x-budget: 20k}]\n\
                   \x20   metrics: [{name: M, x-source: ga}]\n";
        assert_eq!(findings(map), vec![]);
        // Only the `x-` prefix: a near miss is still an unknown key.
        let d = &findings(&format!("{OK}    x_budget: 1\n"))[0];
        assert_eq!(d.code, "unknown-key");
        let d = &findings(&format!("{OK}    X-budget: 1\n"))[0];
        assert_eq!(d.code, "unknown-key");
    }

    #[test]
    fn text_and_json_compile_to_the_same_schema() {
        // `validate` compiles the text as it reads it; a vocabulary goes through JSON.
        // The compact copy `build.rs` writes must compile to what the file says.
        for (text, compact) in [
            (SCHEMA_JSON, SCHEMA_COMPACT),
            (LIBRARY_SCHEMA_JSON, LIBRARY_SCHEMA_COMPACT),
        ] {
            assert!(compact.len() * 2 < text.len(), "{compact}");
            let json: Json = serde_json::from_str(text).unwrap();
            let from_json = canonical(&Schema::compile(&json).unwrap());
            assert_eq!(canonical(&Schema::from_text(text).unwrap()), from_json);
            assert_eq!(canonical(&Schema::from_text(compact).unwrap()), from_json);
        }
    }

    /// The rules reachable from the root, numbered in the order they are reached, so
    /// two compilations that fill the arena in different orders compare equal.
    fn canonical(schema: &Schema) -> String {
        let mut number = std::collections::HashMap::from([(schema.root, 0)]);
        let mut order = vec![schema.root];
        let mut i = 0;
        while let Some(&id) = order.get(i) {
            let r = &schema.rules[id];
            let children = r.properties.iter().map(|(_, c)| *c);
            let children = children.chain(r.pattern_properties.iter().map(|(_, c)| *c));
            for c in children.chain(r.additional).chain(r.items) {
                if let std::collections::hash_map::Entry::Vacant(e) = number.entry(c) {
                    e.insert(order.len());
                    order.push(c);
                }
            }
            i += 1;
        }
        let mut out = String::new();
        for id in order {
            let mut r = schema.rules[id].clone();
            let named = r.properties.iter_mut().map(|(_, c)| c);
            let patterned = r.pattern_properties.iter_mut().map(|(_, c)| c);
            let by_name = r.by_name.values_mut();
            let others = r.additional.iter_mut().chain(&mut r.items);
            for c in named.chain(patterned).chain(by_name).chain(others) {
                *c = number[c];
            }
            out.push_str(&format!("{r:?}\n"));
        }
        out
    }

    #[test]
    fn references_resolve_wherever_the_definitions_are() {
        let text = r##"{"type": "object", "properties": {"a": {"$ref": "#/$defs/n"}},
                       "$defs": {"n": {"type": "integer", "maximum": 3}}}"##;
        let schema = Schema::from_text(text).unwrap();
        let root = parse("a: 4\n", &Limits::default()).root.unwrap();
        let found = schema.validate(&root);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].message, "`a` must be at most 3, found `4`");
        let text = r##"{"properties": {"a": {"$ref": "#/$defs/gone"}}, "$defs": {}}"##;
        let err = Schema::from_text(text).unwrap_err();
        assert!(
            err.contains("#/properties/a: `$ref` to unknown definition `gone`"),
            "{err}"
        );
        let text = r##"{"properties": {"a": {"$ref": "#/$defs/n", "type": "string"}}}"##;
        let err = Schema::from_text(text).unwrap_err();
        assert!(err.contains("`type` beside `$ref`"), "{err}");
    }

    proptest::proptest! {
        #[test]
        fn fast_patterns_agree_with_the_regex(
            s in "(https?:/?/?|mailto:|x-|ab)?[a-x\\-:/\t\n\r é下]{0,6}"
        ) {
            for source in [
                "^[^\\t\\n\\r ]+$",
                "^[^ab]+$",
                "^x-",
                "^ab_",
                "^(https?://|mailto:)[^\\t\\n\\r ]+$",
                "^https?://[^\\t\\n\\r ]+$",
                "^(a?b?|x-)[^ab]+$",
            ] {
                let fast = Pattern::new(source).unwrap();
                proptest::prop_assert!(!matches!(fast, Pattern::Regex(_)), "{fast:?}");
                let re = Regex::new(source).unwrap();
                proptest::prop_assert_eq!(fast.is_match(&s), re.is_match(&s), "{}", source);
            }
        }
    }

    #[test]
    fn a_fast_pattern_spelling_that_is_no_regex_is_still_refused() {
        assert!(Pattern::new("^[^]+$").is_err());
        assert!(matches!(Pattern::new("^x-").unwrap(), Pattern::Prefix(_)));
    }

    #[test]
    fn unsupported_keywords_are_refused() {
        let doc: Json = serde_json::json!({"type": "object", "oneOf": []});
        assert!(Schema::compile(&doc).unwrap_err().contains("oneOf"));
        // The error says where, however deep.
        let text = r#"{"$defs": {"d": {"properties": {"p": {"items": {"oneOf": []}}}}}}"#;
        let err = Schema::from_text(text).unwrap_err();
        assert!(
            err.contains("#/$defs/d/properties/p/items: keyword `oneOf` is not supported"),
            "{err}"
        );
    }
}
