//! Sets `CJM_VERSION` for `cjm --version`: the crate's version and, when built from a
//! git checkout, the short commit (`0.1.0 (1a2b3c4)`), so a bug report names the exact
//! build. Only git itself is asked, and only when this folder holds `.git`: a crate
//! unpacked from crates.io inside someone's dotfiles repository must not claim its commit.
//!
//! Also writes the schemas `validate` compiles at startup to `OUT_DIR` without what only
//! editors read (`markdownDescription`, `examples`, `default`, `$schema`, `$id`) and
//! without whitespace: a fifth of the bytes to read for every run. `schemas/` stays the
//! one source; `cjm schema` prints it as it is.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    compact_schemas(&root);
    let version = env!("CARGO_PKG_VERSION");
    let commit = if root.join(".git").exists() {
        commit(&root)
    } else {
        // `cargo package` verifies the copy in `target/package/` with the same build
        // folder as this checkout; watching a file only that copy has (by a relative
        // path) makes the checkout's next build run this script again.
        if root.join(".cargo_vcs_info.json").exists() {
            println!("cargo:rerun-if-changed=.cargo_vcs_info.json");
        }
        None
    };
    match commit {
        Some(commit) => println!("cargo:rustc-env=CJM_VERSION={version} ({commit})"),
        None => println!("cargo:rustc-env=CJM_VERSION={version}"),
    }
}

/// The short commit of `HEAD`, after asking cargo to build again when it moves.
fn commit(root: &Path) -> Option<String> {
    // `.git` is a file in a worktree, so ask git where HEAD and the branch live.
    let head = git(root, &["rev-parse", "--git-path", "HEAD"])?;
    watch(root, &head);
    if let Some(branch) = git(root, &["symbolic-ref", "-q", "HEAD"]) {
        let loose = git(root, &["rev-parse", "--git-path", &branch])?;
        if root.join(&loose).exists() {
            watch(root, &loose);
        } else if let Some(packed) = git(root, &["rev-parse", "--git-path", "packed-refs"]) {
            watch(root, &packed);
        }
    }
    git(root, &["rev-parse", "--short", "HEAD"])
}

/// Reruns this script when `path` changes; a path that does not exist is not
/// watched, as cargo would then rebuild on every run.
fn watch(root: &Path, path: &str) {
    let path = root.join(path);
    if path.exists() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
}

fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(root)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (out.status.success() && !text.is_empty()).then(|| text.to_string())
}

/// Writes the compact copy of each schema; a schema this cannot read is copied as it
/// is, so the error is `cjm`'s own at run time, where tests see it.
fn compact_schemas(root: &Path) {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    for name in ["journey-map.schema.json", "library.schema.json"] {
        println!("cargo:rerun-if-changed=schemas/{name}");
        let text = std::fs::read_to_string(root.join("schemas").join(name)).unwrap_or_default();
        let mut reader = Compact {
            text: text.as_bytes(),
            at: 0,
            out: Vec::new(),
        };
        let compact = match reader.schema(true) {
            Some(()) if reader.rest_is_blank() => reader.out,
            _ => text.into_bytes(),
        };
        if let Err(e) = std::fs::write(out.join(name), compact) {
            println!("cargo:warning=cannot write the compact {name}: {e}");
        }
    }
}

/// Annotations no check reads.
const EDITORS_ONLY: &[&[u8]] = &[
    b"\"markdownDescription\"",
    b"\"examples\"",
    b"\"default\"",
    b"\"$schema\"",
    b"\"$id\"",
];

/// A JSON reader that copies a schema, leaving out [`EDITORS_ONLY`] keywords where a
/// schema object holds them (not where they are property names or data).
struct Compact<'a> {
    text: &'a [u8],
    at: usize,
    out: Vec<u8>,
}

