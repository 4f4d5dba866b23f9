#!/usr/bin/env python3
"""`aggregate --emit-sql`, run for real: the same generated contacts (the
`make bench` generator, 200,000 rows by default, with a row-number column)
are aggregated by cxbench and loaded into each engine of
tests/warehouse/engines.py (a two-shard ClickHouse cluster, a throwaway
PostgreSQL on a Unix socket, DuckDB); the emitted query's rows must equal
aggregate's metrics: every metric, value to the printed four decimals
(rounded half away from zero, as aggregate rounds) and n exactly, the NPS
shares too; no metric more or less.  Variants: quarters, months, one
--period, another --sl-seconds and --repeat-days, and on ClickHouse the
query with and without --sharded-by-customer.  Then a real export's
shape: the Talkdesk Calls report fixture staged as text columns, read
through the built-in talkdesk-calls profile.

Usage: python3 tests/warehouse_test.py BINARY [ROWS]
An engine that cannot start is a failure (install-deps.sh installs them),
unless CXBENCH_WAREHOUSE_SKIP names it (a developer's machine only: CI
never sets it).
"""

import csv
import io
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "warehouse"))
import engines  # noqa: E402

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL %s: %s" % (name, detail))
    return ok


def round4(v):
    """As aggregate prints: four decimals, half away from zero."""
    return math.copysign(math.floor(abs(v) * 1e4 + 0.5), v) / 1e4


def generate(work, rows):
    gen = os.path.join(work, "gen-contacts")
    subprocess.run(["cc", "-O2", "-o", gen, os.path.join(HERE, "perf", "gen-contacts.c")],
                   check=True)
    plain = os.path.join(work, "contacts.csv")
    with open(plain, "w") as f:
        subprocess.run([gen, str(rows)], stdout=f, check=True)
    numbered = os.path.join(work, "numbered.csv")
    with open(plain, newline="") as src, open(numbered, "w", newline="") as dst:
        w = csv.writer(dst, lineterminator="\n")
        for i, row in enumerate(csv.reader(src)):
            w.writerow((["row_no"] if i == 0 else [str(i)]) + row)
    return plain, numbered


def expected(binary, contacts, args):
    out = subprocess.run([binary, "aggregate", contacts, "--company", "Acme"] + args,
                         capture_output=True, text=True)
    if not check("aggregate %s" % " ".join(args), out.returncode == 0, out.stderr):
        return None
    want = {}
    for p in json.loads(out.stdout)["periods"]:
        for m, v in p["metrics"].items():
            want[(p["period"], m)] = v
    return want


def emitted(binary, dialect, args):
    out = subprocess.run([binary, "aggregate", "--emit-sql", dialect, "--table", "contacts",
                          "--order-by", "row_no", "--company", "Acme"] + args,
                         capture_output=True, text=True)
    check("emit %s %s" % (dialect, " ".join(args)), out.returncode == 0, out.stderr)
    return out.stdout


def got_rows(text):
    rows = list(csv.DictReader(io.StringIO(text)))
    got = {}
    for r in rows:
        got[(r["period"], r["metric"])] = r
    return rows, got


def compare(tag, want, text):
    rows, got = got_rows(text)
    check(tag + ": the header", rows == [] or list(rows[0].keys()) == [
        "company", "period", "metric", "value", "n", "promoters_pct", "detractors_pct"],
        list(rows[0].keys()) if rows else None)
    check(tag + ": one row a metric", len(rows) == len(got), len(rows))
    check(tag + ": the same metrics", set(got) == set(want),
          (sorted(set(want) - set(got))[:5], sorted(set(got) - set(want))[:5]))
    for key in sorted(set(got) & set(want)):
        g, w = got[key], want[key]
        check("%s %s: company" % (tag, key), g["company"] == "Acme", g["company"])
        check("%s %s: n" % (tag, key), g["n"] != "" and float(g["n"]) == w["n"],
              (g["n"], w["n"]))
        check("%s %s: value" % (tag, key), round4(float(g["value"])) == w["value"],
              (g["value"], w["value"]))
        for share in ("promoters_pct", "detractors_pct"):
            if share in w:
                check("%s %s: %s" % (tag, key, share),
                      g[share] != "" and round4(float(g[share])) == w[share],
                      (g[share], w[share]))
            else:
                check("%s %s: no %s" % (tag, key, share), g[share] == "", g[share])
    order = [(r["period"], r["metric"]) for r in rows]
    check(tag + ": periods in order", [p for p, _ in order] == sorted(p for p, _ in order),
          order[:3])


