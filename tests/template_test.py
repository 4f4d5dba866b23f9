#!/usr/bin/env python3
"""`cxbench template` round trips: templates written as CSV and as JSON
(the whole catalog, and one dimension) are filled in here, some rows with
known values and the rest left empty, then read back by `validate` and
`compare --format json`: every filled value (and n) must come back
exactly, and the rows left empty must be absent (listed as not compared,
never as a value).  A full template has one row per metric of `cxbench
metrics --format json`, with that metric's name, unit, direction,
definition and `measured` beside it.  A bad value filled in (text, a
percentage over 100, n without a value) is refused with the usual
one-line message naming the file and the line (CSV) or the JSON path; a
template with nothing filled in is refused; -o never writes over a file.

Usage: CXBENCH_DATA=. python3 tests/template_test.py ./cxbench
Ends with "template: N passed, N failed"."""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

from checks import Checks

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADER = ["company", "period", "metric", "value", "n", "name", "unit", "direction",
          "definition", "measured"]
# What a person fills in: metric -> (value, n or None)
FILLED = {
    "asa_seconds": (153, None),
    "fcr_pct": (71.25, 640),
    "nps": (14, 1800),
    "csat_pct": (81.5, 900),
    "ces": (5.6, None),
    "agent_attrition_pct": (35, None),
}
ONE_DIMENSION = "outcome"

check = Checks()


def run(binary, args, cwd):
    env = dict(os.environ, CXBENCH_DATA=REPO, LC_ALL="C", NO_COLOR="1")
    return subprocess.run([binary] + args, capture_output=True, text=True, env=env,
                          cwd=cwd)


def catalog(binary, tmp):
    r = run(binary, ["metrics", "--format", "json"], tmp)
    if not check("metrics --format json", r.returncode == 0, r.stderr):
        sys.exit(check.summary("template"))
    doc = json.loads(r.stdout)
    return doc["metrics"], {d["id"] for d in doc["dimensions"]}


def direction(m):
    return m["direction"] + " is better"


def check_columns(tag, rows, metrics):
    """rows: metric id -> the reading columns of the template's row."""
    for m in metrics:
        got = rows.get(m["id"])
        if not check("%s: a row for %s" % (tag, m["id"]), got is not None):
            continue
        want = {"name": m["name"], "unit": m["unit"], "direction": direction(m),
                "definition": m["description"], "measured": m.get("measured", "")}
        check("%s: %s's reading columns" % (tag, m["id"]),
              {k: got[k] for k in want} == want, (got, want))


def write_csv(binary, tmp, name, extra, metrics):
    r = run(binary, ["template", "-o", name, "--company", "Acme Telecom",
                     "--period", "2026-Q3"] + extra, tmp)
    check(name + ": written", r.returncode == 0 and r.stdout == "" and r.stderr == "",
          r.stderr)
    with open(os.path.join(tmp, name), newline="") as f:
        text = f.read()
    rows = list(csv.reader(io.StringIO(text)))
    check(name + ": header", rows[0] == HEADER, rows[0])
    body = rows[1:]
    check(name + ": one row per metric", len(body) == len(metrics),
          (len(body), len(metrics)))
    check(name + ": catalog order", [r[2] for r in body] == [m["id"] for m in metrics])
    check(name + ": company, period, empty value and n",
          all(r[0] == "Acme Telecom" and r[1] == "2026-Q3" and r[3] == "" and
              r[4] == "" for r in body))
    check_columns(name, {r[2]: dict(zip(HEADER, r)) for r in body}, metrics)
    return rows


def fill_csv(rows, values):
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    for r in rows[:1]:
        w.writerow(r)
    for r in rows[1:]:
        if r[2] in values:
            v, n = values[r[2]]
            r = r[:3] + [str(v), "" if n is None else str(n)] + r[5:]
        w.writerow(r)
    return out.getvalue()


def write_json(binary, tmp, name, extra, metrics):
    r = run(binary, ["template", "-o", name, "--company", "Acme Telecom",
                     "--period", "2026-q3"] + extra, tmp)
    check(name + ": written", r.returncode == 0 and r.stdout == "" and r.stderr == "",
          r.stderr)
    with open(os.path.join(tmp, name)) as f:
        doc = json.load(f)
    check(name + ": company and period",
          (doc.get("company"), doc.get("period")) == ("Acme Telecom", "2026-Q3"), doc)
    check(name + ": one entry per metric", list(doc["metrics"]) ==
          [m["id"] for m in metrics], (len(doc["metrics"]), len(metrics)))
    check(name + ": value and n null",
          all(e["value"] is None and e["n"] is None for e in doc["metrics"].values()))
    check_columns(name, doc["metrics"], metrics)
    return doc


def fill_json(doc, values):
    doc = json.loads(json.dumps(doc))
    for mid, (v, n) in values.items():
        if mid in doc["metrics"]:
            doc["metrics"][mid]["value"] = v
            doc["metrics"][mid]["n"] = n
    return json.dumps(doc, indent=2)


