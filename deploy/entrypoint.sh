#!/usr/bin/env bash
# Container entry point. `up` (the default) prepares what is missing, then serves:
#   import MARQUEE_SOURCE (a MovieLens directory, zip or URL; default: ml-latest-small from GroupLens) when /data
#   has no dataset; enrich from MARQUEE_METADATA_FILE when set and not done yet; embed the films unless
#   MARQUEE_EMBED=0; train when no model is promoted; then serve on MARQUEE_URLS.
# Anything else runs the CLI: `docker run … marquee train`, `… models list`, `… serve`.
set -euo pipefail
marquee() { dotnet /app/marquee.dll "$@"; }

if [[ "${1:-up}" != "up" ]]; then
  exec dotnet /app/marquee.dll "$@"
fi

if [[ ! -f "$MARQUEE_DATA_DIR/dataset.json" ]]; then
  marquee import --source "${MARQUEE_SOURCE:-https://files.grouplens.org/datasets/movielens/ml-latest-small.zip}"
fi
if [[ -n "${MARQUEE_METADATA_FILE:-}" && ! -f "$MARQUEE_DATA_DIR/movies_enriched.parquet" ]]; then
  marquee enrich --metadata-file "$MARQUEE_METADATA_FILE"
fi
if [[ "${MARQUEE_EMBED:-1}" != "0" ]]; then
  marquee embed
fi
# `models list` marks the serving version with '*'; train only when nothing is promoted yet, so a restart
# (or a second instance) never trains again. The database may still be starting (podman-compose 1.0 does not wait
# for `service_healthy`), and an unreachable database must not read as "no model yet": wait until the registry
# answers.
deadline=$((SECONDS + ${MARQUEE_DB_WAIT_SECONDS:-120}))
until models="$(marquee models list 2>&1)"; do
  if ((SECONDS >= deadline)); then
    printf 'the database did not answer within %s s:\n%s\n' "${MARQUEE_DB_WAIT_SECONDS:-120}" "$models" >&2
    exit 1
  fi
  echo "waiting for the database..." >&2
  sleep 2
done
if ! grep -q ' \* ' <<<"$models"; then
  marquee train
fi
exec dotnet /app/marquee.dll serve --urls "$MARQUEE_URLS"
