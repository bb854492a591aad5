//! The map as Markdown for git hosts: title and metadata, personas, a Mermaid journey
//! (drawn by GitHub and GitLab), a table per stage, opportunities ranked by impact and
//! effort, and metrics against targets. Every user string is escaped, so no HTML, link,
//! image or table break passes through.

use std::fmt::Write;

use super::text::{clean, markdown as md};
use crate::model::{Level, Map};

fn face(e: i64) -> &'static str {
    match e {
        i64::MIN..=-2 => "😣",
        -1 => "🙁",
        0 => "😐",
        1 => "🙂",
        _ => "😄",
    }
}

fn emotion(e: Option<i64>) -> String {
    e.map_or("—".to_string(), |e| match e {
        0 => format!("{} 0", face(e)),
        _ => format!("{} {e:+}", face(e)),
    })
}

/// A link only for web and mail addresses, with the characters that could end it encoded.
fn link(name: &str, url: Option<&str>) -> String {
    match url.filter(|u| super::svg::safe_url(u)) {
        Some(u) => {
            let u: String = clean(u)
                .chars()
                .map(|c| match c {
                    '(' => "%28".to_string(),
                    ')' => "%29".to_string(),
                    ' ' => "%20".to_string(),
                    '<' => "%3C".to_string(),
                    '>' => "%3E".to_string(),
                    '|' => "%7C".to_string(),
                    '[' => "%5B".to_string(),
                    ']' => "%5D".to_string(),
                    '"' => "%22".to_string(),
                    c => c.to_string(),
                })
                .collect();
            format!("[{}]({u})", md(name))
        }
        None => md(name),
    }
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        items.join("<br>")
    }
}

