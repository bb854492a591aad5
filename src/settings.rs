//! What a check run is told, in one place below `check`, `config` and `rules`: the
//! run's [`Options`] (from the command line), and per map the [`Settings`] from its
//! `cjm.toml` (rule [`Level`]s and rule options). Plain data; nothing here reads files.

use std::collections::HashMap;
use std::fmt;

use crate::date::Date;
use crate::diag::Severity;
use crate::read::Limits;

/// What a check run needs besides the files.
#[derive(Clone, Debug)]
pub struct Options {
    pub limits: Limits,
    /// The date stale-map rules measure against; fixed in tests with `--today`.
    pub today: Date,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: Limits::default(),
            today: Date::today(),
        }
    }
}

/// How loudly a rule speaks; `off` silences it. Set per rule in `cjm.toml`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub const NAMES: [&'static str; 4] = ["off", "info", "warning", "error"];

    pub fn parse(s: &str) -> Option<Level> {
        Some(match s {
            "off" => Level::Off,
            "info" => Level::Info,
            "warning" => Level::Warning,
            "error" => Level::Error,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        Level::NAMES[self as usize]
    }

    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rule levels and options in force for one map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub levels: HashMap<&'static str, Level>,
    /// Days after `reviewed` before `stale-map` fires.
    pub stale_after_days: i64,
    /// How pictures and documents look: `[render]` and `[labels]`.
    pub render: RenderSettings,
    /// A team's own words the schema accepts beside its built-in ones: `[vocabulary]`.
    pub vocabulary: Vocabulary,
}

/// Values a team adds to the schema's lists, from `[vocabulary]` in `cjm.toml`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Vocabulary {
    /// More touchpoint `channel` values.
    pub channels: Vec<String>,
    /// More research `kind` values.
    pub research_kinds: Vec<String>,
    /// More pain point `severity` values (drawn as written, ranked below cjm's own).
    pub severities: Vec<String>,
}

impl Vocabulary {
    pub fn is_empty(&self) -> bool {
        self.channels.is_empty() && self.research_kinds.is_empty() && self.severities.is_empty()
    }
}

/// A team's look for every output, from `cjm.toml`. Colours are `#rrggbb`, checked when
/// the file is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RenderSettings {
    /// The title's colour.
    pub title: Option<String>,
    /// The stage headers' colour.
    pub header: Option<String>,
    /// Opportunity cards and links.
    pub accent: Option<String>,
    /// `(language or None for all, label key, text)`: the team's words for cjm's own.
    pub labels: Vec<(Option<String>, String, String)>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            levels: HashMap::new(),
            stale_after_days: 365,
            render: RenderSettings::default(),
            vocabulary: Vocabulary::default(),
        }
    }
}

impl Settings {
    /// The level of the rule `name` here: as configured, else its `default`.
    pub fn level_of(&self, name: &str, default: Level) -> Level {
        self.levels.get(name).copied().unwrap_or(default)
    }
}
