//! What goes in each lane: the map's stages turned into blocks, lane by lane, in the
//! order the picture shows them.

use super::block::{Block, BlockBuilder};
use super::{
    BODY, CELL_PAD, COL_MAX, COL_MIN, INK, MUTED, Mark, Overlay, SMALL, emotion_color, safe_url,
    severity_colors,
};
use crate::model::metric::Better;
use crate::model::{Map, Stage};
use crate::render::labels;
use crate::render::text::width;

pub(super) fn lanes(map: &Map, widths: &[f64], overlay: &Overlay) -> Vec<Lane> {
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
                                .map(|e| {
                                    match crate::render::details::research_number(map, &e.value) {
                                        Some(n) => format!("[{n}]"),
                                        None => e.value.clone(),
                                    }
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

/// One row of the grid: a cell of blocks per stage.
pub(super) struct Lane {
    pub(super) label: &'static str,
    pub(super) cells: Vec<Vec<Block>>,
    /// Draw the line of visibility above this lane.
    pub(super) visibility_above: bool,
}

/// Columns as wide as their longest text wants, within bounds.
pub(super) fn column_width(stage: &Stage) -> f64 {
    let mut longest: f64 = width(&stage.name.value, 15.0 * 1.06) + 2.0 * CELL_PAD;
    let mut consider = |s: &str| longest = longest.max(width(s, BODY) / 2.0 + 2.0 * CELL_PAD);
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

fn num(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
