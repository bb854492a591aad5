//! Blocks: the cards and lines of text in a cell, wrapped to the column and measured
//! before anything is drawn, so a lane is as tall as its tallest cell.

use super::{BODY, CELL_PAD, INK, LINE, MAX_LINES, Mark, SMALL};
use crate::model::metric::Status;
use crate::render::labels::Labels;
use crate::render::text::Face;
use crate::render::text::{self, wrap};

/// One line of text in a block.
pub(super) struct Line {
    pub(super) text: String,
    pub(super) size: f64,
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) color: &'static str,
}

/// A box of lines in a cell: an action, a touchpoint card, a pain-point badge.
pub(super) struct Block<'a> {
    pub(super) lines: Vec<Line>,
    pub(super) fill: Option<(&'a str, &'a str)>,
    /// The full text, shown as a tooltip, when lines were cut.
    pub(super) tooltip: Option<String>,
    pub(super) link: Option<String>,
    /// A value/target bar under the text: progress toward the target (0..=1.2) in the
    /// metric's better direction, and where that leaves it.
    pub(super) bar: Option<(f64, Status)>,
    /// A sparkline of the metric's history under the bar: each point's height (0 bottom,
    /// 1 top, better is up), the target's height, and the latest point's colour.
    pub(super) trend: Option<Trend>,
    pub(super) dot: Option<&'static str>,
    pub(super) mark: Option<Mark>,
}

/// A metric's history as a sparkline, better always up.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Trend {
    pub(super) points: Vec<f64>,
    pub(super) target: Option<f64>,
    pub(super) status: Option<Status>,
}

impl Trend {
    /// The sparkline of `values` (oldest first) against `target`, `lower` when lower is
    /// better; `None` for fewer than two points.
    pub(super) fn new(
        values: &[f64],
        target: Option<f64>,
        lower: bool,
        status: Option<Status>,
    ) -> Option<Trend> {
        if values.len() < 2 {
            return None;
        }
        let target = target.filter(|t| t.is_finite());
        let all = values.iter().chain(target.iter());
        let lo = all.clone().copied().fold(f64::INFINITY, f64::min);
        let hi = all.copied().fold(f64::NEG_INFINITY, f64::max);
        let height = |x: f64| {
            let f = if hi > lo { (x - lo) / (hi - lo) } else { 0.5 };
            if lower { 1.0 - f } else { f }
        };
        Some(Trend {
            points: values.iter().map(|v| height(*v)).collect(),
            target: target.map(height),
            status,
        })
    }
}

/// The height a trend adds under a block's text.
pub(super) const TREND_H: f64 = 20.0;

impl Block<'_> {
    pub(super) fn inner_w(&self, col_w: f64) -> f64 {
        col_w
            - 2.0 * CELL_PAD
            - if self.fill.is_some() { 16.0 } else { 0.0 }
            - if self.dot.is_some() { 12.0 } else { 0.0 }
    }

    pub(super) fn height(&self) -> f64 {
        let text: f64 = self.lines.iter().map(|l| l.size * LINE).sum();
        text + if self.fill.is_some() { 12.0 } else { 0.0 }
            + if self.bar.is_some() { 10.0 } else { 0.0 }
            + if self.trend.is_some() { TREND_H } else { 0.0 }
    }
}

/// Builds a block from pieces of text, wrapping each to the column.
pub(super) struct BlockBuilder<'a> {
    pieces: Vec<(String, f64, bool, bool, &'static str)>,
    fill: Option<(&'a str, &'a str)>,
    pub(super) link: Option<String>,
    pub(super) bar: Option<(f64, Status)>,
    pub(super) trend: Option<Trend>,
    pub(super) dot: Option<&'static str>,
    mark: Option<Mark>,
    /// A description, shown as the tooltip.
    note: Option<String>,
}

impl<'a> BlockBuilder<'a> {
    pub(super) fn new() -> Self {
        BlockBuilder {
            pieces: Vec::new(),
            fill: None,
            link: None,
            bar: None,
            trend: None,
            dot: None,
            mark: None,
            note: None,
        }
    }
    /// The item's `description`, which the picture has no room for: its tooltip.
    pub(super) fn note(mut self, description: Option<&String>) -> Self {
        self.note = description.cloned();
        self
    }
    /// Marks the block as changed by a diff, with the change in words under it; in a
    /// stage that is gone, every block is a ghost and the stage header says why.
    pub(super) fn mark(mut self, l: &Labels, ghost: bool, mark: Option<(Mark, &str)>) -> Self {
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
    pub(super) fn text(mut self, s: &str, size: f64, bold: bool, color: &'static str) -> Self {
        self.pieces.push((s.to_string(), size, bold, false, color));
        self
    }
    pub(super) fn italic(mut self, s: &str) -> Self {
        self.pieces.push((s.to_string(), BODY, false, true, INK));
        self
    }
    pub(super) fn fill(mut self, fill: &'a str, stroke: &'a str) -> Self {
        self.fill = Some((fill, stroke));
        self
    }
    pub(super) fn build(self, col_w: f64) -> Block<'a> {
        let mut block = Block {
            lines: Vec::new(),
            fill: self.fill,
            tooltip: None,
            link: self.link,
            bar: self.bar,
            trend: self.trend,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trend_puts_better_up_in_either_direction() {
        let up = Trend::new(&[1.0, 2.0], Some(3.0), false, None).unwrap();
        assert_eq!(up.points, [0.0, 0.5]);
        assert_eq!(up.target, Some(1.0));
        // Calls per 100 orders falling from 20 to 10, target 5: rising on the picture.
        let calls = Trend::new(&[21.0, 13.0], Some(5.0), true, None).unwrap();
        assert_eq!(calls.points, [0.0, 0.5]);
        assert_eq!(calls.target, Some(1.0));
        let flat = Trend::new(&[3.0, 3.0], None, false, None).unwrap();
        assert_eq!(flat.points, [0.5, 0.5]);
        assert_eq!(Trend::new(&[1.0], Some(2.0), false, None), None);
    }
}
