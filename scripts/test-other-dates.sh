#!/usr/bin/env bash
# Runs the unit and integration suites as if today were another day (libfaketime shifts the clock of
# vitest and of the embedded Postgres it starts by the same offset), to catch a test that only passes
# in the month it was written. Default offsets: a month end, New Year's Day, and a leap day.
# Needs Debian's faketime (apt-get install faketime). Not part of `npm test`: run it after writing
# tests that touch dates. Usage: scripts/test-other-dates.sh [+OFFSETd ...] [-- vitest args]
set -uo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is missing: apt-get install faketime" >&2; exit 2; }
offsets=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do offsets+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
if [ ${#offsets[@]} -eq 0 ]; then
  # Days from now to the next 31 March, 1 January and 29 February.
  offsets=($(node -e '
    const now = new Date(); const y = now.getUTCFullYear();
    const next = (m, d) => { for (let year = y; ; year++) { const t = Date.UTC(year, m, d, 12); if (new Date(t).getUTCMonth() === m && t > now) return t; } };
    console.log([next(2, 31), next(0, 1), next(1, 29)].map((t) => "+" + Math.ceil((t - now) / 864e5) + "d").join(" "));'))
fi
status=0
for offset in "${offsets[@]}"; do
  echo "▶ as if today were $(faketime -f "$offset" date -u +%F)"
  faketime -f "$offset" node_modules/.bin/vitest run "$@" || status=1
done
exit $status
