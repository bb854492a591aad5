#!/usr/bin/env bash
# The portfolio at scale (issue 14): 1,000 realistic maps that share a library, and
# 2,000 to show the cost is linear, through validate, report and site, release build.
# Targets: site under 3 s and report under 300 ms on 2 cores.
#
#   benches/portfolio.sh            # needs hyperfine (apt-get install hyperfine)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/cjm-portfolio"
rm -rf "$work" && mkdir -p "$work"
(cd "$root" && cargo build --release --quiet)
cjm="$root/target/release/cjm"
for n in 1000 2000; do
  (cd "$root" && cargo run --release --quiet --example gen-corpus -- \
    --count "$n" --shape realistic --libraries 12 --out "$work/maps-$n")
done
# Maps carry planted defects, so validate exits 1: -i keeps hyperfine going.
hyperfine -N -i --warmup 2 --runs 10 \
  "$cjm validate $work/maps-1000" \
  "$cjm report $work/maps-1000 --today 2026-11-25" \
  "$cjm report $work/maps-1000 --today 2026-11-25 --format json" \
  "$cjm site $work/maps-1000 -o $work/site-1000 --today 2026-11-25" \
  "$cjm report $work/maps-2000 --today 2026-11-25" \
  "$cjm site $work/maps-2000 -o $work/site-2000 --today 2026-11-25"
for n in 1000 2000; do
  /usr/bin/time -f "site $n maps: peak RSS %M KB" "$cjm" site "$work/maps-$n" -o "$work/site-$n" --today 2026-11-25
done
