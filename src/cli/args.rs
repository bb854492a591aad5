//! The command line, declared once with clap derive; help, completions and the man
//! page all come from here.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::date::Date;

/// Customer journey maps as code: validate, render and diff YAML journey maps.
#[derive(Debug, Parser)]
#[command(name = "cjm", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 no errors, 1 errors found, 2 could not run.\n\
Start with `cjm validate examples/`."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    /// When to colour the output; `NO_COLOR` in the environment means never.
    #[arg(long, value_enum, global = true, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check maps against the schema, their references and the lint rules.
    #[command(
        after_help = "Examples:\n  cjm validate maps/\n  cjm validate --format json journey.yaml\n  cat map.yaml | cjm validate -"
    )]
    Validate(ValidateArgs),
    /// Print the JSON Schema of the map format (for editors and other validators).
    Schema,
}

#[derive(Debug, clap::Args)]
pub struct ValidateArgs {
    /// Map files or folders (searched recursively for *.yaml and *.yml); `-` reads stdin.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// How to print findings.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    #[command(flatten)]
    pub check: CheckArgs,
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
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Findings with source excerpts, for people.
    Human,
    /// One JSON document (see the README for the contract).
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
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
