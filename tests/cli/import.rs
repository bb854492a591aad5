use crate::{cjm, snap};

#[test]
fn mermaids_documentation_example_imports_cleanly() {
    snap!(
        "import_mermaid_docs",
        &["import", "tests/fixtures/import/mermaid-docs.mmd"]
    );
    let run = cjm(&["import", "tests/fixtures/import/mermaid-docs.mmd"], None);
    let map = crate::stdout_of(&run).to_string();
    let checked = cjm(&["validate", "-"], Some(map.as_bytes()));
    assert!(checked.contains("exit: 0\n"), "{checked}");
    assert!(!checked.contains("error"), "{checked}");
}

/// Front matter, a directive, `accTitle`, an `accDescr` block, keywords in any case,
/// `#` comments, an entity code, a score outside 1..5, an empty section and per-task
/// actors, in the second Mermaid block of a Markdown file with a BOM.
#[test]
fn everything_mermaid_reads_imports_with_a_word_for_what_changes() {
    snap!(
        "import_everything",
        &["import", "tests/fixtures/import/everything.md"]
    );
    let run = cjm(&["import", "tests/fixtures/import/everything.md"], None);
    let map = crate::stdout_of(&run).to_string();
    let checked = cjm(&["validate", "-"], Some(map.as_bytes()));
    assert!(checked.contains("exit: 0\n"), "{checked}");
}

#[test]
fn a_missing_title_falls_back_to_acc_title_before_the_file_name() {
    let run = cjm(
        &["import", "tests/fixtures/import/acc-title-only.mmd"],
        None,
    );
    assert!(run.contains("\ntitle: Morning routine\n"), "{run}");
    let run = cjm(&["import", "-"], Some(b"journey\nsection A\n"));
    assert!(run.contains("\ntitle: Imported journey\n"), "{run}");
}

#[test]
fn a_markdown_file_without_a_journey_block_says_so() {
    let run = cjm(
        &["import", "-"],
        Some(b"# Doc\n\n```mermaid\nflowchart TD\n  A --> B\n```\n"),
    );
    assert!(
        run.contains(
            "<stdin>:4:1: error[not-a-journey]: no Mermaid block in this Markdown is a journey"
        ),
        "{run}"
    );
}

#[test]
fn mermaid_it_cannot_read_is_located_in_the_markdown_around_it() {
    snap!(
        "import_broken",
        &["import", "tests/fixtures/import/broken.md"]
    );
}

#[test]
fn every_examples_mermaid_export_imports_and_renders_back_the_same() {
    for path in [
        "examples/grocery-current.yaml",
        "examples/grocery-future.yaml",
        "examples/clinic-blueprint.yaml",
        "examples/bank-onboarding-ru.yaml",
        "examples/tea-order-zh.yaml",
        // Emotions per persona, on stages and touchpoints, on a 1..5 scale.
        "examples/ad-campaign.yaml",
        "tests/fixtures/personas/two-personas.yaml",
    ] {
        let name = path;
        let mermaid =
            crate::stdout_of(&cjm(&["render", path, "--format", "mermaid"], None)).to_string();
        let imported = cjm(&["import", "-"], Some(mermaid.as_bytes()));
        assert!(imported.contains("exit: 0\n"), "{name}: {imported}");
        let map = crate::stdout_of(&imported).to_string();
        let validated = cjm(&["validate", "-"], Some(map.as_bytes()));
        assert!(validated.contains("exit: 0\n"), "{name}: {validated}");
        let again = cjm(
            &["render", "-", "--format", "mermaid"],
            Some(map.as_bytes()),
        );
        assert_eq!(crate::stdout_of(&again), mermaid, "{name}");
        if name.contains("two-personas") {
            // One touchpoint felt two ways, not two touchpoints; the stage likewise.
            assert!(
                map.contains("emotion: {maya: -2, tom: 1}\n        personas: [maya, tom]"),
                "{map}"
            );
            assert!(map.contains("emotion: {maya: 1, tom: -1}"), "{map}");
        }
    }
}

#[test]
fn import_writes_a_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("map.yaml");
    let run = cjm(
        &[
            "import",
            "tests/fixtures/import/mermaid-docs.mmd",
            "--type",
            "day-in-the-life",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert!(run.contains("exit: 0\n"), "{run}");
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("type: day-in-the-life\n"), "{text}");
    let bad = cjm(
        &[
            "import",
            "tests/fixtures/import/broken.md",
            "-o",
            out.to_str().unwrap(),
        ],
        None,
    );
    assert!(bad.contains("exit: 1\n"), "{bad}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        text,
        "a failed import kept the file"
    );
}
