#!/usr/bin/python3
"""Model-based test of the room: a real r3-gatewayd (with r3-sim and mosquitto) is driven with long
seeded random sequences of commands and faults (bind, unbind, rebind, start/stop session, link
loss, daemon restart). A small reference model of the room, written here, says what must hold:

- after each step, once the gateway has settled, the retained topics say exactly what the model
  holds: every bound user has a status listing exactly its contacts and the running session, no
  unbound user has one, every contact's devices/<id> names its current user; no user is loaded
  or moving while none of its contacts streams;
- at every point of the message stream (one broker connection keeps the gateway's order), every
  rep, hold and set is published under the user its contact was bound to at that point, and
  every user status carries totals equal to what the stream carried before it (reps today, reps
  and sets of the running session).

usage: room_model_test.py BUILD_DIR [--steps N] [--seed S] [--contacts N] [--keep DIR]
Exit status 0 when every check held; 1 with the first violations and the seed to replay them.
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
import threading
import time

import paho.mqtt.client as mqtt

GW = "model"
USERS = ["p-0041", "p-0042", "p-0043", "p-0044", "p-0045"]
SETTLE_S = 5.0  # how long the retained state may take to follow a step
EVENT_KINDS = ("rep", "hold", "set")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def address(i):
    return "C0:FF:EE:00:%02X:%02X" % (i >> 8, i & 255)


def device_id(i):
    return "r3-" + address(i).replace(":", "").lower()


class Room:
    """The processes under test, each stopped by its PID."""

    def __init__(self, build, work, contacts, seed):
        self.build, self.work, self.contacts = build, work, contacts
        self.procs = {}
        bus_conf = os.path.join(work, "bus.conf")
        with open(bus_conf, "w") as f:
            f.write(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>system</type><listen>unix:path={work}/bus</listen><auth>EXTERNAL</auth>
<policy context="default"><allow user="*"/><allow own="*"/>
<allow send_type="method_call"/><allow send_type="signal"/><allow send_type="method_return"/>
<allow send_type="error"/><allow receive_type="method_call"/><allow receive_type="signal"/>
<allow receive_type="method_return"/><allow receive_type="error"/></policy></busconfig>
""")
        self.start("dbus", ["dbus-daemon", "--config-file=" + bus_conf, "--nofork", "--nopidfile"])
        wait_until(lambda: os.path.exists(os.path.join(work, "bus")), 10, "dbus-daemon")
        os.environ["DBUS_SYSTEM_BUS_ADDRESS"] = f"unix:path={work}/bus"
        self.port = free_port()
        with open(os.path.join(work, "mosquitto.conf"), "w") as f:
            f.write(f"listener {self.port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
        self.start("mosquitto", ["mosquitto", "-c", os.path.join(work, "mosquitto.conf")])
        wait_until(lambda: can_connect(self.port), 10, "mosquitto")
        # Contacts play many sets, 8x faster than real time, so reps keep coming.
        self.start("sim", [os.path.join(build, "sim/r3-sim"), "--contacts", str(contacts),
                           "--adapters", "1", "--seed", str(seed), "--sets", "100",
                           "--time-scale", "8"])
        with open(os.path.join(work, "gateway.toml"), "w") as f:
            f.write(f'[gateway]\nid = "{GW}"\nstate_directory = "{work}/state"\n'
                    f'log_level = "info"\n[mqtt]\nhost = "127.0.0.1"\nport = {self.port}\n'
                    f'[ble]\nslots_per_adapter = 7\n')
            # Contact 0 is bound by the config, so overrides and restores are exercised too.
            f.write(f'[[contacts]]\naddress = "{address(0)}"\nuser = "{USERS[0]}"\n')
        self.start_gateway()

    def start(self, name, argv):
        log = open(os.path.join(self.work, name + ".log"), "a")
        self.procs[name] = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT,
                                            start_new_session=True)

    def start_gateway(self):
        self.start("gatewayd", [os.path.join(self.build, "daemon/app/r3-gatewayd"), "--config",
                                os.path.join(self.work, "gateway.toml")])

    def stop(self, name, sig=signal.SIGTERM, timeout=15):
        p = self.procs.pop(name, None)
        if p is None:
            return
        p.send_signal(sig)
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()

    def signal(self, name, sig):
        self.procs[name].send_signal(sig)

    def alive(self, name):
        return name in self.procs and self.procs[name].poll() is None

    def close(self):
        for name in ["gatewayd", "sim", "mosquitto", "dbus"]:
            self.stop(name)


