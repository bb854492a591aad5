//! The pages about the whole portfolio: index, backlog, owners, health and personas.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::{Names, anchor, page};
use crate::model::Level;
use crate::portfolio::{Entry, PersonaFacts, Portfolio, Review};
use crate::render::text::xml;

pub(super) const DASH: &str = "<span class=\"muted\">—</span>";

pub(super) fn opt(s: Option<&str>) -> String {
    s.map_or(DASH.to_string(), xml)
}

/// A severity or level as a coloured badge, with a sort key (high first).
pub(super) fn level_cell(l: Option<Level>) -> String {
    match l {
        Some(l) => format!(
            "<td data-sort=\"{}\"><span class=\"badge sev-{}\">{}</span></td>",
            3 - l as i32,
            l.as_str(),
            l.as_str()
        ),
        None => format!("<td data-sort=\"9\">{DASH}</td>"),
    }
}

/// `+2`, `0`, `−1`, or a dash.
pub(super) fn emotion(e: Option<i64>) -> String {
    match e {
        None => "—".to_string(),
        Some(0) => "0".to_string(),
        Some(v) => format!("{v:+}").replace('-', "−"),
    }
}

/// A filter form for table `table` (hidden until the script shows it).
fn filters(table: &str, text: bool, selects: &[(&str, &str, BTreeSet<String>)]) -> String {
    let mut out = format!("<form class=\"filters\" data-table=\"{table}\" hidden=\"hidden\">");
    if text {
        out.push_str("<label>Filter <input type=\"search\" name=\"q\"/></label>");
    }
    for (name, label, values) in selects {
        let _ = write!(
            out,
            "<label>{label} <select name=\"{name}\"><option value=\"\">all</option>"
        );
        for v in values {
            let _ = write!(out, "<option>{}</option>", xml(v));
        }
        out.push_str("</select></label>");
    }
    out.push_str("</form>\n");
    out
}

pub fn index(p: &Portfolio, names: &Names) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p class=\"meta\">{} · {} · {} · as of {}</p>",
        crate::report::count(p.maps.len(), "map", "maps"),
        crate::report::count(p.pain_points.len(), "open pain point", "open pain points"),
        crate::report::count(p.opportunities.len(), "opportunity", "opportunities"),
        p.today
    );
    body.push_str(&filters("maps", true, &[]));
    body.push_str("<table id=\"maps\" class=\"sortable\">\n<thead><tr><th>Map</th><th>Type</th><th>Owner</th><th>Tags</th><th>Personas</th><th>Reviewed</th><th>Errors</th><th>Warnings</th><th>Infos</th><th>Open pain points</th><th>Opportunities</th></tr></thead>\n<tbody>\n");
    for (i, m) in p.maps.iter().enumerate() {
        let personas: Vec<String> = m
            .personas
            .iter()
            .map(|(id, name)| match names.persona(p, "", id) {
                Some(href) => format!("<a href=\"{href}\">{}</a>", xml(name)),
                None => xml(name),
            })
            .collect();
        let reviewed = match (m.review, m.reviewed) {
            (Review::Stale, Some(d)) => {
                format!("<td data-sort=\"{d}\">{d} <span class=\"badge stale\">stale</span></td>")
            }
            (_, Some(d)) => format!("<td data-sort=\"{d}\">{d}</td>"),
            (_, None) => format!(
                "<td data-sort=\"0\"><span class=\"badge stale\">{}</span></td>",
                if m.readable { "never" } else { "unreadable" }
            ),
        };
        let _ = writeln!(
            body,
            "<tr><td><a href=\"{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>{reviewed}<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            names.map("", i),
            xml(&m.title),
            m.kind.map_or(DASH, |k| k.label()),
            opt(m.owner.as_deref()),
            if m.tags.is_empty() {
                DASH.to_string()
            } else {
                xml(&m.tags.join(", "))
            },
            if personas.is_empty() {
                DASH.to_string()
            } else {
                personas.join(", ")
            },
            m.tally.errors,
            m.tally.warnings,
            m.tally.infos,
            m.open_pain_points,
            m.opportunities
        );
    }
    body.push_str("</tbody>\n</table>\n");
    body.push_str(&tree(p, names));
    page("", "index.html", "Journey maps", &body)
}

