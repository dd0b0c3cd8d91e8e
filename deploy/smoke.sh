#!/usr/bin/env bash
# Builds the Marquee image and runs it for real against a PostgreSQL: time to healthy, /health, a /recommend
# with a wish, a like that is stored; then the container is replaced (down/up) and the like and the model are
# still there. Slow (minutes: it builds an image), so it is not part of ./marquee test.
#   deploy/smoke.sh                      build with local base images (no registry here: deploy/local-base-images.sh)
#   MARQUEE_BASE_IMAGES=official deploy/smoke.sh   build FROM mcr.microsoft.com / Docker Hub (needs a registry)
#   MARQUEE_IMAGE=localhost/marquee:dev MARQUEE_SKIP_BUILD=1 deploy/smoke.sh   reuse an image
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
trap cleanup EXIT
STARTED="$(now)"
IMAGE="${MARQUEE_IMAGE:-localhost/marquee:smoke}"
WORK="$(mktemp -d /var/tmp/marquee-smoke.XXXXXX)"
on_exit "rm -rf '$WORK'"
PASSED=()
check() { PASSED+=("$1"); log "PASS $1"; }
fail() { log "FAIL $1"; "${PODMAN[@]}" logs --tail 40 "$NAME" >&2 || true; exit 1; }

command -v podman >/dev/null || apt-get install -y podman runc >&2
BUILD_SECONDS="skipped"
[[ "${MARQUEE_SKIP_BUILD:-0}" == "1" ]] || build_marquee_image "$IMAGE" "$WORK/build.log"
SIZE="$(image_size "$IMAGE")"

log "Starting PostgreSQL"
start_postgres "$WORK/pg"
PORT="$(free_port)"
NAME="marquee-smoke-$$"
VOLUMES=("marquee-smoke-data-$$" "marquee-smoke-artifacts-$$")
for v in "${VOLUMES[@]}"; do "${PODMAN[@]}" volume create "$v" >/dev/null; on_exit "${PODMAN[*]} volume rm -f $v"; done
on_exit "${PODMAN[*]} rm -f $NAME"

# run_container: the same configuration a compose file gives it (environment only, two volumes).
run_container() {
  "${PODMAN[@]}" run -d --name "$NAME" "${RUN_FLAGS[@]}" \
    -e MARQUEE_DB="$PG_URL" -e MARQUEE_URLS="http://127.0.0.1:$PORT" -e MARQUEE_ADMIN_KEY=smoke-admin-key \
    -e MARQUEE_SOURCE=/datasets/ml-latest-small \
    -e MARQUEE_METADATA_FILE=/datasets/ml-latest-small-metadata-join/movie_metadata_join.csv \
    -e MARQUEE_EMBED="${MARQUEE_EMBED:-0}" \
    -v "$SHARED/datasets:/datasets:ro" -v "${VOLUMES[0]}:/data" -v "${VOLUMES[1]}:/artifacts" "$IMAGE" >/dev/null 2>>"$WORK/podman.log" # podman warns that it has no systemd to time healthchecks with
}

# wait_healthy: the image's own HEALTHCHECK, run by podman (no systemd timers here, so run it on demand).
wait_healthy() {
  local deadline=$((SECONDS + 600))
  until "${PODMAN[@]}" healthcheck run "$NAME" >/dev/null 2>&1; do
    [[ "$("${PODMAN[@]}" inspect --format '{{.State.Running}}' "$NAME")" == "true" ]] || fail "the container exited"
    ((SECONDS < deadline)) || fail "not healthy within 10 minutes"
    sleep 1
  done
}

log "Starting the container (imports ml-latest-small, enriches, trains, serves)"
t="$(now)"; run_container; wait_healthy; FIRST_HEALTHY="$(since "$t")"
URL="http://127.0.0.1:$PORT"

health="$(curl -fsS "$URL/health")"
[[ "$(jq -r .status <<<"$health")" == "ok" && "$(jq -r .catalog_movies <<<"$health")" -gt 9000 ]] || fail "/health: $health"
MODEL="$(jq -r .model_version <<<"$health")"
check "/health ok, $(jq -r .catalog_movies <<<"$health") movies, model $MODEL"

session="$(curl -fsS -X POST "$URL/sessions")"
USER_ID="$(jq -r .user_id <<<"$session")"; TOKEN="$(jq -r .token <<<"$session")"
page="$(curl -fsS "$URL/recommend" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
  -d "{\"query\":\"something cozy and funny for a rainy night\",\"user_id\":\"$USER_ID\",\"k\":5}")"
[[ "$(jq '.items | length' <<<"$page")" -eq 5 ]] || fail "/recommend: $page"
check "/recommend 'something cozy and funny for a rainy night': $(jq -r '[.items[].title] | join(", ")' <<<"$page")"

MOVIE="$(jq '.items[0].movie_id' <<<"$page")"
stored="$(curl -fsS -w '\n%{http_code}' "$URL/feedback" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
  -d "{\"user_id\":\"$USER_ID\",\"movie_id\":$MOVIE,\"action\":\"like\",\"context\":{\"model_version\":$(jq .model_version <<<"$page"),\"page_id\":$(jq .page_id <<<"$page"),\"position\":0}}")"
[[ "$(tail -1 <<<"$stored")" == "201" ]] || fail "/feedback: $stored"
FEEDBACK_ID="$(head -1 <<<"$stored" | jq .id)"
row="$(psql_marquee -c "SELECT action, model_version FROM feedback WHERE id = $FEEDBACK_ID AND user_id = '$USER_ID'")"
[[ "$row" == "like|$MODEL" ]] || fail "the like is not in PostgreSQL: '$row'"
check "like $FEEDBACK_ID answered 201 and is in PostgreSQL with the model that served it ($row)"

log "Replacing the container (down/up on the same volumes and database)"
"${PODMAN[@]}" rm -f "$NAME" >/dev/null 2>>"$WORK/podman.log"
t="$(now)"; run_container; wait_healthy; SECOND_HEALTHY="$(since "$t")"
again="$(curl -fsS "$URL/users/$USER_ID/feedback" -H "Authorization: Bearer $TOKEN")"
[[ "$(jq "[.items[] | select(.id == $FEEDBACK_ID)] | length" <<<"$again")" -eq 1 ]] || fail "the like is gone after a restart: $again"
[[ "$(curl -fsS "$URL/health" | jq -r .model_version)" == "$MODEL" ]] || fail "a different model serves after a restart"
check "after down/up: the like and model $MODEL are still there, nothing re-imported or retrained"

cat <<REPORT

Marquee smoke test ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))
  image                 $IMAGE, $SIZE
  build                 ${BUILD_SECONDS}$( [[ "$BUILD_SECONDS" == skipped ]] || echo " s")
  first start→healthy   ${FIRST_HEALTHY} s (import + enrich + train$( [[ "${MARQUEE_EMBED:-0}" == 0 ]] && echo ", embedding off" ))
  restart→healthy       ${SECOND_HEALTHY} s
  checks passed         ${#PASSED[@]} of 4
  whole script          $(since "$STARTED") s
REPORT
