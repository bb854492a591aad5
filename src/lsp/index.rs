//! Every id a file defines or cites, with its kind and place: what navigation, rename,
//! hover and completion look things up in.

use crate::diag::{Pos, Span};
use crate::model::{Ident, Library, Map, Spanned};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Map,
    Stage,
    Persona,
    Research,
    Touchpoint,
    PainPoint,
    Opportunity,
    Team,
    Phase,
    Lane,
}

impl Kind {
    pub fn noun(self) -> &'static str {
        match self {
            Kind::Map => "map",
            Kind::Stage => "stage",
            Kind::Persona => "persona",
            Kind::Research => "research",
            Kind::Touchpoint => "touchpoint",
            Kind::PainPoint => "pain point",
            Kind::Opportunity => "opportunity",
            Kind::Team => "team",
            Kind::Phase => "phase",
            Kind::Lane => "lane",
        }
    }

    /// Whether ids of this kind are known only inside their own map.
    pub fn local(self) -> bool {
        matches!(
            self,
            Kind::Stage
                | Kind::Touchpoint
                | Kind::PainPoint
                | Kind::Opportunity
                | Kind::Phase
                | Kind::Lane
        )
    }
}

/// One place an id is written.
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence {
    pub kind: Kind,
    pub id: String,
    pub span: Span,
    pub definition: bool,
    /// False for an id derived from a name (or a map id from its file name): the text
    /// at `span` is not the id itself.
    pub explicit: bool,
}

fn def(kind: Kind, ident: &Ident) -> Occurrence {
    Occurrence {
        kind,
        id: ident.id.clone(),
        span: ident.span,
        definition: true,
        explicit: ident.explicit,
    }
}

fn cite(kind: Kind, s: &Spanned<String>) -> Occurrence {
    Occurrence {
        kind,
        id: s.value.clone(),
        span: s.span,
        definition: false,
        explicit: true,
    }
}

/// Whether a `baseline:` value is a path rather than a map id.
fn is_path(value: &str) -> bool {
    value.contains(['/', '\\']) || value.ends_with(".yaml") || value.ends_with(".yml")
}

pub fn of_map(map: &Map) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let first = Span::point(Pos { line: 1, col: 1 });
    out.push(Occurrence {
        span: if map.id.explicit { map.id.span } else { first },
        ..def(Kind::Map, &map.id)
    });
    for p in &map.personas {
        if p.linked {
            out.push(Occurrence {
                definition: false,
                ..def(Kind::Persona, &p.ident)
            });
        } else {
            out.push(def(Kind::Persona, &p.ident));
        }
    }
    out.extend(map.research.iter().map(|r| def(Kind::Research, &r.ident)));
    let cites_map = map
        .baseline
        .iter()
        .filter(|b| !is_path(&b.value))
        .chain(map.parent.iter())
        .chain(map.stages.iter().filter_map(|s| s.journey.as_ref()));
    out.extend(cites_map.map(|s| cite(Kind::Map, s)));
    out.extend(map.owner.iter().map(|o| cite(Kind::Team, o)));
    for phase in &map.phases {
        out.push(def(Kind::Phase, &phase.ident));
        out.extend(phase.stages.iter().map(|s| cite(Kind::Stage, s)));
    }
    for lane in &map.lanes {
        out.push(def(Kind::Lane, &lane.ident));
        // `after:` names a built-in lane or an earlier one of the map's own.
        let custom = lane
            .after
            .iter()
            .filter(|a| !crate::model::BUILT_IN_LANES.contains(&a.value.as_str()));
        out.extend(custom.map(|a| cite(Kind::Lane, a)));
    }
    for stage in &map.stages {
        out.push(def(Kind::Stage, &stage.ident));
        out.extend(stage.lanes.iter().map(|(lane, _)| cite(Kind::Lane, lane)));
        out.extend(stage.emotions.iter().map(|(p, _)| cite(Kind::Persona, p)));
        for t in &stage.touchpoints {
            out.push(def(Kind::Touchpoint, &t.ident));
            out.extend(t.personas.iter().map(|p| cite(Kind::Persona, p)));
            out.extend(t.emotions.iter().map(|(p, _)| cite(Kind::Persona, p)));
            out.extend(t.owner.iter().map(|o| cite(Kind::Team, o)));
        }
        for p in &stage.pain_points {
            out.push(def(Kind::PainPoint, &p.ident));
            out.extend(p.touchpoint.iter().map(|t| cite(Kind::Touchpoint, t)));
            out.extend(p.evidence.iter().map(|e| cite(Kind::Research, e)));
        }
        for o in &stage.opportunities {
            out.push(def(Kind::Opportunity, &o.ident));
            out.extend(o.addresses.iter().map(|a| cite(Kind::PainPoint, a)));
            out.extend(o.owner.iter().map(|o| cite(Kind::Team, o)));
        }
    }
    out
}

pub fn of_library(lib: &Library) -> Vec<Occurrence> {
    lib.personas
        .iter()
        .map(|p| def(Kind::Persona, &p.ident))
        .chain(lib.research.iter().map(|r| def(Kind::Research, &r.ident)))
        .chain(lib.teams.iter().map(|t| def(Kind::Team, &t.ident)))
        .collect()
}

/// Whether `pos` lies on `span` (its end included, where the cursor sits after a word).
pub fn contains(span: Span, pos: Pos) -> bool {
    span.start.line == pos.line
        && span.end.line == pos.line
        && span.start.col <= pos.col
        && pos.col <= span.end.col
}
