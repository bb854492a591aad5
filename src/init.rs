//! `cjm init`: a starter map that teaches the format by example. Every key a team is
//! likely to need is filled in with a plausible placeholder and a comment, and the map
//! passes `cjm validate` with no finding at all, so the first run is green.

use crate::date::Date;
use crate::model::MapType;
use crate::read::{Limits, Node, parse};

/// A future-state map that starts as a copy of its baseline, so the first `cjm diff`
/// is empty and every edit after it is a planned change. The text is copied line for
/// line (comments and layout stay); only the top-level `type`, `id`, `baseline` and
/// `reviewed` change: the type becomes `future-state`, an explicit id becomes `new_id`
/// (map ids are unique across a run), `baseline:` names the baseline (by its id when it
/// has one, else as `reference`), and `reviewed` is cleared because nobody has
/// reviewed the plan yet.
///
/// Fails with a sentence when the baseline cannot be read as a map.
pub fn future_from(baseline: &str, new_id: &str, reference: &str) -> Result<String, String> {
    let parsed = parse(baseline, &Limits::default());
    let root = match (parsed.root, parsed.diagnostics.first()) {
        (Some(root), None) => root,
        (_, Some(d)) => {
            return Err(format!(
                "it is not valid YAML ({} at line {})",
                d.message, d.span.start.line
            ));
        }
        (None, None) => return Err("it holds no map".to_string()),
    };
    let line_of = |key: &str| root.entries()?.iter().find(|e| e.key == key);
    let Some(kind) = line_of("type") else {
        return Err("it has no `type:`".to_string());
    };
    let baseline_id = root
        .get("id")
        .and_then(Node::as_str)
        .map_or(reference, |id| id);
    let mut lines: Vec<String> = baseline.lines().map(str::to_string).collect();
    // Edits by line number, from the bottom up so earlier numbers stay valid.
    let mut edits: Vec<(usize, Option<String>)> = Vec::new();
    let set = |entry: &crate::read::Entry, value: &str| {
        let line = entry.key_span.start.line as usize;
        let indent = entry.key_span.start.col as usize - 1;
        (
            line,
            Some(format!("{}{}: {value}", " ".repeat(indent), entry.key)),
        )
    };
    edits.push(set(kind, "future-state"));
    if let Some(title) =
        line_of("title").filter(|t| t.value.span.start.line == t.key_span.start.line)
    {
        // The plan's title says what it is; titles are not compared by `cjm diff`.
        let line = title.key_span.start.line as usize;
        if let Some(text) = lines.get(line - 1) {
            let renamed = text
                .replace("current state", "future state")
                .replace("Current state", "Future state")
                .replace("current-state", "future-state");
            if renamed != *text {
                edits.push((line, Some(renamed)));
            }
        }
    }
    if let Some(id) = line_of("id") {
        edits.push(set(id, new_id));
    }
    if let Some(reviewed) = line_of("reviewed") {
        edits.push((reviewed.key_span.start.line as usize, None));
    }
    match line_of("baseline") {
        Some(b) => edits.push(set(b, baseline_id)),
        None => {
            // Right after `type:`, with a word on what it is for.
            let at = kind.key_span.start.line as usize;
            let text = lines.get(at - 1).cloned().unwrap_or_default();
            edits.retain(|(l, _)| *l != at);
            edits.push((
                at,
                Some(format!(
                    "{}\n# The current-state map this plan improves on: `cjm diff` compares the two.\nbaseline: {baseline_id}",
                    set(kind, "future-state").1.unwrap_or(text)
                )),
            ));
        }
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    for (line, replacement) in edits {
        let Some(index) = line.checked_sub(1).filter(|&i| i < lines.len()) else {
            continue;
        };
        match replacement {
            Some(text) => lines[index] = text,
            None => {
                lines.remove(index);
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    Ok(out)
}

/// What the starter map is about.
pub struct Starter<'a> {
    pub kind: MapType,
    pub today: Date,
    /// Where the editor finds the schema, relative to the map.
    pub schema: &'a str,
    /// For a future-state map: the current-state map it improves on.
    pub baseline: Option<&'a str>,
}

/// The text of the starter map.
pub fn starter(s: &Starter) -> String {
    let kind = match s.kind {
        MapType::CurrentState => "current-state",
        MapType::FutureState => "future-state",
        MapType::DayInTheLife => "day-in-the-life",
        MapType::ServiceBlueprint => "service-blueprint",
        MapType::Experience => "experience",
    };
    let today = s.today;
    let baseline = match s.baseline {
        Some(b) => format!(
            "# The current-state map this plan improves on: `cjm diff` compares the two.\nbaseline: {b}\n"
        ),
        None => String::new(),
    };
    let lanes = |indent: &str, front: &str, back: &str, support: &str| {
        if s.kind == MapType::ServiceBlueprint {
            format!(
                "{indent}# Service blueprint lanes: what staff do in view of the customer, behind the\n{indent}# line of visibility, and the systems that support them.\n{indent}frontstage: [{front}]\n{indent}backstage: [{back}]\n{indent}support: [{support}]\n"
            )
        } else {
            String::new()
        }
    };
    let lanes_first = lanes(
        "    ",
        "Advisor answers the chat",
        "Stock check in the warehouse system",
        "Product catalogue",
    );
    let lanes_second = lanes(
        "    ",
        "Courier hands over the parcel",
        "Route planning",
        "Delivery tracking service",
    );
    let v = variant(s.kind);
    format!(
        r#"# yaml-language-server: $schema={schema}
# A customer journey map. Replace the placeholders, keep what helps, delete what does
# not; `cjm validate` checks it and `cjm render` draws it. Ids are optional where a
# name is given: they default to a slug of the name, so set one only to keep
# references stable through renames.
{about}cjm: 1
title: {title}
type: {kind}
description: {description}
# The team accountable for this journey, and when the map was last checked with them.
owner: Customer Experience team
reviewed: {today}
tags: [starter]
{baseline}
# Who takes the journey. Goals and frustrations keep the map honest.
personas:
  - id: first-time-customer
    name: Alex, first-time customer
    description: Found the shop through a search; has never ordered before.
    goals: [Get the right part the first time]
    frustrations: [Not knowing whether the part fits]

# The research behind the map; pain points cite it as evidence.
research:
  - id: support-tickets
    kind: support-tickets
    date: {today}
    summary: Last quarter's tickets, tagged by stage

# Optional: phases group consecutive stages (drawn as bands above them), and lanes of
# your own (kind: text, list, rating 0-5 or quote) sit beside the built-in ones:
# phases:
#   - name: Buying
#     stages: [stage-id, next-stage-id]
# lanes:
#   - id: systems
#     name: Systems involved
#     kind: list
# and in a stage:  lanes: {{systems: [Product catalogue]}}

# Stages run left to right. Emotion goes from -2 (very negative) to 2 (very positive).
stages:
  - name: {first}
    emotion: -1
    actions: [{first_actions}]
    thoughts: ["{first_thought}"]
    touchpoints:
      - id: product-page
        name: Product page
        channel: web
        owner: Web team
    pain_points:
      - id: unclear-fit
        name: No way to check that the part fits
        severity: high
        touchpoint: product-page
        evidence: [support-tickets]
    opportunities:
      - name: Fit checker by model number
        addresses: [unclear-fit]
        impact: high
        effort: medium
        owner: Web team
        # idea | planned | in-progress | shipped | dropped; drawn as a badge.
        status: planned
        # Where the work is tracked (http or https):
        # links:
        #   - {{url: https://tracker.example/CX-12, label: CX-12}}
        # Any key starting with x- is the team's own, kept and never checked:
        # x-budget: 20k
    metrics:
      - name: Add-to-basket rate
        kind: conversion
        value: 0.08
        target: 0.12
        # Dated measurements, drawn as a trend; the latest matches `value`.
        history:
          - {{date: {today}, value: 0.08, respondents: 1200}}
{lanes_first}
  - name: {second}
    emotion: 1
    actions: [{second_actions}]
    touchpoints:
      - id: delivery-email
        name: Dispatch email with tracking
        channel: email
        owner: Logistics
    metrics:
      - name: Delivered on time
        kind: other
        value: 91
        target: 97
        unit: "%"
{lanes_second}"#,
        schema = s.schema,
        about = v.about,
        title = v.title,
        description = v.description,
        first = v.stages[0],
        first_actions = v.actions[0],
        first_thought = v.thought,
        second = v.stages[1],
        second_actions = v.actions[1],
    )
    .replace("\n\n\n", "\n\n")
}

/// What changes from one type of map to another: its subject and how stages are cut.
struct Variant {
    /// A comment on what this type of map is for.
    about: &'static str,
    title: &'static str,
    description: &'static str,
    stages: [&'static str; 2],
    actions: [&'static str; 2],
    thought: &'static str,
}

fn variant(kind: MapType) -> Variant {
    let purchase = Variant {
        about: "",
        title: "Ordering a replacement part",
        description: "What a customer goes through from noticing a broken part to fitting the new one.",
        stages: ["Find the part", "Receive the part"],
        actions: [
            "Searches for the part number, Compares two listings",
            "Tracks the parcel, Fits the part",
        ],
        thought: "Is this the same part as mine?",
    };
    match kind {
        MapType::DayInTheLife => Variant {
            about: "# A day in the life: the stages are the hours of the customer's day, not the steps\n# of your process, so it shows where your product fits (or gets in the way) among\n# everything else they do. Touchpoints are the moments your brand is there.\n",
            title: "A weekday with a broken dishwasher",
            description: "One working day of a parent whose dishwasher broke, from the morning rush to the evening repair.",
            stages: ["Morning rush", "Evening at home"],
            actions: [
                "Finds the dishwasher broken, Looks up the part on the way to work",
                "Tracks the parcel while cooking, Fits the part after dinner",
            ],
            thought: "I have ten minutes before the school run",
        },
        MapType::Experience => Variant {
            about: "# An experience map: a human experience in general (moving house, having a baby,\n# fixing a home appliance), not one brand's journey. The stages belong to the person;\n# touchpoints may be anyone's, yours among them, which shows where you could step in.\n",
            title: "Getting a home appliance fixed",
            description: "How people get a broken appliance working again, whoever they turn to.",
            stages: ["Work out what is wrong", "Get it working again"],
            actions: [
                "Asks a friend, Watches repair videos",
                "Orders the part, Fits it or calls a technician",
            ],
            thought: "Can I fix this myself?",
        },
        _ => purchase,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Input, Options, check_bytes};
    use crate::config::Config;

    #[test]
    fn every_starter_validates_with_no_finding() {
        let today = Date::parse("2026-11-23").unwrap();
        for kind in [
            MapType::CurrentState,
            MapType::FutureState,
            MapType::DayInTheLife,
            MapType::ServiceBlueprint,
            MapType::Experience,
        ] {
            let text = starter(&Starter {
                kind,
                today,
                schema: "journey-map.schema.json",
                baseline: (kind == MapType::FutureState).then_some("starter"),
            });
            let options = Options {
                today,
                ..Options::default()
            };
            let checked = check_bytes(
                &Input::Stdin,
                text.clone().into_bytes(),
                &Config::default(),
                &options,
            );
            let findings: Vec<_> = checked
                .report
                .diagnostics
                .iter()
                .map(|d| format!("{}:{} {}", d.span.start.line, d.code, d.message))
                .collect();
            assert!(findings.is_empty(), "{kind:?}:\n{text}\n{findings:#?}");
        }
    }

    #[test]
    fn a_future_state_copy_keeps_ids_and_changes_only_what_a_plan_must() {
        let current = "# yaml-language-server: $schema=x.json\ncjm: 1\nid: grocery-current\ntitle: Grocery — current state\ntype: current-state  # today\nowner: Growth\nreviewed: 2026-10-01\nstages:\n  - id: buy\n    name: Buy\n";
        let future = future_from(current, "grocery-next", "grocery-current.yaml").unwrap();
        assert_eq!(
            future,
            "# yaml-language-server: $schema=x.json\ncjm: 1\nid: grocery-next\ntitle: Grocery — future state\ntype: future-state\n# The current-state map this plan improves on: `cjm diff` compares the two.\nbaseline: grocery-current\nowner: Growth\nstages:\n  - id: buy\n    name: Buy\n"
        );
        // Without an id, the baseline is named as it was given.
        let no_id = current.replace("id: grocery-current\n", "");
        let future = future_from(&no_id, "next", "grocery-current.yaml").unwrap();
        assert!(
            future.contains("baseline: grocery-current.yaml\n"),
            "{future}"
        );
        assert!(!future.contains("\nid:"), "{future}");
        assert!(future_from("a: [", "x", "y").is_err());
        assert!(future_from("cjm: 1\n", "x", "y").is_err());
    }

    #[test]
    fn day_in_the_life_and_experience_starters_say_what_sets_them_apart() {
        let today = Date::parse("2026-11-23").unwrap();
        let text = |kind| {
            starter(&Starter {
                kind,
                today,
                schema: "s.json",
                baseline: None,
            })
        };
        let day = text(MapType::DayInTheLife);
        assert!(
            day.contains("# A day in the life: the stages are the hours"),
            "{day}"
        );
        assert!(day.contains("- name: Morning rush"), "{day}");
        let experience = text(MapType::Experience);
        assert!(experience.contains("# An experience map:"), "{experience}");
        assert!(!experience.contains("Find the part"), "{experience}");
        assert!(text(MapType::CurrentState).contains("- name: Find the part"));
    }
}
