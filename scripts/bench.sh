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

echo
echo "== Event staffing (issue: events, forecast and staffing) =="
planner_token=$(token planner@demo.test)
admin_token=$(token admin@demo.test)
for code in BENCHMAIL BENCHSOCIAL; do
  curl -fsS -o /dev/null -X POST "$url/api/t/demo/skills" -H "Authorization: Bearer $admin_token" \
    -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"name\":\"Bench $code\"}"
done
first_day=$(date -u -d '+60 days' +%F)
last_day=$(date -u -d '+73 days' +%F)
event_id=$(curl -fsS -X POST "$url/api/t/demo/events" -H "Authorization: Bearer $planner_token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench fortnight\",\"startDate\":\"$first_day\",\"endDate\":\"$last_day\",\"intervalMinutes\":15,\"serviceLevel\":0.8,\"targetSeconds\":20,\"shrinkage\":0.3,\"maxOccupancy\":0.9}" \
  | sed -E 's/^\{"id":"([^"]+)".*/\1/')
# 14 days x 96 fifteen-minute intervals x 5 skills = 6,720 rows, a daily curve with an evening peak.
{
  echo '{"rows":['
  for d in $(seq 0 13); do
    day=$(date -u -d "$first_day +$d days" +%F)
    awk -v day="$day" -v d="$d" 'BEGIN {
      split("PRESALES AFTERSALES HOTLINE BENCHMAIL BENCHSOCIAL", skills, " ");
      for (s = 1; s <= 5; s++) for (i = 0; i < 96; i++) {
        h = i / 4; c = int(20 + 40 * s + 160 * s * exp(-((h - 21) / 2) ^ 2) + 60 * exp(-((h - 11) / 3) ^ 2));
        printf "%s{\"skill\":\"%s\",\"date\":\"%s\",\"start\":\"%02d:%02d\",\"contacts\":%d,\"ahtSeconds\":%d}", \
          (d == 0 && s == 1 && i == 0) ? "" : ",", skills[s], day, int(i / 4), (i % 4) * 15, c, 180 + 40 * s
      }
    }'
  done
  echo ']}'
} >"$data/forecast.json"
put_seconds=$(curl -fsS -o "$data/forecast-result.json" -w '%{time_total}' -X PUT "$url/api/t/demo/events/$event_id/forecast" \
  -H "Authorization: Bearer $planner_token" -H 'Content-Type: application/json' --data-binary @"$data/forecast.json")
grep -q '"rows":6720' "$data/forecast-result.json" || { echo "forecast failed:" >&2; head -c 500 "$data/forecast-result.json" >&2; exit 1; }
cold=$(curl -fsS -o "$data/staffing.json" -w '%{time_total}' "$url/api/t/demo/events/$event_id/staffing" -H "Authorization: Bearer $planner_token")
intervals=$(grep -o '"trafficErlangs"' "$data/staffing.json" | wc -l)
warm=$(for i in 1 2 3 4 5; do curl -fsS -o /dev/null -w '%{time_total}\n' "$url/api/t/demo/events/$event_id/staffing" -H "Authorization: Bearer $planner_token"; done | sort -n | sed -n 3p)
printf "%-42s %10s s     (6,720 rows, all-or-nothing)\n" "PUT /events/{id}/forecast" "$put_seconds"
printf "%-42s %10s s     (first call; %s intervals; target: under 1 s)\n" "GET /events/{id}/staffing" "$cold" "$intervals"
printf "%-42s %10s s     (median of 5 warm calls)\n" "GET /events/{id}/staffing" "$warm"
