//! Tree → [`Map`], taking what has the right shape and skipping the rest.
//!
//! Text is moved out of the tree, not copied: the tree is dropped right after, and a
//! map of a few hundred values would otherwise pay for each one twice.

use super::*;
use crate::read::{Node, Value};

/// A file's `title`, and its `id`, which defaults to `stem` (the file name).
pub(super) fn title_and_id(root: &mut Node, stem: &str) -> (Spanned<String>, Ident) {
    let title = text(root, "title").unwrap_or_else(|| Spanned {
        value: String::new(),
        span: root.span,
    });
    let id = match text(root, "id") {
        Some(s) => Ident {
            id: s.value,
            span: s.span,
            explicit: true,
        },
        None => Ident {
            id: stem.to_string(),
            span: title.span,
            explicit: false,
        },
    };
    (title, id)
}

/// Builds the map in `root`; `stem` is the file name without extension, the default id.
/// (For a tree that is kept; [`build_taking`] is the one for a tree about to be dropped.)
pub fn build(root: &Node, stem: &str) -> Map {
    build_taking(&mut root.clone(), stem)
}

/// [`build`], moving the text out of `root`, which is left with empty strings in its
/// place (spans, shapes, keys and every other value stay).
pub fn build_taking(root: &mut Node, stem: &str) -> Map {
    let (title, id) = title_and_id(root, stem);
    Map {
        id,
        kind: str_of(root, "type").and_then(MapType::parse),
        kind_span: root.get("type").map_or(title.span, |t| t.span),
        description: take(root, "description"),
        lang: take(root, "lang"),
        owner: text(root, "owner"),
        reviewed: text(root, "reviewed").and_then(|s| {
            crate::date::Date::parse(&s.value).map(|d| Spanned {
                value: d,
                span: s.span,
            })
        }),
        tags: strings(root, "tags"),
        baseline: text(root, "baseline"),
        parent: text(root, "parent"),
        personas: personas(root),
        research: research(root),
        emotion_scale: root
            .get("emotion_scale")
            .and_then(|s| Some((integer(s, "min")?.value, integer(s, "max")?.value)))
            .unwrap_or((-2, 2)),
        emotion_scale_span: root.get("emotion_scale").map(|s| s.span),
        phases: objects_mut(root, "phases")
            .enumerate()
            .map(|(i, n)| {
                let name = name_of(n);
                Phase {
                    ident: ident(n, "phase", i, Some(&name)),
                    description: take(n, "description"),
                    stages: spanned_strings(n, "stages"),
                    name,
                }
            })
            .collect(),
        lanes: objects_mut(root, "lanes")
            .enumerate()
            .map(|(i, n)| {
                let name = name_of(n);
                LaneDef {
                    ident: ident(n, "lane", i, Some(&name)),
                    kind: str_of(n, "kind")
                        .and_then(LaneKind::parse)
                        .unwrap_or(LaneKind::Text),
                    after: text(n, "after"),
                    description: take(n, "description"),
                    name: name.value,
                }
            })
            .collect(),
        stages: objects_mut(root, "stages")
            .enumerate()
            .map(|(i, n)| stage(n, i))
            .collect(),
        extensions: extensions(root),
        title,
    }
}

/// Personas written out, and bare ids of library personas, in file order.
pub(super) fn personas(root: &mut Node) -> Vec<Persona> {
    let Some(list) = root.get_mut("personas") else {
        return Vec::new();
    };
    list.items_mut()
        .iter_mut()
        .enumerate()
        .filter_map(|(i, n)| match &mut n.value {
            Value::Str(id) => Some(Persona {
                ident: Ident {
                    id: std::mem::take(id),
                    span: n.span,
                    explicit: true,
                },
                linked: true,
                name: String::new(),
                description: None,
                goals: Vec::new(),
                frustrations: Vec::new(),
                empathy: None,
                extensions: Vec::new(),
            }),
            Value::Map(_) => Some(persona(n, i)),
            _ => None,
        })
        .collect()
}

pub(super) fn research(root: &mut Node) -> Vec<Research> {
    objects_mut(root, "research")
        .enumerate()
        .map(|(i, n)| Research {
            ident: ident(n, "research", i, None),
            kind: take(n, "kind"),
            date: str_of(n, "date").and_then(crate::date::Date::parse),
            summary: take(n, "summary"),
            url: take(n, "url"),
            extensions: extensions(n),
        })
        .collect()
}

fn persona(n: &mut Node, i: usize) -> Persona {
    let name = name(n);
    Persona {
        ident: ident(n, "persona", i, Some(&name)),
        linked: false,
        name: name.value,
        description: take(n, "description"),
        goals: strings(n, "goals"),
        frustrations: strings(n, "frustrations"),
        empathy: n
            .get_mut("empathy")
            .filter(|e| e.entries().is_some())
            .map(|e| Empathy {
                says: strings(e, "says"),
                thinks: strings(e, "thinks"),
                does: strings(e, "does"),
                feels: strings(e, "feels"),
            }),
        extensions: extensions(n),
    }
}

