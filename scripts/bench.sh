#!/usr/bin/env bash
# Runs the benchmarks the issues ask for against a Release build on loopback and prints their figures.
# Speed and memory targets are measured here, never asserted in unit tests.
# BENCH_READ_PATH_ONLY=1 runs the agent import and the authenticated read path only.
# BENCH_POSTGRES_ONLY=1 runs the PostgreSQL sections only (readiness scan, vendor list and statement issue beside SQLite).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_packages wrk curl poppler-utils fonts-noto-cjk

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
cleanup() {
  for p in ${app:-} ${pg_app:-}; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; done
  stop_postgres
  rm -rf "$data"
}
trap cleanup EXIT
wait_for "$url/health/ready" 120

# The token of a demo user, from the app at $2 (default: the SQLite app).
token() {
  curl -fsS -X POST "${2:-$url}/api/auth/login" -H 'Content-Type: application/json' \
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

json_field() { grep -o "\"$1\":\"[^\"]*\"" | head -1 | sed -E 's/.*:"([^"]*)"/\1/'; }

# A month of about 50,000 contact volumes for a new vendor named $2 in the demo tenant behind $1 (its API base), on 65 new
# skills coded $3NN: last full month in the tenant's zone (Asia/Shanghai), as the monthly job would draft it, two
# graduated all-skills cards (lines split by skill, tier, rate period and day), the volumes through the batch upsert,
# 5,000 rows a request. Sets month, bench_vendor, volume_rows and upsert_seconds; needs admin_token and finance_token.
statement_month() {
  local api="$1" name="$2" prefix="$3" skills=65 days intervals s f upsert_start
  month=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 month" +%Y-%m)
  days=$(TZ=Asia/Shanghai date -d "$month-01 +1 month -1 day" +%d)
  intervals=$(( (50000 + skills * days - 1) / (skills * days) ))
  bench_vendor=$(curl -fsS -X POST "$api/vendors" -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$name\"}" | json_field id)
  for s in $(seq -w 1 $skills); do
    curl -fsS -o /dev/null -X POST "$api/skills" -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
      -d "{\"code\":\"$prefix$s\",\"name\":\"Bench skill $s 技能\"}"
  done
  curl -fsS -o /dev/null -X POST "$api/rate-cards" -H "Authorization: Bearer $finance_token" -H 'Content-Type: application/json' \
    -d "{\"vendorId\":\"$bench_vendor\",\"effectiveFrom\":\"$month-01\",\"effectiveTo\":\"$month-15\",\"tiers\":[{\"upTo\":5000,\"unitPrice\":2.8125},{\"upTo\":20000,\"unitPrice\":2.5},{\"unitPrice\":2.1}]}"
  curl -fsS -o /dev/null -X POST "$api/rate-cards" -H "Authorization: Bearer $finance_token" -H 'Content-Type: application/json' \
    -d "{\"vendorId\":\"$bench_vendor\",\"effectiveFrom\":\"$month-16\",\"tiers\":[{\"upTo\":5000,\"unitPrice\":2.7},{\"upTo\":20000,\"unitPrice\":2.4},{\"unitPrice\":1.95}]}"
  rm -f "$data"/volumes-*.json
  awk -v vendor="$bench_vendor" -v month="$month" -v days="$days" -v skills="$skills" -v intervals="$intervals" -v dir="$data" -v prefix="$prefix" 'BEGIN {
    n = 0; chunk = 0
    for (d = 1; d <= days; d++) for (s = 1; s <= skills; s++) for (i = 0; i < intervals; i++) {
      if (n % 5000 == 0) { if (n > 0) printf "]}" > file; chunk++; file = sprintf("%s/volumes-%03d.json", dir, chunk); printf "{\"rows\":[" > file } else printf "," > file
      printf "{\"vendorId\":\"%s\",\"skill\":\"%s%02d\",\"date\":\"%s-%02d\",\"interval\":\"%02d:%02d\",\"handled\":%d,\"offered\":%d,\"answered\":%d,\"averageHandleSeconds\":%d}", \
        vendor, prefix, s, month, d, 8 + int(i / 2), (i % 2) * 30, 5 + (n * 7) % 23, 30, 28, 240 + n % 60 > file
      n++
    }
    printf "]}" > file
    print n > (dir "/volume-count")
  }'
  volume_rows=$(cat "$data/volume-count")
  upsert_start=$(date +%s.%N)
  for f in "$data"/volumes-*.json; do
    curl -fsS -o "$data/upsert.json" -X POST "$api/contact-volumes" -H "Authorization: Bearer $finance_token" \
      -H 'Content-Type: application/json' --data-binary @"$f"
    grep -q '"stored":true' "$data/upsert.json" || { echo "upsert failed:" >&2; head -c 500 "$data/upsert.json" >&2; exit 1; }
  done
  upsert_seconds=$(awk -v a="$upsert_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
}

# The PostgreSQL sections (issue: scale-out on a server database), on a throwaway server of their own (stopped on exit):
# the readiness scan at scale, then the vendor list and a statement issue on a PostgreSQL-backed app beside the SQLite one.
postgres_sections() {
  echo
  echo "== Readiness scan on PostgreSQL (issue: scale-out on a server database) =="
  start_postgres
  local pg_conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres" pg_url="http://127.0.0.1:$((port + 1))"
  # The bench tool seeds straight into the database and counts the scan's SQL commands with an EF interceptor of its own.
  (cd tests/VendorPortal.Bench && VENDORPORTAL_DATA="$data/scan" ASPNETCORE_ENVIRONMENT=Production Database__Provider=PostgreSql \
    Database__ConnectionString="$pg_conn;Database=vp_bench_scan" exec dotnet bin/Release/net10.0/VendorPortal.Bench.dll readiness-scan 50 200 20)

  VENDORPORTAL_DATA="$data/pg" ASPNETCORE_URLS="$pg_url" ASPNETCORE_ENVIRONMENT=Production \
    Database__Provider=PostgreSql Database__ConnectionString="$pg_conn;Database=vp_bench_app" \
    Database__SeedDemoData=true LoginRateLimit__PermitsPerMinute=1000 \
    bash -c 'cd src/VendorPortal.Web && exec dotnet bin/Release/net10.0/VendorPortal.Web.dll' >"$data/pg-app.log" 2>&1 &
  pg_app=$!
  wait_for "$pg_url/health/ready" 180
  local sides=("SQLite|$url" "PostgreSQL|$pg_url") side name base bearer health vendors id total
  declare -A figure

  echo
  echo "== Authenticated vendor list, PostgreSQL beside SQLite (issue: scale-out on a server database) =="
  echo "wrk: 2 threads, $connections connections, ${duration}s per endpoint, both apps and the server on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  for side in "${sides[@]}"; do
    name="${side%%|*}"; base="${side#*|}"
    bearer=$(token apex@demo.test "$base")
    wrk -t2 -c"$connections" -d3s "$base/health/live" >/dev/null
    wrk -t2 -c"$connections" -d3s -H "Authorization: Bearer $bearer" "$base/api/t/demo/vendors" >/dev/null
    read -r health health_p99 < <(measure "$base/health/live")
    read -r vendors vendors_p99 < <(measure "$base/api/t/demo/vendors" -H "Authorization: Bearer $bearer")
    figure[$name]=$(printf "%10s req/s   p99 %8s ms   %10s req/s   p99 %8s ms   %s x health" "$health" "$health_p99" "$vendors" "$vendors_p99" \
      "$(awk -v a="$vendors" -v b="$health" 'BEGIN { printf "%.2f", a / b }')")
  done
  printf "%-12s %-38s %-38s %s\n" "" "GET /health/live" "GET /api/t/demo/vendors (bearer, vendor)" "ratio (target: 0.35)"
  for side in "${sides[@]}"; do printf "%-12s %s\n" "${side%%|*}" "${figure[${side%%|*}]}"; done

  echo
  echo "== Statement issue for a 50,000-contact month, PostgreSQL beside SQLite (issue: scale-out on a server database) =="
  for side in "${sides[@]}"; do
    name="${side%%|*}"; base="${side#*|}"
    admin_token=$(token admin@demo.test "$base"); finance_token=$(token finance@demo.test "$base")
    statement_month "$base/api/t/demo" "Bench issue 开票" ISSUE
    local draft issue
    draft=$(curl -fsS -o "$data/issue-draft.json" -w '%{time_total}' -X POST "$base/api/t/demo/statements" \
      -H "Authorization: Bearer $finance_token" -H 'Content-Type: application/json' \
      -d "{\"vendorId\":\"$bench_vendor\",\"month\":\"$month\",\"dailyLines\":true,\"taxRate\":0.06}")
    id=$(json_field id <"$data/issue-draft.json")
    total=$(grep -o '"total":[0-9.]*' "$data/issue-draft.json" | head -1 | cut -d: -f2)
    issue=$(curl -fsS -o "$data/issued.json" -w '%{time_total}' -X POST "$base/api/t/demo/statements/$id/issue" \
      -H "Authorization: Bearer $finance_token" -H 'Content-Type: application/json' -d "{\"expectedTotal\":$total}")
    grep -q '"number":"[0-9]' "$data/issued.json" || { echo "issue failed on $name:" >&2; head -c 500 "$data/issued.json" >&2; exit 1; }
    figure[$name]=$(awk -v u="$upsert_seconds" -v a="$draft" -v b="$issue" 'BEGIN { printf "%10.2f s %14.2f s %18.2f s %12.2f s", u, a, b, a + b }')
    figure[$name]+=$(printf "   (%s lines)" "$(grep -o '"lineCount":[0-9]*' "$data/issued.json" | head -1 | cut -d: -f2)")
  done
  printf "%-12s %12s %16s %20s %14s\n" "" "upsert $volume_rows" "draft (daily)" "issue (number, PDF)" "draft + issue"
  for side in "${sides[@]}"; do printf "%-12s %s\n" "${side%%|*}" "${figure[${side%%|*}]}"; done
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

vendor_token=$(token apex@demo.test)

if [ "${BENCH_POSTGRES_ONLY:-0}" = 1 ]; then postgres_sections; exit 0; fi

echo
echo "== Reserve agent CSV import (issue: reserve pools and training) =="
agents_csv() {
  # 10,000 agents, two skills each, Chinese and Latin names, generated without extra tools.
  echo "externalRef,displayName,skills,languages,status,maxWeeklyHours"
  awk 'BEGIN { for (i = 0; i < 10000; i++) printf "B%05d,\"Agent %d 张%d\",PRESALES;HOTLINE,zh|en,active,20\n", i, i, i }'
}
agents_csv >"$data/agents.csv"
rss_before=$(awk '/VmRSS/ {print $2}' /proc/$app/status)
# Reset the peak (Linux: 5 > clear_refs) so it measures the import, not the demo seeding at start-up.
echo 5 > /proc/$app/clear_refs 2>/dev/null || true
import_seconds=$(curl -fsS -o "$data/import.json" -w '%{time_total}' -X POST "$url/api/t/demo/agents/import" \
  -H "Authorization: Bearer $vendor_token" -H 'Content-Type: text/csv' --data-binary @"$data/agents.csv")
grep -q '"stored":true' "$data/import.json" || { echo "import failed:" >&2; head -c 500 "$data/import.json" >&2; exit 1; }
peak_mb=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$app/status)
printf "%-42s %10s s     (target: under 3 s)\n" "POST /agents/import, 10,000 new agents" "$import_seconds"
printf "%-42s %10s MB    (target: under 300 MB; %s MB resident before the import)\n" "app peak memory during the import" "$peak_mb" "$((rss_before / 1024))"

echo
echo "== Authenticated read path (issue: one way to do each thing) =="
echo "wrk: 2 threads, $connections connections, ${duration}s per endpoint, app on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
admin_token=$(token admin@demo.test)
apex_id=$(curl -fsS "$url/api/t/demo/vendors?pageSize=200" -H "Authorization: Bearer $admin_token" | grep -o '"id":"[^"]*","name":"Apex BPO"' \
  | sed -E 's/"id":"([^"]*)".*/\1/')
# Another 10,000 agents, so the tenant holds more than 20,000 for the list and the pool.
awk 'BEGIN { print "externalRef,displayName,skills,languages,status,maxWeeklyHours"
  for (i = 0; i < 10000; i++) printf "C%05d,\"Reserve %d 李%d\",AFTERSALES;HOTLINE,zh,active,16\n", i, i, i }' >"$data/more-agents.csv"
