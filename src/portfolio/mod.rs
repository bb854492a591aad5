//! A folder of maps seen as one portfolio: the facts `cjm report` prints and `cjm site`
//! lays out, computed once, in one pass over the checked maps.
//!
//! Facts are plain data that point back at maps by their index in the checked list, so
//! a printer or a page never walks a map again to decide something. A map with errors
//! (beyond lint) is listed with its findings but contributes no items: its model may be
//! partial. New map fields become new fields here, filled in [`Portfolio::build`].

pub mod human;
pub mod json;
pub mod load;
pub mod markdown;

use std::collections::{BTreeMap, HashMap};

use crate::date::Date;
use crate::diag::Tally;
use crate::model::{Level, MapType};
pub use load::Entry;

/// Whether a map's `reviewed` date is recent enough.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Review {
    Current,
    /// Reviewed longer ago than its `stale-after-days`.
    Stale,
    /// No `reviewed` date.
    Unreviewed,
}

impl Review {
    pub fn as_str(self) -> &'static str {
        match self {
            Review::Current => "current",
            Review::Stale => "stale",
            Review::Unreviewed => "unreviewed",
        }
    }
}

/// One map as the portfolio lists it.
#[derive(Clone, Debug)]
pub struct MapFacts {
    pub path: String,
    pub id: String,
    pub title: String,
    pub kind: Option<MapType>,
    pub owner: Option<String>,
    pub tags: Vec<String>,
    /// `(id, name)` of each persona.
    pub personas: Vec<(String, String)>,
    pub reviewed: Option<Date>,
    /// Days since `reviewed`, against the run's today.
    pub age_days: Option<i64>,
    pub review: Review,
    pub tally: Tally,
    /// False when the map has errors beyond lint: it is listed, not counted.
    pub readable: bool,
    /// The map its `baseline:` names, when it is in the portfolio.
    pub baseline: Option<usize>,
    /// The future-state maps whose baseline this map is.
    pub futures: Vec<usize>,
    /// The broader journey this map zooms into (`parent:`), when it is in the portfolio.
    pub parent: Option<usize>,
    /// The maps that zoom into its stages (`journey:`), in stage order.
    pub children: Vec<usize>,
    pub open_pain_points: usize,
    pub opportunities: usize,
}

/// An open (unresolved) pain point.
#[derive(Clone, Debug)]
pub struct PainFact {
    pub map: usize,
    pub stage: String,
    pub id: String,
    pub name: String,
    pub severity: Option<Level>,
    /// The channel of the touchpoint it happens at.
    pub channel: Option<String>,
    /// The owner of its touchpoint, else the map's owner.
    pub owner: Option<String>,
}

/// What became of an opportunity: its `status:` where the map says it (`shipped` is
/// done, `dropped` is dropped, the rest are open), else derived from what it addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Something it addresses is still open, or it addresses nothing named.
    Open,
    /// Shipped, or every pain point it addresses is resolved.
    Done,
    /// The team decided against it.
    Dropped,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    fn of(o: &crate::model::Opportunity, resolved: &HashMap<&str, bool>) -> Status {
        use crate::model::lifecycle::Lifecycle;
        match o.status.as_ref().map(|s| s.value) {
            Some(Lifecycle::Shipped) => Status::Done,
            Some(Lifecycle::Dropped) => Status::Dropped,
            Some(_) => Status::Open,
            None if !o.addresses.is_empty()
                && o.addresses
                    .iter()
                    .all(|a| resolved.get(a.value.as_str()).copied().unwrap_or(false)) =>
            {
                Status::Done
            }
            None => Status::Open,
        }
    }
}

#[derive(Clone, Debug)]
pub struct OpportunityFact {
    pub map: usize,
    pub stage: String,
    pub id: String,
    pub name: String,
    pub impact: Option<Level>,
    pub effort: Option<Level>,
    pub owner: Option<String>,
    pub status: Status,
    /// Ids of the pain points it addresses.
    pub addresses: Vec<String>,
}

