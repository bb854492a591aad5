//! The map as an SVG picture: a header with the personas, stages as columns, lanes as
//! rows (actions, thoughts, touchpoints, the emotion curve, pain points, opportunities,
//! metrics and, for service blueprints, the frontstage, backstage and support lanes
//! around the line of visibility), and a legend.
//!
//! Written by hand rather than with the `svg` crate, whose attribute values are not
//! escaped for quotes. Every user string goes through [`text::xml`]; only `<text>` is
//! used (no `foreignObject`), nothing is scripted or fetched, and the same map always
//! gives the same bytes.

mod block;
mod draw;
mod emotion;
mod header;
mod lanes;
mod legend;

use crate::render::text::Face;
use std::collections::HashMap;
use std::fmt::Write;

use super::View;
use super::labels::Labels;
use super::text::{width, xml};
use crate::model::{Level, Map, Stage};
use lanes::Lane;

/// How a drawn item changed, for `cjm diff --format svg`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Added,
    /// A pain point that only the future map has.
    NewProblem,
    Changed,
    Resolved,
    /// Only in the current map: drawn as a ghost.
    Removed,
}

impl Mark {
    fn color(self) -> &'static str {
        match self {
            Mark::Added | Mark::Resolved => "#1e7a4a",
            Mark::NewProblem => "#97266d",
            Mark::Changed => "#b7791f",
            Mark::Removed => "#7b8794",
        }
    }

    fn label(self, l: &Labels) -> String {
        match self {
            Mark::Added => l.new.to_string(),
            Mark::NewProblem => l.new_problem.to_string(),
            Mark::Changed => l.changed.to_string(),
            Mark::Resolved => format!("✓ {}", l.resolved),
            Mark::Removed => l.removed.to_string(),
        }
    }
}

/// What a diff adds to the picture: marks on items, ghost stages, the current emotion
/// curve and a banner. Empty for a plain render.
#[derive(Clone, Debug, Default)]
pub struct Overlay {
    /// `(item, id)` → mark and a short note. Metrics are keyed `stage-id/metric name`.
    pub marks: HashMap<(&'static str, String), (Mark, String)>,
    /// Stage ids drawn as added or as ghosts.
    pub stages: HashMap<String, Mark>,
    /// Stage id → the current map's emotion, drawn as a dashed curve.
    pub before: HashMap<String, i64>,
    /// Lines under the title saying what is compared.
    pub banner: Vec<String>,
}

impl Overlay {
    fn is_empty(&self) -> bool {
        self.marks.is_empty() && self.stages.is_empty() && self.banner.is_empty()
    }

    fn mark(&self, item: &'static str, id: &str) -> Option<(Mark, &str)> {
        self.marks
            .get(&(item, id.to_string()))
            .map(|(m, note)| (*m, note.as_str()))
    }

    fn stage_mark(&self, stage: &Stage) -> Option<Mark> {
        self.stages.get(&stage.ident.id).copied()
    }
}

/// DejaVu Sans first: text is measured with its advances (`text::char_em`), and the
/// PNG and PDF bundle it; the fallbacks are narrower, so measured text still fits.
pub const FONT: &str = "'DejaVu Sans', Inter, 'Segoe UI', 'Helvetica Neue', Arial, 'Noto Sans', 'Noto Sans CJK SC', 'Noto Sans CJK JP', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

const PAD: f64 = 24.0;
const LABEL_W: f64 = 152.0;
const COL_MIN: f64 = 190.0;
const COL_MAX: f64 = 280.0;
const CELL_PAD: f64 = 10.0;
const BODY: f64 = 12.5;
const SMALL: f64 = 11.0;
const LINE: f64 = 1.35;
const MAX_LINES: usize = 6;
const EMOTION_H: f64 = 150.0;

const INK: &str = "#1f2933";
const MUTED: &str = "#52606d";
const RULE: &str = "#d9e2ec";

/// Emotion −2..+2 → colour, red through grey to green.
pub fn emotion_color(e: i64) -> &'static str {
    match e {
        i64::MIN..=-2 => "#d64545",
        -1 => "#e8833a",
        0 => "#8a96a3",
        1 => "#4caf6e",
        _ => "#1e9e5a",
    }
}

/// Pain-point severity → (fill, border, text colour).
pub fn severity_colors(s: Option<Level>) -> (&'static str, &'static str, &'static str) {
    match s {
        Some(Level::Low) => ("#fff8db", "#e9c46a", INK),
        Some(Level::Medium) => ("#ffe8cc", "#f4a259", INK),
        Some(Level::High) => ("#ffd6d6", "#e05c5c", INK),
        Some(Level::Critical) => ("#b42318", "#7a1610", "#ffffff"),
        None => ("#f0f4f8", "#bcccdc", INK),
    }
}

/// Renders `map` as a standalone SVG document.
pub fn render(map: &Map) -> String {
    render_with(map, &Overlay::default())
}

/// Renders `map` with a diff's marks drawn over it.
pub fn render_with(map: &Map, overlay: &Overlay) -> String {
    render_view(map, overlay, &View::default())
}

