//! Writing output files so that an error never leaves a half-written or clobbered file.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it
/// into place: readers see the old file or the new one, never a part.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    if path.is_dir() {
        anyhow::bail!(
            "`{}` is a folder; name a file, or end the path with `/`",
            path.display()
        );
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .with_context(|| format!("`{}` does not name a file", path.display()))?;
    std::fs::create_dir_all(dir)
        .with_context(|| format!("could not create the folder `{}`", dir.display()))?;
    let tmp = dir.join(format!(
        ".{}.cjm-{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| -> std::io::Result<()> {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        return Err(e).with_context(|| format!("could not write `{}`", path.display()));
    }
    Ok(())
}