/// A touchpoint an owner is named on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TouchpointRef {
    pub map: usize,
    pub stage: String,
    pub id: String,
    pub name: String,
    pub channel: Option<String>,
}

/// What one owner (a team or a person) is named on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OwnerLoad {
    pub owner: String,
    pub maps: Vec<usize>,
    pub touchpoints: Vec<TouchpointRef>,
    pub pain_points: usize,
    pub opportunities: usize,
}

impl OwnerLoad {
    /// Everything it is named on, for ordering by load.
    pub fn total(&self) -> usize {
        self.maps.len() + self.touchpoints.len() + self.pain_points + self.opportunities
    }
}

/// A persona and every map it appears in (matched by persona id).
#[derive(Clone, Debug)]
pub struct PersonaFacts {
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    pub goals: Vec<String>,
    pub frustrations: Vec<String>,
    pub appearances: Vec<Appearance>,
}

/// A persona in one map: the emotion of each stage.
#[derive(Clone, Debug)]
pub struct Appearance {
    pub map: usize,
    /// `(stage name, emotion)` in stage order: the persona's own where the map gives
    /// emotions per persona, else the stage's.
    pub emotions: Vec<(String, Option<i64>)>,
    /// The map's `emotion_scale`, which those numbers are on.
    pub scale: (i64, i64),
}

/// Everything the report and the site say about a set of maps.
#[derive(Clone, Debug)]
pub struct Portfolio {
    pub today: Date,
    pub maps: Vec<MapFacts>,
    /// Open pain points, most severe first, then in map and stage order.
    pub pain_points: Vec<PainFact>,
    /// Opportunities by priority: impact high to low, then effort low to high.
    pub opportunities: Vec<OpportunityFact>,
    /// Owners by name.
    pub owners: Vec<OwnerLoad>,
    /// Personas by id.
    pub personas: Vec<PersonaFacts>,
    /// `(type, readable maps)` in the schema's order, then `untyped`, then `unreadable`
    /// (maps with errors); zero counts left out.
    pub by_type: Vec<(&'static str, usize)>,
    /// `(rule, findings)` of lint findings, most frequent first.
    pub lint: Vec<(&'static str, usize)>,
    pub tally: Tally,
}

/// The name a map type has in files and in JSON.
pub fn type_name(kind: Option<MapType>) -> &'static str {
    match kind {
        Some(MapType::CurrentState) => "current-state",
        Some(MapType::FutureState) => "future-state",
        Some(MapType::DayInTheLife) => "day-in-the-life",
        Some(MapType::ServiceBlueprint) => "service-blueprint",
        Some(MapType::Experience) => "experience",
        None => "untyped",
    }
}

const TYPE_ORDER: [Option<MapType>; 6] = [
    Some(MapType::CurrentState),
    Some(MapType::FutureState),
    Some(MapType::DayInTheLife),
    Some(MapType::ServiceBlueprint),
    Some(MapType::Experience),
    None,
];

/// Sort key putting `high` before `low` and unset last.
fn rank_desc(l: Option<Level>) -> i32 {
    l.map_or(9, |l| 3 - l as i32)
}

/// Sort key putting `low` before `high` and unset last.
fn rank_asc(l: Option<Level>) -> i32 {
    l.map_or(9, |l| l as i32)
}

impl Portfolio {
    /// "12 maps · 30 open pain points · 18 opportunities · 0 errors, 4 warnings, 9 infos":
    /// the first line of every report.
    pub fn headline(&self) -> String {
        use crate::report::count;
        format!(
            "{} · {} · {} · {}, {}, {}",
            count(self.maps.len(), "map", "maps"),
            count(
                self.pain_points.len(),
                "open pain point",
                "open pain points"
            ),
            count(self.opportunities.len(), "opportunity", "opportunities"),
            count(self.tally.errors, "error", "errors"),
            count(self.tally.warnings, "warning", "warnings"),
            count(self.tally.infos, "info", "infos"),
        )
    }

