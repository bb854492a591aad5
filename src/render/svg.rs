//! The map as an SVG picture: a header with the personas, stages as columns, lanes as
//! rows (actions, thoughts, touchpoints, the emotion curve, pain points, opportunities,
//! metrics and, for service blueprints, the frontstage, backstage and support lanes
//! around the line of visibility), and a legend.
//!
//! Written by hand rather than with the `svg` crate, whose attribute values are not
//! escaped for quotes. Every user string goes through [`text::xml`]; only `<text>` is
//! used (no `foreignObject`), nothing is scripted or fetched, and the same map always
//! gives the same bytes.

use std::collections::HashMap;
use std::fmt::Write;

use super::labels::{self, Labels};
use super::text::{self, Face, width, wrap, xml};
use crate::model::metric::{Better, Status};
use crate::model::{Level, Map, Stage};

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
const LABEL_W: f64 = 132.0;
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

/// One line of text in a block.
struct Line {
    text: String,
    size: f64,
    bold: bool,
    italic: bool,
    color: &'static str,
}

/// A box of lines in a cell: an action, a touchpoint card, a pain-point badge.
struct Block {
    lines: Vec<Line>,
    fill: Option<(&'static str, &'static str)>,
    /// The full text, shown as a tooltip, when lines were cut.
    tooltip: Option<String>,
    link: Option<String>,
    /// A value/target bar under the text: progress toward the target (0..=1.2) in the
    /// metric's better direction, and where that leaves it.
    bar: Option<(f64, Status)>,
    dot: Option<&'static str>,
    mark: Option<Mark>,
}

impl Block {
    fn inner_w(&self, col_w: f64) -> f64 {
        col_w
            - 2.0 * CELL_PAD
            - if self.fill.is_some() { 16.0 } else { 0.0 }
            - if self.dot.is_some() { 12.0 } else { 0.0 }
    }

    fn height(&self) -> f64 {
        let text: f64 = self.lines.iter().map(|l| l.size * LINE).sum();
        text + if self.fill.is_some() { 12.0 } else { 0.0 }
            + if self.bar.is_some() { 10.0 } else { 0.0 }
    }
}

