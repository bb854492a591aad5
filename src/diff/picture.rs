//! `cjm diff --format svg`: the future map drawn by the ordinary renderer, with what
//! went put back as ghosts, what changed marked, and the current emotion curve behind
//! the future one. One renderer, so a diff picture looks like the maps people know.

use super::{Change, Diff, Kind};
use crate::model::Map;
use crate::render::svg::{self, Mark, Overlay};

/// The picture of `diff` (computed from `current` to `future`).
pub fn svg(current: &Map, future: &Map, diff: &Diff) -> String {
    let (merged, overlay) = overlay(current, future, diff);
    svg::render_with(&merged, &overlay)
}

/// [`svg`], with the banner naming the inputs as the user gave them
/// (`HEAD:maps/x.yaml` to `maps/x.yaml`) rather than by map id, which two revisions of
/// one map share.
pub fn svg_named(current: &Map, future: &Map, diff: &Diff, names: (&str, &str)) -> String {
    let (merged, mut overlay) = overlay(current, future, diff);
    overlay.banner = vec![banner(names.0, names.1, diff, future.lang.as_deref())];
    svg::render_with(&merged, &overlay)
}

/// What the picture compares. English maps get the counted summary; in other
/// languages the banner keeps to words cjm has in that language.
fn banner(from: &str, to: &str, diff: &Diff, lang: Option<&str>) -> String {
    let l = crate::render::labels::for_lang(lang);
    if l.changes != "Changes" {
        return format!("{}: {from} → {to} ({})", l.changes, diff.changes.len());
    }
    format!(
        "Changes from {from} to {to}: {} ({})",
        if diff.is_empty() {
            "none".to_string()
        } else {
            super::summary(diff)
        },
        crate::report::count(diff.changes.len(), "change", "changes")
    )
}

/// The future map with the removed stages and items put back, and the marks to draw.
pub fn overlay(current: &Map, future: &Map, diff: &Diff) -> (Map, Overlay) {
    let mut merged = future.clone();
    let mut overlay = Overlay::default();

    // Stages that went come back where they were: after the stage that preceded them.
    let mut previous: Option<&str> = None;
    for c in &current.stages {
        if future.stages.iter().any(|f| f.ident.id == c.ident.id) {
            previous = Some(c.ident.id.as_str());
            continue;
        }
        let at = previous
            .and_then(|p| merged.stages.iter().position(|s| s.ident.id == p))
            .map_or(0, |i| i + 1);
        merged.stages.insert(at, c.clone());
        overlay.stages.insert(c.ident.id.clone(), Mark::Removed);
        previous = Some(c.ident.id.as_str());
    }

    // Items that went come back in their stage when the stage stayed.
    let kept = |id: &str| future.stages.iter().any(|s| s.ident.id == id);
    for c in current.stages.iter().filter(|c| kept(&c.ident.id)) {
        let Some(stage) = merged.stages.iter_mut().find(|s| s.ident.id == c.ident.id) else {
            continue;
        };
        for t in &c.touchpoints {
            if !future.touchpoints().any(|(_, u)| u.ident.id == t.ident.id) {
                stage.touchpoints.push(t.clone());
            }
        }
        for p in &c.pain_points {
            if !future.pain_points().any(|(_, q)| q.ident.id == p.ident.id) {
                stage.pain_points.push(p.clone());
            }
        }
        for o in &c.opportunities {
            if !future
                .opportunities()
                .any(|(_, q)| q.ident.id == o.ident.id)
            {
                stage.opportunities.push(o.clone());
            }
        }
        for m in &c.metrics {
            if !stage.metrics.iter().any(|n| n.name.value == m.name.value) {
                stage.metrics.push(m.clone());
            }
        }
        for (from, to) in [
            (&c.actions, &mut stage.actions),
            (&c.thoughts, &mut stage.thoughts),
            (&c.physical_evidence, &mut stage.physical_evidence),
            (&c.frontstage, &mut stage.frontstage),
            (&c.backstage, &mut stage.backstage),
            (&c.support, &mut stage.support),
        ] {
            for x in from {
                if !to.contains(x) {
                    to.push(x.clone());
                }
            }
        }
    }
    // Entries of the team's own lanes come back too: a list's removed entries, or a
    // whole lane a stage no longer fills.
    for c in current.stages.iter().filter(|c| kept(&c.ident.id)) {
        let Some(stage) = merged.stages.iter_mut().find(|s| s.ident.id == c.ident.id) else {
            continue;
        };
        for (key, value) in &c.lanes {
            match stage.lanes.iter_mut().find(|(k, _)| k.value == key.value) {
                None => stage.lanes.push((key.clone(), value.clone())),
                Some((_, crate::model::LaneValue::List(now))) => {
                    for x in value.entries() {
                        if !now.contains(&x) {
                            now.push(x);
                        }
                    }
                }
                // Text that changed: the new words, then the old as a ghost below.
                Some((_, now @ crate::model::LaneValue::Text(_))) if now != value => {
                    let mut both = now.entries();
                    both.extend(value.entries());
                    *now = crate::model::LaneValue::List(both);
                }
                Some(_) => {}
            }
        }
    }
    // Personas who went come back, marked, after those who stayed.
    for q in &current.personas {
        if !future.personas.iter().any(|p| p.ident.id == q.ident.id) {
            merged.personas.push(q.clone());
        }
    }

    for change in &diff.changes {
        let Some((key, mark, note)) = mark_of(change, future) else {
            continue;
        };
        if change.item == "stage" {
            if mark == Mark::Added {
                overlay.stages.insert(key.1, mark);
            }
            continue;
        }
        // One item can change in several ways (moved and renamed): keep every note.
        overlay
            .marks
            .entry(key)
            .and_modify(|(m, n)| {
                if *m == Mark::Changed && mark != Mark::Changed {
                    *m = mark;
                }
                if !note.is_empty() {
                    if !n.is_empty() {
                        n.push_str("; ");
                    }
                    n.push_str(&note);
                }
            })
            .or_insert((mark, note));
    }

    for c in &current.stages {
        if let Some(e) = &c.emotion {
            overlay.before.insert(c.ident.id.clone(), e.value);
        }
    }
    overlay.banner.push(banner(
        &current.id.id,
        &future.id.id,
        diff,
        future.lang.as_deref(),
    ));
    (merged, overlay)
}

