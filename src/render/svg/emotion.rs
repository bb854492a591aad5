//! The emotion lane: the curve through stage and touchpoint emotions, and under a diff
//! the current map's curve, dashed, behind it.

use crate::render::text::Face;
use std::fmt::Write;

use super::Picture;
use super::{EMOTION_H, LABEL_W, MUTED, Mark, PAD, SMALL, draw, emotion_color};
use crate::render::text::width;

/// The emotion curve: a smooth line through the stage emotions (and touchpoint
/// emotions, placed across their column), broken where a stage has none.
#[allow(clippy::too_many_arguments)]
pub(super) fn lane(p: &Picture, body: &mut String, y: f64, row: usize) -> f64 {
    let (map, overlay, widths, canvas_w, l) = (p.map, p.overlay, &p.widths[..], p.canvas_w, p.l);
    draw::lane_background(body, y, EMOTION_H, canvas_w, row, l.emotion);
    let top = y + 22.0;
    let bottom = y + EMOTION_H - 22.0;
    let ey = |e: f64| top + (2.0 - e) * (bottom - top) / 4.0;
    let (min, max) = map.emotion_scale;
    let signs = min < 0;
    let axis = [
        (2.0, signed(max, signs)),
        (0.0, signed_mid(min, max, signs)),
        (-2.0, signed(min, signs)),
    ];
    for (e, label) in &axis {
        draw::text(
            body,
            PAD + LABEL_W - 22.0,
            ey(*e) + 4.0,
            label,
            SMALL,
            false,
            false,
            MUTED,
        );
    }
    let grid_x = PAD + LABEL_W;
    let grid_w: f64 = widths.iter().sum();
    let _ = writeln!(
        body,
        r##"<line x1="{grid_x:.1}" y1="{0:.1}" x2="{1:.1}" y2="{0:.1}" stroke="#9aa5b1" stroke-dasharray="4 4"/>"##,
        ey(0.0),
        grid_x + grid_w
    );
    let _ = writeln!(
        body,
        r##"<defs><linearGradient id="cjm-emotion" gradientUnits="userSpaceOnUse" x1="0" y1="{top:.1}" x2="0" y2="{bottom:.1}"><stop offset="0" stop-color="#1e9e5a"/><stop offset="0.5" stop-color="#8a96a3"/><stop offset="1" stop-color="#d64545"/></linearGradient></defs>"##
    );
    // The current map's stage emotions under a diff: a dashed grey curve behind.
    if !overlay.before.is_empty() {
        let mut x0 = grid_x;
        let mut segments: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (stage, w) in map.stages.iter().zip(widths) {
            match overlay.before.get(&stage.ident.id) {
                Some(e) => {
                    if let Some(seg) = segments.last_mut() {
                        seg.push((x0 + w / 2.0, ey(map.normalised(*e))));
                    }
                }
                // A stage the current map does not have is no gap in its curve.
                None if overlay.stage_mark(stage) == Some(Mark::Added) => {}
                None if segments.last().is_some_and(|s| !s.is_empty()) => segments.push(Vec::new()),
                None => {}
            }
            x0 += w;
        }
        for seg in segments.iter().filter(|s| s.len() > 1) {
            let _ = writeln!(
                body,
                r##"<path d="{}" fill="none" stroke="#9aa5b1" stroke-width="2.5" stroke-dasharray="7 5"/>"##,
                smooth(seg, top, bottom)
            );
        }
        for &(x, y) in segments.iter().flatten() {
            let _ = writeln!(
                body,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="5" fill="#ffffff" stroke="#9aa5b1" stroke-width="2"/>"##
            );
        }
    }
    let colour = |e: i64| emotion_color(map.normalised(e).round() as i64);
    if !map.has_persona_emotions() {
        let (segments, dots) = series(p, &ey, &|s| s.emotion.as_ref().map(|e| e.value), &|t| {
            t.emotion
        });
        for seg in segments.iter().filter(|s| s.len() > 1) {
            let _ = writeln!(
                body,
                r#"<path d="{}" fill="none" stroke="url(#cjm-emotion)" stroke-width="3" stroke-linecap="round"/>"#,
                smooth(seg, top, bottom)
            );
        }
        for (x, y, e, stage) in dots {
            let r = if stage { 7.0 } else { 4.5 };
            let _ = writeln!(
                body,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{}" stroke="#ffffff" stroke-width="2"/>"##,
                colour(e)
            );
            if stage {
                let label = signed(e, map.emotion_scale.0 < 0);
                let ly = if map.normalised(e) >= 0.0 {
                    y - 12.0
                } else {
                    y + 20.0
                };
                draw::text(
                    body,
                    x - width(&label, SMALL, Face::Bold) / 2.0,
                    ly,
                    &label,
                    SMALL,
                    true,
                    false,
                    colour(e),
                );
            }
        }
        return y + EMOTION_H;
    }
    // One curve per persona, told apart by dash pattern and marker shape as well as by
    // colour, so the picture reads in grey and for colour-blind readers.
    for (k, id) in persona_ids(map).iter().enumerate() {
        let style = PERSONA_STYLES[k % PERSONA_STYLES.len()];
        let pick = |list: &[(crate::model::Spanned<String>, crate::model::Spanned<i64>)]| {
            list.iter()
                .find(|(p, _)| p.value == *id)
                .map(|(_, v)| v.value)
        };
        // A single value on a stage of a per-persona map is everyone's.
        let (segments, dots) = series(
            p,
            &ey,
            &|s| match s.emotions.is_empty() {
                true => s.emotion.as_ref().map(|e| e.value),
                false => pick(&s.emotions),
            },
            &|t| match t.emotions.is_empty() {
                true => t.emotion,
                false => pick(&t.emotions),
            },
        );
        for seg in segments.iter().filter(|s| s.len() > 1) {
            let _ = writeln!(
                body,
                r#"<path d="{}" fill="none" stroke="{}" stroke-width="2.5" stroke-dasharray="{}" stroke-linecap="round"/>"#,
                smooth(seg, top, bottom),
                style.colour,
                style.dash
            );
        }
        for (x, y, e, stage) in dots {
            let r = if stage { 6.5 } else { 4.0 };
            marker(body, style.marker, x, y, r, colour(e), style.colour);
        }
    }
    y + EMOTION_H
}

