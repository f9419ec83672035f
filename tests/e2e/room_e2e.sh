#!/usr/bin/env bash
# End to end: the demo's stack (private bus, r3-sim with 8 contacts on 2 adapters, mosquitto,
# r3-gatewayd) runs headless until every simulated rep has arrived, or 200 s. Meanwhile commands
# go in over MQTT (start a session, bind a contact not yet seen) and the gateway gets a SIGHUP
# with a changed config. Then: every captured payload is valid against its schema, each user got
# exactly the reps the simulator played, the commands were answered ok and their effect was
# saved in the state directory, and the reload applied what it can and named what it cannot.
#   room_e2e.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d /tmp/r3-e2e.XXXXXX)
room=$work/room
demo_pid=""
cleanup() {
  # The demo stops everything it started when it gets SIGTERM.
  [ -z "$demo_pid" ] || { kill -TERM "$demo_pid" 2>/dev/null && wait "$demo_pid"; } || true
  [ -n "${R3_E2E_KEEP:-}" ] && echo "kept $work" || rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  echo "--- gatewayd log (tail)"
  tail -40 "$room/gatewayd.log" 2>/dev/null || true
  exit 1
}

# time-scale 3: the sessions play three times faster than real time (about 30 s here).
BUILD_DIR=$build "$src/scripts/demo" --no-build --headless --for 200 --until-done \
  --capture "$work/capture.txt" --truth "$work/truth.jsonl" --work-dir "$room" \
  -- --sets 1 --seed 3 --time-scale 3 &
demo_pid=$!

for _ in $(seq 1 300); do
  grep -q '^<6>ready' "$room/gatewayd.log" 2>/dev/null && break
  kill -0 "$demo_pid" 2>/dev/null || fail "the room did not start"
  sleep 0.1
done
grep -q '^<6>ready' "$room/gatewayd.log" || fail "r3-gatewayd never became ready"
port=$(sed -n 's/^port = //p' "$room/gateway.toml")
# READY=1 does not wait for the broker (the gateway runs without one), so a request may come
# before the gateway has subscribed: send it again until answered (request ids make it safe).
cmd() {  # cmd VERB REQUEST_ID JSON
  for _ in $(seq 1 40); do
    mosquitto_pub -h 127.0.0.1 -p "$port" -q 1 -t "r3/v1/demo/cmd/$1" -m "$3"
    sleep 0.5
    grep -q "^r3/v1/demo/reply/$2 " "$work/capture.txt" && return 0
  done
  fail "no reply to $1"
}
cmd start_session s1 '{"request_id":"s1","session_id":"e2e-1"}'
cmd bind b1 '{"request_id":"b1","device_id":"C0:FF:EE:00:01:00","user_id":"late-user"}'

# SIGHUP: a reloadable change (log level) and one that needs a restart (keep-alive).
sed -i 's/^log_level = "info"/log_level = "debug"/; s/^\[mqtt\]/[mqtt]\nkeepalive_s = 45/' \
  "$room/gateway.toml"
kill -HUP "$(cat "$room/gatewayd.pid")"

status=0
wait "$demo_pid" || status=$?
demo_pid=""
[ "$status" -eq 0 ] || fail "the room did not run to the end (status $status)"

grep -q '^<4>\[mqtt\] changed: restart r3-gateway to apply it' "$room/gatewayd.log" ||
  fail "SIGHUP did not name the [mqtt] change that needs a restart"
grep -q '^<6>configuration reloaded' "$room/gatewayd.log" || fail "SIGHUP did not reload"
grep -q '^<6>session e2e-1 started' "$room/gatewayd.log" || fail "start_session not applied"
for reply in s1 b1; do
  grep -q "^r3/v1/demo/reply/$reply .*\"ok\":true" "$work/capture.txt" || fail "no ok reply to $reply"
done
# What the commands changed survived the shutdown (SIGTERM) in the state directory.
/usr/bin/python3 - "$room/state/room.json" <<'PY' || fail "room.json does not hold the commands' effect"
import json, sys
state = json.load(open(sys.argv[1]))
assert state["bindings"].get("r3-c0ffee000100") == "late-user", state  # bound by address, kept by device id
assert state["session"]["id"] == "e2e-1", state
PY

/usr/bin/python3 "$src/tests/e2e/check_room.py" "$work/capture.txt" "$work/truth.jsonl" \
  "$src/docs/schemas" demo || fail "the captured messages do not match the truth"
echo "e2e: ok"
