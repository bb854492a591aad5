//! Gives both YAML readers the same bytes and requires the same tree whenever the fast
//! one accepts: `same-tree DIR... [--mutants N] [--seed S]` reads every `*.yaml` file
//! (and every `in.yaml` of a yaml-test-suite checkout) below the folders, then N mutants
//! of each (bytes deleted, inserted, lines duplicated, re-indented). Prints counts and
//! each difference; exits 1 on any.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use cjm::read::{Limits, parse_general, read_fast};

fn main() -> ExitCode {
    let mut dirs = Vec::new();
    let mut mutants = 0usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--mutants" => mutants = args.next().and_then(|v| v.parse().ok()).unwrap_or(0),
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).unwrap_or(1),
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    let mut files = Vec::new();
    for d in &dirs {
        walk(d, &mut files);
    }
    files.sort();
    let limits = Limits::default();
    let mut stats = Stats::default();
    let mut rng = seed.max(1);
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        stats.compare(&text, &limits, &f.display().to_string());
        for _ in 0..mutants {
            let m = mutate(&text, &mut rng);
            stats.compare(&m, &limits, &format!("{} (mutant)", f.display()));
        }
    }
    // Tight limits, so the fast reader's limit checks are compared too.
    let tight = Limits {
        max_file_bytes: 1 << 20,
        max_depth: 3,
        max_items: 3,
        max_scalar_bytes: 8,
    };
    for f in files.iter().take(2000) {
        if let Ok(text) = std::fs::read_to_string(f) {
            stats.compare(&text, &tight, &format!("{} (tight limits)", f.display()));
        }
    }
    println!(
        "{} inputs, {} read by the fast reader, {} differences",
        stats.runs, stats.fast, stats.differences
    );
    if stats.differences > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

#[derive(Default)]
struct Stats {
    runs: usize,
    fast: usize,
    differences: usize,
}

impl Stats {
    fn compare(&mut self, text: &str, limits: &Limits, name: &str) {
        self.runs += 1;
        let Some(fast) = read_fast(text, limits) else {
            return;
        };
        self.fast += 1;
        let general = parse_general(text, limits);
        let same = general.diagnostics.is_empty()
            && general.root.as_ref().map(|r| format!("{r:?}")) == Some(format!("{fast:?}"));
        if !same {
            self.differences += 1;
            if self.differences <= 20 {
                println!("DIFFERENT: {name}\n{text:?}");
                println!(
                    "  general: {:?}",
                    general.diagnostics.first().map(|d| &d.message)
                );
                let (g, f) = (format!("{:?}", general.root), format!("{:?}", Some(fast)));
                let at = g
                    .bytes()
                    .zip(f.bytes())
                    .position(|(a, b)| a != b)
                    .unwrap_or(0);
                let from = at.saturating_sub(200);
                println!(
                    "  general: ...{}\n  fast:    ...{}",
                    &g[from..(at + 200).min(g.len())],
                    &f[from..(at + 200).min(f.len())]
                );
            }
        }
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        if dir.is_file() {
            out.push(dir.to_path_buf());
        }
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml" || x == "yml") {
            out.push(p);
        }
    }
}

fn next(rng: &mut u64) -> u64 {
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    *rng
}

/// One to three edits that keep the text valid UTF-8.
fn mutate(text: &str, rng: &mut u64) -> String {
    const PIECES: &[&str] = &[
        " ",
        "  ",
        "\n",
        "-",
        "- ",
        ":",
        ": ",
        "#",
        " #",
        "'",
        "\"",
        "''",
        "\\",
        "\\n",
        "\\u00e9",
        "[",
        "]",
        "{",
        "}",
        ",",
        ", ",
        "&a ",
        "*a",
        "!!str ",
        "? ",
        "|",
        ">",
        "---\n",
        "...\n",
        "~",
        "null",
        "true",
        "1",
        "-1",
        "0x1F",
        "1.5",
        "1e3",
        ".inf",
        "é",
        "日本",
        "\t",
        "\r",
        "%YAML 1.2\n",
        "key: v\n",
        "  - x\n",
        "x: [a, b]\n",
        "{a: 1}",
        "\u{feff}",
        "\u{85}",
    ];
    let mut s = text.to_string();
    let edits = 1 + next(rng) % 3;
    for _ in 0..edits {
        let len = s.len().max(1);
        let mut at = (next(rng) as usize) % len;
        while at > 0 && !s.is_char_boundary(at) {
            at -= 1;
        }
        match next(rng) % 6 {
            0 | 1 => {
                let piece = PIECES[(next(rng) as usize) % PIECES.len()];
                s.insert_str(at.min(s.len()), piece);
            }
            2 => {
                let mut end = (at + 1 + (next(rng) as usize) % 4).min(s.len());
                while end < s.len() && !s.is_char_boundary(end) {
                    end += 1;
                }
                s.replace_range(at.min(end)..end, "");
            }
            3 => {
                // Duplicate or drop a whole line.
                let lines: Vec<&str> = s.split_inclusive('\n').collect();
                if lines.is_empty() {
                    continue;
                }
                let k = (next(rng) as usize) % lines.len();
                let mut out = String::new();
                for (i, l) in lines.iter().enumerate() {
                    if i != k || next(rng).is_multiple_of(2) {
                        out.push_str(l);
                    }
                    if i == k {
                        out.push_str(l);
                    }
                }
                s = out;
            }
            _ => {
                // Re-indent a line by one or two spaces either way.
                let lines: Vec<&str> = s.split_inclusive('\n').collect();
                if lines.is_empty() {
                    continue;
                }
                let k = (next(rng) as usize) % lines.len();
                let mut out = String::new();
                for (i, l) in lines.iter().enumerate() {
                    if i == k {
                        match next(rng) % 4 {
                            0 => out.push(' '),
                            1 => out.push_str("  "),
                            2 => out.push_str(l.strip_prefix(' ').unwrap_or(l)),
                            _ => out.push_str(l.strip_prefix("  ").unwrap_or(l)),
                        }
                        if i == k && next(rng) % 4 < 2 {
                            out.push_str(l);
                        }
                    } else {
                        out.push_str(l);
                    }
                }
                s = out;
            }
        }
    }
    s
}
