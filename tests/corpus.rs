//! The benchmark corpus is what it says: clean maps are free of findings and each
//! planted defect is found, so benchmarks time real work on known input.

#[path = "../benches/corpus.rs"]
mod corpus;

use cjm::check::{Input, Options, check_bytes};
use cjm::config::Config;
use cjm::date::Date;

#[test]
fn clean_maps_are_clean_and_planted_defects_are_found() {
    let options = Options {
        today: Date::parse("2026-12-01").unwrap(),
        ..Options::default()
    };
    for shape in [corpus::Shape::Small, corpus::Shape::Realistic] {
        let mut sizes = 0;
        for i in 0..60 {
            let text = corpus::map(7, i, shape);
            sizes += text.len();
            let checked = check_bytes(
                &Input::Stdin,
                text.clone().into_bytes(),
                &Config::default(),
                &options,
            );
            let codes: Vec<&str> = checked.report.diagnostics.iter().map(|d| d.code).collect();
            let expected: &[&str] = match corpus::defect_of(i) {
                corpus::Defect::None => &[],
                corpus::Defect::Schema => &["out-of-range"],
                corpus::Defect::Reference => &["unknown-touchpoint"],
                corpus::Defect::Lint => &["stage-without-touchpoints"],
            };
            assert_eq!(codes, expected, "{shape:?} map {i}:\n{text}");
        }
        let average = sizes / 60;
        let (low, high) = match shape {
            corpus::Shape::Small => (1200, 1800),
            corpus::Shape::Realistic => (4500, 6000),
        };
        assert!((low..high).contains(&average), "{shape:?}: {average} bytes");
    }
    assert_eq!(
        corpus::map(7, 3, corpus::Shape::Small),
        corpus::map(7, 3, corpus::Shape::Small)
    );
}
