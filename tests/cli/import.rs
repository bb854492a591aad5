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

#[test]
fn mermaid_it_cannot_read_is_located_in_the_markdown_around_it() {
    snap!(
        "import_broken",
        &["import", "tests/fixtures/import/broken.md"]
    );
}

#[test]
fn every_examples_mermaid_export_imports_and_renders_back_the_same() {
    for name in [
        "grocery-current",
        "grocery-future",
        "clinic-blueprint",
        "bank-onboarding-ru",
        "tea-order-zh",
    ] {
        let path = format!("examples/{name}.yaml");
        let mermaid =
            crate::stdout_of(&cjm(&["render", &path, "--format", "mermaid"], None)).to_string();
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
