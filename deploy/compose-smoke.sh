#!/usr/bin/env bash
# Brings compose.yaml up for real with podman-compose, as a user would: `up -d` on a fresh project (the first start
# imports ml-latest-small from a local directory, enriches, embeds, trains), then /health, a /recommend with a
# wish and a like that lands in PostgreSQL; then `down` and `up` again, and the like, the model and the catalogue
# are still there, served from the volumes within seconds; last, the backup taken while serving is restored into
# an empty database as docs/operations.md says. Everything it made (containers, volumes, network) is
# removed at the end. Slow (minutes), so it is not part of ./marquee test.
#   deploy/compose-smoke.sh                  reuses localhost/marquee:latest when it exists, else builds it
#   MARQUEE_BUILD=1 deploy/compose-smoke.sh  rebuilds it first (needed after a code change)
#   MARQUEE_EMBED=0 deploy/compose-smoke.sh  skips embedding the films (wishes then rank without meaning)
# On a machine without a registry (like the development one) the images are local: deploy/local-base-images.sh
# makes the bases and localhost/postgres:15-bookworm; where a registry is reachable, MARQUEE_BASE_IMAGES=official
# builds FROM the official .NET/Node images and runs compose.yaml's own postgres:16-bookworm.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap cleanup EXIT
STARTED="$(now)"
WORK="$(mktemp -d /var/tmp/marquee-compose.XXXXXX)"
on_exit "rm -rf '$WORK'"
PASSED=()
check() { PASSED+=("$1"); log "PASS $1"; }
fail() {
  log "FAIL $1"
  [[ -n "${MARQUEE_CONTAINER:-}" ]] && "${PODMAN[@]}" logs --tail 40 "$MARQUEE_CONTAINER" >&2
  exit 1
}

command -v podman >/dev/null || apt-get install -y podman runc >&2
command -v podman-compose >/dev/null || apt-get install -y podman-compose >&2
# runc, cgroupfs, explicit ulimits for every podman that podman-compose starts, without touching compose.yaml.
export CONTAINERS_CONF="${CONTAINERS_CONF:-$ROOT/deploy/containers.conf}"

# --- images ---
export MARQUEE_IMAGE="${MARQUEE_IMAGE:-localhost/marquee:latest}"
BUILD_SECONDS="reused"
if [[ "${MARQUEE_BUILD:-0}" == "1" ]] || ! "${PODMAN[@]}" image exists "$MARQUEE_IMAGE"; then
  build_marquee_image "$MARQUEE_IMAGE" "$WORK/build.log"
fi
if [[ "${MARQUEE_BASE_IMAGES:-local}" != "official" ]]; then
  "$ROOT/deploy/local-base-images.sh" # makes only what is missing: here, at most the PostgreSQL image
  export POSTGRES_IMAGE="${POSTGRES_IMAGE:-localhost/postgres:15-bookworm}"
fi
export POSTGRES_IMAGE="${POSTGRES_IMAGE:-postgres:16-bookworm}"

# --- the stack's configuration: only what compose.yaml reads from the environment ---
PROJECT="marquee-compose-smoke-$$"
export MARQUEE_PORT="$(free_port)"
export MARQUEE_ADMIN_KEY="compose-smoke-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
export POSTGRES_PASSWORD="pw-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
export MARQUEE_DATASETS="$SHARED/datasets" # no GroupLens here: the shared copy, mounted read-only at /datasets
export MARQUEE_SOURCE=/datasets/ml-latest-small
export MARQUEE_METADATA_FILE=/datasets/ml-latest-small-metadata-join/movie_metadata_join.csv
export MARQUEE_EMBED="${MARQUEE_EMBED:-1}"
# The service named (postgres comes along as its dependency): podman-compose 1.0 ignores `profiles` and would
# start (and try to pull) ollama too.
COMPOSE=(podman-compose -p "$PROJECT" -f "$ROOT/compose.yaml")
on_exit "${COMPOSE[*]} down -v >>'$WORK/compose.log' 2>&1; ${PODMAN[*]} network rm -f ${PROJECT}_default"
up() { "${COMPOSE[@]}" up -d marquee >>"$WORK/compose.log" 2>&1 || { tail -20 "$WORK/compose.log" >&2; fail "compose up"; }; }
down() { "${COMPOSE[@]}" down >>"$WORK/compose.log" 2>&1 || { tail -20 "$WORK/compose.log" >&2; fail "compose down"; }; }
container_of() { "${PODMAN[@]}" ps -a --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1" --format '{{.Names}}' | head -1; }
# In the postgres container. podman exec, not `podman-compose exec -T`: 1.0 prints its podman command line on
# stdout, which would corrupt a pg_dump taken through it.
in_postgres() { "${PODMAN[@]}" exec -i "$(container_of postgres)" "$@"; }
psql_stack() { in_postgres psql -U marquee -d marquee -At -c "$1"; }
like() { # movie → the new feedback id
  local page stored
  page="$(curl -fsS "$URL/recommend" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d "{\"query\":\"$WISH\",\"user_id\":\"$USER_ID\",\"k\":5}")"
  stored="$(curl -fsS -w '\n%{http_code}' "$URL/feedback" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
    -d "{\"user_id\":\"$USER_ID\",\"movie_id\":$1,\"action\":\"like\",\"context\":{\"model_version\":$(jq .model_version <<<"$page"),\"page_id\":$(jq .page_id <<<"$page"),\"position\":0}}")"
  [[ "$(tail -1 <<<"$stored")" == "201" ]] || fail "/feedback: $stored"
  head -1 <<<"$stored" | jq .id
}
has_like() { curl -fsS "$URL/users/$USER_ID/feedback" -H "Authorization: Bearer $TOKEN" | jq "[.items[] | select(.id == $1)] | length"; }

