//! Where the cursor is in the YAML, read from indentation alone (the file is often
//! half-typed and does not parse), and what the schema says there: the keys allowed,
//! their documentation, and the values an enum takes.

use std::sync::OnceLock;

use lsp_types::Position;
use serde_json::Value as Json;

use super::text::Text;
use crate::check::schema::{LIBRARY_SCHEMA_JSON, SCHEMA_JSON};

/// A line of YAML as far as structure goes.
#[derive(Debug, PartialEq)]
pub struct Line<'a> {
    /// Column (in characters, 0-based) of the first character that is not a space.
    pub first: usize,
    /// Column of the content after any `- ` markers: where a key starts.
    pub col: usize,
    pub dash: bool,
    pub key: Option<&'a str>,
    /// What follows `key:`, or the whole content when there is no key.
    pub rest: &'a str,
}

/// Splits a line into its indentation, list markers, key and value. `None` for blank
/// lines and comments.
pub fn parse_line(line: &str) -> Option<Line<'_>> {
    let trimmed = line.trim_start_matches(' ');
    let first = line.len() - trimmed.len();
    if trimmed.is_empty() || trimmed.starts_with('#') {
        return None;
    }
    let mut col = first;
    let mut content = trimmed;
    let mut dash = false;
    while let Some(after) = content.strip_prefix('-') {
        if !(after.is_empty() || after.starts_with(' ')) {
            break;
        }
        dash = true;
        let rest = after.trim_start_matches(' ');
        col += content.chars().count() - rest.chars().count();
        content = rest;
    }
    let (key, rest) = split_key(content);
    Some(Line {
        first,
        col,
        dash,
        key,
        rest,
    })
}

fn split_key(content: &str) -> (Option<&str>, &str) {
    if content.starts_with(['"', '\'', '[', '{', '#']) {
        return (None, content);
    }
    let colon = content
        .match_indices(':')
        .find(|(i, _)| matches!(content.as_bytes().get(i + 1), None | Some(b' ')));
    match colon {
        Some((i, _)) => {
            let key = content.get(..i).unwrap_or("").trim_end();
            let rest = content.get(i + 1..).unwrap_or("").trim_start();
            (Some(key), rest)
        }
        None => (None, content),
    }
}

/// The keys of the mappings that enclose column `col` of line `line` (0-based),
/// outermost first.
pub fn parents(text: &Text, line: usize, col: usize) -> Vec<String> {
    let mut want = col;
    let mut out = Vec::new();
    for n in (0..line).rev() {
        if want == 0 {
            break;
        }
        let Some(l) = parse_line(text.line(n)) else {
            continue;
        };
        if l.col < want {
            if let Some(key) = l.key {
                out.push(key.to_string());
                want = l.col;
            } else if l.first < want {
                want = l.first;
            }
        } else if l.dash && l.first < want {
            // `- name: x` opens the item whose keys sit at `l.col`.
            want = want.min(l.col);
        }
    }
    out.reverse();
    out
}

/// What is being typed at the cursor.
#[derive(Debug, PartialEq)]
pub enum Context {
    /// A key in the mapping below `path`.
    Key { path: Vec<String>, prefix: String },
    /// A value of `key` (in the mapping below `path`), or an item of its list.
    Value {
        path: Vec<String>,
        key: String,
        prefix: String,
    },
}

pub fn context(text: &Text, at: Position) -> Context {
    let line_no = at.line as usize;
    let line = text.line(line_no);
    let cut = text
        .offset(at)
        .saturating_sub(text.offset(Position::new(at.line, 0)));
    let before = line.get(..cut).unwrap_or(line);
    let parsed = parse_line(before);
    let Some(l) = parsed else {
        let col = before.chars().count();
        return Context::Key {
            path: parents(text, line_no, col),
            prefix: String::new(),
        };
    };
    let path = parents(text, line_no, l.col);
    match l.key {
        Some(key) => {
            let value = l.rest;
            let prefix = match value.rfind(['[', ',']) {
                Some(i) => value.get(i + 1..).unwrap_or("").trim_start(),
                None => value,
            };
            Context::Value {
                path,
                key: key.to_string(),
                prefix: prefix.to_string(),
            }
        }
        None if l.dash => {
            // `- su` is an item of a list of values, or the first key of a new mapping.
            let outer = parents(text, line_no, l.first);
            let (last, rest) = match outer.split_last() {
                Some((last, rest)) => (last.clone(), rest.to_vec()),
                None => {
                    return Context::Key {
                        path,
                        prefix: l.rest.to_string(),
                    };
                }
            };
            let items_are_objects = schema(false)
                .and_then(|s| property(s, &rest, &last))
                .map(|n| resolve(schema(false).unwrap_or(n), n))
                .and_then(|n| n.get("items"))
                .is_some_and(|i| {
                    let root = schema(false).unwrap_or(i);
                    resolve(root, i).get("properties").is_some()
                });
            if items_are_objects && last != "personas" {
                Context::Key {
                    path,
                    prefix: l.rest.to_string(),
                }
            } else {
                Context::Value {
                    path: rest,
                    key: last,
                    prefix: l.rest.to_string(),
                }
            }
        }
        None => Context::Key {
            path,
            prefix: l.rest.to_string(),
        },
    }
}

/// The map schema, or the library schema, parsed once.
pub fn schema(library: bool) -> Option<&'static Json> {
    static MAP: OnceLock<Option<Json>> = OnceLock::new();
    static LIBRARY: OnceLock<Option<Json>> = OnceLock::new();
    if library {
        LIBRARY
            .get_or_init(|| serde_json::from_str(LIBRARY_SCHEMA_JSON).ok())
            .as_ref()
    } else {
        MAP.get_or_init(|| serde_json::from_str(SCHEMA_JSON).ok())
            .as_ref()
    }
}

