# Shell helpers shared by ./marquee and scripts/test.sh (sourced, not run).

# The versions README.md states; checked before anything is built, so an old toolchain is one clear line
# instead of a compiler error minutes later.
MARQUEE_MIN_DOTNET_SDK="10.0.401"
MARQUEE_MIN_NODE="20.19.0"

# version_at_least HAVE WANT: true when HAVE >= WANT (dotted numbers).
version_at_least() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -1)" == "$2" ]]; }

# check_prerequisites [--quiet] [--no-node]: exits 1 with what to install when the .NET SDK or Node is missing or too old;
# prints the versions found unless --quiet.
check_prerequisites() {
  local quiet="" node_needed=1 arg
  for arg in "$@"; do case "$arg" in --quiet) quiet=1 ;; --no-node) node_needed="" ;; esac; done
  local sdk node=""
  if ! command -v dotnet >/dev/null; then
    echo "marquee: the .NET SDK is not installed; Marquee needs .NET SDK >= $MARQUEE_MIN_DOTNET_SDK (https://dotnet.microsoft.com/download/dotnet/10.0)" >&2
    exit 1
  fi
  sdk="$(dotnet --version 2>/dev/null || true)"
  if [[ -z "$sdk" ]] || ! version_at_least "${sdk%%-*}" "$MARQUEE_MIN_DOTNET_SDK"; then
    echo "marquee: Marquee needs .NET SDK >= $MARQUEE_MIN_DOTNET_SDK, found '${sdk:-none usable}' (dotnet --list-sdks shows what is installed; https://dotnet.microsoft.com/download/dotnet/10.0)" >&2
    exit 1
  fi
  if [[ -n "$node_needed" ]]; then
    if ! command -v node >/dev/null; then
      echo "marquee: Node.js is not installed; the UI build needs Node >= ${MARQUEE_MIN_NODE%.0} (https://nodejs.org)" >&2
      exit 1
    fi
    node="$(node --version)"
    if ! version_at_least "${node#v}" "$MARQUEE_MIN_NODE"; then
      echo "marquee: the UI build needs Node >= ${MARQUEE_MIN_NODE%.0}, found $node (https://nodejs.org)" >&2
      exit 1
    fi
  fi
  [[ -n "$quiet" ]] || echo "Prerequisites: .NET SDK $sdk (needs >= $MARQUEE_MIN_DOTNET_SDK)${node:+, Node $node (needs >= ${MARQUEE_MIN_NODE%.0})}" >&2
}

# with_heartbeat LABEL COMMAND...: runs COMMAND, printing "LABEL: still working (N s)" every 8 s (so never 10 s of silence,
# whole seconds and a busy machine included), so a long quiet step
# (a first build, npm ci) never looks hung. Returns COMMAND's status.
with_heartbeat() {
  local label="$1"; shift
  local started=$SECONDS next=8 pid status
  "$@" &
  pid=$!
  # Background jobs of a script ignore Ctrl+C: pass it on, so an interrupted build stops too.
  trap 'kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; exit 130' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if (( SECONDS - started >= next )) && kill -0 "$pid" 2>/dev/null; then
      echo "  $label: still working ($((SECONDS - started)) s)" >&2
      next=$((next + 8))
    fi
  done
  status=0
  wait "$pid" || status=$?
  trap - INT TERM
  return $status
}

# ensure_ui_dependencies UI_DIR: npm ci when ui/node_modules is missing, was installed from another package-lock.json or
# Node version, or was left half-installed by an interrupted install (the stamp is written only after npm ci succeeds).
ensure_ui_dependencies() {
  local ui="$1" want stamp
  want="$(sha256sum "$ui/package-lock.json" | cut -d' ' -f1) node $(node --version)"
  stamp="$ui/node_modules/.marquee-install"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    return 0
  fi
  if [[ -d "$ui/node_modules" ]]; then
    echo "ui/node_modules does not match package-lock.json (or an earlier install was cut short): reinstalling" >&2
  else
    echo "Installing the UI's npm packages (npm ci)..." >&2
  fi
  (cd "$ui" && with_heartbeat "npm ci" npm ci --no-audit --no-fund --loglevel=error) || return 1
  echo "$want" > "$stamp"
}

# ensure_openblas: installs the system OpenBLAS (Debian libopenblas0-pthread) when it is missing and apt can be used.
# Training's dense linear algebra (EASE's Gram inverse and products) runs through it; without it Marquee falls back to
# managed code many times slower, so a failed install is a warning, not an error.
ensure_openblas() {
  ldconfig -p 2>/dev/null | grep -q 'libopenblas\.so\.0' && return 0
  command -v apt-get >/dev/null || { echo "marquee: OpenBLAS not found (libopenblas.so.0); training uses the slower managed linear algebra" >&2; return 0; }
  local sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null || { echo "marquee: OpenBLAS not found; install it with: sudo apt-get install libopenblas0-pthread (training is much slower without it)" >&2; return 0; }
    sudo="sudo"
  fi
  echo "Installing OpenBLAS (apt: libopenblas0-pthread) for training's dense linear algebra..." >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq libopenblas0-pthread >/dev/null; } \
    || echo "marquee: could not install libopenblas0-pthread; training uses the slower managed linear algebra" >&2
}
