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
# The poller simulation prints its table and a PASS/FAIL line per budget; it runs last since a FAIL exits 1.
echo "== tests/bench/poller-sim.ts"
npx tsx tests/bench/poller-sim.ts