curl -fsS -o "$data/import.json" -X POST "$url/api/t/demo/agents/import" -H "Authorization: Bearer $vendor_token" \
  -H 'Content-Type: text/csv' --data-binary @"$data/more-agents.csv"
grep -q '"stored":true' "$data/import.json" || { echo "second import failed:" >&2; head -c 500 "$data/import.json" >&2; exit 1; }
agent_count=$(curl -fsS "$url/api/t/demo/agents?pageSize=1" -H "Authorization: Bearer $admin_token" | grep -o '"total":[0-9]*' | cut -d: -f2)
api_key=$(curl -fsS -X POST "$url/api/t/demo/api-keys" -H "Authorization: Bearer $admin_token" -H 'Content-Type: application/json' \
  -d "{\"name\":\"Bench read path\",\"role\":\"VendorManager\",\"vendorId\":\"$apex_id\"}" | sed -E 's/.*"plainTextKey":"([^"]+)".*/\1/')
# The portal's own sign-in form: antiforgery token in, authentication cookie out.
jar="$data/cookies.txt"
form_token=$(curl -fsS -c "$jar" "$url/account/login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed -E 's/.*value="([^"]*)"/\1/')
curl -fsS -o /dev/null -b "$jar" -c "$jar" -X POST "$url/account/login" --data-urlencode "Input.Email=admin@demo.test" \
  --data-urlencode "Input.Password=Demo-Pass-2026!" --data-urlencode "__RequestVerificationToken=$form_token"
cookie=$(awk -F'\t' '$6 ~ /^vp\.auth/ {printf "%s%s=%s", sep, $6, $7; sep="; "}' "$jar")
[ -n "$cookie" ] || { echo "portal sign-in failed" >&2; exit 1; }
agents_page="$url/t/demo/agents?pageSize=50"
curl -fsS -o /dev/null -H "Cookie: $cookie" "$agents_page"

# Warm every path first: tiered JIT and EF's query cache need a few seconds of traffic to settle.
for warm in "$url/health/live" "$url/api/t/demo/vendors|Authorization: Bearer $vendor_token" "$url/api/t/demo/vendors|X-Api-Key: $api_key" \
  "$url/api/me|Authorization: Bearer $vendor_token" "$agents_page|Cookie: $cookie"; do
  target="${warm%%|*}"; header="${warm#*|}"
  if [ "$header" = "$warm" ]; then wrk -t2 -c"$connections" -d3s "$target" >/dev/null
  else wrk -t2 -c"$connections" -d3s -H "$header" "$target" >/dev/null; fi
done
read -r health_rps health_p99 < <(measure "$url/health/live")
read -r vendors_rps vendors_p99 < <(measure "$url/api/t/demo/vendors" -H "Authorization: Bearer $vendor_token")
read -r key_rps key_p99 < <(measure "$url/api/t/demo/vendors" -H "X-Api-Key: $api_key")
read -r me_rps me_p99 < <(measure "$url/api/me" -H "Authorization: Bearer $vendor_token")
read -r page_rps page_p99 < <(measure "$agents_page" -H "Cookie: $cookie")
ratio() { awk -v a="$1" -v b="$health_rps" 'BEGIN { printf "%.2f", a / b }'; }
printf "%-46s %10s req/s   p99 %8s ms\n" "GET /health/live" "$health_rps" "$health_p99"
printf "%-46s %10s req/s   p99 %8s ms   %s x health (target: 0.35)\n" "GET /api/t/demo/vendors (bearer, vendor user)" "$vendors_rps" "$vendors_p99" "$(ratio "$vendors_rps")"
printf "%-46s %10s req/s   p99 %8s ms   %s x health (target: 0.35)\n" "GET /api/t/demo/vendors (X-Api-Key)" "$key_rps" "$key_p99" "$(ratio "$key_rps")"
printf "%-46s %10s req/s   p99 %8s ms   %s x health (target: 0.50)\n" "GET /api/me (bearer)" "$me_rps" "$me_p99" "$(ratio "$me_rps")"
printf "%-46s %10s req/s   p99 %8s ms   %s x health (target: 0.25; %s agents)\n" "portal /t/demo/agents, page of 50 (cookie)" "$page_rps" "$page_p99" "$(ratio "$page_rps")" "$agent_count"
# Server time of the pool page: time to first byte on loopback, median of 9 warm calls.
curl -fsS -o /dev/null -H "Cookie: $cookie" "$url/t/demo/pool"
pool_ms=$(for _ in $(seq 1 9); do curl -fsS -o /dev/null -w '%{time_starttransfer}\n' -H "Cookie: $cookie" "$url/t/demo/pool"; done \
  | sort -n | sed -n 5p | awk '{ printf "%.1f", $1 * 1000 }')
pool_api_ms=$(for _ in $(seq 1 9); do curl -fsS -o /dev/null -w '%{time_starttransfer}\n' -H "Authorization: Bearer $admin_token" "$url/api/t/demo/pool"; done \
  | sort -n | sed -n 5p | awk '{ printf "%.1f", $1 * 1000 }')
printf "%-46s %10s ms      (median of 9; target: under 30 ms; %s agents)\n" "portal /t/demo/pool, server time" "$pool_ms" "$agent_count"
printf "%-46s %10s ms      (median of 9)\n" "GET /api/t/demo/pool, server time" "$pool_api_ms"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${BENCH_READ_PATH_ONLY:-0}" = 1 ]; then exit 0; fi

echo
echo "== Statements (issue: billing) =="
finance_token=$(token finance@demo.test)
admin_token=$(token admin@demo.test)
api="$url/api/t/demo"
statement_month "$api" "Bench 基准外包" BENCH

generate_seconds=$(curl -fsS -o "$data/statement.json" -w '%{time_total}' -X POST "$api/statements" \
  -H "Authorization: Bearer $finance_token" -H 'Content-Type: application/json' \
  -d "{\"vendorId\":\"$bench_vendor\",\"month\":\"$month\",\"dailyLines\":true,\"taxRate\":0.06}")
statement_id=$(json_field id <"$data/statement.json")
lines=$(grep -o '"lineCount":[0-9]*' "$data/statement.json" | head -1 | cut -d: -f2)
# The draft's PDF is drawn on every download: the second download is measured, after the first has warmed the code.
curl -fsS -o /dev/null "$api/statements/$statement_id/pdf" -H "Authorization: Bearer $finance_token"
render_seconds=$(curl -fsS -o "$data/statement.pdf" -w '%{time_total}' "$api/statements/$statement_id/pdf" -H "Authorization: Bearer $finance_token")
pages=$(pdfinfo "$data/statement.pdf" | awk '/^Pages:/ {print $2}')
pages_per_second=$(awk -v p="$pages" -v s="$render_seconds" 'BEGIN { printf "%.0f", p / s }')
statement_peak_mb=$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$app/status)
printf "%-42s %10s s     (%s rows in batches of 5,000)\n" "POST /contact-volumes, $volume_rows rows" "$upsert_seconds" "$volume_rows"
printf "%-42s %10s s     (%s lines)\n" "POST /statements, daily lines" "$generate_seconds" "$lines"
printf "%-42s %10s s     (target: under 1 s; %s pages, %s pages/s, %s bytes)\n" "GET /statements/{id}/pdf, $lines lines" "$render_seconds" \
  "$pages" "$pages_per_second" "$(stat -c %s "$data/statement.pdf")"
printf "%-42s %10s MB\n" "app peak memory (VmHWM)" "$statement_peak_mb"

# 200 one-page statements back to back: Harbor's last month, drafted from the demo volumes, downloaded 200 times.
harbor_id=$(curl -fsS "$api/vendors?pageSize=200" -H "Authorization: Bearer $admin_token" | grep -o '"id":"[^"]*","name":"Harbor Contact"' | json_field id)
small_id=$(curl -fsS -X POST "$api/statements" -H "Authorization: Bearer $finance_token" -H 'Content-Type: application/json' \
  -d "{\"vendorId\":\"$harbor_id\",\"month\":\"$month\",\"taxRate\":0.06}" | json_field id)
curl -fsS -o "$data/small.pdf" "$api/statements/$small_id/pdf" -H "Authorization: Bearer $finance_token"
small_start=$(date +%s.%N)
for _ in $(seq 1 200); do
  curl -fsS -o /dev/null "$api/statements/$small_id/pdf" -H "Authorization: Bearer $finance_token"
done
small_seconds=$(awk -v a="$small_start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
printf "%-42s %10s s     (%s ms each, %s page(s) per PDF, HTTP included)\n" "200 one-page statement PDFs, sequential" "$small_seconds" \
  "$(awk -v s="$small_seconds" 'BEGIN { printf "%.1f", s * 5 }')" "$(pdfinfo "$data/small.pdf" | awk '/^Pages:/ {print $2}')"
printf "%-42s %10s MB\n" "app peak memory (VmHWM)" "$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$app/status)"

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

echo
echo "== Erlang A (issue: Erlang A) =="
# The arithmetic alone (the bench tool, mean of 50 after a warm-up), then through HTTP: 2,000 erlangs = 6,000 contacts in
# 15 minutes at a 300 s handle time, 80% within 20 s, callers' patience 120 s.
(cd tests/VendorPortal.Bench && exec dotnet bin/Release/net10.0/VendorPortal.Bench.dll erlang-a 2000 50 120)
erlang_a="$url/api/t/demo/staffing/erlang-a?contacts=6000&intervalMinutes=15&ahtSeconds=300&serviceLevel=0.8&targetSeconds=20&shrinkage=0.3&patienceSeconds=120"
curl -fsS -o "$data/erlang-a.json" "$erlang_a" -H "Authorization: Bearer $planner_token"
erlang_a_agents=$(grep -o '"agents":[0-9]*' "$data/erlang-a.json" | cut -d: -f2)
erlang_a_warm=$(for i in 1 2 3 4 5; do curl -fsS -o /dev/null -w '%{time_total}\n' "$erlang_a" -H "Authorization: Bearer $planner_token"; done | sort -n | sed -n 3p)
printf "%-42s %10s s     (median of 5, HTTP included; target: under 1 s; %s agents)\n" "GET /staffing/erlang-a, 2,000 erlangs" "$erlang_a_warm" "$erlang_a_agents"

echo
echo "== Bulk confirmation (issue: shifts and confirmations) =="
# Five 1,000-agent shifts for Apex on the bench fortnight's first day, filled with the agents imported above.
apex_id=$(curl -fsS "$url/api/t/demo/vendors?pageSize=200" -H "Authorization: Bearer $admin_token" | grep -o '"id":"[^"]*","name":"Apex BPO"' | json_field id)
: >"$data/agent-ids.txt"
for page in $(seq 1 25); do
  curl -fsS "$url/api/t/demo/agents?search=Agent&pageSize=200&page=$page" -H "Authorization: Bearer $vendor_token" \
    | grep -o '"id":"[0-9a-f-]\{36\}"' | sed -E 's/.*:"([^"]*)"/\1/' >>"$data/agent-ids.txt"
done
[ "$(wc -l <"$data/agent-ids.txt")" -eq 5000 ] || { echo "expected 5,000 bench agents, got $(wc -l <"$data/agent-ids.txt")" >&2; exit 1; }
assign_total=0
: >"$data/assignment-ids.txt"
for s in 0 1 2 3 4; do
  shift_id=$(curl -fsS -X POST "$url/api/t/demo/shifts" -H "Authorization: Bearer $planner_token" -H 'Content-Type: application/json' \
    -d "{\"eventId\":\"$event_id\",\"vendorId\":\"$apex_id\",\"skill\":\"PRESALES\",\"startsAtLocal\":\"${first_day}T08:00\",\"endsAtLocal\":\"${first_day}T16:00\",\"headcount\":1000}" \
    | json_field id)
  ids=$(sed -n "$((s * 1000 + 1)),$((s * 1000 + 1000))p" "$data/agent-ids.txt" | sed 's/.*/"&"/' | paste -sd, -)
  seconds=$(curl -fsS -o "$data/shift.json" -w '%{time_total}' -X POST "$url/api/t/demo/shifts/$shift_id/assignments" \
    -H "Authorization: Bearer $vendor_token" -H 'Content-Type: application/json' -d "{\"agentIds\":[$ids]}")
  assign_total=$(awk -v a="$assign_total" -v b="$seconds" 'BEGIN { print a + b }')
  # The shift detail lists the shift's id first, then each assignment's.
  grep -o '"id":"[0-9a-f-]\{36\}"' "$data/shift.json" | tail -n +2 | sed -E 's/.*:"([^"]*)"/\1/' >>"$data/assignment-ids.txt"
done
[ "$(wc -l <"$data/assignment-ids.txt")" -eq 5000 ] || { echo "expected 5,000 assignments, got $(wc -l <"$data/assignment-ids.txt")" >&2; exit 1; }
awk 'BEGIN { printf "[" } { printf "%s{\"assignmentId\":\"%s\",\"decision\":\"confirm\"}", NR == 1 ? "" : ",", $1 } END { print "]" }' \
  "$data/assignment-ids.txt" >"$data/confirmations.json"
confirm_seconds=$(curl -fsS -o "$data/confirmed.json" -w '%{time_total}' -X POST "$url/api/t/demo/confirmations" \
  -H "Authorization: Bearer $vendor_token" -H 'Content-Type: application/json' --data-binary @"$data/confirmations.json")
grep -q '"confirmed":5000' "$data/confirmed.json" || { echo "confirmation failed:" >&2; head -c 500 "$data/confirmed.json" >&2; exit 1; }
printf "%-42s %10s s     (5 requests of 1,000 agents, every rule checked)\n" "POST /shifts/{id}/assignments" "$assign_total"
printf "%-42s %10s s     (5,000 assignments in one request; target: under 1 s)\n" "POST /confirmations" "$confirm_seconds"
printf "%-42s %10s MB\n" "app peak memory (VmHWM)" "$(awk '/VmHWM/ {printf "%.0f", $2 / 1024}' /proc/$app/status)"

echo
echo "== Suggested surge plan (issue 14: plan) =="
# The bench tool seeds the issue's scenario into a fresh SQLite database and times the plan's answer in-process.
mkdir -p "$data/plan"
(cd tests/VendorPortal.Bench && VENDORPORTAL_DATA="$data/plan" ASPNETCORE_ENVIRONMENT=Production \
  exec dotnet bin/Release/net10.0/VendorPortal.Bench.dll plan)

echo
echo "== Statement PDF (issue 16: a statement PDF to archive) =="
# In-process: a 41-page bilingual statement rendered repeatedly (pages/s, bytes per page), then one-page statements/s.
(cd tests/VendorPortal.Bench && exec dotnet bin/Release/net10.0/VendorPortal.Bench.dll statement-pdf 3)

echo
echo "== Webhooks (issue 15: signed webhooks) =="
# In-process: one alert.raised to 200 endpoints of a loopback receiver, through the outbox, the webhooks job queue and signing.
mkdir -p "$data/webhooks"
(cd tests/VendorPortal.Bench && VENDORPORTAL_DATA="$data/webhooks" ASPNETCORE_ENVIRONMENT=Production \
  exec dotnet bin/Release/net10.0/VendorPortal.Bench.dll webhooks 200)

postgres_sections
