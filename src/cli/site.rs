//! `cjm site`.

use super::args::SiteArgs;
use crate::exit::ExitStatus;

pub fn run(args: SiteArgs) -> anyhow::Result<ExitStatus> {
    let _ = args;
    anyhow::bail!("not yet")
}
