#!/usr/bin/env python3
"""Tests of `cxbench report`: the HTML it writes, the numbers in it, its
languages and options, the signals of `listen` (--signals), how it fails,
and names that try to inject markup or commands.

Usage (from the repository root, after `make build/html-check`):
    CXBENCH_DATA=. python3 tests/report_test.py ./cxbench
Each report is parsed with build/html-check (libxml2's HTML parser, see
tests/tools/html-check.c); its numbers are checked against
`cxbench compare --format json`, `cxbench trend --until P --format json`,
`cxbench listen --format json` and the data files (profiles/*.json, the
catalog, reports/strings/*.json).  The list of sections is not kept here:
it is read from the full report (every section shown, with --signals),
whose contents must link each section in order under its own heading;
every other report must have the same sections, less the two that depend
on the data (progress over time, and what customers say).
Every run of cxbench is also checked for sanitizer reports (run it with the
ASan build too) and for temporary directories it leaves in TMPDIR without
naming them.  When run as root, the read-only-directory case runs cxbench
as `nobody`.  Prints one line per failure and ends with
"report: N passed, N failed"; exits 1 when any check failed.  Python 3.9+
standard library only.
"""
import base64
import glob
import html.parser
import json
import os
import re
import resource
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib

from checks import Checks

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HTML_CHECK = os.path.join(REPO, "build", "html-check")
# The sections that are shown only when there is something to show: the
# progress section with two periods or more, the voice one with --signals.
TREND, VOICE = "trend", "voice"
# The friction section: shown when the compared period has a friction
# block, after the time tax (the full report's company has none).
FRICTION, FRICTION_AFTER = "friction", "timetax"
FRICTION_FILE = os.path.join("tests", "report", "friction-company.json")
TIMETAX_INPUTS = {"asa_seconds", "hold_seconds", "transfers_per_contact",
                  "repeat_contact_pct"}
PNG_SIG = b"\x89PNG\r\n\x1a\n"
SANITIZER = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
             "runtime error:", "SUMMARY: UndefinedBehaviorSanitizer")

FULL = None  # the full report's sections: [(id, heading key)], test_signals


check = Checks()


