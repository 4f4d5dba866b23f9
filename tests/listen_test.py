"""Checks `cxbench listen` against the hand-labelled conversations in
tests/listen/: the three input formats give the counts in expected.json;
each conversation alone shows exactly its `expected` signals (near-misses
and agent-only phrases must not count); example quotes are masked.
Usage: python3 tests/listen_test.py BINARY (from the repository root)."""
import json
import os
import re
import subprocess
import sys
import tempfile

BIN = os.path.abspath(sys.argv[1])
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "listen")
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL", what)


def listen(*args):
    out = subprocess.run([BIN, "listen", *args, "--format", "json"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return None, out.stderr
    return json.loads(out.stdout), out.stderr


expected = json.load(open(os.path.join(HERE, "expected.json")))
for source in ["conversations.jsonl", "conversations.csv", "texts"]:
    doc, err = listen(os.path.join(HERE, source))
    check(doc is not None, "%s runs (%s)" % (source, err.strip()))
    if doc is None:
        continue
    check(doc["conversations"] == expected["conversations"], source + " conversations")
    for sig, n in expected["signals"].items():
        check(doc["signals"][sig]["n"] == n, "%s %s: %s, expected %s"
              % (source, sig, doc["signals"][sig]["n"], n))
    for sig, s in doc["signals"].items():
        for q in s["examples"]:
            check(not re.search(r"\d[\d -]{2,}\d", q), "%s: digits masked in %r" % (sig, q))
            check("@" not in q, "%s: e-mail masked in %r" % (sig, q))
    langs = doc["languages"]
    check(langs == {"en": 12, "uk": 12, "ru": 12}, "%s languages %s" % (source, langs))

with tempfile.TemporaryDirectory() as tmp:
    for line in open(os.path.join(HERE, "conversations.jsonl"), encoding="utf-8"):
        conv = json.loads(line)
        path = os.path.join(tmp, conv["contact_id"] + ".jsonl")
        with open(path, "w", encoding="utf-8") as f:
            f.write(line)
        doc, err = listen(path)
        got = sorted(s for s, v in doc["signals"].items() if v["n"]) if doc else None
        check(got == sorted(conv["expected"]), "%s (%s): got %s, expected %s"
              % (conv["contact_id"], conv["lang"], got, sorted(conv["expected"])))
        doc, err = listen(path, "--lang", conv["lang"])
        got = sorted(s for s, v in doc["signals"].items() if v["n"]) if doc else None
        check(got == sorted(conv["expected"]), "%s with --lang %s: got %s"
              % (conv["contact_id"], conv["lang"], got))

    # the metrics form: compare can read it
    out = os.path.join(tmp, "signals.json")
    r = subprocess.run([BIN, "listen", os.path.join(HERE, "conversations.csv"),
                        "--company", "Listen Co", "--period", "2026-Q3", "-o", out],
                       capture_output=True, text=True)
    check(r.returncode == 0 and r.stdout == "", "listen -o: %s" % r.stderr.strip())
    doc = json.load(open(out))
    check(abs(doc["metrics"]["human_request_pct"]["value"] - 25.0) < 1e-9,
          "human_request_pct 9 of 36 = 25")
    r = subprocess.run([BIN, "compare", out, "--against", "frontier", "--format", "json"],
                       capture_output=True, text=True)
    check(r.returncode == 0, "compare reads listen's output: " + r.stderr.strip())

    # coverage and the silent dissatisfied, worked out here from the labels
    convs = [json.loads(l) for l in open(os.path.join(HERE, "conversations.jsonl"),
                                         encoding="utf-8")]
    friction = {c["customer_id"] for c in convs
                if set(c["expected"]) - {"praise"}}
    answered = sorted({c["customer_id"] for c in convs})[::3]
    contacts = os.path.join(tmp, "contacts.csv")
    with open(contacts, "w") as f:
        f.write("contact_id,customer_id,started_at\n")
        for i in range(72):
            f.write("k%d,x%d,2026-07-01T00:00:00Z\n" % (i, i))
    surveys = os.path.join(tmp, "surveys.csv")
    with open(surveys, "w") as f:
        f.write("customer_id,csat\n" + "".join("%s,4\n" % c for c in answered))
    r = subprocess.run([BIN, "listen", os.path.join(HERE, "conversations.csv"),
                        "--company", "Listen Co", "--period", "2026-Q3",
                        "--contacts", contacts, "--surveys", surveys, "--format", "json"],
                       capture_output=True, text=True)
    doc = json.loads(r.stdout)
    check(abs(doc["metrics"]["unsolicited_coverage_pct"]["value"] - 50.0) < 1e-9,
          "coverage 36 of 72 contacts = 50 %")
    silent = doc["silent_dissatisfied"]
    check(silent["customers_with_friction"] == len(friction),
          "customers with friction: %s, expected %s"
          % (silent["customers_with_friction"], len(friction)))
    check(silent["never_answered_a_survey"] == len(friction - set(answered)),
          "silent: %s, expected %s" % (silent["never_answered_a_survey"],
                                       len(friction - set(answered))))

print("listen: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
