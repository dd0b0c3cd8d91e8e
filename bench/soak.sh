#!/usr/bin/env bash
# The mixed soak of issue 15: recommend (with and without wishes) and writes (feedback, watchlist PUT and
# DELETE) at the same time against one server over ml-latest-small with an EASE model and the default SQLite
# database, for 5 minutes by default. Prints the machine and its load, a SUMMARY line per half (p50/p99/max;
# writes also count 5xx), the server's memory before and after, and the feedback rows stored.
# Usage: bench/soak.sh [seconds] (READ_CONNECTIONS, WRITE_CONNECTIONS and SESSIONS_COUNT override the mix).
# The write limits are raised for the run: it measures storage under load, not the rate limiter.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${1:-300}"
READS="${READ_CONNECTIONS:-4}"
WRITES="${WRITE_CONNECTIONS:-8}"
COUNT="${SESSIONS_COUNT:-200}"
find_shared() { local d="$ROOT"; while [[ "$d" != "/" ]]; do d="$(dirname "$d")"; [[ -d "$d/shared/datasets" ]] && { echo "$d/shared"; return; }; done; }
export MARQUEE_SHARED_DIR="${MARQUEE_SHARED_DIR:-$(find_shared)}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

WORK="$(mktemp -d /tmp/marquee-soak.XXXXXX)"
trap 'kill ${SERVER_PID:-} 2>/dev/null || true; [[ -n "${SOAK_KEEP:-}" ]] || rm -rf "$WORK"' EXIT
export MARQUEE_DATA_DIR="$WORK/data" MARQUEE_ARTIFACTS_DIR="$WORK/artifacts"
./marquee import --source "$MARQUEE_SHARED_DIR/datasets/ml-latest-small" >/dev/null
./marquee enrich --metadata-file "$MARQUEE_SHARED_DIR/datasets/ml-latest-small-metadata-join/movie_metadata_join.csv" >/dev/null
CLI="dotnet $ROOT/build_artifacts/cli/marquee.dll"
$CLI train --algorithm ease >/dev/null 2>&1

PORT="${PORT:-$(for p in $(shuf -i 20000-29999 -n 50); do (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; break; }; done)}"
URL="http://127.0.0.1:$PORT"
Marquee__RateLimits__WritesPerSessionPerMinute=100000000 Marquee__RateLimits__WritesPerAddressPerMinute=100000000 \
Marquee__RateLimits__SessionsPerMinute=100000000 \
  $CLI serve --urls "$URL" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do curl -fs "$URL/health" >/dev/null && break; sleep 0.2; done
for _ in $(seq 1 "$COUNT"); do
  curl -fs -X POST "$URL/sessions" | sed -E 's/.*"user_id":"([^"]+)".*"token":"([^"]+)".*/\1 \2/'; echo
done >"$WORK/sessions.txt"
export SESSIONS="$WORK/sessions.txt"
pid() { pgrep -P "$SERVER_PID" -f marquee.dll || echo "$SERVER_PID"; }
rss() { grep -E '^(VmRSS|VmHWM)' "/proc/$(pid)/status" 2>/dev/null | tr -s ' \t' ' ' | paste -sd' '; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load before $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== $DURATION s: recommend on $READS connections, writes on $WRITES connections, $COUNT sessions"
echo "memory before: $(rss)"
wrk -t1 -c"$READS" -d"${DURATION}"s --timeout 10s -s bench/soak-recommend.lua "$URL" >"$WORK/reads.txt" &
READ_PID=$!
wrk -t2 -c"$WRITES" -d"${DURATION}"s --timeout 10s -s bench/soak-writes.lua "$URL" >"$WORK/writes.txt"
wait "$READ_PID"
echo "recommend: $(grep SUMMARY "$WORK/reads.txt")"
echo "writes:    $(grep SUMMARY "$WORK/writes.txt")"
echo "memory after: $(rss)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "health: $(curl -s "$URL/health")"
if command -v sqlite3 >/dev/null; then
  echo "feedback rows stored: $(sqlite3 "$MARQUEE_ARTIFACTS_DIR/marquee.db" 'SELECT COUNT(*) FROM feedback')"
fi
