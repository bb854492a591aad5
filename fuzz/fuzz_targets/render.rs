//! Rendering any map that checks clean, to SVG, Markdown and Mermaid; the SVG must
//! stay well-formed XML with nothing active in it.
#![no_main]

use cjm::check::{Input, Options, check_bytes};
use cjm::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = check_bytes(
        &Input::Stdin,
        data.to_vec(),
        &Config::default(),
        &Options::default(),
    );
    let Some(map) = checked.map else { return };
    if checked.report.has_errors() {
        return;
    }
    let svg = cjm::render::svg::render(&map);
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    for node in doc.descendants() {
        assert!(!node.has_tag_name("script") && !node.has_tag_name("foreignObject"));
        for a in node.attributes() {
            assert!(!a.name().starts_with("on"), "event attribute {}", a.name());
        }
    }
    let _ = cjm::render::markdown::render(&map);
    let _ = cjm::render::mermaid::render(&map);
    let _ = cjm::render::html::render(&map);
});
