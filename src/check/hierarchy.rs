//! The journey hierarchy: a map names the broader journey it zooms into (`parent:`), and
//! a stage names the map that details it (`journey:`). Both are map ids, resolved like
//! `baseline:` (a map in the run, or `<id>.yaml` beside the map) once every file is
//! read; a parent chain that loops is an error, and a child whose personas differ from
//! its parent's is reported by `child-with-other-personas`.

use std::collections::{HashMap, HashSet};

use super::FileReport;
use crate::diag::{Diagnostic, Span};
use crate::model::{Map, Spanned};
use crate::read::Source;
use crate::suggest::did_you_mean;

/// A map id named somewhere in a map, with its source line.
#[derive(Clone, Debug, PartialEq)]
pub struct Named {
    pub id: String,
    pub span: Span,
    pub line: String,
}

/// What a map says about its place in the hierarchy.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links {
    pub parent: Option<Named>,
    /// `journey:` of each stage.
    pub children: Vec<Named>,
    pub personas: Vec<String>,
}

pub fn links(map: &Map, source: &Source) -> Links {
    let named = |s: &Spanned<String>| Named {
        id: s.value.clone(),
        span: s.span,
        line: source.line(s.span.start.line).to_string(),
    };
    Links {
        parent: map.parent.as_ref().map(named),
        children: map
            .stages
            .iter()
            .filter_map(|s| s.journey.as_ref())
            .map(named)
            .collect(),
        personas: map.personas.iter().map(|p| p.ident.id.clone()).collect(),
    }
}

/// Resolves every `parent:` and `journey:` across the run and looks for loops.
pub fn check(reports: &mut [FileReport], config: &crate::config::Config) {
    let by_id: HashMap<String, usize> = reports
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map_id.as_ref().map(|m| (m.id.clone(), i)))
        .collect();
    let ids: Vec<String> = by_id.keys().cloned().collect();
    let parents: Vec<Option<String>> = reports
        .iter()
        .map(|r| r.links.parent.as_ref().map(|p| p.id.clone()))
        .collect();
    let personas: Vec<Vec<String>> = reports.iter().map(|r| r.links.personas.clone()).collect();
    for (i, report) in reports.iter_mut().enumerate() {
        let dir = report.input.dir();
        let own = report.map_id.as_ref().map(|m| m.id.clone());
        let mut found = Vec::new();
        let named = report
            .links
            .parent
            .iter()
            .map(|p| (p, "parent"))
            .chain(report.links.children.iter().map(|c| (c, "journey")));
        for (n, key) in named {
            let known = by_id.contains_key(&n.id)
                || super::baseline::file_names(&n.id)
                    .iter()
                    .any(|f| dir.join(f).is_file());
            let d = if own.as_deref() == Some(n.id.as_str()) {
                Diagnostic::error(
                    "unknown-map",
                    n.span,
                    format!("the map names itself, `{}`, as its {key}", n.id),
                )
                .with_help(
                    "name another map: the broader journey, or the one that details this stage",
                )
            } else if !known {
                let help = match did_you_mean(&n.id, ids.iter().map(String::as_str)) {
                    Some(best) => format!("did you mean `{best}`?"),
                    None => format!(
                        "no map with the id `{}` was checked, and there is no `{}.yaml` beside this map; check them together",
                        n.id, n.id
                    ),
                };
                Diagnostic::error(
                    "unknown-map",
                    n.span,
                    format!("`{key}:` names no map: `{}`", n.id),
                )
                .with_help(help)
            } else {
                continue;
            };
            let mut d = d;
            d.set_line(&n.line);
            found.push(d);
        }
        // A loop: following parents from this map comes back to it.
        if let Some(parent) = &report.links.parent {
            let mut seen = HashSet::from([i]);
            let mut at = by_id.get(&parent.id).copied();
            while let Some(j) = at {
                if !seen.insert(j) {
                    if j == i {
                        let mut d = Diagnostic::error(
                            "parent-cycle",
                            parent.span,
                            format!(
                                "following `parent:` from here leads back to this map (`{}`)",
                                parent.id
                            ),
                        )
                        .with_help(
                            "a journey cannot zoom into itself: remove one `parent:` of the loop",
                        );
                        d.set_line(&parent.line);
                        found.push(d);
                    }
                    break;
                }
                at = parents[j].as_ref().and_then(|p| by_id.get(p).copied());
            }
            // Personas that the parent journey does not have.
            if let Some(&j) = by_id.get(&parent.id) {
                let rule = &crate::rules::child_with_other_personas::RULE;
                let settings = config.settings_for(&report.input);
                let theirs: HashSet<&String> = personas[j].iter().collect();
                let mine: HashSet<&String> = personas[i].iter().collect();
                if let Some(severity) = settings.level_of(rule.name, rule.default_level).severity()
                    && j != i
                    && !personas[j].is_empty()
                    && mine != theirs
                {
                    let mut d = Diagnostic::new(
                        rule.name,
                        severity,
                        parent.span,
                        format!(
                            "this map's personas ({}) differ from its parent `{}`'s ({})",
                            list(&personas[i]),
                            parent.id,
                            list(&personas[j])
                        ),
                    )
                    .with_help("a zoomed-in journey is usually the same people's: use the parent's personas, or say why not");
                    d.set_line(&parent.line);
                    found.push(d);
                }
            }
        }
        if !found.is_empty() {
            report.diagnostics.extend(found);
            report.diagnostics.sort_by_key(|d| (d.span.start, d.code));
        }
    }
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        "none".to_string()
    } else {
        ids.join(", ")
    }
}
