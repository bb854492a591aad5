//! Diffing two maps (the input split at its first NUL byte, or a map against itself)
//! and drawing the diff.
#![no_main]

use cjm::check::{Input, Options, check_bytes};
use cjm::config::Config;
use libfuzzer_sys::fuzz_target;

fn map(bytes: &[u8]) -> Option<cjm::model::Map> {
    let checked = check_bytes(
        &Input::Stdin,
        bytes.to_vec(),
        &Config::default(),
        &Options::default(),
    );
    (!checked.report.has_errors())
        .then_some(checked.map)
        .flatten()
}

fuzz_target!(|data: &[u8]| {
    let (a, b) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, data),
    };
    let (Some(a), Some(b)) = (map(a), map(b)) else {
        return;
    };
    let d = cjm::diff::diff(&a, &b);
    if a == b {
        assert!(d.is_empty(), "a map diffed with itself: {:?}", d.changes);
    }
    let svg = cjm::diff::picture::svg(&a, &b, &d);
    roxmltree::Document::parse(&svg).expect("the diff SVG is well-formed XML");
});
