//! Lint rules: the gaps a CX practitioner would flag in review.
//!
//! One rule, one file: its name (kebab-case, naming the problem so it reads well after
//! "allow"), default level, one-line summary, check, and its documentation, written once
//! as the doc comment and printed by `cjm rules NAME`. [`RULES`] is the one registry.

mod blueprint_without_lanes;
pub mod child_with_other_personas;
mod future_state_without_baseline;
mod map_without_owner;
mod map_without_persona;
mod metric_moving_away;
mod metric_without_target;
mod opportunity_without_owner;
mod pain_point_without_evidence;
mod pain_point_without_severity;
mod reviewed_in_future;
mod shipped_but_pain_remains;
mod stage_without_emotion;
mod stage_without_metrics;
mod stage_without_touchpoints;
mod stale_map;
mod stale_metric;
mod touchpoint_without_owner;
mod unaddressed_pain_point;
mod uncited_research;
mod unexplained_low_point;
mod unranked_opportunity;
mod unreviewed_map;
pub mod unused_library_item;

use crate::diag::{Diagnostic, Span};
use crate::model::Map;
pub use crate::settings::Level;
use crate::settings::{Options, Settings};

/// What a rule hands back: where, what, and what to do.
#[derive(Debug)]
pub struct Finding {
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

impl Finding {
    pub fn new(span: Span, message: impl Into<String>) -> Self {
        Finding {
            span,
            message: message.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

/// What a rule's check may look at.
pub struct Context<'a> {
    pub map: &'a Map,
    pub settings: &'a Settings,
    pub options: &'a Options,
}

pub struct Rule {
    pub name: &'static str,
    pub default_level: Level,
    pub summary: &'static str,
    /// The rule's documentation: the same text as its doc comment.
    pub doc: &'static str,
    pub check: fn(&Context) -> Vec<Finding>,
}

impl Rule {
    /// The documentation as Markdown, without the one space `///` leaves on each line.
    pub fn doc(&self) -> String {
        self.doc
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

/// Declares a rule whose doc comment is also its `cjm rules NAME` text.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])+
        pub static $ident:ident = {
            name: $name:literal,
            level: $level:ident,
            summary: $summary:literal,
            check: $check:path $(,)?
        };
    ) => {
        $(#[doc = $doc])+
        pub static $ident: $crate::rules::Rule = $crate::rules::Rule {
            name: $name,
            default_level: $crate::settings::Level::$level,
            summary: $summary,
            doc: concat!($($doc, "\n"),+),
            check: $check,
        };
    };
}
pub(crate) use declare_rule;

/// Every rule, in the order `cjm rules` lists them.
pub static RULES: &[&Rule] = &[
    &stage_without_touchpoints::RULE,
    &unaddressed_pain_point::RULE,
    &stale_map::RULE,
    &reviewed_in_future::RULE,
    &unreviewed_map::RULE,
    &map_without_owner::RULE,
    &map_without_persona::RULE,
    &touchpoint_without_owner::RULE,
    &opportunity_without_owner::RULE,
    &pain_point_without_evidence::RULE,
    &pain_point_without_severity::RULE,
    &uncited_research::RULE,
    &stage_without_metrics::RULE,
    &metric_without_target::RULE,
    &unranked_opportunity::RULE,
    &stage_without_emotion::RULE,
    &unexplained_low_point::RULE,
    &future_state_without_baseline::RULE,
    &blueprint_without_lanes::RULE,
    &unused_library_item::RULE,
    &child_with_other_personas::RULE,
    &shipped_but_pain_remains::RULE,
    &stale_metric::RULE,
    &metric_moving_away::RULE,
];

pub fn find(name: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.name == name)
}

/// Runs every rule not turned off for this map.
pub fn run(map: &Map, settings: &Settings, options: &Options) -> Vec<Diagnostic> {
    let ctx = Context {
        map,
        settings,
        options,
    };
    let mut out = Vec::new();
    for rule in RULES {
        let Some(severity) = settings.level_of(rule.name, rule.default_level).severity() else {
            continue;
        };
        for f in (rule.check)(&ctx) {
            let mut d = Diagnostic::new(rule.name, severity, f.span, f.message);
            d.help = f.help;
            out.push(d);
        }
    }
    out
}

/// How a finding names an item: its name, or its id when the name is missing.
fn label<'a>(name: &'a str, id: &'a str) -> &'a str {
    if name.is_empty() { id } else { name }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_documented() {
        let mut names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
        names.sort_unstable();
        let before = names.len();
        names.dedup();
        assert_eq!(before, names.len(), "duplicate rule names");
        for rule in RULES {
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
            let doc = rule.doc();
            for heading in [
                "## What it flags",
                "## Why it matters",
                "## Example",
                "## Fixed",
            ] {
                assert!(doc.contains(heading), "{} lacks {heading}", rule.name);
            }
            assert!(find(rule.name).is_some());
        }
        assert!(RULES.len() >= 12);
    }
}
