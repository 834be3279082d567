#!/usr/bin/env bash
# Install the browser editor (docs/editing-in-the-browser.md) into tools/decap/node_modules:
# decap-cms (the self-contained bundle of decap-cms-app: React included, no CDN), decap-server
# (Decap's local backend, which `make edit` starts) and js-yaml (read by content/admin/index.html
# to edit the registries, YAML lists at their root). Versions are pinned in package.json and
# package-lock.json. Then copy the browser files into content/admin/vendor/ (git-ignored), from
# where the site build publishes them at admin/vendor/.
#
# Optional: without npm this says so and exits 0 (admin/ then says how to get the editor, and
# the browser tests skip), except with PK_QUALITY_REQUIRED=1, where it is an error.
set -euo pipefail
cd "$(dirname "$0")"
vendor=../../content/admin/vendor
optional() {
  if [ "${PK_QUALITY_REQUIRED:-}" = 1 ]; then
    echo "install.sh: $1" >&2
    exit 1
  fi
  echo "install.sh: $1; the browser editor (admin/) will not be available" >&2
  exit 0
}
stamp=node_modules/.installed
if ! { [ -f "$stamp" ] && [ "$stamp" -nt package.json ] && [ "$stamp" -nt package-lock.json ]; }; then
  npm_path=$(command -v npm 2>/dev/null) && [ -f "$npm_path" ] && [ -x "$npm_path" ] \
    || optional "npm is missing (install Node.js, which comes with npm: https://nodejs.org/)"
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error || optional "npm ci failed"
  test -f node_modules/decap-cms/dist/decap-cms.js || optional "decap-cms did not install"
  test -f node_modules/js-yaml/dist/js-yaml.min.js || optional "js-yaml did not install"
  touch "$stamp"
fi
mkdir -p "$vendor"
# only what an earlier run copied goes (never the folder, nor a file someone else put there)
rm -f "$vendor"/decap-cms.js "$vendor"/*.decap-cms.js "$vendor"/js-yaml.min.js \
  "$vendor"/decap-cms.js.LICENSE.txt
# the bundle and the chunks it loads on demand from its own folder (no source maps: 60 MB)
cp node_modules/decap-cms/dist/decap-cms.js node_modules/decap-cms/dist/*.decap-cms.js "$vendor/"
cp node_modules/js-yaml/dist/js-yaml.min.js "$vendor/"
cp node_modules/decap-cms/dist/decap-cms.js.LICENSE.txt "$vendor/" 2>/dev/null || true
echo "install.sh: the browser editor is in content/admin/vendor/ (published at admin/vendor/)"
