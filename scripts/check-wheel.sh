#!/usr/bin/env bash
# Builds the Python wheel that carries `cjm` (maturin from PyPI, in a throwaway venv),
# installs it in a fresh venv and runs the installed `cjm` on the examples: what
# `pipx install cjm-cli` will do for a user without Rust. A release build: minutes.
#
#   scripts/check-wheel.sh            # build, install, run
#   KEEP=1 scripts/check-wheel.sh     # keep the temporary folder to look inside
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/cjm-wheel.XXXXXX")
if [[ -z "${KEEP:-}" ]]; then
    trap 'rm -rf "$work"' EXIT
else
    echo "keeping $work"
fi

echo "== maturin in a throwaway venv"
"$python" -m venv "$work/build"
"$work/build/bin/python" -m pip install --quiet 'maturin>=1.7,<2'
"$work/build/bin/maturin" --version

echo "== build the wheel (release, default features)"
"$work/build/bin/maturin" build --release --locked --out "$work/dist"
ls -l "$work/dist"
wheel=$(ls "$work/dist"/cjm_cli-*.whl)
"$python" -m zipfile -l "$wheel"

echo "== install it in a fresh venv (no Rust needed from here on)"
"$python" -m venv "$work/user"
"$work/user/bin/python" -m pip install --quiet --no-index "$wheel"
cjm="$work/user/bin/cjm"
[[ -x "$cjm" ]] || { echo "the wheel put no cjm in the venv's bin/" >&2; exit 1; }

echo "== run the installed cjm"
"$cjm" --version
"$cjm" validate examples/

echo "== pre-commit's local hook (README, Install) with this wheel for the published one"
"$work/user/bin/python" -m pip install --quiet pre-commit
repo="$work/repo"
mkdir -p "$repo/maps"
cp examples/grocery-current.yaml "$repo/maps/"
cat >"$repo/.pre-commit-config.yaml" <<YAML
repos:
  - repo: local
    hooks:
      - id: cjm-validate
        name: cjm validate
        entry: cjm validate --deny warnings
        language: python
        additional_dependencies: ["$wheel"]
        files: ^maps/.*\.ya?ml\$
        require_serial: true
YAML
(
    cd "$repo"
    git init --quiet
    git add -A
    # Its own cache, and no cjm on PATH but the one pre-commit installs.
    PRE_COMMIT_HOME="$work/pre-commit" PATH="/usr/bin:/bin" \
        "$work/user/bin/pre-commit" run --all-files
    printf 'stages: []\n' >>maps/grocery-current.yaml
    if PRE_COMMIT_HOME="$work/pre-commit" PATH="/usr/bin:/bin" \
        "$work/user/bin/pre-commit" run --all-files; then
        echo "the hook passed a broken map" >&2
        exit 1
    fi
)
echo "wheel OK: $(basename "$wheel")"
