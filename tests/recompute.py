#!/usr/bin/env python3
"""An independent check of `cxbench compare --format json`.

Re-implements DESIGN.md's gap arithmetic ("Gap arithmetic (the contract)")
from the data files alone -- profiles/catalog.json, every profiles/*.json
reference profile and examples/acme-telecom.json -- and compares every
number, the priorities and the not-compared ids with what the program
prints.  Python 3 standard library only.

Usage: python3 tests/recompute.py CXBENCH [ROOT]
ROOT (the data directory) defaults to $CXBENCH_DATA, else the source tree
this script is in.  Prints one line per failure and ends with
"recompute: N passed, N failed"; exits 1 when any check failed.
"""
import functools
import glob
import json
import math
import os
import re
import subprocess
import sys

TOL = 1e-6  # the program rounds JSON numbers to 6 decimals
COMPANY_FILE = os.path.join("examples", "acme-telecom.json")
RUNS = [
    ["--against", "costco,amazon,frontier"],
    ["--against", "all,frontier", "--period", "2026-Q1"],
]


# ---------------------------------------------------------------- data


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_catalog(root):
    cat = load_json(os.path.join(root, "profiles", "catalog.json"))
    dims = {}
    for d in cat["dimensions"]:
        dims[d["id"]] = {"id": d["id"], "weight": float(d.get("weight", 1))}
    metrics = []
    for m in cat["metrics"]:
        metrics.append({
            "id": m["id"],
            "dim": m["dimension"],
            "higher": m["direction"] == "higher",
            "worst": float(m["worst"]),
            "best": float(m["best"]),
            "kind": m["kind"],
        })
    return [d["id"] for d in cat["dimensions"]], dims, metrics


def load_profiles(root):
    """Every bundled profile, in id order (profiles/ID.json)."""
    profiles = {}
    paths = sorted(glob.glob(os.path.join(root, "profiles", "*.json")))
    for path in paths:
        name = os.path.basename(path)
        if name == "catalog.json" or name.startswith("."):
            continue
        p = load_json(path)
        values = {k: float(v["value"]) for k, v in p["metrics"].items()}
        profiles[p["id"]] = {"id": p["id"], "brand": p["brand"], "values": values}
    order = sorted(profiles)
    return order, profiles


def period_key(label):
    m = re.fullmatch(r"(\d{4})-[Qq]([1-4])", label)
    if m:
        return (int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})-(\d{2})", label)
    if m:
        return (int(m.group(1)), int(m.group(2)))
    m = re.fullmatch(r"(\d{4})", label)
    if m:
        return (int(m.group(1)), 0)
    raise ValueError("not a period: " + label)


def load_company(path):
    """{period label: {metric id: obs}}, obs = value, n, promoters, detractors."""
    doc = load_json(path)
    periods = doc.get("periods")
    if periods is None:
        periods = [{"period": doc["period"], "metrics": doc["metrics"]}]
    out = {}
    for p in periods:
        obs = {}
        for mid, v in p["metrics"].items():
            if isinstance(v, dict):
                obs[mid] = {
                    "value": float(v["value"]),
                    "n": float(v["n"]) if "n" in v else None,
                    "P": float(v["promoters_pct"]) if "promoters_pct" in v else None,
                    "D": float(v["detractors_pct"]) if "detractors_pct" in v else None,
                }
            else:
                obs[mid] = {"value": float(v), "n": None, "P": None, "D": None}
        out[p["period"]] = obs
    return doc["company"], out


# ---------------------------------------------------------- arithmetic


def score(m, v):
    s = 100 * (v - m["worst"]) / (m["best"] - m["worst"])
    return min(max(s, 0.0), 100.0)


def gap(m, ref, company):
    d = 1 if m["higher"] else -1
    return d * (ref - company)


def moe(m, o):
    """95 % margin of error, or None when unknown."""
    n = o["n"]
    if not n:
        return None
    if m["kind"] == "percent":
        p = o["value"] / 100
        return 1.96 * math.sqrt(p * (1 - p) / n) * 100
    if m["kind"] == "nps":
        if o["P"] is not None and o["D"] is not None:
            P, D = o["P"] / 100, o["D"] / 100
            var = P + D - (P - D) ** 2
        else:
            s = o["value"] / 100
            var = 1 - s * s  # the bound P + D = 1
        return 1.96 * math.sqrt(var / n) * 100
    return None


def mean(xs):
    return sum(xs) / len(xs) if xs else None


def parse_against(text, bundled):
    """Selected brands in --against order, and whether the frontier is
    listed (and where)."""
    brands, refs = [], []
    for tok in text.split(","):
        if tok == "all":
            for pid in bundled:
                if pid not in brands:
                    brands.append(pid)
                    refs.append(pid)
        elif tok == "frontier":
            if "frontier" not in refs:
                refs.append("frontier")
        elif tok and tok not in brands:
            brands.append(tok)
            refs.append(tok)
    return brands, refs


