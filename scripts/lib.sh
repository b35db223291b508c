# Shared helpers for the scripts in this folder (sourced, not run).

# Installs Debian packages that are missing; quiet, non-interactive, works as root or with sudo.
ensure_packages() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing ${missing[*]} ..."
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Waits until a URL answers 200, up to $2 seconds.
wait_for() {
  local url="$1" seconds="${2:-60}"
  for _ in $(seq 1 $((seconds * 4))); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.25
  done
  echo "Timed out waiting for $url" >&2
  return 1
}

# The run scripts' common part: the app's address (ASPNETCORE_URLS, default http://127.0.0.1:5080), data folder
# (VENDORPORTAL_DATA, default ./data) and environment, with the demo data; then a build. Sets APP_URL.
prepare_app() {
  export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
  export VENDORPORTAL_DATA="${VENDORPORTAL_DATA:-$PWD/data}"
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
  export Database__SeedDemoData=true
  APP_URL="${ASPNETCORE_URLS%%;*}"
  export Mail__PublicBaseUrl="${Mail__PublicBaseUrl:-$APP_URL}"
  echo "Building VendorPortal ..."
  dotnet build VendorPortal.sln -c Release -nologo -v quiet -clp:ErrorsOnly
}

# Starts the built app in the background (APP_PID) and waits up to $1 seconds (default 120) until it is ready.
start_app() {
  # The project folder is the content root: appsettings.json and wwwroot are read from there.
  (cd src/VendorPortal.Web && exec dotnet bin/Release/net10.0/VendorPortal.Web.dll) &
  APP_PID=$!
  wait_for "$APP_URL/health/ready" "${1:-120}"
}

stop_app() {
  [ -n "${APP_PID:-}" ] || return 0
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# The demo accounts the seeded data holds (scripts/run.sh and run-postgres.sh print them).
demo_logins() {
  cat <<'LOGINS'
Demo logins, all with the password  Demo-Pass-2026!
  admin@demo.test          TenantAdmin of demo
  planner@demo.test        Planner of demo
  finance@demo.test        Finance of demo
  apex@demo.test           VendorManager for Apex BPO in demo and sandbox
  harbor@demo.test         VendorManager for Harbor Contact in demo
  sandbox.admin@demo.test  TenantAdmin of sandbox
  ops@demo.test            platform operator (/hangfire, POST /api/platform/tenants)
LOGINS
}

# Starts a throwaway PostgreSQL 15 in a new temporary folder on a free loopback port, as the postgres user (the
# server refuses to run as root). Sets PG_DIR, PG_PORT and PG_URL (an Npgsql connection string to the postgres
# database, user postgres, no password over loopback). stop_postgres stops it and removes the folder.
start_postgres() {
  local bin=/usr/lib/postgresql/15/bin
  if [ ! -x "$bin/initdb" ]; then
    ensure_packages postgresql-15 || { echo "PostgreSQL 15 is not installed and could not be installed." >&2; return 1; }
  fi
  PG_DIR=$(mktemp -d /tmp/vp-postgres.XXXXXX)
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 55432)
  local run_as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$PG_DIR"
    run_as=(runuser -u postgres --)
  fi
  "${run_as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
    || { cat "$PG_DIR/initdb.log" >&2; return 1; }
  # Tuned for a throwaway test server: no durability, enough connections for parallel test hosts.
  "${run_as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=256MB" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; return 1; }
  PG_URL="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
  export PG_DIR PG_PORT PG_URL
}

stop_postgres() {
  [ -n "${PG_DIR:-}" ] && [ -d "$PG_DIR/data" ] || return 0
  local run_as=()
  [ "$(id -u)" -eq 0 ] && run_as=(runuser -u postgres --)
  "${run_as[@]}" /usr/lib/postgresql/15/bin/pg_ctl -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
  PG_DIR=""
}
