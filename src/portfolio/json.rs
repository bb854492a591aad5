//! The portfolio as JSON, for scripts and dashboards.
//!
//! # Format
//!
//! One JSON object, pretty-printed:
//!
//! ```json
//! {
//!   "version": 1,
//!   "today": "2026-11-23",
//!   "counts": {
//!     "maps": 5, "unreadable": 0,
//!     "by_type": { "current-state": 3, "future-state": 1, "service-blueprint": 1 },
//!     "open_pain_points": 9, "opportunities": 7,
//!     "errors": 0, "warnings": 4, "infos": 2
//!   },
//!   "maps": [
//!     { "path": "examples/grocery-current.yaml", "id": "grocery-current",
//!       "title": "Online grocery delivery", "type": "current-state",
//!       "owner": "Growth team", "tags": ["grocery"], "personas": ["busy-parent"],
//!       "reviewed": "2026-10-01", "age_days": 53, "review": "current",
//!       "readable": true, "errors": 0, "warnings": 1, "infos": 0,
//!       "baseline": null, "futures": ["grocery-future"],
//!       "parent": null, "children": [],
//!       "open_pain_points": 4, "opportunities": 3 }
//!   ],
//!   "pain_points": [
//!     { "map": "grocery-current", "stage": "Delivery", "id": "late-slot",
//!       "name": "Slot missed", "severity": "high", "channel": "sms", "owner": "Logistics" }
//!   ],
//!   "opportunities": [
//!     { "map": "grocery-current", "stage": "Delivery", "id": "live-tracking",
//!       "name": "Live tracking", "impact": "high", "effort": "medium",
//!       "owner": "Logistics", "status": "open", "addresses": ["late-slot"] }
//!   ],
//!   "owners": [
//!     { "owner": "Logistics", "maps": ["grocery-current"], "touchpoints": 2,
//!       "pain_points": 1, "opportunities": 1 }
//!   ],
//!   "lint": [ { "rule": "stage-without-metrics", "findings": 3 } ],
//!   "stale": ["clinic-blueprint"],
//!   "unreviewed": []
//! }
//! ```
//!
//! Maps are named by their id (`map`, `baseline`, `futures`, `parent`, `children`,
//! owners' `maps`, `stale`, `unreviewed`); `parent` is the journey a map zooms into and
//! `children` the maps its stages zoom into (`journey:`), when they are in the run;
//! library files are not maps and are not listed; a map that could not be read has its path as its id when it had none.
//! `pain_points` holds open (unresolved) ones, most severe first; `opportunities` are
//! ordered by priority (impact high to low, then effort low to high). `status` is the
//! opportunity's own `status:` read as `done` (shipped), `dropped` or `open` (idea,
//! planned, in progress); without one, `done` when every pain point it addresses is
//! resolved, else `open`. A pain point's `owner`
//! is its touchpoint's owner, else the map's. `review` is `current`, `stale` (reviewed
//! longer ago than `stale-after-days`) or `unreviewed`. Unset values are `null`.
//! `by_type` counts readable maps (`untyped` for a map without `type:`); `unreadable`
//! counts maps with errors beyond lint, which add no pain points or opportunities.
//! `version` changes only when a field is removed or changes meaning.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Portfolio;
use crate::model::Level;

/// The version of the format above.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Out<'a> {
    version: u32,
    today: String,
    counts: Counts,
    maps: Vec<MapOut<'a>>,
    pain_points: Vec<PainOut<'a>>,
    opportunities: Vec<OppOut<'a>>,
    owners: Vec<OwnerOut<'a>>,
    lint: Vec<LintOut>,
    stale: Vec<&'a str>,
    unreviewed: Vec<&'a str>,
}

#[derive(Serialize)]
struct Counts {
    maps: usize,
    unreadable: usize,
    by_type: BTreeMap<&'static str, usize>,
    open_pain_points: usize,
    opportunities: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct MapOut<'a> {
    path: &'a str,
    id: &'a str,
    title: &'a str,
    #[serde(rename = "type")]
    kind: Option<&'static str>,
    owner: Option<&'a str>,
    tags: &'a [String],
    personas: Vec<&'a str>,
    reviewed: Option<String>,
    age_days: Option<i64>,
    review: &'static str,
    readable: bool,
    errors: usize,
    warnings: usize,
    infos: usize,
    baseline: Option<&'a str>,
    futures: Vec<&'a str>,
    parent: Option<&'a str>,
    children: Vec<&'a str>,
    open_pain_points: usize,
    opportunities: usize,
}