fn num(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

use super::labels::capitalised as cap;

pub fn render(map: &Map) -> String {
    let l = super::labels::for_lang(map.lang.as_deref());
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&map.title.value));
    let mut meta = Vec::new();
    if let Some(k) = map.kind {
        meta.push(format!("**{}**", l.map_type(k)));
    }
    if let Some(o) = &map.owner {
        meta.push(format!("{}: {}", l.owner, md(&o.value)));
    }
    if let Some(r) = &map.reviewed {
        meta.push(format!("{}: {}", l.reviewed, r.value));
    }
    if let Some(b) = &map.baseline {
        meta.push(format!(
            "{}: `{}`",
            l.baseline,
            clean(&b.value).replace('`', "'")
        ));
    }
    if !map.tags.is_empty() {
        meta.push(format!(
            "{}: {}",
            l.tags,
            map.tags
                .iter()
                .map(|t| md(t))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "{}\n", meta.join(" · "));
    }
    if let Some(d) = &map.description {
        let _ = writeln!(out, "{}\n", md(d));
    }

    if !map.personas.is_empty() {
        let _ = writeln!(out, "## {}\n", l.personas);
        for p in &map.personas {
            let _ = write!(out, "- **{}**", md(&p.name));
            if let Some(d) = &p.description {
                let _ = write!(out, ": {}", md(d));
            }
            out.push('\n');
            for (label, text) in super::details::persona(p, l) {
                let _ = writeln!(out, "  - {label}: {}", md(&text));
            }
        }
        out.push('\n');
    }

    let _ = writeln!(
        out,
        "## {}\n\n```mermaid\n{}```\n",
        l.journey,
        super::mermaid::render(map)
    );

    let _ = writeln!(out, "## {}\n", l.stages);
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} |",
        l.stage, l.emotion, l.touchpoints, l.pain_points, l.opportunities
    );
    let _ = writeln!(out, "|---|---|---|---|---|");
    for s in &map.stages {
        let touchpoints: Vec<String> = s
            .touchpoints
            .iter()
            .map(|t| {
                let mut cell = link(&t.name.value, t.url.as_deref());
                if let Some(c) = &t.channel {
                    let _ = write!(cell, " ({})", md(l.channel(c)));
                }
                if let Some(e) = t.emotion {
                    let _ = write!(cell, " {}", face(e));
                }
                cell
            })
            .collect();
        let pains: Vec<String> = s
            .pain_points
            .iter()
            .map(|p| {
                let sev = p
                    .severity
                    .map(|v| format!(" *{}*", l.level(v)))
                    .unwrap_or_default();
                if p.resolved {
                    format!("~~{}~~ {}", md(&p.name.value), l.resolved)
                } else {
                    format!("{}{sev}", md(&p.name.value))
                }
            })
            .collect();
        let opps: Vec<String> = s.opportunities.iter().map(|o| md(&o.name.value)).collect();
        let _ = writeln!(
            out,
            "| **{}** | {} | {} | {} | {} |",
            md(&s.name.value),
            emotion(s.emotion.as_ref().map(|e| e.value)),
            list(&touchpoints),
            list(&pains),
            list(&opps)
        );
    }
    out.push('\n');

    let mut opps: Vec<_> = map.opportunities().collect();
    if !opps.is_empty() {
        // Highest impact first; among equals, least effort first.
        let rank = |l: Option<Level>| l.map_or(0, |l| l as i32 + 1);
        opps.sort_by_key(|(_, o)| (-rank(o.impact), o.effort.map_or(9, |l| l as i32)));
        let _ = writeln!(out, "## {}\n", l.opportunities_ranked);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            l.opportunity,
            l.stage,
            cap(l.impact),
            cap(l.effort),
            l.owner,
            l.pain_points
        );
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for (s, o) in opps {
            let addresses: Vec<String> = o
                .addresses
                .iter()
                .map(|a| format!("`{}`", clean(&a.value).replace('`', "'")))
                .collect();
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                md(&o.name.value),
                md(&s.name.value),
                o.impact.map_or("—", |v| l.level(v)),
                o.effort.map_or("—", |v| l.level(v)),
                o.owner.as_ref().map_or("—".to_string(), |w| md(&w.value)),
                if addresses.is_empty() {
                    "—".to_string()
                } else {
                    addresses.join(", ")
                }
            );
        }
        out.push('\n');
    }

    let details = super::details::stages(map, l);
    if !details.is_empty() {
        let _ = writeln!(out, "## {}\n", l.stage_details);
        for (stage, lines) in details {
            let _ = writeln!(out, "### {}\n", md(stage));
            for (label, text) in lines {
                let _ = writeln!(out, "- **{}**: {}", cap(label), md(&text));
            }
            out.push('\n');
        }
    }

    if map.stages.iter().any(|s| !s.metrics.is_empty()) {
        let _ = writeln!(out, "## {}\n", l.metrics);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            l.stage,
            cap(l.metric),
            l.value,
            cap(l.target),
            l.status_heading
        );
        let _ = writeln!(out, "|---|---|---|---|---|");
        for s in &map.stages {
            for m in &s.metrics {
                let unit = m
                    .unit
                    .as_deref()
                    .map(|u| format!(" {}", md(u)))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} |",
                    md(&s.name.value),
                    md(&m.name.value),
                    m.value
                        .map_or("—".to_string(), |v| format!("{}{unit}", num(v))),
                    m.target.map_or("—".to_string(), |v| format!(
                        "{}{unit}{}",
                        num(v),
                        if m.better == crate::model::metric::Better::Lower {
                            format!(" ({})", l.lower_is_better)
                        } else {
                            String::new()
                        }
                    )),
                    m.status().map_or("—".to_string(), |s| format!(
                        "{} {}",
                        s.symbol(),
                        l.status(s)
                    )),
                );
            }
        }
        out.push('\n');
    }
    let research = super::details::research(map);
    if !research.is_empty() {
        let _ = writeln!(out, "## {}\n", l.research);
        for (i, (line, url)) in research.iter().enumerate() {
            let _ = writeln!(out, "{}. {}", i + 1, link(line, *url));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "<sub>{} `{}`.</sub>",
        l.generated_by,
        clean(&map.id.id).replace('`', "'")
    );
    out
}
