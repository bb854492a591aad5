//! Shared library files (`type: library`): personas, research and teams that many maps
//! use by id, so thirty maps do not keep thirty drifting copies of one persona.

use super::build::{ident, name, objects_mut, personas, research, str_of, take, title_and_id};
use super::{Ident, Map, Persona, Research, Spanned};
use crate::read::Node;

/// A team that owns parts of journeys; an `owner:` equal to its id names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Team {
    pub ident: Ident,
    pub name: String,
    pub contact: Option<String>,
    pub description: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Library {
    pub id: Ident,
    pub title: Spanned<String>,
    pub personas: Vec<Persona>,
    pub research: Vec<Research>,
    pub teams: Vec<Team>,
}

/// Whether a tree is a library file rather than a map.
pub fn is_library(root: &Node) -> bool {
    str_of(root, "type") == Some("library")
}

/// The library in `root`, taking what has the right shape; `stem` is the default id.
pub fn build(root: &Node, stem: &str) -> Library {
    // Libraries are few: building from a copy keeps the caller's tree whole.
    let root = &mut root.clone();
    let (title, id) = title_and_id(root, stem);
    Library {
        id,
        title,
        // A library's personas are written out; bare ids mean nothing here.
        personas: personas(root).into_iter().filter(|p| !p.linked).collect(),
        research: research(root),
        teams: objects_mut(root, "teams")
            .enumerate()
            .map(|(i, n)| {
                let name = name(n);
                Team {
                    ident: ident(n, "team", i, Some(&name)),
                    name: name.value,
                    contact: take(n, "contact"),
                    description: take(n, "description"),
                }
            })
            .collect(),
    }
}

impl Library {
    pub fn persona(&self, id: &str) -> Option<&Persona> {
        self.personas.iter().find(|p| p.ident.id == id)
    }

    pub fn research(&self, id: &str) -> Option<&Research> {
        self.research.iter().find(|r| r.ident.id == id)
    }

    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.ident.id == id)
    }
}

/// Fills in what `map` takes from `libraries` (nearest first): the personas it names by
/// id, and team names for owners that are team ids. Research stays in its library; the
/// pictures show a map's own. What no library has is left as it is (the checks report
/// it).
pub fn link(map: &mut Map, libraries: &[&Library]) {
    if libraries.is_empty() {
        return;
    }
    for persona in map.personas.iter_mut().filter(|p| p.linked) {
        if let Some(found) = libraries.iter().find_map(|l| l.persona(&persona.ident.id)) {
            *persona = Persona {
                ident: persona.ident.clone(),
                linked: true,
                ..found.clone()
            };
        }
    }
    let team_name = |owner: &mut Spanned<String>| {
        if let Some(team) = libraries.iter().find_map(|l| l.team(&owner.value)) {
            owner.value = team.name.clone();
        }
    };
    if let Some(owner) = map.owner.as_mut() {
        team_name(owner);
    }
    for stage in &mut map.stages {
        for t in &mut stage.touchpoints {
            if let Some(owner) = t.owner.as_mut() {
                team_name(owner);
            }
        }
        for o in &mut stage.opportunities {
            if let Some(owner) = o.owner.as_mut() {
                team_name(owner);
            }
        }
    }
}