/// The journey hierarchy: every map that has zoomed-in journeys, with them nested under
/// it (a child's own children under it in turn). Empty when no map names a parent.
fn tree(p: &Portfolio, names: &Names) -> String {
    fn branch(p: &Portfolio, names: &Names, i: usize, seen: &mut Vec<usize>, out: &mut String) {
        let Some(m) = p.maps.get(i) else { return };
        let _ = write!(
            out,
            "<li><a href=\"{}\">{}</a>",
            names.map("", i),
            xml(&m.title)
        );
        // `parent:` loops are errors, but the page must still end.
        if !m.children.is_empty() && !seen.contains(&i) {
            seen.push(i);
            out.push_str("\n<ul>\n");
            for &c in &m.children {
                branch(p, names, c, seen, out);
            }
            out.push_str("</ul>\n");
            seen.pop();
        }
        out.push_str("</li>\n");
    }
    let roots: Vec<usize> = p
        .maps
        .iter()
        .enumerate()
        .filter(|(_, m)| m.parent.is_none() && !m.children.is_empty())
        .map(|(i, _)| i)
        .collect();
    if roots.is_empty() {
        return String::new();
    }
    let mut out =
        String::from("<h2 id=\"hierarchy\">Journey hierarchy</h2>\n<ul class=\"tree\">\n");
    for i in roots {
        branch(p, names, i, &mut Vec::new(), &mut out);
    }
    out.push_str("</ul>\n");
    out
}

pub fn backlog(p: &Portfolio, names: &Names) -> String {
    let mut body = String::new();
    let title = |i: usize| p.maps.get(i).map_or(String::new(), |m| xml(&m.title));
    let _ = writeln!(
        body,
        "<p class=\"meta\">Every open pain point across the maps, most severe first, and every opportunity by priority.</p>\n<h2 id=\"pain-points\">Open pain points ({})</h2>",
        p.pain_points.len()
    );
    let set = |f: &dyn Fn(&crate::portfolio::PainFact) -> Option<String>| -> BTreeSet<String> {
        p.pain_points.iter().filter_map(f).collect()
    };
    body.push_str(&filters(
        "pains",
        false,
        &[
            ("stage", "Stage", set(&|x| Some(x.stage.clone()))),
            ("channel", "Channel", set(&|x| x.channel.clone())),
            ("owner", "Owner", set(&|x| x.owner.clone())),
            (
                "map",
                "Map",
                set(&|x| p.maps.get(x.map).map(|m| m.title.clone())),
            ),
        ],
    ));
    body.push_str("<table id=\"pains\" class=\"sortable\">\n<thead><tr><th>Severity</th><th>Pain point</th><th>Stage</th><th>Channel</th><th>Owner</th><th>Map</th></tr></thead>\n<tbody>\n");
    for x in &p.pain_points {
        let data = |v: Option<&str>| xml(&v.unwrap_or("").to_lowercase());
        let _ = writeln!(
            body,
            "<tr data-stage=\"{}\" data-channel=\"{}\" data-owner=\"{}\" data-map=\"{}\">{}<td><a href=\"{}#{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            data(Some(&x.stage)),
            data(x.channel.as_deref()),
            data(x.owner.as_deref()),
            data(p.maps.get(x.map).map(|m| m.title.as_str())),
            level_cell(x.severity),
            names.map("", x.map),
            anchor("pain-", &x.id),
            xml(&x.name),
            xml(&x.stage),
            opt(x.channel.as_deref()),
            opt(x.owner.as_deref()),
            title(x.map)
        );
    }
    body.push_str("</tbody>\n</table>\n");

    let _ = writeln!(
        body,
        "<h2 id=\"opportunities\">Opportunities ({})</h2>",
        p.opportunities.len()
    );
    body.push_str("<h3 id=\"matrix\">Impact × effort</h3>\n<figure class=\"fit\">\n");
    body.push_str(&super::matrix::svg(p, names));
    body.push_str("</figure>\n");
    let unranked = p
        .opportunities
        .iter()
        .filter(|o| o.impact.is_none() || o.effort.is_none())
        .count();
    if unranked > 0 {
        let _ = writeln!(
            body,
            "<p class=\"meta\">{} without an impact or an effort {} not drawn; {} in the table.</p>",
            crate::report::count(unranked, "opportunity", "opportunities"),
            if unranked == 1 { "is" } else { "are" },
            if unranked == 1 { "it is" } else { "they are" }
        );
    }
    body.push_str(&filters("opps", true, &[]));
    body.push_str("<table id=\"opps\" class=\"sortable\">\n<thead><tr><th>Opportunity</th><th>Status</th><th>Impact</th><th>Effort</th><th>Owner</th><th>Stage</th><th>Map</th></tr></thead>\n<tbody>\n");
    for o in &p.opportunities {
        let _ = writeln!(
            body,
            "<tr><td><a href=\"{}#{}\">{}</a></td><td>{}</td>{}{}<td>{}</td><td>{}</td><td>{}</td></tr>",
            names.map("", o.map),
            anchor("opp-", &o.id),
            xml(&o.name),
            o.status.as_str(),
            level_cell(o.impact),
            level_cell(o.effort),
            opt(o.owner.as_deref()),
            xml(&o.stage),
            title(o.map)
        );
    }
    body.push_str("</tbody>\n</table>\n");
    page("", "backlog.html", "Backlog", &body)
}