/// How one persona's curve is drawn: a colour, a dash pattern and a marker shape.
#[derive(Clone, Copy)]
pub(super) struct PersonaStyle {
    pub(super) colour: &'static str,
    pub(super) dash: &'static str,
    pub(super) marker: Marker,
}

#[derive(Clone, Copy)]
pub(super) enum Marker {
    Circle,
    Square,
    Diamond,
    Triangle,
}

pub(super) const PERSONA_STYLES: [PersonaStyle; 4] = [
    PersonaStyle {
        colour: "#334e68",
        dash: "none",
        marker: Marker::Circle,
    },
    PersonaStyle {
        colour: "#9f580a",
        dash: "9 5",
        marker: Marker::Square,
    },
    PersonaStyle {
        colour: "#6b46c1",
        dash: "2 5",
        marker: Marker::Diamond,
    },
    PersonaStyle {
        colour: "#2c7a7b",
        dash: "12 4 3 4",
        marker: Marker::Triangle,
    },
];

/// The persona ids that have emotions of their own, the map's personas first.
pub(super) fn persona_ids(map: &crate::model::Map) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let mut add = |id: &str| {
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
    };
    let given = |id: &str| {
        map.stages.iter().any(|s| {
            s.emotions.iter().any(|(p, _)| p.value == id)
                || s.touchpoints
                    .iter()
                    .any(|t| t.emotions.iter().any(|(p, _)| p.value == id))
        })
    };
    for p in map.personas.iter().filter(|p| given(&p.ident.id)) {
        add(&p.ident.id);
    }
    for s in &map.stages {
        for (p, _) in s
            .emotions
            .iter()
            .chain(s.touchpoints.iter().flat_map(|t| t.emotions.iter()))
        {
            add(&p.value);
        }
    }
    ids
}

/// A marker of `shape` at (x, y): filled with the emotion's colour, outlined in the
/// persona's.
pub(super) fn marker(
    body: &mut String,
    shape: Marker,
    x: f64,
    y: f64,
    r: f64,
    fill: &str,
    stroke: &str,
) {
    let _ = match shape {
        Marker::Circle => writeln!(
            body,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r}" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#
        ),
        Marker::Square => writeln!(
            body,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#,
            x - r * 0.85,
            y - r * 0.85,
            r * 1.7,
            r * 1.7
        ),
        Marker::Diamond => writeln!(
            body,
            r#"<path d="M{x:.1} {:.1} L{:.1} {y:.1} L{x:.1} {:.1} L{:.1} {y:.1} Z" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#,
            y - r * 1.1,
            x + r * 1.1,
            y + r * 1.1,
            x - r * 1.1
        ),
        Marker::Triangle => writeln!(
            body,
            r#"<path d="M{x:.1} {:.1} L{:.1} {:.1} L{:.1} {:.1} Z" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#,
            y - r * 1.1,
            x + r,
            y + r * 0.8,
            x - r,
            y + r * 0.8
        ),
    };
}

