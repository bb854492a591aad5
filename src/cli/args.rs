//! The command line, declared once with clap derive; help, completions and the man
//! page all come from here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::date::Date;

/// Customer journey maps as code: validate, render and diff YAML journey maps.
#[derive(Debug, Parser)]
#[command(name = "cjm", version = env!("CJM_VERSION"), about, long_about = None)]
#[command(
    after_help = "New here? Start a map, check it, draw it:\n  cjm init maps/journey.yaml\n  cjm validate maps/\n  cjm render maps/journey.yaml -o journey.svg\n\n\
Exit codes: 0 no errors, 1 errors found, 2 could not run. `cjm explain CODE` explains\n\
any code in brackets, such as `error[unknown-key]`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour the output; `NO_COLOR` in the environment means never.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto, display_order = 100)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a commented starter map that validates with no finding.
    #[command(
        after_help = "Examples:\n  cjm init\n  cjm init maps/checkout.yaml --type service-blueprint\n  cjm init maps/checkout-future.yaml --type future-state --baseline checkout"
    )]
    Init(InitArgs),
    /// Check maps against the schema, their references and the lint rules.
    #[command(
        after_help = "Examples:\n  cjm validate maps/\n  cjm validate --format json journey.yaml\n  cat map.yaml | cjm validate -"
    )]
    Validate(ValidateArgs),
    /// Draw maps as SVG, PNG or PDF, or write them as HTML, Markdown or a Mermaid journey.
    #[command(
        after_help = "Examples:\n  cjm render examples/grocery-current.yaml -o grocery.svg\n  cjm render map.yaml -o map.html\n  cjm render map.yaml -o map.png --scale 2\n  cjm render map.yaml -o map.pdf\n  cjm render maps/ -o site/maps/ --format markdown\n  cjm render map.yaml --format mermaid"
    )]
    Render(RenderArgs),
    /// Show what changes between a current-state and a future-state map.
    #[command(
        after_help = "Examples:\n  cjm diff examples/grocery-current.yaml examples/grocery-future.yaml\n  cjm diff examples/grocery-future.yaml        # against its `baseline:`\n  cjm diff HEAD:maps/x.yaml maps/x.yaml        # your edit against the last commit\n  cjm diff current.yaml future.yaml -o changes.svg\n  cjm diff --exit-code --format json current.yaml future.yaml"
    )]
    Diff(DiffArgs),
    /// Summarise a folder of maps for CI: pain points, opportunities, stale maps, owners.
    #[command(
        after_help = "Exit codes: 0 the report was written (findings in maps do not fail it), 2 could not run.\n\n\
Examples:\n  cjm report maps/\n  cjm report maps/ --format markdown >> \"$GITHUB_STEP_SUMMARY\"\n  cjm report maps/ --format json -o portfolio.json"
    )]
    Report(ReportArgs),
    /// Build a static website of a folder of maps: index, maps, diffs, personas, backlog.
    #[command(
        after_help = "The site works from `file://` and any static host (GitHub Pages): no server, no\n\
external resource. It is built next to OUT and swapped into place, so a failed run\n\
leaves the previous site as it was.\n\n\
Examples:\n  cjm site maps/ -o public/\n  cjm site maps/ -o public/ --today 2026-11-23"
    )]
    Site(SiteArgs),
    /// Turn a Mermaid `journey` diagram into a map.
    #[command(
        after_help = "Sections become stages, tasks touchpoints with an emotion (score 1..5 → -2..+2),\nactors personas (and each touchpoint's `personas:`).\n\nExamples:\n  cjm import docs/journey.mmd -o maps/journey.yaml\n  cjm render map.yaml --format mermaid | cjm import -"
    )]
    Import(ImportArgs),
    /// List the lint rules, or explain one.
    #[command(after_help = "Examples:\n  cjm rules\n  cjm rules stage-without-touchpoints")]
    Rules(RulesArgs),
    /// Explain a diagnostic code (`unknown-key`, `yaml-syntax`, a lint rule, ...).
    #[command(
        after_help = "Every finding names its code in brackets: `error[unknown-key]`.\n\nExamples:\n  cjm explain unknown-key\n  cjm explain          # every code, with a one-line summary"
    )]
    Explain(ExplainArgs),
    /// Serve the language server protocol on stdin/stdout, for editors.
    #[command(
        after_help = "Diagnostics as `cjm validate` reports them, completion, hover, go to definition,\nreferences, rename, outline and quick fixes, for maps and library files below the\neditor's workspace folders. See `editors/` and the README for editor setup."
    )]
    Lsp,
    /// Serve a map (or a folder's site) on 127.0.0.1, reloading the page on every save.
    #[command(
        after_help = "The first line of output is the URL. Only the rendered pages are served.\n\nExamples:\n  cjm preview examples/grocery-current.yaml\n  cjm preview examples/portfolio --port 8080"
    )]
    Preview(PreviewArgs),
    /// Print the JSON Schema of the map format (for editors and other validators).
    #[command(
        after_help = "Examples:\n  cjm schema > journey-map.schema.json\n  cjm schema --config cjm.toml > journey-map.schema.json   # with the team's [vocabulary]"
    )]
    Schema(SchemaArgs),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  cjm completions bash > ~/.local/share/bash-completion/completions/cjm\n  cjm completions zsh > ~/.zfunc/_cjm\n  cjm completions fish > ~/.config/fish/completions/cjm.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the man page (roff) with every command, or write one page per command.
    #[command(
        after_help = "Examples:\n  cjm man > ~/.local/share/man/man1/cjm.1\n  cjm man --dir ~/.local/share/man/man1     # cjm.1, cjm-validate.1, ..."
    )]
    Man(ManArgs),
}

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The file to create; it is never overwritten. `-` prints the map instead.
    #[arg(default_value = "journey.yaml")]
    pub file: PathBuf,

    /// The kind of map.
    #[arg(long = "type", value_enum, default_value_t = InitType::CurrentState)]
    pub kind: InitType,

    /// For a future-state map: the current-state map it improves on (its id, or a path
    /// relative to the new file).
    #[arg(long, value_name = "MAP")]
    pub baseline: Option<String>,
}