    /// The facts of `entries`, measured against `today`. Linear in the number of maps
    /// and their items, plus sorting.
    pub fn build(entries: &[Entry], today: Date) -> Portfolio {
        let mut maps = Vec::with_capacity(entries.len());
        let mut pain_points = Vec::new();
        let mut opportunities = Vec::new();
        let mut owners: BTreeMap<String, OwnerLoad> = BTreeMap::new();
        let mut personas: BTreeMap<String, PersonaFacts> = BTreeMap::new();
        let mut tally = Tally::default();
        let mut lint: HashMap<&'static str, usize> = HashMap::new();
        let mut by_id: HashMap<&str, usize> = HashMap::new();

        for (index, entry) in entries.iter().enumerate() {
            let report = &entry.report;
            let mut map_tally = Tally::default();
            for d in &report.diagnostics {
                map_tally.add(d.severity);
                tally.add(d.severity);
                if let Some(rule) = crate::rules::find(d.code) {
                    *lint.entry(rule.name).or_default() += 1;
                }
            }
            let readable = entry.map.is_some() && !report.has_errors_beyond_lint();
            let Some(map) = entry.map.as_ref() else {
                maps.push(MapFacts {
                    path: report.path.clone(),
                    id: report
                        .map_id
                        .as_ref()
                        .map_or(report.path.clone(), |m| m.id.clone()),
                    title: report.path.clone(),
                    kind: None,
                    owner: None,
                    tags: Vec::new(),
                    personas: Vec::new(),
                    reviewed: None,
                    age_days: None,
                    review: Review::Unreviewed,
                    tally: map_tally,
                    readable: false,
                    baseline: None,
                    futures: Vec::new(),
                    parent: None,
                    children: Vec::new(),
                    open_pain_points: 0,
                    opportunities: 0,
                });
                continue;
            };
            let reviewed = map.reviewed.as_ref().map(|r| r.value);
            let age_days = reviewed.map(|r| today.days() - r.days());
            let review = match age_days {
                None => Review::Unreviewed,
                Some(age) if age > entry.stale_after_days => Review::Stale,
                Some(_) => Review::Current,
            };
            by_id.entry(map.id.id.as_str()).or_insert(index);
            let mut facts = MapFacts {
                path: report.path.clone(),
                id: map.id.id.clone(),
                title: map.title.value.clone(),
                kind: map.kind,
                owner: map.owner.as_ref().map(|o| o.value.clone()),
                tags: map.tags.clone(),
                personas: map
                    .personas
                    .iter()
                    .map(|p| (p.ident.id.clone(), p.name.clone()))
                    .collect(),
                reviewed,
                age_days,
                review,
                tally: map_tally,
                readable,
                baseline: None,
                futures: Vec::new(),
                parent: None,
                children: Vec::new(),
                open_pain_points: 0,
                opportunities: 0,
            };
            if !readable {
                maps.push(facts);
                continue;
            }
            if let Some(o) = &facts.owner {
                owner_mut(&mut owners, o).maps.push(index);
            }
            let resolved: HashMap<&str, bool> = map
                .pain_points()
                .map(|(_, p)| (p.ident.id.as_str(), p.resolved))
                .collect();
            let touchpoints: HashMap<&str, &crate::model::Touchpoint> = map
                .touchpoints()
                .map(|(_, t)| (t.ident.id.as_str(), t))
                .collect();
            for stage in &map.stages {
                for t in &stage.touchpoints {
                    if let Some(o) = &t.owner {
                        owner_mut(&mut owners, &o.value)
                            .touchpoints
                            .push(TouchpointRef {
                                map: index,
                                stage: stage.name.value.clone(),
                                id: t.ident.id.clone(),
                                name: t.name.value.clone(),
                                channel: t.channel.clone(),
                            });
                    }
                }
                for p in stage.pain_points.iter().filter(|p| !p.resolved) {
                    let touchpoint = p
                        .touchpoint
                        .as_ref()
                        .and_then(|id| touchpoints.get(id.value.as_str()).copied());
                    let owner = touchpoint
                        .and_then(|t| t.owner.as_ref())
                        .or(map.owner.as_ref())
                        .map(|o| o.value.clone());
                    if let Some(o) = &owner {
                        owner_mut(&mut owners, o).pain_points += 1;
                    }
                    facts.open_pain_points += 1;
                    pain_points.push(PainFact {
                        map: index,
                        stage: stage.name.value.clone(),
                        id: p.ident.id.clone(),
                        name: p.name.value.clone(),
                        severity: p.severity,
                        channel: touchpoint.and_then(|t| t.channel.clone()),
                        owner,
                    });
                }
                for o in &stage.opportunities {
                    let addresses: Vec<String> =
                        o.addresses.iter().map(|a| a.value.clone()).collect();
                    let owner = o.owner.as_ref().map(|w| w.value.clone());
                    if let Some(w) = &owner {
                        owner_mut(&mut owners, w).opportunities += 1;
                    }
                    facts.opportunities += 1;
                    opportunities.push(OpportunityFact {
                        map: index,
                        stage: stage.name.value.clone(),
                        id: o.ident.id.clone(),
                        name: o.name.value.clone(),
                        impact: o.impact,
                        effort: o.effort,
                        owner,
                        status: Status::of(o, &resolved),
                        addresses,
                    });
                }
            }
            for p in &map.personas {
                let persona = personas
                    .entry(p.ident.id.clone())
                    .or_insert_with(|| PersonaFacts {
                        id: p.ident.id.clone(),
                        name: p.name.clone(),
                        description: p.description.clone(),
                        goals: p.goals.clone(),
                        frustrations: p.frustrations.clone(),
                        appearances: Vec::new(),
                    });
                let emotions = map
                    .stages
                    .iter()
                    .map(|s| {
                        let own = s.emotions.iter().find(|(id, _)| id.value == p.ident.id);
                        let e = match own {
                            Some((_, e)) => Some(e.value),
                            None => s.emotion.as_ref().map(|e| e.value),
                        };
                        (s.name.value.clone(), e)
                    })
                    .collect();
                persona.appearances.push(Appearance {
                    map: index,
                    emotions,
                    scale: map.emotion_scale,
                });
            }
            maps.push(facts);
        }

        // Baselines: by map id, else by a sibling file or relative path.
        let paths: HashMap<std::path::PathBuf, usize> = entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.report.input {
                crate::inputs::Input::File(p) => Some((normal(p), i)),
                _ => None,
            })
            .collect();
        for (index, entry) in entries.iter().enumerate() {
            let Some(value) = entry.map.as_ref().and_then(|m| m.baseline.as_ref()) else {
                continue;
            };
            let dir = entry.report.input.dir();
            let found = by_id.get(value.value.as_str()).copied().or_else(|| {
                crate::check::baseline::file_names(&value.value)
                    .iter()
                    .find_map(|f| paths.get(&normal(&dir.join(f))).copied())
            });
            if let Some(base) = found.filter(|&b| b != index) {
                maps[index].baseline = Some(base);
                maps[base].futures.push(index);
            }
        }

