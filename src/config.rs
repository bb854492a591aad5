//! `cjm.toml`: rule levels and options, found by walking up from each map's folder; the
//! nearest file wins, as with `ruff.toml`.
//!
//! ```toml
//! [rules]
//! stage-without-touchpoints = "off"     # off | info | warning | error
//! metric-without-target = "error"
//!
//! [options]
//! stale-after-days = 180                # for stale-map and stale-metric; 365 by default
//!
//! [render]                              # a team's colours, in every output
//! title = "#0b5394"
//! header = "#0b5394"                    # stage headers
//! accent = "#e69138"                    # opportunity cards and links
//!
//! [labels]                              # a team's words for cjm's own
//! pain_points = "Friction"
//! [labels.ru]                           # only for maps with `lang: ru`
//! pain_points = "Трения"
//!
//! [vocabulary]                          # a team's own values, accepted by the schema
//! channels = ["drive-through"]
//! research_kinds = ["field-visit"]
//! severities = ["blocker"]
//! ```
//!
//! Mistakes in the file (bad TOML, unknown rules or keys, bad values) are findings in
//! that file, located like any other.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use serde::Deserialize;

use crate::diag::{Diagnostic, Pos, Span};
use crate::inputs::Input;
use crate::read::Source;
use crate::rules;
use crate::settings::{Level, Settings};
use crate::suggest::did_you_mean;

pub const FILE_NAME: &str = "cjm.toml";

/// Tables are read loosely so every mistake in them can be reported, not just the first.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    rules: Table,
    #[serde(default)]
    options: Table,
    #[serde(default)]
    render: Table,
    #[serde(default)]
    labels: Table,
    #[serde(default)]
    vocabulary: Table,
}

const OPTIONS: &[&str] = &["stale-after-days"];
const RENDER: &[&str] = &["title", "header", "accent"];
const VOCABULARY: &[&str] = &["channels", "research_kinds", "severities"];

/// A `cjm.toml` that was read, with its findings.
#[derive(Debug)]
pub struct ConfigFile {
    /// The path as printed: relative to the working directory when below it.
    pub path: PathBuf,
    pub diagnostics: Vec<Diagnostic>,
    /// The file could not be read at all.
    pub unreadable: bool,
}

/// Finds and caches `cjm.toml` files for a run; collects their findings.
#[derive(Debug, Default)]
pub struct Config {
    /// Folder → settings in force there.
    by_dir: Mutex<HashMap<PathBuf, Arc<Settings>>>,
    /// Config files read, with their findings, in the order first met.
    files: Mutex<Vec<ConfigFile>>,
    /// Settings from an explicit `--config`, used for every map.
    fixed: Option<Arc<Settings>>,
}

impl Config {
    /// Every map uses the file at `path`; nothing is discovered.
    pub fn from_file(path: &Path) -> Config {
        let config = Config::default();
        let settings = config.load(path);
        Config {
            fixed: Some(settings),
            ..config
        }
    }

    /// The settings for `input`: its nearest `cjm.toml`, else the defaults.
    pub fn settings_for(&self, input: &Input) -> Arc<Settings> {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        let dir = input.dir();
        let dir = if dir.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            dir
        };
        let dir = std::fs::canonicalize(&dir).unwrap_or(dir);
        self.for_dir(&dir)
    }

    fn for_dir(&self, dir: &Path) -> Arc<Settings> {
        if let Some(found) = self.lock_dirs().get(dir) {
            return found.clone();
        }
        let candidate = dir.join(FILE_NAME);
        let settings = if candidate.is_file() {
            self.load(&candidate)
        } else if let Some(parent) = dir.parent() {
            self.for_dir(parent)
        } else {
            Arc::new(Settings::default())
        };
        self.lock_dirs().insert(dir.to_path_buf(), settings.clone());
        settings
    }

    fn lock_dirs(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, Arc<Settings>>> {
        self.by_dir.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn load(&self, path: &Path) -> Arc<Settings> {
        let shown = relative_to_cwd(path);
        let (settings, diagnostics, unreadable) = match std::fs::read_to_string(path) {
            Ok(text) => {
                let (settings, diagnostics) = parse(&text);
                (settings, diagnostics, false)
            }
            Err(e) => (
                Settings::default(),
                vec![Diagnostic::error(
                    "unreadable",
                    Span::default(),
                    format!("could not read the configuration: {e}"),
                )],
                true,
            ),
        };
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if !files.iter().any(|f| f.path == shown) {
            files.push(ConfigFile {
                path: shown,
                diagnostics,
                unreadable,
            });
        }
        Arc::new(settings)
    }

    /// The configuration files that have findings.
    pub fn take_findings(&self) -> Vec<ConfigFile> {
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *files)
            .into_iter()
            .filter(|f| !f.diagnostics.is_empty())
            .collect()
    }
}

/// `path` relative to the working directory when it lies below it, for shorter output.
fn relative_to_cwd(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| std::fs::canonicalize(cwd).ok())
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf())
}

