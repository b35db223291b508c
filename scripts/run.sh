#!/usr/bin/env bash
# Starts the portal and API on the embedded SQLite database with the demo data.
# Honours ASPNETCORE_URLS (default http://127.0.0.1:5080) and VENDORPORTAL_DATA (default ./data).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://127.0.0.1:5080}"
export VENDORPORTAL_DATA="${VENDORPORTAL_DATA:-$PWD/data}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
export Database__SeedDemoData=true
url="${ASPNETCORE_URLS%%;*}"
export Mail__PublicBaseUrl="${Mail__PublicBaseUrl:-$url}"

echo "Building VendorPortal ..."
dotnet build VendorPortal.sln -c Release -nologo -v quiet -clp:ErrorsOnly

# The project folder is the content root: appsettings.json and wwwroot are read from there.
(cd src/VendorPortal.Web && exec dotnet bin/Release/net10.0/VendorPortal.Web.dll) &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null' INT TERM EXIT
wait_for "$url/health/ready" 120

cat <<MSG

VendorPortal is running at $url   (API reference: $url/docs, jobs: $url/hangfire)
Data folder: $VENDORPORTAL_DATA   (e-mails land in $VENDORPORTAL_DATA/mail)

Demo logins, all with the password  Demo-Pass-2026!
  admin@demo.test          TenantAdmin of demo
  planner@demo.test        Planner of demo
  finance@demo.test        Finance of demo
  apex@demo.test           VendorManager for Apex BPO in demo and sandbox
  harbor@demo.test         VendorManager for Harbor Contact in demo
  sandbox.admin@demo.test  TenantAdmin of sandbox
  ops@demo.test            platform operator (/hangfire, POST /api/platform/tenants)

Press Ctrl+C to stop.
MSG
wait $app