/// Follows a local `$ref`.
fn resolve<'a>(root: &'a Json, node: &'a Json) -> &'a Json {
    let mut node = node;
    for _ in 0..8 {
        let Some(r) = node.get("$ref").and_then(Json::as_str) else {
            break;
        };
        let Some(pointer) = r.strip_prefix('#') else {
            break;
        };
        match root.pointer(pointer) {
            Some(target) => node = target,
            None => break,
        }
    }
    node
}

/// The object schema of the mapping below `path` (lists stepped into).
pub fn object<'a>(root: &'a Json, path: &[String]) -> Option<&'a Json> {
    let mut node = resolve(root, root);
    for key in path {
        node = resolve(root, node.get("properties")?.get(key)?);
        if let Some(items) = node.get("items") {
            node = resolve(root, items);
        }
    }
    Some(node)
}

/// The schema of `key` in the mapping below `path`.
pub fn property<'a>(root: &'a Json, path: &[String], key: &str) -> Option<&'a Json> {
    let node = object(root, path)?;
    Some(resolve(root, node.get("properties")?.get(key)?))
}

/// The documentation the schema gives a node, Markdown preferred.
pub fn doc(node: &Json) -> Option<String> {
    node.get("markdownDescription")
        .or_else(|| node.get("description"))
        .and_then(Json::as_str)
        .map(str::to_string)
}

/// The values a key takes, when the schema lists them (an enum, a constant, or a list
/// of either).
pub fn values(root: &Json, node: &Json) -> Vec<String> {
    let node = match node.get("items") {
        Some(items) => resolve(root, items),
        None => node,
    };
    let text = |v: &Json| match v {
        Json::String(s) => s.clone(),
        other => other.to_string(),
    };
    if let Some(list) = node.get("enum").and_then(Json::as_array) {
        return list.iter().map(text).collect();
    }
    if let Some(c) = node.get("const") {
        return vec![text(c)];
    }
    if node.get("type").and_then(Json::as_str) == Some("boolean") {
        return vec!["true".to_string(), "false".to_string()];
    }
    Vec::new()
}

/// Whether the text is a library file (`type: library` at the top level).
pub fn is_library(text: &Text) -> bool {
    (0..text.line_count()).any(|n| {
        let line = text.line(n);
        line.starts_with("type:") && line.trim_start_matches("type:").trim() == "library"
    })
}

/// The schema's words for the key under the cursor.
pub fn hover(text: &Text, at: Position, library: bool) -> Option<String> {
    let line_no = at.line as usize;
    let l = parse_line(text.line(line_no))?;
    let key = l.key?;
    let col = at.character as usize;
    // Keys are ASCII, so columns in UTF-16 units and characters agree up to the key's end.
    if col < l.col || col > l.col + key.len() {
        return None;
    }
    let root = schema(library)?;
    let path = parents(text, line_no, l.col);
    let node = property(root, &path, key)?;
    let mut out = format!("**{key}**");
    if let Some(d) = doc(node) {
        out.push_str("\n\n");
        out.push_str(&d);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> (Text, Position) {
        let (line, _) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains('|'))
            .unwrap();
        let col = text.lines().nth(line).unwrap().find('|').unwrap();
        (
            Text::new(text.replace('|', "")),
            Position::new(line as u32, col as u32),
        )
    }

    #[test]
    fn the_path_comes_from_indentation() {
        let (t, p) = at("stages:\n  - id: a\n    touchpoints:\n      - id: t\n        na|\n");
        assert_eq!(
            context(&t, p),
            Context::Key {
                path: vec!["stages".into(), "touchpoints".into()],
                prefix: "na".into()
            }
        );
        let (t, p) = at("stages:\n  - name: a\n    pain_points:\n      - touchpoint: ch|\n");
        assert_eq!(
            context(&t, p),
            Context::Value {
                path: vec!["stages".into(), "pain_points".into()],
                key: "touchpoint".into(),
                prefix: "ch".into()
            }
        );
        let (t, p) =
            at("stages:\n  - name: a\n    pain_points:\n      - evidence:\n          - su|\n");
        assert_eq!(
            context(&t, p),
            Context::Value {
                path: vec!["stages".into(), "pain_points".into()],
                key: "evidence".into(),
                prefix: "su".into()
            }
        );
        let (t, p) = at("stages:\n  - name: a\n    opportunities:\n      - addresses: [x, y|\n");
        assert!(
            matches!(context(&t, p), Context::Value { key, prefix, .. } if key == "addresses" && prefix == "y")
        );
        let (t, p) = at("stages:\n  - name: a\n  - |\n");
        assert_eq!(
            context(&t, p),
            Context::Key {
                path: vec!["stages".into()],
                prefix: String::new()
            }
        );
    }

    #[test]
    fn the_schema_documents_keys_and_lists_values() {
        let root = schema(false).unwrap();
        let tp = vec!["stages".to_string(), "touchpoints".to_string()];
        let channel = property(root, &tp, "channel").unwrap();
        assert!(values(root, channel).contains(&"mobile-app".to_string()));
        assert!(doc(channel).unwrap().contains("channel"));
        let (t, p) = at("stages:\n  - name: a\n    touchpoints:\n      - chan|nel: web\n");
        assert!(hover(&t, p, false).unwrap().starts_with("**channel**"));
    }
}
