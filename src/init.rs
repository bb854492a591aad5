//! `cjm init`: a starter map that teaches the format by example. Every key a team is
//! likely to need is filled in with a plausible placeholder and a comment, and the map
//! passes `cjm validate` with no finding at all, so the first run is green.

use crate::date::Date;
use crate::model::MapType;

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
    format!(
        r#"# yaml-language-server: $schema={schema}
# A customer journey map. Replace the placeholders, keep what helps, delete what does
# not; `cjm validate` checks it and `cjm render` draws it. Ids are optional where a
# name is given: they default to a slug of the name, so set one only to keep
# references stable through renames.
cjm: 1
title: Ordering a replacement part
type: {kind}
description: What a customer goes through from noticing a broken part to fitting the new one.
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

# Stages run left to right. Emotion goes from -2 (very negative) to 2 (very positive).
stages:
  - name: Find the part
    emotion: -1
    actions: [Searches for the part number, Compares two listings]
    thoughts: ["Is this the same part as mine?"]
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
    metrics:
      - name: Add-to-basket rate
        kind: conversion
        value: 0.08
        target: 0.12
{lanes_first}
  - name: Receive the part
    emotion: 1
    actions: [Tracks the parcel, Fits the part]
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
    )
    .replace("\n\n\n", "\n\n")
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
}
