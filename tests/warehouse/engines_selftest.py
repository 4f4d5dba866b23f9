#!/usr/bin/env python3
"""Starts each warehouse engine (engines.py), loads a 10-row contacts CSV
written here (a few customers, empty cells, one quoted empty cell, columns
the file lacks), runs simple aggregates and checks them against the same
numbers computed in Python.  ClickHouse also: every customer's contacts sit
in one shard, both shards hold rows, the Distributed table sees them all
from either shard.

Usage: python3 tests/warehouse/engines_selftest.py [--keep] [ENGINE...]
(ENGINE: clickhouse, postgres, duckdb; all three by default).  Needs
`sh install-deps.sh` first.  One line per check, then
"warehouse-engines: N passed, N failed"; exit status 1 when a check failed.
"""

import csv
import io
import math
import os
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import engines  # noqa: E402

# row_no, contact_id, customer_id, channel, started_at, wait_seconds,
# abandoned, csat ("" = empty cell; channel of c07 is a quoted empty cell)
ROWS = [
    (1, "c01", "ann", "voice", "2025-01-03 09:00:00", "12", "0", "5"),
    (2, "c02", "bob", "chat", "2025-01-03 09:05:00", "", "0", "4"),
    (3, "c03", "ann", "voice", "2025-01-04T10:00:00Z", "30.5", "0", ""),
    (4, "c04", "cat", "email", "2025-02-01 08:00:00", "0", "1", ""),
    (5, "c05", "dan", "voice", "2025-02-02 12:00:00", "95", "0", "2"),
    (6, "c06", "bob", "voice", "2025-02-03 13:30:00", "7.25", "", "3"),
    (7, "c07", "", '""', "2025-03-01 00:00:00", "", "1", ""),
    (8, "c08", "cat", "chat", "2025-03-02 17:45:00", "41", "0", "5"),
    (9, "c09", "ann", "voice", "2025-03-30 23:59:59", "3", "0", "1"),
    (10, "c10", "eve", "voice", "2025-03-31T23:30:00-05:00", "", "0", "4"),
]
HEADER = ["row_no", "contact_id", "customer_id", "channel", "started_at",
          "wait_seconds", "abandoned", "csat"]

TABLE = "contacts"


def write_csv(path):
    with open(path, "w", newline="") as f:
        f.write(",".join(HEADER) + "\n")
        for row in ROWS:
            # written by hand: the quoted empty cell must stay quoted
            f.write(",".join(str(c) if c != '""' else '""' for c in row) + "\n")


def expected():
    waits = [float(r[5]) for r in ROWS if r[5] != ""]
    per_customer = {}
    for r in ROWS:
        key = r[2] or None
        per_customer[key] = per_customer.get(key, 0) + 1
    # ascending, NULL last (the default of all three engines)
    ordered = sorted((k, n) for k, n in per_customer.items() if k is not None)
    if None in per_customer:
        ordered.append((None, per_customer[None]))
    return {
        "count": len(ROWS),
        "wait_n": len(waits),
        "wait_avg": sum(waits) / len(waits),
        "channel_n": sum(1 for r in ROWS if r[3] not in ("", '""')),
        "abandoned_sum": sum(float(r[6]) for r in ROWS if r[6] != ""),
        "per_customer": ordered,
    }