def can_connect(port):
    try:
        socket.create_connection(("127.0.0.1", port), 0.2).close()
        return True
    except OSError:
        return False


def wait_until(check, seconds, what):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not come up in {seconds} s")


class Observer:
    """Every message of the gateway, in the order the broker delivered them, checked as it comes
    against the model's bindings at that point; and the retained topics as they now stand."""

    def __init__(self, port, model):
        self.model = model
        self.lock = threading.Lock()
        self.retained = {}  # topic -> payload (dict), as the stream leaves it
        self.replies = {}
        self.violations = []
        self.events = 0
        self.seen_seq = set()
        self.reps = {}  # user -> reps so far (unique by seq)
        self.session_reps = {}  # (user, session) -> reps of that session
        self.session_sets = {}
        self.client = mqtt.Client(client_id=f"model-test-{os.getpid()}", clean_session=True)
        self.client.on_message = self.on_message
        self.client.connect("127.0.0.1", port)
        self.client.subscribe(f"r3/v1/{GW}/#", qos=1)
        self.client.loop_start()

    def violation(self, text):
        if len(self.violations) < 50:
            self.violations.append(text)

    def on_message(self, client, userdata, msg):
        parts = msg.topic.split("/")[3:]
        try:
            payload = json.loads(msg.payload) if msg.payload else None
        except ValueError:
            self.violation(f"{msg.topic}: not JSON: {msg.payload[:80]!r}")
            return
        with self.lock:
            if parts[0] == "reply":
                self.replies[parts[1]] = payload
                self.model.on_reply(payload)
                return
            if parts[0] in ("devices", "status") or parts[-1] == "status":
                if payload is None:
                    self.retained.pop(msg.topic, None)
                else:
                    self.retained[msg.topic] = payload
            if parts[0] == "users" and parts[2] == "status" and payload is not None:
                self.check_totals(parts[1], payload)
            if parts[0] == "users" and parts[2] in EVENT_KINDS:
                self.check_event(parts[1], parts[2], payload)

    def check_event(self, user, kind, e):
        key = (e.get("user_id"), e.get("seq"))
        if key in self.seen_seq:
            return  # a QoS 1 duplicate, recognised by its seq as the API says
        self.seen_seq.add(key)
        self.events += 1
        bound = self.model.binding_now(e["device_id"])
        if user != e["user_id"] or bound != user:
            self.violation(f"{kind} of {e['device_id']} published as {user} (payload user "
                           f"{e['user_id']}) while the contact is bound to {bound}")
        session = e["session_id"]
        if kind == "rep":
            self.reps[user] = self.reps.get(user, 0) + 1
            if session is not None:
                self.session_reps[(user, session)] = self.session_reps.get((user, session), 0) + 1
        if kind == "set" and session is not None:
            self.session_sets[(user, session)] = self.session_sets.get((user, session), 0) + 1
        if e["session_id"] != self.model.session_now():
            self.violation(f"{kind} of {user} in session {e['session_id']}, "
                           f"the room's is {self.model.session_now()}")

    def check_totals(self, user, s):
        session = s.get("session_id")
        want = {"reps_today": self.reps.get(user, 0),
                "reps_session": self.session_reps.get((user, session), 0) if session else 0,
                "sets_session": self.session_sets.get((user, session), 0) if session else 0}
        got = {k: s.get(k) for k in want}
        if got != want:
            self.violation(f"status of {user} says {got}, the stream carried {want}")

    def snapshot(self):
        with self.lock:
            return dict(self.retained)