fn stage(n: &mut Node, i: usize) -> Stage {
    let name = name(n);
    Stage {
        ident: ident(n, "stage", i, Some(&name)),
        description: take(n, "description"),
        journey: text(n, "journey"),
        emotion: integer(n, "emotion").or_else(|| mean(&per_persona(n))),
        emotions: per_persona(n),
        actions: strings(n, "actions"),
        thoughts: strings(n, "thoughts"),
        touchpoints: objects_mut(n, "touchpoints")
            .enumerate()
            .map(|(i, t)| {
                let name = name_of(t);
                Touchpoint {
                    ident: ident(t, "touchpoint", i, Some(&name)),
                    channel: take(t, "channel"),
                    owner: text(t, "owner"),
                    url: take(t, "url"),
                    emotion: integer(t, "emotion")
                        .or_else(|| mean(&per_persona(t)))
                        .map(|e| e.value),
                    emotion_span: t.get("emotion").map(|e| e.span),
                    emotions: per_persona(t),
                    description: take(t, "description"),
                    personas: spanned_strings(t, "personas"),
                    extensions: extensions(t),
                    name,
                }
            })
            .collect(),
        pain_points: objects_mut(n, "pain_points")
            .enumerate()
            .map(|(i, p)| {
                let name = name_of(p);
                PainPoint {
                    ident: ident(p, "pain-point", i, Some(&name)),
                    severity: str_of(p, "severity").and_then(Level::parse),
                    severity_word: str_of(p, "severity").map(str::to_string),
                    touchpoint: text(p, "touchpoint"),
                    evidence: spanned_strings(p, "evidence"),
                    resolved: str_of(p, "status") == Some("resolved"),
                    description: take(p, "description"),
                    extensions: extensions(p),
                    name,
                }
            })
            .collect(),
        opportunities: objects_mut(n, "opportunities")
            .enumerate()
            .map(|(i, o)| {
                let name = name_of(o);
                Opportunity {
                    ident: ident(o, "opportunity", i, Some(&name)),
                    addresses: spanned_strings(o, "addresses"),
                    impact: str_of(o, "impact").and_then(Level::parse),
                    effort: str_of(o, "effort").and_then(Level::parse),
                    owner: text(o, "owner"),
                    description: take(o, "description"),
                    extensions: extensions(o),
                    status: text(o, "status").and_then(|s| {
                        Some(Spanned {
                            value: lifecycle::Lifecycle::parse(&s.value)?,
                            span: s.span,
                        })
                    }),
                    links: objects_mut(o, "links")
                        .filter_map(|l| {
                            Some(lifecycle::Link {
                                url: take(l, "url")?,
                                label: take(l, "label"),
                            })
                        })
                        .collect(),
                    name,
                }
            })
            .collect(),
        metrics: objects_mut(n, "metrics")
            .map(|m| Metric {
                name: name_of(m),
                kind: take(m, "kind"),
                value: m.get("value").and_then(Node::as_f64),
                target: m.get("target").and_then(Node::as_f64),
                unit: take(m, "unit"),
                better: str_of(m, "better")
                    .and_then(metric::Better::parse)
                    .unwrap_or_default(),
                extensions: extensions(m),
                history: history(m),
            })
            .collect(),
        physical_evidence: strings(n, "physical_evidence"),
        frontstage: strings(n, "frontstage"),
        backstage: strings(n, "backstage"),
        support: strings(n, "support"),
        lanes: lane_values(n),
        extensions: extensions(n),
        name,
    }
}

/// A stage's `lanes:` entries that have a usable shape; `check::refs` reports the rest.
fn lane_values(n: &Node) -> Vec<(Spanned<String>, LaneValue)> {
    let Some(entries) = n.get("lanes").and_then(Node::entries) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|e| {
            let value = match &e.value.value {
                Value::Str(s) => LaneValue::Text(s.clone()),
                Value::Int(i) => LaneValue::Number(*i as f64),
                Value::Float(f) => LaneValue::Number(*f),
                Value::Seq(items) => LaneValue::List(
                    items
                        .iter()
                        .filter_map(|i| i.as_str().map(str::to_string))
                        .collect(),
                ),
                _ => return None,
            };
            let key = Spanned {
                value: e.key.clone(),
                span: e.key_span,
            };
            Some((key, value))
        })
        .collect()
}

pub(super) fn name(n: &mut Node) -> Spanned<String> {
    name_of(n)
}

/// The item's `name`, or an empty name spanning the item when it has none.
fn name_of(n: &mut Node) -> Spanned<String> {
    text(n, "name").unwrap_or_else(|| Spanned {
        value: String::new(),
        span: n
            .entries()
            .and_then(|e| e.first())
            .map_or(n.span, |e| e.key_span),
    })
}