pub fn owners(p: &Portfolio, names: &Names) -> String {
    let mut body = String::new();
    if p.owners.is_empty() {
        body.push_str("<p>No map names an owner yet.</p>\n");
    }
    body.push_str("<table class=\"sortable\">\n<thead><tr><th>Owner</th><th>Maps</th><th>Touchpoints</th><th>Open pain points</th><th>Opportunities</th></tr></thead>\n<tbody>\n");
    for o in &p.owners {
        let _ = writeln!(
            body,
            "<tr><td><a href=\"#{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            anchor("owner-", &o.owner),
            xml(&o.owner),
            o.maps.len(),
            o.touchpoints.len(),
            o.pain_points,
            o.opportunities
        );
    }
    body.push_str("</tbody>\n</table>\n");
    for o in &p.owners {
        let _ = writeln!(
            body,
            "<h2 id=\"{}\">{}</h2>",
            anchor("owner-", &o.owner),
            xml(&o.owner)
        );
        let mut list = |label: &str, items: Vec<String>| {
            if !items.is_empty() {
                let _ = write!(body, "<h3>{label}</h3>\n<ul>\n");
                for i in items {
                    let _ = writeln!(body, "<li>{i}</li>");
                }
                body.push_str("</ul>\n");
            }
        };
        let title = |i: usize| p.maps.get(i).map_or(String::new(), |m| xml(&m.title));
        list(
            "Maps",
            o.maps
                .iter()
                .map(|&m| format!("<a href=\"{}\">{}</a>", names.map("", m), title(m)))
                .collect(),
        );
        list(
            "Touchpoints",
            o.touchpoints
                .iter()
                .map(|t| {
                    format!(
                        "{}{} <span class=\"muted\">in {} › {}</span>",
                        xml(&t.name),
                        t.channel
                            .as_deref()
                            .map(|c| format!(" ({})", xml(c)))
                            .unwrap_or_default(),
                        format_args!("<a href=\"{}\">{}</a>", names.map("", t.map), title(t.map)),
                        xml(&t.stage)
                    )
                })
                .collect(),
        );
        list(
            "Open pain points",
            p.pain_points
                .iter()
                .filter(|x| x.owner.as_deref() == Some(o.owner.as_str()))
                .map(|x| {
                    format!(
                        "<a href=\"{}#{}\">{}</a> {} <span class=\"muted\">in {} › {}</span>",
                        names.map("", x.map),
                        anchor("pain-", &x.id),
                        xml(&x.name),
                        x.severity.map_or(String::new(), |s| format!(
                            "<span class=\"badge sev-{0}\">{0}</span>",
                            s.as_str()
                        )),
                        title(x.map),
                        xml(&x.stage)
                    )
                })
                .collect(),
        );
        list(
            "Opportunities",
            p.opportunities
                .iter()
                .filter(|x| x.owner.as_deref() == Some(o.owner.as_str()))
                .map(|x| {
                    format!(
                        "<a href=\"{}#{}\">{}</a> <span class=\"muted\">{}, impact {}, effort {}, in {}</span>",
                        names.map("", x.map),
                        anchor("opp-", &x.id),
                        xml(&x.name),
                        x.status.as_str(),
                        x.impact.map_or("—", Level::as_str),
                        x.effort.map_or("—", Level::as_str),
                        title(x.map)
                    )
                })
                .collect(),
        );
    }
    page("", "owners.html", "Owners", &body)
}

