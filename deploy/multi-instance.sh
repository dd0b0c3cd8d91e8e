#!/usr/bin/env bash
# Two `marquee serve` instances behind nginx, sharing one PostgreSQL (and one artifacts directory), under a wrk
# load of wishes and likes, while
#   - instance B is killed with SIGKILL and started again, and
#   - a new model is promoted through instance A's admin API;
# Prometheus scrapes both instances' /metrics all along. Prints a table: requests, failures (only requests in
# flight on the killed instance may fail), acknowledged likes lost (must be 0), and how long until both instances
# serve the new model. Exits non-zero when a like is lost or a request fails anywhere else.
#   deploy/multi-instance.sh [LOAD_SECONDS (default 45)]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap cleanup EXIT
STARTED="$(now)"
LOAD_SECONDS="${1:-90}"
# The promotion waits for B to be back (a restarted instance loads whatever is promoted when it starts, which
# would say nothing about picking up a promotion), so the load lasts long enough for a slow start on a busy machine.
KILL_AT=8 RESTART_AT=11 PROMOTE_AT=$((LOAD_SECONDS / 2))
ADMIN_KEY="multi-instance-key"
WORK="$(mktemp -d /var/tmp/marquee-multi.XXXXXX)"
on_exit "rm -rf '$WORK'"
need=(); for tool in nginx wrk prometheus; do command -v "$tool" >/dev/null || need+=("$tool"); done
((${#need[@]} == 0)) || apt-get install -y "${need[@]}" >&2

t="$(now)"; "$ROOT/marquee" build >&2; BUILD_SECONDS="$(since "$t")"
export MARQUEE_DATA_DIR="$WORK/data" MARQUEE_ARTIFACTS_DIR="$WORK/artifacts" MARQUEE_ADMIN_KEY="$ADMIN_KEY"
export MARQUEE_UI_DIR="$ROOT/ui/dist"
# Online metrics on /metrics are recomputed every 10 s instead of 30, so a 45-second run shows them.
export Marquee__MonitoringRefreshSeconds=10
log "PostgreSQL, ml-latest-small, two models (EASE serving, ALS registered beside it)"
start_postgres "$WORK/pg"
export MARQUEE_DB="$PG_URL"
cli() { dotnet "$ROOT/build_artifacts/cli/marquee.dll" "$@"; }
cli import --source "$SHARED/datasets/ml-latest-small" >/dev/null
cli train --algorithm ease >/dev/null
cli train --algorithm als >/dev/null
versions="$(psql_marquee -c "SELECT version || ' ' || algorithm FROM models ORDER BY created_at_ms")"
OLD="$(awk '$2 == "ease" { print $1 }' <<<"$versions")"
NEW="$(awk '$2 == "als" { print $1 }' <<<"$versions")"
cli models promote "$OLD" >/dev/null

PORT_A="$(free_port)"; PORT_B="$(free_port)"; PORT_LB="$(free_port)"; PORT_PROM="$(free_port)"
start_instance() { # name port — dotnet itself in the background (not a shell function), so $! is the server's pid
  dotnet "$ROOT/build_artifacts/cli/marquee.dll" serve --urls "http://127.0.0.1:$2" >>"$WORK/$1.log" 2>&1 &
  echo $! >"$WORK/$1.pid"
}
stop_instance() { [[ -f "$WORK/$1.pid" ]] && kill -9 "$(cat "$WORK/$1.pid")" 2>/dev/null; true; }
on_exit "stop_instance a; stop_instance b"
start_instance a "$PORT_A"; start_instance b "$PORT_B"
wait_http "http://127.0.0.1:$PORT_A/health" 120 && wait_http "http://127.0.0.1:$PORT_B/health" 120

# nginx: round robin; a connection refused (the killed instance) moves the request to the other instance, as
# nginx does for any request not yet sent; a POST already sent is never replayed (it is not idempotent).
mkdir -p "$WORK/nginx"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
error_log $WORK/nginx/error.log warn;
pid $WORK/nginx/nginx.pid;
events { worker_connections 1024; }
http {
  log_format upstream '\$status \$upstream_addr \$upstream_status \$request_uri';
  access_log $WORK/nginx/access.log upstream;
  client_body_temp_path $WORK/nginx/body; proxy_temp_path $WORK/nginx/proxy;
  upstream marquee {
    server 127.0.0.1:$PORT_A max_fails=1 fail_timeout=2s;
    server 127.0.0.1:$PORT_B max_fails=1 fail_timeout=2s;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$PORT_LB;
    location / {
      proxy_pass http://marquee;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_next_upstream error timeout;
      proxy_connect_timeout 1s;
    }
  }
}
CONF
nginx -c "$WORK/nginx/nginx.conf" -g 'daemon off;' 2>>"$WORK/nginx/error.log" &
NGINX_PID=$!; on_exit "kill $NGINX_PID"
LB="http://127.0.0.1:$PORT_LB"
wait_http "$LB/health" 20

mkdir -p "$WORK/prometheus"
cat >"$WORK/prometheus/prometheus.yml" <<CONF
global: { scrape_interval: 2s }
scrape_configs:
  - job_name: marquee
    authorization: { credentials: $ADMIN_KEY }
    static_configs: [{ targets: ["127.0.0.1:$PORT_A", "127.0.0.1:$PORT_B"] }]
CONF
prometheus --config.file="$WORK/prometheus/prometheus.yml" --storage.tsdb.path="$WORK/prometheus/data" \
  --web.listen-address="127.0.0.1:$PORT_PROM" >"$WORK/prometheus/log" 2>&1 &
PROM_PID=$!; on_exit "kill $PROM_PID"

log "50 sessions through nginx"
for _ in $(seq 50); do curl -fsS -X POST "$LB/sessions" | jq -r '"\(.user_id) \(.token)"'; done >"$WORK/sessions.txt"
mkdir -p "$WORK/acked"
: >"$WORK/nginx/access.log"

log "wrk for ${LOAD_SECONDS}s (2 threads, 16 connections): SIGKILL of B at ${KILL_AT}s, restart at ${RESTART_AT}s, promotion at ${PROMOTE_AT}s"
SESSIONS="$WORK/sessions.txt" ACK_DIR="$WORK/acked" wrk -t2 -c16 -d"${LOAD_SECONDS}s" --latency -s "$ROOT/deploy/multi-instance.lua" "$LB" >"$WORK/wrk.txt" 2>&1 &
WRK_PID=$!
LOAD_START="$(now)"
sleep "$KILL_AT"; stop_instance b; KILLED_AT="$(since "$LOAD_START")"
curl -fsS -m 1 -o /dev/null "http://127.0.0.1:$PORT_B/health" 2>/dev/null && { log "B still answers after SIGKILL"; exit 1; }
sleep $((RESTART_AT - KILL_AT)); t="$(now)"; start_instance b "$PORT_B"
wait_http "http://127.0.0.1:$PORT_B/health" 120; B_BACK="$(since "$t")"
elapsed="$(printf %.0f "$(since "$LOAD_START")")"
sleep $((PROMOTE_AT > elapsed ? PROMOTE_AT - elapsed : 0))
PROMOTED_AT="$(since "$LOAD_START")"
t="$(now)"
curl -fsS -X POST -H "X-Api-Key: $ADMIN_KEY" "http://127.0.0.1:$PORT_A/admin/models/$NEW/promote" >/dev/null
serving() { curl -fsS "http://127.0.0.1:$1/health" | jq -r .model_version; }
A_NEW="" B_NEW=""
while [[ -z "$A_NEW" || -z "$B_NEW" ]]; do
  [[ -z "$A_NEW" && "$(serving "$PORT_A")" == "$NEW" ]] && A_NEW="$(since "$t")"
  [[ -z "$B_NEW" && "$(serving "$PORT_B")" == "$NEW" ]] && B_NEW="$(since "$t")"
  awk -v s="$(since "$t")" 'BEGIN { exit !(s > 60) }' && { log "B did not pick up $NEW within 60 s"; B_NEW="never"; A_NEW="${A_NEW:-never}"; }
  sleep 0.1
done
PICKED_UP_AT="$(since "$LOAD_START")"
wait "$WRK_PID"
UNDER_LOAD="$(awk -v p="$PICKED_UP_AT" -v l="$LOAD_SECONDS" 'BEGIN { print (p <= l ? "under load" : "AFTER the load had ended") }')"

# Every acknowledged like must be a row; failures are counted from nginx's log, with the instance that answered.
cat "$WORK"/acked/*.txt >"$WORK/acked.txt" 2>/dev/null || : >"$WORK/acked.txt"
ACKED="$(wc -l <"$WORK/acked.txt")"
chmod a+r "$WORK/acked.txt"
FOUND="$(psql_marquee -c "CREATE TEMP TABLE acked (id BIGINT)" -c "\\copy acked FROM '$WORK/acked.txt'" \
  -c "SELECT COUNT(*) FROM acked JOIN feedback USING (id) WHERE feedback.action = 'like'" | tail -1)"
LOST=$((ACKED - FOUND))
# 499: wrk closed the connection of a request still running when its time was up; not an answer, not a failure.
read -r TOTAL OK FAILED FAILED_B FAILED_ELSEWHERE CUT < <(awk -v b="127.0.0.1:$PORT_B" '
  { total++; if ($1 ~ /^2/) ok++; else if ($1 == 499) cut++; else { failed++; if (index($2, b) > 0) fb++; else fe++ } }
  END { printf "%d %d %d %d %d %d\n", total, ok, failed, fb, fe, cut }' "$WORK/nginx/access.log")
STATUSES="$(awk '$1 !~ /^2/ && $1 != 499 { print $1 }' "$WORK/nginx/access.log" | sort | uniq -c | awk '{ printf "%s×%s ", $1, $2 }')"
WRK_RPS="$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk.txt")"
WRK_ERRORS="$(grep -E 'Socket errors|Non-2xx' "$WORK/wrk.txt" | tr -s ' ' | paste -sd';' || true)"
P99="$(awk '/ 99%/ { print $2 }' "$WORK/wrk.txt")"

# Prometheus scraped both instances all along; the online metrics per model version are there.
sleep 3
prom() { curl -fsS "http://127.0.0.1:$PORT_PROM/api/v1/query" --data-urlencode "query=$1"; }
UP="$(prom 'sum(up{job="marquee"})' | jq -r '.data.result[0].value[1] // "0"')"
SCRAPES="$(prom 'sum(count_over_time(up{job="marquee"}[5m]))' | jq -r '.data.result[0].value[1] // "0"')"
DOWN_SCRAPES="$(prom 'sum(count_over_time(up{job="marquee"}[5m]) - sum_over_time(up{job="marquee"}[5m]))' | jq -r '.data.result[0].value[1] // "0"')"
PROM_FEEDBACK="$(prom 'sum(marquee_feedback_total)' | jq -r '.data.result[0].value[1] // "none"')"
PROM_LIKE_RATES="$(prom 'max by (model_version) (marquee_online_like_rate)' | jq -r '[.data.result[] | "\(.metric.model_version)=\(.value[1])"] | join(", ")')"

printf '\nMarquee, two instances behind nginx on one PostgreSQL (%s cores, %s)\n' "$(nproc)" "$(date -u +%Y-%m-%dT%H:%MZ)"
printf '  %-46s %s\n' \
  "load" "wrk -t2 -c16 -d${LOAD_SECONDS}s, 2 of 3 requests /recommend with a wish, 1 of 3 a like" \
  "requests through nginx" "$TOTAL ($WRK_RPS req/s, p99 $P99)" \
  "answered 2xx" "$OK" \
  "cut off by wrk at the end of its run (499)" "$CUT" \
  "failed" "$FAILED ${STATUSES:+(${STATUSES% })}" \
  "  of them answered by the killed instance B" "$FAILED_B (in flight when it was killed at ${KILLED_AT}s)" \
  "  of them anywhere else" "$FAILED_ELSEWHERE" \
  "wrk's own count" "${WRK_ERRORS:-no socket errors, no non-2xx}" \
  "B back and healthy after restart" "${B_BACK} s" \
  "likes acknowledged (201)" "$ACKED" \
  "acknowledged likes lost" "$LOST" \
  "new model promoted on A at ${PROMOTED_AT}s" "$NEW" \
  "  A serves it after" "${A_NEW} s (the promote call reloads A)" \
  "  B serves it after" "${B_NEW} s (B polls every 10 s; $UNDER_LOAD)" \
  "Prometheus: instances up / scrapes (down)" "$UP / $SCRAPES ($DOWN_SCRAPES while B was down)" \
  "Prometheus: marquee_feedback_total" "$PROM_FEEDBACK" \
  "Prometheus: marquee_online_like_rate" "${PROM_LIKE_RATES:-none}" \
  "whole script" "$(since "$STARTED") s (${BUILD_SECONDS} s of it ./marquee build)"
[[ "$LOST" -eq 0 && "$FAILED_ELSEWHERE" -eq 0 && "$B_NEW" != "never" && -n "$PROM_LIKE_RATES" ]]