VARIANTS = [
    ("quarters", []),
    ("months", ["--by", "month"]),
    ("one period", ["--period", "2026-Q1"]),
    ("sl 30, repeat 3 days", ["--sl-seconds", "30", "--repeat-days", "3"]),
]

TYPES = dict(engines.CONTACT_COLUMNS, started_at="datetime")

# A text export read through an import profile: other column names (one
# with a quote), flags as words through a value map, waits in ms, "N/A"
# for a missing hold, and outbound calls that a skip rule takes out.
PROFILE = {
    "id": "warehouse-test-calls", "name": "an export with its own names",
    "kind": "contacts", "match": ["call_id"], "missing": ["N/A"],
    "skip": {"direction": ["Outbound"]},
    "fields": {
        "contact_id": "call_id", "customer_id": "caller_no",
        "started_at": "started", "wait_seconds": {"column": "queue_ms", "duration": "ms"},
        "hold_seconds": "hold", "transfers": "xfers",
        "abandoned": {"column": "outcome", "values": {"Hung up": True, "Served": False}},
        "resolved": {"column": "solved", "values": {"Y": True, "N": False}},
        "ai_handled": "ai", "escalated": "esc",
        "human_wait_seconds": "human_wait", "csat": "score_csat", "nps": "score_nps",
        "ces": "score_ces"}}
EXPORT_TYPES = {
    "row_no": "number", "direction": "string", "call_id": "string", "caller_no": "string",
    "started": "datetime", "queue_ms": "number", "hold": "string", "xfers": "number",
    "outcome": "string", "solved": "string", "ai": "number", "esc": "number",
    "human_wait": "number", "score_csat": "number", "score_nps": "number",
    "score_ces": "number"}


def export_shaped(work, numbered):
    """The numbered contacts as such an export, every 17th row an
    outbound call (skipped), every 13th hold "N/A"."""
    path = os.path.join(work, "export.csv")
    with open(numbered, newline="") as src, open(path, "w", newline="") as dst:
        rd = csv.DictReader(src)
        w = csv.writer(dst, lineterminator="\n")
        w.writerow(list(EXPORT_TYPES))
        for r in rd:
            i = int(r["row_no"])
            wait = r["wait_seconds"]
            w.writerow([
                i, "Outbound" if i % 17 == 0 else " inbound", r["contact_id"], r["customer_id"],
                r["started_at"], str(int(float(wait) * 1000)) if wait else "",
                "N/A" if i % 13 == 0 else r["hold_seconds"], r["transfers"],
                {"1": " hung UP", "0": "Served"}.get(r["abandoned"], ""),
                {"1": "y", "0": "N"}.get(r["resolved"], ""), r["ai_handled"],
                r["escalated"], r["human_wait_seconds"], r["csat"], r["nps"], r["ces"]])
    prof = os.path.join(work, "calls-profile.json")
    with open(prof, "w") as f:
        json.dump(PROFILE, f)
    return path, prof


def hostile_name(eng, binary, want):
    """A table whose name is an attack stays a name: the query reads it,
    and the table it names in its text is still there."""
    bad = 'contacts"; DROP TABLE contacts; --'
    eng.execute('CREATE TABLE "contacts""; DROP TABLE contacts; --" AS SELECT * FROM contacts')
    out = subprocess.run([binary, "aggregate", "--emit-sql", eng.name, "--table", bad,
                          "--order-by", "row_no", "--company", "Acme"],
                         capture_output=True, text=True)
    compare("%s hostile table name" % eng.name, want, eng.query(out.stdout))
    left = eng.query("SELECT count(*) AS n FROM contacts")
    check("%s: contacts still there" % eng.name, left.split()[-1] != "0", left)


def load_and_compare(cls, eng, binary, path, types, shard_column, prof, want,
                     emitted, compared):
    """Loads PATH as table calls (types in the engine's words; ClickHouse
    sharded by SHARD_COLUMN), emits the query of import profile PROF and
    compares what the engine returns with WANT."""
    if cls.name == "clickhouse":
        eng.load_contacts(path, "calls", types,
                          sharding_key="cityHash64(ifNull(%s, ''))" % shard_column)
    else:
        eng.load_contacts(path, "calls", types)
    out = subprocess.run([binary, "aggregate", "--emit-sql", cls.name, "--table", "calls",
                          "--import", prof, "--order-by", "row_no", "--company", "Acme"],
                         capture_output=True, text=True)
    if not check("%s: emitted" % emitted, out.returncode == 0, out.stderr):
        return
    try:
        compare(compared, want, eng.query(out.stdout))
    except engines.EngineError as e:
        check("%s: the query runs" % compared, False, str(e)[-2000:])


