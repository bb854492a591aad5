//! The foot of the picture: the research list the pain points cite, and the legend.

use crate::render::text::Face;
use std::fmt::Write;

use super::Picture;
use super::{INK, MUTED, Mark, PAD, SMALL, draw, emotion_color, severity_colors};
use crate::model::Level;
use crate::model::metric::Status;
use crate::render::text::{width, wrap, xml};

/// The evidence behind the map: each study numbered as the pain points cite it, with
/// its kind, date, summary and link.
pub(super) fn research(p: &Picture, body: &mut String, mut y: f64) -> f64 {
    let (map, canvas_w, l) = (p.map, p.canvas_w, p.l);
    if map.research.is_empty() {
        return y;
    }
    draw::text(body, PAD, y + 4.0, l.research, SMALL, true, false, INK);
    y += 6.0;
    let max = canvas_w - 2.0 * PAD;
    for (i, (line, link)) in crate::render::details::research(map)
        .into_iter()
        .enumerate()
    {
        let (lines, _) = wrap(&format!("[{}] {line}", i + 1), SMALL, Face::Regular, max, 2);
        if let Some(u) = link {
            let _ = write!(
                body,
                r#"<a href="{}" target="_blank" rel="noopener noreferrer">"#,
                xml(u)
            );
        }
        for text in &lines {
            y += SMALL * 1.5;
            draw::text(
                body,
                PAD,
                y,
                text,
                SMALL,
                false,
                false,
                if link.is_some() {
                    &p.view.theme.link
                } else {
                    INK
                },
            );
        }
        if link.is_some() {
            body.push_str("</a>\n");
        }
    }
    y + 18.0
}

enum Swatch<'a> {
    Dot(&'a str),
    /// A persona's curve: its line and marker.
    Curve(super::emotion::PersonaStyle),
    Box(&'a str, &'a str),
    Bar(&'a str),
}

pub(super) fn legend(p: &Picture, body: &mut String, y: f64) -> f64 {
    let (map, overlay, canvas_w, l) = (p.map, p.overlay, p.canvas_w, p.l);
    let mut items: Vec<(Swatch, String)> = Vec::new();
    if !overlay.is_empty() {
        for m in [
            Mark::Added,
            Mark::NewProblem,
            Mark::Changed,
            Mark::Resolved,
            Mark::Removed,
        ] {
            items.push((Swatch::Box("#ffffff", m.color()), m.label(l)));
        }
    }
    if !overlay.before.is_empty() {
        items.push((Swatch::Bar("#9aa5b1"), l.current_emotion.to_string()));
    }
    let has_emotion = p.view.shows("emotion")
        && (!overlay.before.is_empty()
            || map
                .stages
                .iter()
                .any(|s| s.emotion.is_some() || s.touchpoints.iter().any(|t| t.emotion.is_some())));
    let (min, max) = map.emotion_scale;
    for e in [-2, -1, 0, 1, 2].into_iter().filter(|_| has_emotion) {
        // Named on the map's own scale: 1..5 reads 1, 2, 3, 4, 5.
        let raw = min as f64 + (e + 2) as f64 / 4.0 * (max - min) as f64;
        let label = match raw {
            r if r.fract() != 0.0 => format!("{r:.1}"),
            0.0 => "0".to_string(),
            r if min < 0 => format!("{:+}", r as i64).replace('-', "−"),
            r => format!("{}", r as i64),
        };
        items.push((
            Swatch::Dot(emotion_color(e)),
            format!("{} {label}", l.emotion_word),
        ));
    }
    if p.view.shows("emotion") && map.has_persona_emotions() {
        for (k, id) in super::emotion::persona_ids(map).iter().enumerate() {
            let styles = super::emotion::PERSONA_STYLES;
            let name = map
                .personas
                .iter()
                .find(|q| q.ident.id == *id)
                .map(|q| q.name.as_str())
                .filter(|n| !n.is_empty())
                .unwrap_or(id);
            items.push((Swatch::Curve(styles[k % styles.len()]), name.to_string()));
        }
    }
    if p.view.shows("pain_points") && map.pain_points().next().is_some() {
        for level in [Level::Low, Level::Medium, Level::High, Level::Critical] {
            let (fill, stroke, _) = severity_colors(Some(level));
            items.push((
                Swatch::Box(fill, stroke),
                match level {
                    Level::Low => l.low_pain,
                    Level::Medium => l.medium_pain,
                    Level::High => l.high_pain,
                    Level::Critical => l.critical_pain,
                }
                .to_string(),
            ));
        }
    }
    if p.view.shows("opportunities") && map.opportunities().next().is_some() {
        items.push((
            Swatch::Box(&p.view.theme.accent_fill, &p.view.theme.accent_stroke),
            l.opportunity_legend.to_string(),
        ));
    }
    if p.view.shows("metrics")
        && map.stages.iter().any(|s| {
            s.metrics
                .iter()
                .any(|m| m.value.is_some() && m.target.is_some())
        })
    {
        for status in [Status::Met, Status::Close, Status::Behind] {
            items.push((
                Swatch::Bar(draw::status_colour(status)),
                format!("{} {} {}", l.metric, status.symbol(), l.status(status)),
            ));
        }
    }
    if p.view.shows("metrics")
        && map
            .stages
            .iter()
            .any(|s| s.metrics.iter().any(|m| m.trend().len() >= 2))
    {
        // A lower-is-better metric's trend is drawn upside down: say which way is up.
        items.push((Swatch::Bar(MUTED), l.trend_legend.to_string()));
    }
    if items.is_empty() {
        return y;
    }
    draw::text(body, PAD, y + 4.0, l.legend, SMALL, true, false, INK);
    let (mut x, mut y) = (PAD, y + 22.0);
    for (swatch, label) in items {
        let w = 18.0 + width(&label, SMALL, Face::Regular) + 18.0;
        if x + w > canvas_w - PAD {
            x = PAD;
            y += 22.0;
        }
        let _ = match swatch {
            Swatch::Curve(style) => {
                let _ = writeln!(
                    body,
                    r#"<line x1="{x:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{}" stroke-width="2.5" stroke-dasharray="{}"/>"#,
                    x + 13.0,
                    style.colour,
                    style.dash
                );
                super::emotion::marker(
                    body,
                    style.marker,
                    x + 6.5,
                    y,
                    3.5,
                    "#ffffff",
                    style.colour,
                );
                Ok(())
            }
            Swatch::Dot(c) => writeln!(
                body,
                r#"<circle cx="{:.1}" cy="{y:.1}" r="6" fill="{c}"/>"#,
                x + 6.0
            ),
            Swatch::Box(f, s) => writeln!(
                body,
                r#"<rect x="{x:.1}" y="{:.1}" width="13" height="13" rx="3" fill="{f}" stroke="{s}"/>"#,
                y - 6.5
            ),
            Swatch::Bar(c) => writeln!(
                body,
                r#"<rect x="{x:.1}" y="{:.1}" width="13" height="5" rx="2.5" fill="{c}"/>"#,
                y - 2.5
            ),
        };
        draw::text(body, x + 18.0, y + 4.0, &label, SMALL, false, false, MUTED);
        x += w;
    }
    y + 12.0
}
