//! What changes between two maps, matched by id: stages, touchpoints, pain points,
//! opportunities, metrics (by name within a stage), personas and blueprint lanes.
//! Changes are data; `cli/diff.rs` prints them.

pub mod page;
pub mod picture;

use serde::Serialize;

use crate::model::{Map, Stage};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Added,
    Removed,
    Changed,
    Renamed,
    Moved,
    Reordered,
    Resolved,
}

impl Kind {
    /// The name used in JSON and in printed changes.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Added => "added",
            Kind::Removed => "removed",
            Kind::Changed => "changed",
            Kind::Renamed => "renamed",
            Kind::Moved => "moved",
            Kind::Reordered => "reordered",
            Kind::Resolved => "resolved",
        }
    }

    pub fn mark(self) -> char {
        match self {
            Kind::Added => '+',
            Kind::Removed => '-',
            Kind::Resolved => '✓',
            _ => '~',
        }
    }
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// One change, under the stage it belongs to (the future stage when it exists).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Change {
    /// The stage's name, or `None` for map-level changes (personas, title).
    pub stage: Option<String>,
    pub kind: Kind,
    /// `stage`, `touchpoint`, `pain-point`, `opportunity`, `metric`, `persona`, `emotion`, `lane`.
    pub item: &'static str,
    pub id: String,
    /// The change in words, e.g. `-2 → +1 (+3)` or `channel: sms → mobile-app`.
    pub detail: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Diff {
    pub changes: Vec<Change>,
    /// Mean of (future − current) emotion over stages that have one on both sides.
    pub average_emotion_change: Option<f64>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    pub fn count(&self, item: &str, kind: Kind) -> usize {
        self.changes
            .iter()
            .filter(|c| c.item == item && c.kind == kind)
            .count()
    }
}

fn signed(e: i64) -> String {
    if e == 0 {
        "0".to_string()
    } else {
        format!("{e:+}")
    }
}

/// `from → to (delta)` for emotions.
pub fn emotion_change(from: i64, to: i64) -> String {
    format!("{} → {} ({})", signed(from), signed(to), signed(to - from))
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or("—".to_string(), ToString::to_string)
}

fn num(v: Option<f64>) -> String {
    v.map_or("—".to_string(), crate::render::document::num)
}

