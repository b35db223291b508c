#!/usr/bin/env bash
# Adds one migration to all three providers' migration sets: scripts/add-migration.sh AddAgents
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: scripts/add-migration.sh MigrationName}"
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  dotnet ef migrations add "$name" \
    --project "src/VendorPortal.Migrations.$provider" \
    --startup-project "src/VendorPortal.Migrations.$provider" \
    --output-dir Migrations
done
