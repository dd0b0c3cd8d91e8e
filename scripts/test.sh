#!/usr/bin/env bash
# Runs every test Marquee has: .NET (unit + integration against real SQLite and PostgreSQL),
# UI unit tests (Vitest), browser tests (Playwright driving Debian's Chromium against the real
# server) and the hygiene checks (scripts/hygiene.sh: dotnet format, ESLint, Prettier). Installs what it needs, starts the services the tests use, and ends with one line:
#   N passed, N failed, N skipped
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=common.sh
source "$ROOT/scripts/common.sh"
case "${1:-}" in
  "") ;;
  -h|--help|-\?)
    cat <<'USAGE'
Usage: ./marquee test

Runs every test Marquee has and ends with one line "N passed, N failed, N skipped" (exit 1 on any failure):
.NET unit and integration tests against a real SQLite file and a private PostgreSQL cluster, UI unit tests
(Vitest), browser tests (Playwright driving Chromium against the real server) and the hygiene checks
(dotnet format --verify-no-changes, ESLint, Prettier: scripts/hygiene.sh, which also runs alone). Installs what it needs
first: chromium, postgresql and libopenblas0-pthread from apt when missing, the UI's npm packages when ui/node_modules is missing
or stale, dotnet restore. About 15 minutes on 2 cores (880 s on a clean clone). Results are kept in build_artifacts/test-results.

For one suite: dotnet test tests/<Project> -c Release --filter ..., or in ui/: npx vitest run <file>,
npx playwright test <spec>. Formatting and lint alone: scripts/hygiene.sh.
USAGE
    exit 0 ;;
  *) echo "marquee test: unknown argument '$1' (it takes none; see ./marquee test --help)" >&2; exit 2 ;;
esac
check_prerequisites
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
RESULTS="$ROOT/build_artifacts/test-results"
rm -rf "$RESULTS"; mkdir -p "$RESULTS"
find_shared() { local d="$ROOT"; while [[ "$d" != "/" ]]; do d="$(dirname "$d")"; [[ -d "$d/shared/datasets" ]] && { echo "$d/shared"; return; }; done; echo "$ROOT/../shared"; }
SHARED="${MARQUEE_SHARED_DIR:-$(find_shared)}"
export MARQUEE_SHARED_DIR="$SHARED"
STATUS=0
step() { printf '\n==> %s\n' "$*"; }

# --- prerequisites -------------------------------------------------------------------------------
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
# The dense linear algebra of training (the numerics tests check the native and managed paths agree).
ldconfig -p 2>/dev/null | grep -q 'libopenblas\.so\.0' || need_apt+=(libopenblas0-pthread)
if ((${#need_apt[@]})); then
  step "Installing ${need_apt[*]} (apt)"
  if [[ $(id -u) -eq 0 ]]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
export MARQUEE_CHROMIUM="${MARQUEE_CHROMIUM:-$(command -v chromium || true)}"

# --- a private PostgreSQL cluster ----------------------------------------------------------------
PG_BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
PG_DIR="$(mktemp -d /tmp/marquee-pg.XXXXXX)"
# A port nobody listens on, so parallel runs on one machine do not collide.
free_port() { for p in $(shuf -i 55000-59999 -n 50); do (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; echo 55432; }
PG_PORT="${MARQUEE_TEST_PG_PORT:-$(free_port)}"
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[[ $(id -u) -eq 0 ]] && chown postgres "$PG_DIR"
cleanup() {
  [[ -n "${SERVER_PID:-}" ]] && kill "$SERVER_PID" 2>/dev/null
  [[ -n "${HYGIENE_PID:-}" ]] && kill "$HYGIENE_PID" 2>/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$PG_DIR"
}
trap cleanup EXIT
step "Starting a private PostgreSQL on port $PG_PORT"
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust >/dev/null \
  && as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=on" -l "$PG_DIR/log" -w start >/dev/null \
  && export MARQUEE_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres" \
  || { echo "PostgreSQL did not start:"; cat "$PG_DIR/log" 2>/dev/null; STATUS=1; }

# --- .NET ----------------------------------------------------------------------------------------
step "dotnet restore + build"
# In CI the packages must be exactly those of the committed packages.lock.json files (a changed graph fails here).
locked=(); [[ "${CI:-}" == "true" ]] && locked=(--locked-mode)
dotnet restore Marquee.slnx "${locked[@]}" --nologo -v quiet || STATUS=1
dotnet build Marquee.slnx -c Release --no-restore --nologo -v quiet -clp:ErrorsOnly || STATUS=1

# --- UI build and unit tests ---------------------------------------------------------------------
if [[ -f ui/package.json ]]; then
  step "UI: npm packages (npm ci when package-lock.json changed), Vitest"
  ensure_ui_dependencies "$ROOT/ui" || STATUS=1
  (cd ui && npx vitest run --reporter=default --reporter=json --outputFile="$RESULTS/vitest.json") || STATUS=1
fi

# The CLI and UI exactly as ./marquee up builds them (used by the README test and the browser tests).
step "Building the CLI and the UI (./marquee build)"
./marquee build || STATUS=1

# --- hygiene: formatting and lint, each check one test ------------------------------------------------
# It only reads the tree, and the .NET tests spend much of their time waiting on servers, databases and child
# processes: run it beside them (after the last build, so no two MSBuilds share obj/) and print its report after.
step "Hygiene: dotnet format --verify-no-changes, ESLint, Prettier (scripts/hygiene.sh, beside the .NET tests)"
"$ROOT/scripts/hygiene.sh" "$RESULTS" >"$RESULTS/hygiene.log" 2>&1 &
HYGIENE_PID=$!

step ".NET tests"
for project in tests/*/*.csproj; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$RESULTS/$name.trx" --logger "console;verbosity=minimal" || STATUS=1
done

# --- browser tests against the real server -------------------------------------------------------
if [[ -f ui/playwright.config.ts ]]; then
  step "Browser tests (Playwright + Chromium)"
  (cd ui && PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/playwright.json" npx playwright test --reporter=list,json) || STATUS=1
fi

step "Hygiene report"
wait "$HYGIENE_PID" || STATUS=1
cat "$RESULTS/hygiene.log"

# --- summary -------------------------------------------------------------------------------------
SUMMARY="$(node "$ROOT/scripts/summarize-tests.mjs" "$RESULTS")" || STATUS=1
echo
echo "$SUMMARY"
case "$SUMMARY" in
  *" 0 failed"*) ;;
  *) STATUS=1 ;;
esac
exit $STATUS
