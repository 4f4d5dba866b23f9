"""Compares `cxbench aggregate` output (JSON) with the SQL's (CSV rows from
tests/perf/contacts.sql), metric by metric, as printed to 4 decimals.
Usage: agree.py OURS.json SQL.csv; prints the comparisons and mismatches."""
import csv
import json
import sys

ORDER = ["asa_seconds", "service_level_pct", "abandonment_pct", "hold_seconds",
         "transfers_per_contact", "repeat_contact_pct", "fcr_pct",
         "ai_resolution_pct", "csat_pct", "nps", "ces", "time_to_human_seconds"]

ours = {p["period"]: p["metrics"] for p in json.load(open(sys.argv[1]))["periods"]}
same = differ = 0
for row in csv.reader(open(sys.argv[2])):
    q, cells = row[0], row[1:]
    for i, metric in enumerate(ORDER):
        want_v, want_n = "%.4f" % float(cells[2 * i]), int(cells[2 * i + 1])
        m = ours.get(q, {}).get(metric)
        got_v = "%.4f" % m["value"] if m else "missing"
        got_n = m["n"] if m else 0
        if got_v == want_v and got_n == want_n:
            same += 1
        else:
            differ += 1
            print("  differs: %s %s: cxbench %s (n %s), SQL %s (n %s)"
                  % (q, metric, got_v, got_n, want_v, want_n))
print("%d of %d values agree with the SQL to the last printed digit"
      % (same, same + differ))
sys.exit(1 if differ or not same else 0)
