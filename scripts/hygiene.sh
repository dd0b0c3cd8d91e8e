#!/usr/bin/env bash
# The repository's hygiene as checks that pass or fail: C# formatting against .editorconfig (dotnet format
# --verify-no-changes), the UI's ESLint rules (hooks, feature boundaries) and its Prettier formatting.
# ./marquee test runs it and counts each check as one test; run alone it prints the same and exits 1 on a failure.
#   scripts/hygiene.sh [RESULTS_DIR]   (writes RESULTS_DIR/hygiene.json for scripts/summarize-tests.mjs)
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=common.sh
source "$ROOT/scripts/common.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
RESULTS="${1:-}"
OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
json=()
failures=0

# check NAME HOW_TO_FIX FILTER COMMAND...: runs COMMAND; on failure prints its findings (through FILTER, which keeps
# the lines naming a file and a rule) and the command that fixes them.
check() {
  local name="$1" fix="$2" filter="$3"; shift 3
  printf '\n==> hygiene: %s\n' "$name"
  if "$@" >"$OUT" 2>&1; then
    echo "PASS $name"
    json+=("{\"name\":\"$name\",\"passed\":true}")
  else
    echo "FAIL $name — fix with: $fix"
    local findings; findings="$("$filter" <"$OUT")"
    if [[ -n "$findings" ]]; then
      head -50 <<<"$findings"
      echo "($(wc -l <<<"$findings") finding(s))"
    else
      tail -20 "$OUT"  # it failed without findings (a crash, a missing tool): show what it said
    fi
    json+=("{\"name\":\"$name\",\"passed\":false}")
    failures=$((failures + 1))
  fi
}

# dotnet format: "path(line,col): error RULE: message [project]" -> "path(line,col): RULE: message", relative paths.
dotnet_findings() { grep -E ': (error|warning) [A-Z]+[0-9]*: ' | sed -E "s# \[[^]]*\]\$##; s#^$ROOT/##; s#: (error|warning) #: #" | sort -u; }
# eslint's stylish output (a file's path, then "  line:col  error  message  rule" under it) -> "path:line:col  error  message  rule".
eslint_findings() { awk -v root="$ROOT/" 'index($0, root) == 1 { file = substr($0, length(root) + 1); next }
  /^ +[0-9]+:[0-9]+ +(error|warning) / { sub(/^ +/, ""); print file ":" $0 }'; }
# prettier --list-different: one file per line.
prettier_findings() { grep -vE '^\s*$' | sed 's#^#ui/#; s#$#: not in Prettier'"'"'s format (ui/.prettierrc.json)#'; }

no_restore=()
if compgen -G "src/*/obj/project.assets.json" >/dev/null && compgen -G "tests/*/obj/project.assets.json" >/dev/null; then
  no_restore=(--no-restore)
fi
check "dotnet format" "dotnet format Marquee.slnx" dotnet_findings \
  dotnet format Marquee.slnx --verify-no-changes "${no_restore[@]}"

if [[ -f ui/package.json ]]; then
  ensure_ui_dependencies "$ROOT/ui" >&2 || true
  check "eslint" "cd ui && npx eslint --fix . (the rule's message says what it wants)" eslint_findings \
    bash -c 'cd ui && npx eslint --max-warnings 0 .'
  check "prettier" "cd ui && npm run format" prettier_findings \
    bash -c 'cd ui && npx prettier --list-different src e2e "*.ts" "*.js"'
fi

if [[ -n "$RESULTS" ]]; then
  mkdir -p "$RESULTS"
  (IFS=,; echo "{\"checks\":[${json[*]}]}") >"$RESULTS/hygiene.json"
fi
echo
echo "hygiene: $((${#json[@]} - failures)) passed, $failures failed"
((failures == 0))
