//! `cjm import`: a Mermaid `journey` diagram turned into a map. Sections become stages,
//! tasks become touchpoints with an emotion (Mermaid's 1..5 score, shifted to −2..+2),
//! each stage's emotion is the rounded mean of its tasks, and actors become personas.
//!
//! Mermaid's journey grammar is line based, so this is a small line reader rather than
//! a parser crate; whatever it cannot read is a located diagnostic.

use std::collections::HashSet;
use std::fmt::Write;

use crate::diag::{Diagnostic, Pos, Span};
use crate::model::slug;

/// One task line: `Make tea: 5: Me, Cat`.
#[derive(Clone, Debug, PartialEq)]
pub struct Task {
    pub name: String,
    pub score: i64,
    pub actors: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub name: String,
    pub tasks: Vec<Task>,
}

/// A Mermaid journey, as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Journey {
    pub title: Option<String>,
    pub description: Option<String>,
    pub sections: Vec<Section>,
}

fn at(line: usize, col: usize, len: usize) -> Span {
    let line = u32::try_from(line).unwrap_or(u32::MAX);
    let col = u32::try_from(col).unwrap_or(u32::MAX);
    let end = u32::try_from(col as usize + len).unwrap_or(u32::MAX);
    Span::new(Pos { line, col }, Pos { line, col: end })
}

/// Reads a `.mmd` file, or the first ```` ```mermaid ```` block of a Markdown file, with
/// every diagnostic on its line of the whole file and carrying that line's text.
pub fn parse_file(text: &str) -> Result<Journey, Vec<Diagnostic>> {
    let (body, before) = mermaid_block(text);
    parse(body).map_err(|mut errors| {
        crate::codes::debug_assert_known(&errors);
        let lines: Vec<&str> = text.lines().collect();
        for d in &mut errors {
            d.span.start.line += before;
            d.span.end.line += before;
            let line = (d.span.start.line as usize)
                .checked_sub(1)
                .and_then(|i| lines.get(i))
                .copied()
                .unwrap_or("");
            d.set_line(line);
        }
        errors
    })
}

/// The journey inside a Markdown file's ```` ```mermaid ```` fence and the number of
/// lines before it; a plain `.mmd` file is the journey itself.
fn mermaid_block(text: &str) -> (&str, u32) {
    let Some(start) = text.find("```mermaid") else {
        return (text, 0);
    };
    let body_start = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i + 1);
    let body_end = text[body_start..]
        .find("```")
        .map_or(text.len(), |i| body_start + i);
    let before = text[..body_start].matches('\n').count();
    (
        &text[body_start..body_end],
        u32::try_from(before).unwrap_or(0),
    )
}

