#!/usr/bin/env bash
# `npm test`: install what is missing, typecheck, lint, build for Chrome and Firefox, then every test
# (unit under three time zones, and e2e against the production build in Debian's Chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."

bash tests/tools/ensure-deps.sh
echo "== typecheck"
npx tsc --noEmit
echo "== lint"
# Any problem fails the run, a warning as much as an error.
npx eslint --max-warnings 0 .
echo "== build (chrome, firefox)"
npx wxt build -b chrome >/dev/null
npx wxt build -b firefox --mv3 >/dev/null
echo "== tests"
npx vitest run "$@"
