//! Property tests: no input panics the reader, the schema check, the model, the rules,
//! the renderers or diff; the cheap, always-on cousin of the cargo-fuzz targets.

use cjm::check::{Input, Options, check_bytes};
use cjm::config::Config;
use proptest::prelude::*;

fn check(bytes: Vec<u8>) {
    let checked = check_bytes(
        &Input::Stdin,
        bytes,
        &Config::default(),
        &Options::default(),
    );
    for d in &checked.report.diagnostics {
        assert!(!d.message.is_empty());
    }
    // Whatever checks clean is drawn in every format and compared with the example.
    let Some(map) = checked.map.filter(|_| !checked.report.has_errors()) else {
        return;
    };
    let svg = cjm::render::svg::render(&map);
    roxmltree::Document::parse(&svg).expect("the SVG is well-formed");
    let _ = cjm::render::markdown::render(&map);
    let _ = cjm::render::mermaid::render(&map);
    let _ = cjm::render::html::render(&map);
    let example = check_bytes(
        &Input::Stdin,
        EXAMPLE.as_bytes().to_vec(),
        &Config::default(),
        &Options::default(),
    )
    .map
    .expect("the example reads");
    let d = cjm::diff::diff(&example, &map);
    let picture = cjm::diff::picture::svg(&example, &map, &d);
    roxmltree::Document::parse(&picture).expect("the diff SVG is well-formed");
    assert!(cjm::diff::diff(&map, &map).is_empty());
}

const EXAMPLE: &str = include_str!("../examples/grocery-current.yaml");

/// Fragments that build YAML that is often nearly a map, so the checks past the reader run.
fn yamlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("cjm: 1\n".to_string()),
        Just("title: t\n".to_string()),
        Just("type: current-state\n".to_string()),
        Just("stages:\n".to_string()),
        Just("  - name: A\n".to_string()),
        Just("    emotion: ".to_string()),
        Just("    touchpoints:\n      - name: T\n".to_string()),
        Just("    pain_points: [{name: P, touchpoint: x}]\n".to_string()),
        Just("&a ".to_string()),
        Just("*a".to_string()),
        Just("[".to_string()),
        Just("{".to_string()),
        Just("'".to_string()),
        Just("\t".to_string()),
        Just("---\n".to_string()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
        Just("\n".to_string()),
    ];
    prop::collection::vec(token, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(bytes);
    }

    #[test]
    fn arbitrary_yaml_never_panics(text in yamlish()) {
        check(text.into_bytes());
    }

    #[test]
    fn an_example_with_a_splice_never_panics(at in 0..EXAMPLE.len(), cut in 0..40usize, insert in "\\PC{0,8}") {
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        let end = (at + cut).min(bytes.len());
        bytes.splice(at..end, insert.into_bytes());
        check(bytes);
    }
}