class Model:
    """The reference: which user each contact is bound to, and the running session."""

    def __init__(self, contacts):
        self.contacts = contacts
        self.bound = {device_id(0): USERS[0]}  # the config's binding
        self.session = None
        self.pending = {}  # request id -> what it does once the gateway says ok
        self.sessions_started = 0

    def binding_now(self, device):
        return self.bound.get(device)

    def session_now(self):
        return self.session

    def expect(self, request_id, change):
        self.pending[request_id] = change

    def on_reply(self, reply):
        # The gateway applied the command before its reply: the model follows at that point of
        # the stream, so events before the reply are judged by the old binding.
        change = self.pending.pop(reply["request_id"], None)
        if change and reply["ok"]:
            change(reply)

    def users(self):
        out = {}
        for device, user in self.bound.items():
            out.setdefault(user, []).append(device)
        return {u: sorted(d) for u, d in out.items()}


def retained_problems(model, retained):
    problems = []
    root = f"r3/v1/{GW}/"
    users = model.users()
    statuses = {t[len(root) + 6:-7]: p for t, p in retained.items()
                if t.startswith(root + "users/") and t.endswith("/status")}
    devices = {t[len(root) + 8:]: p for t, p in retained.items()
               if t.startswith(root + "devices/")}
    if set(statuses) != set(users):
        problems.append(f"users with a status {sorted(statuses)}, bound users {sorted(users)}")
    for user, devs in users.items():
        s = statuses.get(user)
        if s is None:
            continue
        if s.get("device_ids") != devs:
            problems.append(f"{user}: status lists {s.get('device_ids')}, bound to {devs}")
        if s.get("device_id") not in devs:
            problems.append(f"{user}: status device {s['device_id']} is not one of {devs}")
        if s["session_id"] != model.session:
            problems.append(f"{user}: status session {s['session_id']}, room {model.session}")
        streaming = [d for d in devs if devices.get(d, {}).get("link_state") == "streaming"]
        if s["state"] in ("loaded", "moving", "idle") and not streaming:
            problems.append(f"{user}: {s['state']} while none of {devs} streams")
        if s["state"] == "away" and streaming:
            problems.append(f"{user}: away while {streaming} stream")
    for i in range(model.contacts):
        d = device_id(i)
        p = devices.get(d)
        if p is None:
            problems.append(f"no retained devices/{d}")
        elif p["user_id"] != model.bound.get(d):
            problems.append(f"devices/{d} says user {p['user_id']}, bound to {model.bound.get(d)}")
    return problems