/// The overlay key, mark and note a change draws, if it is drawn on an item.
fn mark_of(change: &Change, future: &Map) -> Option<((&'static str, String), Mark, String)> {
    let mark = match change.kind {
        // A new pain point is a new problem, not good news: it gets its own mark.
        Kind::Added if change.item == "pain-point" => Mark::NewProblem,
        Kind::Added => Mark::Added,
        Kind::Removed => Mark::Removed,
        Kind::Resolved => Mark::Resolved,
        Kind::Changed | Kind::Renamed | Kind::Moved => Mark::Changed,
        Kind::Reordered => return None,
    };
    let note = match (change.kind, change.item) {
        (Kind::Added | Kind::Removed | Kind::Resolved, _) => String::new(),
        (Kind::Renamed, _) => format!("was {}", before_arrow(&change.detail)),
        (_, "emotion") => format!("emotion {}", change.detail),
        _ => change.detail.clone(),
    };
    let item = match change.item {
        // A touchpoint's emotion change is drawn on the touchpoint; a stage's is the curve.
        "emotion" if future.touchpoints().any(|(_, t)| t.ident.id == change.id) => "touchpoint",
        "touchpoint" | "pain-point" | "opportunity" | "stage" | "persona" | "phase" => change.item,
        // A lane entry is known by its stage, its lane and its text.
        "lane" => {
            let stage = stage_id(change, future)?;
            let key = format!("{stage}/{}/{}", change.id, change.detail);
            let note = if mark == Mark::Changed {
                note
            } else {
                String::new()
            };
            return Some((("lane", key), mark, note));
        }
        "metric" => {
            let stage = stage_id(change, future)?;
            return Some((("metric", format!("{stage}/{}", change.id)), mark, note));
        }
        _ => return None,
    };
    Some(((item, change.id.clone()), mark, note))
}

/// The id of the stage a change is listed under (changes carry the stage's name).
fn stage_id<'a>(change: &'a Change, future: &'a Map) -> Option<&'a str> {
    let stage = change.stage.as_deref()?;
    Some(
        future
            .stages
            .iter()
            .find(|s| s.name.value == stage)
            .map_or(stage, |s| s.ident.id.as_str()),
    )
}

fn before_arrow(detail: &str) -> &str {
    detail.split(" → ").next().unwrap_or(detail)
}
