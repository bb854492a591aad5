//! Reading and checking any bytes: YAML, schema, references, lint rules, reports.
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
    let reports = [checked.report];
    let summary = cjm::report::Summary::of(&reports);
    let _ = cjm::report::human::print(&reports, &summary, false);
    let _ = cjm::report::json::print(&reports, &summary);
});