def run(args):
    rng = random.Random(args.seed)
    work = args.keep or tempfile.mkdtemp(prefix="r3-model-")
    os.makedirs(work, exist_ok=True)
    model = Model(args.contacts)
    room = Room(args.build, work, args.contacts, args.seed)
    obs = Observer(room.port, model)
    n = 0

    def command(verb, body, change=None):
        nonlocal n
        n += 1
        rid = f"m{n}"
        if change:
            model.expect(rid, change)
        body = dict(body, request_id=rid)
        obs.client.publish(f"r3/v1/{GW}/cmd/{verb}", json.dumps(body), qos=1)
        deadline = time.time() + 10
        while time.time() < deadline:
            with obs.lock:
                if rid in obs.replies:
                    return obs.replies[rid]
            time.sleep(0.005)
        raise RuntimeError(f"no reply to {verb} {body} in 10 s")

    def settled(step):
        deadline = time.time() + SETTLE_S
        while True:
            problems = retained_problems(model, obs.snapshot())
            if not problems:
                return True
            if time.time() > deadline:
                obs.violation(f"step {step}: retained state does not match the room after "
                              f"{SETTLE_S} s: " + "; ".join(problems[:5]))
                return False
            time.sleep(0.02)

    def name_of(i):  # every verb takes an address or a device id, in any case
        return rng.choice([device_id(i), address(i), address(i).lower(), device_id(i).upper()])

    def reps_of(user):
        with obs.lock:
            return obs.reps.get(user, 0)

    def regressions():
        """The two bugs of issue 10, step by step, on contact 1 (checked like every step)."""
        dev, addr = device_id(1), address(1)
        # Bound by address, unbound by device id: no rep of the contact goes to p-0042 after.
        command("bind", {"device_id": addr, "user_id": "p-0042"},
                lambda _: model.bound.__setitem__(dev, "p-0042"))
        wait_until(lambda: reps_of("p-0042") >= 1, 60, "a rep of p-0042")
        command("unbind", {"device_id": dev}, lambda _: model.bound.pop(dev, None))
        settled("unbind after a bind by address")
        # Rebound to p-0043: every rep goes to p-0043, the device says so, p-0042 is gone.
        command("bind", {"device_id": dev, "user_id": "p-0043"},
                lambda _: model.bound.__setitem__(dev, "p-0043"))
        wait_until(lambda: reps_of("p-0043") >= 2, 60, "reps of p-0043")
        settled("rebind")
        retained = obs.snapshot()
        if f"r3/v1/{GW}/users/p-0042/status" in retained:
            obs.violation("p-0042 keeps a retained status after losing its contact")

    counts = {}
    step = 0
    try:
        wait_until(lambda: any(p.get("link_state") == "streaming" for t, p in obs.snapshot().items()
                               if "/devices/" in t), 20, "a streaming contact")
        regressions()
        for step in range(args.steps):
            if not room.alive("gatewayd"):
                raise RuntimeError("r3-gatewayd died: see " + work + "/gatewayd.log")
            r = rng.random()
            i = rng.randrange(args.contacts)
            dev = device_id(i)
            if r < 0.15:
                kind, user = "bind", rng.choice(USERS)
                reply = command("bind", {"device_id": name_of(i), "user_id": user},
                                lambda _, d=dev, u=user: model.bound.__setitem__(d, u))
            elif r < 0.24:
                kind = "unbind"
                reply = command("unbind", {"device_id": name_of(i)},
                                lambda _, d=dev: model.bound.pop(d, None))
            elif r < 0.29:
                kind = "start_session"

                def started(rep):
                    model.session = rep["session_id"]
                reply = command("start_session", {"session_id": f"s{step}"}, started)
            elif r < 0.34:
                kind = "stop_session"

                def stopped(rep):
                    model.session = None
                reply = command("stop_session", {}, stopped)
            elif r < 0.36:
                kind, reply = "link_loss", None
                room.signal("sim", signal.SIGUSR1)  # a bluetoothd restart: every link drops
            elif r < 0.367:
                kind, reply = "restart", None
                room.stop("gatewayd")
                room.start_gateway()
            else:
                kind, reply = "wait", None  # reps happen between the changes
                time.sleep(rng.uniform(0.05, 0.3))
            counts[kind] = counts.get(kind, 0) + 1
            if reply is not None and kind in ("bind", "unbind") and not reply["ok"]:
                obs.violation(f"step {step}: {kind} refused: {reply}")
            settled(step)
            if obs.violations and not args.keep_going:
                break
    except RuntimeError as e:  # a process died, a reply or an awaited event never came
        obs.violation(f"step {step}: {e}")
    finally:
        obs.client.loop_stop()
        room.close()
    ok = not obs.violations
    print(f"room model test: seed {args.seed}, {step + 1} steps {counts}, "
          f"{obs.events} events checked: {'no violation' if ok else 'VIOLATIONS'}")
    for v in obs.violations:
        print("  " + v)
    if ok and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    elif not ok:
        print(f"  logs in {work}; replay with --seed {args.seed}")
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("build")
    ap.add_argument("--steps", type=int, default=int(os.environ.get("R3_MODEL_STEPS", "500")))
    ap.add_argument("--seed", type=int, action="append")
    ap.add_argument("--contacts", type=int, default=4)
    ap.add_argument("--keep", help="keep logs and state in this directory")
    ap.add_argument("--keep-going", action="store_true", help="do not stop at the first violation")
    args = ap.parse_args()
    seeds = args.seed or [1]
    ok = True
    for seed in seeds:
        args.seed = seed
        ok = run(args) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
