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
    insta::assert_snapshot!("history_markdown", render(path, "markdown"));
    let html = render(path, "html");
    assert!(html.contains("2026-07-01: "), "{html}");
    assert!(html.contains("300 respondents"), "{html}");
    // Without history, no trend is drawn and no column is added.
    let plain = render("tests/fixtures/rules/stale-map/flagged.yaml", "svg");
    assert!(!plain.contains("<polyline"));
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