/// Builds a block from pieces of text, wrapping each to the column.
struct BlockBuilder {
    pieces: Vec<(String, f64, bool, bool, &'static str)>,
    fill: Option<(&'static str, &'static str)>,
    link: Option<String>,
    bar: Option<(f64, Status)>,
    dot: Option<&'static str>,
    mark: Option<Mark>,
    /// A description, shown as the tooltip.
    note: Option<String>,
}

impl BlockBuilder {
    fn new() -> Self {
        BlockBuilder {
            pieces: Vec::new(),
            fill: None,
            link: None,
            bar: None,
            dot: None,
            mark: None,
            note: None,
        }
    }
    /// The item's `description`, which the picture has no room for: its tooltip.
    fn note(mut self, description: Option<&String>) -> Self {
        self.note = description.cloned();
        self
    }
    /// Marks the block as changed by a diff, with the change in words under it; in a
    /// stage that is gone, every block is a ghost and the stage header says why.
    fn mark(mut self, l: &Labels, ghost: bool, mark: Option<(Mark, &str)>) -> Self {
        if ghost {
            self.mark = Some(Mark::Removed);
        } else if let Some((m, note)) = mark {
            let label = if note.is_empty() {
                m.label(l)
            } else {
                format!("{}: {note}", m.label(l))
            };
            self.pieces.push((label, SMALL, true, false, m.color()));
            self.mark = Some(m);
        }
        self
    }
    fn text(mut self, s: &str, size: f64, bold: bool, color: &'static str) -> Self {
        self.pieces.push((s.to_string(), size, bold, false, color));
        self
    }
    fn italic(mut self, s: &str) -> Self {
        self.pieces.push((s.to_string(), BODY, false, true, INK));
        self
    }
    fn fill(mut self, fill: &'static str, stroke: &'static str) -> Self {
        self.fill = Some((fill, stroke));
        self
    }
    fn build(self, col_w: f64) -> Block {
        let mut block = Block {
            lines: Vec::new(),
            fill: self.fill,
            tooltip: None,
            link: self.link,
            bar: self.bar,
            dot: self.dot,
            mark: self.mark,
        };
        let max = block.inner_w(col_w);
        let mut cut = false;
        let mut full = Vec::new();
        for (s, size, bold, italic, color) in &self.pieces {
            let (lines, c) = wrap(s, *size, Face::new(*bold), max, MAX_LINES);
            cut |= c;
            full.push(text::clean(s));
            for l in lines {
                block.lines.push(Line {
                    text: l,
                    size: *size,
                    bold: *bold,
                    italic: *italic,
                    color,
                });
            }
        }
        block.tooltip = match (cut, self.note) {
            (true, Some(note)) => Some(format!("{} — {}", full.join(" — "), text::clean(&note))),
            (true, None) => Some(full.join(" — ")),
            (false, Some(note)) => Some(text::clean(&note)),
            (false, None) => None,
        };
        block
    }
}

struct Lane {
    label: &'static str,
    cells: Vec<Vec<Block>>,
    /// Draw the line of visibility above this lane.
    visibility_above: bool,
}

/// Renders `map` as a standalone SVG document.
pub fn render(map: &Map) -> String {
    render_with(map, &Overlay::default())
}

/// Renders `map` with a diff's marks drawn over it.
pub fn render_with(map: &Map, overlay: &Overlay) -> String {
    let l = labels::for_lang(map.lang.as_deref());
    let widths: Vec<f64> = map.stages.iter().map(column_width).collect();
    let grid_w: f64 = widths.iter().sum();
    let canvas_w = (PAD * 2.0 + LABEL_W + grid_w).max(720.0);
    let mut body = String::new();
    let mut y = PAD;

    // Header: title, meta line, personas.
    let (title_lines, _) = wrap(&map.title.value, 26.0, Face::Bold, canvas_w - 2.0 * PAD, 3);
    for l in &title_lines {
        y += 26.0 * 1.2;
        text_el(&mut body, PAD, y, l, 26.0, true, false, INK);
    }
    let mut meta = Vec::new();
    if let Some(kind) = map.kind {
        meta.push(l.map_type(kind).to_string());
    }
    if let Some(owner) = &map.owner {
        meta.push(format!("{}: {}", l.owner, owner.value));
    }
    if let Some(r) = &map.reviewed {
        meta.push(format!("{} {}", l.reviewed, r.value));
    }
    if let Some(b) = &map.baseline {
        meta.push(format!("{}: {}", l.baseline, b.value));
    }
    if !map.tags.is_empty() {
        meta.push(map.tags.join(", "));
    }
    let (meta_lines, _) = wrap(
        &meta.join("  ·  "),
        13.0,
        Face::Regular,
        canvas_w - 2.0 * PAD,
        2,
    );
    for l in &meta_lines {
        y += 13.0 * 1.5;
        text_el(&mut body, PAD, y, l, 13.0, false, false, MUTED);
    }
    if let Some(d) = &map.description {
        let (lines, _) = wrap(d, BODY, Face::Regular, canvas_w - 2.0 * PAD, 3);
        for l in &lines {
            y += BODY * 1.5;
            text_el(&mut body, PAD, y, l, BODY, false, false, INK);
        }
    }
    for l in &overlay.banner {
        let (lines, _) = wrap(l, 13.0, Face::Bold, canvas_w - 2.0 * PAD, 3);
        for l in &lines {
            y += 13.0 * 1.5;
            text_el(&mut body, PAD, y, l, 13.0, true, false, INK);
        }
    }
    y += 16.0;
    y = personas(&mut body, map, y, canvas_w);

    // The grid.
    let lanes = lanes(map, &widths, overlay);
    let grid_x = PAD + LABEL_W;
    let header_h = map
        .stages
        .iter()
        .zip(&widths)
        .map(|(s, w)| {
            wrap(&s.name.value, 15.0, Face::Bold, w - 2.0 * CELL_PAD, 3)
                .0
                .len() as f64
                * 15.0
                * 1.3
                + 18.0
                + if overlay.stages.contains_key(&s.ident.id) {
                    14.0
                } else {
                    0.0
                }
                + if s.journey.is_some() { 16.0 } else { 0.0 }
        })
        .fold(40.0, f64::max);
    let mut x = grid_x;
    for (i, (stage, w)) in map.stages.iter().zip(&widths).enumerate() {
        let mark = overlay.stage_mark(stage);
        let fill = match mark {
            Some(Mark::Added) => "#1e7a4a",
            Some(Mark::Removed) => "#9aa5b1",
            _ if i.is_multiple_of(2) => "#243b53",
            _ => "#334e68",
        };
        let dash = if mark == Some(Mark::Removed) {
            r##" stroke="#52606d" stroke-dasharray="6 4""##
        } else {
            ""
        };
        let _ = writeln!(
            body,
            r##"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{header_h:.1}" fill="{fill}"{dash}/>"##,
            w - 2.0,
        );
        if let Some(m @ (Mark::Added | Mark::Removed)) = mark {
            let tag = if m == Mark::Added {
                l.new_stage
            } else {
                l.removed_stage
            };
            text_el(
                &mut body,
                x + CELL_PAD,
                y + header_h - 6.0,
                tag,
                SMALL,
                false,
                true,
                "#ffffff",
            );
        }
        let (lines, cut) = wrap(&stage.name.value, 15.0, Face::Bold, w - 2.0 * CELL_PAD, 3);
        group_open(&mut body, cut.then_some(stage.name.value.as_str()));
        let mut ty = y + 9.0;
        for l in &lines {
            ty += 15.0 * 1.3;
            text_el(
                &mut body,
                x + CELL_PAD,
                ty - 4.0,
                l,
                15.0,
                true,
                false,
                "#ffffff",
            );
        }
        group_close(&mut body, cut);
        if let Some(child) = &stage.journey {
            // The map that zooms into this stage; rendered side by side, `ID.svg`.
            let label = format!("↳ {}: {}", l.zoom_in, child.value);
            let (shown, _) = wrap(&label, SMALL, Face::Regular, w - 2.0 * CELL_PAD, 1);
            let _ = write!(
                body,
                r#"<a href="./{}.svg">"#,
                crate::render::text::xml(&child.value)
            );
            text_el(
                &mut body,
                x + CELL_PAD,
                ty + 12.0,
                shown.first().map_or("", String::as_str),
                SMALL,
                false,
                true,
                "#d9e2ec",
            );
            body.push_str("</a>\n");
        }
        x += w;
    }
    text_el(&mut body, PAD, y + 24.0, l.stage, 12.0, true, false, MUTED);
    y += header_h + 2.0;

    let has_emotion = !overlay.before.is_empty()
        || map
            .stages
            .iter()
            .any(|s| s.emotion.is_some() || s.touchpoints.iter().any(|t| t.emotion.is_some()));
    let emotion_after = lanes
        .iter()
        .position(|lane| lane.label == l.touchpoints)
        .map_or(lanes.len().min(2), |i| i + 1);
    let mut row = 0;
    for (li, lane) in lanes.iter().enumerate() {
        if li == emotion_after && has_emotion {
            y = emotion_lane(&mut body, map, overlay, &widths, y, canvas_w, row);
            row += 1;
        }
        let h = lane
            .cells
            .iter()
            .map(|blocks| blocks.iter().map(|b| b.height() + 8.0).sum::<f64>())
            .fold(0.0, f64::max)
            + 2.0 * CELL_PAD
            - 8.0;
        if lane.visibility_above {
            let _ = writeln!(
                body,
                r##"<line x1="{PAD:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#486581" stroke-width="1.5" stroke-dasharray="8 5"/>"##,
                canvas_w - PAD
            );
            text_el(
                &mut body,
                canvas_w - PAD - width(l.line_of_visibility, SMALL, Face::Regular),
                y - 4.0,
                l.line_of_visibility,
                SMALL,
                false,
                true,
                "#486581",
            );
            y += 4.0;
        }
        lane_background(&mut body, y, h, canvas_w, row, lane.label);
        let mut x = grid_x;
        for (blocks, w) in lane.cells.iter().zip(&widths) {
            let mut by = y + CELL_PAD;
            for b in blocks {
                draw_block(&mut body, b, x, by, *w);
                by += b.height() + 8.0;
            }
            x += w;
        }
        y += h;
        row += 1;
    }
    if lanes.len() <= emotion_after && has_emotion {
        y = emotion_lane(&mut body, map, overlay, &widths, y, canvas_w, row);
    }
    y += 18.0;
    y = research(&mut body, map, y, canvas_w);
    y = legend(&mut body, map, overlay, y, canvas_w);
    let canvas_h = y + PAD;

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
    out.push_str(&body);
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

/// Columns as wide as their longest text wants, within bounds.
fn column_width(stage: &Stage) -> f64 {
    let mut longest: f64 = width(&stage.name.value, 15.0, Face::Bold) + 2.0 * CELL_PAD;
    let mut consider =
        |s: &str| longest = longest.max(width(s, BODY, Face::Regular) / 2.0 + 2.0 * CELL_PAD);
    stage.actions.iter().for_each(|a| consider(a));
    stage.thoughts.iter().for_each(|a| consider(a));
    stage
        .touchpoints
        .iter()
        .for_each(|t| consider(&t.name.value));
    stage
        .pain_points
        .iter()
        .for_each(|p| consider(&p.name.value));
    stage
        .opportunities
        .iter()
        .for_each(|o| consider(&o.name.value));
    longest.clamp(COL_MIN, COL_MAX).round()
}

fn lanes(map: &Map, widths: &[f64], overlay: &Overlay) -> Vec<Lane> {
    let l = labels::for_lang(map.lang.as_deref());
    let per_stage = |f: &dyn Fn(&Stage, f64) -> Vec<Block>| -> Vec<Vec<Block>> {
        map.stages
            .iter()
            .zip(widths)
            .map(|(s, w)| f(s, *w))
            .collect()
    };
    let ghost = |s: &Stage| overlay.stage_mark(s) == Some(Mark::Removed);
    let bullets = |s: &Stage, items: &[String], w: f64| -> Vec<Block> {
        items
            .iter()
            .map(|a| {
                BlockBuilder::new()
                    .text(&format!("• {a}"), BODY, false, INK)
                    .mark(l, ghost(s), None)
                    .build(w)
            })
            .collect()
    };
    let mut lanes = vec![
        Lane {
            label: l.actions,
            cells: per_stage(&|s, w| bullets(s, &s.actions, w)),
            visibility_above: false,
        },
        Lane {
            label: l.thoughts,
            cells: per_stage(&|s, w| {
                s.thoughts
                    .iter()
                    .map(|t| {
                        BlockBuilder::new()
                            .italic(&format!("“{t}”"))
                            .mark(l, ghost(s), None)
                            .build(w)
                    })
                    .collect()
            }),
            visibility_above: false,
        },
        Lane {
            label: l.touchpoints,
            cells: per_stage(&|s, w| {
                s.touchpoints
                    .iter()
                    .map(|t| {
                        let mut sub = Vec::new();
                        if let Some(c) = &t.channel {
                            sub.push(l.channel(c).to_string());
                        }
                        if let Some(o) = &t.owner {
                            sub.push(o.value.clone());
                        }
                        let mut b = BlockBuilder::new().text(&t.name.value, BODY, true, INK);
                        if !sub.is_empty() {
                            b = b.text(&sub.join(" · "), SMALL, false, MUTED);
                        }
                        b.link = t.url.clone().filter(|u| safe_url(u));
                        b.dot = t.emotion.map(emotion_color);
                        b.mark(l, ghost(s), overlay.mark("touchpoint", &t.ident.id))
                            .note(t.description.as_ref())
                            .fill("#f5f7fa", "#bcccdc")
                            .build(w)
                    })
                    .collect()
            }),
            visibility_above: false,
        },
        Lane {
            label: l.pain_points,
            cells: per_stage(&|s, w| {
                s.pain_points
                    .iter()
                    .map(|p| {
                        // A resolved pain no longer alarms: drawn in greys, its tick legible.
                        let (fill, stroke, ink) = if p.resolved {
                            ("#f0f4f8", "#bcccdc", INK)
                        } else {
                            severity_colors(p.severity)
                        };
                        let ink = if ink == "#ffffff" { "#ffffff" } else { INK };
                        let mut label = p
                            .severity
                            .map_or(l.pain_point.to_string(), |v| l.level(v).to_string());
                        if p.resolved {
                            label.push_str(&format!(" · {}", l.resolved));
                        }
                        // Each cited study by its number in the research list below.
                        if !p.evidence.is_empty() {
                            let cited: Vec<String> = p
                                .evidence
                                .iter()
                                .map(|e| match super::details::research_number(map, &e.value) {
                                    Some(n) => format!("[{n}]"),
                                    None => e.value.clone(),
                                })
                                .collect();
                            label.push_str(&format!(" · {} {}", l.evidence, cited.join(" ")));
                        }
                        BlockBuilder::new()
                            .text(&p.name.value, BODY, !p.resolved, ink)
                            .text(
                                &label,
                                SMALL,
                                false,
                                if ink == INK { MUTED } else { "#ffffff" },
                            )
                            .mark(l, ghost(s), overlay.mark("pain-point", &p.ident.id))
                            .note(p.description.as_ref())
                            .fill(fill, stroke)
                            .build(w)
                    })
                    .collect()
            }),
            visibility_above: false,
        },
        Lane {
            label: l.opportunities,
            cells: per_stage(&|s, w| {
                s.opportunities
                    .iter()
                    .map(|o| {
                        let rank = format!(
                            "{} {} · {} {}",
                            l.impact,
                            o.impact.map_or("?", |v| l.level(v)),
                            l.effort,
                            o.effort.map_or("?", |v| l.level(v))
                        );
                        let mut b = BlockBuilder::new()
                            .text(&o.name.value, BODY, true, INK)
                            .text(&rank, SMALL, false, MUTED);
                        if let Some(owner) = &o.owner {
                            b = b.text(&owner.value, SMALL, false, MUTED);
                        }
                        b.mark(l, ghost(s), overlay.mark("opportunity", &o.ident.id))
                            .note(o.description.as_ref())
                            .fill("#e3f0ff", "#6aa5e8")
                            .build(w)
                    })
                    .collect()
            }),
            visibility_above: false,
        },
        Lane {
            label: l.metrics,
            cells: per_stage(&|s, w| {
                s.metrics
                    .iter()
                    .map(|m| {
                        let unit = m
                            .unit
                            .as_deref()
                            .map(|u| format!(" {u}"))
                            .unwrap_or_default();
                        let lower = if m.better == Better::Lower {
                            format!(", {}", l.lower_is_better)
                        } else {
                            String::new()
                        };
                        let figures = match (m.value, m.target) {
                            (Some(v), Some(t)) => format!(
                                "{}{unit} → {} {}{unit}{lower}{}",
                                num(v),
                                l.target,
                                num(t),
                                m.status()
                                    .map(|s| format!(" · {} {}", s.symbol(), l.status(s)))
                                    .unwrap_or_default()
                            ),
                            (Some(v), None) => format!("{}{unit}", num(v)),
                            (None, Some(t)) => format!("{} {}{unit}", l.target, num(t)),
                            (None, None) => String::new(),
                        };
                        let mut b = BlockBuilder::new().text(&m.name.value, BODY, true, INK);
                        if !figures.is_empty() {
                            b = b.text(&figures, SMALL, false, MUTED);
                        }
                        b.bar = m.progress().zip(m.status());
                        let key = format!("{}/{}", s.ident.id, m.name.value);
                        b.mark(l, ghost(s), overlay.mark("metric", &key)).build(w)
                    })
                    .collect()
            }),
            visibility_above: false,
        },
        Lane {
            label: l.frontstage,
            cells: per_stage(&|s, w| bullets(s, &s.frontstage, w)),
            visibility_above: false,
        },
        Lane {
            label: l.backstage,
            cells: per_stage(&|s, w| bullets(s, &s.backstage, w)),
            visibility_above: map.is_blueprint(),
        },
        Lane {
            label: l.support,
            cells: per_stage(&|s, w| bullets(s, &s.support, w)),
            visibility_above: false,
        },
    ];
    lanes.retain(|l| l.cells.iter().any(|c| !c.is_empty()));
    lanes
}

fn num(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Only web and mail links become links.
pub fn safe_url(u: &str) -> bool {
    let lower = u.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:")
}

fn lane_background(body: &mut String, y: f64, h: f64, canvas_w: f64, row: usize, label: &str) {
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
    text_el(body, PAD + 8.0, y + 22.0, label, 12.0, true, false, MUTED);
}

fn draw_block(body: &mut String, b: &Block, x: f64, y: f64, col_w: f64) {
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
        // A card's outline hugs the card; bare text (a metric) gets room to breathe.
        let inset = if b.fill.is_some() { 3.0 } else { 6.0 };
        let _ = writeln!(
            body,
            r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" rx="8" fill="none" stroke="{}" stroke-width="2.5"{dash}/>"#,
            x + CELL_PAD - inset,
            y - inset,
            col_w - 2.0 * CELL_PAD + 2.0 * inset,
            b.height() + 2.0 * inset,
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
        text_el(
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
    if b.link.is_some() {
        body.push_str("</a>\n");
    }
    if ghost {
        body.push_str("</g>\n");
    }
    group_close(body, b.tooltip.is_some());
}

fn status_colour(status: Status) -> &'static str {
    match status {
        Status::Met => "#2f855a",
        Status::Close => "#b7791f",
        Status::Behind => "#c53030",
    }
}

fn group_open(body: &mut String, tooltip: Option<&str>) {
    if let Some(t) = tooltip {
        let _ = writeln!(body, "<g><title>{}</title>", xml(t));
    }
}

fn group_close(body: &mut String, open: bool) {
    if open {
        body.push_str("</g>\n");
    }
}

#[allow(clippy::too_many_arguments)]
fn text_el(
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

/// The evidence behind the map: each study numbered as the pain points cite it, with
/// its kind, date, summary and link.
fn research(body: &mut String, map: &Map, mut y: f64, canvas_w: f64) -> f64 {
    if map.research.is_empty() {
        return y;
    }
    let l = labels::for_lang(map.lang.as_deref());
    text_el(body, PAD, y + 4.0, l.research, SMALL, true, false, INK);
    y += 6.0;
    let max = canvas_w - 2.0 * PAD;
    for (i, (line, link)) in super::details::research(map).into_iter().enumerate() {
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
            text_el(
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

fn personas(body: &mut String, map: &Map, mut y: f64, canvas_w: f64) -> f64 {
    let l = labels::for_lang(map.lang.as_deref());
    const CARD_W: f64 = 340.0;
    let per_row = (((canvas_w - 2.0 * PAD + 16.0) / (CARD_W + 16.0)).floor() as usize).max(1);
    for row in map.personas.chunks(per_row) {
        let cards: Vec<Block> = row
            .iter()
            .map(|p| {
                let mut b = BlockBuilder::new().text(&p.name, 14.0, true, INK);
                if let Some(d) = &p.description {
                    b = b.text(d, SMALL, false, MUTED);
                }
                // Goals and frustrations in ink, the empathy map muted.
                let goals =
                    usize::from(!p.goals.is_empty()) + usize::from(!p.frustrations.is_empty());
                for (k, (label, text)) in super::details::persona(p, l).into_iter().enumerate() {
                    let ink = if k < goals { INK } else { MUTED };
                    b = b.text(&format!("{label}: {text}"), SMALL, false, ink);
                }
                b.fill("#fdf6ec", "#e9c46a").build(CARD_W + 2.0 * CELL_PAD)
            })
            .collect();
        let h = cards.iter().map(Block::height).fold(0.0, f64::max);
        let mut x = PAD - CELL_PAD;
        for card in &cards {
            draw_block(body, card, x, y, CARD_W + 2.0 * CELL_PAD);
            x += CARD_W + 16.0;
        }
        y += h + 16.0;
    }
    y
}

/// The emotion curve: a smooth line through the stage emotions (and touchpoint
/// emotions, placed across their column), broken where a stage has none.
#[allow(clippy::too_many_arguments)]
fn emotion_lane(
    body: &mut String,
    map: &Map,
    overlay: &Overlay,
    widths: &[f64],
    y: f64,
    canvas_w: f64,
    row: usize,
) -> f64 {
    let l = labels::for_lang(map.lang.as_deref());
    lane_background(body, y, EMOTION_H, canvas_w, row, l.emotion);
    let top = y + 22.0;
    let bottom = y + EMOTION_H - 22.0;
    let ey = |e: f64| top + (2.0 - e) * (bottom - top) / 4.0;
    for (e, label) in [(2, "+2"), (0, "0"), (-2, "−2")] {
        text_el(
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
            text_el(
                body,
                x - width(&label, SMALL, Face::Bold) / 2.0,
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

enum Swatch {
    Dot(&'static str),
    Box(&'static str, &'static str),
    Bar(&'static str),
}

fn legend(body: &mut String, map: &Map, overlay: &Overlay, y: f64, canvas_w: f64) -> f64 {
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
                Swatch::Bar(status_colour(status)),
                format!("{} {} {}", l.metric, status.symbol(), l.status(status)),
            ));
        }
    }
    if items.is_empty() {
        return y;
    }
    text_el(body, PAD, y + 4.0, l.legend, SMALL, true, false, INK);
    let (mut x, mut y) = (PAD, y + 22.0);
    for (swatch, label) in items {
        let w = 18.0 + width(&label, SMALL, Face::Regular) + 18.0;
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
        text_el(body, x + 18.0, y + 4.0, &label, SMALL, false, false, MUTED);
        x += w;
    }
    y + 12.0
}
