#!/usr/bin/env bash
# The package a hospital can install (issue #13 item 8), as the README says to install it:
#   npm pack  ->  npm install --omit=dev <tarball> in an empty folder  ->  npx equilens demo
# and checks that the tarball holds the built dist/, that the install brings no development tool, and
# that npm reports no install script it has not been told about. A script (run by .ci/run after
# `npm test`) rather than a vitest test: it packs, installs from the registry and runs the full demo,
# which takes minutes and needs the network.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/equilens-pack-XXXXXX")"
trap 'rm -rf "$work"' EXIT

cd "$root"
tarball="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
echo "packed $tarball ($(du -h "$work/$tarball" | cut -f1))"
tar -tzf "$work/$tarball" >"$work/files.txt"
for f in package/bin/equilens.js package/dist/cli/main.js package/schemas/equilens.schema.json; do
  grep -qx "$f" "$work/files.txt" || { echo "FAIL: $f is not in the package" >&2; exit 1; }
done
if grep -E '\.test\.(js|ts)$|^package/src/' "$work/files.txt" >/dev/null; then
  echo "FAIL: the package holds tests or TypeScript sources" >&2
  exit 1
fi

site="$work/site"
mkdir "$site" && cd "$site"
npm init -y >/dev/null
npm install --omit=dev --no-audit --no-fund --prefer-offline "$work/$tarball" 2>&1 | tee "$work/install.log"
# Type packages (@types/*) may come with runtime dependencies (vega's typings); the toolchain may not.
for dev in $(node -e "console.log(Object.keys(require('$root/package.json').devDependencies).filter((d) => !d.startsWith('@types/')).join(' '))"); do
  if [ -e "node_modules/$dev" ]; then
    echo "FAIL: development dependency $dev was installed" >&2
    exit 1
  fi
done
echo "installed: $(du -sh node_modules | cut -f1) in node_modules"
# The only install script left is argon2's (prebuilt binaries; it compiles only where none fits), which
# the README tells a site to approve; Equilens itself must run none.
if grep -E 'install-scripts +equilens@' "$work/install.log" >/dev/null; then
  echo "FAIL: installing Equilens runs an install script of its own" >&2
  exit 1
fi

# The README's approval step, then nothing is left unreviewed.
npm install-scripts approve argon2 >/dev/null
npm install-scripts ls 2>&1 | grep -q 'No packages with unreviewed install scripts' ||
  { echo "FAIL: install scripts still unreviewed after approving argon2" >&2; npm install-scripts ls >&2; exit 1; }

npx --no-install equilens demo
test -s equilens-demo/report.html || { echo "FAIL: the demo wrote no report.html" >&2; exit 1; }
test -s equilens-demo/report-public.html || { echo "FAIL: the demo wrote no report-public.html" >&2; exit 1; }
npx --no-install equilens init -q --config own/equilens.yaml
grep -q 'schema=../node_modules/equilens/schemas/equilens.schema.json' own/equilens.yaml ||
  { echo "FAIL: init does not point at the installed schema file" >&2; exit 1; }
echo "OK: npm pack -> npm install --omit=dev -> equilens demo"
