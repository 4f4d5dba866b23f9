#!/usr/bin/env python3
"""The report's languages: no English left in a Ukrainian or Russian
report, periods written the language's way, decimal commas kept.

Usage (from the repository root):
    CXBENCH_DATA=. python3 tests/lang_test.py ./cxbench
Renders the demo (examples/acme-telecom.json), examples/northwind-bank/
and tests/report/friction-company.json (a period with a friction block)
with --lang uk and --lang ru, reads the visible text of each (html.parser;
not <style>, not the <title>/<desc> of charts, not an element marked
translate="no", not the cells of the sources appendix that quote a
source: its source, method, note, quote, label and scale columns) and
looks for words in the Latin script.  A word is allowed only when it is
part of a brand name that is a proper name (a bundled profile's brand with
no "brand.ID" translation in the language), the company's name, a metric
id, or one of the units and abbreviations in ALLOWED.  Periods: nothing
left in the canonical "2026-Q3" / "2026-03" form; the index-over-time
table's periods are those of `cxbench trend --format json`, written
"3 кв. 2026"; a monthly company reads "березень 2026" / "март 2026" and a
yearly one "2026".  Prints one line per failure and ends with
"lang: N passed, N failed"; exits 1 when any check failed.  Python 3.9+
standard library only.
"""
import glob
import html.parser
import json
import os
import re
import subprocess
import sys
import tempfile

from checks import Checks

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("CXBENCH_DATA", REPO)
BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(REPO, "cxbench")
# Units and abbreviations written in Latin letters in every language, the
# tool's own name, and the letters of the methodology's formulas.
ALLOWED = {"NPS", "eNPS", "ACSI", "CSAT", "CES", "p90", "cxbench",
           "n", "p", "P", "D"}
# The sources appendix quotes its sources: these columns are left as found.
QUOTED_COLUMNS = ("col_source", "col_method", "col_note", "col_quote",
                  "col_label", "col_scale")
SANITIZER = ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
             "runtime error:", "SUMMARY: UndefinedBehaviorSanitizer")
NBSP = "\u00a0"
MONTHS = {
    "uk": ["січень", "лютий", "березень", "квітень", "травень", "червень",
           "липень", "серпень", "вересень", "жовтень", "листопад", "грудень"],
    "ru": ["январь", "февраль", "март", "апрель", "май", "июнь", "июль",
           "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
}



check = Checks()


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def run(args):
    env = dict(os.environ, CXBENCH_DATA=DATA)
    p = subprocess.run([BIN] + args, env=env, capture_output=True, timeout=300)
    err = p.stderr.decode("utf-8", "replace")
    if any(s in err for s in SANITIZER):
        check("cxbench %s: no sanitizer report" % " ".join(args[:2]), False, err[-2000:])
    return p.returncode, p.stdout.decode("utf-8", "replace"), err


def expected_period(label, lang):
    """A canonical period as the language writes it (worked out here, not
    read from the string tables)."""
    m = re.fullmatch(r"(\d{4})-Q([1-4])", label)
    if m:
        return "%s%sкв.%s%s" % (m.group(2), NBSP, NBSP, m.group(1))
    m = re.fullmatch(r"(\d{4})-(\d\d)", label)
    if m:
        return MONTHS[lang][int(m.group(2)) - 1] + NBSP + m.group(1)
    return label


class Visible(html.parser.HTMLParser):
    """Text a reader sees, each piece with the id of its section, and the
    tables (rows of cell texts) with the same skips."""
    VOID = {"meta", "link", "br", "img", "hr", "input", "col", "wbr"}

    def __init__(self, quoted_heads):
        super().__init__(convert_charrefs=True)
        self.quoted_heads = quoted_heads
        self.stack = []      # (tag, skip)
        self.section = None
        self.texts = []      # (section, text)
        self.tables = []     # [[cells]]
        self.quoted_cols = set()
        self.col = -1
        self.cell = None

    def skipping(self):
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        in_svg = any(t == "svg" for t, _ in self.stack)
        skip = (tag in ("style", "script") or a.get("translate") == "no" or
                (in_svg and tag in ("title", "desc")))
        if tag == "section":
            self.section = a.get("id")
        elif tag == "table":
            self.tables.append([])
            self.quoted_cols = set()
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
            self.col = -1
        elif tag in ("td", "th"):
            self.col += 1
            skip = skip or (self.section == "sources" and tag == "td" and
                            self.col in self.quoted_cols)
            self.cell = []
        self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t in ("td", "th") and self.cell is not None:
                text = "".join(self.cell).strip()
                if self.tables and self.tables[-1]:
                    self.tables[-1][-1].append(text)
                if t == "th" and text in self.quoted_heads:
                    self.quoted_cols.add(self.col)
                self.cell = None
            if t == tag:
                break

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        if not self.skipping() and data.strip():
            self.texts.append((self.section, data))


def allowed_phrases(strings, company):
    """Brand names that stay as they are (proper names) and the company's."""
    phrases = [company]
    for path in glob.glob(os.path.join(DATA, "profiles", "*.json")) + \
            glob.glob(os.path.join(DATA, "profiles", "sectors", "*.json")):
        p = load_json(path)
        if "brand" in p and "brand." + p["id"] not in strings:
            phrases.append(p["brand"])
    return sorted(phrases, key=len, reverse=True)


def latin_words(text, phrases, ids):
    text = re.sub(r"https?://\S+", " ", text)
    for ph in phrases:
        text = text.replace(ph, " ")
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9_]*", text)
            if w not in ALLOWED and w not in ids]


