#!/usr/bin/env bash
# `npm run bench`: performance figures, printed. Builds the extension first (bundle sizes, Chromium runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/tools/ensure-deps.sh
npx wxt build -b chrome >/dev/null
for bench in tests/bench/*-bench.ts; do
  echo "== ${bench}"
  npx tsx "$bench"
  echo
done
# The notification month (issue 12) prints its tables and PASS/FAIL lines; it runs before the poller's, which
# ends the run on a FAIL, and its own FAIL fails the bench at the end.
echo "== tests/bench/notify-sim.ts"
notify_status=0
npx tsx tests/bench/notify-sim.ts || notify_status=$?
echo
# The poller simulation prints its table and a PASS/FAIL line per budget; it runs last since a FAIL exits 1.
echo "== tests/bench/poller-sim.ts"
npx tsx tests/bench/poller-sim.ts
exit "$notify_status"
