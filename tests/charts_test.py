#!/usr/bin/env python3
"""Tests of the report's charts: colours, the radar, text size, and what
the SVGs say to a screen reader.

Usage (from the repository root):
    CXBENCH_DATA=. python3 tests/charts_test.py ./cxbench
Each check recomputes its expectation from the data files (profiles/*.json,
reports/theme.css, reports/strings/*.json) or from `cxbench compare
--format json`, never from the report itself:
- each brand's bars are drawn in the colour its profile declares, the same
  in two reports whose --against lists the brands in other orders;
- no gnuplot internals ("gnuplot_plot", "Produced by GNUPLOT") in any
  report; every chart has a <title> and a <desc> in the report's language;
- every colour of a company or brand series has 3:1 contrast on white, and
  every text colour of the theme 4.5:1 (WCAG relative luminance);
- chart text is at least 10 px where the report is 390 px wide (a 334-px
  column): font-size * 334 / viewBox width;
- the radar draws exactly the --highlight brands (by default the three
  whose overall index is nearest the company's), and a hollow mark on
  every vertex of a reference that rests on fewer of the company's metrics
  than the dimension has, or lies above the frontier;
- bad --highlight lists are usage errors.
Every run of cxbench is also checked for sanitizer reports (run it with the
ASan build too).  Prints one line per failure and ends with
"charts: N passed, N failed"; exits 1 when any check failed.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from checks import Checks

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("CXBENCH_DATA", REPO)
SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}href"
SANITIZER = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
             "runtime error:", "SUMMARY: UndefinedBehaviorSanitizer")
PHONE_COLUMN = 334  # 390 px less the body's padding (reports/theme.css)
HOLLOW, SOLID = "gpPt5", "gpPt6"  # gnuplot's open and filled circles
WHITE = (255, 255, 255)  # the knock-out under a hollow mark, not a colour

BIN = None


check = Checks()


def run(args):
    p = subprocess.run([BIN] + args, capture_output=True, text=True,
                       env=dict(os.environ, CXBENCH_DATA=DATA))
    check("no sanitizer report: " + " ".join(args[:3]),
          not any(s in p.stderr for s in SANITIZER), p.stderr[-2000:])
    return p.returncode, p.stdout, p.stderr


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


# ------------------------------------------------------------ colour maths


def rgb_of(text):
    """(r, g, b) of '#rrggbb' or 'rgb(r, g, b)'; None for anything else."""
    text = text.strip()
    m = re.fullmatch(r"#([0-9a-fA-F]{6})", text)
    if m:
        v = int(m.group(1), 16)
        return (v >> 16, (v >> 8) & 255, v & 255)
    m = re.fullmatch(r"rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)", text)
    return tuple(int(x) for x in m.groups()) if m else None


def luminance(rgb):
    def lin(c):
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b=WHITE):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


# ------------------------------------------------------------ reports


def report(tmp, name, args):
    out = os.path.join(tmp, name + ".html")
    rc, _, err = run(["report"] + args + ["-o", out])
    if not check("report %s: exit 0" % name, rc == 0, err):
        return None
    with open(out, encoding="utf-8") as f:
        return f.read()


def charts(html):
    """Every chart of the report, parsed: [(figure name, svg root)]; the
    summary's sparkline (svg class "spark", drawn without gnuplot) is not
    a chart."""
    out = []
    for s in re.findall(r"<svg\b.*?</svg>", html, re.S):
        if re.match(r'<svg\b[^>]*\bclass="spark"', s):
            continue
        root = ET.fromstring(s)
        canvas = next((g.get("id") for g in root.iter(SVG + "g")
                       if g.get("id", "").endswith("-canvas")), "?-canvas")
        out.append((canvas[:-len("-canvas")], root))
    return out


def series(root):
    """[(title, group)] of every plot clause of a chart."""
    out = []
    for g in root.iter(SVG + "g"):
        if re.search(r"-series-\d+$", g.get("id", "")):
            t = g.find(SVG + "title")
            out.append((t.text if t is not None and t.text else "", g))
    return out


DRAWN = {SVG + t for t in ("path", "polygon", "polyline", "line", "circle", "rect",
                            "use", "text")}


def colours(group):
    """The colours a series draws with: the stroke and fill of each element
    that draws, as inherited from its groups (gnuplot leaves empty groups
    in the colour of the clause before, which draw nothing)."""
    found = set()

    def walk(e, inh):
        inh = dict(inh)
        for attr in ("stroke", "fill", "color"):
            if e.get(attr):
                inh[attr] = e.get(attr)
        for attr, v in re.findall(r"(stroke|fill):\s*([^;]+)", e.get("style", "")):
            inh[attr] = v
        if e.tag in DRAWN:
            for attr in ("stroke", "fill"):
                v = inh.get(attr, "")
                c = rgb_of(inh.get("color", "") if v == "currentColor" else v)
                if c:
                    found.add(c)
        for child in e:
            walk(child, inh)

    walk(group, {})
    return found


def bar_colours(html):
    """Brand -> the colours of its bar in the overall chart (tooltips read
    "Brand: value")."""
    name, root = charts(html)[0]
    out = {}
    for title, g in series(root):
        if ": " in title:
            out[title.rsplit(": ", 1)[0]] = colours(g) - {WHITE}
    return out


# ------------------------------------------------------------ tests


def brand_profiles():
    """id -> (brand, colour) of the bundled brand profiles."""
    out = {}
    for path in sorted(glob.glob(os.path.join(DATA, "profiles", "*.json"))):
        if path.endswith("catalog.json"):
            continue
        p = load(path)
        out[p["id"]] = (p["brand"], p.get("colour"))
    return out


def test_profile_colours():
    seen = {}
    for pid, (brand, colour) in brand_profiles().items():
        if not check("profile %s declares a colour" % pid, colour is not None):
            continue
        rgb = rgb_of(colour)
        check("profile %s: colour #rrggbb" % pid, rgb is not None, colour)
        if rgb:
            check("profile %s: colour %s has 3:1 on white" % (pid, colour),
                  contrast(rgb) >= 3, round(contrast(rgb), 2))
            check("profile %s: colour %s is its own" % (pid, colour),
                  rgb not in seen, seen.get(rgb))
            seen[rgb] = pid


def test_same_colours(tmp):
    """The same brand in the same colour whatever the --against order, and
    in the colour its profile declares."""
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    ids = ["amazon", "usaa", "costco", "zappos", "ritz-carlton"]
    a = report(tmp, "order-a", [company, "--against", ",".join(ids)])
    b = report(tmp, "order-b", [company, "--against", ",".join(reversed(ids))])
    if not a or not b:
        return
    ca, cb = bar_colours(a), bar_colours(b)
    profiles = brand_profiles()
    for pid in ids:
        brand, colour = profiles[pid]
        check("%s: the same colour in both orders" % brand,
              ca.get(brand) and ca.get(brand) == cb.get(brand),
              (ca.get(brand), cb.get(brand)))
        check("%s: drawn in its profile's colour %s" % (brand, colour),
              ca.get(brand) == {rgb_of(colour)}, ca.get(brand))
    # a profile without a colour: one from the fallback palette, the same
    # in both orders too
    p = load(os.path.join(DATA, "profiles", "costco.json"))
    p.pop("colour")
    p["id"], p["brand"] = "plain", "Plain Brand"
    path = os.path.join(tmp, "plain.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(p, f)
    a = report(tmp, "plain-a", [company, "--profile", path, "--against", "plain,amazon"])
    b = report(tmp, "plain-b", [company, "--profile", path, "--against", "amazon,plain"])
    if a and b:
        ca, cb = bar_colours(a), bar_colours(b)
        c = ca.get("Plain Brand")
        check("a brand without a colour: one colour, the same in both orders",
              c and len(c) == 1 and c == cb.get("Plain Brand"), (c, cb.get("Plain Brand")))
        check("a brand without a colour: 3:1 on white",
              c and all(contrast(x) >= 3 for x in c), c)


def test_theme_contrast():
    with open(os.path.join(DATA, "reports", "theme.css"), encoding="utf-8") as f:
        css = f.read()
    root = re.search(r":root\s*\{([^}]*)\}", css).group(1)
    var = {k: rgb_of(v) for k, v in re.findall(r"--([\w-]+):\s*([^;]+);", root)}
    paper = var.get("paper") or WHITE
    for name in ("ink", "muted", "accent", "behind", "ahead"):
        c = var.get(name)
        check("theme --%s: 4.5:1 on the paper" % name,
              c is not None and contrast(c, paper) >= 4.5,
              round(contrast(c, paper), 2) if c else None)


def check_charts(tag, html, company, strings, brands):
    """What every chart of one report must hold."""
    raw_ok = "gnuplot_plot" not in html and "Produced by GNUPLOT" not in html
    check(tag + ": no gnuplot internals in the report", raw_ok)
    check(tag + ": no 'Gnuplot' title", "<title>Gnuplot</title>" not in html)
    for name, root in charts(html):
        t, d = root.find(SVG + "title"), root.find(SVG + "desc")
        check("%s %s: a title" % (tag, name), t is not None and (t.text or "").strip())
        check("%s %s: a description naming the company" % (tag, name),
              d is not None and company in (d.text or ""), d.text if d is not None else None)
        vb = [float(x) for x in root.get("viewBox", "0 0 0 0").split()]
        sizes = [float(e.get("font-size")) for e in root.iter()
                 if e.get("font-size")]
        small = [s for s in sizes if s * PHONE_COLUMN / vb[2] < 10]
        check("%s %s: text >= 10 px in a %d-px column" % (tag, name, PHONE_COLUMN),
              sizes and not small, (vb, sorted(set(small))))
        for title, g in series(root):
            check("%s %s: every series named" % (tag, name), title.strip() != "",
                  g.get("id"))
            if title.split(" (")[0] in brands or title.split(": ")[0] in brands \
                    or title == company:
                low = [c for c in colours(g) - {WHITE} if contrast(c) < 3]
                check("%s %s: colours of series '%s' have 3:1 on white"
                      % (tag, name, title[:30]), not low, low)


def test_accessibility(tmp):
    profiles = brand_profiles()
    brands = {b for b, _ in profiles.values()}
    for lang in ("en", "uk", "ru"):
        strings = load(os.path.join(DATA, "reports", "strings", lang + ".json"))
        for tag, company, path in (("acme", "Acme Telecom", "acme-telecom.json"),
                                   ("northwind", "Northwind Bank", "northwind-bank")):
            html = report(tmp, "%s-%s" % (tag, lang),
                          [os.path.join(DATA, "examples", path), "--lang", lang])
            if html:
                check_charts("%s %s" % (tag, lang), html, company, strings, brands)


def compare(path):
    rc, out, err = run(["compare", path, "--format", "json"])
    return json.loads(out) if check("compare: exit 0", rc == 0, err) else None


def nearest_three(cmp):
    """The default highlight, worked out from compare's numbers: brands (not
    the frontier, not a sector), nearest overall index first, ties by id."""
    refs = cmp["overall"]["references"]
    sectors = {p for p in refs if p.startswith("sector-")}
    cand = [(abs(v - cmp["overall"]["score"]), p) for p, v in refs.items()
            if p != "frontier" and p not in sectors and v is not None]
    return [p for _, p in sorted(cand)[:3]]


def marks_expected(cmp, pid):
    """Dimension ids whose vertex must be hollow for reference pid: partial
    (fewer of the company's metrics than the dimension has) or above the
    frontier."""
    out = set()
    for d in cmp["dimensions"]:
        if not d["metrics"]:
            continue
        score = d["references"].get(pid)
        if score is None:
            continue
        covered = sum(1 for m in cmp["metrics"] if m["dimension"] == d["id"]
                      and m["references"].get(pid) is not None)
        front = d["references"].get("frontier")
        if covered < d["metrics"] or (front is not None and score > front + 1e-9):
            out.add(d["id"])
    return out


def radar_of(html):
    return next((root for name, root in charts(html) if name == "radar"), None)


def radar_refs(root, names):
    """Which of `names` the radar draws a line for (a clause titled with
    the name, beyond its legend entry), and how many hollow marks each."""
    drawn, hollow = set(), {}
    for title, g in series(root):
        if title in names:
            hrefs = [u.get(XLINK, "") for u in g.iter(SVG + "use")]
            paths = list(g.iter(SVG + "path"))
            if paths or len(hrefs) > 1:
                drawn.add(title)
            hollow[title] = hollow.get(title, 0) + sum(h.endswith(HOLLOW) for h in hrefs)
    return drawn, hollow


def test_radar(tmp):
    path = os.path.join(DATA, "examples", "northwind-bank")
    cmp = compare(path)
    if not cmp:
        return
    profiles = brand_profiles()
    names = {pid: profiles[pid][0] for pid in profiles}
    all_names = set(names.values())
    default = nearest_three(cmp)
    # the default: the three nearest, and hollow marks where expected
    for tag, args, want in (("default", [], default),
                            ("--highlight", ["--highlight", "trader-joes,usaa,ritz-carlton"],
                             ["trader-joes", "usaa", "ritz-carlton"]),
                            ("--highlight one", ["--highlight", "lexus"], ["lexus"])):
        html = report(tmp, "radar-" + tag.strip("-").replace(" ", "-"), [path] + args)
        root = radar_of(html) if html else None
        if not check("radar %s: drawn" % tag, root is not None):
            continue
        drawn, hollow = radar_refs(root, all_names)
        check("radar %s: exactly the brands %s" % (tag, want),
              drawn == {names[p] for p in want}, sorted(drawn))
        for pid in want:
            exp = marks_expected(cmp, pid)
            check("radar %s: %s hollow on %s" % (tag, pid, sorted(exp)),
                  hollow.get(names[pid], 0) == len(exp), hollow.get(names[pid]))
        partial = any(marks_expected(cmp, p) for p in want)
        texts = " ".join(t.text or "" for t in root.iter(SVG + "text"))
        check("radar %s: the legend explains hollow marks" % tag,
              ("Hollow point" in texts) == partial, partial)
    # a case that has a reference above the frontier: it is marked
    above = [(p, d["id"]) for d in cmp["dimensions"] for p, v in d["references"].items()
             if p != "frontier" and v is not None and d["references"].get("frontier") is not None
             and v > d["references"]["frontier"] + 1e-9 and p in profiles]
    check("northwind has a brand above the frontier somewhere (the case to test)", above)
    for pid, dim in above[:3]:
        check("%s above the frontier on %s: marked" % (pid, dim),
              dim in marks_expected(cmp, pid))


TAX_INPUTS = ("asa_seconds", "hold_seconds", "transfers_per_contact",
              "repeat_contact_pct")


def test_timetax_basis(tmp):
    """Each reference's time tax says how many of its four inputs are
    reported: the counts in the chart are those of compare's JSON (the
    frontier's values keep their brand's basis); the company's has none."""
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    html = report(tmp, "timetax", [company])
    cmp = compare(company)
    if not html or not cmp:
        return
    metrics = {m["id"]: m for m in cmp["metrics"]}
    want = []
    for ref in cmp["against"]:
        cells = [metrics[i]["references"].get(ref) for i in TAX_INPUTS]
        if all(cells):
            want.append(sum(c["basis"] == "reported" for c in cells))
    chart = [root for name, root in charts(html) if name == "timetax"]
    texts = [t.text or "" for root in chart for t in root.iter(SVG + "text")]
    got = [int(x) for t in texts for x in re.findall(r"\((\d) of 4 inputs reported\)", t)]
    check("time tax: one basis per reference (%d)" % len(want),
          sorted(got) == sorted(want), (sorted(got), sorted(want)))
    check("time tax: some reference reports an input", any(want), want)


