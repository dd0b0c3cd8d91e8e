#!/usr/bin/env bash
# Makes the three base images deploy/Dockerfile needs on a machine that cannot pull from a registry:
#   localhost/marquee-debian:bookworm   debootstrap of Debian 12 (minbase + what .NET needs at run time)
#   localhost/dotnet-aspnet:10.0        that + the host's .NET and ASP.NET Core runtimes (no SDK)
#   localhost/dotnet-sdk:10.0           that + the host's whole .NET SDK
#   localhost/node:20                   that + the host's Node.js and npm
#   localhost/postgres:15-bookworm      the Debian base + Debian 12's PostgreSQL (deploy/postgres/Containerfile)
# Stand-ins for mcr.microsoft.com/dotnet/{aspnet,sdk}:10.0 and node:20-bookworm-slim; pass them to the
# build as --build-arg (deploy/smoke.sh does). The PostgreSQL one stands in for compose.yaml's postgres:16-bookworm
# (POSTGRES_IMAGE=localhost/postgres:15-bookworm; deploy/compose-smoke.sh sets it). Each image is made only when
# it is missing; --force remakes.
# The build images (SDK, Node) trust what this machine trusts (its CA bundle, e.g. an egress proxy's CA), so
# `dotnet restore` and `npm ci` reach the registries the host reaches; the runtime image is left as it is.
#   deploy/local-base-images.sh [--force]
set -euo pipefail
PODMAN=(podman --runtime runc --cgroup-manager=cgroupfs)
DEPLOY="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
FORCE="${1:-}"
DOTNET_ROOT="${DOTNET_ROOT:-$(dirname "$(readlink -f "$(command -v dotnet)")")}"
WORK="$(mktemp -d /var/tmp/marquee-base.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

have() { [[ "$FORCE" != "--force" ]] && "${PODMAN[@]}" image exists "$1"; }

if ! have localhost/marquee-debian:bookworm; then
  command -v debootstrap >/dev/null || apt-get install -y debootstrap >&2
  echo "debootstrap Debian bookworm (minbase)..." >&2
  # The run-time libraries of .NET (ICU, OpenSSL, zlib, time zones, CA certificates); nothing else.
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata,zlib1g \
    bookworm "$WORK/rootfs" http://deb.debian.org/debian >&2
  # What the official slim images leave out too: package caches, lists, docs, man pages, locales.
  rm -rf "$WORK"/rootfs/var/cache/apt/archives/*.deb "$WORK"/rootfs/var/lib/apt/lists/* \
    "$WORK"/rootfs/usr/share/{doc,man,info,locale}/*
  tar -C "$WORK/rootfs" -c . | "${PODMAN[@]}" import - localhost/marquee-debian:bookworm >&2
  rm -rf "$WORK/rootfs"
fi

build_from_context() { # image, context dir (with a Containerfile)
  # --format docker keeps HEALTHCHECK (OCI images drop it).
  "${PODMAN[@]}" build --format docker --network host --ulimit nofile=1024:1024 --ulimit nproc=4096:4096 -t "$1" "$2" >&2
}

if ! have localhost/dotnet-aspnet:10.0; then
  ctx="$WORK/aspnet"; mkdir -p "$ctx/dotnet/shared"
  cp -a "$DOTNET_ROOT/dotnet" "$DOTNET_ROOT/host" "$ctx/dotnet/"
  cp -a "$DOTNET_ROOT/shared/Microsoft.NETCore.App" "$DOTNET_ROOT/shared/Microsoft.AspNetCore.App" "$ctx/dotnet/shared/"
  cat > "$ctx/Containerfile" <<'CF'
FROM localhost/marquee-debian:bookworm
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet ASPNETCORE_HTTP_PORTS=8080
CF
  build_from_context localhost/dotnet-aspnet:10.0 "$ctx"
fi

if ! have localhost/dotnet-sdk:10.0; then
  ctx="$WORK/sdk"; mkdir -p "$ctx"
  cp -a "$DOTNET_ROOT" "$ctx/dotnet"
  cp /etc/ssl/certs/ca-certificates.crt "$ctx/"
  cat > "$ctx/Containerfile" <<'CF'
FROM localhost/marquee-debian:bookworm
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
COPY dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_ROOT=/usr/share/dotnet DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
CF
  build_from_context localhost/dotnet-sdk:10.0 "$ctx"
fi

if ! have localhost/node:20; then
  ctx="$WORK/node"; mkdir -p "$ctx/usr/bin" "$ctx/usr/lib"
  cp -a "$(readlink -f "$(command -v node)")" "$ctx/usr/bin/node"
  cp -a /usr/lib/node_modules "$ctx/usr/lib/"
  cp /etc/ssl/certs/ca-certificates.crt "$ctx/"
  cat > "$ctx/Containerfile" <<'CF'
FROM localhost/marquee-debian:bookworm
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
COPY usr /usr
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/bin/npm && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/bin/npx
CF
  build_from_context localhost/node:20 "$ctx"
fi

if ! have localhost/postgres:15-bookworm; then
  build_from_context localhost/postgres:15-bookworm "$DEPLOY/postgres"
fi
"${PODMAN[@]}" images --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep -E 'marquee-debian|dotnet-|node:20|postgres:' >&2
