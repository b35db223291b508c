#!/usr/bin/env bash
# Refreshes the README's screenshots in docs/ with one command: builds, runs the three journey tests (the browser suite's
# Journeys: real app, demo data, the tests' pinned clock of Friday 2026-11-20 16:00 in Shanghai, so the pictures do not
# change from run to run), then copies the chosen steps from /tmp/vendorportal-journeys/ into docs/, squeezed with
# pngquant when it is installed. Desktop shots are 1280×800, phone shots 390×844.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_packages chromium fonts-noto-cjk fonts-dejavu-core || { echo "Could not install Chromium and fonts." >&2; exit 1; }
ensure_packages pngquant || echo "pngquant is not available: the PNGs are copied as taken." >&2

dotnet build tests/VendorPortal.BrowserTests -c Release -nologo -v quiet -clp:ErrorsOnly
dotnet test tests/VendorPortal.BrowserTests -c Release --no-build -nologo \
  --filter "FullyQualifiedName~VendorPortal.BrowserTests.Journeys"

shots="${TMPDIR:-/tmp}/vendorportal-journeys"
# docs/<name>.png from the journey's step of that name (the steps are numbered in the order they happen).
take() {
  local journey="$1" step="$2" name="$3" from
  from=$(ls "$shots/$journey/"[0-9][0-9]-"$step".png)
  if command -v pngquant >/dev/null; then
    pngquant --force --quality 65-90 --strip --output "docs/$name.png" -- "$from" || cp "$from" "docs/$name.png"
  else
    cp "$from" "docs/$name.png"
  fi
  echo "docs/$name.png"
}

take planner-surge dashboard dashboard
take planner-surge event-forecast event
take planner-surge request-capacity request-capacity
take planner-surge vendor-answers request-answer
take planner-surge fill-answered fill
take planner-surge fill-zh fill-zh
take vendor-phone-zh alerts-from-email alerts-phone-zh
take vendor-phone-zh shift-to-confirm shift-phone-zh
take vendor-phone-zh shift-confirmed shift-confirmed-phone-zh
take finance-statement load-volumes statements
take finance-statement issued statement-issued
