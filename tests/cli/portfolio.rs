//! Many maps as one body of knowledge: shared library files and the journey hierarchy.

use crate::{cjm, snap};

const TODAY: &str = "--today=2026-11-23";

#[test]
fn a_library_persona_shows_on_every_map_that_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = format!("{}/", dir.path().display());
    let run = cjm(&["render", TODAY, "examples/portfolio", "-o", &out], None);
    assert!(run.contains("exit: 0\n"), "{run}");
    let maps = [
        "business-banking",
        "account-opening",
        "first-payments",
        "account-opening-future",
    ];
    for map in maps {
        let svg = std::fs::read_to_string(dir.path().join(format!("{map}.svg"))).unwrap();
        assert!(
            svg.contains("Sam, runs a bakery"),
            "{map} lacks the library persona"
        );
        // An owner that is a team id is drawn as the team's name.
        assert!(!svg.contains(">onboarding-squad<"), "{map} shows a team id");
    }
    // The library itself is not a map to draw.
    assert!(!dir.path().join("library.svg").exists());
    let parent = std::fs::read_to_string(dir.path().join("business-banking.svg")).unwrap();
    assert!(
        parent.contains(r#"<a href="./account-opening.svg">"#),
        "no link to the child"
    );
}

#[test]
fn library_references_resolve_upward_and_misspellings_are_located_with_a_suggestion() {
    snap!(
        "library_typos",
        &[
            "validate",
            TODAY,
            "tests/fixtures/portfolio/typo/deeper/checkout.yaml"
        ]
    );
}

#[test]
fn a_library_is_validated_as_a_library() {
    let bad = b"cjm: 1\ntype: library\npersonas:\n  - id: a\n    name: A\n  - id: a\n    name: B\nteams:\n  - name: No id\n";
    snap!("library_mistakes", &["validate", TODAY, "-"], bad);
}

#[test]
fn parents_and_zoomed_stages_name_maps_that_exist_and_never_loop() {
    snap!(
        "hierarchy_cycle",
        &["validate", TODAY, "tests/fixtures/portfolio/cycle"]
    );
    snap!(
        "hierarchy_unknown",
        &[
            "validate",
            TODAY,
            "tests/fixtures/portfolio/unknown",
            "examples/portfolio"
        ]
    );
}

#[test]
fn a_library_changed_under_both_maps_is_no_map_change() {
    // Both sides name the same library persona: the diff sees the same persona.
    let out = cjm(
        &["diff", "examples/portfolio/account-opening-future.yaml"],
        None,
    );
    assert!(out.contains("exit: 0\n"), "{out}");
    assert!(!out.contains("persona"), "{out}");
}
