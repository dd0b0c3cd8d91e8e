#!/usr/bin/env bash
# Search by meaning under load: serves ml-latest-small with film embeddings and sends distinct free-text wishes
# (bench/semantic.lua), so every request embeds its wish. Prints the wrk summary lines (p50/p99) at 1 and 4
# connections and the server's resident memory. Usage: bench/semantic.sh [seconds-per-run]
# Embedding all 9,742 films takes minutes on 2 cores: set MARQUEE_DATA_DIR to a data directory that already has
# movie_embeddings.parquet to skip import/enrich/embed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${1:-20}"
find_shared() { local d="$ROOT"; while [[ "$d" != "/" ]]; do d="$(dirname "$d")"; [[ -d "$d/shared/datasets" ]] && { echo "$d/shared"; return; }; done; }
export MARQUEE_SHARED_DIR="${MARQUEE_SHARED_DIR:-$(find_shared)}"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

WORK="$(mktemp -d /tmp/marquee-semantic.XXXXXX)"
trap 'kill ${SERVER_PID:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
export MARQUEE_DATA_DIR="${MARQUEE_DATA_DIR:-$WORK/data}" MARQUEE_ARTIFACTS_DIR="$WORK/artifacts"
if [[ ! -f "$MARQUEE_DATA_DIR/dataset.json" ]]; then
  ./marquee import --source "$MARQUEE_SHARED_DIR/datasets/ml-latest-small" >/dev/null
  ./marquee enrich --metadata-file "$MARQUEE_SHARED_DIR/datasets/ml-latest-small-metadata-join/movie_metadata_join.csv" >/dev/null
  /usr/bin/time -f "embed: %e s wall, %U s user, max RSS %M KB" ./marquee embed >/dev/null
else
  ./marquee --help >/dev/null  # builds the CLI when the sources changed
fi
CLI="dotnet $ROOT/build_artifacts/cli/marquee.dll"
$CLI train --algorithm ease >/dev/null 2>&1

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
PORT="${PORT:-18090}"
$CLI serve --urls "http://127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
# Requests before the query model is ready rank without meaning; measure only once it is.
for _ in $(seq 1 150); do
  [[ -f "$MARQUEE_DATA_DIR/movie_embeddings.parquet" ]] || break
  grep -q "Query embedder .* ready" "$WORK/server.log" && break; sleep 0.2
done
grep -o "Query embedder .* ready in [0-9:.]*" "$WORK/server.log" || echo "query embedder did not report ready"
rss() { grep -E '^(VmRSS|VmHWM)' "/proc/$(pgrep -P "$SERVER_PID" -f marquee.dll || echo "$SERVER_PID")/status" 2>/dev/null | tr -s ' \t' ' ' | paste -sd' '; }
echo "memory after start:    $(rss)"
# Warm-up with other wishes than the measured ones would be cached: a short run at the same load instead.
wrk -t1 -c1 -d5s -s bench/semantic.lua "http://127.0.0.1:$PORT" >/dev/null
echo "query wishes, 1 conn:  $(wrk -t1 -c1 -d"${DURATION}"s -s bench/semantic.lua "http://127.0.0.1:$PORT" | grep SUMMARY)"
echo "query wishes, 4 conns: $(wrk -t2 -c4 -d"${DURATION}"s -s bench/semantic.lua "http://127.0.0.1:$PORT" | grep SUMMARY)"
echo "memory after load:     $(rss)"
