//! What the documents (Markdown, HTML) say beyond their tables, as plain data, so both
//! say the same: each stage's lanes and every description, the research with what cites
//! it, and each persona's goals, frustrations and empathy map. Printers only escape and
//! lay out.

use super::View;
use super::labels::Labels;
use crate::model::{Map, Persona};

/// One labelled line: `("Actions", "Builds a basket; Picks a slot")`.
pub type Line = (String, String);

/// A stage's details, in lane order; stages with nothing beyond the tables have none.
///
/// A service blueprint's lanes (physical evidence, actions, frontstage, backstage,
/// support) are left out: the blueprint table shows them. `view` drops the lanes not
/// asked for.
pub fn stages<'a>(map: &'a Map, l: &Labels, view: &View) -> Vec<(&'a str, Vec<Line>)> {
    let blueprint = map.is_blueprint();
    map.stages
        .iter()
        .map(|s| {
            let mut lines: Vec<Line> = Vec::new();
            if let Some(d) = &s.description {
                lines.push((l.about.to_string(), d.clone()));
            }
            for (key, label, lane) in [
                (
                    "physical_evidence",
                    l.physical_evidence,
                    &s.physical_evidence,
                ),
                ("actions", l.actions, &s.actions),
            ] {
                if !blueprint && view.shows(key) && !lane.is_empty() {
                    lines.push((label.to_string(), lane.join("; ")));
                }
            }
            if view.shows("thoughts") && !s.thoughts.is_empty() {
                let quoted: Vec<String> = s.thoughts.iter().map(|t| format!("“{t}”")).collect();
                lines.push((l.thoughts.to_string(), quoted.join(" ")));
            }
            for t in s.touchpoints.iter().filter(|_| view.shows("touchpoints")) {
                if let Some(d) = &t.description {
                    lines.push((l.touchpoint.to_string(), format!("{}: {d}", t.name.value)));
                }
            }
            for p in s.pain_points.iter().filter(|_| view.shows("pain_points")) {
                let cited: Vec<String> = p
                    .evidence
                    .iter()
                    .map(|e| match research_number(map, &e.value) {
                        Some(n) => format!("[{n}]"),
                        None => e.value.clone(),
                    })
                    .collect();
                if p.description.is_some() || !cited.is_empty() {
                    let mut text = p.name.value.clone();
                    if let Some(d) = &p.description {
                        text.push_str(": ");
                        text.push_str(d);
                    }
                    if !cited.is_empty() {
                        text.push_str(&format!(" ({} {})", l.evidence, cited.join(" ")));
                    }
                    lines.push((l.pain_point.to_string(), text));
                }
            }
            for o in s
                .opportunities
                .iter()
                .filter(|_| view.shows("opportunities"))
            {
                if let Some(d) = &o.description {
                    lines.push((l.opportunity.to_string(), format!("{}: {d}", o.name.value)));
                }
            }
            for (key, label, lane) in [
                ("frontstage", l.frontstage, &s.frontstage),
                ("backstage", l.backstage, &s.backstage),
                ("support", l.support, &s.support),
            ] {
                if !blueprint && view.shows(key) && !lane.is_empty() {
                    lines.push((label.to_string(), lane.join("; ")));
                }
            }
            // The team's own lanes, in the order declared.
            for def in map.lanes.iter().filter(|d| view.shows(&d.ident.id)) {
                if let Some((_, value)) = s.lanes.iter().find(|(k, _)| k.value == def.ident.id) {
                    lines.push((def.name.clone(), custom(def.kind, value)));
                }
            }
            (s.name.value.as_str(), lines)
        })
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
}

/// A custom lane's value in words: a quote in quotation marks, a rating as stars and
/// its number, a list joined.
pub fn custom(kind: crate::model::LaneKind, value: &crate::model::LaneValue) -> String {
    use crate::model::{LaneKind, LaneValue};
    match (kind, value) {
        (LaneKind::Rating, LaneValue::Number(n)) => {
            let filled = n.clamp(0.0, 5.0).round() as usize;
            format!(
                "{}{} {}/5",
                "★".repeat(filled),
                "☆".repeat(5 - filled),
                value.entries().join("")
            )
        }
        (LaneKind::Quote, _) => value
            .entries()
            .iter()
            .map(|t| format!("“{t}”"))
            .collect::<Vec<_>>()
            .join(" "),
        _ => value.entries().join("; "),
    }
}

/// The number a study is cited by: its place in the map's research list, from 1.
pub fn research_number(map: &Map, id: &str) -> Option<usize> {
    map.research
        .iter()
        .position(|r| r.ident.id == id)
        .map(|i| i + 1)
}

/// Each study in one line (`survey-2026 · survey · 2026-09-15 — summary`) and its link.
pub fn research(map: &Map) -> Vec<(String, Option<&str>)> {
    map.research
        .iter()
        .map(|r| {
            let mut parts = vec![r.ident.id.clone()];
            parts.extend(r.kind.clone());
            parts.extend(r.date.map(|d| d.to_string()));
            let mut line = parts.join(" · ");
            if let Some(summary) = &r.summary {
                line.push_str(" — ");
                line.push_str(summary);
            }
            (line, r.url.as_deref().filter(|u| super::svg::safe_url(u)))
        })
        .collect()
}

/// A persona's goals, frustrations and empathy map, as labelled lines.
pub fn persona(p: &Persona, l: &Labels) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for (label, items) in [(l.goals, &p.goals), (l.frustrations, &p.frustrations)] {
        if !items.is_empty() {
            lines.push((label.to_string(), items.join("; ")));
        }
    }
    if let Some(e) = &p.empathy {
        for (label, items) in [
            (l.says, &e.says),
            (l.thinks, &e.thinks),
            (l.does, &e.does),
            (l.feels, &e.feels),
        ] {
            if !items.is_empty() {
                lines.push((label.to_string(), items.join("; ")));
            }
        }
    }
    lines
}
