#!/usr/bin/env bash
# Install the outside checkers used by tests/test_quality.py into tests/quality/node_modules:
# axe-core (accessibility rules, injected into chromium), vnu-jar (the Nu Html Checker, run with
# Java) and playwright-core. Versions are pinned in package.json and package-lock.json.
# Chromium (Debian package) and Java 17+ are installed by .ci/run, not here; no browser is
# downloaded (the tests drive /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null 2>&1 || { echo "install.sh: npm is missing (install nodejs and npm)" >&2; exit 1; }
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --ignore-scripts
else
  npm install --no-audit --no-fund --ignore-scripts
fi
test -f node_modules/axe-core/axe.min.js
test -f node_modules/vnu-jar/build/dist/vnu.jar
