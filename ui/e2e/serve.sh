#!/usr/bin/env bash
# Serves the real Marquee (API + built UI) for the browser tests, on a fresh data directory:
#   e2e/serve.sh PORT WORK_DIR
# imports ml-latest-small and the metadata join from the shared datasets, then execs `marquee serve`.
set -euo pipefail
UI="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(dirname "$UI")"
PORT="$1"
WORK="$2"

find_shared() {
  local d="$UI"
  while [[ "$d" != "/" ]]; do
    d="$(dirname "$d")"
    [[ -d "$d/shared/datasets" ]] && { echo "$d/shared"; return; }
  done
  echo "$ROOT/../shared"
}
SHARED="${MARQUEE_SHARED_DIR:-$(find_shared)}"

rm -rf "$WORK"
mkdir -p "$WORK"
export MARQUEE_DATA_DIR="$WORK/data" MARQUEE_ARTIFACTS_DIR="$WORK/artifacts"
unset MARQUEE_DB

# `marquee serve` rebuilds the UI unless ui/dist carries its stamp; a dist newer than every source
# file is current (the test command has just built it), so stamp it rather than build it twice.
NEWEST="$(find "$UI/src" "$UI/index.html" "$UI/package.json" -type f -printf '%T@\n' 2>/dev/null | sort -n | tail -1)"
if [[ -f "$UI/dist/index.html" ]] && [[ "$(stat -c %Y "$UI/dist/index.html")" -ge "${NEWEST%.*}" ]]; then
  echo "$NEWEST" > "$UI/dist/.stamp"
fi

"$ROOT/marquee" import --source "$SHARED/datasets/ml-latest-small"
"$ROOT/marquee" enrich --metadata-file "$SHARED/datasets/ml-latest-small-metadata-join/movie_metadata_join.csv"
exec "$ROOT/marquee" serve --urls "http://127.0.0.1:$PORT"
