//! `cjm site`: the portfolio as a static website, written whole or not at all.
//!
//! The site is built in a hidden folder next to OUT, then swapped into place with two
//! renames; a run that fails leaves the previous site (or nothing) where it was. OUT is
//! replaced only when it is empty or holds an earlier site (its `.cjm-site` marker).

use std::path::{Path, PathBuf};

use anyhow::Context;

use super::args::SiteArgs;
use super::warning;
use crate::exit::ExitStatus;
use crate::site;

pub fn run(args: SiteArgs) -> anyhow::Result<ExitStatus> {
    let out = args.output.as_path();
    refuse_foreign(out)?;
    let Some((entries, portfolio)) = super::report::portfolio_of(&args.paths, &args.check) else {
        return Ok(ExitStatus::Error);
    };
    let unreadable: Vec<&str> = portfolio
        .unreadable()
        .into_iter()
        .filter_map(|i| portfolio.maps.get(i).map(|m| m.path.as_str()))
        .collect();
    if !unreadable.is_empty() {
        let mut named: Vec<String> = unreadable
            .iter()
            .take(3)
            .map(|p| format!("`{p}`"))
            .collect();
        if unreadable.len() > 3 {
            named.push(format!("{} more", unreadable.len() - 3));
        }
        warning(&format!(
            "{} errors, so {} the findings instead of the map: {}; `cjm validate` shows them",
            crate::report::count(unreadable.len(), "map has", "maps have"),
            if unreadable.len() == 1 {
                "its page lists"
            } else {
                "their pages list"
            },
            named.join(", ")
        ));
    }
    let files = site::build(&entries, &portfolio);
    drop(entries);
    write_site(out, &files)?;
    Ok(ExitStatus::Success)
}

/// Refuses an OUT that is a file, or a folder with something in it and no marker.
fn refuse_foreign(out: &Path) -> anyhow::Result<()> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        anyhow::bail!(
            "`{}` is a file; name a folder for the site, such as `-o site/`",
            out.display()
        );
    }
    let empty = std::fs::read_dir(out)
        .with_context(|| format!("could not read the folder `{}`", out.display()))?
        .next()
        .is_none();
    if !empty && !out.join(site::MARKER).is_file() {
        anyhow::bail!(
            "`{}` is not empty and was not written by `cjm site` (it has no `{}` file), so it is left alone; name a new or empty folder",
            out.display(),
            site::MARKER
        );
    }
    Ok(())
}

/// Writes `files` into a fresh folder beside `out`, then swaps it into place.
fn write_site(out: &Path, files: &[(String, Vec<u8>)]) -> anyhow::Result<()> {
    let name = out
        .file_name()
        .with_context(|| format!("`{}` does not name a folder", out.display()))?
        .to_string_lossy()
        .into_owned();
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent)
        .with_context(|| format!("could not create the folder `{}`", parent.display()))?;
    let pid = std::process::id();
    let fresh = parent.join(format!(".{name}.cjm-new-{pid}"));
    let old = parent.join(format!(".{name}.cjm-old-{pid}"));
    let written = (|| -> std::io::Result<()> {
        std::fs::create_dir(&fresh)?;
        for (path, bytes) in files {
            let target = fresh.join(path);
            if let Some(dir) = target.parent() {
                std::fs::create_dir_all(dir)?;
            }
            std::fs::write(&target, bytes)?;
        }
        Ok(())
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e).with_context(|| {
            format!(
                "could not write the site next to `{}`; nothing was changed",
                out.display()
            )
        });
    }
    let had_old = out.exists();
    if had_old && let Err(e) = std::fs::rename(out, &old) {
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e)
            .with_context(|| format!("could not move the old site `{}` aside", out.display()));
    }
    if let Err(e) = std::fs::rename(&fresh, out) {
        if had_old {
            let _ = std::fs::rename(&old, out);
        }
        let _ = std::fs::remove_dir_all(&fresh);
        return Err(e)
            .with_context(|| format!("could not put the site in place at `{}`", out.display()));
    }
    if had_old {
        let _ = std::fs::remove_dir_all(&old);
    }
    Ok(())
}
