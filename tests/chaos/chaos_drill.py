#!/usr/bin/python3
"""Chaos drill of the whole room: r3-sim (16 contacts), r3-gatewayd, mosquitto and a capturing
subscriber, with faults injected on a seeded schedule. At the end every captured payload is checked
against its schema and the delivery rules of docs/mqtt-api.md:

  - per (gateway, user, seq): one rep, hold or set (seq runs across the three); a repeat (QoS 1
    duplicate) is byte-identical, and counted;
  - one rep (user, contact, start_s) never under two seq numbers (no re-sent rep after a restart);
  - seq never goes backwards; a gap is allowed only as the documented jump (<= 1000) after an
    unclean daemon restart (kill -9), and at most one per user per kill;
  - every rep is on its bound user's topic and carries that user and the bound contact;
  - no user received more reps than the simulator played for its contact;
  - the retained gateway status is the last one the gateway published.

  chaos_drill.py --build BUILD_DIR [--seed N] [--duration S] [--work DIR] [--keep]

Faults (seeded, one every 4-12 s): broker kill -9 (down 10-60 s, capped at a fifth of the run),
daemon kill -9 and restart, bluetoothd restart in r3-sim (SIGUSR1), SIGHUP with a changed config,
a burst of malformed commands. All the time, in r3-sim: links dropped mid-rep (--link-losses),
~5 % of notifications lost (--loss-rate), malformed notifications. Adapter removal is not
simulated by r3-sim yet: that fault is not in the drill. Exit 0 when every rule holds.
"""
import argparse
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SRC, "tests", "e2e"))
import check_room  # noqa: E402  (the schema validators of the end-to-end test)

GATEWAY = "chaos"
SEQ_JUMP = 1000  # docs/mqtt-api.md: the forward jump after an unclean restart


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise RuntimeError("timed out waiting for " + what)