#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The Mermaid file (`.mmd`, or Markdown: its first mermaid block that is a journey); `-` reads stdin.
    pub file: PathBuf,

    /// Where to write the map: a file (replaced atomically), or `-` for stdout.
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    pub output: PathBuf,

    /// The kind of map to declare.
    #[arg(long = "type", value_enum, default_value_t = InitType::CurrentState)]
    pub kind: InitType,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InitType {
    CurrentState,
    FutureState,
    DayInTheLife,
    ServiceBlueprint,
    Experience,
}

impl InitType {
    pub fn as_str(self) -> &'static str {
        match self {
            InitType::CurrentState => "current-state",
            InitType::FutureState => "future-state",
            InitType::DayInTheLife => "day-in-the-life",
            InitType::ServiceBlueprint => "service-blueprint",
            InitType::Experience => "experience",
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Map files or folders (searched recursively); `-` reads stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// Where to write: a file, a folder (one file per map, named after it), or `-` for stdout.
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    pub output: PathBuf,

    /// The output format; by default taken from the output file's extension, else SVG.
    #[arg(long, value_enum)]
    pub format: Option<RenderFormat>,

    /// For PNG: pixels per SVG unit (2 suits slides and high-density screens).
    #[arg(long, value_parser = parse_scale)]
    pub scale: Option<f32>,

    /// Show only these lanes, comma-separated, in the picture and the documents: a
    /// summary for executives (`--lanes touchpoints,emotion,pain_points`). Lanes:
    /// physical_evidence, actions, thoughts, touchpoints, emotion, pain_points,
    /// opportunities, metrics, frontstage, backstage, support, and the ids of the map's
    /// own `lanes:`. They keep the map's order, whatever order they are named in.
    #[arg(long, value_name = "LANES", value_parser = parse_lanes)]
    pub lanes: Option<LaneList>,

    #[command(flatten)]
    pub check: CheckArgs,
}

/// `--lanes` as one value (clap would take a `Vec` for a repeated option).
#[derive(Clone, Debug)]
pub struct LaneList(pub Vec<String>);

fn parse_lanes(s: &str) -> Result<LaneList, String> {
    crate::render::View::parse_lanes(s).map(LaneList)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// A journey-map picture (.svg).
    Svg,
    /// A document for git hosts, with a Mermaid journey (.md).
    Markdown,
    /// The Mermaid `journey` block alone (.mmd).
    Mermaid,
    /// One self-contained page: the picture and the tables, no script (.html).
    Html,
    /// The picture as a PNG image, drawn at `--scale` (.png).
    Png,
    /// The picture as a vector PDF: text selectable, fonts embedded (.pdf).
    Pdf,
}

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The current map; alone, the future map, compared with its `baseline:`.
    pub current: PathBuf,

    /// The future map.
    pub future: Option<PathBuf>,

    /// How to print the changes; by default taken from the output file's extension
    /// (.svg, .png, .html, .md, .json, .txt), else human.
    #[arg(long, value_enum)]
    pub format: Option<DiffFormat>,

    /// Where to write: a file (replaced atomically), or `-` for stdout.
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    pub output: PathBuf,

    /// For PNG: pixels per SVG unit (2 suits slides and high-density screens).
    #[arg(long, value_parser = parse_scale)]
    pub scale: Option<f32>,

