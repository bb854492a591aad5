#!/usr/bin/env bash
# The shell half of the GitHub Action in action.yml; kept here so a test can run it
# locally (tests/action.rs) with a stub `gh` and `curl` on PATH.
#
#   action.sh install   download the pinned cjm release, check its SHA-256, put it on PATH
#   action.sh run       validate, write the step summary, comment on the pull request
#
# Everything comes in through the environment, set by action.yml from the inputs and
# the event: CJM_VERSION, CJM_SHA256, CJM_REPOSITORY (install); CJM_PATHS, CJM_ARGS,
# CJM_SUMMARY, CJM_COMMENT, CJM_PR_NUMBER, CJM_BASE_SHA, CJM_HEAD_SHA (run); and the
# runner's own RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_PATH, GITHUB_STEP_SUMMARY,
# GITHUB_REPOSITORY, GITHUB_EVENT_NAME.
set -euo pipefail
# Paths and arguments are split on spaces and newlines, never expanded as globs.
set -f

readonly MARKER='<!-- cjm-diff -->'
# GitHub refuses comments over 65,536 characters; keep room for the footer. (Tests
# set a smaller limit.)
readonly MAX_BODY=${CJM_MAX_COMMENT:-60000}

fail() {
    echo "::error title=cjm::$*" >&2
    exit 2
}

sha256_of() {
    if command -v sha256sum >/dev/null; then
        sha256sum "$1" | cut -d' ' -f1
    else
        shasum -a 256 "$1" | cut -d' ' -f1
    fi
}

# The release target built for this runner (see .github/workflows/release.yml).
target() {
    case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
    Linux/X64) echo x86_64-unknown-linux-musl ;;
    Linux/ARM64) echo aarch64-unknown-linux-musl ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
    # Windows on Arm runs x86_64 programs.
    Windows/X64 | Windows/ARM64) echo x86_64-pc-windows-msvc ;;
    *) fail "no cjm release for runner \`${RUNNER_OS:-?}/${RUNNER_ARCH:-?}\`; install cjm yourself (pipx install cjm-cli) and skip this action's install" ;;
    esac
}

install() {
    local version=${CJM_VERSION#v}
    [[ -n "$version" ]] || fail "no \`version\` given"
    local repo=${CJM_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-}}
    [[ -n "$repo" ]] || fail "cannot tell where the releases are; set the action's \`repository\` input (owner/name)"
    local target ext name
    target=$(target)
    ext=tar.gz
    [[ "$target" == *windows* ]] && ext=zip
    name="cjm-v$version-$target"
    local url="https://github.com/$repo/releases/download/v$version"
    local dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/cjm-v$version"
    mkdir -p "$dir"

    echo "Downloading $url/$name.$ext"
    curl --fail --silent --show-error --location --retry 3 -o "$dir/$name.$ext" "$url/$name.$ext" ||
        fail "could not download \`$url/$name.$ext\`; is \`$version\` a release of \`$repo\`?"

    local expected=${CJM_SHA256:-}
    if [[ -z "$expected" ]]; then
        curl --fail --silent --show-error --location --retry 3 -o "$dir/$name.$ext.sha256" "$url/$name.$ext.sha256" ||
            fail "could not download the checksum \`$url/$name.$ext.sha256\`"
        expected=$(cut -d' ' -f1 <"$dir/$name.$ext.sha256")
    fi
    local actual
    actual=$(sha256_of "$dir/$name.$ext")
    # Lower case without bash 4 (macOS runners may have bash 3.2).
    expected=$(printf '%s' "$expected" | tr 'A-F' 'a-f')
    if [[ "$actual" != "$expected" ]]; then
        rm -f "$dir/$name.$ext"
        fail "checksum mismatch for \`$name.$ext\`: expected \`$expected\`, got \`$actual\`; not installed"
    fi
    echo "SHA-256 $actual OK"

    if [[ "$ext" == zip ]]; then
        (cd "$dir" && { unzip -q -o "$name.$ext" || 7z x -y "$name.$ext" >/dev/null; })
    else
        tar -xzf "$dir/$name.$ext" -C "$dir"
    fi
    [[ -x "$dir/$name/cjm" || -x "$dir/$name/cjm.exe" ]] || fail "the archive \`$name.$ext\` holds no cjm"
    echo "$dir/$name" >>"${GITHUB_PATH:?GITHUB_PATH is not set: run this inside GitHub Actions}"
    "$dir/$name/cjm" --version
}