class Room:
    def __init__(self, args, work):
        self.args = args
        self.work = work
        self.procs = {}
        self.events = []  # (monotonic time, what)
        self.port = free_port()
        self.log_level = "info"
        self.round = []

    def log(self, what):
        t = time.monotonic() - self.t0
        self.events.append((t, what))
        print(f"chaos: {t:7.1f} s  {what}", flush=True)

    def spawn(self, name, argv, env=None):
        out = open(os.path.join(self.work, name + ".log"), "ab")
        self.procs[name] = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT,
                                            env=env, start_new_session=True)
        return self.procs[name]

    def stop(self, name, sig=signal.SIGTERM, timeout=30):
        p = self.procs.get(name)
        if p is None or p.poll() is not None:
            return
        p.send_signal(sig)
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

    # --- the pieces -------------------------------------------------------------------------
    def start_bus(self):
        conf = os.path.join(self.work, "bus.conf")
        sock = os.path.join(self.work, "system_bus_socket")
        with open(conf, "w") as f:
            f.write(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:path={sock}</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow own="*"/>
<allow send_type="method_call"/><allow send_type="signal"/><allow send_type="method_return"/>
<allow send_type="error"/><allow receive_type="method_call"/><allow receive_type="signal"/>
<allow receive_type="method_return"/><allow receive_type="error"/></policy></busconfig>
""")
        self.spawn("dbus", ["dbus-daemon", f"--config-file={conf}", "--nofork", "--nopidfile"])
        wait_for(lambda: os.path.exists(sock), 20, "dbus-daemon")
        self.env = dict(os.environ, DBUS_SYSTEM_BUS_ADDRESS=f"unix:path={sock}")

    def start_broker(self):
        os.chmod(self.work, 0o777)  # mosquitto drops root for its own user: it saves here
        conf = os.path.join(self.work, "mosquitto.conf")
        with open(conf, "w") as f:
            # Persistence on, saved every second: the drill's kill -9 is the broker's crash.
            f.write(f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence true\n"
                    f"persistence_location {self.work}/\nautosave_interval 1\n")
        self.spawn("mosquitto", ["mosquitto", "-c", conf])

        def up():
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.5).close()
                return True
            except OSError:
                return False
        wait_for(up, 30, "mosquitto")

    def start_capture(self):
        # A persistent session (fixed id, no clean session): messages for it wait at the broker.
        self.spawn("capture", ["mosquitto_sub", "-h", "127.0.0.1", "-p", str(self.port), "-q", "1",
                               "-c", "-i", "chaos-capture", "-v", "-t", f"r3/v1/{GATEWAY}/#"])
        # mosquitto_sub writes to its log file: that is the capture.
        self.capture = os.path.join(self.work, "capture.log")

    def write_config(self):
        lines = [f'[gateway]\nid = "{GATEWAY}"\nstate_directory = "{self.work}/state"\n'
                 f'log_level = "{self.log_level}"\n',
                 f'[mqtt]\nhost = "127.0.0.1"\nport = {self.port}\n']
        for i in range(self.args.contacts):
            lines.append(f'[[contacts]]\naddress = "C0:FF:EE:00:{i >> 8:02X}:{i & 255:02X}"\n'
                         f'user = "user-{i + 1:02d}"\n')
        with open(os.path.join(self.work, "gateway.toml"), "w") as f:
            f.write("".join(lines))

    def start_sim(self):
        b = self.args.build
        self.truth = os.path.join(self.work, "truth.jsonl")
        self.spawn("sim", [f"{b}/sim/r3-sim", "--contacts", str(self.args.contacts),
                           "--adapters", "3", "--seed", str(self.args.seed),
                           "--sets", str(self.args.sets), "--time-scale", str(self.args.time_scale),
                           "--link-losses", "1", "--loss-rate", "0.05", "--burst-mean", "1",
                           "--malformed-rate", "0.002", "--truth", self.truth], env=self.env)

    def start_gatewayd(self):
        self.spawn("gatewayd", [f"{self.args.build}/daemon/app/r3-gatewayd", "--config",
                                os.path.join(self.work, "gateway.toml")], env=self.env)

    # --- faults -----------------------------------------------------------------------------
    def fault(self, rng):
        # Every kind once per round, in a seeded order: a short run still sees each of them.
        if not self.round:
            self.round = ["daemon", "broker", "bluez", "sighup", "commands"]
            rng.shuffle(self.round)
        kind = self.round.pop()
        if kind == "broker":
            down = min(rng.uniform(10, 60), max(3.0, self.args.duration / 5))
            self.log(f"broker kill -9, down {down:.0f} s")
            self.stop("mosquitto", signal.SIGKILL)
            time.sleep(down)
            self.start_broker()
            self.log("broker back")
        elif kind == "daemon":
            self.log("r3-gatewayd kill -9, restarted")
            self.kills += 1
            self.stop("gatewayd", signal.SIGKILL)
            time.sleep(rng.uniform(0.5, 3))
            self.start_gatewayd()
        elif kind == "bluez":
            self.log("bluetoothd restart (r3-sim SIGUSR1)")
            self.procs["sim"].send_signal(signal.SIGUSR1)
        elif kind == "sighup":
            self.log_level = "debug" if self.log_level == "info" else "info"
            self.write_config()
            self.log(f"SIGHUP, log_level = {self.log_level}")
            self.procs["gatewayd"].send_signal(signal.SIGHUP)
        else:
            self.log("burst of 50 malformed commands")
            bad = ["{", "[]", '{"request_id":"x"}', '{"request_id":"a/b","device_id":1}',
                   "\xff\xfe", '{"request_id":"big","device_id":"' + "x" * 9000 + '"}',
                   '{"request_id":"t","user_id":"u","thresholds":{"load_on_n":-1}}']
            for n in range(50):
                verb = rng.choice(["bind", "unbind", "set_thresholds", "nope", "start_session"])
                subprocess.run(["mosquitto_pub", "-h", "127.0.0.1", "-p", str(self.port), "-q", "1",
                                "-t", f"r3/v1/{GATEWAY}/cmd/{verb}", "-m", rng.choice(bad)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def run(self):
        rng = random.Random(self.args.seed)
        self.kills = 0
        self.t0 = time.monotonic()
        self.start_bus()
        self.start_broker()
        self.start_capture()
        self.write_config()
        self.start_sim()
        self.start_gatewayd()
        self.log(f"room up: 16 contacts, broker 127.0.0.1:{self.port}, seed {self.args.seed}")
        end = self.t0 + self.args.duration
        while time.monotonic() < end:
            time.sleep(min(rng.uniform(4, 12), max(0.0, end - time.monotonic())))
            if time.monotonic() >= end:
                break
            for name in ("gatewayd", "sim", "capture"):
                if self.procs[name].poll() is not None:
                    raise RuntimeError(f"{name} exited on its own (status {self.procs[name].returncode})")
            self.fault(rng)
        self.log("faults over: letting the room settle")
        if self.procs["mosquitto"].poll() is not None:
            self.start_broker()
        time.sleep(self.args.settle)
        self.stop("gatewayd", signal.SIGTERM, 60)
        self.log(f"r3-gatewayd stopped (status {self.procs['gatewayd'].returncode})")
        time.sleep(2)  # the last messages reach the capture

    def retained(self):
        out = subprocess.run(["mosquitto_sub", "-h", "127.0.0.1", "-p", str(self.port), "-v",
                              "-t", f"r3/v1/{GATEWAY}/status", "-W", "3", "-C", "1"],
                             capture_output=True, text=True)
        return out.stdout.strip()

    def shutdown(self):
        for name in ("gatewayd", "sim", "capture", "mosquitto", "dbus"):
            self.stop(name, signal.SIGTERM, 10)


def check(room):
    validators = check_room.load_validators(os.path.join(SRC, "docs", "schemas"))
    problems = []
    by_seq = defaultdict(dict)   # user -> seq -> payload text
    by_rep = {}                  # (user, device, start_s) -> seq
    reps = defaultdict(int)      # user -> distinct reps
    duplicates = 0
    order = defaultdict(list)    # user -> seqs in arrival order
    last_status = None
    counted = 0
    for n, line in enumerate(open(room.capture, encoding="utf-8", errors="replace"), 1):
        topic, _, text = line.rstrip("\n").partition(" ")
        parts = topic.split("/")
        if parts[:3] != ["r3", "v1", GATEWAY] or (len(parts) > 3 and parts[3] == "cmd"):
            continue
        kind = check_room.kind_of(parts)
        if kind not in check_room.SCHEMA_BY_KIND:
            problems.append(f"line {n}: unexpected topic {topic}")
            continue
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: {topic}: not JSON: {e}")
            continue
        counted += 1
        for error in validators[check_room.SCHEMA_BY_KIND[kind]].iter_errors(payload):
            problems.append(f"line {n}: {topic}: {error.message}")
        if kind == ("status", None):
            last_status = text
        if kind not in (("users", "rep"), ("users", "hold"), ("users", "set")):
            continue  # seq runs across rep, hold and set (docs/mqtt-api.md)
        user = parts[4]
        seq = payload["seq"]
        index = int(user.split("-")[1]) - 1
        device = f"r3-c0ffee00{index >> 8:02x}{index & 255:02x}"
        if payload.get("user_id") != user or payload.get("device_id") not in (device, None):
            problems.append(f"line {n}: rep of {payload.get('device_id')} for "
                            f"{payload.get('user_id')} on {topic}: not the bound user")
        if seq in by_seq[user]:
            duplicates += 1
            if by_seq[user][seq] != text:
                problems.append(f"line {n}: {user} seq {seq} reused for a different rep")
            continue
        by_seq[user][seq] = text
        order[user].append(seq)
        if kind != ("users", "rep"):
            continue
        reps[user] += 1
        rep_key = (user, payload.get("device_id"), round(payload["start_s"], 3))
        if rep_key in by_rep:
            problems.append(f"line {n}: {user}'s rep at {rep_key[2]} s sent again under seq {seq} "
                            f"(first {by_rep[rep_key]})")
        by_rep[rep_key] = seq

    jumps = 0
    for user, seqs in order.items():
        user_jumps = 0
        for a, b in zip(seqs, seqs[1:]):
            if b < a:
                problems.append(f"{user}: seq went backwards, {a} then {b}")
            elif b != a + 1:
                if b - a > SEQ_JUMP + 1:
                    problems.append(f"{user}: seq gap {a} -> {b}, above the documented jump")
                user_jumps += 1
        if user_jumps > room.kills:
            problems.append(f"{user}: {user_jumps} seq gaps for {room.kills} daemon kills")
        jumps += user_jumps

    played = {}
    for line in open(room.truth, encoding="utf-8"):
        c = json.loads(line)
        if c.get("type") == "contact":
            played[f"user-{c['index'] + 1:02d}"] = c["reps"]
    total_played = sum(played.values())
    total_got = sum(reps.values())
    for user, n in played.items():
        if reps[user] > n:
            problems.append(f"{user}: {reps[user]} reps on MQTT, only {n} played")
    if total_got == 0:
        problems.append("no rep arrived: nothing was tested")
    retained = room.retained()
    if last_status is not None and retained.partition(" ")[2] != last_status:
        problems.append(f"retained status {retained!r} is not the last published {last_status!r}")

    print(f"chaos: {counted} payloads valid against their schemas; reps: {total_got} unique of "
          f"{total_played} played ({100.0 * total_got / max(1, total_played):.1f} %), "
          f"{duplicates} QoS 1 duplicates (identical), {jumps} seq jumps after "
          f"{room.kills} daemon kills")
    for p in problems[:40]:
        print("chaos: FAIL:", p)
    return not problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--build", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--duration", type=float, default=90, help="seconds of faults")
    ap.add_argument("--settle", type=float, default=20, help="seconds without faults at the end")
    ap.add_argument("--contacts", type=int, default=16)
    ap.add_argument("--sets", type=int, default=0, help="sets per contact (0: the preset's)")
    ap.add_argument("--time-scale", type=float, default=1.0)
    ap.add_argument("--work")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()
    args.build = os.path.abspath(args.build)
    work = args.work or tempfile.mkdtemp(prefix="r3-chaos.")
    os.makedirs(work, exist_ok=True)
    room = Room(args, work)
    ok = False
    try:
        room.run()
        ok = check(room)
    finally:
        room.shutdown()
        if ok and not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"chaos: logs in {work}")
    print("chaos: PASS" if ok else "chaos: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
