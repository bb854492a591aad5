//! Tree → [`Map`], taking what has the right shape and skipping the rest.

use super::*;
use crate::read::{Node, Value};

/// A file's `title`, and its `id`, which defaults to `stem` (the file name).
pub(super) fn title_and_id(root: &Node, stem: &str) -> (Spanned<String>, Ident) {
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
pub fn build(root: &Node, stem: &str) -> Map {
    let (title, id) = title_and_id(root, stem);
    Map {
        id,
        kind: str_of(root, "type").and_then(MapType::parse),
        kind_span: root.get("type").map_or(title.span, |t| t.span),
        description: str_of(root, "description").map(str::to_string),
        lang: str_of(root, "lang").map(str::to_string),
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
        phases: objects(root, "phases")
            .enumerate()
            .map(|(i, n)| {
                let name = name_of(n);
                Phase {
                    ident: ident(n, "phase", i, Some(&name)),
                    description: str_of(n, "description").map(str::to_string),
                    stages: spanned_strings(n, "stages"),
                    name,
                }
            })
            .collect(),
        lanes: objects(root, "lanes")
            .enumerate()
            .map(|(i, n)| {
                let name = name_of(n);
                LaneDef {
                    ident: ident(n, "lane", i, Some(&name)),
                    kind: str_of(n, "kind")
                        .and_then(LaneKind::parse)
                        .unwrap_or(LaneKind::Text),
                    after: text(n, "after"),
                    description: str_of(n, "description").map(str::to_string),
                    name: name.value,
                }
            })
            .collect(),
        stages: objects(root, "stages")
            .enumerate()
            .map(|(i, n)| stage(n, i))
            .collect(),
        extensions: extensions(root),
        title,
    }
}

/// Personas written out, and bare ids of library personas, in file order.
pub(super) fn personas(root: &Node) -> Vec<Persona> {
    let items = root.get("personas").map(Node::items).unwrap_or_default();
    items
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match (&n.value, n.entries()) {
            (Value::Str(id), _) => Some(Persona {
                ident: Ident {
                    id: id.clone(),
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
            (_, Some(_)) => Some(persona(n, i)),
            _ => None,
        })
        .collect()
}

pub(super) fn research(root: &Node) -> Vec<Research> {
    objects(root, "research")
        .enumerate()
        .map(|(i, n)| Research {
            ident: ident(n, "research", i, None),
            kind: str_of(n, "kind").map(str::to_string),
            date: str_of(n, "date").and_then(crate::date::Date::parse),
            summary: str_of(n, "summary").map(str::to_string),
            url: str_of(n, "url").map(str::to_string),
            extensions: extensions(n),
        })
        .collect()
}

fn persona(n: &Node, i: usize) -> Persona {
    let name = name(n);
    Persona {
        ident: ident(n, "persona", i, Some(&name)),
        linked: false,
        name: name.value,
        description: str_of(n, "description").map(str::to_string),
        goals: strings(n, "goals"),
        frustrations: strings(n, "frustrations"),
        empathy: n
            .get("empathy")
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

fn stage(n: &Node, i: usize) -> Stage {
    let name = name(n);
    Stage {
        ident: ident(n, "stage", i, Some(&name)),
        description: str_of(n, "description").map(str::to_string),
        journey: text(n, "journey"),
        emotion: integer(n, "emotion").or_else(|| mean(&per_persona(n))),
        emotions: per_persona(n),
        actions: strings(n, "actions"),
        thoughts: strings(n, "thoughts"),
        touchpoints: objects(n, "touchpoints")
            .enumerate()
            .map(|(i, t)| {
                let name = name_of(t);
                Touchpoint {
                    ident: ident(t, "touchpoint", i, Some(&name)),
                    channel: str_of(t, "channel").map(str::to_string),
                    owner: text(t, "owner"),
                    url: str_of(t, "url").map(str::to_string),
                    emotion: integer(t, "emotion")
                        .or_else(|| mean(&per_persona(t)))
                        .map(|e| e.value),
                    emotion_span: t.get("emotion").map(|e| e.span),
                    emotions: per_persona(t),
                    description: str_of(t, "description").map(str::to_string),
                    personas: spanned_strings(t, "personas"),
                    extensions: extensions(t),
                    name,
                }
            })
            .collect(),
        pain_points: objects(n, "pain_points")
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
                    description: str_of(p, "description").map(str::to_string),
                    extensions: extensions(p),
                    name,
                }
            })
            .collect(),
        opportunities: objects(n, "opportunities")
            .enumerate()
            .map(|(i, o)| {
                let name = name_of(o);
                Opportunity {
                    ident: ident(o, "opportunity", i, Some(&name)),
                    addresses: spanned_strings(o, "addresses"),
                    impact: str_of(o, "impact").and_then(Level::parse),
                    effort: str_of(o, "effort").and_then(Level::parse),
                    owner: text(o, "owner"),
                    description: str_of(o, "description").map(str::to_string),
                    extensions: extensions(o),
                    status: text(o, "status").and_then(|s| {
                        Some(Spanned {
                            value: lifecycle::Lifecycle::parse(&s.value)?,
                            span: s.span,
                        })
                    }),
                    links: objects(o, "links")
                        .filter_map(|l| {
                            Some(lifecycle::Link {
                                url: str_of(l, "url")?.to_string(),
                                label: str_of(l, "label").map(str::to_string),
                            })
                        })
                        .collect(),
                    name,
                }
            })
            .collect(),
        metrics: objects(n, "metrics")
            .map(|m| Metric {
                name: name_of(m),
                kind: str_of(m, "kind").map(str::to_string),
                value: m.get("value").and_then(Node::as_f64),
                target: m.get("target").and_then(Node::as_f64),
                unit: str_of(m, "unit").map(str::to_string),
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

pub(super) fn name(n: &Node) -> Spanned<String> {
    name_of(n)
}

/// The item's `name`, or an empty name spanning the item when it has none.
fn name_of(n: &Node) -> Spanned<String> {
    text(n, "name").unwrap_or_else(|| Spanned {
        value: String::new(),
        span: n
            .entries()
            .and_then(|e| e.first())
            .map_or(n.span, |e| e.key_span),
    })
}

/// The explicit id, else a slug of the name, else `kind-N` (1-based) so every item has one.
pub(super) fn ident(n: &Node, kind: &str, index: usize, name: Option<&Spanned<String>>) -> Ident {
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

pub(super) fn text(n: &Node, key: &str) -> Option<Spanned<String>> {
    let v = n.get(key)?;
    Some(Spanned {
        value: v.as_str()?.to_string(),
        span: v.span,
    })
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

fn strings(n: &Node, key: &str) -> Vec<String> {
    n.get(key)
        .map(|v| {
            v.items()
                .iter()
                .filter_map(|i| i.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

fn spanned_strings(n: &Node, key: &str) -> Vec<Spanned<String>> {
    n.get(key)
        .map(|v| {
            v.items()
                .iter()
                .filter_map(|i| {
                    Some(Spanned {
                        value: i.as_str()?.to_string(),
                        span: i.span,
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

pub(super) fn objects<'a>(n: &'a Node, key: &str) -> impl Iterator<Item = &'a Node> {
    n.get(key)
        .map(Node::items)
        .unwrap_or_default()
        .iter()
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
fn history(m: &Node) -> Vec<metric::Point> {
    let mut points: Vec<metric::Point> = objects(m, "history")
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