/// Reads a Mermaid journey; every line it cannot read is a diagnostic.
pub fn parse(text: &str) -> Result<Journey, Vec<Diagnostic>> {
    let mut journey = Journey::default();
    let mut errors = Vec::new();
    let mut started = false;
    for (i, raw) in text.lines().enumerate() {
        let number = i + 1;
        let line = raw.trim();
        let col = raw.len() - raw.trim_start().len() + 1;
        let chars = raw.trim_start().chars().count().max(1);
        if line.is_empty() || line.starts_with("%%") {
            continue;
        }
        if !started {
            if line == "journey" {
                started = true;
            } else {
                errors.push(
                    Diagnostic::error(
                        "not-a-journey",
                        at(number, col, chars),
                        "this is not a Mermaid journey: its first statement must be `journey`",
                    )
                    .with_help("cjm imports Mermaid `journey` diagrams only"),
                );
                return Err(errors);
            }
            continue;
        }
        let keyword = |k: &str| {
            line.strip_prefix(k)
                .filter(|rest| rest.is_empty() || rest.starts_with([' ', '\t', ':']))
                .map(|rest| rest.trim_start_matches(':').trim().to_string())
        };
        if let Some(title) = keyword("title") {
            journey.title = Some(title);
        } else if let Some(d) = keyword("accDescr") {
            journey.description = Some(d);
        } else if keyword("accTitle").is_some() {
            // The accessible title repeats the title; the map has one.
        } else if let Some(name) = keyword("section") {
            journey.sections.push(Section {
                name,
                tasks: Vec::new(),
            });
        } else if let Some((name, rest)) = line.split_once(':') {
            let (score, actors) = rest.split_once(':').unwrap_or((rest, ""));
            let score_col = col + name.chars().count() + 1;
            let Ok(score) = score.trim().parse::<i64>() else {
                errors.push(
                    Diagnostic::error(
                        "bad-score",
                        at(number, score_col, score.chars().count().max(1)),
                        format!("the score of `{}` is not a whole number", name.trim()),
                    )
                    .with_help("write a task as `Task name: 1..5: Actor, Actor`"),
                );
                continue;
            };
            let task = Task {
                name: name.trim().to_string(),
                score,
                actors: actors
                    .split(',')
                    .map(str::trim)
                    .filter(|a| !a.is_empty())
                    .map(str::to_string)
                    .collect(),
            };
            match journey.sections.last_mut() {
                Some(section) => section.tasks.push(task),
                None => errors.push(
                    Diagnostic::error(
                        "task-outside-section",
                        at(number, col, chars),
                        "this task comes before any `section`",
                    )
                    .with_help("start the stage with `section NAME` above it"),
                ),
            }
        } else {
            errors.push(
                Diagnostic::error(
                    "mermaid-syntax",
                    at(number, col, chars),
                    format!("cannot read `{}` in a Mermaid journey", short(line)),
                )
                .with_help(
                    "a journey holds `title TEXT`, `section NAME` and task lines `Task: 5: Actor`",
                ),
            );
        }
    }
    if !started {
        errors.push(
            Diagnostic::error(
                "not-a-journey",
                at(1, 1, 1),
                "the file holds no Mermaid journey",
            )
            .with_help("a journey starts with the line `journey`"),
        );
    }
    if journey.sections.is_empty() && errors.is_empty() {
        errors.push(
            Diagnostic::error(
                "no-sections",
                at(1, 1, 1),
                "the journey has no `section`, so the map would have no stage",
            )
            .with_help("add `section NAME` with its tasks"),
        );
    }
    if errors.is_empty() {
        Ok(journey)
    } else {
        Err(errors)
    }
}

fn short(s: &str) -> String {
    let cut: String = s.chars().take(40).collect();
    if cut.len() < s.len() {
        format!("{cut}…")
    } else {
        cut
    }
}

/// A Mermaid score (1..5) as an emotion (−2..+2).
fn emotion(score: i64) -> i64 {
    score.clamp(1, 5) - 3
}

/// A YAML scalar for `s`: plain when that reads back as the same text, else a
/// double-quoted string (JSON's escaping is valid YAML).
fn yaml(s: &str) -> String {
    let plain = s.chars().next().is_some_and(char::is_alphabetic)
        && s.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | '-' | '.' | ',' | '\'' | '(' | ')' | '/' | '?' | '!'
                )
        })
        && !s.ends_with(' ')
        && !matches!(
            s.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain {
        s.to_string()
    } else {
        serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
    }
}

/// Ids unique within a kind: the slug of the name, numbered when taken or empty.
struct Ids(HashSet<String>);

impl Ids {
    /// The id to write explicitly, or `None` when the derived one is free.
    fn claim(&mut self, name: &str, kind: &str) -> Option<String> {
        let derived = slug(name);
        if !derived.is_empty() && self.0.insert(derived.clone()) {
            return None;
        }
        let base = if derived.is_empty() {
            kind.to_string()
        } else {
            derived
        };
        let id = (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|id| !self.0.contains(id))
            .unwrap_or(base);
        self.0.insert(id.clone());
        Some(id)
    }
}