        // The hierarchy, by map id: `parent:` on a map, `journey:` on its stages.
        for (index, entry) in entries.iter().enumerate() {
            let Some(map) = entry.map.as_ref() else {
                continue;
            };
            if let Some(parent) = map.parent.as_ref() {
                maps[index].parent = by_id.get(parent.value.as_str()).copied();
            }
            for child in map.stages.iter().filter_map(|s| s.journey.as_ref()) {
                if let Some(&c) = by_id.get(child.value.as_str())
                    && c != index
                    && !maps[index].children.contains(&c)
                {
                    maps[index].children.push(c);
                }
            }
        }

        pain_points.sort_by_key(|p| rank_desc(p.severity));
        opportunities.sort_by_key(|o| (rank_desc(o.impact), rank_asc(o.effort)));
        let by_type = TYPE_ORDER
            .iter()
            .map(|&k| {
                (
                    type_name(k),
                    maps.iter().filter(|m| m.kind == k && m.readable).count(),
                )
            })
            .chain(std::iter::once((
                "unreadable",
                maps.iter().filter(|m| !m.readable).count(),
            )))
            .filter(|(_, n)| *n > 0)
            .collect();
        let mut lint: Vec<(&'static str, usize)> = lint.into_iter().collect();
        lint.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        Portfolio {
            today,
            maps,
            pain_points,
            opportunities,
            owners: owners.into_values().collect(),
            personas: personas.into_values().collect(),
            by_type,
            lint,
            tally,
        }
    }

