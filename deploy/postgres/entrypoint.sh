#!/usr/bin/env bash
# Entry point of deploy/postgres/Containerfile, doing what the official image's does for the variables
# compose.yaml sets: on the first start (an empty PGDATA) initdb with POSTGRES_USER as superuser and
# POSTGRES_PASSWORD, every address allowed with a password (scram-sha-256), POSTGRES_DB created; then
# `postgres` listens on every address. Later starts find the cluster on the volume and only start it.
# Not supported: /docker-entrypoint-initdb.d scripts, POSTGRES_INITDB_ARGS, *_FILE secrets.
set -euo pipefail
: "${PGDATA:=/var/lib/postgresql/data}"
POSTGRES_USER="${POSTGRES_USER:-postgres}"
POSTGRES_DB="${POSTGRES_DB:-$POSTGRES_USER}"

# Anything but `postgres …` runs as given (`psql`, `bash`).
if [[ "${1:-postgres}" != "postgres" ]]; then exec "$@"; fi
set -- postgres "${@:2}"

# Started as root: give the volume (possibly a fresh bind mount) to postgres, then drop to it.
if [[ "$(id -u)" == "0" ]]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi

if [[ ! -s "$PGDATA/PG_VERSION" ]]; then
  if [[ -z "${POSTGRES_PASSWORD:-}" ]]; then
    echo "POSTGRES_PASSWORD is not set: the database would accept any connection without a password" >&2
    exit 1
  fi
  initdb --pgdata="$PGDATA" --username="$POSTGRES_USER" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") \
    --encoding=UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  # Other containers reach it over the compose network, from addresses initdb's defaults (localhost) leave out.
  printf 'host all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
  # Create the database on a server only this container can reach (Unix socket, no TCP).
  pg_ctl --pgdata="$PGDATA" --options="-c listen_addresses=''" --wait --silent start
  if [[ "$POSTGRES_DB" != "postgres" ]]; then
    psql --username="$POSTGRES_USER" --dbname=postgres --set=ON_ERROR_STOP=1 --quiet --no-psqlrc \
      --set=db="$POSTGRES_DB" <<<'CREATE DATABASE :"db";'
  fi
  pg_ctl --pgdata="$PGDATA" --mode=fast --wait --silent stop
  echo "PostgreSQL initialised in $PGDATA (user $POSTGRES_USER, database $POSTGRES_DB)" >&2
fi
exec "$@" -c listen_addresses='*'
