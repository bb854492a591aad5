//! Noticing saves by polling modification times: the map (or every map and library in
//! the folder) and the `cjm.toml` files that apply. Cheap for any folder of maps, and no
//! platform watcher to depend on.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::Shared;

/// How often the files are looked at; a save shows in the browser within this and a build.
pub const POLL: Duration = Duration::from_millis(200);

/// The files whose change means a rebuild, with their modification times (and sizes,
/// for file systems with coarse times).
pub fn stamp(target: &Path) -> Vec<(PathBuf, Option<SystemTime>, u64)> {
    let mut files: Vec<PathBuf> = if target.is_dir() {
        crate::inputs::collect(&[target.to_path_buf()])
            .inputs()
            .into_iter()
            .filter_map(|i| match i {
                crate::inputs::Input::File(p) => Some(p),
                _ => None,
            })
            .collect()
    } else {
        vec![target.to_path_buf()]
    };
    let mut dir = if target.is_dir() {
        Some(target.to_path_buf())
    } else {
        target.parent().map(Path::to_path_buf)
    };
    while let Some(d) = dir {
        files.push(d.join(crate::config::FILE_NAME));
        for name in crate::check::library::FILE_NAMES {
            files.push(d.join(name));
        }
        dir = d.parent().map(Path::to_path_buf);
    }
    files
        .into_iter()
        .map(|p| {
            let meta = std::fs::metadata(&p).ok();
            let modified = meta.as_ref().and_then(|m| m.modified().ok());
            let len = meta.map_or(0, |m| m.len());
            (p, modified, len)
        })
        .collect()
}

/// Rebuilds the pages whenever a watched file differs from `last` (taken before the
/// first build, so a save during it counts); runs for the life of the process.
pub fn run(target: &Path, shared: &Shared, mut last: Vec<(PathBuf, Option<SystemTime>, u64)>) {
    loop {
        std::thread::sleep(POLL);
        let now = stamp(target);
        if now != last {
            last = now;
            shared.replace(super::pages::build(target));
        }
    }
}
