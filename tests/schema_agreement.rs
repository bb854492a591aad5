//! The schema is the single source of truth: an independent JSON Schema 2020-12
//! validator (the `jsonschema` crate) must reach the same verdict as cjm's own schema
//! check on every example and fixture that reads as YAML.

use std::path::{Path, PathBuf};

use cjm::check::schema::{LIBRARY_SCHEMA_JSON, SCHEMA_JSON, Schema};
use cjm::read::{Limits, parse};

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

#[test]
fn the_schemas_are_valid_2020_12_schemas() {
    for text in [SCHEMA_JSON, LIBRARY_SCHEMA_JSON] {
        let schema: serde_json::Value = serde_json::from_str(text).unwrap();
        jsonschema::draft202012::meta::validate(&schema).unwrap();
    }
}

#[test]
fn every_property_has_hover_docs() {
    fn walk(v: &serde_json::Value, at: &str, missing: &mut Vec<String>) {
        if let Some(props) = v.get("properties").and_then(|p| p.as_object()) {
            for (name, sub) in props {
                for key in ["description", "markdownDescription"] {
                    if sub.get(key).is_none() {
                        missing.push(format!("{at}/{name}: {key}"));
                    }
                }
                walk(sub, &format!("{at}/{name}"), missing);
            }
        }
        if let Some(defs) = v.get("$defs").and_then(|d| d.as_object()) {
            for (name, sub) in defs {
                walk(sub, &format!("#/$defs/{name}"), missing);
            }
        }
    }
    let mut missing = Vec::new();
    for text in [SCHEMA_JSON, LIBRARY_SCHEMA_JSON] {
        let schema: serde_json::Value = serde_json::from_str(text).unwrap();
        walk(&schema, "#", &mut missing);
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

#[test]
fn an_independent_validator_agrees_on_every_fixture() {
    let build = |text: &str| {
        let json: serde_json::Value = serde_json::from_str(text).unwrap();
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&json)
            .unwrap()
    };
    let (independent, independent_library) = (build(SCHEMA_JSON), build(LIBRARY_SCHEMA_JSON));
    let (ours, ours_library) = (Schema::embedded().unwrap(), Schema::library().unwrap());
    let mut libraries = 0;

    let mut files = Vec::new();
    yaml_files(Path::new("examples"), &mut files);
    yaml_files(Path::new("tests/fixtures"), &mut files);
    let (mut valid, mut invalid) = (0, 0);
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let parsed = parse(&text, &Limits::default());
        let (Some(root), true) = (parsed.root, parsed.diagnostics.is_empty()) else {
            continue;
        };
        // cjm picks the library schema by `type: library`, as editors do by the modeline.
        let is_library = root.get("type").and_then(|t| t.as_str()) == Some("library");
        let (ours, independent) = if is_library {
            libraries += 1;
            (ours_library, &independent_library)
        } else {
            (ours, &independent)
        };
        let ours_ok = ours.validate(&root).is_empty();
        let theirs_ok = independent.is_valid(&root.to_json());
        assert_eq!(ours_ok, theirs_ok, "verdicts differ on {}", path.display());
        if ours_ok { valid += 1 } else { invalid += 1 }
    }
    assert!(
        libraries >= 2,
        "too few library files compared: {libraries}"
    );
    assert!(
        valid >= 5 && invalid >= 4,
        "too few fixtures compared: {valid} valid, {invalid} invalid"
    );
}
