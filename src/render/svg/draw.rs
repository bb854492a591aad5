//! Drawing primitives: lane backgrounds, blocks, text, tooltips. Everything that
//! writes SVG elements for laid-out content; nothing here decides layout.

use crate::render::text::Face;
use std::fmt::Write;

use super::block::{Block, TREND_H, Trend};
use super::{BODY, CELL_PAD, LABEL_W, LINE, MUTED, Mark, PAD, RULE};
use crate::model::metric::Status;
use crate::render::text::{wrap, xml};

/// The height a lane's label needs in the label column.
pub(super) fn label_height(label: &str) -> f64 {
    let lines = wrap(label, 12.0, Face::Bold, LABEL_W - 16.0, 3)
        .0
        .len()
        .max(1);
    22.0 + 15.0 * (lines as f64 - 1.0) + 10.0
}

pub(super) fn lane_background(
    body: &mut String,
    y: f64,
    h: f64,
    canvas_w: f64,
    row: usize,
    label: &str,
) {
    let fill = if row.is_multiple_of(2) {
        "#f8fafc"
    } else {
        "#ffffff"
    };
    let _ = writeln!(
        body,
        r##"<rect x="{PAD:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{fill}"/>"##,
        canvas_w - 2.0 * PAD
    );
    let _ = writeln!(
        body,
        r##"<line x1="{PAD:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{RULE}"/>"##,
        y + h,
        canvas_w - PAD,
        y + h
    );
    // A long label (a team's own lane) wraps within the label column; the lane is made
    // tall enough for it by `label_height`.
    let (lines, cut) = wrap(label, 12.0, Face::Bold, LABEL_W - 16.0, 3);
    group_open(body, cut.then_some(label));
    for (i, line) in lines.iter().enumerate() {
        text(
            body,
            PAD + 8.0,
            y + 22.0 + 15.0 * i as f64,
            line,
            12.0,
            true,
            false,
            MUTED,
        );
    }
    group_close(body, cut);
}

pub(super) fn block(body: &mut String, b: &Block, x: f64, y: f64, col_w: f64) {
    group_open(body, b.tooltip.as_deref());
    let ghost = b.mark == Some(Mark::Removed);
    if ghost {
        body.push_str(r#"<g opacity="0.55">"#);
    }
    if let Some(m) = b.mark {
        let dash = if ghost {
            r#" stroke-dasharray="5 4""#
        } else {
            ""
        };
        // A card's outline hugs the card; bare text (a metric) gets room to breathe at
        // the sides. Above and below, outlines stay within half the 8-unit gap between
        // blocks, so the outlines of two marked neighbours never overlap.
        let (side, top) = if b.fill.is_some() {
            (3.0, 2.5)
        } else {
            (6.0, 2.5)
        };
        let _ = writeln!(
            body,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="8" fill="none" stroke="{}" stroke-width="2.5"{dash}/>"#,
            x + CELL_PAD - side,
            y - top,
            col_w - 2.0 * CELL_PAD + 2.0 * side,
            b.height() + 2.0 * top,
            m.color()
        );
    }
    if let Some(link) = &b.link {
        let _ = write!(
            body,
            r#"<a href="{}" target="_blank" rel="noopener noreferrer">"#,
            xml(link)
        );
    }
    let (mut tx, mut ty) = (x + CELL_PAD, y);
    if let Some((fill, stroke)) = b.fill {
        let _ = writeln!(
            body,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="6" fill="{fill}" stroke="{stroke}"/>"#,
            tx,
            ty,
            col_w - 2.0 * CELL_PAD,
            b.height()
        );
        tx += 8.0;
        ty += 6.0;
    }
    if let Some(color) = b.dot {
        let _ = writeln!(
            body,
            r#"<circle cx="{:.1}" cy="{:.1}" r="4" fill="{color}"/>"#,
            tx + 4.0,
            ty + BODY * 0.8
        );
        tx += 12.0;
    }
    for l in &b.lines {
        ty += l.size * LINE;
        text(
            body,
            tx,
            ty - l.size * 0.3,
            &l.text,
            l.size,
            l.bold,
            l.italic,
            l.color,
        );
    }
    if let Some((frac, status)) = b.bar {
        let w = col_w - 2.0 * CELL_PAD - 4.0;
        // The colour repeats what the words beside the figures say (met, close, off).
        let color = status_colour(status);
        let _ = writeln!(
            body,
            r##"<rect x="{:.1}" y="{:.1}" width="{w:.1}" height="5" rx="2.5" fill="#e4e7eb"/>"##,
            tx,
            ty + 3.0
        );
        let _ = writeln!(
            body,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="5" rx="2.5" fill="{color}"/>"#,
            tx,
            ty + 3.0,
            w * frac.min(1.0)
        );
    }
    if let Some(trend) = &b.trend {
        let top = ty + if b.bar.is_some() { 10.0 } else { 0.0 } + 4.0;
        sparkline(body, trend, tx, top, col_w - 2.0 * CELL_PAD - 4.0);
    }
    if b.link.is_some() {
        body.push_str("</a>\n");
    }
    if ghost {
        body.push_str("</g>\n");
    }
    group_close(body, b.tooltip.is_some());
}

/// A metric's history from `x` across `w`, in a band `TREND_H - 6` tall from `top`:
/// a dashed target line, the line through the points, and the latest point as a dot.
fn sparkline(body: &mut String, trend: &Trend, x: f64, top: f64, w: f64) {
    let h = TREND_H - 6.0;
    let y = |f: f64| top + h * (1.0 - f);
    if let Some(t) = trend.target {
        let _ = writeln!(
            body,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#9aa5b1" stroke-dasharray="3 3"/>"##,
            y(t),
            x + w,
            y(t)
        );
    }
    let step = w / (trend.points.len().saturating_sub(1).max(1)) as f64;
    let points: Vec<String> = trend
        .points
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{:.1},{:.1}", x + step * i as f64, y(*f)))
        .collect();
    let _ = writeln!(
        body,
        r#"<polyline points="{}" fill="none" stroke="{MUTED}" stroke-width="1.5"/>"#,
        points.join(" ")
    );
    if let Some(last) = trend.points.last() {
        let colour = trend.status.map_or(MUTED, status_colour);
        let _ = writeln!(
            body,
            r#"<circle cx="{:.1}" cy="{:.1}" r="2.5" fill="{colour}"/>"#,
            x + step * (trend.points.len() - 1) as f64,
            y(*last)
        );
    }
}

pub(super) fn status_colour(status: Status) -> &'static str {
    match status {
        Status::Met => "#2f855a",
        Status::Close => "#b7791f",
        Status::Behind => "#c53030",
    }
}

pub(super) fn group_open(body: &mut String, tooltip: Option<&str>) {
    if let Some(t) = tooltip {
        let _ = writeln!(body, "<g><title>{}</title>", xml(t));
    }
}

pub(super) fn group_close(body: &mut String, open: bool) {
    if open {
        body.push_str("</g>\n");
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn text(
    body: &mut String,
    x: f64,
    y: f64,
    s: &str,
    size: f64,
    bold: bool,
    italic: bool,
    color: &str,
) {
    let weight = if bold { r#" font-weight="600""# } else { "" };
    let style = if italic {
        r#" font-style="italic""#
    } else {
        ""
    };
    let _ = writeln!(
        body,
        r#"<text x="{x:.1}" y="{y:.1}" font-size="{size}"{weight}{style} fill="{color}">{}</text>"#,
        xml(s)
    );
}
