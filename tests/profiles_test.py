#!/usr/bin/env python3
"""Tests of the bundled reference data (profiles/*.json, profiles/sectors/):
every reported value and fact holds its number in its quote, read here
with Python's own number formatting (independently of cxbench's check);
every brand has a reported value on a catalog metric; at least 60 values
are reported; every sector profile covers the catalog, and each word of
its "industry" list picks it through `compare --against sector`; `profiles
sources` lists exactly the reported values and facts.

Usage (from the repository root): CXBENCH_DATA=. python3 tests/profiles_test.py ./cxbench
Prints one line per failure and ends with "profiles: N passed, N failed".
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

from checks import Checks

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


check = Checks(400)


def forms(v):
    """How a source may print the number: 85, 72.5, 1,254."""
    if float(v).is_integer():
        return [str(int(v)), "{:,}".format(int(v))]
    return [repr(float(v)), "{:g}".format(v)]


def holds(quote, v):
    return any(re.search(r"(?<!\d)(?<!\d\.)" + re.escape(f) + r"(?![\d]|[.,]\d)", quote)
               for f in forms(v))


def load(data):
    brands, sectors = {}, {}
    for path in sorted(glob.glob(os.path.join(data, "profiles", "*.json"))):
        if os.path.basename(path) != "catalog.json":
            p = json.load(open(path, encoding="utf-8"))
            brands[p["id"]] = p
    for path in sorted(glob.glob(os.path.join(data, "profiles", "sectors", "*.json"))):
        p = json.load(open(path, encoding="utf-8"))
        sectors[p["id"]] = p
    return brands, sectors


def check_values(pid, p):
    """The quote rule on every reported value and fact; returns the count."""
    n = 0
    for mid, v in p["metrics"].items():
        if v["basis"] != "reported":
            check("%s %s: modeled without a quote" % (pid, mid), "quote" not in v)
            continue
        n += 1
        q = v.get("quote", "")
        check("%s %s: source, method, year" % (pid, mid),
              all(v.get(k) for k in ("source", "method", "year")), v)
        check("%s %s: quote holds %s" % (pid, mid, v["value"]), holds(q, v["value"]), q)
        for k in ("p25", "p75"):
            if k in v:
                check("%s %s: quote holds %s %s" % (pid, mid, k, v[k]), holds(q, v[k]), q)
    for f in p.get("facts", []):
        check("%s fact %s: quote holds %s" % (pid, f["label"], f["value"]),
              holds(f.get("quote", ""), f["value"]), f.get("quote"))
    return n


def industry_picks(binary, sid, word, tmp):
    company = os.path.join(tmp, "c.json")
    with open(company, "w") as f:
        json.dump({"company": "C", "industry": word, "period": "2026-Q3",
                   "metrics": {"nps": 10}}, f)
    r = subprocess.run([binary, "compare", company, "--against", "sector", "--format",
                        "json"], capture_output=True, text=True)
    got = json.loads(r.stdout)["against"] if r.returncode == 0 else r.stderr
    check("industry '%s' picks %s" % (word, sid), got == [sid], got)


def main():
    binary = os.path.abspath(sys.argv[1])
    data = os.path.abspath(os.environ.get("CXBENCH_DATA") or REPO)
    catalog = {m["id"] for m in json.load(open(os.path.join(data, "profiles",
                                                             "catalog.json")))["metrics"]}
    brands, sectors = load(data)
    reported = facts = 0
    for pid, p in list(brands.items()) + list(sectors.items()):
        n = check_values(pid, p)
        reported += n
        facts += len(p.get("facts", []))
        if pid in brands:
            check("%s: at least one reported catalog value" % pid, n >= 1)
    check("at least 60 reported values (%d)" % reported, reported >= 60)
    check("at least 8 sector profiles (%d)" % len(sectors), len(sectors) >= 8)
    with tempfile.TemporaryDirectory() as tmp:
        for sid, p in sectors.items():
            check("%s: kind sector" % sid, p.get("kind") == "sector")
            check("%s: every catalog metric" % sid, set(p["metrics"]) == catalog,
                  catalog ^ set(p["metrics"]))
            for word in p["industry"]:
                industry_picks(binary, sid, word, tmp)
    r = subprocess.run([binary, "profiles", "sources", "--format", "json"],
                       capture_output=True, text=True)
    listed = json.loads(r.stdout) if r.returncode == 0 else []
    check("profiles sources: %d reported values" % reported,
          sum(1 for x in listed if "metric" in x) == reported)
    check("profiles sources: %d facts" % facts,
          sum(1 for x in listed if "fact" in x) == facts)
    check("profiles sources: every quote holds its number",
          all(holds(x["quote"], x["value"]) for x in listed if x["quote"]),
          [x for x in listed if x["quote"] and not holds(x["quote"], x["value"])][:2])
    return check.summary("profiles")


if __name__ == "__main__":
    sys.exit(main())