# wait_healthy: the marquee service's healthcheck (the image's HEALTHCHECK), run on demand: podman times
# healthchecks with systemd timers, which this kind of machine does not have.
wait_healthy() {
  local deadline=$((SECONDS + 900))
  MARQUEE_CONTAINER="$(container_of marquee)"
  [[ -n "$MARQUEE_CONTAINER" ]] || fail "no marquee container after compose up"
  until "${PODMAN[@]}" healthcheck run "$MARQUEE_CONTAINER" >/dev/null 2>&1; do
    [[ "$("${PODMAN[@]}" inspect --format '{{.State.Status}}' "$MARQUEE_CONTAINER")" =~ running|starting|created ]] \
      || fail "the marquee container stopped"
    ((SECONDS < deadline)) || fail "not healthy within 15 minutes"
    sleep 1
  done
}

log "compose up (project $PROJECT): PostgreSQL, then Marquee imports, enriches, embeds (MARQUEE_EMBED=$MARQUEE_EMBED), trains"
t="$(now)"; up; wait_healthy; FIRST_HEALTHY="$(since "$t")"
URL="http://127.0.0.1:$MARQUEE_PORT" # through the port compose.yaml publishes

health="$(curl -fsS "$URL/health")"
[[ "$(jq -r .status <<<"$health")" == "ok" && "$(jq -r .catalog_movies <<<"$health")" -gt 9000 ]] || fail "/health: $health"
MODEL="$(jq -r .model_version <<<"$health")"
check "/health ok, $(jq -r .catalog_movies <<<"$health") movies, model $MODEL"

# What compose.yaml passes through from the shell (no value there) reached the container, and the postgres
# service's own healthcheck (pg_isready) passes against the image in use.
admin() { curl -sS -o /dev/null -w '%{http_code}' -H "X-Api-Key: $1" "$URL/admin/models"; }
[[ "$(admin "$MARQUEE_ADMIN_KEY")" == 200 && "$(admin wrong-key)" == 401 ]] || fail "MARQUEE_ADMIN_KEY did not reach the container"
"${PODMAN[@]}" healthcheck run "$(container_of postgres)" >/dev/null 2>&1 || fail "the postgres service is not healthy"
check "MARQUEE_ADMIN_KEY passed through (/admin/models 200 with it, 401 with another); postgres service healthy (pg_isready)"

WISH="something cozy and funny for a rainy night"
session="$(curl -fsS -X POST "$URL/sessions")"
USER_ID="$(jq -r .user_id <<<"$session")"; TOKEN="$(jq -r .token <<<"$session")"
page="$(curl -fsS "$URL/recommend" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
  -d "{\"query\":\"$WISH\",\"user_id\":\"$USER_ID\",\"k\":5}")"
[[ "$(jq '.items | length' <<<"$page")" -eq 5 ]] || fail "/recommend: $page"
check "POST /recommend '$WISH': $(jq -r '[.items[].title] | join(", ")' <<<"$page")"

FEEDBACK_ID="$(like "$(jq '.items[0].movie_id' <<<"$page")")"
row="$(psql_stack "SELECT action, model_version FROM feedback WHERE id = $FEEDBACK_ID AND user_id = '$USER_ID'")"
[[ "$row" == "like|$MODEL" ]] || fail "the like is not in the stack's PostgreSQL: '$row'"
check "like $FEEDBACK_ID answered 201 and is in the postgres service with the model that served it ($row)"
IMPORTED_AT="$("${PODMAN[@]}" exec "$MARQUEE_CONTAINER" stat -c %Y /data/dataset.json)"