/// Parses a `cjm.toml` text into settings and findings located in it.
pub fn parse(text: &str) -> (Settings, Vec<Diagnostic>) {
    let source = Source::new(text.to_string());
    let mut settings = Settings::default();
    let mut out = Vec::new();
    let span_of = |range: std::ops::Range<usize>| {
        Span::new(byte_pos(text, range.start), byte_pos(text, range.end))
    };
    match toml::from_str::<RawConfig>(text) {
        Err(e) => {
            let span = e
                .span()
                .map_or(Span::point(Pos { line: 1, col: 1 }), span_of);
            out.push(Diagnostic::error(
                "invalid-config",
                span,
                format!("invalid configuration: {}", e.message().trim()),
            ));
        }
        Ok(raw) => {
            for (name, level) in in_file_order(raw.rules) {
                let Some(rule) = rules::find(name.get_ref()) else {
                    let names: Vec<_> = rules::RULES.iter().map(|r| r.name).collect();
                    out.push(unknown(
                        "unknown-rule",
                        span_of(name.span()),
                        "rule",
                        name.get_ref(),
                        &names,
                        "`cjm rules` lists them all".into(),
                    ));
                    continue;
                };
                match level.get_ref().as_str().and_then(Level::parse) {
                    Some(l) => {
                        settings.levels.insert(rule.name, l);
                    }
                    None => out.push(Diagnostic::error(
                        "invalid-config",
                        span_of(level.span()),
                        format!(
                            "`{}` is not a rule level; use one of \"{}\"",
                            level.get_ref(),
                            Level::NAMES.join("\", \"")
                        ),
                    )),
                }
            }
            for (key, value) in in_file_order(raw.options) {
                match key.get_ref().as_str() {
                    "stale-after-days" => match value.get_ref().as_integer() {
                        Some(days) if days >= 1 => settings.stale_after_days = days,
                        _ => out.push(Diagnostic::error(
                            "invalid-config",
                            span_of(value.span()),
                            "`stale-after-days` must be a whole number of days, at least 1",
                        )),
                    },
                    other => out.push(unknown(
                        "invalid-config",
                        span_of(key.span()),
                        "option",
                        other,
                        OPTIONS,
                        format!("known options: {}", OPTIONS.join(", ")),
                    )),
                }
            }
            render(&mut settings, raw.render, &span_of, &mut out);
            labels(&mut settings, raw.labels, None, &span_of, &mut out);
            vocabulary(&mut settings, raw.vocabulary, &span_of, &mut out);
        }
    }
    // Tables are read one after another; findings are told in the file's order.
    out.sort_by_key(|d| (d.span.start.line, d.span.start.col));
    source.attach_lines(&mut out);
    crate::codes::debug_assert_known(&out);
    (settings, out)
}

type Table = HashMap<toml::Spanned<String>, toml::Spanned<toml::Value>>;

/// A table's entries in the order the file has them, so findings come out in line order.
fn in_file_order(table: Table) -> Vec<(toml::Spanned<String>, toml::Spanned<toml::Value>)> {
    let mut entries: Vec<_> = table.into_iter().collect();
    entries.sort_by_key(|(k, _)| k.span().start);
    entries
}

/// "there is no `what` named `name`", with the nearest known name or else `otherwise`.
fn unknown(
    code: &'static str,
    span: Span,
    what: &str,
    name: &str,
    known: &[&str],
    otherwise: String,
) -> Diagnostic {
    let help = match did_you_mean(name, known.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => otherwise,
    };
    Diagnostic::error(code, span, format!("there is no {what} named `{name}`")).with_help(help)
}

/// `[render]`: colours as `#rrggbb` (or `#rgb`).
fn render(
    settings: &mut Settings,
    table: Table,
    span_of: &dyn Fn(std::ops::Range<usize>) -> Span,
    out: &mut Vec<Diagnostic>,
) {
    for (key, value) in in_file_order(table) {
        let slot = match key.get_ref().as_str() {
            "title" => &mut settings.render.title,
            "header" => &mut settings.render.header,
            "accent" => &mut settings.render.accent,
            other => {
                out.push(unknown(
                    "invalid-config",
                    span_of(key.span()),
                    "render setting",
                    other,
                    RENDER,
                    format!("`[render]` sets: {}", RENDER.join(", ")),
                ));
                continue;
            }
        };
        match value.get_ref().as_str() {
            Some(c) if crate::render::theme::parse(c).is_some() => *slot = Some(c.to_string()),
            _ => out.push(
                Diagnostic::error(
                    "invalid-config",
                    span_of(value.span()),
                    format!("`{}` must be a colour like \"#0b5394\"", key.get_ref()),
                )
                .with_help("write it as `#` and six (or three) hex digits, in quotes"),
            ),
        }
    }
}

