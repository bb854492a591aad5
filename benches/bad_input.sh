#!/usr/bin/env bash
# Times every hostile case of issue 8 through validate, render and diff, with the
# release build: each must end with exit 1 or 2, well under 2 s.
#
#   benches/bad_input.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${TMPDIR:-/tmp}/cjm-bad-input"
rm -rf "$work" && mkdir -p "$work"
(cd "$root" && cargo build --release --quiet)
cjm="$root/target/release/cjm"
cp "$root"/tests/fixtures/broken/* "$work/"
python3 - "$work" <<'PY'
import sys, os
w = sys.argv[1]
def put(name, data):
    open(os.path.join(w, name), "wb").write(data.encode() if isinstance(data, str) else data)
put("nesting-100000.yaml", "cjm: 1\na: " + "[" * 100000 + "]" * 100000 + "\n")
put("string-10mb.yaml", "cjm: 1\ntitle: " + "x" * (10 * 1024 * 1024) + "\n")
put("string-7mb.yaml", "cjm: 1\ntype: current-state\nstages: [{name: A}]\ntitle: " + "x" * (7 * 1024 * 1024) + "\n")
put("line-60000-stages.yaml", "cjm: 1\ntitle: T\ntype: current-state\nstages: [" + ", ".join(f"{{name: S{i}}}" for i in range(60000)) + "]\n")
stages = "".join(
    f"  - id: s{i}\n    name: Stage {i}\n    emotion: 1\n    description: {'lorem ipsum dolor sit amet ' * 75}\n    touchpoints:\n"
    + "".join(f"      - {{id: t{i}-{t}, name: Touchpoint {t} of stage {i} with a long name, channel: web, owner: Web team}}\n" for t in range(5))
    + "    metrics: [{name: CSAT, value: 3, target: 4}]\n"
    for i in range(2000))
put("big-2000-stages.yaml", "cjm: 1\ntitle: Big\ntype: current-state\nowner: X\nreviewed: \"2026-11-01\"\npersonas: [{id: p, name: P}]\nstages:\n" + stages)
PY
mkdir -p "$work/a-folder.yaml"
ln -sf "$work/self-loop.yaml" "$work/self-loop.yaml"
printf '%-32s %8s %8s %8s  %s\n' case validate render diff "exit codes"
for f in "$work"/*; do
  name="$(basename "$f")"
  line="$(printf '%-32s' "$name")"
  codes=""
  for cmd in validate render diff; do
    case $cmd in
      validate) args=(validate --today 2026-12-01 "$f") ;;
      render) args=(render "$f" -o "$work/out.svg") ;;
      diff) args=(diff "$f" "$root/examples/grocery-current.yaml") ;;
    esac
    start=$(date +%s%N)
    set +e; "$cjm" "${args[@]}" >/dev/null 2>&1; code=$?; set -e
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    line+="$(printf ' %6d ms' "$ms")"
    codes+="$code "
    rm -f "$work/out.svg"
  done
  echo "$line  $codes"
done