    /// Exit 1 when the maps differ and 0 when they do not, like `git diff --exit-code`.
    #[arg(long)]
    pub exit_code: bool,

    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Changes grouped by stage, with + / - / ~ marks.
    Human,
    /// A table fit for a pull-request comment.
    Markdown,
    /// One JSON document: `{ "current", "future", "changes": [...], "average_emotion_change" }`.
    Json,
    /// The future map drawn with the changes marked, removed items as ghosts and
    /// both emotion curves.
    Svg,
    /// That picture as a PNG image, drawn at `--scale` (.png).
    Png,
    /// That picture as a vector PDF: text selectable, fonts embedded (.pdf).
    Pdf,
    /// One self-contained page: the picture and the table of changes, no script (.html).
    Html,
}

#[derive(Debug, clap::Args)]
pub struct ReportArgs {
    /// Map files or folders (searched recursively for *.yaml and *.yml).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// How to print the report.
    #[arg(long, value_enum, default_value_t = ReportFormat::Human)]
    pub format: ReportFormat,

    /// Where to write: a file (replaced atomically), or `-` for stdout.
    #[arg(short, long, value_name = "OUT", default_value = "-")]
    pub output: PathBuf,

    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Aligned sections for the terminal.
    Human,
    /// Tables for `$GITHUB_STEP_SUMMARY` or a pull-request comment.
    Markdown,
    /// One JSON document with a `version` (see the README for the contract).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct SiteArgs {
    /// Map files or folders (searched recursively for *.yaml and *.yml).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,

    /// The folder to write the site to; replaced whole if it holds an earlier cjm site.
    #[arg(short, long, value_name = "OUT", required = true)]
    pub output: PathBuf,

    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, clap::Args)]
pub struct PreviewArgs {
    /// A map file, or a folder of maps to preview as a site.
    pub path: PathBuf,

    /// The port on 127.0.0.1; 0 (the default) picks a free one.
    #[arg(long, default_value_t = 0)]
    pub port: u16,
}

#[derive(Debug, clap::Args)]
pub struct SchemaArgs {
    /// Add the `[vocabulary]` of this `cjm.toml` (channels, research kinds) to the schema.
    #[arg(long, value_name = "FILE")]
    pub config: Option<std::path::PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct RulesArgs {
    /// A rule to explain; without one, all rules are listed.
    #[arg(value_parser = rule_names(), hide_possible_values = true)]
    pub rule: Option<String>,

    /// How to print the catalogue or the rule.
    #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
    pub format: RulesFormat,
}

#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write `cjm.1` and one page per command (`cjm-validate.1`, ...) into this folder
    /// instead of printing one page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The code to explain; without one, every code is listed.
    #[arg(value_parser = code_names(), hide_possible_values = true)]
    pub code: Option<String>,
}

/// Takes any name (cjm answers an unknown one with its own "did you mean") but tells
/// the shell completion scripts which names exist.
#[derive(Clone)]
pub struct NameParser(fn() -> Vec<&'static str>);

impl clap::builder::TypedValueParser for NameParser {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            (self.0)()
                .into_iter()
                .map(clap::builder::PossibleValue::new),
        ))
    }
}

fn rule_names() -> NameParser {
    NameParser(|| crate::rules::RULES.iter().map(|r| r.name).collect())
}

fn code_names() -> NameParser {
    NameParser(|| crate::codes::names().collect())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// A table, or the rule's documentation as text.
    Human,
    /// JSON: name, default level, summary and documentation.
    Json,
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Map files or folders (searched recursively for *.yaml and *.yml); `-` reads stdin.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Make warnings fail the run (exit 1), for CI.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub deny: Option<Deny>,

    /// Print every info on its own; by default infos are folded into one line per rule.
    #[arg(short, long)]
    pub verbose: bool,

    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    /// Warnings count as errors for the exit code.
    Warnings,
}

/// Options every command that reads maps shares.
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Take this date (YYYY-MM-DD) as today, for reproducible stale-map checks.
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub today: Option<Date>,

    /// Refuse map files larger than this many bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 8 * 1024 * 1024)]
    pub max_file_size: u64,

    /// Use this configuration file for every map instead of the nearest `cjm.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Findings with source excerpts, for people.
    Human,
    /// One JSON document (see the README for the contract).
    Json,
    /// GitHub Actions workflow commands, which annotate pull requests.
    Github,
    /// SARIF 2.1.0, for code-scanning upload.
    Sarif,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_scale(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(x) if (0.1..=8.0).contains(&x) => Ok(x),
        _ => Err(format!("`{s}` is not a scale from 0.1 to 8")),
    }
}

fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date written YYYY-MM-DD"))
}

#[cfg(test)]
mod tests {
    use super::Cli;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }
}
