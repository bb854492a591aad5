//! Property tests for `cjm diff` over generated maps: a map diffed with itself reports
//! nothing, and every id present on one side only is reported.

use std::collections::BTreeSet;

use cjm::diff::diff;
use cjm::model::{Map, build};
use cjm::read::{Limits, parse};
use proptest::prelude::*;

const STAGES: &[&str] = &["Aware", "Consider", "Buy", "Use", "Leave", "Return"];

/// A generated map: stages (a subset of [`STAGES`], in some order) and items placed in them.
#[derive(Clone, Debug)]
struct Gen {
    stages: Vec<(usize, Option<i64>)>,
    /// (id number, stage slot, emotion, channel)
    touchpoints: Vec<(u8, usize, Option<i64>, bool)>,
    pain_points: Vec<(u8, usize, bool)>,
    opportunities: Vec<(u8, usize)>,
}

fn gen_map() -> impl Strategy<Value = Gen> {
    (
        Just((0..STAGES.len()).collect::<Vec<_>>()).prop_shuffle(),
        1..=STAGES.len(),
        prop::collection::vec(prop::option::of(-2i64..=2), STAGES.len()),
        prop::collection::btree_set(0u8..12, 0..8),
        prop::collection::vec((0usize..6, prop::option::of(-2i64..=2), any::<bool>()), 12),
        prop::collection::btree_set(0u8..8, 0..5),
        prop::collection::vec((0usize..6, any::<bool>()), 8),
        prop::collection::btree_set(0u8..8, 0..5),
        prop::collection::vec(0usize..6, 8),
    )
        .prop_map(|(order, n, emotions, tps, tp_at, pps, pp_at, ops, op_at)| {
            let stages: Vec<_> = order[..n].iter().map(|&i| (i, emotions[i])).collect();
            Gen {
                touchpoints: tps
                    .into_iter()
                    .map(|i| {
                        let (s, e, c) = tp_at[i as usize];
                        (i, s % n, e, c)
                    })
                    .collect(),
                pain_points: pps
                    .into_iter()
                    .map(|i| (i, pp_at[i as usize].0 % n, pp_at[i as usize].1))
                    .collect(),
                opportunities: ops
                    .into_iter()
                    .map(|i| (i, op_at[i as usize] % n))
                    .collect(),
                stages,
            }
        })
}

fn yaml(g: &Gen) -> String {
    let mut out = String::from("cjm: 1\ntitle: Generated\ntype: current-state\nstages:\n");
    for (slot, (stage, emotion)) in g.stages.iter().enumerate() {
        out += &format!("  - name: {}\n", STAGES[*stage]);
        if let Some(e) = emotion {
            out += &format!("    emotion: {e}\n");
        }
        let tps: Vec<_> = g.touchpoints.iter().filter(|t| t.1 == slot).collect();
        if !tps.is_empty() {
            out += "    touchpoints:\n";
            for (id, _, e, channel) in tps {
                out += &format!("      - {{id: t{id}, name: Touchpoint {id}");
                if let Some(e) = e {
                    out += &format!(", emotion: {e}");
                }
                if *channel {
                    out += ", channel: web";
                }
                out += "}\n";
            }
        }
        let pps: Vec<_> = g.pain_points.iter().filter(|p| p.1 == slot).collect();
        if !pps.is_empty() {
            out += "    pain_points:\n";
            for (id, _, resolved) in pps {
                let status = if *resolved { ", status: resolved" } else { "" };
                out += &format!("      - {{id: p{id}, name: Pain {id}{status}}}\n");
            }
        }
        let ops: Vec<_> = g.opportunities.iter().filter(|o| o.1 == slot).collect();
        if !ops.is_empty() {
            out += "    opportunities:\n";
            for (id, _) in ops {
                out += &format!("      - {{id: o{id}, name: Opportunity {id}}}\n");
            }
        }
    }
    out
}

fn map(g: &Gen) -> Map {
    let text = yaml(g);
    let parsed = parse(&text, &Limits::default());
    assert!(
        parsed.diagnostics.is_empty(),
        "{text}\n{:?}",
        parsed.diagnostics
    );
    build(&parsed.root.expect("a generated map parses"), "generated")
}

/// `(item, id)` of everything diff matches by id.
fn ids(m: &Map) -> BTreeSet<(&'static str, String)> {
    let mut out = BTreeSet::new();
    out.extend(m.stages.iter().map(|s| ("stage", s.ident.id.clone())));
    out.extend(
        m.touchpoints()
            .map(|(_, t)| ("touchpoint", t.ident.id.clone())),
    );
    out.extend(
        m.pain_points()
            .map(|(_, p)| ("pain-point", p.ident.id.clone())),
    );
    out.extend(
        m.opportunities()
            .map(|(_, o)| ("opportunity", o.ident.id.clone())),
    );
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_map_diffed_with_itself_is_empty(g in gen_map()) {
        let m = map(&g);
        let d = diff(&m, &m);
        prop_assert!(d.is_empty(), "{:?}", d.changes);
    }

    #[test]
    fn every_id_on_one_side_only_is_reported(a in gen_map(), b in gen_map()) {
        let (ma, mb) = (map(&a), map(&b));
        let d = diff(&ma, &mb);
        let (ia, ib) = (ids(&ma), ids(&mb));
        for (item, id) in ia.symmetric_difference(&ib) {
            // A resolved pain point that is added is not news; every other one is.
            let resolved_new = *item == "pain-point"
                && !ia.contains(&(*item, id.clone()))
                && mb.pain_points().any(|(_, p)| &p.ident.id == id && p.resolved);
            if resolved_new {
                continue;
            }
            prop_assert!(
                d.changes.iter().any(|c| c.item == *item && &c.id == id),
                "{item} {id} is on one side only but not reported: {:?}",
                d.changes
            );
        }
        // And the diff back the other way is as long: nothing is one-directional.
        prop_assert_eq!(diff(&mb, &ma).is_empty(), d.is_empty());
    }
}
