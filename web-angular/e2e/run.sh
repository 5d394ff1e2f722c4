#!/usr/bin/env bash
# Real-browser tests: starts the built search service and gateway on fresh temporary databases,
# drives Debian's Chromium through playwright-core and saves a screenshot of each page.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

CHROMIUM=/usr/bin/chromium
if [ ! -x "$CHROMIUM" ]; then
  echo "e2e: $CHROMIUM is missing; installing Debian's chromium package (nothing downloads a browser)."
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    SUDO="sudo"
  fi
  $SUDO apt-get update
  $SUDO apt-get install -y --no-install-recommends chromium
fi

missing=()
for built in \
  dist/search-service/search-service/src/main.js \
  dist/gateway/gateway/src/main.js \
  web-angular/dist/web-angular/browser/index.html; do
  [ -f "$built" ] || missing+=("$built")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "e2e: build output missing: ${missing[*]}" >&2
  echo "e2e: run 'npm run build' first (npm test does this before test:browser)." >&2
  exit 1
fi

mkdir -p web-angular/e2e/screenshots web-angular/e2e/test-results
export CHROMIUM_PATH="$CHROMIUM"
exec node --test --test-concurrency=1 --test-reporter=spec web-angular/e2e/tests/*.test.mjs