/// The map, as YAML text that `cjm validate` accepts.
pub fn to_yaml(journey: &Journey, fallback_title: &str, kind: &str) -> String {
    let mut out = String::from(
        "# yaml-language-server: $schema=journey-map.schema.json\n# Imported from a Mermaid journey by `cjm import`.\ncjm: 1\n",
    );
    let title = journey
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or(fallback_title);
    let _ = writeln!(out, "title: {}", yaml(title));
    let _ = writeln!(out, "type: {kind}");
    if let Some(d) = journey.description.as_deref().filter(|d| !d.is_empty()) {
        let _ = writeln!(out, "description: {}", yaml(d));
    }
    let mut actors: Vec<&str> = Vec::new();
    for task in journey.sections.iter().flat_map(|s| &s.tasks) {
        for a in &task.actors {
            if !actors.contains(&a.as_str()) {
                actors.push(a);
            }
        }
    }
    if !actors.is_empty() {
        out.push_str("personas:\n");
        let mut ids = Ids(HashSet::new());
        for a in &actors {
            let _ = match ids.claim(a, "persona") {
                Some(id) => writeln!(out, "  - id: {id}\n    name: {}", yaml(a)),
                None => writeln!(out, "  - name: {}", yaml(a)),
            };
        }
    }
    out.push_str("stages:\n");
    let (mut stage_ids, mut touchpoint_ids) = (Ids(HashSet::new()), Ids(HashSet::new()));
    for section in &journey.sections {
        let name = if section.name.trim().is_empty() {
            "Stage"
        } else {
            section.name.as_str()
        };
        let _ = match stage_ids.claim(name, "stage") {
            Some(id) => writeln!(out, "  - id: {id}\n    name: {}", yaml(name)),
            None => writeln!(out, "  - name: {}", yaml(name)),
        };
        if !section.tasks.is_empty() {
            let sum: i64 = section.tasks.iter().map(|t| emotion(t.score)).sum();
            let n = section.tasks.len() as f64;
            let mean = (sum as f64 / n).round() as i64;
            let _ = writeln!(out, "    emotion: {mean}");
            out.push_str("    touchpoints:\n");
        }
        for task in &section.tasks {
            let name = if task.name.is_empty() {
                "Task"
            } else {
                task.name.as_str()
            };
            let _ = match touchpoint_ids.claim(name, "touchpoint") {
                Some(id) => writeln!(out, "      - id: {id}\n        name: {}", yaml(name)),
                None => writeln!(out, "      - name: {}", yaml(name)),
            };
            let _ = writeln!(out, "        emotion: {}", emotion(task.score));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mermaid's own documentation example.
    const DOCS: &str = "journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
";

    #[test]
    fn mermaid_documentation_example_reads() {
        let j = parse(DOCS).unwrap();
        assert_eq!(j.title.as_deref(), Some("My working day"));
        assert_eq!(j.sections.len(), 2);
        assert_eq!(
            j.sections[0].tasks[2],
            Task {
                name: "Do work".into(),
                score: 1,
                actors: vec!["Me".into(), "Cat".into()]
            }
        );
    }

    #[test]
    fn unreadable_lines_are_located() {
        let errors = parse("journey\n  section A\n    Tea: lots: Me\n  ???\n").unwrap_err();
        let at: Vec<_> = errors
            .iter()
            .map(|d| (d.code, d.span.start.line, d.span.start.col))
            .collect();
        assert_eq!(at, [("bad-score", 3, 9), ("mermaid-syntax", 4, 3)]);
        assert_eq!(parse("graph TD\n").unwrap_err()[0].code, "not-a-journey");
    }

    #[test]
    fn repeated_and_symbol_only_names_get_unique_ids() {
        let mut ids = Ids(HashSet::new());
        assert_eq!(ids.claim("Make tea", "t"), None);
        assert_eq!(ids.claim("Make  tea!", "t").as_deref(), Some("make-tea-2"));
        assert_eq!(
            ids.claim("!!!", "touchpoint").as_deref(),
            Some("touchpoint-2")
        );
        assert_eq!(yaml("Make tea"), "Make tea");
        assert_eq!(yaml("yes"), "\"yes\"");
        assert_eq!(yaml("a: b"), "\"a: b\"");
    }
}
