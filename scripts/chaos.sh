#!/usr/bin/env bash
# The chaos suite (docs/reliability.md, "Chaos suite"): kill -9 of the app under load on both stores,
# PostgreSQL stopped and started under load, the SQLite disk full (a tmpfs: root only, skipped
# otherwise) and a slow SMS operator; then the counts of lost, duplicated and stuck work, overdue
# timers and 5xx other than 503 + Retry-After, one line per fault (also in artifacts/chaos/summary.txt).
#   scripts/chaos.sh                                                  # the short form, as CI runs it
#   SKED_CHAOS_ROUNDS=20 SKED_CHAOS_OUTAGES=5 scripts/chaos.sh        # the long form
# Other settings: SKED_CHAOS_SECONDS (load before each fault, 3), SKED_CHAOS_SMS_DELAY (the slow
# operator's answer, seconds, 3). Arguments go to the test run, e.g. -- --filter-class "*KillUnderLoad*".
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tests/Sked.Workflows.Chaos.Tests -c Release -nologo -v quiet
summary=artifacts/chaos/summary.txt
mkdir -p artifacts/chaos
before=$(wc -l < "$summary" 2>/dev/null || echo 0)
set +e
dotnet test --project tests/Sked.Workflows.Chaos.Tests -c Release --no-build "$@"
status=$?
set -e
echo "--- chaos suite: one line per fault"
tail -n +"$((before + 1))" "$summary"
exit "$status"
