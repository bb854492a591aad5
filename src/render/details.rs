//! What the documents (Markdown, HTML) say beyond their tables, as plain data, so both
//! say the same: each stage's lanes and every description, the research with what cites
//! it, and each persona's goals, frustrations and empathy map. Printers only escape and
//! lay out.

use crate::model::{Map, Persona};

/// One labelled line: `("Actions", "Builds a basket; Picks a slot")`.
pub type Line = (&'static str, String);

/// A stage's details, in lane order; stages with nothing beyond the tables have none.
pub fn stages(map: &Map) -> Vec<(&str, Vec<Line>)> {
    map.stages
        .iter()
        .map(|s| {
            let mut lines: Vec<Line> = Vec::new();
            if let Some(d) = &s.description {
                lines.push(("About", d.clone()));
            }
            if !s.actions.is_empty() {
                lines.push(("Actions", s.actions.join("; ")));
            }
            if !s.thoughts.is_empty() {
                let quoted: Vec<String> = s.thoughts.iter().map(|t| format!("“{t}”")).collect();
                lines.push(("Thoughts", quoted.join(" ")));
            }
            for t in &s.touchpoints {
                if let Some(d) = &t.description {
                    lines.push(("Touchpoint", format!("{}: {d}", t.name.value)));
                }
            }
            for p in &s.pain_points {
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
                        text.push_str(&format!(" (evidence {})", cited.join(" ")));
                    }
                    lines.push(("Pain point", text));
                }
            }
            for o in &s.opportunities {
                if let Some(d) = &o.description {
                    lines.push(("Opportunity", format!("{}: {d}", o.name.value)));
                }
            }
            for (label, lane) in [
                ("Frontstage", &s.frontstage),
                ("Backstage", &s.backstage),
                ("Support", &s.support),
            ] {
                if !lane.is_empty() {
                    lines.push((label, lane.join("; ")));
                }
            }
            (s.name.value.as_str(), lines)
        })
        .filter(|(_, lines)| !lines.is_empty())
        .collect()
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
pub fn persona(p: &Persona) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for (label, items) in [("Goals", &p.goals), ("Frustrations", &p.frustrations)] {
        if !items.is_empty() {
            lines.push((label, items.join("; ")));
        }
    }
    if let Some(e) = &p.empathy {
        for (label, items) in [
            ("Says", &e.says),
            ("Thinks", &e.thinks),
            ("Does", &e.does),
            ("Feels", &e.feels),
        ] {
            if !items.is_empty() {
                lines.push((label, items.join("; ")));
            }
        }
    }
    lines
}
