use crate::{cjm, snap};

const TODAY: &str = "--today=2026-11-23";

#[test]
fn examples_validate_with_no_finding_at_all() {
    snap!("examples_clean", &["validate", TODAY, "examples/"]);
}

#[test]
fn schema_mistakes_are_each_located_and_one_suggests_the_key() {
    snap!(
        "schema_three_mistakes",
        &[
            "validate",
            TODAY,
            "tests/fixtures/schema/three-mistakes.yaml"
        ]
    );
}

#[test]
fn every_kind_of_schema_finding_reads_in_plain_words() {
    snap!(
        "schema_all_fixtures",
        &["validate", TODAY, "tests/fixtures/schema"]
    );
}

#[test]
fn broken_references_are_each_located() {
    snap!(
        "refs_three_broken",
        &[
            "validate",
            TODAY,
            "tests/fixtures/refs/three-broken-references.yaml"
        ]
    );
}

#[test]
fn a_touchpoints_unknown_persona_is_located_with_a_suggestion() {
    snap!(
        "refs_unknown_persona",
        &[
            "validate",
            TODAY,
            "tests/fixtures/touchpoint-personas/unknown-persona.yaml"
        ]
    );
}

#[test]
fn json_output_is_a_stable_contract() {
    snap!(
        "json_output",
        &[
            "validate",
            TODAY,
            "--format",
            "json",
            "tests/fixtures/schema/three-mistakes.yaml"
        ]
    );
}

#[test]
fn every_broken_input_gets_a_located_error_naming_the_file() {
    snap!(
        "broken_inputs",
        &["validate", TODAY, "tests/fixtures/broken"]
    );
}

#[test]
fn stdin_is_read_with_a_dash() {
    snap!(
        "stdin",
        &["validate", TODAY, "-"],
        b"cjm: 1\ntitle: From stdin\ntype: experience\nstages:\n  - name: A\n    chanel: web\n"
    );
}

#[test]
fn a_missing_path_cannot_run() {
    snap!("missing_path", &["validate", TODAY, "no/such/folder"]);
}

#[test]
fn a_folder_without_maps_is_a_warning_not_a_silent_pass() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("looks-like.yaml")).unwrap();
    let out = crate::cjm(
        &[
            "validate",
            dir.path().join("looks-like.yaml").to_str().unwrap(),
        ],
        None,
    );
    assert!(out.contains("exit: 0"), "{out}");
    assert!(out.contains("warning: `"), "{out}");
    assert!(
        out.contains("no *.yaml or *.yml files in this folder"),
        "{out}"
    );
}

#[test]
fn schema_prints_the_2020_12_schema() {
    let out = crate::cjm(&["schema"], None);
    assert!(out.starts_with("args: schema\nexit: 0\n"));
    assert!(out.contains(r#""$schema": "https://json-schema.org/draft/2020-12/schema""#));
    let printed = crate::stdout_of(&out);
    assert_eq!(
        printed,
        include_str!("../../schemas/journey-map.schema.json")
    );
}

#[test]
fn folders_skip_hidden_and_gitignored_files() {
    let dir = tempfile::tempdir().unwrap();
    let bad = "not: a map\n";
    std::fs::create_dir(dir.path().join(".hidden")).unwrap();
    std::fs::write(dir.path().join(".hidden/bad.yaml"), bad).unwrap();
    std::fs::write(dir.path().join("ignored.yaml"), bad).unwrap();
    std::fs::write(dir.path().join(".gitignore"), "ignored.yaml\n").unwrap();
    std::fs::write(dir.path().join("notes.txt"), bad).unwrap();
    std::fs::copy("examples/tea-order-zh.yaml", dir.path().join("tea.yml")).unwrap();
    let out = crate::cjm(&["validate", TODAY, dir.path().to_str().unwrap()], None);
    assert!(out.contains("exit: 0"), "{out}");
    assert!(out.contains("1 file checked: no problems found"), "{out}");
    // Named explicitly, an ignored file is checked all the same.
    let out = crate::cjm(
        &[
            "validate",
            dir.path().join("ignored.yaml").to_str().unwrap(),
        ],
        None,
    );
    assert!(out.contains("exit: 1"), "{out}");
}

#[test]
fn help_teaches_the_command() {
    snap!("validate_help", &["validate", "--help"]);
}

#[test]
fn colour_is_off_in_pipes_and_on_when_asked() {
    let plain = crate::cjm(&["validate", TODAY, "tests/fixtures/lint/gaps.yaml"], None);
    assert!(!plain.contains('\u{1b}'), "{plain}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_cjm"))
        .args([
            "validate",
            TODAY,
            "--color",
            "always",
            "tests/fixtures/lint/gaps.yaml",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("\u{1b}[1m\u{1b}[33mwarning"));
}

#[test]
fn a_misspelt_key_is_one_finding_not_a_cascade_of_unknown_ids() {
    // `slot-scarcity` lives under the misspelt `pain-points:`: not reported again;
    // `slot-scarcty` is written nowhere: still reported.
    snap!(
        "refs_no_cascade",
        &[
            "validate",
            TODAY,
            "tests/fixtures/cascade/misspelt-key.yaml"
        ]
    );
}

#[test]
fn explain_answers_for_codes_and_rules_and_suggests_on_a_typo() {
    snap!("explain_unknown_key", &["explain", "unknown-key"]);
    snap!("explain_typo", &["explain", "unknwn-key"]);
    let rule = cjm(&["explain", "stale-map"], None);
    assert_eq!(
        rule,
        cjm(&["rules", "stale-map"], None).replace("args: rules", "args: explain")
    );
}

#[test]
fn every_code_the_source_can_print_is_explained() {
    // Codes are the first argument of `Diagnostic::error`/`new`, or handed to a helper
    // that builds one (`resolve("touchpoint", "unknown-touchpoint", ...)`).
    let constructor =
        regex_lite::Regex::new(r#"Diagnostic::(?:error|new)\(\s*"([a-z0-9-]+)""#).unwrap();
    let handed =
        regex_lite::Regex::new(r#""((?:unknown|bad|invalid|duplicate)-[a-z-]+)""#).unwrap();
    let mut found = std::collections::BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.split("#[cfg(test)]").next().unwrap_or_default();
                for re in [&constructor, &handed] {
                    found.extend(re.captures_iter(code).map(|c| c[1].to_string()));
                }
            }
        }
    }
    assert!(found.len() > 30, "{found:?}");
    let unexplained: Vec<_> = found.iter().filter(|c| !cjm::codes::is_known(c)).collect();
    assert!(
        unexplained.is_empty(),
        "add these to src/codes.md: {unexplained:?}"
    );
    for code in &found {
        let out = cjm(&["explain", code], None);
        assert!(out.contains("exit: 0\n"), "{out}");
    }
}

#[test]
fn a_tab_after_a_colon_separates_like_a_space() {
    snap!(
        "tab_after_colon",
        &["validate", TODAY, "-"],
        b"cjm:\t1\ntitle:\tTabs after colons\ntype: current-state\t# a comment after a tab\nstages:\n  - name:\t\tBrowse\n    emotion:\t-1\n"
    );
}

#[test]
fn phases_and_custom_lanes_are_checked_with_located_suggestions() {
    snap!(
        "refs_phases_and_lanes",
        &[
            "validate",
            TODAY,
            "tests/fixtures/phases/phases-and-lanes.yaml"
        ]
    );
}
