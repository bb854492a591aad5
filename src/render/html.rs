//! The map as one self-contained HTML page: the SVG picture inline, then what the
//! Markdown document says (metadata, personas, stages, ranked opportunities, metrics)
//! as HTML. No script, no external resource: it opens offline and can be mailed or
//! attached to a ticket. The markup is well-formed XML too, so tests parse it.

use std::fmt::Write;

use super::text::xml;
use crate::model::{Level, Map};

pub(crate) const STYLE: &str = "body{font-family:system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:#1f2933;margin:2rem auto;max-width:80rem;padding:0 1.5rem;line-height:1.45}\
figure{margin:1.5rem 0;overflow-x:auto}figure svg{max-width:none;height:auto}\
table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #d9e2ec;padding:.45rem .6rem;text-align:left;vertical-align:top}\
th{background:#f0f4f8}.meta{color:#52606d}.muted{color:#7b8794}s{color:#7b8794}\
ul.plain{list-style:none;padding:0;margin:0}footer{color:#7b8794;font-size:.85rem;margin-top:2rem}";

fn num(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Cell content: items one per line, or a dash.
fn items(list: &[String]) -> String {
    if list.is_empty() {
        "<span class=\"muted\">—</span>".to_string()
    } else {
        let mut out = String::from("<ul class=\"plain\">");
        for i in list {
            let _ = write!(out, "<li>{i}</li>");
        }
        out.push_str("</ul>");
        out
    }
}

use super::labels::capitalised as cap;

pub fn render(map: &Map) -> String {
    let l = super::labels::for_lang(map.lang.as_deref());
    let mut out = String::with_capacity(64 * 1024);
    let title = xml(&map.title.value);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"und\">\n<head>\n<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<meta name=\"generator\" content=\"cjm\"/>\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{title}</h1>\n"
    );
    let mut meta = Vec::new();
    if let Some(k) = map.kind {
        meta.push(format!("<strong>{}</strong>", l.map_type(k)));
    }
    if let Some(o) = &map.owner {
        meta.push(format!("{}: {}", l.owner, xml(&o.value)));
    }
    if let Some(r) = &map.reviewed {
        meta.push(format!("{}: {}", l.reviewed, r.value));
    }
    if let Some(b) = &map.baseline {
        meta.push(format!("{}: <code>{}</code>", l.baseline, xml(&b.value)));
    }
    if !map.tags.is_empty() {
        meta.push(format!("{}: {}", l.tags, xml(&map.tags.join(", "))));
    }
    if !meta.is_empty() {
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    }
    if let Some(d) = &map.description {
        let _ = writeln!(out, "<p>{}</p>", xml(d));
    }
    let _ = writeln!(out, "<figure>\n{}</figure>", super::svg::render(map));

    if !map.personas.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>\n<ul>", l.personas);
        for p in &map.personas {
            let _ = write!(out, "<li><strong>{}</strong>", xml(&p.name));
            if let Some(d) = &p.description {
                let _ = write!(out, ": {}", xml(d));
            }
            for (label, text) in super::details::persona(p, l) {
                let _ = write!(out, "<br/>{label}: {}", xml(&text));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }

    let _ = writeln!(
        out,
        "<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        l.stages, l.stage, l.emotion, l.touchpoints, l.pain_points, l.opportunities
    );
    for s in &map.stages {
        let touchpoints: Vec<String> = s
            .touchpoints
            .iter()
            .map(|t| {
                let name = match t.url.as_deref().filter(|u| super::svg::safe_url(u)) {
                    Some(u) => format!(
                        "<a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                        xml(u),
                        xml(&t.name.value)
                    ),
                    None => xml(&t.name.value),
                };
                match &t.channel {
                    Some(c) => format!(
                        "{name} <span class=\"muted\">({})</span>",
                        xml(l.channel(c))
                    ),
                    None => name,
                }
            })
            .collect();
        let pains: Vec<String> = s
            .pain_points
            .iter()
            .map(|p| {
                if p.resolved {
                    format!("<s>{}</s> resolved", xml(&p.name.value))
                } else {
                    let sev = p
                        .severity
                        .map(|v| format!(" <em>{}</em>", l.level(v)))
                        .unwrap_or_default();
                    format!("{}{sev}", xml(&p.name.value))
                }
            })
            .collect();
        let opps: Vec<String> = s.opportunities.iter().map(|o| xml(&o.name.value)).collect();
        let emotion = s
            .emotion
            .as_ref()
            .map_or("—".to_string(), |e| match e.value {
                0 => "0".to_string(),
                v => format!("{v:+}").replace('-', "−"),
            });
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{emotion}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            xml(&s.name.value),
            items(&touchpoints),
            items(&pains),
            items(&opps)
        );
    }
    out.push_str("</tbody>\n</table>\n");

    let mut opps: Vec<_> = map.opportunities().collect();
    if !opps.is_empty() {
        let rank = |l: Option<Level>| l.map_or(0, |l| l as i32 + 1);
        opps.sort_by_key(|(_, o)| (-rank(o.impact), o.effort.map_or(9, |l| l as i32)));
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            l.opportunities_ranked,
            l.opportunity,
            l.stage,
            cap(l.impact),
            cap(l.effort),
            l.owner
        );
        for (s, o) in opps {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                xml(&o.name.value),
                xml(&s.name.value),
                o.impact.map_or("—", |v| l.level(v)),
                o.effort.map_or("—", |v| l.level(v)),
                o.owner.as_ref().map_or("—".to_string(), |w| xml(&w.value)),
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }

    let details = super::details::stages(map, l);
    if !details.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", l.stage_details);
        for (stage, lines) in details {
            let _ = writeln!(out, "<h3>{}</h3>\n<ul>", xml(stage));
            for (label, text) in lines {
                let _ = writeln!(
                    out,
                    "<li><strong>{}</strong>: {}</li>",
                    cap(label),
                    xml(&text)
                );
            }
            out.push_str("</ul>\n");
        }
    }

    out.push_str(&metrics(map, l));
    let research = super::details::research(map);
    if !research.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>\n<ol>", l.research);
        for (line, url) in research {
            match url {
                Some(u) => {
                    let _ = writeln!(
                        out,
                        "<li><a href=\"{}\" rel=\"noopener noreferrer\">{}</a></li>",
                        xml(u),
                        xml(&line)
                    );
                }
                None => {
                    let _ = writeln!(out, "<li>{}</li>", xml(&line));
                }
            }
        }
        out.push_str("</ol>\n");
    }
    let _ = writeln!(
        out,
        "<footer>{} <code>{}</code>.</footer>\n</body>\n</html>",
        l.generated_by,
        xml(&map.id.id)
    );
    out
}

/// The metrics table: value, target (and which way is better) and status per metric.
/// The site's map pages use it too.
pub fn metrics(map: &Map, l: &super::labels::Labels) -> String {
    let mut out = String::new();
    if map.stages.iter().any(|s| !s.metrics.is_empty()) {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            l.metrics,
            l.stage,
            cap(l.metric),
            l.value,
            cap(l.target),
            l.status_heading
        );
        for s in &map.stages {
            for m in &s.metrics {
                let unit = m
                    .unit
                    .as_deref()
                    .map(|u| format!(" {}", xml(u)))
                    .unwrap_or_default();
                let figure =
                    |v: Option<f64>| v.map_or("—".to_string(), |v| format!("{}{unit}", num(v)));
                let lower = if m.better == crate::model::metric::Better::Lower {
                    format!(" <span class=\"muted\">({})</span>", l.lower_is_better)
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}{lower}</td><td>{}</td></tr>",
                    xml(&s.name.value),
                    xml(&m.name.value),
                    figure(m.value),
                    figure(m.target),
                    m.status().map_or("—".to_string(), |s| format!(
                        "{} {}",
                        s.symbol(),
                        l.status(s)
                    ))
                );
            }
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out
}
