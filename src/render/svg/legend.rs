//! The foot of the picture: the research list the pain points cite, and the legend.

use std::fmt::Write;

use super::{INK, MUTED, Mark, Overlay, PAD, SMALL, draw, emotion_color, severity_colors};
use crate::model::Level;
use crate::model::Map;
use crate::model::metric::Status;
use crate::render::labels;
use crate::render::text::{width, wrap, xml};

/// The evidence behind the map: each study numbered as the pain points cite it, with
/// its kind, date, summary and link.
pub(super) fn research(body: &mut String, map: &Map, mut y: f64, canvas_w: f64) -> f64 {
    if map.research.is_empty() {
        return y;
    }
    let l = labels::for_lang(map.lang.as_deref());
    draw::text(body, PAD, y + 4.0, l.research, SMALL, true, false, INK);
    y += 6.0;
    let max = canvas_w - 2.0 * PAD;
    for (i, (line, link)) in crate::render::details::research(map)
        .into_iter()
        .enumerate()
    {
        let (lines, _) = wrap(&format!("[{}] {line}", i + 1), SMALL, max, 2);
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
                if link.is_some() { "#1d4ed8" } else { INK },
            );
        }
        if link.is_some() {
            body.push_str("</a>\n");
        }
    }
    y + 18.0
}

enum Swatch {
    Dot(&'static str),
    Box(&'static str, &'static str),
    Bar(&'static str),
}

pub(super) fn legend(
    body: &mut String,
    map: &Map,
    overlay: &Overlay,
    y: f64,
    canvas_w: f64,
) -> f64 {
    let l = labels::for_lang(map.lang.as_deref());
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
    let has_emotion = !overlay.before.is_empty()
        || map
            .stages
            .iter()
            .any(|s| s.emotion.is_some() || s.touchpoints.iter().any(|t| t.emotion.is_some()));
    for e in [-2, -1, 0, 1, 2].into_iter().filter(|_| has_emotion) {
        let label = if e == 0 {
            "0".to_string()
        } else {
            format!("{e:+}").replace('-', "−")
        };
        items.push((
            Swatch::Dot(emotion_color(e)),
            format!("{} {label}", l.emotion_word),
        ));
    }
    if map.pain_points().next().is_some() {
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
    if map.opportunities().next().is_some() {
        items.push((
            Swatch::Box("#e3f0ff", "#6aa5e8"),
            l.opportunity_legend.to_string(),
        ));
    }
    if map.stages.iter().any(|s| {
        s.metrics
            .iter()
            .any(|m| m.value.is_some() && m.target.is_some())
    }) {
        for status in [Status::Met, Status::Close, Status::Behind] {
            items.push((
                Swatch::Bar(draw::status_colour(status)),
                format!("{} {} {}", l.metric, status.symbol(), l.status(status)),
            ));
        }
    }
    if items.is_empty() {
        return y;
    }
    draw::text(body, PAD, y + 4.0, l.legend, SMALL, true, false, INK);
    let (mut x, mut y) = (PAD, y + 22.0);
    for (swatch, label) in items {
        let w = 18.0 + width(&label, SMALL) + 18.0;
        if x + w > canvas_w - PAD {
            x = PAD;
            y += 22.0;
        }
        let _ = match swatch {
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
