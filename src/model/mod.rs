//! The typed journey map that checks, renderers and diff work on.
//!
//! Built leniently from a tree that may have failed the schema: whatever has the wrong
//! shape is left out, so reference checks still run on the rest. Ids are always filled
//! in (explicit, or derived from the name); spans point where a user would fix things.

mod build;
pub mod library;
pub mod lifecycle;
pub mod metric;
mod slug;

pub use build::{build, build_taking};
pub use library::{Library, Team};
pub use slug::slug;

use crate::date::Date;
use crate::diag::Span;

/// A team's own `x-` keys on an item, in file order: key and value as YAML text. Kept
/// for documents; checks and lint never look inside.
pub type Extensions = Vec<(String, String)>;

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// How an item is known to the rest of the map.
#[derive(Clone, Debug, PartialEq)]
pub struct Ident {
    pub id: String,
    /// The explicit `id:` value, or the name it was derived from.
    pub span: Span,
    /// False when the id was derived from the name.
    pub explicit: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MapType {
    CurrentState,
    FutureState,
    DayInTheLife,
    ServiceBlueprint,
    Experience,
}

impl MapType {
    pub fn parse(s: &str) -> Option<MapType> {
        Some(match s {
            "current-state" => MapType::CurrentState,
            "future-state" => MapType::FutureState,
            "day-in-the-life" => MapType::DayInTheLife,
            "service-blueprint" => MapType::ServiceBlueprint,
            "experience" => MapType::Experience,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            MapType::CurrentState => "Current state",
            MapType::FutureState => "Future state",
            MapType::DayInTheLife => "Day in the life",
            MapType::ServiceBlueprint => "Service blueprint",
            MapType::Experience => "Experience map",
        }
    }
}

/// low < medium < high < critical; impact and effort use the first three.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Low,
    Medium,
    High,
    Critical,
}

impl Level {
    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "low" => Level::Low,
            "medium" => Level::Medium,
            "high" => Level::High,
            "critical" => Level::Critical,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
            Level::Critical => "critical",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Map {
    pub id: Ident,
    pub title: Spanned<String>,
    pub kind: Option<MapType>,
    /// Where `type:` is written (the title when it is missing).
    pub kind_span: Span,
    pub description: Option<String>,
    /// The map's language (BCP 47), for the labels cjm draws around its text.
    pub lang: Option<String>,
    pub owner: Option<Spanned<String>>,
    pub reviewed: Option<Spanned<Date>>,
    pub tags: Vec<String>,
    pub baseline: Option<Spanned<String>>,
    /// The broader journey this map zooms into, by map id.
    pub parent: Option<Spanned<String>>,
    pub personas: Vec<Persona>,
    pub research: Vec<Research>,
    /// The range emotions are read on: `(min, max)`, `(-2, 2)` unless `emotion_scale:`
    /// says otherwise.
    pub emotion_scale: (i64, i64),
    pub emotion_scale_span: Option<crate::diag::Span>,
    /// Groups of consecutive stages, drawn as bands above the stage headers.
    pub phases: Vec<Phase>,
    /// The team's own lanes, which stages fill by id.
    pub lanes: Vec<LaneDef>,
    pub stages: Vec<Stage>,
    pub extensions: Extensions,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Empathy {
    pub says: Vec<String>,
    pub thinks: Vec<String>,
    pub does: Vec<String>,
    pub feels: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Persona {
    pub ident: Ident,
    /// Written as a bare id (`personas: [busy-parent]`): the persona lives in a shared
    /// library, and [`library::link`] fills in the rest.
    pub linked: bool,
    pub name: String,
    pub description: Option<String>,
    pub goals: Vec<String>,
    pub frustrations: Vec<String>,
    pub empathy: Option<Empathy>,
    pub extensions: Extensions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Research {
    pub ident: Ident,
    pub kind: Option<String>,
    pub date: Option<Date>,
    pub summary: Option<String>,
    pub url: Option<String>,
    pub extensions: Extensions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stage {
    pub ident: Ident,
    pub name: Spanned<String>,
    pub description: Option<String>,
    /// The map that details this stage (a child journey), by map id.
    pub journey: Option<Spanned<String>>,
    /// The stage's emotion: as written, or the rounded mean of the personas' when it is
    /// given per persona, so everything that reads one emotion still can.
    pub emotion: Option<Spanned<i64>>,
    /// `emotion: {maya: -1, tom: 1}`: each persona's emotion, by persona id.
    pub emotions: Vec<(Spanned<String>, Spanned<i64>)>,
    pub actions: Vec<String>,
    pub thoughts: Vec<String>,
    pub touchpoints: Vec<Touchpoint>,
    pub pain_points: Vec<PainPoint>,
    pub opportunities: Vec<Opportunity>,
    pub metrics: Vec<Metric>,
    /// What the stage puts in the map's own lanes, in file order: lane id → value.
    pub lanes: Vec<(Spanned<String>, LaneValue)>,
    /// Service blueprint: what the customer sees and touches.
    pub physical_evidence: Vec<String>,
    pub frontstage: Vec<String>,
    pub backstage: Vec<String>,
    pub support: Vec<String>,
    pub extensions: Extensions,
}

/// The lanes every map has, by key, in a journey map's order (`emotion` is the curve).
pub const BUILT_IN_LANES: &[&str] = &[
    "physical_evidence",
    "actions",
    "thoughts",
    "touchpoints",
    "emotion",
    "pain_points",
    "opportunities",
    "metrics",
    "frontstage",
    "backstage",
    "support",
];

/// A group of consecutive stages ("Before the purchase").
#[derive(Clone, Debug, PartialEq)]
pub struct Phase {
    pub ident: Ident,
    pub name: Spanned<String>,
    pub description: Option<String>,
    /// Stage ids, in order.
    pub stages: Vec<Spanned<String>>,
}

/// What a custom lane holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneKind {
    Text,
    List,
    /// A number from 0 to 5.
    Rating,
    /// A customer's words.
    Quote,
}

impl LaneKind {
    pub fn parse(s: &str) -> Option<LaneKind> {
        Some(match s {
            "text" => LaneKind::Text,
            "list" => LaneKind::List,
            "rating" => LaneKind::Rating,
            "quote" => LaneKind::Quote,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            LaneKind::Text => "text",
            LaneKind::List => "list",
            LaneKind::Rating => "rating",
            LaneKind::Quote => "quote",
        }
    }
}

/// A lane of the team's own, declared on the map.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneDef {
    pub ident: Ident,
    pub name: String,
    pub kind: LaneKind,
    /// The lane it is drawn after: a built-in lane key or an earlier custom lane.
    pub after: Option<Spanned<String>>,
    pub description: Option<String>,
}

/// A stage's entry in a custom lane, as written.
#[derive(Clone, Debug, PartialEq)]
pub enum LaneValue {
    Text(String),
    List(Vec<String>),
    Number(f64),
}

impl LaneValue {
    /// The entries, one per line, as documents and diffs show them.
    pub fn entries(&self) -> Vec<String> {
        match self {
            LaneValue::Text(t) => vec![t.clone()],
            LaneValue::List(items) => items.clone(),
            LaneValue::Number(n) => {
                let s = format!("{n:.2}");
                vec![s.trim_end_matches('0').trim_end_matches('.').to_string()]
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Touchpoint {
    pub ident: Ident,
    pub name: Spanned<String>,
    pub channel: Option<String>,
    pub owner: Option<Spanned<String>>,
    pub url: Option<String>,
    /// As for a stage: as written, or the rounded mean of the personas'.
    pub emotion: Option<i64>,
    /// Where the emotion is written, for findings about it.
    pub emotion_span: Option<crate::diag::Span>,
    /// Each persona's emotion here, by persona id.
    pub emotions: Vec<(Spanned<String>, Spanned<i64>)>,
    pub description: Option<String>,
    /// Ids of the personas who meet it: a Mermaid task's own actors.
    pub personas: Vec<Spanned<String>>,
    pub extensions: Extensions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PainPoint {
    pub ident: Ident,
    pub name: Spanned<String>,
    pub severity: Option<Level>,
    /// The `severity:` word as written: one of a team's `[vocabulary] severities` when
    /// [`PainPoint::severity`] is `None`.
    pub severity_word: Option<String>,
    pub touchpoint: Option<Spanned<String>>,
    pub evidence: Vec<Spanned<String>>,
    pub resolved: bool,
    pub description: Option<String>,
    pub extensions: Extensions,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Opportunity {
    pub ident: Ident,
    pub name: Spanned<String>,
    pub addresses: Vec<Spanned<String>>,
    pub impact: Option<Level>,
    pub effort: Option<Level>,
    pub owner: Option<Spanned<String>>,
    pub description: Option<String>,
    pub extensions: Extensions,
    /// Where it is in its life, and where `status:` is written.
    pub status: Option<Spanned<lifecycle::Lifecycle>>,
    pub links: Vec<lifecycle::Link>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Metric {
    pub name: Spanned<String>,
    pub kind: Option<String>,
    pub value: Option<f64>,
    pub target: Option<f64>,
    pub unit: Option<String>,
    /// Which way is better; see [`metric`].
    pub better: metric::Better,
    pub extensions: Extensions,
    /// Earlier measurements, oldest first (by date; file order among equal dates).
    pub history: Vec<metric::Point>,
}

impl Map {
    pub fn touchpoints(&self) -> impl Iterator<Item = (&Stage, &Touchpoint)> {
        self.stages
            .iter()
            .flat_map(|s| s.touchpoints.iter().map(move |t| (s, t)))
    }

    pub fn pain_points(&self) -> impl Iterator<Item = (&Stage, &PainPoint)> {
        self.stages
            .iter()
            .flat_map(|s| s.pain_points.iter().map(move |p| (s, p)))
    }

    pub fn opportunities(&self) -> impl Iterator<Item = (&Stage, &Opportunity)> {
        self.stages
            .iter()
            .flat_map(|s| s.opportunities.iter().map(move |o| (s, o)))
    }

    /// An emotion on the map's scale as -2..=2, the scale pictures and faces are drawn on.
    pub fn normalised(&self, e: i64) -> f64 {
        let (min, max) = self.emotion_scale;
        if max <= min {
            return e as f64;
        }
        let mid = (min + max) as f64 / 2.0;
        ((e as f64 - mid) / ((max - min) as f64 / 2.0) * 2.0).clamp(-2.0, 2.0)
    }

    /// Whether any emotion on the map is given per persona.
    pub fn has_persona_emotions(&self) -> bool {
        self.stages
            .iter()
            .any(|s| !s.emotions.is_empty() || s.touchpoints.iter().any(|t| !t.emotions.is_empty()))
    }

    pub fn is_blueprint(&self) -> bool {
        self.kind == Some(MapType::ServiceBlueprint)
    }
}