    /// Maps not reviewed for longer than allowed, oldest first.
    pub fn stale(&self) -> Vec<usize> {
        let mut stale: Vec<usize> = (0..self.maps.len())
            .filter(|&i| self.maps[i].readable && self.maps[i].review == Review::Stale)
            .collect();
        stale.sort_by_key(|&i| std::cmp::Reverse(self.maps[i].age_days));
        stale
    }

    /// Maps with no `reviewed` date, in map order.
    pub fn unreviewed(&self) -> Vec<usize> {
        (0..self.maps.len())
            .filter(|&i| self.maps[i].readable && self.maps[i].review == Review::Unreviewed)
            .collect()
    }

    /// Maps with errors beyond lint, in map order.
    pub fn unreadable(&self) -> Vec<usize> {
        (0..self.maps.len())
            .filter(|&i| !self.maps[i].readable)
            .collect()
    }

    /// Owners, most loaded first.
    pub fn owners_by_load(&self) -> Vec<&OwnerLoad> {
        let mut owners: Vec<&OwnerLoad> = self.owners.iter().collect();
        owners.sort_by(|a, b| b.total().cmp(&a.total()).then(a.owner.cmp(&b.owner)));
        owners
    }
}

fn owner_mut<'a>(owners: &'a mut BTreeMap<String, OwnerLoad>, name: &str) -> &'a mut OwnerLoad {
    owners.entry(name.to_string()).or_insert_with(|| OwnerLoad {
        owner: name.to_string(),
        ..OwnerLoad::default()
    })
}