def render(tmp, company, lang, name):
    out = os.path.join(tmp, name + ".html")
    rc, _, err = run(["report", company, "-o", out, "--lang", lang])
    if not check("%s: exit 0" % name, rc == 0, err):
        return None
    with open(out, encoding="utf-8") as f:
        return f.read()


def parse(raw, strings):
    v = Visible({strings[k] for k in QUOTED_COLUMNS if k in strings})
    v.feed(raw)
    v.close()
    return v


def trend_periods(company):
    rc, out, err = run(["trend", company, "--format", "json"])
    if not check("trend %s: exit 0" % os.path.basename(company), rc == 0, err):
        return []
    return json.loads(out)["periods"]


def company_name(company):
    rc, out, err = run(["compare", company, "--format", "json"])
    check("compare %s: exit 0" % os.path.basename(company), rc == 0, err)
    return json.loads(out)["company"] if rc == 0 else "\0"


def check_report(tmp, company, lang, strings, ids):
    tag = "%s --lang %s" % (os.path.basename(company.rstrip("/")), lang)
    raw = render(tmp, company, lang, re.sub(r"\W", "_", tag))
    if raw is None:
        return
    periods = trend_periods(company)
    v = parse(raw, strings)
    phrases = allowed_phrases(strings, company_name(company))
    found = {}
    for section, text in v.texts:
        for w in latin_words(text, phrases, ids):
            found.setdefault(w, (section, text.strip()[:80]))
    check(tag + ": no English word outside brand names, ids and units",
          not found, sorted(found.items())[:12])
    canon = [t.strip()[:60] for _, t in v.texts
             if re.search(r"\b\d{4}-(Q[1-4]|0[1-9]|1[0-2])\b(?!-\d)", t)]
    check(tag + ": no period left in the canonical form", not canon, canon[:5])
    over = [t for t in v.tables
            if t and t[0][:2] == [strings["col_period"], strings["overall"]]]
    want = [expected_period(p, lang) for p in periods]
    check(tag + ": the index-over-time periods in the language's form",
          len(over) == 1 and [r[0] for r in over[0][1:]] == want,
          ([r[0] for r in over[0][1:]] if over else None, want))
    check(tag + ": the subtitle names the period", periods and
          re.search(r'class="subtitle">[^<]*%s' % re.escape(want[-1]), raw),
          want[-1:])
    dotted = [c for t in v.tables for r in t[1:] for c in r
              if re.fullmatch(r"[+-]?\d+\.\d+", c)]
    check(tag + ": decimal commas in number cells", not dotted, dotted[:5])
    commas = [c for t in v.tables for r in t[1:] for c in r
              if re.fullmatch(r"[+-]?\d+,\d+", c)]
    check(tag + ": decimal commas are there", commas, len(commas))


def small_company(path, periods):
    """A company with two metrics over the given periods."""
    doc = {"company": "Test Co", "periods": [
        {"period": p, "metrics": {"asa_seconds": 100 - 5 * i, "fcr_pct": 60 + i}}
        for i, p in enumerate(periods)]}
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f)
    return path


def check_granularities(tmp, lang, strings):
    """Months and years: the form of the index-over-time table's periods."""
    cases = [("2026-02", "2026-03"), ("2025", "2026")]
    for periods in cases:
        company = small_company(os.path.join(tmp, "small.json"), periods)
        tag = "%s..%s --lang %s" % (periods[0], periods[-1], lang)
        raw = render(tmp, company, lang, "small")
        if raw is None:
            continue
        v = parse(raw, strings)
        over = [t for t in v.tables
                if t and t[0][:2] == [strings["col_period"], strings["overall"]]]
        want = [expected_period(p, lang) for p in periods]
        check(tag + ": periods in the language's form",
              len(over) == 1 and [r[0] for r in over[0][1:]] == want,
              ([r[0] for r in over[0][1:]] if over else None, want))


def main():
    catalog = load_json(os.path.join(DATA, "profiles", "catalog.json"))
    ids = {m["id"] for m in catalog["metrics"]}
    en = load_json(os.path.join(DATA, "reports", "strings", "en.json"))
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("uk", "ru"):
            strings = dict(en)
            strings.update(load_json(os.path.join(DATA, "reports", "strings",
                                                  lang + ".json")))
            # the last has a friction block (satisfaction by wait, hold, ...)
            for company in ("examples/acme-telecom.json", "examples/northwind-bank/",
                            "tests/report/friction-company.json"):
                check_report(tmp, os.path.join(DATA, company), lang, strings, ids)
            check_granularities(tmp, lang, strings)
    sys.exit(check.summary("lang"))


if __name__ == "__main__":
    main()
