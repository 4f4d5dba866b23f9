#!/usr/bin/env python3
"""Every built-in import profile against its fixture: tests/imports/ID/
holds export.csv (or export.jsonl, JSON Lines, when the platform exports
those), shaped like the platform's real export as its documentation
describes it, and expected.json, the metrics worked out by
hand from DESIGN.md's definitions (its "working" shows how).  Each fixture
is aggregated twice: with --import ID, and with no --import (the profile
must then be found by the header, and stderr must say so).  Every metric
and only those metrics must come out, each value within 0.0001 and each n
exact; the rows the profile's skip rules took out must add up.

Usage: CXBENCH_DATA=. python3 tests/imports_test.py ./cxbench
Ends with "imports: N passed, N failed"."""
import glob
import json
import os
import subprocess
import sys

from checks import Checks

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


check = Checks()


def run(binary, args):
    env = dict(os.environ, CXBENCH_DATA=REPO, LC_ALL="C")
    return subprocess.run([binary, "aggregate"] + args, capture_output=True,
                          text=True, env=env)


def compare(tag, out, expected, kind):
    doc = json.loads(out)
    got = {p["period"]: p["metrics"] for p in doc["periods"]}
    check(tag + ": periods", sorted(got) == sorted(expected["periods"]),
          (sorted(got), sorted(expected["periods"])))
    for period, metrics in expected["periods"].items():
        have = got.get(period, {})
        check("%s: %s metrics" % (tag, period), sorted(have) == sorted(metrics),
              (sorted(have), sorted(metrics)))
        for m, (value, n) in metrics.items():
            if m not in have:
                continue
            check("%s: %s %s value" % (tag, period, m),
                  abs(have[m]["value"] - value) <= 1e-4, (have[m]["value"], value))
            check("%s: %s %s n" % (tag, period, m), have[m]["n"] == n,
                  (have[m]["n"], n))
    imp = doc["source"].get(kind + "_import", {})
    skipped = sum(imp.get("rows_skipped_by_profile", {}).values())
    check(tag + ": rows skipped by the profile",
          skipped == expected.get("rows_skipped_by_profile", 0),
          (skipped, expected.get("rows_skipped_by_profile", 0)))


def main():
    binary = os.path.abspath(sys.argv[1])
    for d in sorted(glob.glob(os.path.join(REPO, "tests", "imports", "*", ""))):
        pid = os.path.basename(os.path.dirname(d))
        with open(os.path.join(REPO, "profiles", "imports", pid + ".json")) as f:
            kind = json.load(f)["kind"]
        with open(os.path.join(d, "expected.json")) as f:
            expected = json.load(f)
        export = os.path.join(d, "export.csv")
        if not os.path.exists(export):
            export = os.path.join(d, "export.jsonl")
        files = ["--surveys", export] if kind == "surveys" else [export]
        extra = expected.get("args", [])
        r = run(binary, files + ["--import", pid] + extra)
        if check(pid + ": --import runs", r.returncode == 0, r.stderr.strip()):
            compare(pid + " --import", r.stdout, expected, kind)
        r2 = run(binary, files + extra)
        if check(pid + ": found by its header", r2.returncode == 0, r2.stderr.strip()):
            check(pid + ": the same output", r2.stdout == r.stdout)
            check(pid + ": stderr names the profile",
                  "read with the import profile '%s'" % pid in r2.stderr, r2.stderr)
    return check.summary("imports")


if __name__ == "__main__":
    sys.exit(main())
