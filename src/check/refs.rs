//! References between ids inside one map: ids unique per kind, and every
//! `touchpoint:`, `addresses:`, `evidence:` and a touchpoint's `personas:` naming
//! something that exists.
//! (`baseline:` spans files and is resolved in `check::baseline`.)

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::diag::Diagnostic;
use crate::model::{Ident, Map, Spanned, slug};
use crate::read::{Node, Value};
use crate::suggest::did_you_mean;

/// Ids written in the file that the model did not take in, because they sit under a key
/// the schema does not know (`pain-points:` for `pain_points:`) or in a value of the
/// wrong shape. A reference to one of them is not reported: the schema error already
/// says what to fix, and "no pain point has the id" would only send the author looking
/// in the wrong place. `ids` are the ones [`written_ids`] found in the tree.
pub fn unread_ids(mut ids: HashSet<String>, map: &Map) -> HashSet<String> {
    let known = map
        .stages
        .iter()
        .map(|s| &s.ident)
        .chain(map.personas.iter().map(|p| &p.ident))
        .chain(map.research.iter().map(|r| &r.ident))
        .chain(map.touchpoints().map(|(_, t)| &t.ident))
        .chain(map.pain_points().map(|(_, p)| &p.ident))
        .chain(map.opportunities().map(|(_, o)| &o.ident));
    for ident in known {
        ids.remove(&ident.id);
    }
    ids
}

/// Every id written in the tree: each mapping's `id:`, or the slug of its `name:`.
pub fn written_ids(root: &Node) -> HashSet<String> {
    let mut ids = HashSet::new();
    collect_ids(root, &mut ids, 0);
    ids
}

/// Every mapping's `id:`, or the slug of its `name:` (the id it would get).
fn collect_ids(node: &Node, ids: &mut HashSet<String>, depth: usize) {
    // The reader caps nesting; this guards the recursion on its own all the same.
    if depth > 128 {
        return;
    }
    match &node.value {
        Value::Map(entries) => {
            let id = node.get("id").and_then(Node::as_str).map(str::to_string);
            if let Some(id) = id.or_else(|| node.get("name").and_then(Node::as_str).map(slug)) {
                ids.insert(id);
            }
            for e in entries {
                collect_ids(&e.value, ids, depth + 1);
            }
        }
        Value::Seq(items) => {
            for item in items {
                collect_ids(item, ids, depth + 1);
            }
        }
        _ => {}
    }
}

/// A library's ids, unique per kind.
pub fn unique_in_library(lib: &crate::model::Library) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    unique("persona", lib.personas.iter().map(|p| &p.ident), &mut out);
    unique("research", lib.research.iter().map(|r| &r.ident), &mut out);
    unique("team", lib.teams.iter().map(|t| &t.ident), &mut out);
    out
}

/// Ids unique per kind and references that resolve; references to `unread` ids (see
/// [`unread_ids`]) are left to the schema's findings.
pub fn check(map: &Map, unread: &HashSet<String>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    unique("stage", map.stages.iter().map(|s| &s.ident), &mut out);
    unique("persona", map.personas.iter().map(|p| &p.ident), &mut out);
    unique("research", map.research.iter().map(|r| &r.ident), &mut out);
    unique(
        "touchpoint",
        map.touchpoints().map(|(_, t)| &t.ident),
        &mut out,
    );
    unique(
        "pain point",
        map.pain_points().map(|(_, p)| &p.ident),
        &mut out,
    );
    unique(
        "opportunity",
        map.opportunities().map(|(_, o)| &o.ident),
        &mut out,
    );
    for stage in &map.stages {
        let mut seen: HashMap<&str, &Spanned<String>, Fx> = HashMap::default();
        for m in &stage.metrics {
            if m.name.value.is_empty() {
                continue;
            }
            if let Some(first) = seen.get(m.name.value.as_str()) {
                out.push(
                    Diagnostic::error(
                        "duplicate-id",
                        m.name.span,
                        format!(
                            "stage `{}` has two metrics named `{}`",
                            stage.ident.id, m.name.value
                        ),
                    )
                    .with_help("metrics are matched by name within a stage; rename one")
                    .with_note(first.span, "first defined here"),
                );
            } else {
                seen.insert(&m.name.value, &m.name);
            }
        }
    }

    phases(map, unread, &mut out);
    lanes(map, &mut out);
    emotions(map, unread, &mut out);

    let touchpoints: Vec<&str> = map
        .touchpoints()
        .map(|(_, t)| t.ident.id.as_str())
        .collect();
    let pains: Vec<&str> = map
        .pain_points()
        .map(|(_, p)| p.ident.id.as_str())
        .collect();
    let personas: Vec<&str> = map.personas.iter().map(|p| p.ident.id.as_str()).collect();
    for (_, touchpoint) in map.touchpoints() {
        for p in &touchpoint.personas {
            resolve("persona", "unknown-persona", p, &personas, unread, &mut out);
        }
    }
    for (_, pain) in map.pain_points() {
        if let Some(t) = &pain.touchpoint {
            resolve(
                "touchpoint",
                "unknown-touchpoint",
                t,
                &touchpoints,
                unread,
                &mut out,
            );
        }
        // `evidence:` may cite a library's research: resolved in `check::library`.
    }
    for (_, opp) in map.opportunities() {
        for a in &opp.addresses {
            resolve(
                "pain point",
                "unknown-pain-point",
                a,
                &pains,
                unread,
                &mut out,
            );
        }
    }
    out
}

