#!/usr/bin/env python3
"""make bench: the query of `aggregate --emit-sql` on the 10-million-row
file (ROWS), loaded into the two-shard ClickHouse cluster and into DuckDB
(tests/warehouse/engines.py), beside `cxbench aggregate` on the CSV;
wall times, and whether the metrics agree to the last printed digit.
DuckDB's harness loads the CSV for each query, so its line shows the load
alone (count(*)) and the load with the query; their difference is the
query.

Usage: python3 tests/perf/bench-warehouse.py BINARY CONTACTS.csv
"""

import csv
import io
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "warehouse"))
sys.path.insert(0, os.path.join(HERE, ".."))
import engines  # noqa: E402
from warehouse_test import round4  # noqa: E402


def timed(fn):
    t0 = time.monotonic()
    out = fn()
    return out, time.monotonic() - t0


def agree(doc, text):
    want = {(p["period"], m): v for p in doc["periods"] for m, v in p["metrics"].items()}
    got = {(r["period"], r["metric"]): r for r in csv.DictReader(io.StringIO(text))}
    return set(got) == set(want) and all(
        float(got[k]["n"]) == want[k]["n"] and round4(float(got[k]["value"])) == want[k]["value"]
        for k in want)


def main():
    binary, contacts = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    work = tempfile.mkdtemp(prefix="cxbench-bench-warehouse.")
    numbered = os.path.join(work, "numbered.csv")
    with open(contacts, newline="") as src, open(numbered, "w", newline="") as dst:
        for i, line in enumerate(src):
            dst.write(("row_no," if i == 0 else "%d," % i) + line)
    out, t_agg = timed(lambda: subprocess.run(
        [binary, "aggregate", contacts, "--company", "Acme"], capture_output=True,
        text=True, check=True).stdout)
    doc = json.loads(out)
    print("%-44s %8.2f s" % ("cxbench aggregate (the CSV)", t_agg))
    types = dict(engines.CONTACT_COLUMNS, started_at="datetime")

    def emit(dialect, *more):
        return subprocess.run([binary, "aggregate", "--emit-sql", dialect, "--table",
                               "contacts", "--order-by", "row_no", "--company", "Acme"]
                              + list(more), capture_output=True, text=True, check=True).stdout

    with engines.ClickHouseCluster(work) as ch:
        _, t_load = timed(lambda: ch.load_contacts(numbered, "contacts", types))
        print("%-44s %8.2f s" % ("clickhouse, 2 shards: loading", t_load))
        for more in ([], ["--sharded-by-customer"]):
            sql = emit("clickhouse", *more)
            text, t = timed(lambda: ch.query(sql))
            print("%-44s %8.2f s  agrees: %s" % (
                "clickhouse, 2 shards: the query" + (" (sharded)" if more else ""), t,
                "yes" if agree(doc, text) else "NO"))
    dk = engines.DuckDB(work)
    with dk:
        dk.load_contacts(numbered, "contacts", types)
        _, t_load = timed(lambda: dk.query("SELECT count(*) AS n FROM contacts"))
        sql = emit("duckdb")
        text, t = timed(lambda: dk.query(sql))
        print("%-44s %8.2f s" % ("duckdb: loading (count(*))", t_load))
        print("%-44s %8.2f s  agrees: %s" % ("duckdb: loading and the query", t,
                                             "yes" if agree(doc, text) else "NO"))


if __name__ == "__main__":
    sys.exit(main())
