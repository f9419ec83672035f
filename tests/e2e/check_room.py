#!/usr/bin/python3
"""Checks a captured run of the demo room against the simulator's ground truth.

  check_room.py CAPTURE TRUTH SCHEMA_DIR GATEWAY_ID

CAPTURE: "topic payload" lines (mosquitto_sub -v). TRUTH: r3-sim's JSON lines. Contact i
(address C0:FF:EE:00:00:0i) is bound to user-0(i+1) by scripts/demo. Passes when every payload
is valid against its schema and each user received exactly the reps the simulator played, all on
their own topic, from their own contact. Exit 0 on success, 1 with the reasons otherwise.
"""
import json
import pathlib
import sys
from collections import defaultdict

import jsonschema

SCHEMA_BY_KIND = {
    ("users", "rep"): "user-rep",
    ("users", "set"): "user-set",
    ("users", "hold"): "user-hold",
    ("users", "live"): "user-live",
    ("users", "status"): "user-status",
    ("devices", None): "device",
    ("sessions", None): "session",
    ("status", None): "gateway-status",
    ("reply", None): "reply",
}


def load_validators(schema_dir):
    store = {}
    for path in pathlib.Path(schema_dir).glob("*.schema.json"):
        schema = json.loads(path.read_text())
        store[schema["$id"]] = schema
        store[path.name] = schema
    validators = {}
    for name in set(SCHEMA_BY_KIND.values()):
        schema = store[name + ".schema.json"]
        resolver = jsonschema.RefResolver(schema["$id"], schema, store=store)
        cls = jsonschema.validators.validator_for(schema)
        validators[name] = cls(schema, resolver=resolver)
    return validators


def kind_of(parts):
    """r3/v1/<gw>/users/<user>/<kind> -> ("users", kind); devices/<id> -> ("devices", None)."""
    if len(parts) == 6 and parts[3] == "users":
        return ("users", parts[5])
    if len(parts) == 5 and parts[3] in ("devices", "sessions", "reply"):
        return (parts[3], None)
    if len(parts) == 4 and parts[3] == "status":
        return ("status", None)
    return None


def main(capture, truth, schema_dir, gateway):
    validators = load_validators(schema_dir)
    problems = []
    reps = defaultdict(dict)  # user -> seq -> payload (QoS 1 may deliver twice: seq tells)
    counted = defaultdict(int)
    for n, line in enumerate(open(capture, encoding="utf-8"), 1):
        topic, _, text = line.rstrip("\n").partition(" ")
        parts = topic.split("/")
        if parts[:3] != ["r3", "v1", gateway]:
            continue
        if len(parts) > 3 and parts[3] == "cmd":
            continue  # the test's own requests
        kind = kind_of(parts)
        if kind not in SCHEMA_BY_KIND:
            problems.append(f"line {n}: unexpected topic {topic}")
            continue
        try:
            payload = json.loads(text)
        except json.JSONDecodeError as e:
            problems.append(f"line {n}: {topic}: not JSON: {e}")
            continue
        for error in validators[SCHEMA_BY_KIND[kind]].iter_errors(payload):
            problems.append(f"line {n}: {topic}: {error.message} at {list(error.absolute_path)}")
        counted[SCHEMA_BY_KIND[kind]] += 1
        if kind == ("reply", None) and payload.get("ok") is not True:
            problems.append(f"line {n}: command refused: {text}")
        if kind == ("users", "rep"):
            user = parts[4]
            if payload.get("user_id") != user:
                problems.append(f"line {n}: rep on {topic} carries user_id {payload.get('user_id')}")
            reps[user][payload.get("seq", n)] = payload

    expected_total = 0
    for line in open(truth, encoding="utf-8"):
        contact = json.loads(line)
        if contact.get("type") != "contact":
            continue
        index = contact["index"]
        user = f"user-{index + 1:02d}"
        device = "r3-" + contact["address"].replace(":", "").lower()
        got = reps.get(user, {})
        expected_total += contact["reps"]
        print(f"{user} ({contact['address']}): {len(got)} reps received, {contact['reps']} played")
        if len(got) != contact["reps"]:
            problems.append(f"{user}: {len(got)} reps received, the simulator played {contact['reps']}")
        wrong = {p.get("device_id") for p in got.values()} - {device}
        if wrong:
            problems.append(f"{user}: reps from other contacts {sorted(map(str, wrong))}")
        indexes = sorted((p["set_index"], p["rep_index"]) for p in got.values())
        if len(set(indexes)) != len(indexes):
            problems.append(f"{user}: the same rep arrived under two sequence numbers")
    print("validated:", dict(sorted(counted.items())))
    if expected_total == 0:
        problems.append("the simulator played no reps: nothing was tested")
    for p in problems[:50]:
        print("FAIL:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
