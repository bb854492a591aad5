use crate::{cjm, snap};

const TODAY: &str = "--today=2026-11-23";

fn findings_of(out: &str, rule: &str) -> usize {
    out.matches(&format!("[{rule}]")).count()
}

#[test]
fn every_rule_fires_on_its_fixture_and_not_on_the_near_miss() {
    for rule in cjm::rules::RULES {
        let dir = format!("tests/fixtures/rules/{}", rule.name);
        assert!(
            std::path::Path::new(&dir).is_dir(),
            "rule `{}` has no fixtures in {dir}",
            rule.name
        );
        // A rule that looks across files has a folder of files per case.
        let case = |name: &str| {
            let folder = format!("{dir}/{name}");
            if std::path::Path::new(&folder).is_dir() {
                folder
            } else {
                format!("{folder}.yaml")
            }
        };
        let flagged = cjm(&["validate", TODAY, "--verbose", &case("flagged")], None);
        assert_eq!(findings_of(&flagged, rule.name), 1, "{flagged}");
        insta::assert_snapshot!(format!("rule_{}", rule.name), flagged);
        let clean = cjm(&["validate", TODAY, &case("clean")], None);
        assert_eq!(findings_of(&clean, rule.name), 0, "{clean}");
    }
}

#[test]
fn gaps_are_warnings_that_pass_unless_denied() {
    snap!(
        "lint_gaps",
        &["validate", TODAY, "tests/fixtures/lint/gaps.yaml"]
    );
    let denied = cjm(
        &[
            "validate",
            TODAY,
            "--deny",
            "warnings",
            "tests/fixtures/lint/gaps.yaml",
        ],
        None,
    );
    assert!(denied.contains("exit: 1\n"), "{denied}");
}

#[test]
fn the_nearest_cjm_toml_turns_a_rule_off() {
    snap!(
        "lint_silenced",
        &["validate", TODAY, "tests/fixtures/lint/silenced"]
    );
}

#[test]
fn an_explicit_config_replaces_discovery() {
    let out = cjm(
        &[
            "validate",
            TODAY,
            "--config",
            "tests/fixtures/lint/silenced/cjm.toml",
            "tests/fixtures/lint/gaps.yaml",
        ],
        None,
    );
    assert_eq!(findings_of(&out, "stage-without-touchpoints"), 0, "{out}");
    assert_eq!(findings_of(&out, "unaddressed-pain-point"), 1, "{out}");
}

#[test]
fn mistakes_in_cjm_toml_are_located_errors() {
    snap!(
        "lint_bad_config",
        &["validate", TODAY, "tests/fixtures/lint/bad-config"]
    );
}

#[test]
fn inline_suppressions_silence_and_are_checked_themselves() {
    snap!(
        "lint_suppressed",
        &["validate", TODAY, "tests/fixtures/lint/suppressed"]
    );
}

#[test]
fn the_real_world_map_flags_joining_at_its_line() {
    let out = cjm(
        &[
            "validate",
            TODAY,
            "tests/fixtures/realworld/veteran-journey.yaml",
        ],
        None,
    );
    assert!(
        out.contains("veteran-journey.yaml:14:11: warning[stage-without-touchpoints]: stage `Joining` has no touchpoints"),
        "{out}"
    );
    assert_eq!(findings_of(&out, "stage-without-touchpoints"), 1);
    assert!(out.contains("exit: 0\n"));
}

#[test]
fn github_format_annotates_pull_requests() {
    snap!(
        "format_github",
        &[
            "validate",
            TODAY,
            "--format",
            "github",
            "tests/fixtures/lint/gaps.yaml",
            "tests/fixtures/refs"
        ]
    );
}

#[test]
fn sarif_format_is_sarif_2_1_0() {
    let out = cjm(
        &[
            "validate",
            TODAY,
            "--format",
            "sarif",
            "tests/fixtures/lint/gaps.yaml",
            "tests/fixtures/refs",
        ],
        None,
    );
    let json = crate::stdout_of(&out);
    let log: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.len() >= cjm::rules::RULES.len());
    let results = run["results"].as_array().unwrap();
    assert_eq!(
        results.len(),
        5,
        "two lint warnings and three reference errors"
    );
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            rules[index]["id"], r["ruleId"],
            "ruleIndex points at the rule"
        );
        assert!(["error", "warning", "note"].contains(&r["level"].as_str().unwrap()));
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1);
        assert!(region["startColumn"].as_u64().unwrap() >= 1);
        assert!(!r["message"]["text"].as_str().unwrap().is_empty());
    }
    insta::assert_snapshot!("format_sarif", json);
}

#[test]
fn rules_lists_the_catalogue() {
    snap!("rules_list", &["rules"]);
}

#[test]
fn rules_explains_one_rule() {
    snap!("rules_one", &["rules", "stage-without-touchpoints"]);
}

#[test]
fn rules_json_carries_every_rule() {
    let out = cjm(&["rules", "--format", "json"], None);
    let json = crate::stdout_of(&out);
    let all: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(all.as_array().unwrap().len(), cjm::rules::RULES.len());
    assert_eq!(all[0]["name"], "stage-without-touchpoints");
}

#[test]
fn an_unknown_rule_name_suggests_the_closest() {
    snap!("rules_unknown", &["rules", "stale-maps"]);
}

/// The README's rule table is generated from the registry; this fails when it is out
/// of date. `CJM_UPDATE_README=1 cargo test` rewrites it.
#[test]
fn the_readme_lists_every_rule() {
    let mut table = String::from("| rule | default | flags |\n|---|---|---|\n");
    for r in cjm::rules::RULES {
        table.push_str(&format!(
            "| `{}` | {} | {} |\n",
            r.name, r.default_level, r.summary
        ));
    }
    let readme = std::fs::read_to_string("README.md").unwrap();
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let (head, rest) = readme
        .split_once(start)
        .expect("README has the rules:start marker");
    let (_, tail) = rest
        .split_once(end)
        .expect("README has the rules:end marker");
    let expected = format!("{head}{start}{table}{end}{tail}");
    if std::env::var_os("CJM_UPDATE_README").is_some() {
        std::fs::write("README.md", &expected).unwrap();
    }
    assert!(
        readme == expected,
        "README rule table is out of date: run `CJM_UPDATE_README=1 cargo test`"
    );
}

#[test]
fn suppression_reasons_reach_json_and_sarif() {
    let file = "tests/fixtures/lint/suppressed/variants.yaml";
    let json = cjm(&["validate", TODAY, "--format", "json", file], None);
    let v: serde_json::Value = serde_json::from_str(crate::stdout_of(&json)).unwrap();
    let suppressed = v["suppressed"].as_array().unwrap();
    assert_eq!(suppressed.len(), 2, "{json}");
    assert_eq!(suppressed[0]["code"], "stage-without-touchpoints");
    assert_eq!(
        suppressed[0]["reason"],
        "awareness happens off our channels"
    );
    assert_eq!(suppressed[1]["code"], "unaddressed-pain-point");
    assert!(suppressed[1]["reason"].is_null());
    // The bare marker is the one finding left.
    assert_eq!(v["diagnostics"][0]["code"], "empty-suppression", "{json}");

    let sarif = cjm(&["validate", TODAY, "--format", "sarif", file], None);
    let v: serde_json::Value = serde_json::from_str(crate::stdout_of(&sarif)).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    let silenced: Vec<_> = results
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(silenced.len(), 2, "{sarif}");
    assert_eq!(silenced[0]["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        silenced[0]["suppressions"][0]["justification"],
        "awareness happens off our channels"
    );
}
