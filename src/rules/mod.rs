//! Lint rules: the gaps a CX practitioner would flag in review.

use crate::check::Options;
use crate::config::Settings;
use crate::diag::Diagnostic;
use crate::model::Map;

pub fn run(_map: &Map, _settings: &Settings, _options: &Options) -> Vec<Diagnostic> {
    Vec::new()
}
