//! Writes a benchmark corpus: `gen-corpus --count N --shape small|realistic --out DIR
//! [--seed S] [--libraries K]`. Maps are named `map-00000.yaml` and up; the same
//! arguments always write the same bytes. With `--libraries K`, a `library.yaml` holds K
//! shared personas and every map also names one of them by id, as a portfolio would.

mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut count = 1000usize;
    let mut shape = corpus::Shape::Small;
    let mut out = PathBuf::from("corpus");
    let mut seed = 1u64;
    let mut libraries = 0usize;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().unwrap_or_default();
        match (flag.as_str(), value.as_str()) {
            ("--count", v) if v.parse::<usize>().is_ok() => count = v.parse().unwrap_or(count),
            ("--seed", v) if v.parse::<u64>().is_ok() => seed = v.parse().unwrap_or(seed),
            ("--libraries", v) if v.parse::<usize>().is_ok() => {
                libraries = v.parse().unwrap_or(0);
            }
            ("--shape", "small") => shape = corpus::Shape::Small,
            ("--shape", "realistic") => shape = corpus::Shape::Realistic,
            ("--out", v) if !v.is_empty() => out = PathBuf::from(v),
            _ => {
                eprintln!(
                    "usage: gen-corpus [--count N] [--shape small|realistic] [--seed S] [--libraries K] [--out DIR]"
                );
                return ExitCode::from(2);
            }
        }
    }
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("error: could not create `{}`: {e}", out.display());
        return ExitCode::from(2);
    }
    let mut bytes = 0;
    if libraries > 0 {
        let mut lib = String::from("cjm: 1\ntype: library\ntitle: Shared personas\npersonas:\n");
        for k in 0..libraries {
            lib.push_str(&format!(
                "  - id: shared-{k}\n    name: Shared persona {k}\n    goals: [Get it done]\n"
            ));
        }
        if let Err(e) = std::fs::write(out.join("library.yaml"), lib) {
            eprintln!("error: could not write into `{}`: {e}", out.display());
            return ExitCode::from(2);
        }
    }
    for i in 0..count {
        let mut text = corpus::map(seed, i, shape);
        if libraries > 0 {
            text = text.replacen(
                "personas:\n",
                &format!("personas:\n  - shared-{}\n", i % libraries),
                1,
            );
        }
        bytes += text.len();
        if let Err(e) = std::fs::write(out.join(format!("map-{i:05}.yaml")), text) {
            eprintln!("error: could not write into `{}`: {e}", out.display());
            return ExitCode::from(2);
        }
    }
    eprintln!(
        "wrote {count} maps to {} ({:.1} KB on average)",
        out.display(),
        bytes as f64 / count.max(1) as f64 / 1024.0
    );
    ExitCode::SUCCESS
}