#[derive(Serialize)]
struct PainOut<'a> {
    map: &'a str,
    stage: &'a str,
    id: &'a str,
    name: &'a str,
    severity: Option<&'static str>,
    channel: Option<&'a str>,
    owner: Option<&'a str>,
}

#[derive(Serialize)]
struct OppOut<'a> {
    map: &'a str,
    stage: &'a str,
    id: &'a str,
    name: &'a str,
    impact: Option<&'static str>,
    effort: Option<&'static str>,
    owner: Option<&'a str>,
    status: &'static str,
    addresses: &'a [String],
}

#[derive(Serialize)]
struct OwnerOut<'a> {
    owner: &'a str,
    maps: Vec<&'a str>,
    touchpoints: usize,
    pain_points: usize,
    opportunities: usize,
}

#[derive(Serialize)]
struct LintOut {
    rule: &'static str,
    findings: usize,
}

pub fn print(p: &Portfolio) -> String {
    let id = |i: usize| p.maps.get(i).map_or("", |m| m.id.as_str());
    let out = Out {
        version: VERSION,
        today: p.today.to_string(),
        counts: Counts {
            maps: p.maps.len(),
            unreadable: p.unreadable().len(),
            by_type: p
                .by_type
                .iter()
                .copied()
                .filter(|(k, _)| *k != "unreadable")
                .collect(),
            open_pain_points: p.pain_points.len(),
            opportunities: p.opportunities.len(),
            errors: p.tally.errors,
            warnings: p.tally.warnings,
            infos: p.tally.infos,
        },
        maps: p
            .maps
            .iter()
            .map(|m| MapOut {
                path: &m.path,
                id: &m.id,
                title: &m.title,
                kind: m.kind.map(|k| super::type_name(Some(k))),
                owner: m.owner.as_deref(),
                tags: &m.tags,
                personas: m.personas.iter().map(|(id, _)| id.as_str()).collect(),
                reviewed: m.reviewed.map(|d| d.to_string()),
                age_days: m.age_days,
                review: m.review.as_str(),
                readable: m.readable,
                errors: m.tally.errors,
                warnings: m.tally.warnings,
                infos: m.tally.infos,
                baseline: m.baseline.map(id),
                futures: m.futures.iter().map(|&f| id(f)).collect(),
                parent: m.parent.map(id),
                children: m.children.iter().map(|&c| id(c)).collect(),
                open_pain_points: m.open_pain_points,
                opportunities: m.opportunities,
            })
            .collect(),
        pain_points: p
            .pain_points
            .iter()
            .map(|x| PainOut {
                map: id(x.map),
                stage: &x.stage,
                id: &x.id,
                name: &x.name,
                severity: x.severity.map(Level::as_str),
                channel: x.channel.as_deref(),
                owner: x.owner.as_deref(),
            })
            .collect(),
        opportunities: p
            .opportunities
            .iter()
            .map(|o| OppOut {
                map: id(o.map),
                stage: &o.stage,
                id: &o.id,
                name: &o.name,
                impact: o.impact.map(Level::as_str),
                effort: o.effort.map(Level::as_str),
                owner: o.owner.as_deref(),
                status: o.status.as_str(),
                addresses: &o.addresses,
            })
            .collect(),
        owners: p
            .owners
            .iter()
            .map(|o| OwnerOut {
                owner: &o.owner,
                maps: o.maps.iter().map(|&m| id(m)).collect(),
                touchpoints: o.touchpoints.len(),
                pain_points: o.pain_points,
                opportunities: o.opportunities,
            })
            .collect(),
        lint: p
            .lint
            .iter()
            .map(|&(rule, findings)| LintOut { rule, findings })
            .collect(),
        stale: p.stale().into_iter().map(id).collect(),
        unreviewed: p.unreviewed().into_iter().map(id).collect(),
    };
    let mut text = serde_json::to_string_pretty(&out).unwrap_or_default();
    text.push('\n');
    text
}
