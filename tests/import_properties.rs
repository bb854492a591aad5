//! Property tests for `cjm import`: any text is read without a panic, and any journey
//! written in Mermaid reads back the same and becomes a map that validates.

use cjm::check::{Input, Options, check_bytes};
use cjm::config::Config;
use cjm::import::{Journey, Section, Task, parse, to_yaml};
use proptest::prelude::*;

/// Names as people write them: letters of several scripts, digits, spaces and the
/// punctuation a journey line allows raw (no `:` or `,`, which separate fields, and no
/// `#` or `;`, which Mermaid reads as a comment and an error).
fn name() -> impl Strategy<Value = String> {
    "[A-Za-zÀ-ÿА-я下单 0-9'!?()&/.-]{1,24}"
        .prop_map(|s| s.trim().to_string())
        .prop_filter("a name has a letter or digit", |s| {
            let lower = s.to_lowercase();
            s.chars().any(char::is_alphanumeric)
                && !["title ", "section ", "journey"]
                    .iter()
                    .any(|k| lower.starts_with(k))
        })
}

fn journey() -> impl Strategy<Value = Journey> {
    let task = (name(), 1i64..=5, prop::collection::vec(name(), 0..3)).prop_map(
        |(name, score, actors)| Task {
            name,
            score,
            actors,
            id: None,
        },
    );
    let section = (name(), prop::collection::vec(task, 0..5)).prop_map(|(name, tasks)| Section {
        name,
        tasks,
        id: None,
        emotion: None,
    });
    (
        prop::option::of(name()),
        prop::collection::vec(section, 1..6),
    )
        .prop_map(|(title, sections)| Journey {
            title,
            sections,
            ..Journey::default()
        })
}

fn mermaid(j: &Journey) -> String {
    let mut out = String::from("journey\n");
    if let Some(t) = &j.title {
        out += &format!("    title {t}\n");
    }
    for s in &j.sections {
        out += &format!("    section {}\n", s.name);
        for t in &s.tasks {
            out += &format!("      {}: {}: {}\n", t.name, t.score, t.actors.join(", "));
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_text_reads_without_panic(text in "(\u{FEFF})?(---\n)?(```mermaid\n)?(journey\n)?([ -~\n\t\r:,#%;{}<>À-ÿ下\u{3000}]|%%\\{|\\}%%|#35;|accDescr ?\\{|section |title |~~~)*") {
        let _ = parse(&text);
    }

    #[test]
    fn a_journey_reads_back_and_imports_as_a_valid_map(j in journey()) {
        let text = mermaid(&j);
        let read = parse(&text).map_err(|e| TestCaseError::fail(format!("{text}\n{e:?}")))?.journey;
        prop_assert_eq!(&read, &j);
        let yaml = to_yaml(&read, "fallback", "current-state");
        let checked = check_bytes(&Input::Stdin, yaml.clone().into_bytes(), &Config::default(), &Options::default());
        prop_assert!(!checked.report.has_errors(), "{}\n{:?}", yaml, checked.report.diagnostics);
        let map = checked.map.expect("a map");
        prop_assert_eq!(map.stages.len(), j.sections.len());
        for (stage, section) in map.stages.iter().zip(&j.sections) {
            prop_assert_eq!(&stage.name.value, &section.name);
            prop_assert_eq!(stage.touchpoints.len(), section.tasks.len());
        }
    }
}
