//! `cjm explain [CODE]`: what a diagnostic code means and how to fix it, like
//! `rustc --explain`. Lint rules answer with the same text as `cjm rules NAME`.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::args::ExplainArgs;
use super::emit;
use crate::codes;
use crate::exit::ExitStatus;
use crate::rules;
use crate::suggest::did_you_mean;

pub fn run(args: ExplainArgs) -> anyhow::Result<ExitStatus> {
    let Some(name) = args.code else {
        emit(&table())?;
        return Ok(ExitStatus::Success);
    };
    let name = name.trim().trim_matches(['[', ']']);
    if let Some(code) = codes::find(name) {
        emit(&format!("# {}\n\n{}\n", code.name, code.doc))?;
    } else if let Some(rule) = rules::find(name) {
        emit(&super::rules::explain(rule))?;
    } else {
        let hint = match did_you_mean(name, codes::names()) {
            Some(best) => format!("did you mean `{best}`?"),
            None => "run `cjm explain` to list them".to_string(),
        };
        anyhow::bail!("there is no code named `{name}`; {hint}");
    }
    Ok(ExitStatus::Success)
}

fn table() -> String {
    let mut table = Table::new();
    table
        .load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(["code", "means"]);
    for c in codes::all() {
        table.add_row([c.name, c.summary.as_str()]);
    }
    format!(
        "{table}\n{} codes, and {} lint rules (`cjm rules`). `cjm explain CODE` explains one.\n",
        codes::all().len(),
        rules::RULES.len()
    )
}
