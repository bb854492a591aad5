//! A page per map (picture, evidence, tables, findings, links to related maps) and a
//! diff page per map that has a baseline in the portfolio.

use std::fmt::Write;

use super::pages::{DASH, emotion, level_cell, opt};
use super::{Names, anchor, page};
use crate::model::Map;
use crate::portfolio::{Entry, Portfolio, Review};
use crate::render::text::xml;

pub fn map(i: usize, entry: &Entry, p: &Portfolio, names: &Names) -> String {
    let Some(facts) = p.maps.get(i) else {
        return page("../", "", "", "");
    };
    let mut body = String::new();
    let title = |m: usize| p.maps.get(m).map_or(String::new(), |m| xml(&m.title));
    let mut meta = vec![format!("<code>{}</code>", xml(&facts.path))];
    if let Some(k) = facts.kind {
        meta.push(format!("<strong>{}</strong>", k.label()));
    }
    if let Some(o) = &facts.owner {
        meta.push(format!(
            "Owner: <a href=\"../owners.html#{}\">{}</a>",
            anchor("owner-", o),
            xml(o)
        ));
    }
    match (facts.review, facts.reviewed) {
        (Review::Stale, Some(d)) => meta.push(format!(
            "Reviewed: {d} <span class=\"badge stale\">stale, {} days</span>",
            facts.age_days.unwrap_or(0)
        )),
        (_, Some(d)) => meta.push(format!("Reviewed: {d}")),
        (_, None) if facts.readable => {
            meta.push("<span class=\"badge stale\">never reviewed</span>".to_string())
        }
        _ => {}
    }
    if !facts.tags.is_empty() {
        meta.push(format!("Tags: {}", xml(&facts.tags.join(", "))));
    }
    let _ = writeln!(body, "<p class=\"meta\">{}</p>", meta.join(" · "));

    // A diff page exists when both maps are readable.
    let changes = |base: usize, future: usize| {
        let readable = |m: usize| p.maps.get(m).is_some_and(|f| f.readable);
        if readable(base) && readable(future) {
            format!(
                " (<a href=\"{}\">what changes</a>)",
                names.diff("../", future)
            )
        } else {
            String::new()
        }
    };
    let mut related = Vec::new();
    if let Some(b) = facts.baseline {
        related.push(format!(
            "Baseline: <a href=\"{}\">{}</a>{}",
            names.map("../", b),
            title(b),
            changes(b, i)
        ));
    } else if let Some(b) = entry.map.as_ref().and_then(|m| m.baseline.as_ref()) {
        related.push(format!(
            "Baseline: <code>{}</code> <span class=\"muted\">(not in this portfolio)</span>",
            xml(&b.value)
        ));
    }
    for &f in &facts.futures {
        related.push(format!(
            "Future state: <a href=\"{}\">{}</a>{}",
            names.map("../", f),
            title(f),
            changes(i, f)
        ));
    }
    if let Some(parent) = facts.parent {
        related.push(format!(
            "Part of: <a href=\"{}\">{}</a>",
            names.map("../", parent),
            title(parent)
        ));
    }
    if !facts.children.is_empty() {
        let children: Vec<String> = facts
            .children
            .iter()
            .map(|&c| format!("<a href=\"{}\">{}</a>", names.map("../", c), title(c)))
            .collect();
        related.push(format!("Zoomed-in journeys: {}", children.join(", ")));
    }
    if !related.is_empty() {
        let _ = writeln!(body, "<p>{}</p>", related.join("<br/>"));
    }

    match entry.map.as_ref().filter(|_| facts.readable) {
        Some(map) => details(&mut body, map, p, names),
        None => body.push_str(
            "<p>This map has errors, so it is not drawn; the findings below say what to fix.</p>\n",
        ),
    }

    body.push_str("<h2 id=\"findings\">Findings</h2>\n");
    if entry.report.diagnostics.is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        let mut text = String::new();
        for d in &entry.report.diagnostics {
            crate::report::human::diagnostic(&mut text, &entry.report.path, d);
        }
        let plain = anstream::adapter::strip_str(&text).to_string();
        let _ = writeln!(body, "<pre class=\"findings\">{}</pre>", xml(&plain));
    }
    page("../", "", &facts.title, &body)
}

