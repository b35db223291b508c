#!/usr/bin/env bash
# Installs what the tests need when missing (Chromium, fonts), builds, runs every test and
# ends with one line: "tests: N passed, M failed[, K skipped]". Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_packages chromium fonts-noto-cjk fonts-dejavu-core || { echo "Could not install Chromium and fonts." >&2; exit 1; }

results="$PWD/TestResults"
rm -rf "$results"
mkdir -p "$results"

if ! dotnet build VendorPortal.sln -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "tests: 0 passed, 1 failed (the build failed)"
  exit 1
fi

dotnet test VendorPortal.sln -c Release --no-build -nologo \
  --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results"
status=$?

# Count from the test results themselves, not from console output.
read -r passed failed skipped < <(
  cat "$results"/*.trx 2>/dev/null | tr '<' '\n' | grep '^Counters ' | awk '
    function attr(name,   m) { if (match($0, name "=\"[0-9]+\"")) { m = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", m); return m + 0 } return 0 }
    { p += attr("passed"); f += attr("failed") + attr("error") + attr("timeout") + attr("aborted"); s += attr("notExecuted") }
    END { print p + 0, f + 0, s + 0 }')

trx_count=$(ls "$results"/*.trx 2>/dev/null | wc -l)
if [ "$trx_count" -eq 0 ] && [ "$status" -ne 0 ]; then failed=$((failed + 1)); fi

line="tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
