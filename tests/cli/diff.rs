use crate::{cjm, snap};

#[test]
fn the_examples_pair_names_every_change() {
    snap!(
        "diff_grocery_human",
        &[
            "diff",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml"
        ]
    );
}

#[test]
fn json_carries_the_same_changes() {
    snap!(
        "diff_grocery_json",
        &[
            "diff",
            "--format",
            "json",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml"
        ]
    );
}

#[test]
fn a_future_map_alone_is_compared_with_its_baseline() {
    let alone = cjm(&["diff", "examples/grocery-future.yaml"], None);
    let both = cjm(
        &[
            "diff",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml",
        ],
        None,
    );
    assert_eq!(crate::stdout_of(&alone), crate::stdout_of(&both));
}

#[test]
fn a_map_in_cyrillic_diffs_by_its_derived_ids() {
    snap!(
        "diff_bank_ru",
        &["diff", "tests/fixtures/diff/bank-onboarding-ru-future.yaml"]
    );
}

#[test]
fn exit_code_follows_git_diff() {
    let same = cjm(
        &[
            "diff",
            "--exit-code",
            "examples/grocery-current.yaml",
            "examples/grocery-current.yaml",
        ],
        None,
    );
    assert!(
        same.contains("exit: 0\n") && same.contains("no changes"),
        "{same}"
    );
    let differ = cjm(
        &[
            "diff",
            "--exit-code",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml",
        ],
        None,
    );
    assert!(differ.contains("exit: 1\n"), "{differ}");
    let plain = cjm(
        &[
            "diff",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml",
        ],
        None,
    );
    assert!(plain.contains("exit: 0\n"), "{plain}");
}

#[test]
fn maps_with_errors_are_reported_as_validate_reports_them() {
    snap!(
        "diff_broken",
        &[
            "diff",
            "tests/fixtures/schema/three-mistakes.yaml",
            "examples/grocery-future.yaml"
        ]
    );
    let missing = cjm(
        &["diff", "no-such.yaml", "examples/grocery-future.yaml"],
        None,
    );
    assert!(missing.contains("exit: 2\n"), "{missing}");
}

#[test]
fn markdown_is_a_table_for_pull_requests() {
    snap!(
        "diff_grocery_markdown",
        &[
            "diff",
            "--format",
            "markdown",
            "examples/grocery-current.yaml",
            "examples/grocery-future.yaml"
        ]
    );
}
