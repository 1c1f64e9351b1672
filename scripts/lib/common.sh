# Shared by scripts/start and scripts/test: progress output and the build prerequisites.
# shellcheck shell=bash

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
STATE_DIR="${ROUTER_STATE_DIR:-$PROJECT_ROOT/.local}"

# DJL (the embedding engine) phones home unless told not to; nothing may download at run time.
export OPT_OUT_TRACKING=true DJL_OFFLINE=true

step() { printf '==> %s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
    if [[ $EUID -eq 0 ]]; then "$@"; elif have sudo; then sudo "$@"; else die "need root (or sudo) for: $*"; fi
}

# A JDK 17+ and Maven, from Debian when missing.
ensure_build_tools() {
    local missing=()
    have javac || missing+=(openjdk-17-jdk-headless)
    have mvn || missing+=(maven)
    have curl || missing+=(curl)
    if ((${#missing[@]})); then
        step "Installing ${missing[*]} from Debian"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
    step "Using $(javac -version 2>&1) and $(mvn -B -v 2>/dev/null | head -n1 | sed 's/\x1b\[[0-9;]*m//g; s/ (.*//')"
}

# Headless Chromium and its driver from Debian, for the console's browser tests. Named by path in the
# tests, so Selenium never downloads a browser or a driver of its own.
ensure_browser() {
    local missing=()
    [[ -x /usr/bin/chromium ]] || missing+=(chromium)
    [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
    if ((${#missing[@]})); then
        step "Installing ${missing[*]} from Debian (browser tests of the console)"
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

# Database, pgvector and the role; exports what the server and tests need to connect.
ensure_database() {
    "$PROJECT_ROOT/scripts/setup-db" "$@"
    export DB_HOST="${DB_HOST:-127.0.0.1}" DB_PORT="${DB_PORT:-5432}" DB_USER="${DB_USER:-llmrouter}"
    if [[ -z "${DB_PASSWORD:-}" ]]; then
        DB_PASSWORD="$(cat "$STATE_DIR/db-password")"
        export DB_PASSWORD
    fi
}

mvn_batch() {
    mvn -B -ntp "$@"
}
