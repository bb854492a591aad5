//! A read journey as the YAML text of a map that `cjm validate` accepts.

use std::collections::HashSet;
use std::fmt::Write;

use super::{Journey, Task};
use crate::model::slug;

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

/// Ids unique within a kind.
struct Ids(HashSet<String>);

impl Ids {
    /// Takes `id`, given by a `%% cjm id` comment; false when it is already taken or
    /// not an id the schema allows (one to 120 characters, no whitespace).
    fn reserve(&mut self, id: &str) -> bool {
        (1..=120).contains(&id.chars().count())
            && !id.chars().any(char::is_whitespace)
            && self.0.insert(id.to_string())
    }

    /// The id for `name`: the slug of the name, numbered when taken or empty. `None`
    /// when that is the slug itself, which the map derives without an `id:`.
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

/// Settles every item's id: the one its comment gave (unless taken twice), else one
/// derived from its name. `Some(id)` when the map must write `id:`.
fn settle<'a>(items: &[(&'a str, Option<&'a str>)], kind: &str) -> Vec<Option<String>> {
    let mut ids = Ids(HashSet::new());
    let given: Vec<bool> = items
        .iter()
        .map(|(_, id)| id.is_some_and(|id| ids.reserve(id)))
        .collect();
    items
        .iter()
        .zip(given)
        .map(|((name, id), given)| match id {
            Some(id) if given => (slug(name) != *id).then(|| id.to_string()),
            _ => ids.claim(name, kind),
        })
        .collect()
}

fn item(out: &mut String, indent: &str, id: Option<&str>, name: &str) {
    let _ = match id {
        Some(id) => writeln!(
            out,
            "{indent}- id: {}\n{indent}  name: {}",
            yaml(id),
            yaml(name)
        ),
        None => writeln!(out, "{indent}- name: {}", yaml(name)),
    };
}

/// The map, as YAML text that `cjm validate` accepts.
pub fn to_yaml(journey: &Journey, fallback_title: &str, kind: &str) -> String {
    let mut out = String::from(
        "# yaml-language-server: $schema=journey-map.schema.json\n# Imported from a Mermaid journey by `cjm import`.\ncjm: 1\n",
    );
    let title = [&journey.title, &journey.acc_title]
        .into_iter()
        .flatten()
        .map(|t| t.trim())
        .find(|t| !t.is_empty())
        .unwrap_or(fallback_title);
    let _ = writeln!(out, "title: {}", yaml(title));
    let _ = writeln!(out, "type: {kind}");
    if let Some(d) = journey.description.as_deref().filter(|d| !d.is_empty()) {
        let _ = writeln!(out, "description: {}", yaml(d));
    }

    // Personas: those the comments name, then every other actor in order of appearance.
    let mut personas: Vec<(&str, Option<&str>)> = journey
        .personas
        .iter()
        .map(|p| (p.name.as_str(), Some(p.id.as_str())))
        .collect();
    for section in &journey.sections {
        let actors = section.emotions.iter().map(|(a, _)| a);
        for a in actors.chain(section.tasks.iter().flat_map(|t| &t.actors)) {
            if !personas.iter().any(|(name, _)| name == a) {
                personas.push((a, None));
            }
        }
    }
    let persona_ids = settle(&personas, "persona");
    let persona_id = |actor: &str| -> Option<String> {
        let i = personas.iter().position(|(name, _)| *name == actor)?;
        let explicit = persona_ids.get(i)?.clone();
        Some(explicit.unwrap_or_else(|| slug(actor)))
    };
    if !personas.is_empty() {
        out.push_str("personas:\n");
        for ((name, _), id) in personas.iter().zip(&persona_ids) {
            item(&mut out, "  ", id.as_deref(), name);
        }
    }

    let stage_names: Vec<&str> = journey
        .sections
        .iter()
        .map(|s| {
            if s.name.trim().is_empty() {
                "Stage"
            } else {
                s.name.as_str()
            }
        })
        .collect();
    let stages: Vec<(&str, Option<&str>)> = stage_names
        .iter()
        .zip(&journey.sections)
        .map(|(name, s)| (*name, s.id.as_deref()))
        .collect();
    let stage_ids = settle(&stages, "stage");
    let groups: Vec<Vec<&[Task]>> = journey
        .sections
        .iter()
        .map(|s| persona_groups(&s.tasks))
        .collect();
    let tasks: Vec<(&str, Option<&str>)> = groups
        .iter()
        .flatten()
        .filter_map(|g| g.first())
        .map(|t| {
            let name = if t.name.is_empty() {
                "Task"
            } else {
                t.name.as_str()
            };
            (name, t.id.as_deref())
        })
        .collect();
    let task_ids = settle(&tasks, "touchpoint");
    let mut task_ids = tasks.iter().zip(task_ids);

    // `{maya: -1, tom: 1}` from `(actor, emotion)` pairs.
    let per_persona = |pairs: &mut dyn Iterator<Item = (&str, i64)>| -> String {
        let parts: Vec<String> = pairs
            .filter_map(|(a, e)| Some(format!("{}: {e}", yaml(&persona_id(a)?))))
            .collect();
        format!("{{{}}}", parts.join(", "))
    };
    out.push_str("stages:\n");
    for (((section, name), id), groups) in journey
        .sections
        .iter()
        .zip(&stage_names)
        .zip(&stage_ids)
        .zip(&groups)
    {
        item(&mut out, "  ", id.as_deref(), name);
        let mean = (!section.tasks.is_empty()).then(|| {
            let sum: i64 = section.tasks.iter().map(|t| emotion(t.score)).sum();
            (sum as f64 / section.tasks.len() as f64).round() as i64
        });
        if !section.emotions.is_empty() {
            let mut pairs = section.emotions.iter().map(|(a, e)| (a.as_str(), *e));
            let _ = writeln!(out, "    emotion: {}", per_persona(&mut pairs));
        } else if let Some(e) = section.emotion.or(mean) {
            let _ = writeln!(out, "    emotion: {e}");
        }
        if !section.tasks.is_empty() {
            out.push_str("    touchpoints:\n");
        }
        for group in groups {
            let Some(((name, _), id)) = task_ids.next() else {
                break;
            };
            item(&mut out, "      ", id.as_deref(), name);
            match group {
                [task] => {
                    let _ = writeln!(out, "        emotion: {}", emotion(task.score));
                }
                _ => {
                    let mut pairs = group
                        .iter()
                        .filter_map(|t| Some((t.actors.first()?.as_str(), emotion(t.score))));
                    let _ = writeln!(out, "        emotion: {}", per_persona(&mut pairs));
                }
            }
            let ids: Vec<String> = group
                .iter()
                .flat_map(|t| &t.actors)
                .filter_map(|a| persona_id(a))
                .map(|id| yaml(&id))
                .collect();
            if !ids.is_empty() {
                let _ = writeln!(out, "        personas: [{}]", ids.join(", "));
            }
        }
    }
    out
}

