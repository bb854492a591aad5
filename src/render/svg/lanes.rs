//! What goes in each lane: the map's stages turned into blocks, lane by lane, in the
//! order the picture shows them.

use super::Picture;
use super::block::{Block, BlockBuilder, Trend};
use super::{
    BODY, CELL_PAD, COL_MAX, COL_MIN, INK, MUTED, Mark, SMALL, emotion_color, safe_url,
    severity_colors,
};
use crate::model::Stage;
use crate::model::metric::Better;
use crate::render::document::num;
use crate::render::text::Face;
use crate::render::text::width;

/// The lanes to draw, in order, as the view asks (`--lanes`).
pub(super) fn lanes<'a>(p: &'a Picture) -> Vec<Lane<'a>> {
    let (map, overlay, widths, l) = (p.map, p.overlay, &p.widths[..], p.l);
    let per_stage = |f: &dyn Fn(&Stage, f64) -> Vec<Block<'a>>| -> Vec<Vec<Block<'a>>> {
        map.stages
            .iter()
            .zip(widths)
            .map(|(s, w)| f(s, *w))
            .collect()
    };
    let ghost = |s: &Stage| overlay.stage_mark(s) == Some(Mark::Removed);
    // A lane entry's diff mark is keyed by stage, lane and text.
    let lane_mark = |s: &Stage, key: &str, text: &str| {
        overlay.mark("lane", &format!("{}/{key}/{text}", s.ident.id))
    };
    let bullets = |s: &Stage, key: &str, items: &[String], w: f64| -> Vec<Block<'a>> {
        items
            .iter()
            .map(|a| {
                BlockBuilder::new()
                    .text(&format!("• {a}"), BODY, false, INK)
                    .mark(l, ghost(s), lane_mark(s, key, a))
                    .build(w)
            })
            .collect()
    };
    let lanes = vec![
        Lane {
            key: "physical_evidence",
            label: l.physical_evidence,
            cells: per_stage(&|s, w| bullets(s, "physical_evidence", &s.physical_evidence, w)),
            line_above: None,
        },
        Lane {
            key: "actions",
            label: l.actions,
            cells: per_stage(&|s, w| bullets(s, "actions", &s.actions, w)),
            line_above: None,
        },
        Lane {
            key: "thoughts",
            label: l.thoughts,
            cells: per_stage(&|s, w| {
                s.thoughts
                    .iter()
                    .map(|t| {
                        BlockBuilder::new()
                            .italic(&format!("“{t}”"))
                            .mark(l, ghost(s), lane_mark(s, "thoughts", t))
                            .build(w)
                    })
                    .collect()
            }),
            line_above: None,
        },
        Lane {
            key: "touchpoints",
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
            line_above: None,
        },
        Lane {
            key: "pain_points",
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
                        let mut label = match (p.severity, &p.severity_word) {
                            (Some(v), _) => l.level(v).to_string(),
                            (None, Some(word)) => word.clone(),
                            (None, None) => l.pain_point.to_string(),
                        };
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
            line_above: None,
        },
        Lane {
            key: "opportunities",
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
                        if let Some(status) = &o.status {
                            // A badge in words; the colour only repeats it.
                            let badge = format!("● {}", l.lifecycle(status.value));
                            b = b.text(&badge, SMALL, true, lifecycle_colour(status.value));
                        }
                        b.link = o
                            .links
                            .iter()
                            .map(|k| &k.url)
                            .find(|u| safe_url(u))
                            .cloned();
                        b.mark(l, ghost(s), overlay.mark("opportunity", &o.ident.id))
                            .note(o.description.as_ref())
                            .fill(&p.view.theme.accent_fill, &p.view.theme.accent_stroke)
                            .build(w)
                    })
                    .collect()
            }),
            line_above: None,
        },
        Lane {
            key: "metrics",
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
                        b.trend =
                            Trend::new(&m.trend(), m.target, m.better == Better::Lower, m.status());
                        let key = format!("{}/{}", s.ident.id, m.name.value);
                        b.mark(l, ghost(s), overlay.mark("metric", &key)).build(w)
                    })
                    .collect()
            }),
            line_above: None,
        },
        Lane {
            key: "frontstage",
            label: l.frontstage,
            cells: per_stage(&|s, w| bullets(s, "frontstage", &s.frontstage, w)),
            line_above: None,
        },
        Lane {
            key: "backstage",
            label: l.backstage,
            cells: per_stage(&|s, w| bullets(s, "backstage", &s.backstage, w)),
            line_above: None,
        },
        Lane {
            key: "support",
            label: l.support,
            cells: per_stage(&|s, w| bullets(s, "support", &s.support, w)),
            line_above: None,
        },
    ];
    let mut arranged = arrange(p, lanes);
    // The team's own lanes, in the order declared: after the lane `after:` names when it
    // is drawn, else at the end.
    for def in &map.lanes {
        if !p.view.shows(&def.ident.id) {
            continue;
        }
        let key = def.ident.id.as_str();
        let cells = per_stage(&|s, w| custom_cells(p, s, key, def.kind, w));
        if cells.iter().all(Vec::is_empty) {
            continue;
        }
        let after = def.after.as_ref().map(|a| match a.value.as_str() {
            // The emotion curve sits right under the touchpoints.
            "emotion" => "touchpoints",
            other => other,
        });
        let at = after
            .and_then(|a| arranged.iter().position(|lane| lane.key == a))
            .map_or(arranged.len(), |i| i + 1);
        arranged.insert(
            at,
            Lane {
                key,
                label: &def.name,
                cells,
                line_above: None,
            },
        );
    }
    arranged
}

