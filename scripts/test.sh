#!/usr/bin/env bash
# Installs what the tests need when missing (Chromium, fonts, PostgreSQL 15), builds, starts a throwaway PostgreSQL,
# runs the HTTP suite on the embedded SQLite database and then on PostgreSQL, with the browser suite (on SQLite) beside them,
# and ends with one line:
# "tests: N passed, M failed[, K skipped]" counted over the three runs. Exits non-zero on any failure.
# Extra arguments go to every `dotnet test` run, e.g. scripts/test.sh --filter "FullyQualifiedName~Billing".
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_packages chromium fonts-noto-cjk fonts-dejavu-core || { echo "Could not install Chromium and fonts." >&2; exit 1; }
# The OpenAPI lint test runs @redocly/cli, pinned in tests/tools/package-lock.json.
command -v npm >/dev/null || ensure_packages nodejs npm || { echo "Could not install Node.js and npm." >&2; exit 1; }
(cd tests/tools && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || { echo "npm ci in tests/tools failed." >&2; exit 1; }

results="$PWD/TestResults"
rm -rf "$results"
mkdir -p "$results/sqlite" "$results/postgresql" "$results/browser"

if ! dotnet build VendorPortal.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "tests: 0 passed, 1 failed (the build failed)"
  exit 1
fi

# Counts passed, failed and skipped over the test results (.trx) in a folder, not from console output.
count() {
  cat "$1"/*.trx 2>/dev/null | tr '<' '\n' | grep '^Counters ' | awk '
    function attr(name,   m) { if (match($0, name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
    { p += attr("passed"); f += attr("failed") + attr("error") + attr("timeout") + attr("aborted"); s += attr("total") - attr("executed") }
    END { print p + 0, f + 0, s + 0 }'
}

# Runs one test project into its own results folder; a run that crashed before writing any results still counts as
# one failure. Prints the tally and leaves it in NAME.tally beside the results, for the summing at the end.
run_suite() {
  local name="$1" target="$2"
  echo "== $name =="
  dotnet test "$target" "${extra[@]}" -c Release --no-build -nologo \
    --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory "$results/$name"
  local status=$?
  read -r p f s < <(count "$results/$name")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  echo "$name: $p passed, $f failed, $s skipped"
  echo "$p $f $s" > "$results/$name.tally"
}

extra=("$@")
pg_started=false
if start_postgres; then pg_started=true; else echo "Could not start PostgreSQL: the PostgreSQL run will not happen." >&2; fi

# The browser suite runs beside the two HTTP runs, which go one after the other: it spends most of its time waiting
# on Chromium and uses about half a core, while each HTTP run keeps a core busy. Three runs at once would queue
# dozens of threads on two cores and take longer (19:43 against 15:41 for this order, measured).
run_suite browser tests/VendorPortal.BrowserTests > "$results/browser.log" 2>&1 &
background=$!
cleanup() { kill "$background" 2>/dev/null; stop_postgres; }
trap cleanup EXIT

run_suite sqlite tests/VendorPortal.Tests
if $pg_started; then VENDORPORTAL_TEST_POSTGRES="$PG_URL" run_suite postgresql tests/VendorPortal.Tests; fi
stop_postgres
wait "$background"
cat "$results/browser.log"

passed=0; failed=0; skipped=0
suites=(sqlite browser)
if $pg_started; then suites+=(postgresql); else failed=1; fi
for suite in "${suites[@]}"; do
  if [ ! -f "$results/$suite.tally" ]; then echo "$suite: no results" >&2; failed=$((failed + 1)); continue; fi
  read -r p f s < "$results/$suite.tally"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
done

line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