/// Everything that changes from `current` to `future`.
pub fn diff(current: &Map, future: &Map) -> Diff {
    let mut out = Vec::new();
    let mut push = |stage: Option<&Stage>, kind, item, id: &str, detail: String| {
        out.push(Change {
            stage: stage.map(|s| s.name.value.clone()),
            kind,
            item,
            id: id.to_string(),
            detail,
        });
    };

    // Personas.
    for p in &future.personas {
        match current.personas.iter().find(|q| q.ident.id == p.ident.id) {
            None => push(None, Kind::Added, "persona", &p.ident.id, p.name.clone()),
            Some(q) if q.name != p.name => push(
                None,
                Kind::Renamed,
                "persona",
                &p.ident.id,
                format!("{} → {}", q.name, p.name),
            ),
            Some(q)
                if (&q.description, &q.goals, &q.frustrations, &q.empathy)
                    != (&p.description, &p.goals, &p.frustrations, &p.empathy) =>
            {
                // Say which parts changed, so a reader knows where to look.
                let parts: Vec<&str> = [
                    ("description", q.description != p.description),
                    ("goals", q.goals != p.goals),
                    ("frustrations", q.frustrations != p.frustrations),
                    ("empathy map", q.empathy != p.empathy),
                ]
                .into_iter()
                .filter_map(|(part, changed)| changed.then_some(part))
                .collect();
                push(
                    None,
                    Kind::Changed,
                    "persona",
                    &p.ident.id,
                    parts.join(", "),
                )
            }
            _ => {}
        }
    }
    for q in current
        .personas
        .iter()
        .filter(|q| !future.personas.iter().any(|p| p.ident.id == q.ident.id))
    {
        push(None, Kind::Removed, "persona", &q.ident.id, q.name.clone());
    }

    // Phases: by id, their names and the stages they span.
    let spans = |p: &crate::model::Phase| -> String {
        p.stages
            .iter()
            .map(|s| s.value.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    for p in &future.phases {
        match current.phases.iter().find(|q| q.ident.id == p.ident.id) {
            None => push(
                None,
                Kind::Added,
                "phase",
                &p.ident.id,
                p.name.value.clone(),
            ),
            Some(q) => {
                if q.name.value != p.name.value {
                    push(
                        None,
                        Kind::Renamed,
                        "phase",
                        &p.ident.id,
                        format!("{} → {}", q.name.value, p.name.value),
                    );
                }
                if spans(q) != spans(p) {
                    push(
                        None,
                        Kind::Changed,
                        "phase",
                        &p.ident.id,
                        format!("stages {} → {}", spans(q), spans(p)),
                    );
                }
            }
        }
    }
    for q in current
        .phases
        .iter()
        .filter(|q| !future.phases.iter().any(|p| p.ident.id == q.ident.id))
    {
        push(
            None,
            Kind::Removed,
            "phase",
            &q.ident.id,
            q.name.value.clone(),
        );
    }

    // Stages, in future order, then the ones that went.
    let common_current: Vec<&str> = current
        .stages
        .iter()
        .map(|s| s.ident.id.as_str())
        .filter(|id| future.stages.iter().any(|s| s.ident.id == *id))
        .collect();
    let common_future: Vec<&str> = future
        .stages
        .iter()
        .map(|s| s.ident.id.as_str())
        .filter(|id| common_current.contains(id))
        .collect();
    let mut emotion_deltas = Vec::new();
    for (fi, f) in future.stages.iter().enumerate() {
        let Some(c) = current.stages.iter().find(|c| c.ident.id == f.ident.id) else {
            push(
                Some(f),
                Kind::Added,
                "stage",
                &f.ident.id,
                f.name.value.clone(),
            );
            for m in &f.metrics {
                push(
                    Some(f),
                    Kind::Added,
                    "metric",
                    &m.name.value,
                    describe_metric(m),
                );
            }
            continue;
        };
        let _ = fi;
        if c.name.value != f.name.value {
            push(
                Some(f),
                Kind::Renamed,
                "stage",
                &f.ident.id,
                format!("{} → {}", c.name.value, f.name.value),
            );
        }
        let (ci, fj) = (
            common_current.iter().position(|id| *id == f.ident.id),
            common_future.iter().position(|id| *id == f.ident.id),
        );
        if ci != fj {
            push(
                Some(f),
                Kind::Reordered,
                "stage",
                &f.ident.id,
                format!(
                    "position {} → {}",
                    ci.map_or(0, |i| i + 1),
                    fj.map_or(0, |i| i + 1)
                ),
            );
        }
        match (
            c.emotion.as_ref().map(|e| e.value),
            f.emotion.as_ref().map(|e| e.value),
        ) {
            (Some(a), Some(b)) => {
                emotion_deltas.push((b - a) as f64);
                if a != b {
                    push(
                        Some(f),
                        Kind::Changed,
                        "emotion",
                        &f.ident.id,
                        emotion_change(a, b),
                    );
                }
            }
            (a, b) if a != b => push(
                Some(f),
                Kind::Changed,
                "emotion",
                &f.ident.id,
                format!("{} → {}", opt(&a.map(signed)), opt(&b.map(signed))),
            ),
            _ => {}
        }
        // Each persona's emotion, when given per persona: its own delta.
        for (persona, b) in &f.emotions {
            let a = c
                .emotions
                .iter()
                .find(|(p, _)| p.value == persona.value)
                .map(|(_, v)| v.value);
            match a {
                Some(a) if a != b.value => push(
                    Some(f),
                    Kind::Changed,
                    "emotion",
                    &f.ident.id,
                    format!("{}: {}", persona.value, emotion_change(a, b.value)),
                ),
                None => push(
                    Some(f),
                    Kind::Changed,
                    "emotion",
                    &f.ident.id,
                    format!("{}: — → {}", persona.value, signed(b.value)),
                ),
                _ => {}
            }
        }
        for (lane, a, b) in [
            ("actions", &c.actions, &f.actions),
            ("thoughts", &c.thoughts, &f.thoughts),
            (
                "physical_evidence",
                &c.physical_evidence,
                &f.physical_evidence,
            ),
            ("frontstage", &c.frontstage, &f.frontstage),
            ("backstage", &c.backstage, &f.backstage),
            ("support", &c.support, &f.support),
        ] {
            for x in b.iter().filter(|x| !a.contains(x)) {
                push(Some(f), Kind::Added, "lane", lane, x.clone());
            }
            for x in a.iter().filter(|x| !b.contains(x)) {
                push(Some(f), Kind::Removed, "lane", lane, x.clone());
            }
        }
        // The team's own lanes, entry by entry, in the future map's lane order.
        let entries = |s: &Stage, id: &str| -> Vec<String> {
            s.lanes
                .iter()
                .find(|(k, _)| k.value == id)
                .map(|(_, v)| v.entries())
                .unwrap_or_default()
        };
        let mut ids: Vec<&str> = f.lanes.iter().map(|(k, _)| k.value.as_str()).collect();
        ids.extend(
            c.lanes
                .iter()
                .map(|(k, _)| k.value.as_str())
                .filter(|k| !f.lanes.iter().any(|(fk, _)| fk.value == *k)),
        );
        for id in ids {
            let (a, b) = (entries(c, id), entries(f, id));
            for x in b.iter().filter(|x| !a.contains(x)) {
                push(Some(f), Kind::Added, "lane", id, x.clone());
            }
            for x in a.iter().filter(|x| !b.contains(x)) {
                push(Some(f), Kind::Removed, "lane", id, x.clone());
            }
        }
        for m in &f.metrics {
            match c.metrics.iter().find(|n| n.name.value == m.name.value) {
                None => push(
                    Some(f),
                    Kind::Added,
                    "metric",
                    &m.name.value,
                    describe_metric(m),
                ),
                Some(n) => {
                    let mut parts = Vec::new();
                    if n.value != m.value {
                        let way = match m.toward_target(n.value) {
                            Some(true) => " (toward the target)",
                            Some(false) => " (away from the target)",
                            None => "",
                        };
                        parts.push(format!("value {} → {}{way}", num(n.value), num(m.value)));
                    }
                    if n.better != m.better {
                        parts.push(format!(
                            "better {} → {}",
                            n.better.as_str(),
                            m.better.as_str()
                        ));
                    }
                    if n.target != m.target {
                        parts.push(format!("target {} → {}", num(n.target), num(m.target)));
                    }
                    for p in m.history.iter().filter(|p| {
                        !n.history
                            .iter()
                            .any(|q| q.date.value == p.date.value && q.value == p.value)
                    }) {
                        parts.push(format!(
                            "new data point {}: {}",
                            p.date.value,
                            num(Some(p.value))
                        ));
                    }
                    if !parts.is_empty() {
                        push(
                            Some(f),
                            Kind::Changed,
                            "metric",
                            &m.name.value,
                            parts.join(", "),
                        );
                    }
                }
            }
        }
        for n in c
            .metrics
            .iter()
            .filter(|n| !f.metrics.iter().any(|m| m.name.value == n.name.value))
        {
            push(
                Some(f),
                Kind::Removed,
                "metric",
                &n.name.value,
                describe_metric(n),
            );
        }
    }
    for c in current
        .stages
        .iter()
        .filter(|c| !future.stages.iter().any(|f| f.ident.id == c.ident.id))
    {
        push(
            Some(c),
            Kind::Removed,
            "stage",
            &c.ident.id,
            c.name.value.clone(),
        );
        for m in &c.metrics {
            push(
                Some(c),
                Kind::Removed,
                "metric",
                &m.name.value,
                describe_metric(m),
            );
        }
    }

    // Touchpoints, map-wide so a move between stages is a move.
    for (fs, t) in future.touchpoints() {
        match current
            .touchpoints()
            .find(|(_, u)| u.ident.id == t.ident.id)
        {
            None => push(
                Some(fs),
                Kind::Added,
                "touchpoint",
                &t.ident.id,
                describe_touchpoint(&t.name.value, &t.channel),
            ),
            Some((cs, u)) => {
                if cs.ident.id != fs.ident.id {
                    push(
                        Some(fs),
                        Kind::Moved,
                        "touchpoint",
                        &t.ident.id,
                        format!("from stage {} to {}", cs.name.value, fs.name.value),
                    );
                }
                if u.name.value != t.name.value {
                    push(
                        Some(fs),
                        Kind::Renamed,
                        "touchpoint",
                        &t.ident.id,
                        format!("{} → {}", u.name.value, t.name.value),
                    );
                }
                let mut parts = Vec::new();
                if u.channel != t.channel {
                    parts.push(format!("channel {} → {}", opt(&u.channel), opt(&t.channel)));
                }
                let (uo, to) = (
                    u.owner.as_ref().map(|o| o.value.clone()),
                    t.owner.as_ref().map(|o| o.value.clone()),
                );
                if uo != to {
                    parts.push(format!("owner {} → {}", opt(&uo), opt(&to)));
                }
                if u.url != t.url {
                    parts.push(format!("url {} → {}", opt(&u.url), opt(&t.url)));
                }
                if !parts.is_empty() {
                    push(
                        Some(fs),
                        Kind::Changed,
                        "touchpoint",
                        &t.ident.id,
                        parts.join(", "),
                    );
                }
                match (u.emotion, t.emotion) {
                    (Some(a), Some(b)) if a != b => push(
                        Some(fs),
                        Kind::Changed,
                        "emotion",
                        &t.ident.id,
                        emotion_change(a, b),
                    ),
                    (a, b) if a != b && (a.is_none() || b.is_none()) => push(
                        Some(fs),
                        Kind::Changed,
                        "emotion",
                        &t.ident.id,
                        format!("{} → {}", opt(&a.map(signed)), opt(&b.map(signed))),
                    ),
                    _ => {}
                }
            }
        }
    }
    for (cs, u) in current
        .touchpoints()
        .filter(|(_, u)| !future.touchpoints().any(|(_, t)| t.ident.id == u.ident.id))
    {
        let stage = listed_under(future, cs);
        push(
            Some(stage),
            Kind::Removed,
            "touchpoint",
            &u.ident.id,
            describe_touchpoint(&u.name.value, &u.channel),
        );
    }

    // Pain points.
    for (fs, p) in future.pain_points() {
        match current
            .pain_points()
            .find(|(_, q)| q.ident.id == p.ident.id)
        {
            None if p.resolved => {}
            None => push(
                Some(fs),
                Kind::Added,
                "pain-point",
                &p.ident.id,
                p.name.value.clone(),
            ),
            Some((_, q)) => {
                if p.resolved && !q.resolved {
                    push(
                        Some(fs),
                        Kind::Resolved,
                        "pain-point",
                        &p.ident.id,
                        p.name.value.clone(),
                    );
                } else if q.resolved && !p.resolved {
                    push(
                        Some(fs),
                        Kind::Changed,
                        "pain-point",
                        &p.ident.id,
                        "reopened".to_string(),
                    );
                }
                if q.severity != p.severity {
                    let s = |l: Option<crate::model::Level>| l.map_or("—", |l| l.as_str());
                    push(
                        Some(fs),
                        Kind::Changed,
                        "pain-point",
                        &p.ident.id,
                        format!("severity {} → {}", s(q.severity), s(p.severity)),
                    );
                }
            }
        }
    }
    for (cs, q) in current
        .pain_points()
        .filter(|(_, q)| !future.pain_points().any(|(_, p)| p.ident.id == q.ident.id))
    {
        let stage = listed_under(future, cs);
        let kind = if q.resolved {
            Kind::Removed
        } else {
            Kind::Resolved
        };
        push(
            Some(stage),
            kind,
            "pain-point",
            &q.ident.id,
            format!("{} (gone from the future map)", q.name.value),
        );
    }

    // Opportunities.
    for (fs, o) in future.opportunities() {
        match current
            .opportunities()
            .find(|(_, p)| p.ident.id == o.ident.id)
        {
            None => push(
                Some(fs),
                Kind::Added,
                "opportunity",
                &o.ident.id,
                o.name.value.clone(),
            ),
            Some((_, p)) => {
                let word = |o: &crate::model::Opportunity| {
                    o.status.as_ref().map_or("—", |s| s.value.as_str())
                };
                let level = |l: Option<crate::model::Level>| l.map_or("—", |l| l.as_str());
                let mut parts = Vec::new();
                if word(p) != word(o) {
                    parts.push(format!("status {} → {}", word(p), word(o)));
                }
                for (what, was, now) in [
                    ("impact", p.impact, o.impact),
                    ("effort", p.effort, o.effort),
                ] {
                    if was != now {
                        parts.push(format!("{what} {} → {}", level(was), level(now)));
                    }
                }
                let has =
                    |o: &crate::model::Opportunity, url: &str| o.links.iter().any(|l| l.url == url);
                for l in o.links.iter().filter(|l| !has(p, &l.url)) {
                    parts.push(format!("link added: {}", l.text()));
                }
                for l in p.links.iter().filter(|l| !has(o, &l.url)) {
                    parts.push(format!("link removed: {}", l.text()));
                }
                if !parts.is_empty() {
                    push(
                        Some(fs),
                        Kind::Changed,
                        "opportunity",
                        &o.ident.id,
                        parts.join("; "),
                    );
                }
            }
        }
    }
    for (cs, o) in current.opportunities().filter(|(_, o)| {
        !future
            .opportunities()
            .any(|(_, p)| p.ident.id == o.ident.id)
    }) {
        let stage = listed_under(future, cs);
        push(
            Some(stage),
            Kind::Removed,
            "opportunity",
            &o.ident.id,
            o.name.value.clone(),
        );
    }

    // Group by stage, in the future map's order; map-level changes first.
    let order = |c: &Change| -> usize {
        match &c.stage {
            None => 0,
            Some(name) => future
                .stages
                .iter()
                .position(|s| &s.name.value == name)
                .map_or(future.stages.len() + 1, |i| i + 1),
        }
    };
    out.sort_by_key(|c| order(c));
    let average_emotion_change = (!emotion_deltas.is_empty())
        .then(|| emotion_deltas.iter().sum::<f64>() / emotion_deltas.len() as f64);
    Diff {
        changes: out,
        average_emotion_change,
    }
}

/// Counts of the changes a reviewer looks for first, and the average emotion change.
/// `0.62 → target 0.75`, or what there is of it.
fn describe_metric(m: &crate::model::Metric) -> String {
    match (m.value, m.target) {
        (Some(_), Some(_)) => format!("{} → target {}", num(m.value), num(m.target)),
        (Some(_), None) => num(m.value),
        (None, Some(_)) => format!("target {}", num(m.target)),
        (None, None) => "no value yet".to_string(),
    }
}

/// The changes grouped by stage, one group per stage in the order stages first appear
/// (map-level changes first), so a stage's heading is printed once.
pub fn by_stage(d: &Diff) -> Vec<(Option<&str>, Vec<&Change>)> {
    let mut groups: Vec<(Option<&str>, Vec<&Change>)> = Vec::new();
    for c in &d.changes {
        let key = c.stage.as_deref();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(c),
            None => groups.push((key, vec![c])),
        }
    }
    groups.sort_by_key(|(k, _)| k.is_some());
    groups
}

pub fn summary(d: &Diff) -> String {
    // Every kind of change that occurs, counted, in the order they first occur.
    let mut counts: Vec<(&str, Kind, usize)> = Vec::new();
    for c in &d.changes {
        match counts
            .iter_mut()
            .find(|(item, kind, _)| *item == c.item && *kind == c.kind)
        {
            Some(entry) => entry.2 += 1,
            None => counts.push((c.item, c.kind, 1)),
        }
    }
    let mut parts: Vec<String> = counts
        .into_iter()
        .map(|(item, kind, n)| {
            let noun = match (item, n) {
                ("pain-point", 1) => "pain point",
                ("pain-point", _) => "pain points",
                ("opportunity", 1) => "opportunity",
                ("opportunity", _) => "opportunities",
                ("research", _) => "research entries",
                ("lane", 1) => "lane entry",
                ("lane", _) => "lane entries",
                (other, 1) => other,
                (other, _) => return format!("{n} {other}s {}", kind.as_str()),
            };
            if item == "pain-point" && kind == Kind::Added {
                format!("{n} new {noun}")
            } else if item == "research" && n == 1 {
                format!("1 research entry {}", kind.as_str())
            } else {
                format!("{n} {noun} {}", kind.as_str())
            }
        })
        .collect();
    if let Some(avg) = d.average_emotion_change {
        parts.push(format!("average stage emotion {avg:+.1}"));
    }
    parts.join(", ")
}

/// The stage a removed item is listed under: its stage in the future map when that
/// stage stayed, else its old stage.
fn listed_under<'a>(future: &'a Map, stage: &'a Stage) -> &'a Stage {
    future
        .stages
        .iter()
        .find(|s| s.ident.id == stage.ident.id)
        .unwrap_or(stage)
}

fn describe_touchpoint(name: &str, channel: &Option<String>) -> String {
    match channel {
        Some(c) => format!("{name} ({c})"),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::{Limits, parse};

    fn map(text: &str) -> Map {
        crate::model::build(&parse(text, &Limits::default()).root.unwrap(), "m")
    }

    #[test]
    fn a_map_diffed_with_itself_is_empty_even_when_lines_move() {
        for text in [
            include_str!("../../examples/grocery-current.yaml"),
            include_str!("../../examples/clinic-blueprint.yaml"),
            include_str!("../../examples/tea-order-zh.yaml"),
        ] {
            assert!(diff(&map(text), &map(text)).is_empty());
            let shifted = format!("# a comment\n\n{text}");
            assert!(diff(&map(text), &map(&shifted)).is_empty());
        }
    }

    #[test]
    fn new_data_points_are_reported() {
        let head = "cjm: 1\ntitle: t\ntype: current-state\nstages:\n  - name: A\n    metrics:\n      - name: M\n        history:\n          - {date: 2026-07-01, value: 0.22}\n";
        let before = map(head);
        let after = map(&format!(
            "{head}          - {{date: 2026-10-01, value: 0.31}}\n"
        ));
        let d = diff(&before, &after);
        assert_eq!(d.changes.len(), 1, "{d:?}");
        assert_eq!(d.changes[0].item, "metric");
        assert_eq!(d.changes[0].detail, "new data point 2026-10-01: 0.31");
    }

    #[test]
    fn an_opportunity_that_ships_says_so() {
        let before = map(
            "cjm: 1\ntitle: t\ntype: current-state\nstages:\n  - name: A\n    opportunities: [{name: O, status: planned}]\n",
        );
        let after = map(
            "cjm: 1\ntitle: t\ntype: current-state\nstages:\n  - name: A\n    opportunities: [{name: O, status: shipped}]\n",
        );
        let d = diff(&before, &after);
        assert_eq!(d.changes.len(), 1, "{d:?}");
        assert_eq!(d.changes[0].kind, Kind::Changed);
        assert_eq!(d.changes[0].detail, "status planned → shipped");
        assert!(diff(&before, &before).is_empty());
    }

    #[test]
    fn an_opportunitys_weight_and_links_are_changes() {
        let before = map(
            "cjm: 1\ntitle: t\ntype: current-state\nstages:\n  - name: A\n    opportunities: [{name: O, impact: low, effort: high, links: [{url: \"https://t/1\"}, {url: \"https://t/2\", label: Brief}]}]\n",
        );
        let after = map(
            "cjm: 1\ntitle: t\ntype: current-state\nstages:\n  - name: A\n    opportunities: [{name: O, impact: high, effort: high, links: [{url: \"https://t/2\", label: Brief}, {url: \"https://t/3\"}]}]\n",
        );
        let d = diff(&before, &after);
        assert_eq!(d.changes.len(), 1, "{d:?}");
        assert_eq!(
            d.changes[0].detail,
            "impact low → high; link added: https://t/3; link removed: https://t/1"
        );
    }

    #[test]
    fn a_touchpoint_that_changes_stage_is_a_move() {
        let a = map("stages:\n  - name: A\n    touchpoints: [{id: t, name: T}]\n  - name: B\n");
        let b = map("stages:\n  - name: A\n  - name: B\n    touchpoints: [{id: t, name: T}]\n");
        let d = diff(&a, &b);
        assert_eq!(d.changes.len(), 1, "{d:?}");
        assert_eq!(d.changes[0].kind, Kind::Moved);
    }

    #[test]
    fn every_id_on_one_side_only_is_listed() {
        let a = map(
            "stages:\n  - name: A\n    touchpoints: [{name: Old}]\n    pain_points: [{name: P}]\n",
        );
        let b = map(
            "stages:\n  - name: A\n    touchpoints: [{name: New}]\n    opportunities: [{name: O}]\n",
        );
        let d = diff(&a, &b);
        for id in ["old", "new", "p", "o"] {
            assert!(d.changes.iter().any(|c| c.id == id), "{id} missing: {d:?}");
        }
        assert_eq!(emotion_change(-2, 1), "-2 → +1 (+3)");
    }
}