pub fn health(entries: &[Entry], p: &Portfolio, names: &Names) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p class=\"meta\">{} across {} · as of {}</p>",
        [
            crate::report::count(p.tally.errors, "error", "errors"),
            crate::report::count(p.tally.warnings, "warning", "warnings"),
            crate::report::count(p.tally.infos, "info", "infos"),
        ]
        .join(", "),
        crate::report::count(p.maps.len(), "map", "maps"),
        p.today
    );
    let map_link = |i: usize| {
        format!(
            "<a href=\"{}\">{}</a>",
            names.map("", i),
            p.maps.get(i).map_or(String::new(), |m| xml(&m.title))
        )
    };
    let unreadable = p.unreadable();
    if !unreadable.is_empty() {
        body.push_str("<h2>Maps with errors</h2>\n<ul>\n");
        for i in unreadable {
            let _ = writeln!(
                body,
                "<li>{} <span class=\"muted\">{}</span></li>",
                map_link(i),
                crate::report::count(p.maps[i].tally.errors, "error", "errors")
            );
        }
        body.push_str("</ul>\n");
    }
    body.push_str("<h2>Stale maps</h2>\n");
    let stale = p.stale();
    if stale.is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        body.push_str("<table class=\"sortable\">\n<thead><tr><th>Map</th><th>Reviewed</th><th>Days ago</th><th>Owner</th></tr></thead>\n<tbody>\n");
        for i in stale {
            let m = &p.maps[i];
            let _ = writeln!(
                body,
                "<tr><td>{}</td><td>{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                map_link(i),
                m.reviewed.map_or(String::new(), |d| d.to_string()),
                m.age_days.unwrap_or(0),
                opt(m.owner.as_deref())
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    body.push_str("<h2>Unreviewed maps</h2>\n");
    let unreviewed = p.unreviewed();
    if unreviewed.is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        body.push_str("<ul>\n");
        for i in unreviewed {
            let _ = writeln!(body, "<li>{}</li>", map_link(i));
        }
        body.push_str("</ul>\n");
    }
    body.push_str("<h2>Lint findings by rule</h2>\n");
    if p.lint.is_empty() {
        body.push_str("<p>None.</p>\n");
    } else {
        body.push_str("<table class=\"sortable\">\n<thead><tr><th>Rule</th><th>Findings</th><th>Maps</th></tr></thead>\n<tbody>\n");
        for (rule, n) in &p.lint {
            let maps: Vec<String> = entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.report.diagnostics.iter().any(|d| d.code == *rule))
                .map(|(i, _)| map_link(i))
                .collect();
            let _ = writeln!(
                body,
                "<tr><td><code>{rule}</code></td><td class=\"num\">{n}</td><td>{}</td></tr>",
                maps.join(", ")
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    page("", "health.html", "Health", &body)
}

pub fn personas(p: &Portfolio, names: &Names) -> String {
    let mut body = String::new();
    if p.personas.is_empty() {
        body.push_str("<p>No map names a persona yet.</p>\n");
    } else {
        body.push_str("<table class=\"sortable\">\n<thead><tr><th>Persona</th><th>Maps</th><th>Description</th></tr></thead>\n<tbody>\n");
        for x in &p.personas {
            let _ = writeln!(
                body,
                "<tr><td><a href=\"{}\">{}</a></td><td class=\"num\">{}</td><td>{}</td></tr>",
                names.persona(p, "", &x.id).unwrap_or_default(),
                xml(&x.name),
                x.appearances.len(),
                opt(x.description.as_deref())
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    page("", "personas.html", "Personas", &body)
}

pub fn persona(x: &PersonaFacts, p: &Portfolio, names: &Names) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<p class=\"meta\">Persona <code>{}</code></p>",
        xml(&x.id)
    );
    if let Some(d) = &x.description {
        let _ = writeln!(body, "<p>{}</p>", xml(d));
    }
    for (label, list) in [("Goals", &x.goals), ("Frustrations", &x.frustrations)] {
        if !list.is_empty() {
            let _ = writeln!(body, "<h2>{label}</h2>\n<ul>");
            for g in list {
                let _ = writeln!(body, "<li>{}</li>", xml(g));
            }
            body.push_str("</ul>\n");
        }
    }
    body.push_str("<h2>Maps and emotion per stage</h2>\n");
    for a in &x.appearances {
        let Some(m) = p.maps.get(a.map) else { continue };
        let _ = writeln!(
            body,
            "<h3><a href=\"{}\">{}</a></h3>",
            names.map("../", a.map),
            xml(&m.title)
        );
        if a.scale != (-2, 2) {
            let _ = writeln!(
                body,
                "<p>On this map's own scale, from {} to {}.</p>",
                a.scale.0, a.scale.1
            );
        }
        body.push_str("<table>\n<thead><tr>");
        for (stage, _) in &a.emotions {
            let _ = write!(body, "<th>{}</th>", xml(stage));
        }
        body.push_str("</tr></thead>\n<tbody><tr>");
        for (_, e) in &a.emotions {
            // A scale of only positive numbers (1 to 5) reads without signs.
            let cell = match e {
                Some(v) if a.scale.0 >= 0 => v.to_string(),
                _ => emotion(*e),
            };
            let _ = write!(body, "<td>{cell}</td>");
        }
        body.push_str("</tr></tbody>\n</table>\n");
    }
    page("../", "", &x.name, &body)
}