/// An emotion as drawn on the axis and by the points: signed on a scale through zero.
fn signed(e: i64, signs: bool) -> String {
    match e {
        0 => "0".to_string(),
        e if signs => format!("{e:+}").replace('-', "−"),
        e => e.to_string(),
    }
}

/// The middle of the scale, as a number when it is a whole one.
fn signed_mid(min: i64, max: i64, signs: bool) -> String {
    if (min + max) % 2 == 0 {
        signed((min + max) / 2, signs)
    } else {
        format!("{:.1}", (min + max) as f64 / 2.0)
    }
}

/// The points of one curve: stage emotions at the column's middle, touchpoint emotions
/// spread across it, broken where a stage has none; a stage a diff removed is skipped
/// (the dashed current curve passes through it instead).
type Dots = Vec<(f64, f64, i64, bool)>;
fn series(
    p: &Picture,
    ey: &dyn Fn(f64) -> f64,
    stage_emotion: &dyn Fn(&crate::model::Stage) -> Option<i64>,
    touchpoint_emotion: &dyn Fn(&crate::model::Touchpoint) -> Option<i64>,
) -> (Vec<Vec<(f64, f64)>>, Dots) {
    let mut segments: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    let mut dots: Dots = Vec::new();
    let mut x0 = PAD + LABEL_W;
    for (stage, w) in p.map.stages.iter().zip(&p.widths) {
        if p.overlay.stage_mark(stage) == Some(Mark::Removed) {
            x0 += w;
            continue;
        }
        let mut pts: Dots = Vec::new();
        let own = stage_emotion(stage);
        if let Some(e) = own {
            pts.push((x0 + w / 2.0, ey(p.map.normalised(e)), e, true));
        }
        let k = stage.touchpoints.len();
        for (j, t) in stage.touchpoints.iter().enumerate() {
            if let Some(e) = touchpoint_emotion(t) {
                let mut x = x0 + w * (j as f64 + 1.0) / (k as f64 + 1.0);
                if (x - (x0 + w / 2.0)).abs() < 1.0 && own.is_some() {
                    x += w / (2.0 * (k as f64 + 1.0));
                }
                pts.push((x, ey(p.map.normalised(e)), e, false));
            }
        }
        pts.sort_by(|a, b| a.0.total_cmp(&b.0));
        if pts.is_empty() {
            if segments.last().is_some_and(|s| !s.is_empty()) {
                segments.push(Vec::new());
            }
        } else if let Some(seg) = segments.last_mut() {
            seg.extend(pts.iter().map(|p| (p.0, p.1)));
        }
        dots.extend(pts);
        x0 += w;
    }
    (segments, dots)
}

/// A Catmull-Rom spline through `pts` as cubic Bézier segments, kept within the band.
fn smooth(pts: &[(f64, f64)], top: f64, bottom: f64) -> String {
    let Some(&first) = pts.first() else {
        return String::new();
    };
    let mut d = format!("M{:.1} {:.1}", first.0, first.1);
    for i in 0..pts.len() - 1 {
        let p0 = if i == 0 { first } else { pts[i - 1] };
        let (p1, p2) = (pts[i], pts[i + 1]);
        let p3 = pts.get(i + 2).copied().unwrap_or(p2);
        let c1 = (
            p1.0 + (p2.0 - p0.0) / 6.0,
            (p1.1 + (p2.1 - p0.1) / 6.0).clamp(top, bottom),
        );
        let c2 = (
            p2.0 - (p3.0 - p1.0) / 6.0,
            (p2.1 - (p3.1 - p1.1) / 6.0).clamp(top, bottom),
        );
        let _ = write!(
            d,
            " C{:.1} {:.1} {:.1} {:.1} {:.1} {:.1}",
            c1.0, c1.1, c2.0, c2.1, p2.0, p2.1
        );
    }
    d
}