def expected(root, against, period):
    dim_order, dims, metrics = load_catalog(root)
    bundled, profiles = load_profiles(root)
    name, company = load_company(os.path.join(root, COMPANY_FILE))
    if period is None:
        period = max(company, key=period_key)
    obs = company[period]
    brands, refs = parse_against(against, bundled)
    if not brands:
        brands = list(bundled)  # the frontier alone: over every brand

    # the frontier: best value of the selected brands, ties to the earlier
    frontier = {"id": "frontier", "brand": None, "values": {}, "from": {}}
    for m in metrics:
        best = None
        for pid in brands:
            v = profiles[pid]["values"].get(m["id"])
            if v is None:
                continue
            if best is None or (v > best if m["higher"] else v < best):
                best = v
                frontier["from"][m["id"]] = pid
        if best is not None:
            frontier["values"][m["id"]] = best
    table = dict(profiles)
    table["frontier"] = frontier

    out = {"company": name, "period": period, "against": refs}
    cmetrics = [m for m in metrics if m["id"] in obs]
    exp_metrics = []
    for m in cmetrics:
        o = obs[m["id"]]
        cs = score(m, o["value"])
        e = moe(m, o)
        cells = {}
        for rid in refs:
            v = table[rid]["values"].get(m["id"])
            if v is None:
                cells[rid] = None
                continue
            g = gap(m, v, o["value"])
            cell = {
                "value": v,
                "score": score(m, v),
                "gap": g,
                "gap_points": score(m, v) - cs,
                "significant": None if e is None else abs(g) > e,
            }
            if rid == "frontier":
                src = frontier["from"][m["id"]]
                cell["brand"] = profiles[src]["brand"]
                cell["profile"] = src
            cells[rid] = cell
        exp_metrics.append({
            "id": m["id"], "dimension": m["dim"], "company": o["value"],
            "n": o["n"], "score": cs, "moe": e, "references": cells,
        })
    out["metrics"] = exp_metrics

    # dimensions: the company's scores, and each reference's on the
    # company's metrics of that dimension that it has
    exp_dims = []
    for did in dim_order:
        mine = [em for em in exp_metrics if em["dimension"] == did]
        if not mine:
            continue
        refscores = {}
        for rid in refs:
            refscores[rid] = mean([em["references"][rid]["score"] for em in mine
                                   if em["references"][rid] is not None])
        exp_dims.append({
            "id": did, "weight": dims[did]["weight"], "metrics": len(mine),
            "score": mean([em["score"] for em in mine]), "references": refscores,
        })
    out["dimensions"] = exp_dims

    def overall(get):
        num = den = 0.0
        for ed in exp_dims:
            s = get(ed)
            if s is None:
                continue
            num += ed["weight"] * s
            den += ed["weight"]
        return num / den if den > 0 else None

    out["overall"] = {
        "score": overall(lambda ed: ed["score"]),
        "references": {rid: overall(lambda ed, rid=rid: ed["references"][rid])
                       for rid in refs},
    }

    # priorities: positive gap points against the frontier, by points *
    # dimension weight, ties (to rounding) by id
    ranked = []
    mdefs = {m["id"]: m for m in metrics}
    for em in exp_metrics:
        fv = frontier["values"].get(em["id"])
        if fv is None:
            continue
        points = score(mdefs[em["id"]], fv) - em["score"]
        if points > 0:
            ranked.append((points * dims[em["dimension"]]["weight"], em["id"]))

    def by_priority(a, b):
        if abs(a[0] - b[0]) > 1e-9:
            return -1 if a[0] > b[0] else 1
        return (a[1] > b[1]) - (a[1] < b[1])

    ranked.sort(key=functools.cmp_to_key(by_priority))
    out["priorities"] = [mid for _, mid in ranked]

    # not compared: catalog metrics the company lacks, and company metrics
    # no selected reference has
    nc = [m["id"] for m in metrics if m["id"] not in obs]
    nc += [em["id"] for em in exp_metrics
           if all(em["references"][rid] is None for rid in refs)]
    out["not_compared"] = nc
    out["coverage"] = {
        "catalog": len(metrics),
        "company": len(exp_metrics),
        "references": {rid: sum(em["references"][rid] is not None
                                for em in exp_metrics) for rid in refs},
    }
    return out


# ------------------------------------------------------------- checking


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, cond, what, want, got):
        if cond:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL %s: expected %r, got %r" % (what, want, got))

    def num(self, what, want, got):
        if want is None:
            self.ok(got is None, what, None, got)
        else:
            self.ok(isinstance(got, (int, float)) and not isinstance(got, bool)
                    and abs(got - want) <= TOL, what, want, got)

    def flag(self, what, want, got):
        self.ok(want is got, what, want, got)

    def same(self, what, want, got):
        self.ok(want == got, what, want, got)


