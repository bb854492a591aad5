//! The emotion lane: the curve through stage and touchpoint emotions, and under a diff
//! the current map's curve, dashed, behind it.

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
    for (e, label) in [(2, "+2"), (0, "0"), (-2, "−2")] {
        draw::text(
            body,
            PAD + LABEL_W - 22.0,
            ey(e as f64) + 4.0,
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
                        seg.push((x0 + w / 2.0, ey(*e as f64)));
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
    // Points, with gaps (None) where a stage says nothing.
    let mut segments: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    let mut dots: Vec<(f64, f64, i64, bool)> = Vec::new();
    let mut x0 = grid_x;
    for (stage, w) in map.stages.iter().zip(widths) {
        // A stage the future removed is drawn as a ghost, but the future curve does not
        // pass through it: the dashed current curve does.
        if overlay.stage_mark(stage) == Some(Mark::Removed) {
            x0 += w;
            continue;
        }
        let mut pts: Vec<(f64, f64, i64, bool)> = Vec::new();
        if let Some(e) = &stage.emotion {
            pts.push((x0 + w / 2.0, ey(e.value as f64), e.value, true));
        }
        let k = stage.touchpoints.len();
        for (j, t) in stage.touchpoints.iter().enumerate() {
            if let Some(e) = t.emotion {
                let mut x = x0 + w * (j as f64 + 1.0) / (k as f64 + 1.0);
                if (x - (x0 + w / 2.0)).abs() < 1.0 && stage.emotion.is_some() {
                    x += w / (2.0 * (k as f64 + 1.0));
                }
                pts.push((x, ey(e as f64), e, false));
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
            emotion_color(e)
        );
        if stage {
            let label = if e == 0 {
                "0".to_string()
            } else {
                format!("{e:+}").replace('-', "−")
            };
            let ly = if e >= 0 { y - 12.0 } else { y + 20.0 };
            draw::text(
                body,
                x - width(&label, SMALL) / 2.0,
                ly,
                &label,
                SMALL,
                true,
                false,
                emotion_color(e),
            );
        }
    }
    y + EMOTION_H
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
