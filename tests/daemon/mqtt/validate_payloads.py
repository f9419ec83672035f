#!/usr/bin/python3
"""Validates MQTT messages against docs/schemas (JSON Schema 2020-12).

usage: validate_payloads.py SCHEMA_DIR MESSAGES.jsonl [--require kind,kind,...]
Each line of MESSAGES.jsonl: {"topic": "...", "payload": "<the payload as a string>"}.
A line may instead be {"event": "<an event object as a string>"} (r3-analyze output): it is
validated against <its type>.schema.json (docs/events.md) and counted as kind "event-<type>".
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


def check_event(n, text, base, store, seen):
    try:
        doc = json.loads(text)
        kind = doc["type"]
    except (json.JSONDecodeError, KeyError, TypeError) as e:
        print(f"line {n}: not an event object: {e}")
        return 1
    if base + kind + ".schema.json" not in store:
        print(f"line {n}: unknown event type {kind!r}")
        return 1
    schema = {"$ref": base + kind + ".schema.json"}
    resolver = jsonschema.RefResolver(base, schema, store=store)
    problems = list(jsonschema.Draft202012Validator(schema, resolver=resolver).iter_errors(doc))
    for p in problems:
        print(f"line {n}: {kind} event: {p.message} at {list(p.absolute_path)}")
    seen["event-" + kind] = seen.get("event-" + kind, 0) + 1
    return len(problems)


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
        if "event" in msg:
            errors += check_event(n, msg["event"], base, store, seen)
            continue
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
