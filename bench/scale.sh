#!/usr/bin/env bash
# Issue 12's end-to-end run on MovieLens 25M's shape: every command a user runs, each with its wall time and
# peak resident memory, printed as a table beside its budget. Usage:
#   bench/scale.sh [DATASET_DIR]
# Without a directory it generates the 25m preset of shared/tools/gen_movielens_synth.py (about 5 minutes of
# one core, 666 MB) into $SCALE_DATA (default /tmp/marquee-scale/ml25m) and reuses it on later runs.
# Each step has its own MARQUEE_DATA_DIR and artifacts under $SCALE_WORK (default /tmp/marquee-scale/run), kept
# between runs, so STEPS can re-run part of it: STEPS="import train als serve load retrain evaluate" (the default;
# retrain = POST /admin/retrain of RETRAIN_ALGORITHM, itemknn, with sequential requests for RETRAIN_SECONDS, 60, during it).
# Settings: LOAD_SECONDS (wrk runs, 30), SEQ_SECONDS (sequential runs, 20), EVAL_USERS (the evaluate sample,
# 10000 users drawn by a seeded hash of the user id: docs/performance.md), EVAL_ARGS (what evaluate compares).
# Peak RSS comes from /usr/bin/time -v (the whole command, child processes included); the server's memory
# from /proc (VmRSS resident now, VmHWM its peak).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
find_shared() { local d="$ROOT"; while [[ "$d" != "/" ]]; do d="$(dirname "$d")"; [[ -d "$d/shared/datasets" ]] && { echo "$d/shared"; return; }; done; }
export MARQUEE_SHARED_DIR="${MARQUEE_SHARED_DIR:-$(find_shared)}"
STEPS="${STEPS:-import train als serve load retrain evaluate}"
LOAD_SECONDS="${LOAD_SECONDS:-30}"
SEQ_SECONDS="${SEQ_SECONDS:-20}"
EVAL_USERS="${EVAL_USERS:-10000}"
EVAL_ARGS="${EVAL_ARGS:---algorithms most-popular,itemknn,als --rating-models baseline}"
RETRAIN_ALGORITHM="${RETRAIN_ALGORITHM:-itemknn}"
RETRAIN_SECONDS="${RETRAIN_SECONDS:-60}"
export MARQUEE_ADMIN_KEY="${MARQUEE_ADMIN_KEY:-scale-bench-key}"
WORK="${SCALE_WORK:-/tmp/marquee-scale/run}"
mkdir -p "$WORK"
has_step() { [[ " $STEPS " == *" $1 "* ]]; }

