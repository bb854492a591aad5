//! Issue 16: maps that say more (metric history, opportunity lifecycle, broader
//! vocabularies, `x-` extensions), end to end.

use crate::{cjm, snap, stdout_of};

fn render(path: &str, format: &str) -> String {
    let out = cjm(&["render", path, "--format", format], None);
    assert!(out.contains("exit: 0\n"), "{out}");
    stdout_of(&out).to_string()
}

#[test]
fn extension_keys_validate_and_lint_nothing() {
    snap!(
        "extensions_validate",
        &["validate", "tests/fixtures/render/extensions.yaml"]
    );
}

#[test]
fn extension_keys_are_listed_in_markdown_and_html() {
    insta::assert_snapshot!(
        "extensions_markdown",
        render("tests/fixtures/render/extensions.yaml", "markdown")
    );
    let html = render("tests/fixtures/render/extensions.yaml", "html");
    for text in [
        "x-budget",
        "20k",
        "x-jira",
        "{key: CX-3, points: 5}",
        "[101, 204]",
    ] {
        assert!(html.contains(text), "{text} missing from the HTML");
    }
    // The picture stays as it was: extensions are for documents.
    let svg = render("tests/fixtures/render/extensions.yaml", "svg");
    assert!(!svg.contains("x-budget"));
}

#[test]
fn an_opportunity_shows_its_lifecycle_and_links_everywhere() {
    let path = "tests/fixtures/diff/lifecycle/after.yaml";
    let svg = render(path, "svg");
    for text in [
        "● shipped",
        "● dropped",
        "● in progress",
        r#"<a href="https://tracker.example/CX-12""#,
    ] {
        assert!(svg.contains(text), "{text} missing from the picture");
    }
    insta::assert_snapshot!("lifecycle_markdown", render(path, "markdown"));
    let html = render(path, "html");
    assert!(html.contains(r#"href="https://brief.example/radio?q=1&amp;x=2""#));
    assert!(html.contains(">CX-12</a>"));
    // The lint rule: shipped, yet the pain it addresses is open.
    let out = cjm(&["validate", "--today=2026-11-23", path], None);
    assert!(out.contains("[shipped-but-pain-remains]"), "{out}");
}

#[test]
fn the_diff_reports_lifecycle_changes() {
    snap!(
        "lifecycle_diff",
        &[
            "diff",
            "tests/fixtures/diff/lifecycle/before.yaml",
            "tests/fixtures/diff/lifecycle/after.yaml"
        ]
    );
}

#[test]
fn metric_history_is_a_trend_in_the_picture_and_a_column_in_documents() {
    let path = "tests/fixtures/diff/history/after.yaml";
    let svg = render(path, "svg");
    // Three points, better up: the line climbs toward the dashed target.
    assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
    assert!(svg.contains(r#"stroke-dasharray="3 3""#));
    assert!(svg.contains("trend: better is up, dashed line the target"));
    insta::assert_snapshot!("history_markdown", render(path, "markdown"));
    let html = render(path, "html");
    assert!(html.contains("2026-07-01: "), "{html}");
    assert!(html.contains("300 respondents"), "{html}");
    // Without history, no trend is drawn and no column is added.
    let plain = render("tests/fixtures/rules/stale-map/flagged.yaml", "svg");
    assert!(!plain.contains("<polyline"));
    assert!(!plain.contains("trend: better is up"));
    let md = render("tests/fixtures/rules/stale-map/flagged.yaml", "markdown");
    assert!(!md.contains("| Trend |"), "{md}");
}

#[test]
fn the_diff_reports_new_data_points() {
    snap!(
        "history_diff",
        &[
            "diff",
            "tests/fixtures/diff/history/before.yaml",
            "tests/fixtures/diff/history/after.yaml"
        ]
    );
}

#[test]
fn built_in_vocabularies_grew() {
    let map = "cjm: 1\ntitle: t\ntype: current-state\nresearch:\n  - {id: a, kind: observation}\n  - {id: b, kind: diary-study}\n  - {id: c, kind: app-reviews}\nstages:\n  - name: A\n    touchpoints:\n      - {name: T1, channel: in-person}\n      - {name: T2, channel: branch}\n      - {name: T3, channel: kiosk}\n      - {name: T4, channel: video}\n";
    let out = cjm(&["validate", "-"], Some(map.as_bytes()));
    assert!(!out.contains("error["), "{out}");
    // Channel names are words in the map's language.
    let ru = map.replace("cjm: 1\n", "cjm: 1\nlang: ru\n");
    let md = cjm(
        &["render", "-", "--format", "markdown"],
        Some(ru.as_bytes()),
    );
    assert!(md.contains("(отделение)"), "{md}");
}

#[test]
fn a_teams_vocabulary_validates_and_reaches_the_schema() {
    let dir = "tests/fixtures/vocabulary";
    snap!(
        "vocabulary_validate",
        &[
            "validate",
            "--today=2026-11-23",
            &format!("{dir}/team/"),
            &format!("{dir}/without-cjm-toml.yaml")
        ]
    );
    snap!(
        "vocabulary_mistakes",
        &["validate", "--today=2026-11-23", &format!("{dir}/bad/")]
    );
    let out = cjm(
        &["schema", "--config", &format!("{dir}/team/cjm.toml")],
        None,
    );
    assert!(out.contains("exit: 0\n"), "{out}");
    let schema: serde_json::Value = serde_json::from_str(stdout_of(&out)).unwrap();
    jsonschema::draft202012::meta::validate(&schema).unwrap();
    let channels = &schema["$defs"]["touchpoint"]["properties"]["channel"]["enum"];
    assert!(
        channels
            .as_array()
            .unwrap()
            .contains(&"drive-through".into())
    );
    assert!(channels.as_array().unwrap().contains(&"web".into()));
    let kinds = &schema["$defs"]["research"]["properties"]["kind"]["enum"];
    assert!(kinds.as_array().unwrap().contains(&"field-visit".into()));
    let severities = &schema["$defs"]["pain_point"]["properties"]["severity"]["enum"];
    assert!(severities.as_array().unwrap().contains(&"blocker".into()));
    // An independent validator agrees with the printed schema.
    let map = std::fs::read_to_string(format!("{dir}/team/drive-through.yaml")).unwrap();
    let root = cjm::read::parse(&map, &cjm::read::Limits::default())
        .root
        .unwrap();
    assert!(
        jsonschema::validator_for(&schema)
            .unwrap()
            .is_valid(&root.to_json())
    );
    // Mistakes in the file are refused, with the way to see them.
    let bad = cjm(
        &["schema", "--config", &format!("{dir}/bad/cjm.toml")],
        None,
    );
    assert!(
        bad.contains("exit: 2\n") || bad.contains("exit: 1\n"),
        "{bad}"
    );
    assert!(bad.contains("cjm validate --config"), "{bad}");
    // A custom channel is drawn as written.
    let md = render(&format!("{dir}/team/drive-through.yaml"), "markdown");
    assert!(
        md.contains("(drive\\-through)") || md.contains("(drive-through)"),
        "{md}"
    );
    // A team's severity is drawn as written, and counts as a severity for lint.
    assert!(md.contains("*blocker*"), "{md}");
    let svg = render(&format!("{dir}/team/drive-through.yaml"), "svg");
    assert!(svg.contains(">blocker · evidence"), "{svg}");
}
