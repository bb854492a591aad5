//! A deterministic corpus of journey maps for benchmarks: `N` maps from a seed, in a
//! small shape (5 stages × 3 touchpoints, about 1.3 KB) or a realistic one (personas,
//! research, pain points, opportunities and metrics, about 5 KB), with a share of them
//! carrying planted schema, reference and lint defects.
//!
//! Used by `benches/hot_paths.rs` in process and, as the `gen-corpus` example, by
//! `benches/compare.sh`:
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --count 1000 --shape small --out /tmp/corpus
//! ```

#![allow(dead_code, reason = "each user of this module takes what it needs")]

use std::fmt::Write;

/// How big each map is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Small,
    Realistic,
}

/// SplitMix64: tiny, fast, and the same numbers on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

const STAGES: &[&str] = &[
    "Discover", "Research", "Compare", "Sign up", "Onboard", "Order", "Pay", "Deliver", "Use",
    "Get help", "Renew", "Leave",
];
const NOUNS: &[&str] = &[
    "landing page",
    "price list",
    "support chat",
    "order email",
    "mobile app",
    "checkout form",
    "call centre",
    "store visit",
    "tracking page",
    "invoice",
    "review site",
    "help article",
    "loyalty card",
    "delivery slot",
    "returns form",
];
const VERBS: &[&str] = &[
    "Reads",
    "Compares",
    "Asks about",
    "Fills in",
    "Waits for",
    "Checks",
    "Opens",
    "Shares",
    "Cancels",
    "Pays for",
];
const CHANNELS: &[&str] = &[
    "web",
    "mobile-app",
    "email",
    "phone",
    "chat",
    "store",
    "sms",
    "social",
];
const OWNERS: &[&str] = &[
    "Web team",
    "Support",
    "Logistics",
    "Marketing",
    "Billing",
    "CRM team",
];
const TEAMS: &[&str] = &["Web", "Ops", "CX", "Sales"];
const LEVELS: &[&str] = &["low", "medium", "high"];

/// The defect planted in a map, if any: every 10th map has one, in turn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Defect {
    None,
    /// `emotion: 7`, outside the schema's range.
    Schema,
    /// A pain point naming a touchpoint that does not exist.
    Reference,
    /// A stage without touchpoints (lint: `stage-without-touchpoints`).
    Lint,
}

pub fn defect_of(i: usize) -> Defect {
    match i % 30 {
        9 => Defect::Schema,
        19 => Defect::Reference,
        29 => Defect::Lint,
        _ => Defect::None,
    }
}

/// The `i`-th map of the corpus for `seed`.
pub fn map(seed: u64, i: usize, shape: Shape) -> String {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
    match shape {
        Shape::Small => small(&mut rng, i, defect_of(i)),
        Shape::Realistic => realistic(&mut rng, i, defect_of(i)),
    }
}

