//! `cjm rules [RULE]`: the catalogue, or one rule's documentation.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;

use super::args::{RulesArgs, RulesFormat};
use super::emit;
use crate::exit::ExitStatus;
use crate::rules::{self, RULES, Rule};
use crate::suggest::did_you_mean;

#[derive(Serialize)]
struct RuleOut {
    name: &'static str,
    default_level: &'static str,
    summary: &'static str,
    doc: String,
}

impl From<&Rule> for RuleOut {
    fn from(r: &Rule) -> Self {
        RuleOut {
            name: r.name,
            default_level: r.default_level.as_str(),
            summary: r.summary,
            doc: r.doc(),
        }
    }
}

pub fn run(args: RulesArgs) -> anyhow::Result<ExitStatus> {
    let Some(name) = args.rule else {
        let text = match args.format {
            RulesFormat::Human => table(),
            RulesFormat::Json => {
                let all: Vec<RuleOut> = RULES.iter().map(|r| RuleOut::from(*r)).collect();
                serde_json::to_string_pretty(&all)? + "\n"
            }
        };
        emit(&text)?;
        return Ok(ExitStatus::Success);
    };
    let Some(rule) = rules::find(&name) else {
        let hint = match did_you_mean(&name, RULES.iter().map(|r| r.name)) {
            Some(best) => format!("did you mean `{best}`?"),
            None => "run `cjm rules` to list them".to_string(),
        };
        anyhow::bail!("there is no rule named `{name}`; {hint}");
    };
    let text = match args.format {
        RulesFormat::Human => explain(rule),
        RulesFormat::Json => serde_json::to_string_pretty(&RuleOut::from(rule))? + "\n",
    };
    emit(&text)?;
    Ok(ExitStatus::Success)
}

/// One rule's documentation, as `cjm rules NAME` and `cjm explain NAME` print it.
pub fn explain(rule: &Rule) -> String {
    format!(
        "# {}\n\nDefault level: {}. {}.\n\n{}\n",
        rule.name,
        rule.default_level,
        capitalise(rule.summary),
        rule.doc()
    )
}

fn table() -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(["rule", "default", "flags"]);
    for r in RULES {
        table.add_row([r.name, r.default_level.as_str(), r.summary]);
    }
    format!(
        "{table}\n{} rules. `cjm rules NAME` explains one; set levels in cjm.toml.\n",
        RULES.len()
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
