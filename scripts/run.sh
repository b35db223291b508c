#!/usr/bin/env bash
# Starts the portal and API on the embedded SQLite database with the demo data.
# Honours ASPNETCORE_URLS (default http://127.0.0.1:5080) and VENDORPORTAL_DATA (default ./data).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

prepare_app
trap stop_app INT TERM EXIT
start_app

cat <<MSG

VendorPortal is running at $APP_URL   (API reference: $APP_URL/docs, jobs: $APP_URL/hangfire)
Data folder: $VENDORPORTAL_DATA   (e-mails land in $VENDORPORTAL_DATA/mail)

$(demo_logins)

Press Ctrl+C to stop.
MSG
wait $APP_PID
