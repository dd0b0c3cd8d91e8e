#!/usr/bin/env bash
# Tests the backup procedure of docs/operations.md end to end: a server on PostgreSQL stores sessions, likes and a
# watchlist; `pg_dump -Fc` backs the database up; the database is dropped (the disaster); `pg_restore` brings it
# back into a new, empty database; a server started on it serves the same model, and every session can still sign
# in with its token and finds its likes and watchlist. About a minute; not part of ./marquee test.
#   deploy/backup-restore.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap cleanup EXIT
STARTED="$(now)"
WORK="$(mktemp -d /var/tmp/marquee-restore.XXXXXX)"
on_exit "rm -rf '$WORK'"
"$ROOT/marquee" build >&2
export MARQUEE_DATA_DIR="$WORK/data" MARQUEE_ARTIFACTS_DIR="$WORK/artifacts" MARQUEE_UI_DIR="$ROOT/ui/dist"
cli() { dotnet "$ROOT/build_artifacts/cli/marquee.dll" "$@"; }
start_postgres "$WORK/pg"
export MARQUEE_DB="$PG_URL"
cli import --source "$SHARED/datasets/ml-latest-small" >/dev/null
cli train --algorithm ease >/dev/null

PORT="$(free_port)"; URL="http://127.0.0.1:$PORT"
serve() { # dotnet itself in the background (not the shell function), so $SERVER is the server's pid
  dotnet "$ROOT/build_artifacts/cli/marquee.dll" serve --urls "$URL" >>"$WORK/serve.log" 2>&1 &
  SERVER=$!; on_exit "kill -9 $SERVER"; wait_http "$URL/health" 120
}
serve
MODEL="$(curl -fsS "$URL/health" | jq -r .model_version)"
log "10 sessions, 5 likes and one watchlist film each"
: >"$WORK/sessions.txt"
for _ in $(seq 10); do
  s="$(curl -fsS -X POST "$URL/sessions")"; user="$(jq -r .user_id <<<"$s")"; token="$(jq -r .token <<<"$s")"
  for movie in 1 2 3 5 6; do
    curl -fsS -o /dev/null "$URL/feedback" -H 'Content-Type: application/json' -H "Authorization: Bearer $token" \
      -d "{\"user_id\":\"$user\",\"movie_id\":$movie,\"action\":\"like\"}"
  done
  curl -fsS -o /dev/null -X PUT "$URL/users/$user/watchlist/318" -H "Authorization: Bearer $token"
  echo "$user $token" >>"$WORK/sessions.txt"
done
BEFORE="$(psql_marquee -c "SELECT (SELECT COUNT(*) FROM users) || ' users, ' || (SELECT COUNT(*) FROM feedback) || ' feedback, ' || (SELECT COUNT(*) FROM watchlist) || ' watchlist, ' || (SELECT COUNT(*) FROM models) || ' models'")"

log "pg_dump while the server runs (a consistent snapshot; writers are not blocked)"
t="$(now)"
as_pg "$PG_BIN/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U postgres -Fc marquee >"$WORK/marquee.dump"
DUMP_SECONDS="$(since "$t")"; DUMP_SIZE="$(du -h "$WORK/marquee.dump" | cut -f1)"

log "Disaster: the server stops and the database is dropped"
kill -9 "$SERVER"; wait "$SERVER" 2>/dev/null || true
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE marquee" >/dev/null
as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE marquee" >/dev/null
t="$(now)"
as_pg "$PG_BIN/pg_restore" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d marquee --no-owner --exit-on-error <"$WORK/marquee.dump"
RESTORE_SECONDS="$(since "$t")"
AFTER="$(psql_marquee -c "SELECT (SELECT COUNT(*) FROM users) || ' users, ' || (SELECT COUNT(*) FROM feedback) || ' feedback, ' || (SELECT COUNT(*) FROM watchlist) || ' watchlist, ' || (SELECT COUNT(*) FROM models) || ' models'")"
[[ "$BEFORE" == "$AFTER" ]] || { log "FAIL: before $BEFORE, after $AFTER"; exit 1; }

serve
[[ "$(curl -fsS "$URL/health" | jq -r .model_version)" == "$MODEL" ]] || { log "FAIL: another model serves after the restore"; exit 1; }
while read -r user token; do
  likes="$(curl -fsS "$URL/users/$user/feedback" -H "Authorization: Bearer $token" | jq '[.items[] | select(.action == "like")] | length')"
  saved="$(curl -fsS "$URL/users/$user/watchlist" -H "Authorization: Bearer $token" | jq '[.items[].movie_id] | join(",")' -r)"
  [[ "$likes" == 5 && "$saved" == "318" ]] || { log "FAIL: $user has $likes likes and watchlist '$saved' after the restore"; exit 1; }
done <"$WORK/sessions.txt"

printf '\nBackup and restore through pg_dump (%s cores)\n' "$(nproc)"
printf '  %-34s %s\n' \
  "before the backup" "$BEFORE" \
  "pg_dump -Fc" "${DUMP_SECONDS} s, $DUMP_SIZE" \
  "pg_restore into an empty database" "${RESTORE_SECONDS} s" \
  "after the restore" "$AFTER" \
  "server on the restored database" "serves $MODEL; 10 of 10 sessions sign in with their tokens and find 5 likes + 1 saved film" \
  "whole script" "$(since "$STARTED") s"