# ------------------------------------------------------------ helpers


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def read_text(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read()


def read_bytes(path):
    with open(path, "rb") as f:
        return f.read()


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as f:
        f.write(data)


def norm(s):
    """Whitespace-normalised text, as html-check prints it."""
    return " ".join(s.split())


def run(args, cwd=None, env=None, user=None, label=None, preexec=None):
    """Runs cxbench (preexec: run in the child before it starts).  A sanitizer report in stderr is a failure of its own,
    and so is a directory left in TMPDIR that the message does not name
    (gnuplot's files are kept, and named, only when gnuplot failed); such
    directories are removed after the check."""
    e = dict(os.environ)
    e["CXBENCH_DATA"] = DATA
    e["TMPDIR"] = RUN_TMP
    e.update(env or {})
    tmpdir = e["TMPDIR"]
    before = set(list_dir(tmpdir))
    kw = {"preexec_fn": preexec} if preexec else {}
    if user is not None:
        kw.update({"user": user, "group": user, "extra_groups": []})
    p = subprocess.run([BIN] + args, cwd=cwd, env=e, capture_output=True,
                       timeout=300, **kw)
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    what = label or "cxbench " + " ".join(
        os.path.basename(a) if a.startswith("/") else a for a in args)[:90]
    if any(s in err for s in SANITIZER):
        check("%s: no sanitizer report" % what, False, err[-3000:])
    for d in sorted(set(list_dir(tmpdir)) - before):
        path = os.path.join(tmpdir, d)
        check("%s: a temporary directory left behind is named in the message" % what,
              path in err, (path, err.strip()))
        shutil.rmtree(path, ignore_errors=True)
    return p.returncode, out, err


def html_check(path):
    """html-check's summary, with the summary's sparkline (the first svg,
    titled in one of the languages' spark_title) taken out of the svgs and
    kept as "spark" (its title, or None), so that the svg lists are the
    charts'."""
    p = subprocess.run([HTML_CHECK, path], capture_output=True, timeout=60)
    if p.returncode != 0:
        check("html-check %s parses" % os.path.basename(path), False,
              p.stderr.decode("utf-8", "replace")[-500:])
    s = json.loads(p.stdout.decode("utf-8"))
    s["spark"] = None
    titles = s.get("svg_titles") or []
    if titles and titles[0] and titles[0].startswith(SPARK_PREFIXES):
        s["spark"] = titles.pop(0)
        s["svg_text"].pop(0)
        s["svgs"] -= 1
    return s


def compare(company, *extra):
    # the report's own default selection (brands, the company's sector,
    # the frontier) unless extra names one
    rc, out, err = run(["compare", company, "--format", "json"] + list(extra))
    if not check("compare %s exits 0" % " ".join(extra), rc == 0, err):
        return None
    return json.loads(out)


def parse_num(cell, strings):
    """A number cell of the report in its language; None for a dash."""
    cell = cell.strip()
    if cell in ("", "–", "-"):
        return None
    s = cell.replace(strings["thousands_sep"], "").replace("\u00a0", "")
    s = s.replace(strings["decimal_point"], ".")
    try:
        return float(s)
    except ValueError:
        return "not a number: %r" % cell


def fmt_num(v, decimals, strings):
    """The program's number format (textfmt.c fmt_num + strings.c group)."""
    s = "%.*f" % (decimals, v)
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    if s == "-0":
        s = "0"
    neg = s.startswith("-")
    digits, _, frac = s.lstrip("-").partition(".")
    if len(digits) > 4:
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = strings["thousands_sep"].join(groups)
    return ("-" if neg else "") + digits + (strings["decimal_point"] + frac if frac else "")


def close(cell, expected, decimals, strings):
    """A rounded cell against an unrounded number (None: a dash)."""
    got = parse_num(cell, strings)
    if expected is None:
        return got is None
    if not isinstance(got, float):
        return False
    return abs(got - expected) <= 0.5 * 10 ** -decimals + 1e-6


def exact(cell, expected, strings):
    """A cell that shows exactly `expected` (already rounded)."""
    got = parse_num(cell, strings)
    return isinstance(got, float) and abs(got - expected) < 1e-9


def tables_with(summary, header):
    """The tables whose header row starts with `header`."""
    return [t for t in summary["tables"] if t and t[0][:len(header)] == header]


def png_1x1():
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (PNG_SIG + chunk(b"IHDR", ihdr) +
            chunk(b"IDAT", zlib.compress(b"\x00\x1b\x2f\x4e")) + chunk(b"IEND", b""))


def list_dir(d):
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


# ------------------------------------------------------------ data


def load_data():
    global EN, CATALOG, CATALOG_BY_ID, PROFILES, BRAND_ID, SPARK_PREFIXES, METRIC_DEF
    EN = load_json(os.path.join(DATA, "reports", "strings", "en.json"))
    SPARK_PREFIXES = tuple(
        load_json(os.path.join(DATA, "reports", "strings", lang + ".json"))
        ["spark_title"].split("{")[0] for lang in ("en", "uk", "ru"))
    CATALOG = load_json(os.path.join(DATA, "profiles", "catalog.json"))
    CATALOG_BY_ID = {m["id"]: m for m in CATALOG["metrics"]}
    PROFILES = {}
    for path in sorted(glob.glob(os.path.join(DATA, "profiles", "*.json")) +
                       glob.glob(os.path.join(DATA, "profiles", "sectors", "*.json"))):
        if os.path.basename(path) == "catalog.json":
            continue
        p = load_json(path)
        PROFILES[p["id"]] = p
    BRAND_ID = {p["brand"]: pid for pid, p in PROFILES.items()}
    METRIC_DEF = {m["id"]: m for m in CATALOG["metrics"]}


def brand_of(ref_id, strings):
    return strings["frontier"] if ref_id == "frontier" else PROFILES[ref_id]["brand"]


def trend_json(company_file, period, *extra):
    """`cxbench trend --until PERIOD`: the history the report's progress
    section draws (None when it cannot be had)."""
    rc, out, err = run(["trend", company_file, "--against", "all,frontier",
                        "--until", period, "--format", "json"] + list(extra))
    if not check("trend --until %s exits 0" % period, rc == 0, err):
        return None
    return json.loads(out)


def expected_charts(cmp, trend):
    """Chart names the report should draw for compare's period, and the
    dimensions the company reports in it."""
    dims = [d for d in cmp["dimensions"] if d.get("metrics", 0) > 0]
    names = ["overall", "radar"] + ["gap:" + d["id"] for d in dims]
    if TIMETAX_INPUTS <= {m["id"] for m in cmp["metrics"]}:
        names.append("timetax")
    if trend is not None and len(trend["periods"]) >= 2:
        names.append("trend")
        tdims = {d["id"] for d in trend["dimensions"]}
        names += ["trend:" + d["id"] for d in dims if d["id"] in tdims]
    return names, dims


# ------------------------------------------------------------ structure


class Outline(html.parser.HTMLParser):
    """The report as a reader finds their way in it: the contents (each
    link's href and text) and the sections (id, h2 text, the text of each
    list item), in document order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.toc = []       # [href, text]
        self.sections = []  # {"id", "h2": [text] or None, "li": [[text]]}
        self._in_toc = False
        self._text = None   # the one-item list whose text is being read

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        sec = self.sections[-1] if self.sections else None
        if tag == "nav" and "toc" in (a.get("class") or "").split():
            self._in_toc = True
        elif tag == "a" and self._in_toc:
            self.toc.append([a.get("href"), [""]])
            self._text = self.toc[-1][1]
        elif tag == "section":
            self.sections.append({"id": a.get("id"), "h2": None, "li": []})
        elif tag == "h2" and sec is not None and sec["h2"] is None:
            sec["h2"] = self._text = [""]
        elif tag == "li" and sec is not None:
            sec["li"].append([""])
            self._text = sec["li"][-1]

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_toc = False
        if tag in ("a", "h2", "li"):
            self._text = None

    def handle_data(self, data):
        if self._text is not None:
            self._text[0] += data


def outline(raw):
    """(contents as [(href, text)], sections as [(id, h2, [li texts])])."""
    p = Outline()
    p.feed(raw)
    p.close()
    return ([(h, norm(t[0])) for h, t in p.toc],
            [(x["id"], norm(x["h2"][0]) if x["h2"] else None,
              [norm(li[0]) for li in x["li"]]) for x in p.sections])


def expected_sections(has_trend, has_voice, has_friction=False):
    """The full report's sections, less those this report leaves out, and
    the friction section when the period has a friction block; None when
    the full report could not be read."""
    if FULL is None:
        return None
    want = []
    for i, k in FULL:
        if (i != TREND or has_trend) and (i != VOICE or has_voice):
            want.append((i, k))
        if i == FRICTION_AFTER and has_friction:
            want.append((FRICTION, "friction_h"))
    return want


def check_outline(tag, s, raw, strings, has_trend, has_voice=False,
                  has_friction=False):
    """The contents and the body agree (one entry per section, in order,
    reading as the section's heading), and the sections and their headings
    are the full report's, in this report's language."""
    toc, secs = outline(raw)
    ids = [x[0] for x in secs]
    heads = [x[1] for x in secs]
    check(tag + ": sections as html-check reads them", ids == s["sections"],
          (ids, s["sections"]))
    check(tag + ": every section has an id of its own",
          all(ids) and len(set(ids)) == len(ids), ids)
    check(tag + ": contents link every section, in order",
          [h for h, _ in toc] == ["#%s" % i for i in ids], (toc, ids))
    check(tag + ": each contents entry reads as its section's heading",
          [t for _, t in toc] == heads, list(zip([t for _, t in toc], heads)))
    check(tag + ": h2 are the contents' and one per section",
          s["h2"] == [strings["contents"]] + heads, s["h2"])
    want = expected_sections(has_trend, has_voice, has_friction)
    if not check(tag + ": the full report's sections are known", want is not None):
        return
    check(tag + ": sections in order", ids == [i for i, _ in want], (ids, want))
    check(tag + ": section headings", heads == [strings[k] for _, k in want],
          list(zip(heads, [strings[k] for _, k in want])))


def check_structure(tag, s, cmp, trend, strings, raw, voice=None, friction=False):
    """voice: the `listen` output given with --signals, or None; friction:
    the period has a friction block with a wait factor."""
    charts, dims = expected_charts(cmp, trend)
    if voice is not None:
        charts.append("voice")
    if friction:
        charts.append("friction-wait")
    check(tag + ": no parser errors", s["errors"] == [], s["errors"][:10])
    check_outline(tag, s, raw, strings, "trend" in charts, voice is not None,
                  friction)
    check(tag + ": one svg per chart", s["svgs"] == len(charts),
          "%d svgs, charts %s" % (s["svgs"], charts))
    check(tag + ": every svg inside a figure", s["svg_in_figures"] == s["svgs"],
          "%d of %d" % (s["svg_in_figures"], s["svgs"]))
    check(tag + ": one svg in each figure",
          len(s["figures"]) == s["svgs"] and all(f["svgs"] == 1 for f in s["figures"]),
          s["figures"])
    check(tag + ": a table after every figure",
          all(f["table_follows"] for f in s["figures"]),
          [f["caption"] for f in s["figures"] if not f["table_follows"]])
    caps = [strings["chart_overall"], strings["chart_radar"]]
    caps += [strings["chart_gap"].replace("{dimension}", d["name"]) for d in dims]
    if "timetax" in charts:
        caps.append(strings["chart_timetax"])
    if "friction-wait" in charts:
        caps.append(strings["chart_friction_wait"])
    if "trend" in charts:
        caps.append(strings["chart_trend"])
        caps += [strings["chart_trend_dim"].replace("{dimension}", d["name"])
                 for d in dims if "trend:" + d["id"] in charts]
    if "voice" in charts:
        caps.append(strings["chart_voice"])
    if strings is EN:
        check(tag + ": figure captions", s["figcaptions"] == caps,
              list(zip(s["figcaptions"], caps)))
        check(tag + ": svg titles are the captions", s["svg_titles"] == caps,
              s["svg_titles"])
    check(tag + ": no scripts", s["scripts"] == 0, s["scripts"])
    check(tag + ": no on* attributes", s["event_attributes"] == 0, s["event_attributes"])
    check(tag + ": no external references", s["external"] == [], s["external"][:10])
    check(tag + ": no unsafe elements", s["unsafe_elements"] == [], s["unsafe_elements"])
    check(tag + ": no images without --logo", s["images"] == [], s["images"])
    check(tag + ": utf-8", s["encoding"].lower() == "utf-8", s["encoding"])
    return charts


def check_raw(tag, raw):
    check(tag + ": no http(s) resource in the raw HTML",
          not re.search(r"""(src|href|url)\s*[=(]\s*["']?\s*(https?:)?//""", raw, re.I),
          re.findall(r"""(?:src|href|url)\s*[=(]\s*["']?\s*(?:https?:)?//[^"' )]*""", raw, re.I)[:5])
    check(tag + ": no <script in the raw HTML", "<script" not in raw.lower())
    check(tag + ": no {placeholder} left", not re.search(r"\{[A-Za-z_]+\}", raw),
          re.findall(r"\{[A-Za-z_]+\}", raw)[:5])


# ------------------------------------------------------------ numbers


def check_numbers(tag, s, cmp, strings, company_name, trend=None):
    """trend: `trend --until` the report's period (None: one period, no
    pace to compare the plan with)."""
    names = {m["id"]: metric_name(m["id"], strings) for m in CATALOG["metrics"]}
    # overall index
    t = tables_with(s, [strings["col_reference"], strings["col_index"]])
    if check(tag + ": one overall table", len(t) == 1, len(t)):
        rows = {r[0]: r for r in t[0][1:]}
        want = {company_name: cmp["overall"]["score"]}
        for ref, v in cmp["overall"]["references"].items():
            want[brand_of(ref, strings)] = v
        check(tag + ": overall table rows", sorted(rows) == sorted(want),
              (sorted(rows), sorted(want)))
        for label, v in want.items():
            r = rows.get(label)
            check(tag + ": overall index of %s" % label,
                  r is not None and close(r[1], v, 1, strings),
                  (r, v))
        scores = [parse_num(r[1], strings) for r in t[0][1:]]
        check(tag + ": overall table best first",
              scores == sorted(scores, key=lambda x: -(x if isinstance(x, float) else -1)),
              scores)
    check_overall_words(tag, s, dict(cmp, company=company_name), strings)
    check_priorities(tag, s, dict(cmp, company=company_name), trend, strings)
    # dimensions: a row per reference (the company first), a column per
    # dimension the company reports
    dims = [d for d in cmp["dimensions"] if d.get("metrics", 0) > 0]
    t = [x for x in tables_with(s, [strings["col_reference"]])
         if x[0][1:] == [d["name"] for d in dims]]
    if check(tag + ": one dimension table", len(t) == 1, len(t)):
        rows = t[0][1:]
        want_rows = [company_name] + [brand_of(r, strings) for r in cmp["against"]]
        check(tag + ": dimension table rows: the company, then each reference",
              [r[0] for r in rows] == want_rows, ([r[0] for r in rows], want_rows))
        for r, ref in zip(rows, [None] + cmp["against"]):
            want = [d["score"] if ref is None else d["references"].get(ref) for d in dims]
            bad = [(d["id"], r[col] if col < len(r) else None, v)
                   for col, (d, v) in enumerate(zip(dims, want), start=1)
                   if col >= len(r) or not close(r[col], v, 1, strings)]
            check(tag + ": dimension scores of %s" % r[0], not bad and len(r) == len(dims) + 1,
                  bad)
    # metric tables, one per dimension
    t = tables_with(s, [strings["col_metric"], strings["col_unit"]])
    check(tag + ": one metric table per dimension", len(t) == len(dims), len(t))
    by_name = {names[m["id"]]: m for m in cmp["metrics"]}
    seen = []
    for table in t:
        for r in table[1:]:
            m = by_name.get(r[0])
            if not check(tag + ": metric row %s is compared" % r[0], m is not None):
                continue
            seen.append(m["id"])
            fr = m["references"]["frontier"]
            sig = {None: "sig_unknown", True: "sig_yes", False: "sig_no"}[fr["significant"]]
            bad = [what for what, ok in (
                ("value", close(r[2], m["company"], 2, strings)),
                ("moe", close(r[3], m["moe"], 2, strings)),
                ("score", close(r[4], m["score"], 1, strings)),
                ("frontier with its mark", r[5] == ref_cell(fr, strings)),
                ("brand", r[6] == fr["brand"]),
                # the gap and gap points: exactly the differences of the
                # numbers as printed (the value, the frontier's, the scores)
                ("gap adds up", exact(r[7], unit_gap(m["id"], fr["value"], m["company"]),
                                      strings)),
                # (the company's score as the row prints it: the JSON's six
                # decimals can turn 65.7499999 into a tie)
                ("gap points add up", exact(r[8], shown(shown(fr["score"], 1) -
                                                        parse_num(r[4], strings), 1),
                                            strings)),
                ("significance", r[9] == strings[sig])) if not ok]
            check(tag + ": metric %s row" % m["id"], not bad, (bad, r, fr))
    check(tag + ": every compared metric in a table",
          sorted(seen) == sorted(m["id"] for m in cmp["metrics"]),
          sorted(set(m["id"] for m in cmp["metrics"]) ^ set(seen)))
    # not compared
    nc = [names[x["id"]] for x in cmp["not_compared"]]
    t = tables_with(s, [strings["col_metric"], strings["col_reason_nc"]])
    if nc:
        check(tag + ": not-compared table",
              len(t) == 1 and sorted(r[0] for r in t[0][1:]) == sorted(nc),
              (t, nc))
    else:
        check(tag + ": no not-compared table", t == [], t)
    check_sources(tag, s, cmp, strings, names)
    check_all_sources(tag, s, cmp, strings, names)


def reported_year(v, period, strings):
    """The year cell of a reported value: its year, and its age when over
    five years older than the period."""
    if not v.get("year"):
        return ""
    age = int(period[:4]) - v["year"]
    if age <= 5:
        return str(v["year"])
    return strings["year_dated"].replace("{year}", str(v["year"])).replace(
        "{years}", str(age))


def check_sources(tag, s, cmp, strings, names):
    """The sources appendix: per selected reference (not the frontier), a
    heading row with its brand, a row per reported value (metric, value,
    unit, year, then source, method and quote as running text), and one
    line that counts its modeled values."""
    units = {m["id"]: m["unit"] for m in CATALOG["metrics"]}
    t = tables_with(s, [strings["col_metric"], strings["col_value"],
                        strings["col_unit"], strings["col_year"],
                        strings["col_source_quote"]])
    if not check(tag + ": one table of reported figures", len(t) == 1, len(t)):
        return
    want = []
    for pid in cmp["against"]:
        if pid == "frontier":
            continue
        p = PROFILES[pid]
        want.append([p["brand"]])
        vals = [(mid, v) for mid, v in p["metrics"].items() if mid in names]
        order = [m["id"] for m in CATALOG["metrics"]]
        vals.sort(key=lambda x: order.index(x[0]))
        modeled = 0
        for mid, v in vals:
            if v["basis"] != "reported":
                modeled += 1
                continue
            cell = norm(v.get("source", ""))
            if v.get("method"):
                cell += " \u00b7 " + norm(v["method"])
            if v.get("quote"):
                cell += " " + norm(v["quote"])
            want.append([names[mid], v["value"], units[mid] if strings is EN else None,
                         norm(reported_year(v, cmp["period"], strings)), cell])
        if modeled:
            want.append([strings["sources_modeled"].replace("{n}", str(modeled))
                         .replace("{total}", str(len(vals)))])
    rows = t[0][1:]
    check(tag + ": reported-figures rows: one per reported value, grouped by brand",
          len(rows) == len(want) and [len(r) for r in rows] == [len(w) for w in want],
          "%d rows, %d expected" % (len(rows), len(want)))
    bad = []
    for r, w in zip(rows, want):
        if len(w) == 1:
            ok = r == w
        else:
            ok = (len(r) == 5 and r[0] == w[0] and close(r[1], w[1], 2, strings) and
                  (w[2] is None or r[2] == w[2]) and r[3] == w[3] and r[4] == w[4])
        if not ok:
            bad.append((r, w))
    check(tag + ": each reported value with its unit, year (dated when over 5 years "
          "old), source, method and quote; each brand's modeled count", not bad, bad[:3])
    dated = [r for r in rows if len(r) == 5 and r[3] and not r[3].isdigit()]
    check(tag + ": some reported values marked dated", dated != [], len(dated))
    reported = sum(1 for w in want if len(w) == 5)
    check(tag + ": some values reported", reported > 0, reported)


def check_all_sources(tag, s, cmp, strings, names):
    """The list of every value (closed, not printed): one row per (brand,
    metric) of the selected profiles."""
    t = tables_with(s, [strings["col_brand"], strings["col_metric"],
                        strings["col_value"], strings["col_basis"]])
    if not check(tag + ": one table of every source value", len(t) == 1, len(t)):
        return
    rows = t[0][1:]
    want = {}
    for pid in cmp["against"]:
        if pid == "frontier":
            continue
        p = PROFILES[pid]
        for mid, v in p["metrics"].items():
            want[(p["brand"], names[mid])] = v
    check(tag + ": sources rows = (brand, metric) pairs in the profiles",
          len(rows) == len(want) and
          sorted((r[0], r[1]) for r in rows) == sorted(want),
          "%d rows, %d expected" % (len(rows), len(want)))
    bad = []
    for r in rows:
        v = want.get((r[0], r[1]))
        if v is None:
            continue
        basis = strings["basis_" + v["basis"]]
        age = int(cmp["period"][:4]) - v.get("year", 0)
        if v["basis"] == "reported" and age > 5:
            # a reported value over five years older than the period
            basis = strings["basis_dated"].replace("{years}", str(age))
        if (not close(r[2], v["value"], 2, strings) or r[3] != basis or
                r[4] != norm(v.get("source", "")) or
                r[6] != (str(v["year"]) if v.get("year") else "") or
                r[7] != norm(v.get("note", "")) or
                r[8] != norm(v.get("quote", ""))):
            bad.append((r, v))
    check(tag + ": sources value, basis (dated when over 5 years old), source, "
          "year, note, quote", not bad, bad[:3])
    dated = [r for r in rows if r[3].startswith(strings["basis_dated"].split("{")[0])]
    check(tag + ": some reported values marked dated", dated != [], len(dated))


STATUS_KEYS = {"level or ahead": "status_none", "closing": "status_closing",
               "moving away": "status_away", "not moving": "status_flat",
               "too few periods": "status_no_pace",
               "no reference value": "status_unknown"}


PER_YEAR = {"Q": 4, "M": 12, "Y": 1}


def per_year(period):
    return PER_YEAR["Q" if "Q" in period else "M" if "-" in period else "Y"]


def verdict_key(m, prev_slot, periods):
    """report_progress.c's verdict on the change since the previous period
    (a metric from trend's JSON): improved / slipped only when the change is
    beyond its margin or, with no margin known, beyond the catalog's noise;
    with neither, by direction, saying no margin is known.  Returns the key
    and its urgency (0: slipped, first in the table)."""
    v = m["values"]
    if m["change_from"] != periods[prev_slot] or v[prev_slot] is None:
        return "verdict_no_previous", 2
    change = v[-1] - v[prev_slot]
    defn = CATALOG_BY_ID[m["id"]]
    better = change > 0 if defn["direction"] == "higher" else change < 0
    bar = m["change_moe"] if m["change_moe"] is not None else defn.get("noise")
    if bar is None:
        if abs(change) < 1e-9:
            return "verdict_unchanged", 2
        return ("verdict_improved_nomargin", 3) if better else ("verdict_slipped_nomargin", 1)
    if abs(change) <= bar + 1e-6:
        return ("verdict_noise" if m["change_moe"] is None else "verdict_within"), 2
    return ("verdict_improved", 4) if better else ("verdict_slipped", 0)


def baselines(periods):
    """The timeline slots the latest period is compared with: previous, a
    year before, first; each shown once."""
    last = len(periods) - 1
    k = per_year(periods[-1])
    year = last - k if k > 1 and last - k >= 0 else None
    if year == last - 1:
        year = None
    first = 0 if 0 not in (last - 1, year) else None
    return [last - 1, year, first]


def since(values, slot):
    if slot is None or values[slot] is None or values[-1] is None:
        return None
    return values[-1] - values[slot]


def since_heads(strings, periods, slots):
    keys = ["col_since_previous", "col_since_year", "col_since_first"]
    return [strings[k].replace("{period}", periods[i])
            for k, i in zip(keys, slots) if i is not None]


def catch_up_order(top, tmetrics):
    """Moving away, not moving, too few periods, closing (slowest first),
    level or ahead, unknown; the priorities' order otherwise."""
    rank = {"moving away": 0, "not moving": 1, "too few periods": 2, "closing": 3,
            "level or ahead": 4, "no reference value": 5}

    def key(item):
        i, mid = item
        x = tmetrics[mid]["references"]["frontier"]
        slow = -x["periods_to_close"] if x["status"] == "closing" else 0
        return (rank[x["status"]], slow, i)
    return [mid for _, mid in sorted(enumerate(top), key=key)]


def check_trend(tag, s, cmp, trend, strings):
    """The progress section against `trend --until PERIOD --format json`:
    the index and top priorities over time, when each priority catches up
    with the frontier, what moved since the previous period, and each
    dimension over time."""
    names = {m["id"]: m["name"] for m in CATALOG["metrics"]}
    over = tables_with(s, [strings["col_period"], strings["overall"]])
    if trend is None or len(trend["periods"]) < 2:
        check(tag + ": no progress tables with one period",
              over == [] and "trend" not in s["sections"], over)
        return
    periods = trend["periods"]
    check(tag + ": trend ends at the report's period", periods[-1] == cmp["period"],
          (periods, cmp["period"]))
    frontier_now = cmp["overall"]["references"]["frontier"]
    top = cmp["priorities"][:5]
    tmetrics = {m["id"]: m for m in trend["metrics"]}
    if check(tag + ": one index-over-time table", len(over) == 1, len(over)):
        head, rows = over[0][0], over[0][1:]
        check(tag + ": index-over-time header",
              head == [strings["col_period"], strings["overall"], strings["frontier"]] +
              [names[i] for i in top], head)
        check(tag + ": index-over-time periods", [r[0] for r in rows] == periods,
              [r[0] for r in rows])
        bad = []
        for i, r in enumerate(rows[:len(periods)]):
            want = [trend["overall"]["scores"][i], frontier_now]
            want += [tmetrics[m]["scores"][i] if m in tmetrics else None for m in top]
            for col, v in enumerate(want, start=1):
                if col >= len(r) or not close(r[col], v, 1, strings):
                    bad.append((periods[i], col, r[col] if col < len(r) else None, v))
        check(tag + ": index-over-time numbers (frontier as it stands now)", not bad, bad[:5])
    # the index and the dimensions: change since the previous period, a
    # year before and the first period
    slots = baselines(periods)
    heads = [strings["col_index_or_dim"],
             strings["col_value_in"].replace("{period}", periods[-1])] + \
        since_heads(strings, periods, slots)
    t = tables_with(s, heads)
    if check(tag + ": one index-and-dimensions change table", len(t) == 1 and
             t[0][0] == heads, (len(t), t[0][0] if t else None)):
        dnames = {d["id"]: d["name"] for d in CATALOG["dimensions"]}
        want = [(strings["overall"], trend["overall"]["scores"])]
        want += [(dnames[d["id"]], d["scores"]) for d in
                 sorted(trend["dimensions"], key=lambda d: list(dnames).index(d["id"]))
                 if d["scores"][-1] is not None]
        rows = t[0][1:]
        bad = []
        if [r[0] for r in rows] != [w[0] for w in want]:
            bad.append(([r[0] for r in rows], [w[0] for w in want]))
        for r, (name, sc) in zip(rows, want):
            exp = [sc[-1]] + [since(sc, i) for i in slots if i is not None]
            if len(r) != len(exp) + 1 or not all(
                    close(c, e, 1, strings) for c, e in zip(r[1:], exp)):
                bad.append((r, exp))
        check(tag + ": index and dimension changes match trend", not bad, bad[:3])
    # when the top priorities catch up, the most urgent first
    t = tables_with(s, [strings["col_metric"], strings["col_points"],
                        strings["col_velocity"]])
    if check(tag + ": one catch-up table", len(t) == 1, len(t)):
        rows = t[0][1:]
        order = catch_up_order(top, tmetrics) if all(m in tmetrics for m in top) else top
        check(tag + ": catch-up rows are the top priorities, most urgent first",
              [r[0] for r in rows] == [names[i] for i in order], [r[0] for r in rows])
        horizon = 5 * per_year(periods[-1])
        bad = []
        for r, mid in zip(rows, order):
            tm = tmetrics.get(mid)
            x = tm["references"]["frontier"] if tm else None
            if not x:
                bad.append((mid, "not in trend"))
                continue
            when = ""
            if x["status"] == "closing":
                when = (x["closes_in"] if x["periods_to_close"] <= horizon
                        else strings["closes_beyond_horizon"])
            ok = (close(r[1], x["gap_points"], 1, strings) and
                  close(r[2], tm["velocity"], 2, strings) and
                  close(r[3], x["periods_to_close"], 0, strings) and
                  r[4] == when and r[5] == strings[STATUS_KEYS[x["status"]]])
            if not ok:
                bad.append((r, x, tm["velocity"]))
        check(tag + ": catch-up numbers match trend (no date beyond five years)",
              not bad, bad[:3])
    # what moved: since the previous period, a year before, the first
    heads = [strings["col_metric"],
             strings["col_value_in"].replace("{period}", periods[-1])] + \
        since_heads(strings, periods, slots) + [strings["col_moe"], strings["col_verdict"]]
    t = tables_with(s, heads[:2])
    moved = [m for m in trend["metrics"]
             if m.get("latest") == periods[-1] and m.get("change_from")]
    if moved:
        if check(tag + ": one movement table", len(t) == 1 and t[0][0] == heads,
                 (len(t), t[0][0] if t else None, heads)):
            rows = t[0][1:]
            verdicts = {m["id"]: verdict_key(m, slots[0], periods) for m in moved}
            order = sorted(moved, key=lambda m: (verdicts[m["id"]][1],
                                                 list(CATALOG_BY_ID).index(m["id"])))
            check(tag + ": movement rows, slipped first, improved last",
                  [r[0] for r in rows] == [names[m["id"]] for m in order],
                  [r[0] for r in rows])
            bad = []
            for r, m in zip(rows, order):
                vals = m["values"]
                moe = m["change_moe"] if m["change_from"] == periods[slots[0]] else None
                exp = [vals[-1]] + [since(vals, i) for i in slots if i is not None]
                key = verdicts[m["id"]][0]
                text = strings[key].replace(
                    "{noise}", fmt_num(CATALOG_BY_ID[m["id"]].get("noise", 0), 2, strings))
                ok = (len(r) == len(heads) and
                      all(close(c, e, 2, strings) for c, e in zip(r[1:], exp)) and
                      close(r[-2], moe, 2, strings) and r[-1] == text)
                if not ok:
                    bad.append((r, exp, moe, text))
            check(tag + ": movement numbers and verdicts match trend", not bad, bad[:3])
    else:
        check(tag + ": no movement table", t == [], t)
    # each dimension over time, against the frontier as it stands now
    dims = {d["id"]: d for d in cmp["dimensions"] if d.get("metrics", 0) > 0}
    tdims = [d for d in trend["dimensions"] if d["id"] in dims]
    captions = [strings["chart_trend_dim"].replace("{dimension}", dims[d["id"]]["name"])
                for d in tdims]
    dt = [tb for tb in tables_with(s, [strings["col_period"]])
          if len(tb[0]) == 3 and tb[0][2] == strings["frontier"]]
    if check(tag + ": one table per dimension over time", len(dt) == len(tdims),
             (len(dt), len(tdims))):
        bad = []
        for tb, d in zip(dt, tdims):
            f = dims[d["id"]]["references"].get("frontier")
            for i, r in enumerate(tb[1:]):
                if (i >= len(periods) or r[0] != periods[i] or
                        not close(r[1], d["scores"][i], 1, strings) or
                        not close(r[2], f, 1, strings)):
                    bad.append((d["id"], r, d["scores"][i] if i < len(periods) else None, f))
            if len(tb) - 1 != len(periods):
                bad.append((d["id"], "rows", len(tb) - 1))
        check(tag + ": dimensions over time match trend", not bad, bad[:3])
    check(tag + ": dimension-over-time charts captioned",
          all(c in s["figcaptions"] for c in captions),
          [c for c in captions if c not in s["figcaptions"]])


# ------------------------------------------------------------ the story


def shown(v, decimals):
    """v rounded as the report prints it (printf's rounding, as fmt_num)."""
    return None if v is None else float("%.*f" % (decimals, v))


def fmt_signed(v, decimals, strings):
    s = fmt_num(v, decimals, strings)
    return s if s.startswith("-") or s == "0" else "+" + s


def fill(template, **values):
    for k, v in values.items():
        template = template.replace("{%s}" % k, v)
    return template


def by_sign(diff, pos, neg, zero):
    return pos if diff > 0 else neg if diff < 0 else zero


def per_year(period):
    return 4 if "-Q" in period else 12 if "-" in period else 1


def period_after(period, n):
    """The period n steps after `period`, in the same form."""
    if "-Q" in period:
        y, q = period.split("-Q")
        i = int(y) * 4 + int(q) - 1 + n
        return "%d-Q%d" % (i // 4, i % 4 + 1)
    if "-" in period:
        y, mo = period.split("-")
        i = int(y) * 12 + int(mo) - 1 + n
        return "%d-%02d" % (i // 12, i % 12 + 1)
    return str(int(period) + n)


def metric_name(mid, strings):
    return strings.get("metric." + mid, METRIC_DEF[mid]["name"])


def unit_of(mid, strings, metric=None):
    """The unit as the report shows it for the company's value (compare's
    metric says whether it is on a business clock)."""
    unit = strings.get("unit." + mid, METRIC_DEF[mid]["unit"])
    if metric is not None and metric.get("clock") == "business":
        unit = fill(strings["unit_business"], unit=unit)
    return unit


def mark(ref, strings):
    """The mark after a reference value: m (modeled), its year (reported),
    the year and a dagger (reported over five years before the period)."""
    if ref["basis"] != "reported":
        return strings["mark_modeled"]
    return fill(strings["mark_dated" if ref.get("dated") else "mark_reported"],
                year=str(ref["year"]))


def basis_words(ref, strings):
    if ref["basis"] != "reported":
        return strings["basis_word_modeled"]
    return fill(strings["basis_word_dated" if ref.get("dated") else "basis_word_reported"],
                year=str(ref["year"]))


def ref_cell(ref, strings):
    return fmt_num(ref["value"], 2, strings) + " " + mark(ref, strings)


def unit_gap(mid, target, value):
    """The gap in the metric's unit between the two values as printed."""
    d = shown(target, 2) - shown(value, 2)
    return shown(d if METRIC_DEF[mid]["direction"] == "higher" else -d, 2)


def sig_text(significant, strings):
    return strings[{None: "sig_unknown", True: "sig_yes", False: "sig_no"}[significant]]


def lsq_slope(points):
    if len(points) < 2:
        return None
    mx = sum(x for x, _ in points) / len(points)
    my = sum(y for _, y in points) / len(points)
    sxx = sum((x - mx) ** 2 for x, _ in points)
    sxy = sum((x - mx) * (y - my) for x, y in points)
    return sxy / sxx if sxx > 0 else None


def pace(trend, mid):
    """The metric's pace in its unit per period: the slope of its values
    over the last four periods of the trend (as the velocity is of its
    scores); None with fewer than two values."""
    tm = {m["id"]: m for m in trend["metrics"]}.get(mid) if trend else None
    if not tm:
        return None
    n = len(trend["periods"])
    v = lsq_slope([(i, tm["values"][i]) for i in range(max(0, n - 4), n)
                   if tm["values"][i] is not None])
    return None if v is None else 0.0 if abs(v) < 1e-9 else v


def next_step(mid, strings):
    """The metric's step: the language's "step.ID", else the catalog's."""
    return strings.get("step." + mid) or METRIC_DEF[mid]["next_step"]


def plan_text(mid, m, trend, strings, period):
    fr = m["references"]["frontier"]
    per = per_year(period)
    need = shown((shown(fr["value"], 2) - shown(m["company"], 2)) / per, 2)
    p = pace(trend, mid)
    p = None if p is None else shown(p, 2)
    gran = strings["gran_" + ("quarter" if per == 4 else "month" if per == 12 else "year")]
    unit = unit_of(mid, strings, m)
    text = fill(strings["plan_needed"], change=fmt_signed(need, 2, strings), unit=unit,
                gran=gran)
    if p is None:
        return text + " " + strings["plan_pace_none"]
    text += " " + fill(strings["plan_pace"], pace=fmt_signed(p, 2, strings), unit=unit,
                       gran=gran)
    d = 1 if METRIC_DEF[mid]["direction"] == "higher" else -1
    key = ("plan_on_track" if p * d >= need * d else
           "plan_away" if p * d < 0 else "plan_short")
    return text + " " + strings[key]


def gap_text(mid, m, strings):
    fr = m["references"]["frontier"]
    text = fill(strings["reason"], gap=fmt_num(unit_gap(mid, fr["value"], m["company"]),
                                                2, strings),
                unit=unit_of(mid, strings, m))
    if METRIC_DEF[mid].get("comparable", True) is False:
        text += " " + strings["not_comparable"]
    return text


class Tree(html.parser.HTMLParser):
    """The document as nested dicts (tag, attrs, kids, parts: text and
    kids in order), for the parts html-check does not summarise."""
    VOID = {"meta", "br", "img", "link", "hr", "input", "col", "wbr", "source"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = {"tag": None, "attrs": {}, "kids": [], "parts": []}
        self.stack = [self.root]

    def _node(self, tag, attrs):
        n = {"tag": tag, "attrs": dict(attrs), "kids": [], "parts": []}
        self.stack[-1]["kids"].append(n)
        self.stack[-1]["parts"].append(n)
        return n

    def handle_starttag(self, tag, attrs):
        n = self._node(tag, attrs)
        if tag not in self.VOID:
            self.stack.append(n)

    def handle_startendtag(self, tag, attrs):
        self._node(tag, attrs)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1]["parts"].append(data)


def tree(raw):
    t = Tree()
    t.feed(raw)
    t.close()
    return t.root


def text_of(n, skip=()):
    """The node's text, whitespace-normalised (ASCII whitespace only: a
    no-break space is a thousands separator), without subtrees whose tag is
    in skip."""
    out = []

    def walk(x):
        for p in x["parts"]:
            if isinstance(p, str):
                out.append(p)
            elif p["tag"] not in skip:
                walk(p)
    walk(n)
    return re.sub(r"[ \t\n\r\f]+", " ", "".join(out)).strip()


def find(n, pred):
    found = []
    for k in n["kids"]:
        if pred(k):
            found.append(k)
        found += find(k, pred)
    return found


def has_class(n, cls):
    return cls in (n["attrs"].get("class") or "").split()


def pl(label, strings):
    """A canonical period label ("2026-Q3", "2026-03", "2026") as the
    report writes it in the strings' language (tests/lang_test.py checks
    the forms themselves)."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", label)
    if m:
        return fill(strings["period_quarter"], year=m.group(1), quarter=m.group(2))
    m = re.fullmatch(r"(\d{4})-(\d\d)", label)
    if m:
        return fill(strings["period_month"], year=m.group(1), mm=m.group(2),
                    month=strings["month.%d" % int(m.group(2))])
    return label


def summary_of(raw):
    """The summary as a reader meets it: tiles [(fact, label, value, note)],
    sentences [(text, [nested sentences])], notes [text], the sparkline
    (title, polylines) or None."""
    secs = find(tree(raw), lambda n: n["tag"] == "section" and n["attrs"].get("id") == "summary")
    if not secs:
        return None
    sec = secs[0]
    tiles = []
    for t in find(sec, lambda n: n["tag"] == "div" and has_class(n, "tile")):
        parts = {c: next((text_of(p) for p in t["kids"] if has_class(p, c)), None)
                 for c in ("tile-label", "tile-value", "tile-note")}
        tiles.append((t["attrs"].get("data-fact"), parts["tile-label"],
                      parts["tile-value"], parts["tile-note"]))
    story = []
    for ul in find(sec, lambda n: n["tag"] == "ul" and has_class(n, "story")):
        for li in [k for k in ul["kids"] if k["tag"] == "li"]:
            nested = [text_of(x) for ol in li["kids"] if ol["tag"] == "ol"
                      for x in ol["kids"] if x["tag"] == "li"]
            story.append((text_of(li, skip=("ol",)), nested))
    notes = [text_of(p) for p in find(sec, lambda n: n["tag"] == "p" and has_class(n, "note"))]
    spark = None
    for svg in find(sec, lambda n: n["tag"] == "svg" and has_class(n, "spark")):
        title = [text_of(x) for x in svg["kids"] if x["tag"] == "title"]
        spark = (title[0] if title else None,
                 len(find(svg, lambda n: n["tag"] == "polyline")), svg["attrs"].get("aria-label"))
    return {"tiles": tiles, "story": story, "notes": notes, "spark": spark}


def best_brand(cmp):
    best = None
    for ref, v in cmp["overall"]["references"].items():
        if ref == "frontier" or v is None or PROFILES[ref].get("kind") == "sector":
            continue
        if best is None or v > best[1]:
            best = (ref, v)
    return best


def overall_history(trend):
    """(scores, last slot, previous observed slot or None)."""
    sc = trend["overall"]["scores"] if trend else []
    last = len(sc) - 1
    prev = next((i for i in range(last - 1, -1, -1) if sc[i] is not None), None)
    return sc, last, prev


def expected_summary(cmp, trend, strings):
    """The summary's tiles, sentences, notes and sparkline title, worked
    out from compare's and trend's JSON: every difference between two
    numbers as printed."""
    f1 = lambda v: fmt_num(v, 1, strings)
    company, period = cmp["company"], cmp["period"]
    score = cmp["overall"]["score"]
    front = cmp["overall"]["references"].get("frontier")
    gap = shown(front, 1) - shown(score, 1)
    tiles = [("index", strings["tile_index"], f1(score), strings["tile_index_note"]),
             ("gap", strings["tile_gap"], f1(abs(gap)),
              fill(strings[by_sign(gap, "tile_gap_behind", "tile_gap_ahead", "tile_gap_level")],
                   frontier=f1(front)))]
    sc, last, prev = overall_history(trend)
    year = last - per_year(period)
    for fact, slot in (("previous", prev), ("year", year if year >= 0 else None)):
        if slot is None or sc[slot] is None:
            continue
        ch = shown(score, 1) - shown(sc[slot], 1)
        tiles.append((fact, fill(strings["tile_since"], period=pl(trend["periods"][slot], strings)),
                      f1(abs(ch)), fill(strings[by_sign(ch, "tile_up", "tile_down", "tile_same")],
                                        **{"from": f1(sc[slot])})))
    story = [(fill(strings[by_sign(gap, "summary_behind", "summary_ahead", "summary_level")],
                   period=pl(period, strings), company=company, score=f1(score),
                   gap=f1(abs(gap)),
                   frontier=f1(front)), [])]
    refs = [v for r, v in cmp["overall"]["references"].items() if r != "frontier" and v is not None]
    best = best_brand(cmp)
    if best:
        story.append((fill(strings["summary_rank"], company=company,
                           ahead=str(sum(shown(score, 1) > shown(v, 1) for v in refs)),
                           refs=str(len(refs)), best=PROFILES[best[0]]["brand"],
                           best_score=f1(best[1])), []))
    metrics = {m["id"]: m for m in cmp["metrics"]}
    gaps = []
    for mid in cmp["priorities"][:3]:
        m = metrics[mid]
        fr = m["references"]["frontier"]
        text = fill(strings["summary_gap"], metric=metric_name(mid, strings),
                    gap=fmt_num(unit_gap(mid, fr["value"], m["company"]), 2, strings),
                    unit=unit_of(mid, strings, m), brand=fr["brand"],
                    company_value=fmt_num(m["company"], 2, strings),
                    target=fmt_num(fr["value"], 2, strings), basis=basis_words(fr, strings),
                    significance=sig_text(fr["significant"], strings))
        if METRIC_DEF[mid].get("comparable", True) is False:
            text += " " + strings["not_comparable"]
        gaps.append(text)
    if gaps:
        story.append((strings["summary_gaps"], gaps))
    if trend:
        periods = trend["periods"]
        moved = [m for m in trend["metrics"]
                 if m.get("latest") == periods[-1] and m.get("change_from")]
        best_rise, best_m = 0, None
        for m in moved:
            rise = m["scores"][-1] - m["scores"][periods.index(m["change_from"])]
            if rise > best_rise:
                best_rise, best_m = rise, m
        if best_m:
            i = periods.index(best_m["change_from"])
            story.append((fill(strings["summary_improved"], period=pl(best_m["change_from"], strings),
                               metric=metric_name(best_m["id"], strings),
                               unit=unit_of(best_m["id"], strings, metrics.get(best_m["id"])),
                               significance=sig_text(best_m["change_significant"], strings),
                               **{"from": fmt_num(best_m["values"][i], 2, strings),
                                  "to": fmt_num(best_m["values"][-1], 2, strings)}), []))
        elif moved and prev is not None:
            story.append((fill(strings["summary_improved_none"], period=pl(periods[prev], strings)), []))
    values = [r for m in cmp["metrics"] for k, r in m["references"].items()
              if k != "frontier" and r is not None]
    fronts = [m["references"]["frontier"] for m in cmp["metrics"]
              if m["references"].get("frontier")]
    bases = fill(strings["summary_reported"], values=str(len(values)),
                 reported=str(sum(r["basis"] == "reported" for r in values)))
    if fronts:
        bases += " " + fill(strings["summary_reported_frontier"], frontier_total=str(len(fronts)),
                            frontier_reported=str(sum(r["basis"] == "reported" for r in fronts)))
    notes = [strings["define_index"] + " " + strings["define_frontier"],
             bases + " " + strings["basis_key"],
             fill(strings["summary_coverage"], company=company,
                  n=str(cmp["coverage"]["company"]), total=str(cmp["coverage"]["catalog"]))]
    obs = [i for i, v in enumerate(sc) if v is not None]
    spark = None
    if len(obs) >= 2:
        spark = fill(strings["spark_title"], first=f1(sc[obs[0]]),
                     first_period=pl(trend["periods"][obs[0]], strings),
                     last=f1(sc[obs[-1]]), last_period=pl(period, strings))
    return {"tiles": tiles, "story": story, "notes": notes, "spark": spark}


def numbers_in(text, strings):
    """The numbers a text shows, in the language's form (small numbers:
    the summary's and the priorities' without a thousands separator)."""
    return [parse_num(x, strings) for x in re.findall(r"-?\d+(?:[.,]\d+)?", text)]


def check_summary(tag, raw, cmp, trend, strings):
    """The 30-second summary against compare and trend: its tiles, its
    sentences (standing, the three largest gaps with unit, significance and
    basis, what improved most), what is reported, and that each difference
    it shows is the difference of the numbers it shows beside it."""
    got = summary_of(raw)
    if not check(tag + ": a summary section", got is not None):
        return
    want = expected_summary(cmp, trend, strings)
    check(tag + ": summary tiles", got["tiles"] == want["tiles"],
          list(zip(got["tiles"], want["tiles"])) or got["tiles"])
    check(tag + ": summary sentences", got["story"] == want["story"],
          [(g, w) for g, w in zip(got["story"], want["story"]) if g != w] or
          (got["story"], want["story"]))
    check(tag + ": summary notes (terms, reported count, marks, coverage)",
          got["notes"] == want["notes"],
          [(g, w) for g, w in zip(got["notes"], want["notes"]) if g != w] or got["notes"])
    check(tag + ": reported count sentence",
          any(n.startswith(want["notes"][1].split(";")[0]) for n in got["notes"]), got["notes"])
    check(tag + ": sparkline titled and labelled with the index's first and last values",
          (got["spark"] is None and want["spark"] is None) or
          (got["spark"] is not None and got["spark"][0] == want["spark"] ==
           got["spark"][2] and got["spark"][1] >= 1), (got["spark"], want["spark"]))
    # each difference on the page is the difference of the numbers beside it
    tiles = {t[0]: t for t in got["tiles"]}
    bad = []
    index = parse_num(tiles["index"][2], strings) if "index" in tiles else None
    for fact in ("gap", "previous", "year"):
        t = tiles.get(fact)
        if not t or not isinstance(index, float):
            continue
        other = [x for x in numbers_in(t[3], strings) if isinstance(x, float)]
        diff = parse_num(t[2], strings)
        if not other or not isinstance(diff, float) or \
                abs(abs(other[-1] - index) - diff) > 1e-6:
            bad.append((t, index))
    check(tag + ": tile differences add up on the page", not bad, bad)
    metrics = {m["id"]: m for m in cmp["metrics"]}
    nested = [g for _, n in got["story"] for g in n]
    for g, mid in zip(nested, cmp["priorities"]):
        # "Name: 32.1 % behind Amazon (47.9 against 80, ...)": gap, value,
        # target, once the metric's name and unit are out of the way
        rest = g[len(metric_name(mid, strings)):].replace(unit_of(mid, strings, metrics[mid]), "")
        nums = [x for x in numbers_in(rest, strings) if isinstance(x, float)]
        ok = len(nums) >= 3 and abs(abs(nums[2] - nums[1]) - nums[0]) < 1e-6
        check(tag + ": gap sentence of %s adds up on the page" % mid, ok, (g, nums))


def check_priorities(tag, s, cmp, trend, strings):
    """The priorities table: target with its mark, gap in the unit (the
    difference of the two values shown), score points apart, the plan for a
    year with the current pace, and the metric's own next step."""
    t = tables_with(s, [strings["col_rank"], strings["col_metric"]])
    if not check(tag + ": one priorities table", len(t) == 1, len(t)):
        return
    head, rows = t[0][0], t[0][1:]
    date = period_after(cmp["period"], per_year(cmp["period"]))
    want_head = [strings["col_rank"], strings["col_metric"],
                 fill(strings["col_company"], company=cmp["company"]), strings["col_target"],
                 strings["col_brand"], strings["col_gap"], strings["col_points"],
                 strings["col_significance"], fill(strings["col_plan"], date=pl(date, strings)),
                 strings["col_next_step"]]
    check(tag + ": priorities header (plan dated a year on: %s)" % date, head == want_head,
          (head, want_head))
    metrics = {m["id"]: m for m in cmp["metrics"]}
    top = cmp["priorities"][:5]
    check(tag + ": top-5 priorities in order",
          [r[1] for r in rows] == [metric_name(i, strings) for i in top],
          ([r[1] for r in rows], top))
    for k, (r, mid) in enumerate(zip(rows, top)):
        m = metrics[mid]
        fr = m["references"]["frontier"]
        want = [str(k + 1), metric_name(mid, strings), fmt_num(m["company"], 2, strings),
                ref_cell(fr, strings), fr["brand"], gap_text(mid, m, strings),
                fmt_num(fr["gap_points"], 1, strings), sig_text(fr["significant"], strings),
                plan_text(mid, m, trend, strings, cmp["period"]), next_step(mid, strings)]
        check(tag + ": priority %d %s" % (k + 1, mid), r == want,
              [(g, w) for g, w in zip(r, want) if g != w] or (r, want))
        # the gap shown is the difference of the two values shown
        v, target = parse_num(r[2], strings), parse_num(r[3].split(" ")[0], strings)
        g = numbers_in(r[5], strings)
        check(tag + ": priority %s gap adds up on the page" % mid,
              isinstance(v, float) and isinstance(target, float) and g and
              abs(abs(target - v) - g[0]) < 1e-6, (r[2], r[3], r[5]))


def check_overall_words(tag, s, cmp, strings):
    """The overall table says behind or ahead in words, and each gap is the
    difference of the two indexes shown."""
    t = tables_with(s, [strings["col_reference"], strings["col_index"]])
    if not check(tag + ": one overall table", len(t) == 1, len(t)):
        return
    head, rows = t[0][0], t[0][1:]
    check(tag + ": overall table header",
          head == [strings["col_reference"], strings["col_index"],
                   fill(strings["col_against"], company=cmp["company"])], head)
    own = [r for r in rows if r[0] == cmp["company"]]
    if not check(tag + ": the company's row", len(own) == 1, rows):
        return
    c = parse_num(own[0][1], strings)
    bad = []
    for r in rows:
        if r[0] == cmp["company"]:
            continue
        v = parse_num(r[1], strings)
        diff = shown(v, 1) - shown(c, 1)
        want = fill(strings[by_sign(diff, "against_behind", "against_ahead", "against_level")],
                    gap=fmt_num(abs(diff), 1, strings))
        if r[2] != want:
            bad.append((r, want))
    check(tag + ": overall gaps in words, the difference of the indexes shown", not bad, bad[:3])


# ------------------------------------------------------------ tests


def test_en(tmp):
    tag = "en"
    out = os.path.join(tmp, "en.html")
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    rc, so, err = run(["report", company, "-o", out])
    if not check(tag + ": exit 0", rc == 0, err):
        return
    check(tag + ": prints the output path", so.strip() == out, so)
    check(tag + ": quiet on stderr", err == "", err)
    cmp = compare(company)
    if not cmp:
        return
    s = html_check(out)
    check(tag + ": lang", s["lang"] == "en", s["lang"])
    title = EN["title_default"].replace("{company}", cmp["company"])
    check(tag + ": title and h1", s["title"] == title and s["h1"] == [title],
          (s["title"], s["h1"]))
    trend = trend_json(company, cmp["period"])
    check_structure(tag, s, cmp, trend, EN, read_text(out))
    check_raw(tag, read_text(out))
    check_numbers(tag, s, cmp, EN, cmp["company"], trend)
    check_summary(tag, read_text(out), cmp, trend, EN)
    check_trend(tag, s, cmp, trend, EN)
    check(tag + ": only the report in its directory", list_dir(tmp) == ["en.html"],
          list_dir(tmp))


def test_lang(tmp, lang):
    tag = "--lang " + lang
    strings = dict(EN)
    strings.update(load_json(os.path.join(DATA, "reports", "strings", lang + ".json")))
    out = os.path.join(tmp, lang + ".html")
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    rc, _, err = run(["report", company, "-o", out, "--lang", lang])
    if not check(tag + ": exit 0", rc == 0, err):
        return
    cmp = compare(company)
    s = html_check(out)
    raw = read_text(out)
    check(tag + ": no parser errors", s["errors"] == [], s["errors"][:5])
    check(tag + ": lang attribute", s["lang"] == lang, s["lang"])
    en_heads = {EN[k] for k in [k for _, k in FULL or []] + ["contents"]}
    check(tag + ": no English heading left", not en_heads & set(s["h2"]),
          en_heads & set(s["h2"]))
    check(tag + ": every heading in Cyrillic",
          s["h2"] and all(re.search("[\u0400-\u04ff]", h) for h in s["h2"]), s["h2"])
    check_outline(tag, s, raw, strings, True)
    en_caps = {EN["chart_overall"], EN["chart_radar"], EN["chart_timetax"],
               EN["chart_trend"]}
    check(tag + ": chart captions translated",
          not en_caps & set(s["figcaptions"]) and
          all(re.search("[\u0400-\u04ff]", c) for c in s["figcaptions"]),
          s["figcaptions"])
    trend = trend_json(company, cmp["period"])
    check(tag + ": one svg per chart",
          s["svgs"] == len(expected_charts(cmp, trend)[0]) == s["svg_in_figures"],
          s["svgs"])
    check_summary(tag, raw, cmp, trend, strings)
    check_overall_words(tag, s, cmp, strings)
    check_priorities(tag, s, cmp, trend, strings)
    check(tag + ": marks and words of the basis in Cyrillic",
          all(re.search("[\u0400-\u04ff]", strings[k]) for k in
              ("mark_modeled", "basis_word_modeled", "basis_word_reported", "basis_key",
               "not_comparable", "plan_needed", "summary_reported")),
          [strings[k] for k in ("mark_modeled", "basis_word_modeled")])
    index = fmt_num(cmp["overall"]["score"], 1, strings)
    check(tag + ": decimal comma in the index", "," in index, index)
    t = tables_with(s, [strings["col_reference"], strings["col_index"]])
    row = [r for r in t[0][1:] if r[0] == cmp["company"]] if len(t) == 1 else []
    check(tag + ": company index %s in the overall table" % index,
          len(row) == 1 and row[0][1] == index, row)
    dotted = [c for tb in tables_with(s, [strings["col_dimension"]]) + t
              for r in tb[1:] for c in r[1:] if re.fullmatch(r"[+-]?\d+\.\d+", c)]
    check(tag + ": no decimal point in number cells", not dotted, dotted[:5])
    check(tag + ": no {placeholder} left", not re.search(r"\{[A-Za-z_]+\}", raw),
          re.findall(r"\{[A-Za-z_]+\}", raw)[:5])
    check(tag + ": text kept as UTF-8, not character references",
          strings["summary_h"] in raw and "&#" not in raw)
    # the index as the summary and charts print it
    check(tag + ": index in the overall chart",
          any(index in x for x in (s["svg_text"][0] if s["svg_text"] else [])),
          s["svg_text"][:1])
    check(tag + ": only the report in its directory",
          list_dir(tmp) == [lang + ".html"], list_dir(tmp))


def test_business_clock(tmp):
    """A duration on a business clock says so in its unit, in the metric
    table and in the priority's reason, in each language; a calendar one
    does not."""
    company = os.path.join(tmp, "tickets.json")
    write(company, json.dumps({"company": "Helpdesk Co", "period": "2026-Q3",
                               "metrics": {"resolution_hours": {"value": 30, "clock": "business"},
                                           "first_response_minutes": 600}}))
    for lang in ("en", "uk", "ru"):
        strings = dict(EN)
        strings.update(load_json(os.path.join(DATA, "reports", "strings", lang + ".json")))
        out = os.path.join(tmp, lang + ".html")
        rc, _, err = run(["report", company, "-o", out, "--lang", lang,
                          "--against", "amazon,frontier"])
        if not check("clock %s: exit 0" % lang, rc == 0, err):
            continue
        s = html_check(out)
        marked = strings["unit_business"].replace(
            "{unit}", strings.get("unit.resolution_hours", "hours"))
        plain = strings.get("unit.first_response_minutes", "minutes")
        rows = [r for t in tables_with(s, [strings["col_metric"], strings["col_unit"]])
                for r in t[1:]]
        units = {r[0]: r[1] for r in rows if len(r) > 1}
        res = units.get(strings.get("metric.resolution_hours", "Time to resolution"))
        fr = units.get(strings.get("metric.first_response_minutes",
                                   "First response time (written channels)"))
        check("clock %s: resolution in business hours (%s)" % (lang, marked),
              res == marked, units)
        check("clock %s: first response in plain %s" % (lang, plain), fr == plain, units)
        prio = {r[1]: r for t in tables_with(s, [strings["col_rank"], strings["col_metric"]])
                for r in t[1:]}
        res = prio.get(strings.get("metric.resolution_hours", "Time to resolution"), [])
        fr = prio.get(strings.get("metric.first_response_minutes",
                                  "First response time (written channels)"), [])
        check("clock %s: the priority's gap and plan name business hours" % lang,
              len(res) == 10 and marked in res[5] and marked in res[8] and
              not any(marked in c for c in fr), (res, fr))


def data_uri(raw):
    m = re.search(r'<img[^>]*\ssrc="([^"]*)"', raw)
    return m.group(1) if m else None


def test_options(tmp):
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    base = html_check_run(tmp, "base", [])
    # --title, escaped
    title = 'Q3 review <b>bold</b> & "more" \'quoted\''
    s, raw = html_check_run(tmp, "title", ["--title", title])
    if s:
        check("--title: title and h1", s["title"] == title and s["h1"] == [title],
              (s["title"], s["h1"]))
        check("--title: markup escaped", "<b>bold" not in raw and "&lt;b&gt;bold" in raw)
    # logos
    png = png_1x1()
    svg = (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
           b'width="20" height="10"><rect width="20" height="10" fill="#1b2f4e"/></svg>\n')
    evil_svg = (b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)" '
                b'width="20" height="10"><script>alert(2)</script>'
                b'<image href="https://example.com/x.png"/></svg>\n')
    jpeg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
    for name, data, mime in (("logo.png", png, "image/png"),
                             ("logo.svg", svg, "image/svg+xml"),
                             ("evil.svg", evil_svg, "image/svg+xml"),
                             ("logo.jpg", jpeg, "image/jpeg")):
        path = os.path.join(tmp, name)
        write(path, data)
        s, raw = html_check_run(tmp, name, ["--logo", path])
        if not s:
            continue
        tag = "--logo " + name
        prefix = "data:%s;base64," % mime
        check(tag + ": one img with a data: URI", len(s["images"]) == 1 and
              s["images"][0] == (prefix + base64.b64encode(data).decode())[:40],
              s["images"])
        uri = data_uri(raw)
        check(tag + ": data URI holds the file",
              uri is not None and uri.startswith(prefix) and
              base64.b64decode(uri[len(prefix):]) == data, (uri or "")[:60])
        check(tag + ": no errors, scripts, events or external references",
              s["errors"] == [] and s["scripts"] == 0 and s["event_attributes"] == 0
              and s["external"] == [] and s["unsafe_elements"] == [],
              (s["errors"][:3], s["scripts"], s["event_attributes"], s["external"]))
        if base[0]:
            check(tag + ": logo not inlined as svg", s["svgs"] == base[0]["svgs"],
                  (s["svgs"], base[0]["svgs"]))
        check(tag + ": no <script / onload in the raw HTML",
              "<script" not in raw.lower() and "onload" not in raw.lower())
    # bad logos: no output, existing file untouched
    bad = os.path.join(tmp, "logo.txt")
    write(bad, "this is not an image\n")
    out = os.path.join(tmp, "badlogo.html")
    rc, _, err = run(["report", company, "-o", out, "--logo", bad])
    check("--logo text file: exit 1", rc == 1, (rc, err))
    check("--logo text file: message names the logo", "logo.txt" in err, err)
    check("--logo text file: no output file", not os.path.exists(out))
    write(out, "ORIGINAL")
    rc, _, err = run(["report", company, "-o", out, "--logo", bad])
    check("--logo text file: existing report untouched",
          rc == 1 and read_text(out) == "ORIGINAL", (rc, err))
    os.unlink(out)
    big = os.path.join(tmp, "big.png")
    write(big, png + b"\0" * (2 << 20))
    rc, _, err = run(["report", company, "-o", out, "--logo", big])
    check("--logo over 2 MiB: exit 1, no output", rc == 1 and not os.path.exists(out),
          (rc, err))
    rc, _, err = run(["report", company, "-o", out, "--logo",
                      os.path.join(tmp, "nosuch.png")])
    check("--logo missing: exit 3, no output", rc == 3 and not os.path.exists(out),
          (rc, err))
    # --png-dir: one PNG per chart
    pngdir = os.path.join(tmp, "png")
    s, raw = html_check_run(tmp, "png", ["--png-dir", pngdir])
    if s:
        files = list_dir(pngdir)
        check("--png-dir: one PNG per chart", len(files) == s["svgs"] and
              all(f.endswith(".png") for f in files), (files, s["svgs"]))
        names = {f[:-4] for f in files}
        gaps = {n[4:] for n in names if n.startswith("gap-")}
        tdims = {n[6:] for n in names if n.startswith("trend-")}
        check("--png-dir: overall, radar, timetax, trend, and gap and trend charts "
              "per dimension", {"overall", "radar", "timetax", "trend"} <= names and
              gaps == tdims and len(names) == 4 + 2 * len(gaps), files)
        bad = [f for f in files if not read_bytes(os.path.join(pngdir, f)).startswith(PNG_SIG)
               or os.path.getsize(os.path.join(pngdir, f)) < 1000]
        check("--png-dir: PNG signature and content", not bad, bad)
        check("--png-dir: report still inline SVG only", s["images"] == [] and
              s["external"] == [], (s["images"], s["external"]))
    # --period
    for period, has_trend in (("2026-Q1", True), ("2025-Q4", False)):
        tag = "--period " + period
        s, raw = html_check_run(tmp, period, ["--period", period])
        cmp = compare(company, "--period", period)
        if not s or not cmp:
            continue
        check(tag + ": compare agrees on the period", cmp["period"] == period)
        trend = trend_json(company, period)
        check_structure(tag, s, cmp, trend, EN, raw)
        check(tag + ": subtitle names the period", "<p class=\"subtitle\">%s " % period in raw,
              re.findall(r'<p class="subtitle">[^<]*', raw))
        check(tag + ": trend section %s" % ("present" if has_trend else "absent"),
              ("trend" in s["sections"]) == has_trend and
              ('href="#trend"' in raw) == has_trend, s["sections"])
        check_numbers(tag, s, cmp, EN, cmp["company"], trend)
        check_summary(tag, raw, cmp, trend, EN)
        check_trend(tag, s, cmp, trend, EN)
    rc, _, err = run(["report", company, "-o", os.path.join(tmp, "p.html"),
                      "--period", "1999-Q1"])
    check("--period not in the file: exit 2, no output",
          rc == 2 and "1999-Q1" in err and not os.path.exists(os.path.join(tmp, "p.html")),
          (rc, err))
    rc, _, err = run(["report", company, "-o", os.path.join(tmp, "l.html"), "--lang", "de"])
    check("--lang de: exit 2, no output",
          rc == 2 and not os.path.exists(os.path.join(tmp, "l.html")), (rc, err))


def html_check_run(tmp, name, args):
    """Writes a report with extra args and returns (summary, raw html)."""
    out = os.path.join(tmp, "opt-%s.html" % re.sub(r"[^A-Za-z0-9-]", "_", name))
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    rc, _, err = run(["report", company, "-o", out] + args)
    if not check("report %s: exit 0" % " ".join(args)[:60], rc == 0, err):
        return None, ""
    return html_check(out), read_text(out)


def css_escaped(text):
    """A CSS string as print.c writes it: every character that is not an
    ASCII letter or digit as a hex escape ended by a space."""
    return '"' + "".join(c if c.isascii() and c.isalnum() else "\\%X " % ord(c)
                         for c in text) + '"'


def page_rule(raw):
    """The @page rule the report writes itself (the theme's has no size)."""
    m = re.search(r"@page \{ size: [^;]*;.*?\} \}", raw, re.S)
    return m.group(0) if m else ""


def test_print(tmp):
    """Paper and phone: the page's size and margin boxes (company and
    period, --footer and the date, page numbers) with user text escaped,
    SOURCE_DATE_EPOCH, --paper, --full-sources, charts kept with their
    tables, wide tables marked for a phone."""
    cmp = compare(os.path.join(DATA, "examples", "acme-telecom.json"))
    if cmp is None:
        return
    epoch = {"SOURCE_DATE_EPOCH": str(86400 * (365 + 31))}  # 1971-02-01
    footer = 'Confidential "x" </style><script>alert(1)</script> \\"; } @import url(//e)'
    out = os.path.join(tmp, "print.html")
    rc, _, err = run(["report", os.path.join(DATA, "examples", "acme-telecom.json"),
                      "-o", out, "--footer", footer], env=epoch)
    if not check("--footer: exit 0", rc == 0, err):
        return
    raw, s = read_text(out), html_check(out)
    rule = page_rule(raw)
    check("print: A4 by default", rule.startswith("@page { size: A4;"), rule[:40])
    check("print: the running header names the company and the period",
          "@top-left { content: %s; }" % css_escaped("Acme Telecom \u00b7 " + cmp["period"])
          in rule, rule)
    check("print: the running footer holds --footer and SOURCE_DATE_EPOCH's date",
          "@bottom-left { content: %s; }" % css_escaped(
              footer + " \u00b7 " + EN["generated"].replace("{date}", "1971-02-01")) in rule,
          rule)
    page_of = EN["page_of"].split("{page}")
    check("print: page numbers", '@bottom-right { content: %s counter(page) %s '
          'counter(pages); }' % (css_escaped(page_of[0]),
                                 css_escaped(page_of[1].split("{pages}")[0])) in rule, rule)
    check("print: nothing but escapes in the rule's strings",
          all(re.fullmatch(r'([A-Za-z0-9]|\\[0-9A-F]+ )*', x)
              for x in re.findall(r'"([^"]*)"', rule)), rule)
    check("--footer: the markup stays text", "<script" not in raw.lower() and
          raw.count("</style>") == 2 and s["scripts"] == 0 and s["external"] == [],
          (raw.count("</style>"), s["external"]))
    check("--footer: in the document's footer, escaped",
          '<p class="footer-text">Confidential "x" &lt;/style&gt;&lt;script&gt;' in raw)
    check("print: the date in the footer",
          "<p>%s</p>" % EN["generated"].replace("{date}", "1971-02-01") in raw)
    # charts kept with their tables, the long ones allowed to go on
    blocks = re.findall(r'<div class="(chart-block(?: long)?)">\s*<figure', raw)
    check("print: every chart in a block with its table",
          len(blocks) == s["svgs"] and all(f["table_follows"] for f in s["figures"]),
          (len(blocks), s["svgs"]))
    check("print: blocks of more than 12 rows may break", "chart-block long" in blocks and
          "chart-block" in blocks, blocks)
    # wide tables: focusable, named, with the phone's hint
    wraps = re.findall(r'<div class="table-wrap( wide)?"([^>]*)>', raw)
    wide = [a for w, a in wraps if w]
    ncols = [max(len(r) for r in t) for t in s["tables"]]
    check("print: a table of 5 columns or more is marked wide",
          len(wide) == sum(1 for n in ncols if n >= 5) and len(wide) > 5,
          (len(wide), ncols))
    check("print: wide tables take the focus and are named",
          all('tabindex="0"' in a and 'role="region"' in a and 'aria-label="' in a
              for a in wide), wide[:2])
    hints = re.findall(r'<(span|p) class="scroll-hint" aria-hidden="true">([^<]*)</', raw)
    check("print: one scroll hint per wide table, in its caption",
          hints == [("span", EN["scroll_hint"])] * len(wide), hints[:3])
    check("print: the list of every value is closed",
          '<details class="all-sources" id="all-sources"><summary>' in raw)
    # --paper letter, --full-sources
    out2 = os.path.join(tmp, "letter.html")
    rc, _, err = run(["report", os.path.join(DATA, "examples", "acme-telecom.json"),
                      "-o", out2, "--paper", "letter", "--full-sources"], env=epoch)
    if check("--paper letter --full-sources: exit 0", rc == 0, err):
        raw2 = read_text(out2)
        check("--paper letter", page_rule(raw2).startswith("@page { size: letter;"),
              page_rule(raw2)[:40])
        check("--full-sources: the list of every value open and printed",
              '<details class="all-sources print" id="all-sources" open>' in raw2 or
              '<details class="all-sources print" id="all-sources" open="open">' in raw2,
              re.findall(r"<details[^>]*>", raw2))
        check("no --footer: the date alone at the foot of the page",
              "@bottom-left { content: %s; }" % css_escaped(
                  EN["generated"].replace("{date}", "1971-02-01")) in page_rule(raw2))
    # bad values
    for args, env, want in ((["--paper", "a3"], {}, "--paper must be a4 or letter"),
                            ([], {"SOURCE_DATE_EPOCH": "yesterday"}, "SOURCE_DATE_EPOCH"),
                            ([], {"SOURCE_DATE_EPOCH": "-5"}, "SOURCE_DATE_EPOCH")):
        bad = os.path.join(tmp, "bad.html")
        rc, _, err = run(["report", os.path.join(DATA, "examples", "acme-telecom.json"),
                          "-o", bad] + args, env=env)
        check("%s %s: exit 2, one line naming it" % (args, env), rc == 2 and want in err
              and err.count("\n") <= 2 and not os.path.exists(bad), (rc, err))


FAKE_CHROMIUM = """#!/bin/sh
# a stand-in for Chromium: records its arguments, then does what MODE says
for a in "$@"; do
	case $a in --print-to-pdf=*) out=${a#--print-to-pdf=} ;; esac
done
printf '%s\\n' "$@" > "$FAKE_ARGS"
case $FAKE_MODE in
print) printf '%%PDF-1.4 fake\\n' > "$out" ;;
nothing) ;;
fail) echo "boom: no display" >&2; exit 7 ;;
hang) printf '%%PDF-1.4 half' > "$out"; sleep 30 ;;
esac
"""


def test_pdf(tmp):
    """--pdf with stand-ins for Chromium: how it is run (argv, no network,
    a file:// URL), the PDF renamed into place only when whole, and one
    clear error (exit 3) when Chromium is missing, fails, writes nothing or
    hangs (CXBENCH_PDF_TIMEOUT), leaving no temporary file and an older PDF
    untouched.  tests/browser-test.sh prints with the real one."""
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    fake = os.path.join(tmp, "fake-chromium")
    write(fake, FAKE_CHROMIUM)
    os.chmod(fake, 0o755)
    outdir = os.path.join(tmp, "out dir #1")
    os.mkdir(outdir)
    html_out, pdf = os.path.join(outdir, "r.html"), os.path.join(outdir, "r.pdf")
    argsfile = os.path.join(tmp, "args")

    def pdf_run(mode, extra_env=None, chromium=fake):
        env = {"FAKE_MODE": mode, "FAKE_ARGS": argsfile}
        if chromium is not None:
            env["CHROMIUM"] = chromium
        env.update(extra_env or {})
        return run(["report", company, "-o", html_out, "--pdf", pdf], env=env,
                   label="report --pdf (%s)" % mode)

    rc, out, err = pdf_run("print")
    if check("--pdf: exit 0 with a PDF-writing browser", rc == 0, err):
        check("--pdf: the PDF in place", read_bytes(pdf) == b"%PDF-1.4 fake\n")
        check("--pdf: both files named on stdout", out.split() == [html_out, pdf] or
              out.splitlines() == [html_out, pdf], out)
        args = read_text(argsfile).splitlines()
        url = "file://" + os.path.realpath(html_out).replace(" ", "%20").replace("#", "%23")
        check("--pdf: headless, no network, the report's file:// URL last",
              "--headless" in args and "--host-resolver-rules=MAP * ~NOTFOUND" in args
              and "--no-pdf-header-footer" in args and args[-1] == url, args)
        printed = [a for a in args if a.startswith("--print-to-pdf=")]
        check("--pdf: printed to a temporary file beside the target",
              len(printed) == 1 and os.path.dirname(printed[0].split("=", 1)[1]) == outdir
              and printed[0] != "--print-to-pdf=" + pdf, printed)
    check("--pdf: nothing left beside the outputs", sorted(os.listdir(outdir)) ==
          ["r.html", "r.pdf"], os.listdir(outdir))
    write(pdf, b"%PDF-old")
    for mode, env, chromium, want in (
            ("print", {}, os.path.join(tmp, "no-such-chromium"), "no-such-chromium"),
            ("print", {"PATH": os.path.join(tmp, "empty"),
                       "CXBENCH_GNUPLOT": shutil.which("gnuplot") or "gnuplot"}, None,
             "--pdf needs Chromium"),
            ("nothing", {}, fake, "wrote no PDF"),
            ("fail", {}, fake, "boom: no display"),
            ("hang", {"CXBENCH_PDF_TIMEOUT": "1"}, fake, "did not finish printing")):
        rc, _, err = pdf_run(mode, env, chromium)
        tag = "--pdf %s%s" % (mode, " (no chromium)" if chromium != fake else "")
        check(tag + ": exit 3 with one line naming what went wrong",
              rc == 3 and want in err and len(err.strip().splitlines()) == 1, (rc, err))
        check(tag + ": the older PDF untouched, nothing left beside it",
              read_bytes(pdf) == b"%PDF-old" and
              sorted(os.listdir(outdir)) == ["r.html", "r.pdf"], os.listdir(outdir))


def test_failures(tmp):
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    out = os.path.join(tmp, "out")
    tmpdir = os.path.join(tmp, "tmpdir")
    os.mkdir(out)
    os.mkdir(tmpdir)
    report = os.path.join(out, "report.html")
    env = {"TMPDIR": tmpdir}

    rc, _, err = run(["report", company, "-o", report], env=env)
    check("success: exit 0", rc == 0, err)
    check("success: no temporary directory left", list_dir(tmpdir) == [], list_dir(tmpdir))
    check("success: nothing beside the report", list_dir(out) == ["report.html"],
          list_dir(out))
    write(report, "ORIGINAL\n")

    for prog, words, tag in (("/bin/false", ["gnuplot"], "gnuplot fails"),
                             ("/nonexistent/gnuplot", ["cannot run", "gnuplot"],
                              "gnuplot missing")):
        rc, _, err = run(["report", company, "-o", report, "--png-dir",
                          os.path.join(out, "png")], env=dict(env, CXBENCH_GNUPLOT=prog))
        check(tag + ": exit 3", rc == 3, (rc, err))
        check(tag + ": message " + repr(words), all(w in err for w in words), err)
        check(tag + ": one line of message", err.count("\n") == 1, err)
        check(tag + ": existing report untouched", read_text(report) == "ORIGINAL\n")
        check(tag + ": nothing new beside the report", list_dir(out) == ["report.html"],
              list_dir(out))

    # a chart's data file cannot be written: no room for any file (a size
    # limit of 0, its signal ignored so that writes fail with EFBIG)
    def no_room():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    tag = "no room for the charts' data"
    rc, _, err = run(["report", company, "-o", report], env=env, preexec=no_room)
    check(tag + ": exit 3", rc == 3, (rc, err))
    check(tag + ": one line naming a data file", err.count("\n") == 1 and
          "cannot write" in err and ".tsv" in err, err)
    check(tag + ": existing report untouched", read_text(report) == "ORIGINAL\n")
    check(tag + ": no temporary directory left", list_dir(tmpdir) == [], list_dir(tmpdir))

    # output into a directory the program may not write
    ro = os.path.join(tmp, "ro")
    os.mkdir(ro)
    kept = os.path.join(ro, "report.html")
    write(kept, "ORIGINAL\n")
    user = None
    if os.geteuid() == 0:  # root writes anywhere: run as nobody instead
        user = 65534
        for d in (os.path.dirname(tmp), tmp, ro):
            os.chmod(d, 0o755)
        os.chmod(kept, 0o644)
        os.chmod(tmpdir, 0o1777)
    os.chmod(ro, 0o555)
    try:
        rc, _, err = run(["report", company, "-o", kept], env=env, user=user)
        check("read-only directory: exit 3", rc == 3, (rc, err))
        check("read-only directory: message names the file", kept in err, err)
        check("read-only directory: existing report untouched",
              read_text(kept) == "ORIGINAL\n")
        check("read-only directory: no stray files", list_dir(ro) == ["report.html"],
              list_dir(ro))
    except (PermissionError, OSError) as e:
        check("read-only directory: could run cxbench as nobody", False, e)
    finally:
        os.chmod(ro, 0o755)

    # output path is a directory; output directory does not exist
    rc, _, err = run(["report", company, "-o", out], env=env)
    check("-o DIRECTORY: exit 3", rc == 3, (rc, err))
    check("-o DIRECTORY: no stray files", list_dir(out) == ["report.html"], list_dir(out))
    rc, _, err = run(["report", company, "-o", os.path.join(tmp, "nodir", "r.html")], env=env)
    check("-o in a missing directory: exit 3", rc == 3, (rc, err))

    # usage errors
    rc, so, err = run(["report", company], env=env)
    check("-o missing: exit 2", rc == 2, (rc, err))
    check("-o missing: message names -o", "-o" in err and so == "", err)
    rc, _, err = run(["report", "-o", os.path.join(tmp, "x.html")], env=env)
    check("COMPANY missing: exit 2, no output",
          rc == 2 and not os.path.exists(os.path.join(tmp, "x.html")), (rc, err))
    rc, so, err = run(["report", "-h"], env=env)
    check("report -h: exit 0 and usage", rc == 0 and "usage: cxbench report" in so, (rc, err))


def evil(tag, d, newline):
    s = ('Evil\'Co "quoted" `touch %s/PWNED-%s-1` system("touch %s/PWNED-%s-2") '
         '@macro $(touch %s/PWNED-%s-3) <script>alert(1)</script> & co\nline2'
         % (d, tag, d, tag, d, tag))
    return s if newline else s.replace("\n", " ")


def chart_forms(s):
    """How a name may read in a chart: newline as space, and double quotes
    possibly as typographic ones (plot.c gp_field)."""
    n = norm(s)
    return {n, n.replace('"', "\u201d")}


def chart_has(texts, name, forms=chart_forms):
    """Whether a chart's texts show the name: the charts wrap long labels
    into lines (one <text> each) and may break a word too long for its
    place with a hyphen, so the lines are read joined."""
    joined = norm(" ".join(texts))
    return any(f in joined or f in joined.replace("- ", "") for f in forms(name))


def listen_json(tmp):
    """`cxbench listen -o` on the test transcripts: (the file, its content),
    or (None, None)."""
    path = os.path.join(tmp, "signals.json")
    rc, _, err = run(["listen", os.path.join(REPO, "tests", "listen", "conversations.csv"),
                      "-o", path])
    if not check("listen -o FILE: exit 0", rc == 0, err):
        return None, None
    return path, load_json(path)


def check_voice(tag, s, raw, sig, strings):
    """The voice section against `listen`'s output: a row per signal with
    its share and count, the conversations counted in the intro, and the
    quotes exactly as listen masked them."""
    t = tables_with(s, [strings["col_signal"], strings["col_share"],
                        strings["col_conversations"]])
    want = list(sig["signals"].items())
    if check(tag + ": one signals table", len(t) == 1, len(t)):
        rows = t[0][1:]
        check(tag + ": a row per signal, in listen's order",
              [r[0] for r in rows] == [strings["signal." + k] for k, _ in want],
              [r[0] for r in rows])
        bad = [(r, v["pct"], v["n"]) for r, (_, v) in zip(rows, want)
               if not (close(r[1], v["pct"], 1, strings) and close(r[2], v["n"], 0, strings))]
        check(tag + ": shares and counts as listen found them", not bad, bad[:3])
    intro = strings["voice_intro"].replace(
        "{conversations}", fmt_num(sig["conversations"], 0, strings))
    check(tag + ": the intro counts the conversations", intro in raw, intro)
    voice = [x for x in outline(raw)[1] if x[0] == VOICE]
    quotes = voice[0][2] if voice else []
    check(tag + ": the quotes, as listen masked them",
          quotes == [norm(q) for _, v in want for q in v["examples"]], quotes[:5])
    check(tag + ": a masked e-mail address among the quotes",
          any("[email]" in q for q in quotes), quotes[:5])
    emails = re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
                        read_text(os.path.join(REPO, "tests", "listen", "conversations.csv")))
    check(tag + ": the transcripts have e-mail addresses to mask", emails != [])
    check(tag + ": no e-mail address from the transcripts",
          not [e for e in emails if e in raw], [e for e in emails if e in raw])


def test_signals(tmp):
    """--signals: the full report, every section shown.  Its sections are
    the ones every other report is checked against (FULL), with their
    headings' keys found from the English text."""
    global FULL
    tag = "--signals"
    sig_path, sig = listen_json(tmp)
    if not sig:
        return
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    out = os.path.join(tmp, "full.html")
    rc, _, err = run(["report", company, "-o", out, "--signals", sig_path])
    if not check(tag + ": exit 0", rc == 0, err):
        return
    check(tag + ": quiet on stderr", err == "", err)
    raw = read_text(out)
    secs = outline(raw)[1]
    keys = {EN[k]: k for k in EN if k.endswith("_h")}
    if check(tag + ": every section heading from the string table",
             all(h in keys for _, h, _ in secs), [h for _, h, _ in secs if h not in keys]):
        FULL = [(i, keys[h]) for i, h, _ in secs]
    check(tag + ": the sections shown only sometimes are there",
          TREND in [i for i, _, _ in secs] and VOICE in [i for i, _, _ in secs], secs)
    cmp = compare(company)
    if not cmp:
        return
    s = html_check(out)
    trend = trend_json(company, cmp["period"])
    check_structure(tag, s, cmp, trend, EN, raw, sig)
    check_raw(tag, raw)
    check_numbers(tag, s, cmp, EN, cmp["company"], trend)
    check_voice(tag, s, raw, sig, EN)
    # in another language: the signals' names and the numbers translated
    strings = dict(EN)
    strings.update(load_json(os.path.join(DATA, "reports", "strings", "uk.json")))
    rc, _, err = run(["report", company, "-o", out, "--signals", sig_path, "--lang", "uk"])
    if check(tag + " --lang uk: exit 0", rc == 0, err):
        raw = read_text(out)
        s = html_check(out)
        check_outline(tag + " --lang uk", s, raw, strings, True, True)
        check_voice(tag + " --lang uk", s, raw, sig, strings)


NEW_SIGNALS = ("broken_promise", "passed_around", "bot_frustration")


def voice_chart(s, strings):
    """The voice chart's texts (labels, ticks and values), or None."""
    titles = s.get("svg_titles") or []
    if strings["chart_voice"] not in titles:
        return None
    return s["svg_text"][titles.index(strings["chart_voice"])]


def voice_rows(s, strings):
    """The signal names of the voice section's table, or None."""
    t = tables_with(s, [strings["col_signal"], strings["col_share"],
                        strings["col_conversations"]])
    return [r[0] for r in t[0][1:]] if len(t) == 1 else None


def test_signals_optional(tmp):
    """broken_promise, passed_around and bot_frustration came after the
    first six signals and are optional in a --signals file: a file written
    before them renders with six rows and six bars and none of the new
    names; a file with all nine shows the new ones (with shares, counts
    and quotes) named in the report's language, read from that language's
    own table so that a missing translation is not hidden by the English
    fallback, in en, uk and ru."""
    _, sig = listen_json(tmp)
    if not sig:
        return
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    out = os.path.join(tmp, "voice.html")
    path = os.path.join(tmp, "voice-signals.json")
    # six: as `listen` wrote it before the last three signals existed
    six = json.loads(json.dumps(sig))
    for k in NEW_SIGNALS:
        six["signals"].pop(k, None)
    write(path, json.dumps(six, indent=1))
    tag = "--signals with six signals"
    rc, _, err = run(["report", company, "-o", out, "--signals", path])
    if check(tag + ": exit 0, quiet", rc == 0 and err == "", (rc, err)):
        raw = read_text(out)
        s = html_check(out)
        names = [EN["signal." + k] for k in six["signals"]]
        check(tag + ": the six rows", voice_rows(s, EN) == names, voice_rows(s, EN))
        texts = voice_chart(s, EN) or []
        check(tag + ": a bar for each of the six",
              all(chart_has(texts, n) for n in names), texts)
        new = [EN["signal." + k] for k in NEW_SIGNALS]
        check(tag + ": none of the new signals named anywhere",
              not [n for n in new if n in raw], [n for n in new if n in raw])
        check_voice(tag, s, raw, six, EN)
    # nine: each new signal with its own share, count and quote
    nine = json.loads(json.dumps(sig))
    total = nine["conversations"]
    for k, n, quote in (
            ("broken_promise", 4, "You promised me a callback on Monday and nobody called."),
            ("passed_around", 3, "You are the third person I talk to today, again from the start."),
            ("bot_frustration", 2, "The bot doesn't understand a word I say, stop the chatbot.")):
        nine["signals"][k] = dict(nine["signals"].get(k, {}), n=n, examples=[quote],
                                  pct=round(100.0 * n / total, 6))
    write(path, json.dumps(nine, indent=1))
    for lang in ("en", "uk", "ru"):
        tag = "--signals with nine signals --lang " + lang
        own = EN if lang == "en" else load_json(
            os.path.join(DATA, "reports", "strings", lang + ".json"))
        strings = dict(EN)
        strings.update(own)
        keys = ["signal." + k for k in nine["signals"]]
        if not check(tag + ": every signal named in the language's table",
                     all(k in own for k in keys), [k for k in keys if k not in own]):
            continue
        if lang != "en":
            check(tag + ": the new signals' names translated",
                  all(own["signal." + k] != EN["signal." + k] for k in NEW_SIGNALS),
                  [own["signal." + k] for k in NEW_SIGNALS])
        rc, _, err = run(["report", company, "-o", out, "--signals", path, "--lang", lang])
        if not check(tag + ": exit 0, quiet", rc == 0 and err == "", (rc, err)):
            continue
        raw = read_text(out)
        s = html_check(out)
        names = [own[k] for k in keys]
        check(tag + ": the nine rows, named in the language",
              voice_rows(s, strings) == names, voice_rows(s, strings))
        texts = voice_chart(s, strings) or []
        check(tag + ": a bar for each new signal, named in the language",
              all(chart_has(texts, own["signal." + k]) for k in NEW_SIGNALS), texts)
        check_voice(tag, s, raw, nine, strings)


def test_new_listening_metrics(tmp):
    """The listening metrics of the three later signals in a company file:
    compared with the bundled profiles' modeled values, and in the
    priorities with their name, unit and next step in the report's
    language (uk and ru from their own tables, not the catalog's English)."""
    new = ["%s_pct" % k for k in NEW_SIGNALS]
    company = os.path.join(tmp, "listening.json")
    write(company, json.dumps({"company": "Listening Co", "period": "2026-Q3",
                               "metrics": dict(zip(new, (12, 10, 9)))}))
    cmp = compare(company)
    if not cmp:
        return
    check("new listening metrics: all three compared, all three priorities",
          sorted(m["id"] for m in cmp["metrics"]) == sorted(new) and
          sorted(cmp["priorities"]) == sorted(new), (cmp["metrics"], cmp["priorities"]))
    for lang in ("en", "uk", "ru"):
        tag = "new listening metrics --lang " + lang
        own = load_json(os.path.join(DATA, "reports", "strings", lang + ".json"))
        if lang != "en":
            keys = [p + "." + mid for mid in new for p in ("metric", "unit", "step")]
            check(tag + ": name, unit and step in the language's table",
                  all(re.search("[\u0400-\u04ff]", own.get(k, "")) for k in keys),
                  [k for k in keys if not re.search("[\u0400-\u04ff]", own.get(k, ""))])
        strings = dict(EN)
        strings.update(own)
        out = os.path.join(tmp, "listening-%s.html" % lang)
        rc, _, err = run(["report", company, "-o", out, "--lang", lang])
        if check(tag + ": exit 0, quiet", rc == 0 and err == "", (rc, err)):
            check_priorities(tag, html_check(out), cmp, None, strings)


def bad_signals(sig):
    """Broken `listen` outputs: (name, file content, what the message must
    name)."""
    def edited(fn):
        d = json.loads(json.dumps(sig))
        fn(d)
        return json.dumps(d, indent=1)

    def drop(d, *path):
        for k in path[:-1]:
            d = d[k]
        del d[path[-1]]

    def put(d, value, *path):
        for k in path[:-1]:
            d = d[k]
        d[path[-1]] = value
    return [
        ("not JSON", "{ \"conversations\": 36,\n  signals: {} }\n", "invalid JSON"),
        ("a JSON array", "[1, 2]\n", "no signals"),
        ("no signals", json.dumps({"conversations": 36}), "no signals"),
        ("signals not an object", edited(lambda d: put(d, [], "signals")), "no signals"),
        ("no conversations", edited(lambda d: drop(d, "conversations")), "conversations"),
        ("conversations a fraction", edited(lambda d: put(d, 3.5, "conversations")),
         "conversations"),
        ("a signal missing", edited(lambda d: drop(d, "signals", "praise")),
         "signals.praise"),
        ("pct missing", edited(lambda d: drop(d, "signals", "waited", "pct")),
         "signals.waited.pct"),
        ("pct a string", edited(lambda d: put(d, "33", "signals", "waited", "pct")),
         "signals.waited.pct"),
        ("pct null", edited(lambda d: put(d, None, "signals", "waited", "pct")),
         "signals.waited.pct"),
        ("pct over 100", edited(lambda d: put(d, 140, "signals", "waited", "pct")),
         "signals.waited.pct"),
        ("n negative", edited(lambda d: put(d, -1, "signals", "churn_signal", "n")),
         "signals.churn_signal.n"),
        ("n beyond the conversations",
         edited(lambda d: put(d, 37, "signals", "churn_signal", "n")),
         "signals.churn_signal.n"),
        ("examples missing", edited(lambda d: drop(d, "signals", "praise", "examples")),
         "signals.praise.examples"),
        ("an example not a string",
         edited(lambda d: put(d, ["fine", 42], "signals", "praise", "examples")),
         "signals.praise.examples[1]"),
    ]


def test_signals_failures(tmp):
    """A --signals file that is not `listen`'s output: exit 1, one line
    naming the file and what is wrong, before anything is drawn, and the
    existing report untouched."""
    sig_path, sig = listen_json(tmp)
    if not sig:
        return
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    out = os.path.join(tmp, "report.html")
    write(out, "ORIGINAL\n")
    env = {"CXBENCH_GNUPLOT": "/nonexistent/gnuplot"}  # it must not be needed
    for name, content, what in bad_signals(sig):
        tag = "--signals " + name
        path = os.path.join(tmp, "bad-signals.json")
        write(path, content)
        rc, so, err = run(["report", company, "-o", out, "--signals", path], env=env)
        check(tag + ": exit 1", rc == 1, (rc, err))
        check(tag + ": one line", err.count("\n") == 1 and so == "", (so, err))
        check(tag + ": names the file and " + what,
              err.startswith("cxbench: " + path) and what in err, err)
        check(tag + ": existing report untouched", read_text(out) == "ORIGINAL\n")
    rc, _, err = run(["report", company, "-o", out, "--signals",
                      os.path.join(tmp, "nosuch.json")], env=env)
    check("--signals missing: exit 3, one line naming it",
          rc == 3 and err.count("\n") == 1 and "nosuch.json" in err, (rc, err))
    check("--signals missing: existing report untouched", read_text(out) == "ORIGINAL\n")


def test_injection(tmp, newline):
    tag = "injection (%s)" % ("names with a newline" if newline else "names on one line")
    company_name = evil("company", tmp, newline)
    brand = evil("brand", tmp, newline)
    metric = evil("metric", tmp, newline)
    dim = evil("dimension", tmp, newline)

    c = load_json(os.path.join(DATA, "examples", "acme-telecom.json"))
    c["company"] = company_name
    write(os.path.join(tmp, "company.json"), json.dumps(c, ensure_ascii=False, indent=1))
    p = load_json(os.path.join(DATA, "profiles", "costco.json"))
    p["id"] = "evil"
    p["brand"] = brand
    write(os.path.join(tmp, "evil.json"), json.dumps(p, ensure_ascii=False, indent=1))
    cat = load_json(os.path.join(DATA, "profiles", "catalog.json"))
    cat["metrics"][0]["name"] = metric
    dim_id = cat["metrics"][0]["dimension"]
    for d in cat["dimensions"]:
        if d["id"] == dim_id:
            d["name"] = dim
    write(os.path.join(tmp, "catalog.json"), json.dumps(cat, ensure_ascii=False, indent=1))

    # --highlight: the radar draws only the brands it names besides the
    # company and the frontier (by default the three nearest the company)
    rc, _, err = run(["report", "company.json", "--profile", "evil.json", "--catalog",
                      "catalog.json", "-o", "report.html", "--png-dir", "png",
                      "--highlight", "evil"], cwd=tmp,
                     label=tag)
    pwned = glob.glob(os.path.join(tmp, "**", "PWNED*"), recursive=True)
    check(tag + ": no marker file", pwned == [], pwned)
    if not check(tag + ": exit 0", rc == 0, err):
        return
    out = os.path.join(tmp, "report.html")
    raw = read_text(out)
    check(tag + ": no <script in the raw HTML", "<script" not in raw.lower())
    check(tag + ": the payload escaped",
          "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in raw)
    s = html_check(out)
    check(tag + ": no parser errors", s["errors"] == [], s["errors"][:5])
    check(tag + ": no scripts, events, unsafe elements, external references",
          s["scripts"] == 0 and s["event_attributes"] == 0 and
          s["unsafe_elements"] == [] and s["external"] == [],
          (s["scripts"], s["event_attributes"], s["unsafe_elements"], s["external"]))
    title = EN["title_default"].replace("{company}", norm(company_name))
    check(tag + ": company name in title and h1",
          s["title"] == title and s["h1"] == [title], (s["title"], s["h1"]))
    t = tables_with(s, [EN["col_reference"], EN["col_index"]])
    labels = [r[0] for r in t[0][1:]] if len(t) == 1 else []
    check(tag + ": company and brand in the overall table",
          norm(company_name) in labels and norm(brand) in labels, labels)
    t = [x for x in tables_with(s, [EN["col_reference"]]) if norm(dim) in x[0]]
    check(tag + ": names in the dimension table",
          len(t) == 1 and norm(company_name) in [r[0] for r in t[0][1:]] and
          norm(brand) in [r[0] for r in t[0][1:]], t[0][:1] if t else t)
    rows = [r for tb in tables_with(s, [EN["col_metric"], EN["col_unit"]]) for r in tb]
    check(tag + ": metric name in a metric table", norm(metric) in [r[0] for r in rows])
    t = tables_with(s, [EN["col_brand"], EN["col_metric"], EN["col_value"]])
    src = [(r[0], r[1]) for r in t[0][1:]] if len(t) == 1 else []
    check(tag + ": brand and metric in the sources table",
          (norm(brand), norm(metric)) in src)
    caption = EN["chart_gap"].replace("{dimension}", norm(dim))
    check(tag + ": dimension name in a figure caption and svg title",
          caption in s["figcaptions"] and caption in s["svg_titles"], s["figcaptions"])
    # the charts: overall (0) and radar (1) name the company and the brand,
    # the radar the dimension, the gap chart of that dimension the metric
    texts = s["svg_text"]
    if check(tag + ": charts drawn", len(texts) >= 3, len(texts)):
        for i, chart in ((0, "overall"), (1, "radar")):
            for what, name in (("company", company_name), ("brand", brand)):
                check(tag + ": %s name in the %s chart" % (what, chart),
                      chart_has(texts[i], name),
                      [x for x in texts[i] if "Evil" in x])
        check(tag + ": dimension name in the radar chart",
              chart_has(texts[1], dim), [x for x in texts[1] if "Evil" in x])
        gi = s["svg_titles"].index(caption) if caption in s["svg_titles"] else -1
        check(tag + ": metric name in its gap chart",
              gi >= 0 and chart_has(texts[gi], metric),
              [x for x in texts[gi] if "Evil" in x] if gi >= 0 else None)
    check(tag + ": PNG charts written", len(list_dir(os.path.join(tmp, "png"))) == s["svgs"],
          list_dir(os.path.join(tmp, "png")))
    pwned = glob.glob(os.path.join(tmp, "**", "PWNED*"), recursive=True)
    check(tag + ": still no marker file", pwned == [], pwned)


def test_backslash(tmp):
    """Backslashes are text too: gnuplot reads escapes such as \\n in the
    labels of a data file, so the charts must show them as written."""
    tag = "backslash names"
    company_name = "Back\\slash C:\\new\\table \\\\ Co"
    brand = "Brand\\nname \\t"
    metric = "Metric C:\\raw\\n"
    c = load_json(os.path.join(DATA, "examples", "acme-telecom.json"))
    c["company"] = company_name
    write(os.path.join(tmp, "company.json"), json.dumps(c))
    p = load_json(os.path.join(DATA, "profiles", "costco.json"))
    p["id"] = "slash"
    p["brand"] = brand
    write(os.path.join(tmp, "slash.json"), json.dumps(p))
    cmp = compare(os.path.join(DATA, "examples", "acme-telecom.json"))
    if not cmp:
        return
    top = cmp["priorities"][0]  # drawn in the gap chart and the trend chart
    cat = load_json(os.path.join(DATA, "profiles", "catalog.json"))
    for m in cat["metrics"]:
        if m["id"] == top:
            m["name"] = metric
    write(os.path.join(tmp, "catalog.json"), json.dumps(cat))
    rc, _, err = run(["report", "company.json", "--profile", "slash.json", "--catalog",
                      "catalog.json", "-o", "report.html", "--highlight", "slash"],
                     cwd=tmp, label=tag)
    if not check(tag + ": exit 0", rc == 0, err):
        return
    s = html_check(os.path.join(tmp, "report.html"))
    check(tag + ": exact text in h1",
          s["h1"] == [EN["title_default"].replace("{company}", company_name)], s["h1"])
    texts = s["svg_text"]
    titles = s["svg_titles"]
    trend = titles.index(EN["chart_trend"]) if EN["chart_trend"] in titles else -1
    for what, name, charts in (("company", company_name, ["overall", "radar", "timetax"]),
                               ("brand", brand, ["overall", "radar", "timetax"]),
                               ("metric", metric, ["gap", "trend"])):
        for chart in charts:
            if chart == "overall":
                i = 0
            elif chart == "radar":
                i = 1
            elif chart == "timetax":
                i = titles.index(EN["chart_timetax"]) if EN["chart_timetax"] in titles else -1
            elif chart == "trend":
                i = trend
            else:
                i = next((k for k, x in enumerate(texts) if k > 1 and
                          any("Metric" in y for y in x) and k != trend), -1)
            shown = [x for x in texts[i] if x[:4] in (name[:4], "Back", "Bran", "Metr",
                                                       "ew a", "ame ", "aw")] if i >= 0 else None
            check(tag + ": %s name as written in the %s chart" % (what, chart),
                  i >= 0 and chart_has(texts[i], name, lambda n: {norm(n)}), shown)


def test_small(tmp):
    """A company that reports only a few metrics (one period, one to three
    dimensions) still gets a whole report: the radar chart needs three
    axes, the report must not need three dimensions."""
    sets = [{"nps": {"value": 12, "n": 400, "promoters_pct": 40, "detractors_pct": 28}},
            {"nps": 12, "asa_seconds": 100},
            {"nps": 12, "asa_seconds": 100, "trust_pct": 50}]
    for k, metrics in enumerate(sets):
        ndims = k + 1
        tag = "small company, %d dimension%s" % (ndims, "s" if ndims > 1 else "")
        path = os.path.join(tmp, "small%d.json" % ndims)
        write(path, json.dumps({"company": "Small Co", "period": "2026-Q1",
                                "metrics": metrics}))
        out = os.path.join(tmp, "small%d.html" % ndims)
        rc, _, err = run(["report", path, "-o", out])
        if not check(tag + ": exit 0", rc == 0, err):
            continue
        cmp = compare(path)
        s = html_check(out)
        check(tag + ": no parser errors", s["errors"] == [], s["errors"][:5])
        check_outline(tag + " (without trend and time-tax chart)", s,
                      read_text(out), EN, False)
        gaps = [c for c in s["figcaptions"]
                if c.startswith(EN["chart_gap"].split("{")[0])]
        check(tag + ": one gap chart per dimension", len(gaps) == ndims, gaps)
        check(tag + ": overall chart", EN["chart_overall"] in s["figcaptions"],
              s["figcaptions"])
        if ndims >= 3:
            check(tag + ": radar chart", EN["chart_radar"] in s["figcaptions"],
                  s["figcaptions"])
        check(tag + ": every svg in a figure, a table after each",
              s["svgs"] == s["svg_in_figures"] == len(s["figures"]) and
              all(f["table_follows"] for f in s["figures"]), s["figures"])
        check(tag + ": no scripts, events, external references",
              s["scripts"] == 0 and s["event_attributes"] == 0 and s["external"] == [])
        if cmp:
            trend = trend_json(path, cmp["period"])
            check_numbers(tag, s, cmp, EN, "Small Co", trend)
            check_summary(tag, read_text(out), cmp, trend, EN)


def test_timeline(tmp):
    """Periods with a gap: the progress section runs over the whole
    timeline, the missing quarter shown empty, as `trend` has it."""
    src = load_json(os.path.join(DATA, "examples", "acme-telecom.json"))
    keep = [src["periods"][0], src["periods"][2], src["periods"][3]]
    c = dict(src, periods=[keep[0], keep[1]])
    path = os.path.join(tmp, "gap.json")
    write(path, json.dumps(c))
    tag = "timeline %s, %s" % (keep[0]["period"], keep[1]["period"])
    out = os.path.join(tmp, "gap.html")
    rc, _, err = run(["report", path, "-o", out])
    if not check(tag + ": exit 0", rc == 0, err):
        return
    cmp = compare(path)
    trend = trend_json(path, cmp["period"]) if cmp else None
    if not cmp or not trend:
        return
    check(tag + ": trend has the empty quarter", len(trend["periods"]) == 3,
          trend["periods"])
    s = html_check(out)
    check_structure(tag, s, cmp, trend, EN, read_text(out))
    check_numbers(tag, s, cmp, EN, cmp["company"], trend)
    check_summary(tag, read_text(out), cmp, trend, EN)
    check_trend(tag, s, cmp, trend, EN)
    # and a report of an earlier period of a longer file
    tag = "--period %s of %s" % (keep[1]["period"], "three periods with a gap")
    c = dict(src, periods=keep)
    write(path, json.dumps(c))
    rc, _, err = run(["report", path, "-o", out, "--period", keep[1]["period"]])
    if not check(tag + ": exit 0", rc == 0, err):
        return
    cmp = compare(path, "--period", keep[1]["period"])
    trend = trend_json(path, keep[1]["period"]) if cmp else None
    if cmp and trend:
        s = html_check(out)
        check_structure(tag, s, cmp, trend, EN, read_text(out))
        check_trend(tag, s, cmp, trend, EN)


def test_directory(tmp):
    """A directory of period files (JSON and CSV) is one company: the
    report agrees with compare and trend on the same directory."""
    company = os.path.join(DATA, "examples", "northwind-bank")
    if not os.path.isdir(company):
        return
    tag = "directory northwind-bank"
    out = os.path.join(tmp, "nw.html")
    rc, _, err = run(["report", company, "-o", out])
    if not check(tag + ": exit 0", rc == 0, err):
        return
    cmp = compare(company)
    trend = trend_json(company, cmp["period"]) if cmp else None
    if not cmp or not trend:
        return
    s = html_check(out)
    check_structure(tag, s, cmp, trend, EN, read_text(out))
    check_raw(tag, read_text(out))
    check_numbers(tag, s, cmp, EN, cmp["company"], trend)
    check_summary(tag, read_text(out), cmp, trend, EN)
    check_trend(tag, s, cmp, trend, EN)
    # reported, dated and modeled values all marked where they are shown
    cells = [r[5] for t in tables_with(s, [EN["col_metric"], EN["col_unit"]]) for r in t[1:]]
    check(tag + ": frontier values marked modeled, reported with a year, and dated",
          any(c.endswith(" " + EN["mark_modeled"]) for c in cells) and
          any(re.search(r" (19|20)\d\d$", c) for c in cells) and
          any(re.search(r" (19|20)\d\d†$", c) for c in cells), cells)


def test_next_steps(tmp):
    """A next step per metric, from the catalog (English) or "step.ID"
    (uk, ru): eNPS and attrition, in the same dimension, get different
    ones; a metric whose reference is not comparable across sectors says
    so; a catalog without the optional keys still loads (the dimension's
    step then), and one with a bad "comparable" is refused."""
    rc, out, err = run(["metrics", "--format", "json"])
    if check("metrics json: exit 0", rc == 0, err):
        got = {m["id"]: m for m in json.loads(out)["metrics"]}
        check("metrics json: next_step of every metric from the catalog",
              all(got[i].get("next_step") == m["next_step"] for i, m in METRIC_DEF.items()),
              [i for i, m in METRIC_DEF.items() if got[i].get("next_step") != m.get("next_step")])
        check("metrics json: comparable false for contact rate and retention only",
              {i for i, m in got.items() if m.get("comparable") is False} ==
              {"contact_rate_pct", "retention_pct"},
              {i: m.get("comparable") for i, m in got.items()})
    steps = {m["id"]: m["next_step"] for m in CATALOG["metrics"]}
    check("catalog: a distinct next step for every metric",
          len(set(steps.values())) == len(steps), len(set(steps.values())))
    company = os.path.join(tmp, "people.json")
    write(company, json.dumps({"company": "People Co", "period": "2026-Q3",
                               "metrics": {"enps": -10, "agent_attrition_pct": 70,
                                           "contact_rate_pct": 40}}))
    for lang in ("en", "uk", "ru"):
        strings = dict(EN)
        strings.update(load_json(os.path.join(DATA, "reports", "strings", lang + ".json")))
        out = os.path.join(tmp, "people-%s.html" % lang)
        rc, _, err = run(["report", company, "-o", out, "--lang", lang])
        if not check("steps %s: exit 0" % lang, rc == 0, err):
            continue
        s = html_check(out)
        rows = {r[1]: r for t in tables_with(s, [strings["col_rank"], strings["col_metric"]])
                for r in t[1:]}
        e = rows.get(metric_name("enps", strings), [])
        a = rows.get(metric_name("agent_attrition_pct", strings), [])
        c = rows.get(metric_name("contact_rate_pct", strings), [])
        want_e, want_a = next_step("enps", strings), next_step("agent_attrition_pct", strings)
        check("steps %s: eNPS and attrition each get their own step" % lang,
              e[-1:] == [want_e] and a[-1:] == [want_a] and want_e != want_a,
              (e[-1:], a[-1:]))
        if lang != "en":
            check("steps %s: translated" % lang,
                  re.search("[\u0400-\u04ff]", want_e) and want_e != steps["enps"], want_e)
        check("steps %s: contact rate not comparable across sectors" % lang,
              len(c) == 10 and c[5].endswith(" " + strings["not_comparable"]) and
              not any(strings["not_comparable"] in x for x in e + a), (c, e))
        cmp = compare(company)
        if cmp:
            check_priorities("steps " + lang, s, cmp, None, strings)
    # a catalog without next_step and comparable: the dimension's step
    cat = load_json(os.path.join(DATA, "profiles", "catalog.json"))
    for m in cat["metrics"]:
        m.pop("next_step", None)
        m.pop("comparable", None)
    write(os.path.join(tmp, "plain.json"), json.dumps(cat))
    out = os.path.join(tmp, "plain.html")
    rc, _, err = run(["report", company, "-o", out, "--catalog",
                      os.path.join(tmp, "plain.json")])
    if check("catalog without next steps: exit 0", rc == 0, err):
        s = html_check(out)
        rows = [r for t in tables_with(s, [EN["col_rank"], EN["col_metric"]]) for r in t[1:]]
        dims = {m["name"]: m["dimension"] for m in cat["metrics"]}
        check("catalog without next steps: each metric gets its dimension's step",
              rows and all(r[-1] == EN["step." + dims[r[1]]] for r in rows), rows)
        check("catalog without comparable: no caveat",
              not any(EN["not_comparable"] in c for r in rows for c in r), rows)
    for key, value, what in (("comparable", "no", "comparable: expected true or false"),
                             ("next_step", 3, "next_step"), ("next_step", "", "next_step")):
        cat = load_json(os.path.join(DATA, "profiles", "catalog.json"))
        cat["metrics"][0][key] = value
        write(os.path.join(tmp, "bad.json"), json.dumps(cat))
        rc, _, err = run(["metrics", "--catalog", os.path.join(tmp, "bad.json")])
        check("catalog with %s %r: refused in one line naming it" % (key, value),
              rc != 0 and err.count("\n") == 1 and "metrics[0]." + what in err, (rc, err))


def test_rounding(tmp):
    """A value whose unrounded gap rounds otherwise than the gap between the
    numbers as printed (80 - 1.015 is 78.985, printed 78.98; 80 - 1.01
    printed is 78.99): the report shows the difference of what it prints,
    in the priorities and in the summary."""
    company = os.path.join(tmp, "round.json")
    write(company, json.dumps({"company": "Round Co", "period": "2026-Q3",
                               "metrics": {"self_service_success_pct": 1.015,
                                           "csat_pct": 70}}))
    out = os.path.join(tmp, "round.html")
    rc, _, err = run(["report", company, "-o", out])
    cmp = compare(company)
    if not check("rounding: exit 0", rc == 0, err) or not cmp:
        return
    m = {x["id"]: x for x in cmp["metrics"]}["self_service_success_pct"]
    target = m["references"]["frontier"]["value"]
    printed = fmt_num(shown(target, 2) - shown(m["company"], 2), 2, EN)
    check("rounding: the case discriminates (%s against %s)" %
          (printed, fmt_num(target - m["company"], 2, EN)),
          printed != fmt_num(target - m["company"], 2, EN), (target, m["company"]))
    s = html_check(out)
    check_priorities("rounding", s, cmp, None, EN)
    check_summary("rounding", read_text(out), cmp, trend_json(company, cmp["period"]), EN)
    rows = [r for t in tables_with(s, [EN["col_rank"], EN["col_metric"]]) for r in t[1:]]
    check("rounding: the priority shows %s" % printed,
          any(r[5].startswith(printed + " ") for r in rows), rows)


# ------------------------------------------------------------ friction


def fr_shown(v):
    """v as the report prints it (one decimal), as a number."""
    return float("%.1f" % v)


def fr_factor_name(fid, strings):
    return strings.get("fr_factor." + fid, fid)


def fr_level_name(fid, level, strings):
    return strings.get("fr_level.%s.%s" % (fid, level), level)


def fr_order(factors):
    """Factor ids, most CSAT points lost first; ties by NPS points lost,
    then the file's order (as the report sorts them)."""
    def key(item):
        i, (fid, f) = item
        lost = f.get("points_lost") or {}
        c, n = lost.get("csat_pct"), lost.get("nps")
        return (c is None, -(c or 0), n is None, -(n or 0), i)
    return [fid for _, (fid, f) in sorted(enumerate(factors.items()), key=key)]


def fr_ci(stat, strings):
    return fill(strings["fr_ci"], value=fmt_num(stat["value"], 1, strings),
                low=fmt_num(stat["low"], 1, strings),
                high=fmt_num(stat["high"], 1, strings))


def fr_diff(stat, best, strings):
    """The vs-best cell expected for stat; best is the best level's stat
    (the same object at the best level)."""
    if stat["n"] < 30:
        return strings["fr_too_few"]
    if stat is best:
        return strings["fr_best"]
    d = fr_shown(stat["value"]) - fr_shown(best["value"])
    return fmt_signed(d, 1, strings) + (" *" if stat["significant"] else "")


def check_friction(tag, s, raw, block, company, strings):
    """The friction section's tables against the file's block."""
    factors = block["factors"]
    wait = factors["wait"]
    # CSAT by wait: the chart and its table
    t = tables_with(s, [strings["fr_col_level"], strings["fr_col_contacts"],
                        strings["fr_col_csat_n"], strings["fr_col_csat"],
                        strings["fr_col_low"]])
    want = [[fr_level_name("wait", lv["level"], strings), fmt_num(lv["contacts"], 0, strings),
             fmt_num(lv["csat_pct"]["n"], 0, strings)] +
            [fmt_num(lv["csat_pct"][k], 1, strings) for k in ("value", "low", "high")]
            for lv in wait["levels"]]
    check(tag + ": the wait table is the file's", len(t) == 1 and t[0][1:] == want,
          (t, want))
    titles = s.get("svg_titles") or []
    if check(tag + ": a chart of CSAT by wait", strings["chart_friction_wait"] in titles,
             titles):
        texts = s["svg_text"][titles.index(strings["chart_friction_wait"])]
        missing = [lv["level"] for lv in wait["levels"]
                   if fmt_num(lv["csat_pct"]["value"], 1, strings) not in texts]
        check(tag + ": the chart prints each level's CSAT", not missing, (missing, texts))
    slope = fill(strings["fr_per_minute"],
                 slope=fmt_signed(wait["csat_per_minute"], 1, strings))
    check(tag + ": CSAT per minute of wait", slope in norm(raw), slope)
    # points lost, largest first
    order = fr_order(factors)
    check(tag + ": the fixture's order is not the file's", order != list(factors), order)
    t = tables_with(s, [strings["fr_col_factor"], strings["fr_col_lost_csat"],
                        strings["fr_col_lost_nps"], strings["fr_col_best"]])
    want = [[fr_factor_name(fid, strings),
             fmt_num(factors[fid]["points_lost"]["csat_pct"], 1, strings),
             fmt_num(factors[fid]["points_lost"]["nps"], 1, strings),
             fr_level_name(fid, factors[fid]["best"], strings)] for fid in order]
    check(tag + ": points lost per factor, largest first",
          len(t) == 1 and t[0][1:] == want, (t, want))
    # each factor's table, in the same order
    head = [strings[k] for k in ("fr_col_level", "fr_col_contacts", "fr_col_csat_n",
                                 "fr_col_csat", "fr_col_vs_best", "fr_col_nps_n",
                                 "fr_col_nps", "fr_col_vs_best")]
    tables = tables_with(s, head)
    check(tag + ": one table per factor", len(tables) == len(order),
          (len(tables), order))
    for fid, t in zip(order, tables):
        f = factors[fid]
        best = [lv for lv in f["levels"] if lv["level"] == f["best"]][0]
        want = [[fr_level_name(fid, lv["level"], strings),
                 fmt_num(lv["contacts"], 0, strings),
                 fmt_num(lv["csat_pct"]["n"], 0, strings), fr_ci(lv["csat_pct"], strings),
                 fr_diff(lv["csat_pct"], best["csat_pct"], strings),
                 fmt_num(lv["nps"]["n"], 0, strings), fr_ci(lv["nps"], strings),
                 fr_diff(lv["nps"], best["nps"], strings)] for lv in f["levels"]]
        check(tag + ": the %s table is the file's" % fid, t[1:] == want,
              list(zip(t[1:], want)))
        # a difference shown is that of the values shown, within the
        # file's own diff's rounding
        for lv in f["levels"]:
            for k in ("csat_pct", "nps"):
                st = lv[k]
                if st["n"] >= 30 and st is not best[k]:
                    d = fr_shown(st["value"]) - fr_shown(best[k]["value"])
                    check(tag + ": %s %s %s diff as the file's" % (fid, lv["level"], k),
                          abs(d - st["diff"]) <= 0.1 + 1e-9, (d, st["diff"]))
    few = [c for t in tables for r in t[1:] for c in r if c == strings["fr_too_few"]]
    check(tag + ": levels under 30 answers say so", len(few) == 4, few)
    # the time tax in customer-hours
    tax = block["time_tax"]
    t = tables_with(s, [strings["fr_col_hours"], strings["fr_col_per_1000"],
                        strings["fr_col_frontier_1000"]])
    want = [fmt_num(tax[k], 1, strings) for k in ("hours", "per_1000_contacts",
                                                  "at_frontier_per_1000")]
    check(tag + ": the time tax in customer-hours beside the frontier's",
          len(t) == 1 and t[0][1:] == [want], (t, want))
    caveat = fill(strings["fr_caveat"], company=company)
    check(tag + ": associations, not proof of cause", caveat in norm(raw), caveat)
    linked = block["linked"]
    intro = fill(strings["fr_intro"], company=company,
                 linked=fmt_num(linked["by_contact_id"] + linked["by_customer"], 0, strings),
                 by_id=fmt_num(linked["by_contact_id"], 0, strings),
                 by_customer=fmt_num(linked["by_customer"], 0, strings),
                 unlinked=fmt_num(linked["unlinked"], 0, strings))
    check(tag + ": the answers linked, and how", intro in norm(raw), intro)


def test_friction(tmp):
    """A company file whose last period has a friction block: the section
    "What friction costs your customers" in en, uk and ru, its numbers the
    file's, factors sorted by points lost; none for the earlier period;
    compare ignores the block; a damaged block is named."""
    company = os.path.join(DATA, FRICTION_FILE)
    data = load_json(company)
    block = data["periods"][-1]["friction"]
    cmp = compare(company)
    if not cmp:
        return
    trend = trend_json(company, cmp["period"])
    for lang in ("en", "uk", "ru"):
        tag = "friction --lang " + lang
        strings = dict(EN)
        strings.update(load_json(os.path.join(DATA, "reports", "strings", lang + ".json")))
        out = os.path.join(tmp, lang + ".html")
        rc, _, err = run(["report", company, "-o", out, "--lang", lang])
        if not check(tag + ": exit 0", rc == 0, err):
            continue
        check(tag + ": quiet on stderr", err == "", err)
        raw = read_text(out)
        s = html_check(out)
        if lang == "en":
            check_structure(tag, s, cmp, trend, strings, raw, friction=True)
            check_numbers(tag, s, cmp, strings, cmp["company"], trend)
        else:
            check_outline(tag, s, raw, strings, True, False, True)
        check(tag + ": the section's heading",
              strings["friction_h"] in s["h2"], s["h2"])
        check_raw(tag, raw)
        check_friction(tag, s, raw, block, data["company"], strings)
    # the earlier period has no block: no section
    out = os.path.join(tmp, "q2.html")
    rc, _, err = run(["report", company, "-o", out, "--period", data["periods"][0]["period"]])
    if check("friction --period Q2: exit 0", rc == 0, err):
        s = html_check(out)
        check("friction --period Q2: no friction section", FRICTION not in s["sections"],
              s["sections"])
    # compare and trend: the same with and without the block
    plain = json.loads(json.dumps(data))
    del plain["periods"][-1]["friction"]
    path = os.path.join(tmp, "plain.json")
    write(path, json.dumps(plain))
    for cmd in ("compare", "trend"):
        a = run([cmd, company, "--format", "json"])
        b = run([cmd, path, "--format", "json"])
        check("friction: %s ignores the block" % cmd,
              a[0] == b[0] == 0 and json.loads(a[1]) == json.loads(b[1]), (a[2], b[2]))
    # a damaged block is named with its JSON path
    bad = json.loads(json.dumps(data))
    bad["periods"][-1]["friction"]["factors"]["hold"]["levels"][1]["csat_pct"]["n"] = "many"
    path = os.path.join(tmp, "bad.json")
    write(path, json.dumps(bad))
    rc, _, err = run(["report", path, "-o", os.path.join(tmp, "bad.html")])
    check("friction: a damaged block is an input error naming it",
          rc == 1 and "periods[1].friction.factors.hold.levels[1].csat_pct.n" in err, (rc, err))


# ------------------------------------------------------------ main


def main():
    global BIN, DATA
    if len(sys.argv) != 2:
        sys.stderr.write("usage: python3 tests/report_test.py CXBENCH\n")
        return 2
    BIN = os.path.abspath(sys.argv[1])
    DATA = os.path.abspath(os.environ.get("CXBENCH_DATA") or REPO)
    if not os.access(HTML_CHECK, os.X_OK):
        print("FAIL %s is missing (make build/html-check)" % HTML_CHECK)
        print("report: 0 passed, 1 failed")
        return 1
    load_data()
    global RUN_TMP
    base = tempfile.mkdtemp(prefix="cxbench-report-test.")
    RUN_TMP = os.path.join(base, "tmp")
    os.mkdir(RUN_TMP)
    os.chmod(RUN_TMP, 0o1777)
    try:
        for name, fn in (("signals", test_signals), ("en", test_en), ("uk", lambda d: test_lang(d, "uk")),
                         ("ru", lambda d: test_lang(d, "ru")),
                         ("options", test_options), ("failures", test_failures),
                         ("signals-failures", test_signals_failures),
                         ("signals-optional", test_signals_optional),
                         ("new-listening-metrics", test_new_listening_metrics),
                         ("injection-nl", lambda d: test_injection(d, True)),
                         ("injection", lambda d: test_injection(d, False)),
                         ("backslash", test_backslash), ("small", test_small),
                         ("timeline", test_timeline), ("directory", test_directory),
                         ("business-clock", test_business_clock),
                         ("next-steps", test_next_steps), ("rounding", test_rounding),
                         ("friction", test_friction),
                         ("print", test_print), ("pdf", test_pdf)):
            d = os.path.join(base, name)
            os.mkdir(d)
            try:
                fn(d)
            except Exception as e:  # a crash of one group fails it, not the run
                import traceback
                check("%s: ran to the end" % name, False,
                      "".join(traceback.format_exception(type(e), e, e.__traceback__))[-2000:])
    finally:
        for root, dirs, _ in os.walk(base):
            for d in dirs:
                os.chmod(os.path.join(root, d), 0o755)
        shutil.rmtree(base, ignore_errors=True)
    return check.summary("report")


if __name__ == "__main__":
    sys.exit(main())