def through_profile(cls, eng, binary, export, prof, want):
    types = {k: engines.KINDS[cls.name].get(v, v) for k, v in EXPORT_TYPES.items()}
    load_and_compare(cls, eng, binary, export, types, "toString(caller_no)", prof, want,
                     "%s profile" % cls.name, "%s through a profile" % cls.name)


TALKDESK = os.path.join(HERE, "imports", "talkdesk-calls", "export.csv")


def talkdesk_staged(work):
    """The Talkdesk Calls report fixture (the documented export's field
    set) as a warehouse would stage it: every column text, as the CSV
    wrote it ("null", "true", "inbound"...), start_at a timestamp, and a
    row number."""
    path = os.path.join(work, "talkdesk.csv")
    with open(TALKDESK, newline="") as src, open(path, "w", newline="") as dst:
        w = csv.writer(dst, lineterminator="\n")
        for i, row in enumerate(csv.reader(src)):
            w.writerow((["row_no"] if i == 0 else [str(i)]) + row)
    return path


def talkdesk(cls, eng, binary, want, path):
    """--import talkdesk-calls over the staged report: its value maps
    (type, is_transfer), "null" markers and skip rule, in SQL, give what
    aggregate gives on the CSV."""
    with open(path, newline="") as f:
        types = {h: "string" for h in next(csv.reader(f))}
    types.update(row_no="number", start_at="datetime")
    types = {k: engines.KINDS[cls.name].get(v, v) for k, v in types.items()}
    load_and_compare(cls, eng, binary, path, types, "contact_phone_number", "talkdesk-calls",
                     want, "%s talkdesk" % cls.name, "%s talkdesk report" % cls.name)


def run_engine(cls, binary, numbered, wants, work):
    skip = os.environ.get("CXBENCH_WAREHOUSE_SKIP", "").split(",")
    if cls.name in skip:
        print("warehouse: %s skipped (CXBENCH_WAREHOUSE_SKIP)" % cls.name)
        return
    try:
        with cls(work) as eng:
            eng.load_contacts(numbered, "contacts", TYPES)
            for tag, args in VARIANTS:
                extra = [[]]
                if cls.name == "clickhouse":
                    extra = [[], ["--sharded-by-customer"]]
                for more in extra:
                    sql = emitted(binary, cls.name, args + more)
                    name = "%s %s%s" % (cls.name, tag, " sharded" if more else "")
                    try:
                        text = eng.query(sql)
                    except engines.EngineError as e:
                        check(name + ": the query runs", False, str(e)[-2000:])
                        continue
                    compare(name, wants[tag], text)
            if cls.name == "postgres":
                hostile_name(eng, binary, wants["quarters"])
            if cls.name != "duckdb":  # one table a DuckDB run
                through_profile(cls, eng, binary, wants["export"], wants["profile"],
                                wants["through profile"])
            talkdesk(cls, eng, binary, wants["talkdesk"], wants["talkdesk csv"])
    except engines.EngineError as e:
        check("%s starts" % cls.name, False, str(e)[-2000:])


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    binary = os.path.abspath(sys.argv[1])
    rows = int(sys.argv[2]) if len(sys.argv) == 3 else 200000
    work = tempfile.mkdtemp(prefix="cxbench-warehouse.")
    plain, numbered = generate(work, rows)
    wants = {tag: expected(binary, plain, args) for tag, args in VARIANTS}
    export, prof = export_shaped(work, numbered)
    wants["export"], wants["profile"] = export, prof
    wants["through profile"] = expected(binary, export, ["--import", prof])
    wants["talkdesk"] = expected(binary, TALKDESK, ["--import", "talkdesk-calls"])
    wants["talkdesk csv"] = talkdesk_staged(work)
    for cls in engines.ENGINES:
        run_engine(cls, binary, numbered, wants, work)
    print("warehouse: %d passed, %d failed" % (passed, failed))
    if failed:
        print("kept: " + work)
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
