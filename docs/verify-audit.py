#!/usr/bin/env python3
"""Checks Sked.Workflows audit exports without the database (docs/audit.md, "Checking an export").

    python3 verify-audit.py --key BASE64_KEY evidence-12345678901234.zip
    python3 verify-audit.py --key BASE64_KEY sked-audit-events.csv

The key is the chain key (Audit:ChainKey), given to the inspector by the company; SKED_AUDIT_KEY in
the environment may hold it instead of --key. For an evidence pack, the key's SHA-256 must equal the
pack's published fingerprint. Every exported event's hash is recomputed from its fields and the
previous event's hash:

    hash(n) = HMAC-SHA256(key, hash(n-1) || canonical(event n))

and consecutive events must chain (an event's "previous hash" is the hash of the event before it on
its lane). The log is several chains ("lanes", docs/adr/0007): lane n numbers its events from
(n - 1) * 10^12 + 1, and each lane's first event links on the genesis hash.
Exit code 0: every link holds; 1: something does not (each failure is printed); 2: bad input.
Python 3 standard library only.
"""

import argparse
import base64
import csv
import hashlib
import hmac
import io
import json
import os
import struct
import sys
import uuid
import zipfile

FORMAT_VERSION = 1
GENESIS = "00" * 32


def text(value):
    if value is None:
        return struct.pack(">i", -1)
    data = value.encode("utf-8")
    return struct.pack(">i", len(data)) + data


def ident(value):
    return b"\x00" if value is None else b"\x01" + uuid.UUID(value).bytes


def number(value):
    return b"\x00" if value is None else b"\x01" + struct.pack(">i", int(value))


def canonical(event):
    """The documented canonical bytes of one event (docs/audit.md, "The chain")."""
    return (bytes([FORMAT_VERSION]) + struct.pack(">q", event["seq"]) + struct.pack(">q", event["at_microseconds"])
            + text(event["type"]) + text(event["actor"]) + ident(event["case_id"]) + text(event["tracking_code"])
            + ident(event["instance_id"]) + text(event["definition_id"]) + number(event["definition_version"])
            + text(event["data"]) + text(event["client_address"]))


def link(key, previous_hex, event):
    return hmac.new(key, bytes.fromhex(previous_hex) + canonical(event), hashlib.sha256).hexdigest()


def from_pack(path, key):
    """Events of an evidence pack, with their previous hashes from chain-proof.json."""
    with zipfile.ZipFile(path) as pack:
        events = json.loads(pack.read("events.json"))
        proof = json.loads(pack.read("chain-proof.json"))
    problems = []
    if hashlib.sha256(key).hexdigest() != proof["keyFingerprint"]:
        problems.append("the key is not the one that sealed this pack (its SHA-256 differs from keyFingerprint)")
    previous = {entry["seq"]: entry["previousHash"] for entry in proof["links"]}
    proven = {entry["seq"]: entry["hash"] for entry in proof["links"]}
    rows = []
    for e in events:
        rows.append({
            "seq": e["seq"], "at_microseconds": e["atMicroseconds"], "type": e["type"], "actor": e["actor"],
            "case_id": e["caseId"], "tracking_code": e["trackingCode"], "instance_id": e["instanceId"],
            "definition_id": e["definitionId"], "definition_version": e["definitionVersion"], "data": e["dataText"],
            "client_address": e["clientAddress"], "hash": e["hash"], "previous_hash": previous.get(e["seq"]),
        })
        if proven.get(e["seq"]) != e["hash"]:
            problems.append(f"seq {e['seq']}: events.json and chain-proof.json give different hashes")
    return rows, problems


def unguard(value):
    # The CSV export puts an apostrophe before a field a spreadsheet would run as a formula.
    return value[1:] if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r" else value


def from_csv(path):
    """Events of an events.csv export; an empty field is "none" (the app writes no empty text)."""
    with open(path, encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        rows = []
        for r in reader:
            r = {k: (unguard(v) if v != "" else None) for k, v in r.items()}
            rows.append({
                "seq": int(r["seq"]), "at_microseconds": int(r["at_microseconds"]), "type": r["type"], "actor": r["actor"],
                "case_id": r["case_id"], "tracking_code": r["tracking_code"], "instance_id": r["instance_id"],
                "definition_id": r["definition_id"], "definition_version": r["definition_version"], "data": r["data"],
                "client_address": r["client_address"], "hash": r["hash"], "previous_hash": r["previous_hash"],
            })
    return rows, []


# Each lane's events are numbered in a range of its own: lane n from (n - 1) * LANE_WIDTH + 1.
LANE_WIDTH = 10**12


def verify(rows, key):
    problems = []
    by_seq = {}
    for row in sorted(rows, key=lambda r: r["seq"]):
        if (row["seq"] - 1) % LANE_WIDTH == 0 and row["previous_hash"] != GENESIS:
            problems.append(f"seq {row['seq']}: the first of its lane, but its previous hash is not the genesis (32 zero bytes)")
        if row["previous_hash"] is None:
            problems.append(f"seq {row['seq']}: no previous hash exported")
            continue
        if row["seq"] - 1 in by_seq and by_seq[row["seq"] - 1] != row["previous_hash"]:
            problems.append(f"seq {row['seq']}: its previous hash is not the hash of seq {row['seq'] - 1}")
        if link(key, row["previous_hash"], row) != row["hash"]:
            problems.append(f"seq {row['seq']}: the hash does not match its fields (changed, forged, or another key)")
        by_seq[row["seq"]] = row["hash"]
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("export", help="an evidence pack (.zip) or an events export (.csv)")
    parser.add_argument("--key", default=os.environ.get("SKED_AUDIT_KEY"), help="the chain key, base64")
    arguments = parser.parse_args()
    if not arguments.key:
        print("no key: pass --key or set SKED_AUDIT_KEY", file=sys.stderr)
        return 2
    try:
        key = base64.b64decode(arguments.key, validate=True)
        rows, problems = from_pack(arguments.export, key) if arguments.export.endswith(".zip") else from_csv(arguments.export)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        print(f"cannot read {arguments.export}: {error}", file=sys.stderr)
        return 2
    problems += verify(rows, key)
    for problem in problems:
        print(problem)
    print(f"{len(rows)} events checked: " + ("every link holds" if not problems else f"{len(problems)} problem(s)"))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
