# Shared by the deploy scripts (sourced): free ports, a private PostgreSQL cluster, podman with the flags this
# kind of machine needs, and timing. Everything started here is stopped by `cleanup` (the scripts trap EXIT).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# podman on hosts without systemd cgroups (ENVIRONMENT.md): runc, cgroupfs, host network, explicit ulimits.
PODMAN=(podman --runtime runc --cgroup-manager=cgroupfs)
RUN_FLAGS=(--network host --ulimit nofile=1024:1024 --ulimit nproc=4096:4096)
CLEANUPS=()

find_shared() {
  local d="$ROOT"
  while [[ "$d" != "/" ]]; do d="$(dirname "$d")"; [[ -d "$d/shared/datasets" ]] && { echo "$d/shared"; return; }; done
  echo "$ROOT/../shared"
}
SHARED="${MARQUEE_SHARED_DIR:-$(find_shared)}"

free_port() { for p in $(shuf -i 20000-29999 -n 100); do (echo >"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }; done; return 1; }
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
on_exit() { CLEANUPS+=("$1"); }
cleanup() { local i; for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${CLEANUPS[$i]}" >/dev/null 2>&1 || true; done; }

# start_postgres DIR → sets PG_PORT, PG_URL (a connection string for MARQUEE_DB), PG_BIN; stopped on exit.
start_postgres() {
  local dir="$1"
  PG_BIN="$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"
  PG_PORT="$(free_port)"
  mkdir -p "$dir"
  # mktemp directories are private (0700): the postgres user must be able to reach its own below them.
  chmod o+x "$(dirname "$dir")"
  [[ $(id -u) -eq 0 ]] && chown postgres "$dir"
  as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres -A trust >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1" -l "$dir/log" -w start >/dev/null
  on_exit "as_pg '$PG_BIN/pg_ctl' -D '$dir/data' -m immediate stop"
  as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE marquee" >/dev/null
  PG_URL="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=marquee"
}
as_pg() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
psql_marquee() { as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d marquee -At "$@"; }

# build_marquee_image IMAGE LOG → BUILD_SECONDS. Local stand-ins for the base images unless
# MARQUEE_BASE_IMAGES=official (a registry is reachable). --format docker: OCI images have no HEALTHCHECK.
build_marquee_image() {
  local build_args=() t
  if [[ "${MARQUEE_BASE_IMAGES:-local}" != "official" ]]; then
    "$ROOT/deploy/local-base-images.sh"
    build_args=(--build-arg SDK_IMAGE=localhost/dotnet-sdk:10.0 --build-arg RUNTIME_IMAGE=localhost/dotnet-aspnet:10.0
      --build-arg NODE_IMAGE=localhost/node:20)
  fi
  log "Building $1"
  t="$(now)"
  "${PODMAN[@]}" build --format docker "${RUN_FLAGS[@]}" "${build_args[@]}" -f "$ROOT/deploy/Dockerfile" -t "$1" "$ROOT" >"$2" 2>&1 \
    || { tail -30 "$2" >&2; return 1; }
  BUILD_SECONDS="$(since "$t")"
}

# image_size IMAGE: its size in MB, as `podman image inspect` counts it.
image_size() { awk -v b="$("${PODMAN[@]}" image inspect --format '{{.Size}}' "$1")" 'BEGIN { printf "%.0f MB", b / 1e6 }'; }

# wait_http URL SECONDS: until URL answers 200.
wait_http() {
  local deadline=$((SECONDS + $2))
  until curl -fsS -o /dev/null "$1" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
}