impl Compact<'_> {
    fn blank(&mut self) {
        while self.text.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn rest_is_blank(&mut self) -> bool {
        self.blank();
        self.at == self.text.len()
    }

    fn peek(&mut self) -> Option<u8> {
        self.blank();
        self.text.get(self.at).copied()
    }

    fn expect(&mut self, byte: u8, keep: bool) -> Option<()> {
        (self.peek()? == byte).then_some(())?;
        self.at += 1;
        if keep {
            self.out.push(byte);
        }
        Some(())
    }

    /// A string with its quotes and escapes, as written.
    fn string(&mut self) -> Option<&[u8]> {
        (self.peek()? == b'"').then_some(())?;
        let start = self.at;
        self.at += 1;
        loop {
            match *self.text.get(self.at)? {
                b'\\' => self.at += 2,
                b'"' => break,
                _ => self.at += 1,
            }
        }
        self.at += 1;
        self.text.get(start..self.at)
    }

    /// Any value, copied (`keep`) or skipped; only whitespace between tokens is left out.
    fn value(&mut self, keep: bool) -> Option<()> {
        match self.peek()? {
            b'"' => {
                let s = self.string()?.to_vec();
                if keep {
                    self.out.extend_from_slice(&s);
                }
            }
            open @ (b'{' | b'[') => {
                let close = if open == b'{' { b'}' } else { b']' };
                self.expect(open, keep)?;
                let mut first = true;
                while self.peek()? != close {
                    if !first {
                        self.expect(b',', keep)?;
                    }
                    first = false;
                    if open == b'{' {
                        let key = self.string()?.to_vec();
                        if keep {
                            self.out.extend_from_slice(&key);
                        }
                        self.expect(b':', keep)?;
                    }
                    self.value(keep)?;
                }
                self.expect(close, keep)?;
            }
            _ => {
                let start = self.at;
                while self
                    .text
                    .get(self.at)
                    .is_some_and(|b| !b",]} \t\r\n".contains(b))
                {
                    self.at += 1;
                }
                (self.at > start).then_some(())?;
                if keep {
                    self.out.extend_from_slice(self.text.get(start..self.at)?);
                }
            }
        }
        Some(())
    }

    /// A schema: an object whose editor-only keywords are dropped and whose
    /// subschemas are schemas again; anything else is copied. A `description` is
    /// kept only beside a `pattern`, the one place a finding quotes it.
    fn schema(&mut self, root: bool) -> Option<()> {
        if self.peek()? != b'{' {
            return self.value(true);
        }
        self.expect(b'{', true)?;
        let mut members: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        while self.peek()? != b'}' {
            let key = self.string()?.to_vec();
            self.expect(b':', false)?;
            if EDITORS_ONLY.contains(&key.as_slice()) {
                self.value(false)?;
            } else {
                let outer = std::mem::take(&mut self.out);
                match key.as_slice() {
                    b"\"items\"" | b"\"additionalProperties\"" => self.schema(false)?,
                    b"\"properties\"" | b"\"patternProperties\"" => self.schemas()?,
                    b"\"$defs\"" if root => self.schemas()?,
                    _ => self.value(true)?,
                }
                let value = std::mem::replace(&mut self.out, outer);
                members.push((key, value));
            }
            if self.peek()? == b',' {
                self.at += 1;
            } else if self.peek()? != b'}' {
                return None;
            }
        }
        let quoted = members.iter().any(|(k, _)| k == b"\"pattern\"");
        members.retain(|(k, _)| quoted || k != b"\"description\"");
        for (i, (key, value)) in members.iter().enumerate() {
            if i > 0 {
                self.out.push(b',');
            }
            self.out.extend_from_slice(key);
            self.out.push(b':');
            self.out.extend_from_slice(value);
        }
        self.expect(b'}', true)
    }

    /// An object of named schemas (`properties`, `$defs`).
    fn schemas(&mut self) -> Option<()> {
        self.expect(b'{', true)?;
        let mut first = true;
        while self.peek()? != b'}' {
            if !first {
                self.expect(b',', true)?;
            }
            first = false;
            let key = self.string()?.to_vec();
            self.out.extend_from_slice(&key);
            self.expect(b':', true)?;
            self.schema(false)?;
        }
        self.expect(b'}', true)
    }
}