/// `[vocabulary]`: lists of words (no spaces) the schema accepts beside its own.
fn vocabulary(
    settings: &mut Settings,
    table: Table,
    span_of: &dyn Fn(std::ops::Range<usize>) -> Span,
    out: &mut Vec<Diagnostic>,
) {
    for (key, value) in in_file_order(table) {
        let slot = match key.get_ref().as_str() {
            "channels" => &mut settings.vocabulary.channels,
            "research_kinds" => &mut settings.vocabulary.research_kinds,
            "severities" => &mut settings.vocabulary.severities,
            other => {
                out.push(unknown(
                    "invalid-config",
                    span_of(key.span()),
                    "vocabulary",
                    other,
                    VOCABULARY,
                    format!("`[vocabulary]` extends: {}", VOCABULARY.join(", ")),
                ));
                continue;
            }
        };
        let words: Option<Vec<String>> = value.get_ref().as_array().and_then(|items| {
            items
                .iter()
                .map(|v| {
                    v.as_str()
                        .filter(|w| {
                            !w.is_empty() && w.len() <= 60 && !w.contains(char::is_whitespace)
                        })
                        .map(str::to_string)
                })
                .collect()
        });
        match words {
            Some(words) => *slot = words,
            None => out.push(
                Diagnostic::error(
                    "invalid-config",
                    span_of(value.span()),
                    format!("`{}` must be a list of words without spaces", key.get_ref()),
                )
                .with_help(match key.get_ref().as_str() {
                    "channels" => "write it like `channels = [\"drive-through\"]`",
                    "severities" => "write it like `severities = [\"blocker\"]`",
                    _ => "write it like `research_kinds = [\"field-visit\"]`",
                }),
            ),
        }
    }
}

/// `[labels]` (every language) and `[labels.LANG]` (maps with that `lang:`).
fn labels(
    settings: &mut Settings,
    table: Table,
    lang: Option<&str>,
    span_of: &dyn Fn(std::ops::Range<usize>) -> Span,
    out: &mut Vec<Diagnostic>,
) {
    let keys = crate::render::labels::KEYS;
    for (key, value) in in_file_order(table) {
        let name = key.get_ref().as_str();
        match value.get_ref() {
            toml::Value::Table(sub) if lang.is_none() => {
                // Spans inside a nested table are lost by `toml::Value`; point at its key.
                let at = key.span();
                let nested: Table = sub
                    .iter()
                    .map(|(k, v)| {
                        (
                            toml::Spanned::new(at.clone(), k.clone()),
                            toml::Spanned::new(at.clone(), v.clone()),
                        )
                    })
                    .collect();
                labels(settings, nested, Some(name), span_of, out);
            }
            toml::Value::String(text) if keys.contains(&name) => {
                if text.trim().is_empty() {
                    out.push(Diagnostic::error(
                        "invalid-config",
                        span_of(value.span()),
                        format!("the label `{name}` is empty; remove it to keep cjm's word"),
                    ));
                } else {
                    settings.render.labels.push((
                        lang.map(str::to_string),
                        name.to_string(),
                        text.clone(),
                    ));
                }
            }
            _ if keys.contains(&name) => out.push(Diagnostic::error(
                "invalid-config",
                span_of(value.span()),
                format!("the label `{name}` must be text in quotes"),
            )),
            _ => out.push(unknown(
                "invalid-config",
                span_of(key.span()),
                "label",
                name,
                keys,
                "labels are named like the words they replace (`pain_points`, `goals`, `legend`); the README's `[labels]` section lists them all".into(),
            )),
        }
    }
    // Overrides apply in file order, so the nearest line wins for a key.
    settings
        .render
        .labels
        .sort_by_key(|(lang, _, _)| lang.is_some());
}

/// The line and character column of a byte offset.
fn byte_pos(text: &str, offset: usize) -> Pos {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Pos {
        line,
        col: before[line_start..].chars().count() as u32 + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_come_in_the_files_order() {
        let (_, d) = parse(
            "[render]\ntitel = \"#fff\"\n[labels]\npain_pionts = \"Ouch\"\n[options]\nstale = 3\n[rules]\nno-such-rule = \"off\"\n",
        );
        let lines: Vec<u32> = d.iter().map(|d| d.span.start.line).collect();
        assert_eq!(lines, [2, 4, 6, 8], "{d:?}");
    }

    #[test]
    fn levels_and_options_are_read() {
        let (s, d) = parse(
            "[rules]\nstage-without-touchpoints = \"off\"\n[options]\nstale-after-days = 30\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(s.levels["stage-without-touchpoints"], Level::Off);
        assert_eq!(s.stale_after_days, 30);
    }

    #[test]
    fn mistakes_are_located() {
        let (_, d) = parse("[rules]\nstage-without-touchpoint = \"off\"\nstale-map = \"loud\"\n");
        assert_eq!(d[0].code, "unknown-rule");
        assert_eq!(d[0].span.start, Pos { line: 2, col: 1 });
        assert_eq!(
            d[0].help.as_deref(),
            Some("did you mean `stage-without-touchpoints`?")
        );
        assert_eq!(d[1].code, "invalid-config");
        assert_eq!(d[1].span.start, Pos { line: 3, col: 13 });
        let (_, d) = parse("[rule]\n");
        assert_eq!(d[0].code, "invalid-config");
        let (_, d) = parse("[rules\n");
        assert_eq!(d[0].code, "invalid-config");
    }
}
