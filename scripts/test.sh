#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what the tests start themselves
# (a PostgreSQL server for the throwaway databases, Dovecot and Exim for the mail server,
# Debian's Chromium for the browser tests),
# builds, and runs the suites; screenshots land in artifacts/screenshots. Output goes to
# the terminal and to artifacts/test-output.log.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL server binaries (the tests start their own throwaway server)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

# Dovecot and Exim for the mail tests, which start their own mail server with scripts/mail-dev.sh;
# quiet when installed, and the packages' own system services are stopped and disabled.
scripts/mail-dev.sh install

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium for the browser tests (Playwright drives it; no browser is downloaded)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "Installing Node.js and npm (the app bundles its font and map from npm packages)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

mkdir -p artifacts
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build Sked.Workflows.sln -c Release -nologo -v quiet 2>&1 | tee artifacts/build-output.log | grep -E "error|Warn|Elapsed" || true
set +e
# One test module at a time: the browser tests time out when they share two cores with the integration suites.
dotnet test --solution Sked.Workflows.sln -c Release --no-build --max-parallel-test-modules 1 2>&1 | tee artifacts/test-output.log
status=${PIPESTATUS[0]}
set -e
exit "$status"
