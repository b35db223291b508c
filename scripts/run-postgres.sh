#!/usr/bin/env bash
# Starts a throwaway local PostgreSQL 15, then the portal and API on a fresh database there with the demo data.
# Ctrl+C (or any failure) stops the app and PostgreSQL and removes the server's temporary folder.
# Honours ASPNETCORE_URLS (default http://127.0.0.1:5080) and VENDORPORTAL_DATA (default ./data; only e-mails land there).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

prepare_app
trap 'stop_app; stop_postgres' EXIT
trap 'exit 130' INT TERM

echo "Starting PostgreSQL ..."
start_postgres
database=vendorportal
psql=/usr/lib/postgresql/15/bin/psql
export Database__Provider=PostgreSql
export Database__ConnectionString="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$database"
start_app 180

cat <<MSG

VendorPortal is running on PostgreSQL at $APP_URL   (API reference: $APP_URL/docs, jobs: $APP_URL/hangfire)
Database: $Database__ConnectionString
  (a throwaway server in $PG_DIR, removed when you stop; psql: $psql -h 127.0.0.1 -p $PG_PORT -U postgres $database)
E-mails land in $VENDORPORTAL_DATA/mail

$(demo_logins)

Press Ctrl+C to stop (the database goes with it).
MSG
wait $APP_PID