/// The explicit id, else a slug of the name, else `kind-N` (1-based) so every item has one.
pub(super) fn ident(
    n: &mut Node,
    kind: &str,
    index: usize,
    name: Option<&Spanned<String>>,
) -> Ident {
    if let Some(id) = text(n, "id") {
        return Ident {
            id: id.value,
            span: id.span,
            explicit: true,
        };
    }
    let derived = name.map(|s| slug(&s.value)).unwrap_or_default();
    Ident {
        id: if derived.is_empty() {
            format!("{kind}-{}", index + 1)
        } else {
            derived
        },
        span: name.map_or(n.span, |s| s.span),
        explicit: false,
    }
}

/// The text under `key` and its span, moved out of the tree.
pub(super) fn text(n: &mut Node, key: &str) -> Option<Spanned<String>> {
    let v = n.get_mut(key)?;
    let span = v.span;
    Some(Spanned {
        value: taken(v)?,
        span,
    })
}

/// The text under `key`, moved out of the tree.
pub(super) fn take(n: &mut Node, key: &str) -> Option<String> {
    taken(n.get_mut(key)?)
}

fn taken(v: &mut Node) -> Option<String> {
    match &mut v.value {
        Value::Str(s) => Some(std::mem::take(s)),
        _ => None,
    }
}

pub(super) fn str_of<'a>(n: &'a Node, key: &str) -> Option<&'a str> {
    n.get(key)?.as_str()
}

/// `emotion: {maya: -1, tom: 1}`: the whole numbers given per persona id.
fn per_persona(n: &Node) -> Vec<(Spanned<String>, Spanned<i64>)> {
    let Some(entries) = n.get("emotion").and_then(Node::entries) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|e| {
            let value = match e.value.value {
                Value::Int(i) => i,
                Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => f as i64,
                _ => return None,
            };
            Some((
                Spanned {
                    value: e.key.clone(),
                    span: e.key_span,
                },
                Spanned {
                    value,
                    span: e.value.span,
                },
            ))
        })
        .collect()
}

/// The rounded mean of per-persona emotions, spanning the first.
fn mean(values: &[(Spanned<String>, Spanned<i64>)]) -> Option<Spanned<i64>> {
    let first = values.first()?;
    let sum: i64 = values.iter().map(|(_, v)| v.value).sum();
    Some(Spanned {
        value: (sum as f64 / values.len() as f64).round() as i64,
        span: first.1.span,
    })
}

fn integer(n: &Node, key: &str) -> Option<Spanned<i64>> {
    let v = n.get(key)?;
    let value = match v.value {
        Value::Int(i) => i,
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => f as i64,
        _ => return None,
    };
    Some(Spanned {
        value,
        span: v.span,
    })
}

fn strings(n: &mut Node, key: &str) -> Vec<String> {
    n.get_mut(key)
        .map(|v| v.items_mut().iter_mut().filter_map(taken).collect())
        .unwrap_or_default()
}

fn spanned_strings(n: &mut Node, key: &str) -> Vec<Spanned<String>> {
    n.get_mut(key)
        .map(|v| {
            v.items_mut()
                .iter_mut()
                .filter_map(|i| {
                    let span = i.span;
                    Some(Spanned {
                        value: taken(i)?,
                        span,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The mappings in the list under `key`.
pub(super) fn objects_mut<'a>(n: &'a mut Node, key: &str) -> impl Iterator<Item = &'a mut Node> {
    n.get_mut(key)
        .map(Node::items_mut)
        .unwrap_or_default()
        .iter_mut()
        .filter(|i| i.entries().is_some())
}

/// The `x-` keys of a mapping, each value written back as one line of YAML.
pub(super) fn extensions(n: &Node) -> Extensions {
    n.entries()
        .unwrap_or_default()
        .iter()
        .filter(|e| e.key.starts_with("x-"))
        .map(|e| (e.key.clone(), yaml_text(&e.value)))
        .collect()
}

/// A value as flow YAML on one line: `20k`, `[a, b]`, `{cost: 3}`.
fn yaml_text(n: &Node) -> String {
    match &n.value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Float(_) | Value::Big(_) => n.to_json().to_string(),
        Value::Str(s) => s.clone(),
        Value::Seq(items) => {
            let items: Vec<String> = items.iter().map(yaml_text).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Map(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|e| format!("{}: {}", e.key, yaml_text(&e.value)))
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
    }
}

/// A metric's `history`, oldest first; points without a real date or a number are left out.
fn history(m: &mut Node) -> Vec<metric::Point> {
    let mut points: Vec<metric::Point> = objects_mut(m, "history")
        .filter_map(|p| {
            let date = text(p, "date")?;
            Some(metric::Point {
                date: Spanned {
                    value: crate::date::Date::parse(&date.value)?,
                    span: date.span,
                },
                value: p
                    .get("value")
                    .and_then(Node::as_f64)
                    .filter(|v| v.is_finite())?,
                respondents: match p.get("respondents").map(|r| &r.value) {
                    Some(Value::Int(n)) => u64::try_from(*n).ok(),
                    _ => None,
                },
            })
        })
        .collect();
    points.sort_by_key(|p| p.date.value.days());
    points
}