/// Emotions lie on the map's scale, and per-persona emotions name the map's personas.
/// The schema only bounds them loosely: the scale is the map's own.
fn emotions(map: &Map, unread: &HashSet<String>, out: &mut Vec<Diagnostic>) {
    let (min, max) = map.emotion_scale;
    if min >= max {
        out.push(
            Diagnostic::error(
                "invalid-value",
                map.emotion_scale_span.unwrap_or_default(),
                format!("`emotion_scale` runs from {min} to {max}: `min` must be below `max`"),
            )
            .with_help("for example `emotion_scale: {min: 1, max: 5}`"),
        );
        return;
    }
    let range = |v: i64, span: crate::diag::Span, out: &mut Vec<Diagnostic>| {
        if v < min || v > max {
            out.push(Diagnostic::error(
                "out-of-range",
                span,
                format!("`emotion` must be between {min} and {max}, found `{v}`"),
            ));
        }
    };
    let personas: Vec<&str> = map.personas.iter().map(|p| p.ident.id.as_str()).collect();
    let each = |single: Option<(i64, crate::diag::Span)>,
                by: &[(Spanned<String>, Spanned<i64>)],
                out: &mut Vec<Diagnostic>| {
        if by.is_empty()
            && let Some((v, span)) = single
        {
            range(v, span, out);
        }
        for (persona, v) in by {
            resolve(
                "persona",
                "unknown-persona",
                persona,
                &personas,
                unread,
                out,
            );
            range(v.value, v.span, out);
        }
    };
    for stage in &map.stages {
        each(
            stage.emotion.as_ref().map(|e| (e.value, e.span)),
            &stage.emotions,
            out,
        );
        for t in &stage.touchpoints {
            each(t.emotion.zip(t.emotion_span), &t.emotions, out);
        }
    }
}

/// Phases name stages that exist; a stage is in one phase at most; a phase's stages
/// are consecutive and phases follow the stages' order.
fn phases(map: &Map, unread: &HashSet<String>, out: &mut Vec<Diagnostic>) {
    unique("phase", map.phases.iter().map(|p| &p.ident), out);
    let stages: Vec<&str> = map.stages.iter().map(|s| s.ident.id.as_str()).collect();
    let mut owner: HashMap<&str, (&str, crate::diag::Span)> = HashMap::new();
    let mut previous_end: Option<(usize, &str)> = None;
    for phase in &map.phases {
        let mut indices = Vec::new();
        for s in &phase.stages {
            match stages.iter().position(|id| *id == s.value) {
                Some(i) => indices.push((i, s)),
                None => resolve("stage", "unknown-stage", s, &stages, unread, out),
            }
            if let Some((other, first)) = owner.get(s.value.as_str()) {
                out.push(
                    Diagnostic::error(
                        "phase-overlap",
                        s.span,
                        format!(
                            "stage `{}` is already in phase `{other}`; a stage belongs to one phase",
                            s.value
                        ),
                    )
                    .with_help("remove it from one of the two phases")
                    .with_note(*first, "first placed here"),
                );
            } else {
                owner.insert(&s.value, (&phase.ident.id, s.span));
            }
        }
        for pair in indices.windows(2) {
            let ((a, _), (b, at)) = (pair[0], pair[1]);
            if b != a + 1 {
                let help = match stages.get(a + 1) {
                    Some(next) if b > a => format!(
                        "after `{}` comes `{next}` in `stages:`; list the stages in their order, with none left out",
                        stages[a]
                    ),
                    _ => "list the stages in the order `stages:` has them, with none left out"
                        .to_string(),
                };
                out.push(
                    Diagnostic::error(
                        "phase-order",
                        at.span,
                        format!(
                            "phase `{}` does not span consecutive stages: `{}` does not follow `{}`",
                            phase.ident.id, at.value, stages[a]
                        ),
                    )
                    .with_help(help),
                );
            }
        }
        if let (Some((start, first)), Some((end, _))) = (indices.first(), indices.last()) {
            if let Some((prev_end, prev)) = previous_end
                && *start <= prev_end
            {
                out.push(
                    Diagnostic::error(
                        "phase-order",
                        first.span,
                        format!(
                            "phase `{}` starts before phase `{prev}` ends; list phases in the order of their stages",
                            phase.ident.id
                        ),
                    )
                    .with_help("move this phase above the other, or its stages"),
                );
            }
            previous_end = Some((*end, phase.ident.id.as_str()));
        }
    }
}

