#!/usr/bin/env bash
# Writes the idempotent migration script of one provider, for DBAs who apply schema changes themselves:
#   scripts/migration-script.sh PostgreSql > vendorportal-postgresql.sql
#   scripts/migration-script.sh SqlServer  > vendorportal-sqlserver.sql
# The script checks __EFMigrationsHistory before each step, so running it on a database at any earlier version (or
# twice) brings it to the current model. Run the app with Database__MigrateOnStartup=false afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
provider="${1:?usage: scripts/migration-script.sh PostgreSql|SqlServer}"
case "$provider" in
  PostgreSql|SqlServer) ;;
  *) echo "The idempotent script exists for PostgreSql and SqlServer (SQLite migrates itself at start-up)." >&2; exit 2 ;;
esac
dotnet tool restore >/dev/null
dotnet build "src/VendorPortal.Migrations.$provider" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
dotnet ef migrations script --idempotent --no-build --configuration Release \
  --project "src/VendorPortal.Migrations.$provider" --startup-project "src/VendorPortal.Migrations.$provider"
