#!/usr/bin/env bash
# Installs what `npm test` and `npm run demo` need and a fresh machine lacks: npm packages,
# Debian's Chromium, a CJK font (Chinese would render as boxes in screenshots), and Xvfb on request.
# Idempotent and quick when everything is present.
set -euo pipefail
cd "$(dirname "$0")/../.."

# First: on a Node the toolchain cannot run on, say which one it needs and stop.
node tests/tools/check-node.cjs

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
  missing+=(fonts-wqy-microhei)
fi
if [ "${WITH_XVFB:-0}" = 1 ] && ! command -v xvfb-run >/dev/null 2>&1; then
  missing+=(xvfb xauth)
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  echo "Installing from Debian: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ ! -x node_modules/.bin/wxt ]; then
  echo "Installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
fi