/// Custom lanes: ids that do not clash with the built-in lanes, `after:` naming a lane
/// drawn before, and stages filling declared lanes with values of the declared kind.
fn lanes(map: &Map, out: &mut Vec<Diagnostic>) {
    use crate::model::{LaneKind, LaneValue};
    unique("lane", map.lanes.iter().map(|l| &l.ident), out);
    let built_in = crate::model::BUILT_IN_LANES;
    let mut before: Vec<&str> = built_in.to_vec();
    for lane in &map.lanes {
        if built_in.contains(&lane.ident.id.as_str()) {
            out.push(
                Diagnostic::error(
                    "duplicate-id",
                    lane.ident.span,
                    format!("`{}` is a built-in lane", lane.ident.id),
                )
                .with_help("give your lane another id, such as `team-notes`"),
            );
        }
        if let Some(after) = &lane.after
            && !before.contains(&after.value.as_str())
        {
            let help = match did_you_mean(&after.value, before.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!(
                    "`after:` names a lane drawn before this one: {}",
                    before.join(", ")
                ),
            };
            out.push(
                Diagnostic::error(
                    "unknown-lane",
                    after.span,
                    format!(
                        "no lane `{}` is drawn before `{}`",
                        after.value, lane.ident.id
                    ),
                )
                .with_help(help),
            );
        }
        before.push(&lane.ident.id);
    }
    let declared: Vec<&str> = map.lanes.iter().map(|l| l.ident.id.as_str()).collect();
    for stage in &map.stages {
        for (key, value) in &stage.lanes {
            let Some(lane) = map.lanes.iter().find(|l| l.ident.id == key.value) else {
                let help = match did_you_mean(&key.value, declared.iter().copied()) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None if declared.is_empty() => {
                        "declare it under the map's `lanes:` (id, name, kind)".to_string()
                    }
                    None => format!("declared lanes: {}", declared.join(", ")),
                };
                out.push(
                    Diagnostic::error(
                        "unknown-lane",
                        key.span,
                        format!("no lane has the id `{}`", key.value),
                    )
                    .with_help(help),
                );
                continue;
            };
            let wanted = match (lane.kind, value) {
                (LaneKind::Text | LaneKind::Quote, LaneValue::Text(_)) => None,
                (LaneKind::List, LaneValue::List(_)) => None,
                (LaneKind::Rating, LaneValue::Number(n)) if (0.0..=5.0).contains(n) => None,
                (LaneKind::Text | LaneKind::Quote, _) => Some("text in quotes or plain"),
                (LaneKind::List, _) => Some("a list such as `[CRM, Ad server]`"),
                (LaneKind::Rating, _) => Some("a number from 0 to 5"),
            };
            if let Some(wanted) = wanted {
                out.push(
                    Diagnostic::error(
                        "lane-value",
                        key.span,
                        format!(
                            "lane `{}` is a {} lane; its value here is not {wanted}",
                            key.value,
                            lane.kind.as_str()
                        ),
                    )
                    .with_help(format!("give `{}` {wanted}", key.value)),
                );
            }
        }
    }
}

