#!/usr/bin/env bash
# Notifications per second and CPU per notification through AcquireNotify and through
# StartNotify, on the same simulated room (r3-sim on a private bus), measured by r3-links-probe.
#   bench/bluez_notify.sh [BUILD_DIR]        (default: build)
# Environment: CONTACTS (16), ADAPTERS (3), TIME_SCALE (50: 16 x 20 packets/s x 50 = 16,000/s
# offered), RUN_SECONDS (10).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
CONTACTS=${CONTACTS:-16}
ADAPTERS=${ADAPTERS:-3}
TIME_SCALE=${TIME_SCALE:-50}
SECONDS_RUN=${RUN_SECONDS:-10}
SIM="$BUILD/sim/r3-sim"
PROBE="$BUILD/daemon/bluez/r3-links-probe"
for b in "$SIM" "$PROBE"; do [[ -x $b ]] || { echo "missing $b: build r3-sim and r3-links-probe" >&2; exit 1; }; done

tmp=$(mktemp -d)
bus_pid=""
sim_pid=""
cleanup() {
  [[ -n $sim_pid ]] && kill "$sim_pid" 2>/dev/null || true
  [[ -n $bus_pid ]] && kill "$bus_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

cat > "$tmp/bus.conf" <<CONF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:path=$tmp/bus</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow own="*"/>
<allow send_type="method_call"/><allow send_type="signal"/><allow send_type="method_return"/>
<allow send_type="error"/><allow receive_type="method_call"/><allow receive_type="signal"/>
<allow receive_type="method_return"/><allow receive_type="error"/></policy></busconfig>
CONF
bus_pid=$(dbus-daemon --config-file="$tmp/bus.conf" --fork --print-pid=1)
export DBUS_SYSTEM_BUS_ADDRESS="unix:path=$tmp/bus"

echo "# $CONTACTS contacts, $ADAPTERS adapters, time scale $TIME_SCALE, $SECONDS_RUN s; $(nproc) cores"
for path in acquire start; do
  "$SIM" --contacts "$CONTACTS" --adapters "$ADAPTERS" --time-scale "$TIME_SCALE" --preset clean \
    > "$tmp/sim.out" 2> "$tmp/sim.err" &
  sim_pid=$!
  for _ in $(seq 100); do grep -q ready "$tmp/sim.out" 2>/dev/null && break; sleep 0.1; done
  "$PROBE" --path "$path" --contacts "$CONTACTS" --seconds "$SECONDS_RUN" \
    --sim-pid "$sim_pid" --bus-pid "$bus_pid" 2> "$tmp/probe.err" || { cat "$tmp/probe.err" >&2; exit 1; }
  kill "$sim_pid"
  wait "$sim_pid" 2>/dev/null || true
  sim_pid=""
done
