//! Checking a folder of maps and keeping each map's model beside its findings, which
//! [`check::check_all`](crate::check::check_all) drops: the portfolio needs both.

use std::sync::atomic::AtomicUsize;

use crate::check::{self, FileReport, baseline, hierarchy, map_ids};
use crate::config::Config;
use crate::inputs::Input;
use crate::model::Map;
use crate::settings::Options;

/// One checked file, as the portfolio is built from it.
#[derive(Debug)]
pub struct Entry {
    pub report: FileReport,
    pub map: Option<Map>,
    /// The age after which its map is stale, from its `cjm.toml`.
    pub stale_after_days: i64,
}

/// Checks every input on all cores (each map's library references resolved and its
/// library personas filled in, as `render` does), then runs the passes across files
/// (unique ids, baselines, the `parent:`/`journey:` hierarchy). The findings are those
/// `cjm validate` prints, except `unused-library-item`, which needs every reference
/// of the run and is left to `validate`. Library files are not entries (their findings
/// are `validate`'s too). Input order is kept;
/// finished files are counted in `done`, for a progress display.
pub fn check(
    inputs: &[Input],
    config: &Config,
    options: &Options,
    done: &AtomicUsize,
) -> Vec<Entry> {
    let results = check::in_parallel(inputs, done, |input| {
        let checked = check::check_input(input, config, options);
        (checked, config.settings_for(input).stale_after_days)
    });
    let mut reports = Vec::with_capacity(results.len());
    let mut rest = Vec::with_capacity(results.len());
    for (checked, stale) in results {
        reports.push(checked.report);
        rest.push((checked.map, stale));
    }
    map_ids::check_unique(&mut reports);
    baseline::resolve(&mut reports);
    hierarchy::check(&mut reports, config);
    // Library files lend the maps personas, research and teams; they are not maps.
    reports
        .into_iter()
        .zip(rest)
        .filter(|(report, _)| report.library.is_none())
        .map(|(report, (map, stale_after_days))| Entry {
            report,
            map,
            stale_after_days,
        })
        .collect()
}