def parse(text):
    """CSV with a header -> (header, rows); NULL (ClickHouse's \\N, an
    empty cell elsewhere) -> None."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    rows = [[None if c in ("", "\\N") else c for c in row] for row in reader]
    return header, rows


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
            print("ok   %s" % name)
        else:
            self.failed += 1
            print("FAIL %s%s" % (name, (": " + detail) if detail else ""))
        sys.stdout.flush()

    def error(self, name, err):
        self.failed += 1
        print("FAIL %s: %s" % (name, err))
        sys.stdout.flush()


def close(a, b):
    return a is not None and math.isclose(float(a), b, rel_tol=1e-12, abs_tol=1e-12)


def check_engine(checks, eng, csv_path, exp):
    n = eng.name
    eng.load_contacts(csv_path, TABLE, engines.CONTACT_COLUMNS)

    _, rows = parse(eng.query(
        "SELECT count(*) AS n, count(wait_seconds) AS wait_n, "
        "avg(wait_seconds) AS wait_avg, count(channel) AS channel_n, "
        "sum(abandoned) AS abandoned_sum, count(nps) AS nps_n "
        "FROM %s" % TABLE))
    count, wait_n, wait_avg, channel_n, abandoned_sum, nps_n = rows[0]
    checks.check("%s: count(*) = %d" % (n, exp["count"]),
                 count == str(exp["count"]), "got %s" % count)
    checks.check("%s: count(wait_seconds) = %d (empty cells are NULL)" % (n, exp["wait_n"]),
                 wait_n == str(exp["wait_n"]), "got %s" % wait_n)
    checks.check("%s: avg(wait_seconds) = %r (NULLs left out)" % (n, exp["wait_avg"]),
                 close(wait_avg, exp["wait_avg"]), "got %s" % wait_avg)
    checks.check("%s: count(channel) = %d (a quoted empty cell is NULL too)"
                 % (n, exp["channel_n"]), channel_n == str(exp["channel_n"]),
                 "got %s" % channel_n)
    checks.check("%s: sum(abandoned) = %g" % (n, exp["abandoned_sum"]),
                 close(abandoned_sum, exp["abandoned_sum"]), "got %s" % abandoned_sum)
    checks.check("%s: count(nps) = 0 (a column the file lacks is NULL)" % n,
                 nps_n == "0", "got %s" % nps_n)

    _, rows = parse(eng.query(
        "SELECT customer_id, count(*) AS n FROM %s GROUP BY customer_id "
        "ORDER BY customer_id" % TABLE))
    got = [(r[0], int(r[1])) for r in rows]
    checks.check("%s: count per customer %s" % (n, exp["per_customer"]),
                 got == exp["per_customer"], "got %s" % got)

    _, rows = parse(eng.query(
        "SELECT row_no, contact_id FROM %s ORDER BY row_no DESC LIMIT 3" % TABLE))
    got = [(int(float(r[0])), r[1]) for r in rows]
    checks.check("%s: ORDER BY row_no DESC keeps its order" % n,
                 got == [(10, "c10"), (9, "c09"), (8, "c08")], "got %s" % got)

    if isinstance(eng, engines.ClickHouseCluster):
        check_shards(checks, eng, exp)


def check_shards(checks, ch, exp):
    totals = dict(exp["per_customer"])
    per_shard = []
    for shard in range(ch.SHARDS):
        _, rows = parse(ch.query(
            "SELECT customer_id, count(*) AS n FROM %s_local GROUP BY customer_id "
            "ORDER BY customer_id" % TABLE, shard=shard))
        per_shard.append({r[0]: int(r[1]) for r in rows})
    seen = {}
    whole = True
    for shard, counts in enumerate(per_shard):
        for cust, k in counts.items():
            if cust in seen or k != totals.get(cust):
                whole = False
            seen[cust] = shard
    checks.check("clickhouse: each shard holds whole customers (%s)"
                 % "; ".join("shard %d: %s" % (i, ", ".join(sorted(map(str, c))))
                             for i, c in enumerate(per_shard)),
                 whole and set(seen) == set(totals), "per shard %s, totals %s"
                 % (per_shard, totals))
    checks.check("clickhouse: both shards hold rows (%s)"
                 % ", ".join(str(sum(c.values())) for c in per_shard),
                 all(per_shard) and sum(sum(c.values()) for c in per_shard) == exp["count"])
    for shard in range(ch.SHARDS):
        _, rows = parse(ch.query("SELECT count(*) FROM %s" % TABLE, shard=shard))
        checks.check("clickhouse: the Distributed table on shard %d sees all %d rows"
                     % (shard, exp["count"]), rows[0][0] == str(exp["count"]),
                     "got %s" % rows[0][0])


def main(argv):
    keep = "--keep" in argv
    names = [a for a in argv if a != "--keep"]
    wanted = [e for e in engines.ENGINES if not names or e.name in names]
    if not wanted or len(wanted) < len(set(names)):
        print("usage: engines_selftest.py [--keep] [clickhouse] [postgres] [duckdb]",
              file=sys.stderr)
        return 2

    def on_term(signum, frame):
        raise SystemExit("warehouse-engines: stopped by signal %d" % signum)
    signal.signal(signal.SIGTERM, on_term)

    tmp = tempfile.mkdtemp(prefix="cxwh.")
    checks = Checks()
    try:
        csv_path = os.path.join(tmp, "contacts.csv")
        write_csv(csv_path)
        exp = expected()
        for Engine in wanted:
            t0 = time.monotonic()
            try:
                with Engine(tmp) as eng:
                    checks.check("%s: started in %.1f s%s" % (
                        Engine.name, eng.start_seconds,
                        " (%s)" % eng.version if getattr(eng, "version", None) else ""), True)
                    check_engine(checks, eng, csv_path, exp)
            except engines.EngineError as e:
                checks.error(Engine.name, e)
            print("     %s: %.1f s in all, stopped" % (Engine.name, time.monotonic() - t0))
    finally:
        print("warehouse-engines: %d passed, %d failed" % (checks.passed, checks.failed))
        if keep or checks.failed:
            print("kept: %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 1 if checks.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
