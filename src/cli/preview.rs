//! `cjm preview`: serves a map or a folder on 127.0.0.1 and prints the URL first.

use std::io::Write;

use anyhow::Context;

use super::args::PreviewArgs;
use crate::exit::ExitStatus;

pub fn run(args: PreviewArgs) -> anyhow::Result<ExitStatus> {
    if !args.path.exists() {
        anyhow::bail!(
            "`{}` does not exist; name a map file or a folder of maps",
            args.path.display()
        );
    }
    let listener = std::net::TcpListener::bind(("127.0.0.1", args.port)).with_context(|| {
        format!(
            "could not listen on 127.0.0.1:{}; pick another `--port`, or 0 for a free one",
            args.port
        )
    })?;
    let port = listener.local_addr()?.port();
    {
        let mut out = std::io::stdout().lock();
        writeln!(out, "http://127.0.0.1:{port}/")?;
        out.flush()?;
    }
    super::note(&format!(
        "serving `{}`; the page reloads when a file is saved (Ctrl-C to stop)",
        args.path.display()
    ));
    crate::preview::serve(args.path, listener)?;
    Ok(ExitStatus::Success)
}
