#!/usr/bin/env bash
# Install the outside checkers used by tests/test_quality.py into tests/quality/node_modules:
# axe-core (accessibility rules, injected into chromium), vnu-jar (the Nu Html Checker, run with
# Java) and playwright-core. Versions are pinned in package.json and package-lock.json.
# Chromium (Debian package) and Java 17+ are installed by .ci/run, not here; no browser is
# downloaded (the tests drive /usr/bin/chromium).
#
# These tools are optional: without npm (or when npm cannot install), this says so and exits
# 0, and the tests that need them skip with the reason. With PK_QUALITY_REQUIRED=1 (CI) a
# missing tool is an error.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.installed
if [ -f "$stamp" ] && [ "$stamp" -nt package.json ] && [ "$stamp" -nt package-lock.json ]; then
  exit 0
fi
optional() {
  if [ "${PK_QUALITY_REQUIRED:-}" = 1 ]; then
    echo "install.sh: $1" >&2
    exit 1
  fi
  echo "install.sh: $1; the browser and HTML-checker tests will be skipped" >&2
  exit 0
}
npm_path=$(command -v npm 2>/dev/null) && [ -f "$npm_path" ] && [ -x "$npm_path" ] \
  || optional "npm is missing (install nodejs and npm)"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error || optional "npm ci failed"
test -f node_modules/axe-core/axe.min.js || optional "axe-core did not install"
test -f node_modules/vnu-jar/build/dist/vnu.jar || optional "vnu-jar did not install"
touch "$stamp"
