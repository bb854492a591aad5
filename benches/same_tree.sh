#!/usr/bin/env bash
# Runs both YAML readers over the official YAML test suite, the examples, the test
# fixtures and mutants of each, and fails on any tree they read differently.
#
#   benches/same_tree.sh [MUTANTS] [SUITE_GIT_DIR]
#
# SUITE_GIT_DIR is a clone (bare or not) of github.com/yaml/yaml-test-suite; its `data`
# branch holds one folder per test with `in.yaml`. The files are unpacked into a
# temporary folder, never into the repository.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
mutants="${1:-20}"
suite="${2:-}"
dirs=("$root/examples" "$root/tests/fixtures")
if [ -n "$suite" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  git --git-dir="$suite" archive data 2>/dev/null | tar -x -C "$work" \
    || git -C "$suite" archive data | tar -x -C "$work"
  dirs+=("$work")
fi
cd "$root"
cargo run --quiet --release --example same-tree -- "${dirs[@]}" --mutants "$mutants"
