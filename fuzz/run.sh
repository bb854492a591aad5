#!/usr/bin/env bash
# Runs one fuzz target with seeds from the examples and test fixtures.
#
#   fuzz/run.sh read 600          # target (read, render, diff, same_tree), seconds
#
# Needs `cargo install cargo-fuzz`; RUSTC_BOOTSTRAP lets a stable toolchain build the
# sanitizer flags cargo-fuzz passes. Crashes land in fuzz/artifacts/TARGET/.
set -euo pipefail
target="${1:?usage: fuzz/run.sh read|render|diff|same_tree SECONDS}"
seconds="${2:-60}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
corpus="$here/corpus/$target"
mkdir -p "$corpus"
if [ "$target" = diff ]; then
  for pair in "examples/grocery-current.yaml examples/grocery-future.yaml" \
              "examples/bank-onboarding-ru.yaml tests/fixtures/diff/bank-onboarding-ru-future.yaml"; do
    set -- $pair
    { cat "$root/$1"; printf '\0'; cat "$root/$2"; } > "$corpus/seed-$(basename "$1")"
  done
fi
find "$root/examples" "$root/tests/fixtures" -name '*.yaml' -size -64k \
  -exec cp -t "$corpus" {} + 2>/dev/null || true
cd "$here"
RUSTC_BOOTSTRAP=1 cargo fuzz run -s none -O "$target" "$corpus" -- \
  -max_total_time="$seconds" -max_len="${MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