/// A stage's blocks in a custom lane: text as it is, a list as bullets, a quote in
/// quotation marks, a rating as stars and its number (never stars alone).
fn custom_cells<'a>(
    p: &Picture,
    s: &Stage,
    key: &str,
    kind: crate::model::LaneKind,
    w: f64,
) -> Vec<Block<'a>> {
    use crate::model::{LaneKind, LaneValue};
    let Some((_, value)) = s.lanes.iter().find(|(k, _)| k.value == key) else {
        return Vec::new();
    };
    let ghost = p.overlay.stage_mark(s) == Some(Mark::Removed);
    let mark = |text: &str| {
        p.overlay
            .mark("lane", &format!("{}/{key}/{text}", s.ident.id))
    };
    let l = p.l;
    match (kind, value) {
        (LaneKind::Rating, LaneValue::Number(_)) => {
            let text = crate::render::details::custom(kind, value);
            vec![
                BlockBuilder::new()
                    .text(&text, BODY, true, INK)
                    .mark(l, ghost, mark(&value.entries().join("")))
                    .build(w),
            ]
        }
        (LaneKind::Quote, _) => value
            .entries()
            .iter()
            .map(|t| {
                BlockBuilder::new()
                    .italic(&format!("“{t}”"))
                    .mark(l, ghost, mark(t))
                    .build(w)
            })
            .collect(),
        (LaneKind::List, _) => value
            .entries()
            .iter()
            .map(|t| {
                BlockBuilder::new()
                    .text(&format!("• {t}"), BODY, false, INK)
                    .mark(l, ghost, mark(t))
                    .build(w)
            })
            .collect(),
        _ => value
            .entries()
            .iter()
            .map(|t| {
                BlockBuilder::new()
                    .text(t, BODY, false, INK)
                    .mark(l, ghost, mark(t))
                    .build(w)
            })
            .collect(),
    }
}

/// Puts the lanes in the picture's order and keeps those with something to show.
///
/// A service blueprint is drawn the way practitioners draw one, top to bottom: physical
/// evidence, the customer's actions (with their thoughts, touchpoints and the emotion
/// curve), the line of interaction, frontstage, the line of visibility, backstage, the
/// line of internal interaction, support processes; what the team learned and plans
/// (pain points, opportunities, metrics) comes after the blueprint. Its three staff lanes
/// stay even when empty, so the lines always separate what they should and a missing
/// lane shows as a gap. Other maps keep the journey order and drop empty lanes.
fn arrange<'a>(p: &Picture, mut lanes: Vec<Lane<'a>>) -> Vec<Lane<'a>> {
    let l = p.l;
    let blueprint = p.map.is_blueprint();
    let order: &[&str] = if blueprint {
        &[
            "physical_evidence",
            "actions",
            "thoughts",
            "touchpoints",
            "frontstage",
            "backstage",
            "support",
            "pain_points",
            "opportunities",
            "metrics",
        ]
    } else {
        &[
            "physical_evidence",
            "actions",
            "thoughts",
            "touchpoints",
            "pain_points",
            "opportunities",
            "metrics",
            "frontstage",
            "backstage",
            "support",
        ]
    };
    let staff = |key: &str| matches!(key, "frontstage" | "backstage" | "support");
    let mut arranged = Vec::with_capacity(lanes.len());
    for key in order {
        if let Some(i) = lanes.iter().position(|lane| lane.key == *key) {
            let mut lane = lanes.swap_remove(i);
            if blueprint {
                lane.line_above = match lane.key {
                    "frontstage" => Some(l.line_of_interaction),
                    "backstage" => Some(l.line_of_visibility),
                    "support" => Some(l.line_of_internal_interaction),
                    _ => None,
                };
            }
            let filled = lane.cells.iter().any(|c| !c.is_empty());
            let wanted = p.view.shows(lane.key);
            if wanted && (filled || (blueprint && staff(lane.key))) {
                arranged.push(lane);
            }
        }
    }
    arranged
}

/// One row of the grid: a cell of blocks per stage.
pub(super) struct Lane<'a> {
    /// The map's key for the lane (`pain_points`, or a custom lane's id), as `--lanes`
    /// names it.
    pub(super) key: &'a str,
    pub(super) label: &'a str,
    pub(super) cells: Vec<Vec<Block<'a>>>,
    /// A blueprint's line drawn above this lane (interaction, visibility, internal
    /// interaction), by its label.
    pub(super) line_above: Option<&'a str>,
}

/// Columns as wide as their longest text wants, within bounds.
pub(super) fn column_width(stage: &Stage) -> f64 {
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

/// The colour of an opportunity's lifecycle badge, beside its word: shipped green, in
/// progress amber, planned blue, an idea or a dropped one grey.
fn lifecycle_colour(status: crate::model::lifecycle::Lifecycle) -> &'static str {
    use crate::model::lifecycle::Lifecycle;
    match status {
        Lifecycle::Shipped => "#2f855a",
        Lifecycle::InProgress => "#975a16",
        Lifecycle::Planned => "#2b6cb0",
        Lifecycle::Idea | Lifecycle::Dropped => MUTED,
    }
}