def test_highlight_errors(tmp):
    company = os.path.join(DATA, "examples", "acme-telecom.json")
    out = os.path.join(tmp, "bad.html")
    for args, text in ((["--highlight", "nosuch"], "'nosuch' is not among the compared"),
                       (["--highlight", "frontier"], "the frontier is always drawn"),
                       (["--highlight", "amazon,usaa,costco,zappos"], "at most 3"),
                       (["--highlight", ","], "expected profile ids"),
                       (["--against", "amazon", "--highlight", "usaa"],
                        "'usaa' is not among the compared")):
        rc, _, err = run(["report", company, "-o", out] + args)
        check("report %s: a usage error" % " ".join(args), rc == 2 and text in err
              and err.count("\n") == 1, (rc, err))
        check("report %s: no report written" % " ".join(args), not os.path.exists(out))


def main():
    global BIN
    if len(sys.argv) != 2:
        sys.exit("usage: charts_test.py BINARY")
    BIN = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="cxbench-charts-test.") as tmp:
        test_profile_colours()
        test_theme_contrast()
        test_same_colours(tmp)
        test_accessibility(tmp)
        test_radar(tmp)
        test_highlight_errors(tmp)
        test_timetax_basis(tmp)
    sys.exit(check.summary("charts"))


if __name__ == "__main__":
    main()
