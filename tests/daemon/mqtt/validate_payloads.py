#!/usr/bin/python3
"""Validates MQTT messages against docs/schemas (JSON Schema 2020-12).

usage: validate_payloads.py SCHEMA_DIR MESSAGES.jsonl [--require kind,kind,...]
Each line of MESSAGES.jsonl: {"topic": "...", "payload": "<the payload as a string>"}.
Every message must match the schema of its topic (an unknown topic is an error), and the ids in
the topic must equal those in the payload. Exit 0 only if all pass and every required kind was
seen at least once.
"""
import json
import re
import sys
from pathlib import Path

import jsonschema

ROUTES = [  # topic pattern under r3/v1/<gw>/ -> (kind, schema file, fragment)
    (r"status", "status", "gateway-status.schema.json", ""),
    (r"devices/(?P<device_id>[^/]+)", "device", "device.schema.json", ""),
    (r"users/(?P<user_id>[^/]+)/rep", "rep", "user-rep.schema.json", ""),
    (r"users/(?P<user_id>[^/]+)/hold", "hold", "user-hold.schema.json", ""),
    (r"users/(?P<user_id>[^/]+)/set", "set", "user-set.schema.json", ""),
    (r"users/(?P<user_id>[^/]+)/live", "live", "user-live.schema.json", ""),
    (r"users/(?P<user_id>[^/]+)/status", "user-status", "user-status.schema.json", ""),
    (r"sessions/(?P<session_id>[^/]+)", "session", "session.schema.json", ""),
    (r"reply/(?P<request_id>[^/]+)", "reply", "reply.schema.json", ""),
    (r"cmd/(?P<verb>[^/]+)", "command", "commands.schema.json", "#/$defs/{verb}"),
]


def main():
    schema_dir = Path(sys.argv[1])
    lines = Path(sys.argv[2]).read_text().splitlines()
    required = set()
    if len(sys.argv) > 4 and sys.argv[3] == "--require":
        required = set(sys.argv[4].split(","))
    store = {}
    for f in schema_dir.glob("*.schema.json"):
        s = json.loads(f.read_text())
        jsonschema.Draft202012Validator.check_schema(s)
        store[s["$id"]] = s
    base = next(iter(store)).rsplit("/", 1)[0] + "/"
    seen, errors = {}, 0
    for n, line in enumerate(lines, 1):
        msg = json.loads(line)
        topic, payload = msg["topic"], msg["payload"]
        m = re.fullmatch(r"r3/v1/(?P<gateway_id>[^/]+)/(?P<rest>.+)", topic)
        route = None
        if m:
            for pattern, kind, schema_file, fragment in ROUTES:
                r = re.fullmatch(pattern, m["rest"])
                if r:
                    route = (kind, schema_file, fragment.format(**r.groupdict()), r.groupdict())
                    break
        if route is None:
            print(f"line {n}: topic {topic} is not in the API")
            errors += 1
            continue
        kind, schema_file, fragment, topic_ids = route
        try:
            doc = json.loads(payload)
        except json.JSONDecodeError as e:
            print(f"line {n}: {topic}: payload is not JSON: {e}")
            errors += 1
            continue
        schema = {"$ref": base + schema_file + fragment}
        resolver = jsonschema.RefResolver(base, schema, store=store)
        validator = jsonschema.Draft202012Validator(
            schema, resolver=resolver, format_checker=jsonschema.FormatChecker())
        problems = sorted(validator.iter_errors(doc), key=str)
        for p in problems:
            print(f"line {n}: {topic}: {p.message} at {list(p.absolute_path)}")
        errors += len(problems)
        if kind != "command":
            ids = dict(topic_ids, gateway_id=m["gateway_id"])
            for key, value in ids.items():
                if key in doc and doc[key] != value and not (key == "request_id" and value == "_invalid"):
                    print(f"line {n}: {topic}: topic says {key}={value}, payload {doc[key]}")
                    errors += 1
        seen[kind] = seen.get(kind, 0) + 1
    missing = required - set(seen)
    if missing:
        print("never seen:", ", ".join(sorted(missing)))
        errors += 1
    print(f"validated {len(lines)} messages {dict(sorted(seen.items()))}: {errors} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
