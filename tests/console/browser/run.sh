#!/usr/bin/env bash
# The real-browser test: installs the pinned puppeteer-core (npm ci, from the lockfile) into the
# build directory, starts the demo's stack with the console and unbound contacts, and runs
# room.test.mjs in Debian's headless chromium. Screenshots: BUILD_DIR/artifacts/console/.
#   run.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
here=$src/tests/console/browser
deps=$build/console-browser-test
artifacts=$build/artifacts/console
mkdir -p "$deps" "$artifacts"
command -v chromium >/dev/null || { echo "FAIL: chromium is missing: run scripts/install-deps"; exit 1; }
command -v npm >/dev/null || { echo "FAIL: npm is missing: run scripts/install-deps"; exit 1; }

# npm ci only when the lockfile changed since the last install here.
cp "$here/package.json" "$here/package-lock.json" "$here/room.test.mjs" "$deps/"
if ! cmp -s "$here/package-lock.json" "$deps/node_modules/.r3-installed-lock" 2>/dev/null; then
  (cd "$deps" && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$deps/node_modules/.r3-installed-lock"
fi

work=$(mktemp -d /tmp/r3-console-browser.XXXXXX)
room=$work/room
demo_pid=""
cleanup() {
  [ -z "$demo_pid" ] || { kill -TERM "$demo_pid" 2>/dev/null && wait "$demo_pid"; } || true
  cp "$room"/*.log "$artifacts/" 2>/dev/null || true
  [ -n "${R3_BROWSER_KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT

# Four contacts, none bound: the test binds two from the Contacts page. Sets of 10 reps, so the
# session has reps to count; time-scale 2 keeps the run short.
BUILD_DIR=$build "$src/scripts/demo" --no-build --headless --for 400 --work-dir "$room" \
  --capture "$work/capture.txt" --contacts 4 --bind-first 0 -- --sets 6 --seed 11 --time-scale 2 &
demo_pid=$!
for _ in $(seq 1 200); do
  [ -s "$room/console.url" ] && break
  kill -0 "$demo_pid" 2>/dev/null || { echo "FAIL: the room did not start"; exit 1; }
  sleep 0.1
done
[ -s "$room/console.url" ] || { echo "FAIL: the console did not start"; exit 1; }

URL_BASE=$(cat "$room/console.url") WORK=$room CAPTURE=$work/capture.txt ARTIFACTS=$artifacts \
  CONSOLE_BIN=$build/console/r3-console node "$deps/room.test.mjs"
echo "screenshots in $artifacts"