fn unique<'a>(kind: &str, idents: impl Iterator<Item = &'a Ident>, out: &mut Vec<Diagnostic>) {
    let idents: Vec<&Ident> = idents.collect();
    // A map has a handful of each kind: compared pairwise, with no table to build; a
    // table, sized once, for many.
    let mut seen: HashMap<&str, &Ident, Fx> = if idents.len() > 16 {
        HashMap::with_capacity_and_hasher(idents.len(), Fx::default())
    } else {
        HashMap::default()
    };
    for (i, ident) in idents.iter().enumerate() {
        let first = if idents.len() > 16 {
            seen.get(ident.id.as_str()).copied()
        } else {
            idents[..i].iter().find(|f| f.id == ident.id).copied()
        };
        match first {
            Some(first) => {
                let how = if ident.explicit && first.explicit {
                    String::new()
                } else {
                    " (ids left out are derived from the names)".to_string()
                };
                out.push(
                    Diagnostic::error(
                        "duplicate-id",
                        ident.span,
                        format!("two {kind}s share the id `{}`{how}", ident.id),
                    )
                    .with_help(format!("give each {kind} its own `id:`"))
                    .with_note(first.span, "first defined here"),
                );
            }
            None if idents.len() > 16 => {
                seen.insert(&ident.id, ident);
            }
            None => {}
        }
    }
}

fn resolve(
    kind: &str,
    code: &'static str,
    reference: &Spanned<String>,
    known: &[&str],
    unread: &HashSet<String>,
    out: &mut Vec<Diagnostic>,
) {
    if known.contains(&reference.value.as_str()) || unread.contains(&reference.value) {
        return;
    }
    let help = match did_you_mean(&reference.value, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None if known.is_empty() => format!("this map has no {kind}s yet"),
        None => {
            let shown: Vec<&str> = known.iter().copied().take(8).collect();
            let more = if known.len() > shown.len() {
                ", …"
            } else {
                ""
            };
            format!("known {kind}s: {}{more}", shown.join(", "))
        }
    };
    out.push(
        Diagnostic::error(
            code,
            reference.span,
            format!("no {kind} has the id `{}`", reference.value),
        )
        .with_help(help),
    );
}

/// Ids are short, come from the map's own author and are hashed a few dozen times per
/// map: an add-multiply hash (as in `rustc-hash` 2) costs a fraction of SipHash, whose
/// resistance to chosen collisions buys nothing at this size. (The rotate-xor FxHash of
/// old collides on ids such as `stage-519` and `stage-592`.)
pub(super) type Fx = BuildHasherDefault<FxHasher>;

#[derive(Default)]
pub(super) struct FxHasher(u64);

const SEED: u64 = 0xf135_7aea_2e62_a9c5;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = self.0.wrapping_add(word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ rest.len() as u64);
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    /// The multiply leaves its best bits high; hashbrown picks buckets with the low ones.
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    /// Few ids are compared pairwise and many through a table: both find the same
    /// repeats, each pointing at the first of its id.
    #[test]
    fn repeated_ids_point_at_the_first_however_many_there_are() {
        for count in [3, 16, 17, 40] {
            let idents: Vec<Ident> = (0..count)
                .map(|i| Ident {
                    id: format!("id-{}", i % 5),
                    span: crate::diag::Span::point(crate::diag::Pos {
                        line: i + 1,
                        col: 1,
                    }),
                    explicit: true,
                })
                .collect();
            let mut out = Vec::new();
            unique("stage", idents.iter(), &mut out);
            assert_eq!(out.len(), count.saturating_sub(5) as usize, "{count}");
            for d in &out {
                let line = d.span.start.line;
                let first = d.notes.first().map(|n| n.span.start.line);
                assert_eq!(first, Some((line - 1) % 5 + 1), "{count}: {d:?}");
            }
        }
    }

    #[test]
    fn the_id_hash_tells_ids_apart() {
        let ids: Vec<String> = (0..100_000)
            .map(|i| format!("stage-{i}"))
            .chain(["", "a", "a\0", "ab", "abcdefgh", "abcdefgh\0"].map(String::from))
            .collect();
        let hashes: HashSet<u64> = ids.iter().map(|s| Fx::default().hash_one(s)).collect();
        assert_eq!(hashes.len(), ids.len());
    }
}