fn header(out: &mut String, rng: &mut Rng, i: usize) {
    let _ = writeln!(
        out,
        "cjm: 1\nid: map-{i:05}\ntitle: Journey {i}\ntype: current-state\nowner: {}\nreviewed: \"2026-{:02}-{:02}\"",
        rng.pick(OWNERS),
        9 + rng.below(3),
        1 + rng.below(28)
    );
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// 5 stages × 3 touchpoints in flow style, clean of lint findings unless a defect is
/// planted: about 1.3 KB.
fn small(rng: &mut Rng, i: usize, defect: Defect) -> String {
    let mut out = String::with_capacity(2048);
    header(&mut out, rng, i);
    out.push_str("personas: [{id: pat, name: Pat}]\nstages:\n");
    let start = rng.below(STAGES.len() - 5);
    for (s, name) in STAGES[start..start + 5].iter().enumerate() {
        let emotion = if defect == Defect::Schema && s == 2 {
            7
        } else {
            rng.below(3) as i64
        };
        let _ = writeln!(out, "  - name: {name}\n    emotion: {emotion}");
        if defect == Defect::Lint && s == 3 {
            out.push_str("    metrics: [{name: CSAT, value: 3, target: 4}]\n");
            continue;
        }
        out.push_str("    touchpoints:\n");
        for t in 0..3 {
            let _ = writeln!(
                out,
                "      - {{id: t{s}{t}, name: {}, channel: {}, owner: {}}}",
                capital(rng.pick(NOUNS)),
                rng.pick(CHANNELS),
                rng.pick(TEAMS)
            );
        }
        if defect == Defect::Reference && s == 1 {
            out.push_str("    pain_points: [{name: Slow, touchpoint: t99}]\n");
        }
        let _ = writeln!(
            out,
            "    metrics: [{{name: CSAT, value: {}.{}, target: 5}}]",
            2 + rng.below(3),
            rng.below(10)
        );
    }
    out
}

/// Personas, research, pain points with evidence, ranked opportunities with owners and
/// metrics in every stage: about 5 KB.
fn realistic(rng: &mut Rng, i: usize, defect: Defect) -> String {
    let mut out = String::with_capacity(6 * 1024);
    header(&mut out, rng, i);
    out.push_str("tags: [benchmark, generated]\npersonas:\n");
    for p in 0..2 {
        let _ = writeln!(
            out,
            "  - id: persona-{p}\n    name: Persona {p}\n    description: Someone who {} the {} every week.\n    goals: [Finish in under ten minutes, Know what happens next]\n    frustrations: [Waiting without news]",
            rng.pick(VERBS).to_lowercase(),
            rng.pick(NOUNS)
        );
    }
    out.push_str(
        "research:\n  - id: survey\n    kind: survey\n    date: \"2026-05-01\"\n    summary: 800 responses\n  - id: interviews\n    kind: interview\n    date: \"2026-06-12\"\n    summary: 12 customer interviews\n",
    );
    out.push_str("stages:\n");
    let start = rng.below(STAGES.len() - 5);
    for (s, name) in STAGES[start..start + 5].iter().enumerate() {
        let id = name.to_lowercase().replace(' ', "-");
        let emotion = if defect == Defect::Schema && s == 2 {
            7
        } else {
            rng.below(5) as i64 - 2
        };
        let _ = writeln!(
            out,
            "  - id: {id}\n    name: {name}\n    emotion: {emotion}\n    actions: [{} the {}]\n    thoughts: [\"Why does the {} take so long?\"]",
            rng.pick(VERBS),
            rng.pick(NOUNS),
            rng.pick(NOUNS),
        );
        if !(defect == Defect::Lint && s == 3) {
            out.push_str("    touchpoints:\n");
            for t in 0..3 {
                let _ = writeln!(
                    out,
                    "      - id: {id}-{t}\n        name: {}\n        channel: {}\n        owner: {}",
                    capital(rng.pick(NOUNS)),
                    rng.pick(CHANNELS),
                    rng.pick(OWNERS)
                );
            }
        }
        let target = if defect == Defect::Reference && s == 1 {
            "missing-touchpoint".to_string()
        } else if defect == Defect::Lint && s == 3 {
            format!("{id}-pain")
        } else {
            format!("{id}-0")
        };
        let _ = writeln!(
            out,
            "    pain_points:\n      - id: {id}-pain\n        name: Slow {}\n        severity: {}\n        evidence: [survey, interviews]",
            rng.pick(NOUNS),
            rng.pick(LEVELS)
        );
        if target != format!("{id}-pain") {
            let _ = writeln!(out, "        touchpoint: {target}");
        }
        let _ = writeln!(
            out,
            "    opportunities:\n      - id: {id}-fix\n        name: Faster {}\n        addresses: [{id}-pain]\n        impact: {}\n        effort: {}\n        owner: {}\n    metrics:\n      - name: {name} satisfaction\n        kind: csat\n        value: {}.{}\n        target: 4.5\n        unit: points of 5",
            rng.pick(NOUNS),
            rng.pick(LEVELS),
            rng.pick(LEVELS),
            rng.pick(OWNERS),
            2 + rng.below(3),
            rng.below(10)
        );
    }
    out
}