/// A path with `.` and `x/..` folded away, for matching `baseline:` paths to inputs
/// without touching the disk.
fn normal(path: &std::path::Path) -> std::path::PathBuf {
    use std::path::Component;
    let mut out = std::path::PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Entry, Portfolio, Review, Status};
    use crate::check::{Input, check_bytes};
    use crate::config::Config;
    use crate::date::Date;
    use crate::settings::Options;

    fn entry(name: &str, yaml: &str) -> Entry {
        let checked = check_bytes(
            &Input::File(format!("maps/{name}.yaml").into()),
            yaml.as_bytes().to_vec(),
            &Config::default(),
            &Options::default(),
        );
        Entry {
            report: checked.report,
            map: checked.map,
            stale_after_days: 30,
        }
    }

    const CURRENT: &str = "cjm: 1\ntitle: Now\ntype: current-state\nowner: Team A\nreviewed: 2026-01-01\nstages:\n  - name: Buy\n    touchpoints:\n      - name: App\n        channel: mobile-app\n        owner: Team B\n    pain_points:\n      - name: Slow\n        severity: low\n        touchpoint: app\n      - name: Crash\n        severity: critical\n      - name: Fixed\n        status: resolved\n    opportunities:\n      - name: Cache\n        addresses: [slow]\n        impact: medium\n        effort: low\n        owner: Team B\n      - name: Tidy\n        addresses: [fixed]\n        impact: high\n        effort: high\n";
    const FUTURE: &str =
        "cjm: 1\ntitle: Later\ntype: future-state\nbaseline: now\nstages:\n  - name: Buy\n";

    #[test]
    fn facts_of_two_maps() {
        let entries = [entry("now", CURRENT), entry("later", FUTURE)];
        let today = Date::parse("2026-03-01").unwrap();
        let p = Portfolio::build(&entries, today);
        // Open pain points only, most severe first; owner from the touchpoint, else the map.
        let pains: Vec<(&str, Option<&str>)> = p
            .pain_points
            .iter()
            .map(|x| (x.name.as_str(), x.owner.as_deref()))
            .collect();
        assert_eq!(pains, [("Crash", Some("Team A")), ("Slow", Some("Team B"))]);
        assert_eq!(p.pain_points[1].channel.as_deref(), Some("mobile-app"));
        // Priority: impact first; `Tidy` addresses only resolved pain points.
        let opps: Vec<(&str, Status)> = p
            .opportunities
            .iter()
            .map(|o| (o.name.as_str(), o.status))
            .collect();
        assert_eq!(opps, [("Tidy", Status::Done), ("Cache", Status::Open)]);
        assert_eq!(p.maps[0].review, Review::Stale);
        assert_eq!(p.maps[0].age_days, Some(59));
        assert_eq!(p.maps[1].review, Review::Unreviewed);
        assert_eq!(p.maps[1].baseline, Some(0));
        assert_eq!(p.maps[0].futures, [1]);
        let b = p.owners.iter().find(|o| o.owner == "Team B").unwrap();
        assert_eq!(
            (
                b.maps.len(),
                b.touchpoints.len(),
                b.pain_points,
                b.opportunities
            ),
            (0, 1, 1, 1)
        );
        assert_eq!(p.by_type, [("current-state", 1), ("future-state", 1)]);
        assert_eq!(p.stale(), [0]);
        assert_eq!(p.unreviewed(), [1]);
    }

    #[test]
    fn an_opportunitys_own_status_wins_over_what_it_addresses() {
        let map = "cjm: 1\ntitle: T\ntype: current-state\nstages:\n  - name: Buy\n    pain_points:\n      - name: Slow\n      - name: Fixed\n        status: resolved\n    opportunities:\n      - name: Shipped\n        addresses: [slow]\n        status: shipped\n      - name: Dropped\n        addresses: [fixed]\n        status: dropped\n      - name: Planned\n        addresses: [fixed]\n        status: planned\n      - name: Derived\n        addresses: [fixed]\n";
        let p = Portfolio::build(&[entry("t", map)], Date::parse("2026-03-01").unwrap());
        let opps: Vec<(&str, Status)> = p
            .opportunities
            .iter()
            .map(|o| (o.name.as_str(), o.status))
            .collect();
        assert_eq!(
            opps,
            [
                ("Shipped", Status::Done),
                ("Dropped", Status::Dropped),
                ("Planned", Status::Open),
                ("Derived", Status::Done)
            ]
        );
    }

    #[test]
    fn parents_and_children_by_map_id() {
        let parent = "cjm: 1\nid: whole\ntitle: Whole\ntype: current-state\nstages:\n  - name: Buy\n    journey: part\n  - name: Use\n    journey: elsewhere\n";
        let child = "cjm: 1\nid: part\ntitle: Part\ntype: current-state\nparent: whole\nstages:\n  - name: Pick\n";
        let entries = [entry("whole", parent), entry("part", child)];
        for e in &entries {
            assert!(
                !e.report.has_errors_beyond_lint(),
                "{:?}",
                e.report.diagnostics
            );
        }
        let p = Portfolio::build(&entries, Date::parse("2026-03-01").unwrap());
        assert_eq!(
            p.maps[0].children,
            [1],
            "a journey not in the run is left out"
        );
        assert_eq!(p.maps[1].parent, Some(0));
        assert_eq!(p.maps[0].parent, None);
    }
}