/// The picture, personas, evidence and tables of a readable map.
fn details(body: &mut String, map: &Map, p: &Portfolio, names: &Names) {
    if let Some(d) = &map.description {
        let _ = writeln!(body, "<p>{}</p>", xml(d));
    }
    let _ = writeln!(
        body,
        "<figure class=\"fit\">\n{}</figure>",
        relink(&crate::render::svg::render(map), p, names)
    );
    if !map.personas.is_empty() {
        body.push_str("<h2>Personas</h2>\n<ul>\n");
        for x in &map.personas {
            let name = match names.persona(p, "../", &x.ident.id) {
                Some(href) => format!("<a href=\"{href}\">{}</a>", xml(&x.name)),
                None => xml(&x.name),
            };
            let _ = writeln!(
                body,
                "<li>{name}{}</li>",
                x.description
                    .as_deref()
                    .map(|d| format!(": {}", xml(d)))
                    .unwrap_or_default()
            );
        }
        body.push_str("</ul>\n");
    }
    if !map.research.is_empty() {
        body.push_str("<h2 id=\"evidence\">Evidence</h2>\n<table>\n<thead><tr><th>Research</th><th>Kind</th><th>Date</th><th>Summary</th><th>Cited by</th></tr></thead>\n<tbody>\n");
        for r in &map.research {
            let cited: Vec<String> = map
                .pain_points()
                .filter(|(_, x)| x.evidence.iter().any(|e| e.value == r.ident.id))
                .map(|(_, x)| {
                    format!(
                        "<a href=\"#{}\">{}</a>",
                        anchor("pain-", &x.ident.id),
                        xml(&x.name.value)
                    )
                })
                .collect();
            let id = match r.url.as_deref().filter(|u| crate::render::svg::safe_url(u)) {
                Some(u) => format!(
                    "<a href=\"{}\" rel=\"noopener noreferrer\"><code>{}</code></a>",
                    xml(u),
                    xml(&r.ident.id)
                ),
                None => format!("<code>{}</code>", xml(&r.ident.id)),
            };
            let _ = writeln!(
                body,
                "<tr id=\"{}\"><td>{id}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                anchor("research-", &r.ident.id),
                opt(r.kind.as_deref()),
                r.date.map_or(DASH.to_string(), |d| d.to_string()),
                opt(r.summary.as_deref()),
                if cited.is_empty() {
                    DASH.to_string()
                } else {
                    cited.join(", ")
                }
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }

    body.push_str("<h2>Stages</h2>\n<table>\n<thead><tr><th>Stage</th><th>Emotion</th><th>Touchpoints</th><th>Actions</th></tr></thead>\n<tbody>\n");
    for s in &map.stages {
        let touchpoints: Vec<String> = s
            .touchpoints
            .iter()
            .map(|t| {
                let mut cell = xml(&t.name.value);
                if let Some(c) = &t.channel {
                    let _ = write!(cell, " <span class=\"muted\">({})</span>", xml(c));
                }
                cell
            })
            .collect();
        let _ = writeln!(
            body,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            xml(&s.name.value),
            emotion(s.emotion.as_ref().map(|e| e.value)),
            list(&touchpoints),
            list(&s.actions.iter().map(|a| xml(a)).collect::<Vec<_>>())
        );
    }
    body.push_str("</tbody>\n</table>\n");

    if map.pain_points().next().is_some() {
        body.push_str("<h2 id=\"pain-points\">Pain points</h2>\n<table>\n<thead><tr><th>Severity</th><th>Pain point</th><th>Stage</th><th>Status</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        for (s, x) in map.pain_points() {
            let evidence: Vec<String> = x
                .evidence
                .iter()
                .map(|e| {
                    if map.research.iter().any(|r| r.ident.id == e.value) {
                        format!(
                            "<a href=\"#{}\">{}</a>",
                            anchor("research-", &e.value),
                            xml(&e.value)
                        )
                    } else {
                        xml(&e.value)
                    }
                })
                .collect();
            let _ = writeln!(
                body,
                "<tr id=\"{}\">{}<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                anchor("pain-", &x.ident.id),
                level_cell(x.severity),
                xml(&x.name.value),
                xml(&s.name.value),
                if x.resolved { "resolved" } else { "open" },
                list(&evidence)
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }

    if map.opportunities().next().is_some() {
        body.push_str("<h2 id=\"opportunities\">Opportunities</h2>\n<table>\n<thead><tr><th>Opportunity</th><th>Stage</th><th>Impact</th><th>Effort</th><th>Owner</th><th>Addresses</th></tr></thead>\n<tbody>\n");
        for (s, o) in map.opportunities() {
            let addresses: Vec<String> = o
                .addresses
                .iter()
                .map(|a| {
                    format!(
                        "<a href=\"#{}\">{}</a>",
                        anchor("pain-", &a.value),
                        xml(&a.value)
                    )
                })
                .collect();
            let _ = writeln!(
                body,
                "<tr id=\"{}\"><td>{}</td><td>{}</td>{}{}<td>{}</td><td>{}</td></tr>",
                anchor("opp-", &o.ident.id),
                xml(&o.name.value),
                xml(&s.name.value),
                level_cell(o.impact),
                level_cell(o.effort),
                opt(o.owner.as_ref().map(|w| w.value.as_str())),
                list(&addresses)
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }

    body.push_str(&crate::render::html::metrics(
        map,
        crate::render::labels::for_lang(map.lang.as_deref()),
    ));
}

/// A picture links to other maps' pictures as siblings (`href="./ID.svg"`, as `cjm render`
/// writes them into one folder); on the site those are map pages. A map not in the
/// portfolio links to the index instead, so no link dangles.
pub(super) fn relink(svg: &str, p: &Portfolio, names: &Names) -> String {
    const START: &str = "href=\"./";
    if !svg.contains(START) {
        return svg.to_string();
    }
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(START) {
        out.push_str(&rest[..at]);
        let after = &rest[at + START.len()..];
        let Some(end) = after.find('"') else {
            out.push_str(&rest[at..]);
            return out;
        };
        let target = &after[..end];
        let href = match target.strip_suffix(".svg") {
            Some(id) => p
                .maps
                .iter()
                .position(|m| xml(&m.id) == id)
                .map_or("../index.html".to_string(), |i| names.map("../", i)),
            None => format!("./{target}"),
        };
        out.push_str(&format!("href=\"{href}\""));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Cell content: items one per line, or a dash.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        return DASH.to_string();
    }
    let mut out = String::from("<ul class=\"plain\">");
    for i in items {
        let _ = write!(out, "<li>{i}</li>");
    }
    out.push_str("</ul>");
    out
}

/// The diff page of map `i` against its baseline, when both are in the portfolio and
/// readable.
pub fn diff(i: usize, entries: &[Entry], p: &Portfolio, names: &Names) -> Option<String> {
    let facts = p.maps.get(i)?;
    let b = facts.baseline?;
    let readable = |m: usize| {
        p.maps
            .get(m)
            .filter(|f| f.readable)
            .and_then(|_| entries.get(m)?.map.as_ref())
    };
    let (current, future) = (readable(b)?, readable(i)?);
    let result = crate::diff::diff(current, future);
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p class=\"meta\"><a href=\"{}\">{}</a> → <a href=\"{}\">{}</a></p>",
        names.map("../", b),
        xml(&current.title.value),
        names.map("../", i),
        xml(&future.title.value)
    );
    let _ = writeln!(
        body,
        "<figure class=\"fit\">\n{}</figure>",
        crate::diff::picture::svg(current, future, &result)
    );
    body.push_str(&crate::diff::page::changes(&result, "sortable"));
    Some(page(
        "../",
        "",
        &format!("{} → {}", current.title.value, future.title.value),
        &body,
    ))
}