# Backup while serving, as docs/operations.md says; a second like after it must be gone after the restore.
t="$(now)"
in_postgres pg_dump -U marquee -Fc marquee >"$WORK/marquee.dump"
DUMP_SECONDS="$(since "$t")"; DUMP_SIZE="$(du -k "$WORK/marquee.dump" | cut -f1) KB"
AFTER_BACKUP_ID="$(like "$(jq '.items[1].movie_id' <<<"$page")")"

log "compose down, compose up: new containers on the same volumes"
down
[[ -z "$(container_of marquee)$(container_of postgres)" ]] || fail "containers left after compose down"
t="$(now)"; up; wait_healthy; SECOND_HEALTHY="$(since "$t")"
again="$(curl -fsS "$URL/users/$USER_ID/feedback" -H "Authorization: Bearer $TOKEN")"
[[ "$(jq "[.items[] | select(.id == $FEEDBACK_ID)] | length" <<<"$again")" -eq 1 ]] || fail "the like is gone after down/up: $again"
[[ "$(has_like "$AFTER_BACKUP_ID")" -eq 1 ]] || fail "the second like is gone after down/up"
health="$(curl -fsS "$URL/health")"
[[ "$(jq -r .model_version <<<"$health")" == "$MODEL" ]] || fail "a different model serves after down/up: $health"
MODELS="$(psql_stack "SELECT count(*) FROM models")"
[[ "$MODELS" == "1" ]] || fail "after down/up the registry holds $MODELS models: the second start trained again"
[[ "$("${PODMAN[@]}" exec "$MARQUEE_CONTAINER" stat -c %Y /data/dataset.json)" == "$IMPORTED_AT" ]] \
  || fail "the second start imported the dataset again"
check "after down/up: the like, model $MODEL (the only one registered) and the catalogue came from the volumes"

log "restore the backup into an empty database, marquee stopped (docs/operations.md: Backup and restore)"
t="$(now)"
"${COMPOSE[@]}" stop marquee >>"$WORK/compose.log" 2>&1
in_postgres dropdb -U marquee marquee
in_postgres createdb -U marquee marquee
in_postgres pg_restore -U marquee -d marquee --no-owner --exit-on-error <"$WORK/marquee.dump"
"${COMPOSE[@]}" start marquee >>"$WORK/compose.log" 2>&1
wait_healthy; RESTORE_SECONDS="$(since "$t")"
[[ "$(has_like "$FEEDBACK_ID")" -eq 1 && "$(has_like "$AFTER_BACKUP_ID")" -eq 0 ]] \
  || fail "after the restore: like $FEEDBACK_ID (in the backup) $(has_like "$FEEDBACK_ID"), like $AFTER_BACKUP_ID (after it) $(has_like "$AFTER_BACKUP_ID")"
[[ "$(curl -fsS "$URL/health" | jq -r .model_version)" == "$MODEL" ]] || fail "a different model serves after the restore"
check "pg_dump while serving ($DUMP_SIZE) restored into an empty database: like $FEEDBACK_ID back, like $AFTER_BACKUP_ID (made after the backup) not, model $MODEL serves"

DOWN_STARTED="$(now)"
"${COMPOSE[@]}" down -v >>"$WORK/compose.log" 2>&1
LEFT="$("${PODMAN[@]}" volume ls --filter "label=com.docker.compose.project=$PROJECT" -q | wc -l)"
cat <<REPORT

Marquee compose stack, podman-compose $(podman-compose version 2>/dev/null | awk '/podman-compose/ { print $NF; exit }') ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))
  marquee image          $MARQUEE_IMAGE, $(image_size "$MARQUEE_IMAGE") (build: $BUILD_SECONDS$( [[ "$BUILD_SECONDS" == reused ]] || echo " s"))
  postgres image         $POSTGRES_IMAGE, $(image_size "$POSTGRES_IMAGE")
  first up→healthy       ${FIRST_HEALTHY} s (import + enrich + $( [[ "$MARQUEE_EMBED" == 0 ]] && echo "no embedding" || echo "embed") + train)
  down, up→healthy       ${SECOND_HEALTHY} s (from the volumes)
  backup, restore        pg_dump ${DUMP_SECONDS} s (${DUMP_SIZE}); stop, drop, create, pg_restore, start→healthy ${RESTORE_SECONDS} s
  checks passed          ${#PASSED[@]} of 6
  down -v                $(since "$DOWN_STARTED") s, volumes left: $LEFT
  whole script           $(since "$STARTED") s
REPORT
