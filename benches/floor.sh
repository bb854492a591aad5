#!/usr/bin/env bash
# Issue 19's targets, side by side in one run: cjm against ajv-cli on the same files and
# schema, instructions per input byte (callgrind), 10,000 maps with peak memory, one map
# as a whole process, and how the cost grows with the corpus.
#
#   benches/floor.sh              # installs ajv-cli and hyperfine when missing; ~5 minutes
#   RUNS=20 benches/floor.sh      # more timing runs per command (default 10)
#
# Wall-clock times are medians of hyperfine runs and move with whatever else the machine
# does; instruction counts do not (the same binary and inputs give the same count).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
peers="$root/benches/.peers"
work="${TMPDIR:-/tmp}/cjm-floor"
schema="$root/schemas/journey-map.schema.json"
today=2026-12-01
runs="${RUNS:-10}"
mkdir -p "$peers" "$work"

for tool in hyperfine valgrind; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "installing $tool with apt-get" >&2
    sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q "$tool" >/dev/null
  fi
done
if [ ! -x "$peers/node_modules/.bin/ajv" ]; then
  echo "installing ajv-cli with npm" >&2
  (cd "$peers" && npm install --silent --no-audit --no-fund ajv-cli@5.0.0 >/dev/null)
fi
ajv="$peers/node_modules/.bin/ajv"

echo "building cjm and the corpora" >&2
(cd "$root" && cargo build --release --quiet --locked && cargo build --release --quiet --locked --example gen-corpus)
cjm="$root/target/release/cjm"
gen="$root/target/release/examples/gen-corpus"
rm -rf "${work:?}"/corpus-* "$work/hyperfine.log"
"$gen" --count 1000 --shape small --seed 1 --out "$work/corpus-small" >/dev/null
"$gen" --count 1000 --shape realistic --seed 1 --out "$work/corpus-1000" >/dev/null
"$gen" --count 2000 --shape realistic --seed 1 --out "$work/corpus-2000" >/dev/null
"$gen" --count 10000 --shape realistic --seed 1 --out "$work/corpus-10000" >/dev/null
one="$work/corpus-1000/map-00000.yaml"
validate="$cjm validate --today $today"
ajv_on() { echo "$ajv validate --spec=draft2020 --strict=false -s $schema -d '$1/*.yaml'"; }

time_it() { # name, then commands; N runs each (default $runs)
  local name="$1"; shift
  hyperfine -N --style none --ignore-failure --warmup "${WARMUP:-2}" --min-runs "${N:-$runs}" \
    --export-json "$work/$name.json" "$@" >/dev/null 2>>"$work/hyperfine.log"
}
echo "timing (a few minutes)" >&2
time_it realistic "$validate $work/corpus-1000" "$(ajv_on "$work/corpus-1000")"
time_it small "$validate $work/corpus-small" "$(ajv_on "$work/corpus-small")"
N=$((runs * 20)) WARMUP=20 time_it one "$validate $one" "$cjm --version"
time_it big "$validate $work/corpus-10000"
/usr/bin/time -f '%M' -o "$work/rss" $validate "$work/corpus-10000" >/dev/null 2>&1 || true

echo "counting instructions with callgrind" >&2
count() { # corpus folder -> instructions (validate exits 1: the corpus has planted defects)
  { valgrind --tool=callgrind --callgrind-out-file=/dev/null $validate "$1" 2>&1 >/dev/null || true; } \
    | sed -n 's/.*refs: *//p' | tr -d ,
}
count "$work/corpus-1000" >"$work/ir-1000"
count "$work/corpus-2000" >"$work/ir-2000"

python3 - "$work" <<'PY'
import json, os, sys, datetime, platform
work = sys.argv[1]
def res(name):
    return json.load(open(f"{work}/{name}.json"))["results"]
def size(folder):
    return sum(os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder))
ms = lambda s: f"{s * 1000:.1f} ms" if s < 1 else f"{s:.2f} s"
ok = lambda good: "met" if good else "missed"
real, small, one, big = res("realistic"), res("small"), res("one"), res("big")
ir1, ir2 = int(open(f"{work}/ir-1000").read()), int(open(f"{work}/ir-2000").read())
b1, b2 = size(f"{work}/corpus-1000"), size(f"{work}/corpus-2000")
rss = int(open(f"{work}/rss").read().split()[-1]) / 1024
r_real = real[1]["median"] / real[0]["median"]
r_small = small[1]["median"] / small[0]["median"]
per_byte = ir1 / b1
growth = ir2 / ir1
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"{datetime.date.today()}, {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}\n")
print("| measure | cjm | against | target | |")
print("|---|---|---|---|---|")
print(f"| validate 1,000 realistic maps ({b1 / 1000 / 1024:.1f} KB each) | {ms(real[0]['median'])} | ajv-cli 5.0.0 {ms(real[1]['median'])}: **{r_real:.1f}×** | ≥ 15× | {ok(r_real >= 15)} |")
print(f"| validate 1,000 small maps ({size(f'{work}/corpus-small') / 1000 / 1024:.1f} KB each) | {ms(small[0]['median'])} | ajv-cli 5.0.0 {ms(small[1]['median'])}: **{r_small:.1f}×** | ≥ 20× | {ok(r_small >= 20)} |")
print(f"| instructions per input byte, 1,000 realistic maps | {per_byte:.0f} ({ir1 / 1e6:.1f} M for {b1:,} bytes) | | ≤ 110 | {ok(per_byte <= 110)} |")
print(f"| 2,000 maps against 1,000, instructions | {growth:.3f}× | | ≤ 2.1× | {ok(growth <= 2.1)} |")
print(f"| validate 10,000 realistic maps | {ms(big[0]['median'])} (min {ms(big[0]['min'])}), peak RSS {rss:.0f} MB | | < 0.5 s, < 100 MB | {ok(big[0]['median'] < 0.5 and rss < 100)} |")
print(f"| validate one map, whole process | {ms(one[0]['median'])} (min {ms(one[0]['min'])}) | `cjm --version` {ms(one[1]['median'])} | ≤ 3 ms | {ok(one[0]['median'] <= 0.003)} |")
PY