/// Tasks in runs that are one touchpoint: the same name, scored by one actor each, every
/// actor once, an id comment only on the first. That is how a touchpoint felt differently
/// by each persona is written in Mermaid, which scores a task once.
fn persona_groups(tasks: &[Task]) -> Vec<&[Task]> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tasks.len() {
        let joins = tasks.get(i).is_some_and(|t| {
            let run = &tasks[start..i];
            t.id.is_none()
                && t.actors.len() == 1
                && run
                    .iter()
                    .all(|r| r.name == t.name && r.actors.len() == 1 && r.actors[0] != t.actors[0])
        });
        if !joins {
            out.push(&tasks[start..i]);
            start = i;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_task_per_actor_is_one_touchpoint() {
        let task = |name: &str, actor: &str, id: Option<&str>| Task {
            name: name.into(),
            score: 3,
            actors: vec![actor.into()],
            id: id.map(str::to_string),
        };
        let tasks = [
            task("Pay", "Maya", None),
            task("Pay", "Tom", None),
            // The same actor again starts a new touchpoint, as does an id comment.
            task("Pay", "Tom", None),
            task("Pay", "Maya", Some("pay-2")),
            task("Ship", "Maya", None),
        ];
        let sizes: Vec<usize> = persona_groups(&tasks).iter().map(|g| g.len()).collect();
        assert_eq!(sizes, [2, 1, 1, 1]);
        assert!(persona_groups(&[]).is_empty());
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

    #[test]
    fn ids_from_comments_win_and_the_rest_are_numbered_around_them() {
        let items = [("Tea", None), ("Cake", Some("tea")), ("Cake", None)];
        assert_eq!(
            settle(&items, "t"),
            [Some("tea-2".into()), Some("tea".into()), None]
        );
        // A comment's id the schema refuses, or one given twice, yields to the name.
        let long = "x".repeat(121);
        let items = [
            ("Tea", Some(long.as_str())),
            ("Pie", Some("p")),
            ("Cake", Some("p")),
        ];
        assert_eq!(settle(&items, "t"), [None, Some("p".into()), None]);
    }
}
