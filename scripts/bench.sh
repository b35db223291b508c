#!/usr/bin/env bash
# Runs the benchmarks the issues ask for against a Release build on loopback and prints their figures.
# Speed and memory targets are measured here, never asserted in unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_packages wrk curl

port="${BENCH_PORT:-5391}"
url="http://127.0.0.1:$port"
data="$(mktemp -d)"
duration="${BENCH_SECONDS:-10}"
connections="${BENCH_CONNECTIONS:-32}"

echo "Building (Release) ..."
dotnet build VendorPortal.sln -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null

VENDORPORTAL_DATA="$data" ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production \
  Database__SeedDemoData=true LoginRateLimit__PermitsPerMinute=1000 \
  bash -c 'cd src/VendorPortal.Web && exec dotnet bin/Release/net10.0/VendorPortal.Web.dll' >"$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$data"' EXIT
wait_for "$url/health/ready" 120

token() {
  curl -fsS -X POST "$url/api/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"Demo-Pass-2026!\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

# Prints "<requests per second> <p99 latency in ms>" for one URL under wrk.
measure() {
  local target="$1"; shift
  wrk -t2 -c"$connections" -d"${duration}s" --latency "$@" "$target" >"$data/wrk.txt"
  if grep -q "Non-2xx" "$data/wrk.txt"; then
    echo "wrk saw errors for $target:" >&2; cat "$data/wrk.txt" >&2; exit 1
  fi
  local rps p99
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$data/wrk.txt")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000} print v}' "$data/wrk.txt")
  echo "$rps $p99"
}

vendor_token=$(token apex@demo.test)

echo
echo "== Reserve agent CSV import (issue: reserve pools and training) =="
agents_csv() {
  # 10,000 agents, two skills each, Chinese and Latin names, generated without extra tools.
  echo "externalRef,displayName,skills,languages,status,maxWeeklyHours"
  awk 'BEGIN { for (i = 0; i < 10000; i++) printf "B%05d,\"Agent %d 张%d\",PRESALES;HOTLINE,zh|en,active,20\n", i, i, i }'
}
agents_csv >"$data/agents.csv"
rss_before=$(awk '/VmRSS/ {print $2}' /proc/$app/status)
import_seconds=$(curl -fsS -o "$data/import.json" -w '%{time_total}' -X POST "$url/api/t/demo/agents/import" \
  -H "Authorization: Bearer $vendor_token" -H 'Content-Type: text/csv' --data-binary @"$data/agents.csv")
grep -q '"stored":true' "$data/import.json" || { echo "import failed:" >&2; head -c 500 "$data/import.json" >&2; exit 1; }
peak_mb=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$app/status)
printf "%-42s %10s s     (target: under 3 s)\n" "POST /agents/import, 10,000 new agents" "$import_seconds"
printf "%-42s %10s MB    (target: under 300 MB; %s MB resident before the import)\n" "app peak memory (VmHWM)" "$peak_mb" "$((rss_before / 1024))"

echo
echo "== Tenancy and auth overhead (issue: foundation) =="
echo "wrk: 2 threads, $connections connections, ${duration}s per endpoint, app on $(nproc) cores"
# Warm both paths first: tiered JIT and EF's query cache need a few seconds of traffic to settle.
wrk -t2 -c"$connections" -d5s "$url/health/live" >/dev/null
wrk -t2 -c"$connections" -d5s -H "Authorization: Bearer $vendor_token" "$url/api/t/demo/vendors" >/dev/null
read -r health_rps health_p99 < <(measure "$url/health/live")
read -r vendors_rps vendors_p99 < <(measure "$url/api/t/demo/vendors" -H "Authorization: Bearer $vendor_token")
ratio=$(awk -v a="$vendors_rps" -v b="$health_rps" 'BEGIN { printf "%.2f", a / b }')
printf "%-42s %10s req/s   p99 %8s ms\n" "GET /health/live" "$health_rps" "$health_p99"
printf "%-42s %10s req/s   p99 %8s ms\n" "GET /api/t/demo/vendors (vendor user)" "$vendors_rps" "$vendors_p99"
echo "vendor list / health rate ratio: $ratio (target: 0.50 or more)"
