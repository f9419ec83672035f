#!/usr/bin/env bash
# End to end: the demo's stack (private bus, r3-sim with 8 contacts on 2 adapters, mosquitto,
# r3-gatewayd) runs headless until every simulated rep has arrived, or 200 s; then every
# captured payload is checked against the schemas and each user's reps against the truth.
#   room_e2e.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d /tmp/r3-e2e.XXXXXX)
trap 'rm -rf "$work"' EXIT
status=0
# time-scale 3: the sessions play three times faster than real time (about 30 s here).
BUILD_DIR=$build "$src/scripts/demo" --no-build --headless --for 200 --until-done \
  --capture "$work/capture.txt" --truth "$work/truth.jsonl" --work-dir "$work/room" \
  -- --sets 1 --seed 3 --time-scale 3 || status=$?
if [ "$status" -ne 0 ]; then
  echo "the room did not run (status $status); gatewayd log:"
  cat "$work/room/gatewayd.log" || true
  exit 1
fi
/usr/bin/python3 "$src/tests/e2e/check_room.py" "$work/capture.txt" "$work/truth.jsonl" \
  "$src/docs/schemas" demo || {
  echo "gatewayd log (tail):"
  tail -30 "$work/room/gatewayd.log"
  exit 1
}