def round_trip(binary, tmp, name, text, values, metrics):
    """The filled file validates and compares with exactly the values filled."""
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write(text)
    want = {m: v for m, v in values.items() if m in {x["id"] for x in metrics}}
    r = run(binary, ["validate", name], tmp)
    check(name + ": validate", r.returncode == 0 and r.stdout ==
          "%s: ok: company 'Acme Telecom', 1 period (2026-Q3 to 2026-Q3), %d values\n"
          % (name, len(want)), (r.returncode, r.stdout, r.stderr))
    r = run(binary, ["compare", name, "--format", "json"], tmp)
    if not check(name + ": compare", r.returncode == 0, r.stderr):
        return None
    doc = json.loads(r.stdout)
    got = {m["id"]: (m["company"], m["n"]) for m in doc["metrics"]}
    check(name + ": the filled metrics and only those", sorted(got) == sorted(want),
          (sorted(got), sorted(want)))
    for mid, (v, n) in want.items():
        check("%s: %s comes back" % (name, mid), got.get(mid) == (v, n),
              (got.get(mid), (v, n)))
    absent = {x["id"] for x in doc["not_compared"]}
    empty = {m["id"] for m in metrics} - set(want)
    check(name + ": the rows left empty are not compared", empty <= absent,
          sorted(empty - absent))
    check(name + ": ... as having no company value",
          all(x["reason"] == "no company value in this period" for x in doc["not_compared"]
              if x["id"] in empty))
    return doc["metrics"]


def refused(binary, tmp, name, text, message):
    with open(os.path.join(tmp, name), "w") as f:
        f.write(text)
    r = run(binary, ["validate", name], tmp)
    check(name + ": refused", r.returncode == 1 and r.stdout == "" and
          r.stderr == message + "\n", (r.returncode, r.stderr, message))


def bad_values(binary, tmp, csv_rows, json_doc):
    line = 1 + [r[2] for r in csv_rows[1:]].index("csat_pct") + 1
    name_line = "%d" % line
    refused(binary, tmp, "bad-text.csv", fill_csv(csv_rows, {"csat_pct": ("high", None)}),
            "cxbench: bad-text.csv:%s: value: 'high' is not a number" % name_line)
    refused(binary, tmp, "bad-range.csv", fill_csv(csv_rows, {"csat_pct": (140, 900)}),
            "cxbench: bad-range.csv:%s: csat_pct: 140 is out of range (0 to 100)"
            % name_line)
    refused(binary, tmp, "bad-n.csv", fill_csv(csv_rows, {"csat_pct": ("", 900)}),
            "cxbench: bad-n.csv:%s: value: missing for metric 'csat_pct', but n is "
            "given (leave both empty when the metric is not reported)" % name_line)
    refused(binary, tmp, "bad-text.json", fill_json(json_doc, {"csat_pct": ("high", None)}),
            "cxbench: bad-text.json: metrics.csat_pct.value: expected a number, got a "
            "string")
    refused(binary, tmp, "bad-range.json", fill_json(json_doc, {"csat_pct": (140, 900)}),
            "cxbench: bad-range.json: metrics.csat_pct: 140 is out of range (0 to 100)")
    refused(binary, tmp, "bad-n.json", fill_json(json_doc, {"csat_pct": (None, 900)}),
            "cxbench: bad-n.json: metrics.csat_pct.value: null, but n is given (leave "
            "both null when the metric is not reported)")
    refused(binary, tmp, "empty.csv", fill_csv(csv_rows, {}),
            "cxbench: empty.csv: no metric values found")
    refused(binary, tmp, "empty.json", fill_json(json_doc, {}),
            "cxbench: empty.json: no metric values found")


def never_over(binary, tmp):
    path = os.path.join(tmp, "mine.csv")
    with open(path, "w") as f:
        f.write("company,period,metric,value\nAcme,2026-Q3,nps,14\n")
    r = run(binary, ["template", "-o", "mine.csv"], tmp)
    check("-o over a file: refused", r.returncode == 2, (r.returncode, r.stderr))
    with open(path) as f:
        check("-o over a file: the file is as it was",
              f.read() == "company,period,metric,value\nAcme,2026-Q3,nps,14\n")


def main():
    binary = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="cxbench-template.") as tmp:
        metrics, dims = catalog(binary, tmp)
        check("the bundled catalog: every metric says how it is measured",
              all(m.get("measured") for m in metrics),
              [m["id"] for m in metrics if not m.get("measured")])
        check("the dimension used here exists", ONE_DIMENSION in dims)
        one = [m for m in metrics if m["dimension"] == ONE_DIMENSION]

        rows = write_csv(binary, tmp, "full.csv", [], metrics)
        by_csv = round_trip(binary, tmp, "full-filled.csv", fill_csv(rows, FILLED),
                            FILLED, metrics)
        doc = write_json(binary, tmp, "full.json", [], metrics)
        by_json = round_trip(binary, tmp, "full-filled.json", fill_json(doc, FILLED),
                             FILLED, metrics)
        check("CSV and JSON filled alike compare alike", by_csv == by_json)
        bad_values(binary, tmp, rows, doc)

        rows1 = write_csv(binary, tmp, "outcome.csv", ["--dimensions", ONE_DIMENSION], one)
        round_trip(binary, tmp, "outcome-filled.csv", fill_csv(rows1, FILLED), FILLED, one)
        doc1 = write_json(binary, tmp, "outcome.json", ["--dimensions", ONE_DIMENSION], one)
        round_trip(binary, tmp, "outcome-filled.json", fill_json(doc1, FILLED), FILLED, one)

        r = run(binary, ["template"], tmp)
        check("stdout: the CSV form by default", r.returncode == 0 and
              len(r.stdout.splitlines()) == len(metrics) + 1, r.stderr)
        r = run(binary, ["template", "--format", "json"], tmp)
        check("stdout: JSON with --format json", r.returncode == 0 and
              len(json.loads(r.stdout)["metrics"]) == len(metrics), r.stderr)
        never_over(binary, tmp)
    return check.summary("template")


if __name__ == "__main__":
    sys.exit(main())
