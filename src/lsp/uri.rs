//! `file://` URIs to paths and back, percent-decoding by hand (the only scheme served).

use std::path::{Path, PathBuf};
use std::str::FromStr;

use lsp_types::Uri;

/// The local path of a `file:` URI; `None` for any other scheme or a malformed one.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file://host/path`: only an empty host or `localhost` is this machine.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let bytes = crate::percent::decode(rest)?;
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
    }
    #[cfg(not(unix))]
    {
        let s = String::from_utf8(bytes).ok()?;
        // `/C:/maps` on Windows.
        let s = s
            .strip_prefix('/')
            .filter(|s| s.get(1..2) == Some(":"))
            .unwrap_or(&s);
        Some(PathBuf::from(s))
    }
}

/// A `file:` URI for an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let s = path.to_str()?.replace('\\', "/");
    let mut out = String::from("file://");
    if !s.starts_with('/') {
        out.push('/');
    }
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~:".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    Uri::from_str(&out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_survive_the_round_trip() {
        let path = Path::new("/tmp/карты/取餐 map.yaml");
        let uri = from_path(path).unwrap();
        assert!(uri.as_str().starts_with("file:///tmp/%D0%BA"));
        assert_eq!(to_path(&uri).as_deref(), Some(path));
        let other = Uri::from_str("https://example.com/a.yaml").unwrap();
        assert_eq!(to_path(&other), None);
    }
}
