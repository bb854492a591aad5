#!/usr/bin/env bash
# Times cjm against the tools people would otherwise use, on one generated corpus and
# the same schema file, and prints a table of medians and ratios.
#
#   benches/compare.sh            # installs what is missing, then measures (a few minutes)
#
# Peers are installed into benches/.peers (git-ignored) at pinned versions:
# npm ajv-cli@5.0.0 and @mermaid-js/mermaid-cli@12.2.0, PyPI check-jsonschema==0.39.0;
# Debian's hyperfine and chromium through apt-get when they are missing.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
peers="$root/benches/.peers"
work="${TMPDIR:-/tmp}/cjm-compare"
schema="$root/schemas/journey-map.schema.json"
today=2026-12-01
mkdir -p "$peers" "$work"

need_apt() {
  command -v "$1" >/dev/null 2>&1 && return
  echo "installing $2 with apt-get" >&2
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -q >/dev/null
  $sudo apt-get install -y -q "$2" >/dev/null
}
need_apt hyperfine hyperfine
need_apt chromium chromium
if [ ! -x "$peers/node_modules/.bin/ajv" ] || [ ! -x "$peers/node_modules/.bin/mmdc" ]; then
  echo "installing ajv-cli and mermaid-cli with npm" >&2
  (cd "$peers" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --silent --no-audit --no-fund \
    ajv-cli@5.0.0 @mermaid-js/mermaid-cli@12.2.0 >/dev/null)
fi
if [ ! -d "$peers/py/check_jsonschema" ]; then
  echo "installing check-jsonschema with pip" >&2
  python3 -m pip install --quiet --disable-pip-version-check --target "$peers/py" check-jsonschema==0.39.0
fi
ajv="$peers/node_modules/.bin/ajv"
mmdc="$peers/node_modules/.bin/mmdc"
cjs() { PYTHONPATH="$peers/py" python3 -m check_jsonschema "$@"; }
export -f cjs
export peers

echo "building cjm and the corpus" >&2
(cd "$root" && cargo build --release --quiet && cargo build --release --quiet --example gen-corpus)
cjm="$root/target/release/cjm"
gen="$root/target/release/examples/gen-corpus"
rm -rf "$work"/small-* "$work"/realistic-*
"$gen" --count 1000 --shape small --out "$work/small-1000"
"$gen" --count 2000 --shape small --out "$work/small-2000"
"$gen" --count 10000 --shape realistic --out "$work/realistic-10000"
one="$work/small-1000/map-00000.yaml"
"$cjm" render "$root/examples/grocery-current.yaml" --format mermaid -o "$work/grocery.mmd"
printf '{"executablePath":"%s","args":["--no-sandbox","--disable-gpu"]}\n' \
  "$(command -v chromium)" > "$work/puppeteer.json"

# Every tool must see the corpus the same way before it is timed.
"$ajv" validate --spec=draft2020 --strict=false -s "$schema" -d "$work/small-1000/*.yaml" >/dev/null 2>&1 || true

run() { # name, then hyperfine arguments
  local name="$1"; shift
  hyperfine --style none --ignore-failure --warmup 2 --min-runs "${RUNS:-10}" \
    --export-json "$work/$name.json" "$@" >/dev/null
}
echo "timing (this takes a few minutes)" >&2
run validate-1000 -N \
  "$cjm validate --today $today $work/small-1000" \
  "$ajv validate --spec=draft2020 --strict=false -s $schema -d '$work/small-1000/*.yaml'" \
  "bash -c 'cjs --schemafile $schema $work/small-1000/*.yaml'"
run scale -N "$cjm validate --today $today $work/small-1000" "$cjm validate --today $today $work/small-2000"
run validate-one -N \
  "$cjm validate --today $today $one" \
  "$ajv validate --spec=draft2020 --strict=false -s $schema -d $one" \
  "bash -c 'cjs --schemafile $schema $one'"
run render-one -N \
  "$cjm render $root/examples/grocery-current.yaml -o $work/grocery.svg" \
  "$mmdc -q -p $work/puppeteer.json -i $work/grocery.mmd -o $work/grocery-mmdc.svg"
RUNS=5 run validate-10000 -N "$cjm validate --today $today $work/realistic-10000"
/usr/bin/time -f '%M' -o "$work/rss" "$cjm" validate --today "$today" "$work/realistic-10000" >/dev/null || true

python3 - "$work" <<'PY'
import json, sys, platform, os, datetime
work = sys.argv[1]
def medians(name):
    return [r["median"] for r in json.load(open(f"{work}/{name}.json"))["results"]]
ms = lambda s: f"{s*1000:.1f} ms" if s < 10 else f"{s:.2f} s"
v1k, scale, one, ren, v10k = (medians(n) for n in
    ["validate-1000", "scale", "validate-one", "render-one", "validate-10000"])
def kb(folder):
    sizes = [os.path.getsize(os.path.join(folder, f)) for f in os.listdir(folder)]
    return f"{sum(sizes) / len(sizes) / 1024:.1f} KB"
small, real = kb(f"{work}/small-1000"), kb(f"{work}/realistic-10000")
rss = int(open(f"{work}/rss").read().split()[-1]) / 1024
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
print(f"{datetime.date.today()}, {os.cpu_count()} cores, {cpu}, {platform.system()} {platform.release()}\n")
print("| task | cjm | ajv-cli 5.0.0 (schema only) | check-jsonschema 0.39.0 | mermaid-cli 12.2.0 |")
print("|---|---|---|---|---|")
print(f"| validate 1,000 maps of {small} | {ms(v1k[0])} | {ms(v1k[1])} ({v1k[1]/v1k[0]:.1f}× cjm) | {ms(v1k[2])} ({v1k[2]/v1k[0]:.0f}× cjm) | |")
print(f"| validate one map | {ms(one[0])} | {ms(one[1])} ({one[1]/one[0]:.0f}× cjm) | {ms(one[2])} ({one[2]/one[0]:.0f}× cjm) | |")
print(f"| render one map | {ms(ren[0])} | | | {ms(ren[1])} ({ren[1]/ren[0]:.0f}× cjm) |")
print(f"| validate 10,000 maps of {real} | {ms(v10k[0])}, peak RSS {rss:.0f} MB | | | |")
print(f"| validate 2,000 maps of {small} | {ms(scale[1])} ({scale[1]/scale[0]:.2f}× 1,000 in the same run) | | | |")
PY