# The comment for the maps changed since CJM_BASE_SHA, on stdout; nothing when no map
# changed.
diff_body() {
    local base=$1
    shift
    local -a changed=()
    local status path
    # Against the working tree, which for a pull request is its merge into the base:
    # exactly what the pull request changes. `--relative` gives paths from here.
    while IFS=$'\t' read -r status path; do
        case "$path" in
        *.yaml | *.yml) ;;
        *) continue ;;
        esac
        # Folders that `cjm validate` skips: hidden ones such as .github/.
        case "/$path" in
        */.*) continue ;;
        esac
        changed+=("$status"$'\t'"$path")
    done < <(git diff --no-renames --name-status --relative "$base" -- "$@")
    ((${#changed[@]})) || return 0

    local out section shown=0 entry
    out="$MARKER"$'\n'"## Journey maps changed in this pull request"$'\n'
    for entry in "${changed[@]}"; do
        status=${entry%%$'\t'*}
        path=${entry#*$'\t'}
        section=$'\n'"#### \`$path\`"$'\n\n'
        case "$status" in
        A) section+="New map."$'\n' ;;
        D) section+="Removed."$'\n' ;;
        *)
            local diff err
            err=$(mktemp)
            if diff=$(cjm diff --format markdown "$base:./$path" "$path" 2>"$err"); then
                # The path above says which map; drop the diff's own `### a → b` title.
                if [[ "$diff" == '### '* ]]; then
                    diff=${diff#*$'\n'}
                    diff=${diff#$'\n'}
                fi
                section+="$diff"$'\n'
            else
                section+="Not compared: $(head -n1 "$err" | sed 's/^error: //')"$'\n'
            fi
            rm -f "$err"
            ;;
        esac
        if ((${#out} + ${#section} > MAX_BODY)); then
            out+=$'\n'"…and $((${#changed[@]} - shown)) more; run \`cjm diff $base:PATH PATH\` to see them."$'\n'
            break
        fi
        out+="$section"
        shown=$((shown + 1))
    done
    out+=$'\n'"<sub>cjm diff against \`${base:0:7}\`${CJM_HEAD_SHA:+ for \`${CJM_HEAD_SHA:0:7}\`}</sub>"
    printf '%s\n' "$out"
}

# Posts `body_file` as the pull request's one cjm comment, or updates that comment.
# With `body_file` empty, only an existing comment is updated (a pull request that no
# longer changes a map says so; one that never did gets no comment).
upsert_comment() {
    local body_file=$1 repo=${GITHUB_REPOSITORY:?} pr=${CJM_PR_NUMBER:?}
    local id
    id=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
        --jq ".[] | select(.body | startswith(\"$MARKER\")) | .id" | awk 'NR == 1') || return 1
    if [[ ! -s "$body_file" ]]; then
        [[ -n "$id" ]] || return 0
        printf '%s\n%s\n' "$MARKER" "No journey map changed in this pull request any more." >"$body_file"
    fi
    if [[ -n "$id" ]]; then
        gh api --method PATCH "repos/$repo/issues/comments/$id" -F "body=@$body_file" >/dev/null
    else
        gh api --method POST "repos/$repo/issues/$pr/comments" -F "body=@$body_file" >/dev/null
    fi
}

comment() {
    local base=${CJM_BASE_SHA:-}
    [[ -n "$base" && -n "${CJM_PR_NUMBER:-}" ]] || return 0
    # actions/checkout fetches one commit; the base may need fetching.
    if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
        git fetch --quiet --no-tags --depth=1 origin "$base" ||
            {
                echo "::warning title=cjm::could not fetch the base commit \`$base\`; no diff comment"
                return 0
            }
    fi
    local body
    body=$(mktemp)
    diff_body "$base" "$@" >"$body"
    upsert_comment "$body" ||
        echo "::warning title=cjm::could not post the diff comment; the workflow needs \`permissions: pull-requests: write\` (a pull request from a fork gets a read-only token)"
    rm -f "$body"
}

run() {
    local -a paths args
    read -r -d '' -a paths <<<"${CJM_PATHS:-.}" || true
    read -r -d '' -a args <<<"${CJM_ARGS:-}" || true
    ((${#paths[@]})) || paths=(.)

    local status=0
    cjm validate --format github ${args[@]+"${args[@]}"} -- "${paths[@]}" || status=$?

    if [[ "${CJM_SUMMARY:-true}" == true && -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
        cjm report --format markdown -- "${paths[@]}" >>"$GITHUB_STEP_SUMMARY" ||
            echo "::warning title=cjm::could not write the report to the step summary"
    fi

    case "${GITHUB_EVENT_NAME:-}" in
    pull_request | pull_request_target)
        [[ "${CJM_COMMENT:-true}" == true ]] && comment "${paths[@]}"
        ;;
    esac
    return "$status"
}

case "${1:-}" in
install) install ;;
run) run ;;
*)
    echo "usage: $0 install|run (see action.yml)" >&2
    exit 2
    ;;
esac