def compare(chk, tag, exp, got):
    chk.same(tag + " company", exp["company"], got.get("company"))
    chk.same(tag + " period", exp["period"], got.get("period"))
    chk.same(tag + " against", exp["against"], got.get("against"))
    refs = exp["against"]

    ov = got.get("overall") or {}
    chk.num(tag + " overall.score", exp["overall"]["score"], ov.get("score"))
    for rid in refs:
        chk.num("%s overall.references.%s" % (tag, rid),
                exp["overall"]["references"][rid],
                (ov.get("references") or {}).get(rid))

    gdims = {d.get("id"): d for d in got.get("dimensions") or []}
    chk.same(tag + " dimension ids", [d["id"] for d in exp["dimensions"]],
             [d.get("id") for d in got.get("dimensions") or []])
    for ed in exp["dimensions"]:
        gd = gdims.get(ed["id"], {})
        where = "%s dimensions.%s" % (tag, ed["id"])
        chk.num(where + ".weight", ed["weight"], gd.get("weight"))
        chk.num(where + ".metrics", ed["metrics"], gd.get("metrics"))
        chk.num(where + ".score", ed["score"], gd.get("score"))
        for rid in refs:
            chk.num("%s.references.%s" % (where, rid), ed["references"][rid],
                    (gd.get("references") or {}).get(rid))

    gmetrics = {m.get("id"): m for m in got.get("metrics") or []}
    chk.same(tag + " metric ids", [m["id"] for m in exp["metrics"]],
             [m.get("id") for m in got.get("metrics") or []])
    for em in exp["metrics"]:
        gm = gmetrics.get(em["id"], {})
        where = "%s metrics.%s" % (tag, em["id"])
        chk.same(where + ".dimension", em["dimension"], gm.get("dimension"))
        for key in ("company", "n", "score", "moe"):
            chk.num("%s.%s" % (where, key), em[key], gm.get(key))
        grefs = gm.get("references") or {}
        chk.same(where + ".references keys", sorted(refs), sorted(grefs))
        for rid in refs:
            ec, gc = em["references"][rid], grefs.get(rid)
            cw = "%s.references.%s" % (where, rid)
            if ec is None:
                chk.ok(gc is None, cw, None, gc)
                continue
            if not isinstance(gc, dict):
                chk.ok(False, cw, "an object", gc)
                continue
            for key in ("value", "score", "gap", "gap_points"):
                chk.num("%s.%s" % (cw, key), ec[key], gc.get(key))
            chk.flag(cw + ".significant", ec["significant"], gc.get("significant"))
            if rid == "frontier":
                chk.same(cw + ".brand", ec["brand"], gc.get("brand"))
                chk.same(cw + ".profile", ec["profile"], gc.get("profile"))

    chk.same(tag + " priorities", exp["priorities"], got.get("priorities"))
    chk.same(tag + " not_compared", sorted(exp["not_compared"]),
             sorted(o.get("id") for o in got.get("not_compared") or []))
    cov = got.get("coverage") or {}
    chk.num(tag + " coverage.catalog", exp["coverage"]["catalog"], cov.get("catalog"))
    chk.num(tag + " coverage.company", exp["coverage"]["company"], cov.get("company"))
    for rid in refs:
        chk.num("%s coverage.references.%s" % (tag, rid),
                exp["coverage"]["references"][rid],
                (cov.get("references") or {}).get(rid))


def main(argv):
    if len(argv) < 2:
        sys.stderr.write("usage: recompute.py CXBENCH [ROOT]\n")
        return 2
    binary = os.path.abspath(argv[1])
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    root = os.path.abspath(argv[2] if len(argv) > 2 else
                           os.environ.get("CXBENCH_DATA") or here)
    env = dict(os.environ, CXBENCH_DATA=root, NO_COLOR="1", LC_ALL="C")
    chk = Checker()
    for extra in RUNS:
        args = [binary, "compare", COMPANY_FILE] + extra + ["--format", "json"]
        tag = "[%s]" % " ".join(extra)
        proc = subprocess.run(args, cwd=root, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
        chk.same(tag + " exit status", 0, proc.returncode)
        if proc.returncode != 0:
            sys.stdout.write(proc.stderr.decode("utf-8", "replace"))
            continue
        try:
            got = json.loads(proc.stdout.decode("utf-8"))
        except ValueError as e:
            chk.ok(False, tag + " JSON output", "valid JSON", str(e))
            continue
        period = extra[extra.index("--period") + 1] if "--period" in extra else None
        against = extra[extra.index("--against") + 1]
        compare(chk, tag, expected(root, against, period), got)
    print("recompute: %d passed, %d failed" % (chk.passed, chk.failed))
    return 1 if chk.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
