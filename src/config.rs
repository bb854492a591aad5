//! `cjm.toml`: rule levels and options, found by walking up from each map's folder.
//! (Filled in by the lint work; for now every rule runs at its default level.)

use crate::check::Input;

/// Rule levels and options in force for one map.
#[derive(Clone, Debug, Default)]
pub struct Settings {}

/// All configuration files a run has found.
#[derive(Debug, Default)]
pub struct Config {}

impl Config {
    pub fn settings_for(&self, _input: &Input) -> Settings {
        Settings {}
    }
}