need=()
[[ -x /usr/bin/time ]] || need+=(time)
command -v wrk >/dev/null || need+=(wrk)
/usr/bin/python3 -c "import numpy" 2>/dev/null || need+=(python3-numpy)
if ((${#need[@]})); then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null; fi

# The dataset: given, or the generated preset (complete = its generator wrote stats.json last).
complete() { [[ -s "$1/ratings.csv" && -s "$1/movies.csv" && -s "$1/links.csv" && -s "$1/tags.csv" ]]; }
DATA="${1:-${SCALE_DATA:-/tmp/marquee-scale/ml25m}}"
if ! complete "$DATA"; then
  [[ -n "${1:-}" ]] && { echo "scale.sh: $DATA is not a MovieLens directory (ratings.csv, movies.csv, links.csv, tags.csv)" >&2; exit 1; }
  echo "== generating the 25m preset into $DATA (about 5 minutes)"
  /usr/bin/python3 "$MARQUEE_SHARED_DIR/tools/gen_movielens_synth.py" --preset 25m --out "$DATA" >"$WORK/generate.log" 2>&1
fi

# A private copy of the CLI: a rebuild in the worktree during the run must not swap the binary under it.
./marquee build >/dev/null
rm -rf "$WORK/cli" && cp -r build_artifacts/cli "$WORK/cli"
CLI=(dotnet "$WORK/cli/marquee.dll")
export MARQUEE_DATA_DIR="$WORK/data" MARQUEE_ARTIFACTS_DIR="$WORK/artifacts"
SMALL_DATA="$WORK/small/data" SMALL_ARTIFACTS="$WORK/small/artifacts"

RESULTS="$WORK/results.tsv"
has_step import && : >"$RESULTS"
touch "$RESULTS"
# record STEP FIGURE BUDGET VERDICT: one row of the table (a re-run of a step replaces its rows).
record() { awk -F'\t' -v s="$1" '$1 != s' "$RESULTS" >"$RESULTS.tmp"; mv "$RESULTS.tmp" "$RESULTS"; printf '%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS"; }

# measure NAME CMD...: runs CMD under /usr/bin/time -v; sets SECONDS_TAKEN, PEAK_MB, STATUS; log in $WORK/NAME.log.
measure() {
  local name="$1"; shift
  set +e
  /usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.log" 2>&1
  STATUS=$?
  set -e
  SECONDS_TAKEN="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; printf "%.0f", s}' "$WORK/$name.time")"
  PEAK_MB="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$name.time")"
  echo "   $name: exit $STATUS, ${SECONDS_TAKEN} s, peak ${PEAK_MB} MB (log $WORK/$name.log)"
}
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a <= b) ? "ok" : "OVER" }'; }
fail_or() { [[ "$STATUS" == 0 ]] && echo "$1" || echo "FAILED (exit $STATUS)"; }

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== dataset $DATA: $(($(wc -l <"$DATA/ratings.csv") - 1)) ratings"

if has_step import; then
  rm -rf "$MARQUEE_DATA_DIR" "$MARQUEE_ARTIFACTS_DIR"
  measure import "${CLI[@]}" import --source "$DATA"
  record import "${SECONDS_TAKEN} s, ${PEAK_MB} MB" "<= 90 s, <= 3072 MB" \
    "$(fail_or "$( [[ $(verdict "$SECONDS_TAKEN" 90) == ok && $(verdict "$PEAK_MB" 3072) == ok ]] && echo ok || echo OVER)")"
fi

if has_step train; then
  measure train "${CLI[@]}" train
  chosen="$(grep -oE '\(([a-z-]+)\) on' "$WORK/train.log" | head -1 | tr -d '()' | cut -d' ' -f1 || true)"
  record "train (default)" "${SECONDS_TAKEN} s, ${PEAK_MB} MB${chosen:+, chose $chosen}" "<= 900 s, <= 8192 MB" \
    "$(fail_or "$( [[ $(verdict "$SECONDS_TAKEN" 900) == ok && $(verdict "$PEAK_MB" 8192) == ok ]] && echo ok || echo OVER)")"
  [[ "$STATUS" == 0 ]] || tail -3 "$WORK/train.log" | sed 's/^/   /'
fi

if has_step als; then
  # --force: when the default already chose ALS, training it again on the same data would be skipped as unchanged.
  measure train-als "${CLI[@]}" train --algorithm als --force
  record "train --algorithm als" "${SECONDS_TAKEN} s, ${PEAK_MB} MB" "<= 180 s" "$(fail_or "$(verdict "$SECONDS_TAKEN" 180)")"
  [[ "$STATUS" == 0 ]] || tail -3 "$WORK/train-als.log" | sed 's/^/   /'
fi

free_port() { for p in $(shuf -i 20000-29999 -n 50); do (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; }
SERVER_PID=""
SMALL_PID=""
trap 'for p in $SERVER_PID $SMALL_PID; do kill "$p" 2>/dev/null || true; done' EXIT
server_pid() { pgrep -P "$1" -f marquee.dll || echo "$1"; }
mem_mb() { awk -v k="$2" '$1 == k":" {printf "%.0f", $2/1024}' "/proc/$(server_pid "$1")/status"; }
# start_server PID_VAR URL: starts `serve` and waits for /health to say ok; sets READY_SECONDS.
start_server() {
  local url="$2" log="$3"
  local start; start="$(date +%s.%N)"
  "${CLI[@]}" serve --urls "$url" >"$log" 2>&1 &
  printf -v "$1" '%s' "$!"
  for _ in $(seq 1 600); do
    curl -fs "$url/health" 2>/dev/null | grep -q '"status":"ok"' && break
    sleep 0.2
  done
  READY_SECONDS="$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')"
}
# wrk_run NAME URL CONNECTIONS SECONDS USERS WISH: SUMMARY line of bench/scale-recommend.lua into $WORK/NAME.txt.
wrk_run() {
  local threads=$(( $3 < 2 ? 1 : 2 ))
  USERS="$5" WISH="$6" wrk -t"$threads" -c"$3" -d"$4"s --timeout 10s -s bench/scale-recommend.lua "$2" >"$WORK/$1.txt" 2>&1 || true
  grep SUMMARY "$WORK/$1.txt" || echo "SUMMARY requests=0 errors=1 non2xx=0 rps=0 p50_ms=0 p99_ms=0 max_ms=0"
}
field() { sed -E "s/.*$1=([0-9.]+).*/\1/" <<<"$2"; }

if has_step serve || has_step load; then
  PORT="$(free_port)"; URL="http://127.0.0.1:$PORT"
  start_server SERVER_PID "$URL" "$WORK/serve.log"
  BIG_READY="$READY_SECONDS"
  RSS_READY="$(mem_mb "$SERVER_PID" VmRSS)"
  USERS="$(cut -d, -f1 "$DATA/ratings.csv" | tail -1)"
  echo "   serve: ready in $READY_SECONDS s, $RSS_READY MB resident ($(curl -fs "$URL/health"))"

  # Sequential: one connection, one request at a time, users 1..N in turn.
  for wish in 0 1; do
    line="$(wrk_run "sequential-wish$wish" "$URL" 1 "$SEQ_SECONDS" "$USERS" "$wish")"
    echo "   sequential, wish=$wish: $line"
    declare "SEQ_P99_$wish=$(field p99_ms "$line")"
    declare "SEQ_ERR_$wish=$(( $(field errors "$line") + $(field non2xx "$line") ))"
  done
  LOAD_LINE="$(wrk_run load-25m "$URL" 16 "$LOAD_SECONDS" "$USERS" 0)"
  echo "   wrk -c16, $(basename "$DATA"): $LOAD_LINE"
  RSS_AFTER="$(mem_mb "$SERVER_PID" VmRSS)"; HWM="$(mem_mb "$SERVER_PID" VmHWM)"

  if has_step retrain; then
    # POST /admin/retrain (a model other than the serving one, so it really trains) with sequential requests
    # running through it; the worker process is the one measured for memory.
    job="$(curl -fs -X POST "$URL/admin/retrain" -H "X-Api-Key: $MARQUEE_ADMIN_KEY" -H 'Content-Type: application/json' \
      -d "{\"algorithm\":\"$RETRAIN_ALGORITHM\"}" | sed -E 's/.*"id":"([^"]+)".*/\1/')"
    retrain_start="$(date +%s)"
    RETRAIN_LINE="$(wrk_run sequential-retrain "$URL" 1 "$RETRAIN_SECONDS" "$USERS" 0)"
    echo "   sequential during retrain ($RETRAIN_ALGORITHM): $RETRAIN_LINE"
    status=running
    for _ in $(seq 1 1200); do
      status="$(curl -fs "$URL/admin/jobs/$job" -H "X-Api-Key: $MARQUEE_ADMIN_KEY" | sed -E 's/.*"status":"([^"]+)".*/\1/')"
      [[ "$status" == running ]] || break
      sleep 1
    done
    RETRAIN_TOOK=$(( $(date +%s) - retrain_start ))
    echo "   retrain job: $(curl -fs "$URL/admin/jobs/$job" -H "X-Api-Key: $MARQUEE_ADMIN_KEY")"
    RSS_RETRAIN="$(mem_mb "$SERVER_PID" VmRSS)"
  fi
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

  # The same wrk run against ml-latest-small, imported and trained (the default model) in its own folders. `train`
  # runs every time: it says "unchanged" in seconds when the models are current, and otherwise brings them up to
  # this build (a rating model the server no longer accepts would leave the small side without predicted
  # ratings, a cheaper page than the 25M side's, and the ratio unfair).
  if [[ ! -f "$SMALL_DATA/dataset.json" ]]; then
    MARQUEE_DATA_DIR="$SMALL_DATA" MARQUEE_ARTIFACTS_DIR="$SMALL_ARTIFACTS" "${CLI[@]}" import --source "$MARQUEE_SHARED_DIR/datasets/ml-latest-small" >"$WORK/small-import.log" 2>&1
  fi
  MARQUEE_DATA_DIR="$SMALL_DATA" MARQUEE_ARTIFACTS_DIR="$SMALL_ARTIFACTS" "${CLI[@]}" train >"$WORK/small-train.log" 2>&1
  PORT="$(free_port)"; SMALL_URL="http://127.0.0.1:$PORT"
  MARQUEE_DATA_DIR="$SMALL_DATA" MARQUEE_ARTIFACTS_DIR="$SMALL_ARTIFACTS" start_server SMALL_PID "$SMALL_URL" "$WORK/serve-small.log"
  SMALL_LINE="$(wrk_run load-small "$SMALL_URL" 16 "$LOAD_SECONDS" 610 0)"
  echo "   wrk -c16, ml-latest-small: $SMALL_LINE"
  kill "$SMALL_PID"; wait "$SMALL_PID" 2>/dev/null || true; SMALL_PID=""

  record "serve: ready" "$BIG_READY s" "<= 30 s" "$(verdict "$BIG_READY" 30)"
  record "serve: resident" "$RSS_READY MB ready, $RSS_AFTER MB after load (peak $HWM)" "<= 2048 MB" "$(verdict "$RSS_AFTER" 2048)"
  record "recommend k=20, no wish" "p99 $SEQ_P99_0 ms ($SEQ_ERR_0 errors)" "p99 <= 25 ms" "$(verdict "$SEQ_P99_0" 25)"
  record "recommend k=20, wish" "p99 $SEQ_P99_1 ms ($SEQ_ERR_1 errors)" "p99 <= 40 ms" "$(verdict "$SEQ_P99_1" 40)"
  if has_step retrain; then
    retrain_p99="$(field p99_ms "$RETRAIN_LINE")"
    ratio_retrain="$(awk -v a="$retrain_p99" -v b="$SEQ_P99_0" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
    record "recommend during retrain" "p99 $retrain_p99 ms = ${ratio_retrain}x quiet; job $status in ${RETRAIN_TOOK} s; server $RSS_RETRAIN MB after" \
      "<= 2x quiet p99" "$(verdict "$ratio_retrain" 2)"
  fi
  rps_big="$(field rps "$LOAD_LINE")"; rps_small="$(field rps "$SMALL_LINE")"
  errors="$(( $(field errors "$LOAD_LINE") + $(field non2xx "$LOAD_LINE") ))"
  ratio="$(awk -v a="$rps_big" -v b="$rps_small" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
  record "wrk -c16 ${LOAD_SECONDS}s" "$rps_big req/s (p99 $(field p99_ms "$LOAD_LINE") ms, $errors errors) = ${ratio}x of ml-latest-small's $rps_small" \
    ">= 0.6x, 0 errors" "$( [[ "$errors" == 0 && $(verdict 0.6 "$ratio") == ok ]] && echo ok || echo OVER)"
fi

if has_step evaluate; then
  # shellcheck disable=SC2086 # EVAL_ARGS is a list of arguments
  measure evaluate "${CLI[@]}" evaluate --source "$DATA" --sample-users "$EVAL_USERS" $EVAL_ARGS
  record "evaluate ($EVAL_USERS users)" "${SECONDS_TAKEN} s, ${PEAK_MB} MB" "<= 1200 s" "$(fail_or "$(verdict "$SECONDS_TAKEN" 1200)")"
  grep -E '^│ ' "$WORK/evaluate.log" | sed 's/^/   /' || true
fi

echo
echo "== $(basename "$DATA") on $(nproc) cores, load after $(cut -d' ' -f1-3 /proc/loadavg)"
{ printf 'step\tmeasured\tbudget\tverdict\n'; cat "$RESULTS"; } | column -t -s $'\t'
