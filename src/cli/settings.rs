//! Turning the options every map-reading command shares (`CheckArgs`) into the
//! library's run [`Options`] and [`Config`]: one place for validate, render and diff.

use super::args::CheckArgs;
use crate::config::Config;
use crate::settings::Options;

impl CheckArgs {
    pub fn options(&self) -> Options {
        let mut options = Options::default();
        options.limits.max_file_bytes = self.max_file_size;
        if let Some(today) = self.today {
            options.today = today;
        }
        options
    }

    /// The configuration a run uses: `--config`, else each map's nearest `cjm.toml`.
    pub fn config(&self) -> Config {
        match &self.config {
            Some(path) => Config::from_file(path),
            None => Config::default(),
        }
    }
}
