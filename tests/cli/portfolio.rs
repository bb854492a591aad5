//! `cjm report` and `cjm site` over a folder of maps.

use crate::snap;

#[test]
fn report_markdown() {
    snap!(
        "report_markdown",
        &[
            "report",
            "examples/",
            "--format",
            "markdown",
            "--today=2026-11-23"
        ]
    );
}

#[test]
fn report_json() {
    snap!(
        "report_json",
        &[
            "report",
            "examples/",
            "--format",
            "json",
            "--today=2026-11-23"
        ]
    );
}

#[test]
fn report_human() {
    snap!(
        "report_human",
        &["report", "examples/", "--today=2026-11-23"]
    );
}

/// Stale and unreviewed maps, a broken map, owners and findings: the sections that the
/// examples leave empty.
#[test]
fn report_mixed_folder() {
    snap!(
        "report_mixed_folder",
        &[
            "report",
            "tests/fixtures/portfolio/",
            "--format",
            "markdown",
            "--today=2026-11-23"
        ]
    );
}

#[test]
fn report_missing_path_cannot_run() {
    snap!(
        "report_missing_path",
        &["report", "no/such/folder", "--format", "json"]
    );
}

/// The JSON report is the documented contract: every field the doc comment names is there.
#[test]
fn report_json_matches_its_documented_shape() {
    let run = crate::cjm(&["report", "examples/", "--format", "json"], None);
    let json: serde_json::Value =
        serde_json::from_str(crate::stdout_of(&run)).expect("the report is JSON");
    assert_eq!(json["version"], 1);
    for key in [
        "today",
        "counts",
        "maps",
        "pain_points",
        "opportunities",
        "owners",
        "lint",
        "stale",
        "unreviewed",
    ] {
        assert!(json.get(key).is_some(), "missing `{key}`");
    }
    let futures = json["maps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "grocery-current")
        .unwrap()["futures"]
        .clone();
    assert_eq!(futures, serde_json::json!(["grocery-future"]));
}
