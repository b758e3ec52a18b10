#!/usr/bin/env bash
# `npm run fuzz`: the fuzz suite of `npm test`, FUZZ_SCALE times longer (default 100), then a table of the
# inputs tried, crashes and silent mis-reads per untrusted entry point.
set -uo pipefail
cd "$(dirname "$0")/../.."
bash tests/tools/ensure-deps.sh
mkdir -p fuzz-output
report="fuzz-output/tallies-$(date +%s).jsonl"
: > "$report"
# A property runs FUZZ_SCALE times longer than in `npm test`: far past the default 5 s test timeout.
FUZZ_SCALE="${FUZZ_SCALE:-100}" FUZZ_REPORT="$PWD/$report" npx vitest run --project unit --testTimeout=1800000 tests/unit/fuzz
suite=$?
npx tsx tests/tools/fuzz-report.ts "$report"
report_status=$?
exit $(( suite != 0 || report_status != 0 ))
