#!/usr/bin/env bash
# Measures Marquee against the numpy reference on this machine, in one run, and the HTTP load
# figures of docs/performance.md. Needs: python3-numpy python3-scipy libopenblas0-pthread wrk hyperfine
# (installed from apt when missing). Usage: bench/compare.sh [seconds-per-load-run]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
DURATION="${1:-20}"
find_shared() { local d="$ROOT"; while [[ "$d" != "/" ]]; do d="$(dirname "$d")"; [[ -d "$d/shared/datasets" ]] && { echo "$d/shared"; return; }; done; }
export MARQUEE_SHARED_DIR="${MARQUEE_SHARED_DIR:-$(find_shared)}"
need=()
/usr/bin/python3 -c "import numpy, scipy" 2>/dev/null || need+=(python3-numpy python3-scipy libopenblas0-pthread)
command -v wrk >/dev/null || need+=(wrk)
command -v hyperfine >/dev/null || need+=(hyperfine)
if ((${#need[@]})); then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi

WORK="$(mktemp -d /tmp/marquee-bench.XXXXXX)"
trap 'kill ${SERVER_PID:-} 2>/dev/null || true; rm -rf "$WORK"' EXIT
export MARQUEE_DATA_DIR="$WORK/data" MARQUEE_ARTIFACTS_DIR="$WORK/artifacts"
./marquee import --source "$MARQUEE_SHARED_DIR/datasets/ml-latest-small" >/dev/null
./marquee enrich --metadata-file "$MARQUEE_SHARED_DIR/datasets/ml-latest-small-metadata-join/movie_metadata_join.csv" >/dev/null
CLI="dotnet $ROOT/build_artifacts/cli/marquee.dll"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "== ALS, all of ml-latest-small, 64 factors, 15 iterations"
OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/reference_timing.py als
OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/reference_timing.py als
hyperfine --warmup 1 --runs 5 --export-json "$WORK/als.json" "$CLI train --algorithm als"
echo "== EASE, all of ml-latest-small (9,724 movies)"
/usr/bin/python3 bench/reference_timing.py ease
/usr/bin/python3 bench/reference_timing.py cholesky32
hyperfine --warmup 1 --runs 5 "$CLI train --algorithm ease"

echo "== HTTP: wrk -t2 -c16 -d${DURATION}s against one server (cf model promoted)"
PORT=18080
$CLI serve --urls "http://127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/health"; echo
wrk -t2 -c16 -d5s -s bench/recommend.lua "http://127.0.0.1:$PORT" >/dev/null   # warm-up
echo "health:    $(wrk -t2 -c16 -d${DURATION}s -s bench/health.lua "http://127.0.0.1:$PORT/health" | grep SUMMARY)"
echo "recommend: $(wrk -t2 -c16 -d${DURATION}s -s bench/recommend.lua "http://127.0.0.1:$PORT" | grep SUMMARY)"
echo "server memory: $(grep -E 'VmHWM|VmRSS' /proc/$SERVER_PID/status | tr -s ' ' | tr '\n' ' ')"
