#!/usr/bin/env bash
# `npm run bench`: performance figures, printed. Builds the extension first (bundle sizes, Chromium runs).
# Every bench runs even when one before it misses its budget; the run fails at the end, naming those that did.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash tests/tools/ensure-deps.sh
npx wxt build -b chrome >/dev/null
failed=()
run() {
  echo "== $1"
  npx tsx "$1" || failed+=("$1")
  echo
}
for bench in tests/bench/*-bench.ts; do run "$bench"; done
# The month simulations print their tables and PASS/FAIL lines: notifications (issue 12), then the poller (issue 11).
run tests/bench/notify-sim.ts
run tests/bench/poller-sim.ts
if ((${#failed[@]} > 0)); then
  echo "Missed a budget or failed: ${failed[*]}"
  exit 1
fi
echo "Every bench met its budget."
