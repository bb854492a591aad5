//! `cjm lsp`: the language server; stdout belongs to the protocol.

use crate::exit::ExitStatus;

pub fn run() -> anyhow::Result<ExitStatus> {
    crate::lsp::run()?;
    Ok(ExitStatus::Success)
}
