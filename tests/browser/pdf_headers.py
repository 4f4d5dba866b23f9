#!/usr/bin/env python3
"""Is every table whole in a printed report?  Reads the tables' column
headers (check.mjs headers: JSON on stdin or in a file) and the words of the
PDF with their boxes (pdftotext -bbox), and checks, for each table, that a
page holds all the words of its header row together: the words of its first
header, and every word of every other header within a band below it.  A
table cut at the page's right edge loses the words of its last columns.
Also checks that no word lies outside its page.

Usage: pdf_headers.py HEADERS.json FILE.pdf
Prints one line per problem and exits 1 when there is one."""
import collections
import html
import re
import subprocess
import sys

BAND_ABOVE = 6   # points: header cells all start at the row's top
BAND_BELOW = 60  # points: up to five lines of a wrapped header at 8 pt
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                  r'yMax="([\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def pdf_pages(path):
    """[(width, height, [(x0, y0, x1, y1, word)])] per page."""
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8", "replace")
    pages = []
    for chunk in out.split("<page ")[1:]:
        m = PAGE.match("<page " + chunk)
        words = [(float(a), float(b), float(c), float(d), html.unescape(w))
                 for a, b, c, d, w in WORD.findall(chunk)]
        pages.append((float(m.group(1)), float(m.group(2)), words))
    return pages


def header_whole(pages, headers):
    """None when a page holds the whole header row, else the words missing
    at the best place found."""
    want = collections.Counter(w for h in headers for w in h.split())
    first = headers[0].split()[0] if headers and headers[0].split() else None
    best = None
    for _, _, words in pages:
        for x0, y0, _, _, w in words:
            if w != first:
                continue
            band = collections.Counter(v for _, y, _, _, v in words
                                       if y0 - BAND_ABOVE <= y <= y0 + BAND_BELOW)
            missing = want - band
            if not missing:
                return None
            if best is None or sum(missing.values()) < sum(best.values()):
                best = missing
    return sorted(best.elements()) if best is not None else ["(no page has %r)" % first]


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: pdf_headers.py HEADERS.json FILE.pdf")
    import json
    with open(sys.argv[1], encoding="utf-8") as f:
        tables = json.load(f)["tables"]
    pages = pdf_pages(sys.argv[2])
    bad = 0
    for t in tables:
        if not t["headers"]:
            continue
        missing = header_whole(pages, t["headers"])
        if missing:
            bad += 1
            print("table %r: header words not on the page: %s" % (t["caption"], missing))
    for n, (width, height, words) in enumerate(pages, 1):
        out = [w for x0, y0, x1, y1, w in words
               if x0 < -0.5 or y0 < -0.5 or x1 > width + 0.5 or y1 > height + 0.5]
        if out:
            bad += 1
            print("page %d: words outside the page: %s" % (n, out[:10]))
    print("%d tables, %d pages, %d problems" % (len(tables), len(pages), bad))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
