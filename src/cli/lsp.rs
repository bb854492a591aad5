//! `cjm lsp`: the language server on stdin and stdout, which belong to the protocol.

use crate::exit::ExitStatus;

pub fn run() -> anyhow::Result<ExitStatus> {
    let (connection, io) = lsp_server::Connection::stdio();
    crate::lsp::run(&connection)?;
    drop(connection);
    io.join()?;
    Ok(ExitStatus::Success)
}