/// Renders `map` as `view` asks (lanes, colours, words), with a diff's marks if any.
pub fn render_view(map: &Map, overlay: &Overlay, view: &View) -> String {
    let widths: Vec<f64> = map.stages.iter().map(lanes::column_width).collect();
    let grid_w: f64 = widths.iter().sum();
    let p = Picture {
        map,
        overlay,
        view,
        l: view.words(map),
        widths,
        canvas_w: (PAD * 2.0 + LABEL_W + grid_w).max(720.0),
    };
    let mut body = String::new();
    let mut y = if view.bare {
        PAD - 16.0
    } else {
        header::title(&p, &mut body)
    };
    y = header::personas(&p, &mut body, y + 16.0);
    y = header::stages(&p, &mut body, y);
    let lanes = lanes::lanes(&p);
    y = grid(&p, &mut body, &lanes, y);
    y = legend::research(&p, &mut body, y + 18.0);
    y = legend::legend(&p, &mut body, y);
    document(map, &body, p.canvas_w, y + PAD)
}

/// What every part of the picture needs to know.
struct Picture<'a> {
    map: &'a Map,
    overlay: &'a Overlay,
    view: &'a View,
    l: &'static Labels,
    /// One column width per stage.
    widths: Vec<f64>,
    canvas_w: f64,
}

/// The lanes under the stage headers, the emotion curve among them.
fn grid(p: &Picture, body: &mut String, lanes: &[Lane<'_>], mut y: f64) -> f64 {
    let (map, overlay, widths, canvas_w) = (p.map, p.overlay, &p.widths[..], p.canvas_w);
    let grid_x = PAD + LABEL_W;
    let has_emotion = p.view.shows("emotion")
        && (!overlay.before.is_empty()
            || map
                .stages
                .iter()
                .any(|s| s.emotion.is_some() || s.touchpoints.iter().any(|t| t.emotion.is_some())));
    let emotion_after = lanes
        .iter()
        .position(|lane| lane.key == "touchpoints")
        .map_or(lanes.len().min(2), |i| i + 1);
    let mut row = 0;
    for (li, lane) in lanes.iter().enumerate() {
        if li == emotion_after && has_emotion {
            y = emotion::lane(p, body, y, row);
            row += 1;
        }
        let h = lane
            .cells
            .iter()
            .map(|blocks| blocks.iter().map(|b| b.height() + 8.0).sum::<f64>())
            .fold(0.0, f64::max)
            + 2.0 * CELL_PAD
            - 8.0;
        let h = h.max(draw::label_height(lane.label));
        if let Some(line) = lane.line_above {
            y += 14.0;
            let _ = writeln!(
                body,
                r##"<line x1="{PAD:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#486581" stroke-width="1.5" stroke-dasharray="8 5"/>"##,
                canvas_w - PAD
            );
            draw::text(
                body,
                canvas_w - PAD - width(line, SMALL, Face::Regular),
                y - 4.0,
                line,
                SMALL,
                false,
                true,
                "#486581",
            );
            y += 4.0;
        }
        draw::lane_background(body, y, h, canvas_w, row, lane.label);
        let mut x = grid_x;
        for (blocks, w) in lane.cells.iter().zip(widths) {
            let mut by = y + CELL_PAD;
            for b in blocks {
                draw::block(body, b, x, by, *w);
                by += b.height() + 8.0;
            }
            x += w;
        }
        y += h;
        row += 1;
    }
    if lanes.len() <= emotion_after && has_emotion {
        y = emotion::lane(p, body, y, row);
    }
    y
}

/// Wraps the drawing in the `<svg>` element, with a title and a description for
/// screen readers.
fn document(map: &Map, body: &str, canvas_w: f64, canvas_h: f64) -> String {
    let mut out = String::with_capacity(body.len() + 1024);
    let desc = describe(map);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{canvas_w:.0}" height="{canvas_h:.0}" viewBox="0 0 {canvas_w:.0} {canvas_h:.0}" role="img" aria-labelledby="cjm-title cjm-desc" font-family="{}">"#,
        xml(FONT)
    );
    let _ = writeln!(
        out,
        r#"<title id="cjm-title">{}</title>"#,
        xml(&map.title.value)
    );
    let _ = writeln!(out, r#"<desc id="cjm-desc">{}</desc>"#, xml(&desc));
    let _ = writeln!(
        out,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    out.push_str(body);
    out.push_str("</svg>\n");
    out
}

/// A sentence for screen readers: what the map is and how the journey feels.
fn describe(map: &Map) -> String {
    let stages: Vec<String> = map
        .stages
        .iter()
        .map(|s| match &s.emotion {
            Some(e) => format!("{} ({:+})", s.name.value, e.value),
            None => s.name.value.clone(),
        })
        .collect();
    let pains = map.pain_points().count();
    let opps = map.opportunities().count();
    format!(
        "Customer journey map with {} stages: {}. {} pain points, {} opportunities.",
        map.stages.len(),
        stages.join(", "),
        pains,
        opps
    )
}

/// Only web and mail links become links.
pub fn safe_url(u: &str) -> bool {
    let lower = u.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}
