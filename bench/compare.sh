#!/usr/bin/env bash
# Measures Marquee against the numpy reference on this machine, in one run, and the HTTP load
# figures of docs/performance.md. Needs: python3-numpy python3-scipy libopenblas0-pthread wrk hyperfine
# (installed from apt when missing). Usage: bench/compare.sh [all|als|ease|http] [seconds-per-load-run]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WHAT="${1:-all}"
DURATION="${2:-20}"
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

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ "$WHAT" == all || "$WHAT" == als ]]; then
  echo "== ALS, all of ml-latest-small, 64 factors, 15 iterations"
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/reference_timing.py als
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/reference_timing.py als
  # The warm-up run also trains the rating model, which later runs reuse (it depends on the imported ratings only).
  hyperfine --warmup 1 --runs 10 "$CLI train --algorithm als"
  OPENBLAS_NUM_THREADS=1 /usr/bin/python3 bench/reference_timing.py als
fi
if [[ "$WHAT" == all || "$WHAT" == ease ]]; then
  echo "== EASE, all of ml-latest-small (9,724 movies)"
  /usr/bin/python3 bench/reference_timing.py ease
  /usr/bin/python3 bench/reference_timing.py cholesky32
  hyperfine --warmup 1 --runs 5 "$CLI train --algorithm ease"
fi
[[ "$WHAT" == all || "$WHAT" == http ]] || exit 0
$CLI train --algorithm ease >/dev/null 2>&1

echo "== HTTP: wrk -t2 -c16 -d${DURATION}s against one server (cf model promoted)"
PORT=18080
$CLI serve --urls "http://127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.2; done
curl -fs "http://127.0.0.1:$PORT/health"; echo
# 50 sessions, each liking 20 of the 200 most popular movies (a realistic swipe history).
export SESSIONS="$WORK/sessions.txt"
POPULAR="$(curl -fs "http://127.0.0.1:$PORT/recommend" -H 'Content-Type: application/json' -d '{"recommender":"baseline","k":100}' \
  | /usr/bin/python3 -c 'import json,sys; print(" ".join(str(i["movie_id"]) for i in json.load(sys.stdin)["items"]))')"
for _ in $(seq 1 50); do
  session="$(curl -fs -X POST "http://127.0.0.1:$PORT/sessions")"
  user="$(echo "$session" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["user_id"])')"
  token="$(echo "$session" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')"
  for movie in $(echo $POPULAR | tr ' ' '\n' | shuf -n 20); do
    curl -fs "http://127.0.0.1:$PORT/feedback" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      -d "{\"user_id\":\"$user\",\"movie_id\":$movie,\"action\":\"like\"}" >/dev/null
  done
  echo "$user $token" >> "$SESSIONS"
done
# Warm-up: tiered compilation and dynamic PGO settle after some 20 s of load.
wrk -t2 -c16 -d20s -s bench/recommend.lua "http://127.0.0.1:$PORT" >/dev/null
wrk -t2 -c16 -d5s -s bench/session.lua "http://127.0.0.1:$PORT" >/dev/null
echo "health:                $(wrk -t2 -c16 -d${DURATION}s -s bench/health.lua "http://127.0.0.1:$PORT/health" | grep SUMMARY)"
echo "recommend (ML users):  $(wrk -t2 -c16 -d${DURATION}s -s bench/recommend.lua "http://127.0.0.1:$PORT" | grep SUMMARY)"
echo "recommend (sessions):  $(wrk -t2 -c16 -d${DURATION}s -s bench/session.lua "http://127.0.0.1:$PORT" | grep SUMMARY)"
echo "recommend (baseline):  $(wrk -t2 -c16 -d${DURATION}s -s bench/baseline.lua "http://127.0.0.1:$PORT/recommend" | grep SUMMARY)"
echo "server memory: $(grep -E 'VmHWM|VmRSS' /proc/$SERVER_PID/status | tr -s ' ' | tr '\n' ' ')"
