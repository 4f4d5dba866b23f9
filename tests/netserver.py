#!/usr/bin/env python3
"""A small HTTP(S) server for cxbench's network tests (tests/net-test.sh).

Binds 127.0.0.1 on a free port and prints the port on the first line of
stdout.  Standard library only.  Every loop is bounded and the server stops
by itself after --lifetime seconds (default 120), so a test that forgets it
cannot leave it running for long.

Usage:
  netserver.py [--root DIR] [--tls CERT KEY] [--lifetime S] [--stats-file F]
  netserver.py --root DIR --dump OUTDIR   (write the generated fixtures)

Routes (GET):
  /acme.json        examples/acme-telecom.json, with ETag and Last-Modified;
                    304 to a matching If-None-Match or If-Modified-Since
  /acme.csv         examples/acme-telecom.csv, Last-Modified only (304 to a
                    matching If-Modified-Since)
  /catalog.json     profiles/catalog.json
  /profile.json     an extra profile (id net-extra)
  /pack.json        a profile pack: two valid profiles (net-pack-one, -two)
  /badpack.json     a pack with one valid and one invalid profile
  /clashpack.json   a pack reusing a bundled id (costco)
  /evilpack.json    a pack whose id tries to leave the profile directory
  /contacts.csv     contact records for aggregate
  /surveys.csv      survey answers for aggregate --surveys
  /404 /500         those statuses
  /slow             Content-Length 100, one byte a second
  /endless          no Content-Length, data until 2 GB or 60 s
  /big              Content-Length 10 MB (and that much data)
  /truncated        Content-Length 5000, then 100 bytes and a hang-up
  /loop             302 to itself
  /chain/N          302 to /chain/N-1; /chain/0 serves acme.json
  /to-file          302 to file:///etc/passwd
  /to-gopher        302 to gopher://127.0.0.1:PORT/
  /to-http/PORT     302 to http://127.0.0.1:PORT/acme.json
  /html             a text/html page (a login page)
  /garbage.json     binary bytes as application/json
  /logo.svg         a small SVG image
  /auth             401 unless "Authorization: Bearer s3cret-token", then
                    acme.json
  /stats            JSON: requests per path, 304s per path, the validators
                    and header names each path last received (--stats-file
                    writes the same as text after each request)
"""
import argparse
import json
import os
import socket
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKEN = "s3cret-token"
ACME_ETAG = '"acme-v1"'
ACME_MODIFIED = "Wed, 01 Apr 2026 10:00:00 GMT"
CSV_MODIFIED = "Thu, 02 Apr 2026 10:00:00 GMT"

CONTACTS = """contact_id,customer_id,channel,started_at,wait_seconds,handle_seconds,hold_seconds,transfers,abandoned,resolved,proactive,ai_handled,escalated,human_wait_seconds,csat,nps,ces
c1,A,phone,2026-01-05T09:00:00Z,10,300,30,0,0,1,0,0,0,,5,10,2
c2,A,phone,2026-01-12T09:00:00Z,40,200,0,1,0,1,0,0,0,,4,9,3
c3,B,chat,2026-01-05T09:00:00Z,5,100,,0,0,1,1,1,0,,3,8,
c4,B,chat,2026-01-12T09:00:01Z,25,150,,,0,0,0,1,1,60,2,7,5
c5,C,email,2026-01-20T12:00:00Z,15,120,10,2,0,1,0,1,0,,,9,
c6,C,email,2026-01-20T12:00:00Z,0,80,0,0,0,1,0,1,1,,,,
c7,D,phone,2026-01-21T08:00:00Z,12,,50,1,1,0,0,1,1,30,,0,
c8,E,phone,2026-01-22T08:00:00Z,,240,20,0,0,0,0,0,0,15,5,6,7
c9,F,app,2026-01-23T08:00:00Z,200,,,,1,0,0,0,0,,4,,1
"""

SURVEYS = """customer_id,answered_at,csat,nps,ces
A,2026-01-06T10:00:00Z,5,10,2
B,2026-01-07T10:00:00Z,4,9,
C,2026-02-01T10:00:00Z,2,3,6
G,2026-03-15T10:00:00Z,,7,4
"""

LOGO = (b'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20">'
        b'<rect width="40" height="20" fill="#c0ffee"/></svg>\n')
HTML = b"<!DOCTYPE html><html><body><form>Sign in</form></body></html>\n"


def fixtures(root):
    """The generated files: name -> (bytes, content type)."""
    with open(os.path.join(root, "profiles", "costco.json"), encoding="utf-8") as f:
        base = json.load(f)

    def profile(pid, brand):
        p = dict(base)
        p["id"] = pid
        p["brand"] = brand
        p["summary"] = "A test profile served by tests/netserver.py."
        return p

    bad = profile("net-bad", "Net Bad")
    bad["metrics"] = dict(bad["metrics"])
    first = sorted(bad["metrics"])[0]
    bad["metrics"][first] = dict(bad["metrics"][first], basis="guessed")
    evil = profile("net-evil", "Net Evil")
    evil["id"] = "../../net-evil"
    with open(os.path.join(root, "profiles", "costco.json"), "rb") as f:
        costco = f.read()
    js = lambda v: (json.dumps(v, indent=2) + "\n").encode()
    return {
        "profile.json": (js(profile("net-extra", "Net Extra")), "application/json"),
        "pack.json": (js([profile("net-pack-one", "Net Pack One"),
                          profile("net-pack-two", "Net Pack Two")]), "application/json"),
        "badpack.json": (js([profile("net-good", "Net Good"), bad]), "application/json"),
        "clashpack.json": (b"[" + costco + b"]", "application/json"),
        "evilpack.json": (js([evil]), "application/json"),
        "logo.svg": (LOGO, "image/svg+xml"),
        "contacts.csv": (CONTACTS.encode(), "text/csv"),
        "surveys.csv": (SURVEYS.encode(), "text/csv; charset=utf-8"),
    }


class Stats:
    """Requests per path; with a file, it is rewritten (atomically) before
    each response is sent, one fact a line, for the shell to read:
        count PATH N            requests
        not_modified PATH N     304 answers
        header PATH NAME        a header name the last request sent
        inm PATH VALUE / ims PATH VALUE   its If-None-Match, If-Modified-Since
    """
    def __init__(self, path=None):
        self.lock = threading.Lock()
        self.counts, self.not_modified, self.seen = {}, {}, {}
        self.path = path
        self.save()

    def request(self, path, headers):
        with self.lock:
            self.counts[path] = self.counts.get(path, 0) + 1
            self.seen[path] = {
                "if_none_match": headers.get("If-None-Match"),
                "if_modified_since": headers.get("If-Modified-Since"),
                "header_names": sorted(k.lower() for k in headers.keys()),
            }
            self.save()

    def got_304(self, path):
        with self.lock:
            self.not_modified[path] = self.not_modified.get(path, 0) + 1
            self.save()

    def save(self):
        if not self.path:
            return
        lines = ["count %s %d" % kv for kv in sorted(self.counts.items())]
        lines += ["not_modified %s %d" % kv for kv in sorted(self.not_modified.items())]
        for path, seen in sorted(self.seen.items()):
            lines += ["header %s %s" % (path, h) for h in seen["header_names"]]
            for key, name in (("inm", "if_none_match"), ("ims", "if_modified_since")):
                if seen[name] is not None:
                    lines.append("%s %s %s" % (key, path, seen[name]))
        with open(self.path + ".tmp", "w") as f:
            f.write("".join(l.replace("\n", " ") + "\n" for l in lines))
        os.replace(self.path + ".tmp", self.path)

    def json(self):
        with self.lock:
            return json.dumps({"counts": self.counts, "not_modified": self.not_modified,
                               "seen": self.seen}, indent=1, sort_keys=True).encode()


class Handler(BaseHTTPRequestHandler):
    server_version = "cxbench-netserver/1"
    protocol_version = "HTTP/1.0"  # one request per connection; body ends at close

    def log_message(self, fmt, *args):  # quiet
        pass

    # -- helpers --
    def send(self, status, body=b"", ctype="application/json", extra=()):
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def redirect(self, where):
        self.send(302, b"moved\n", "text/plain", [("Location", where)])

    def file(self, rel):
        with open(os.path.join(self.server.root, rel), "rb") as f:
            return f.read()

    def acme(self, path):
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        validators = [("ETag", ACME_ETAG), ("Last-Modified", ACME_MODIFIED)]
        if (inm and ACME_ETAG in [t.strip() for t in inm.split(",")]) or \
           (not inm and ims == ACME_MODIFIED):
            self.server.stats.got_304(path)
            self.send_response(304)
            for k, v in validators:
                self.send_header(k, v)
            self.end_headers()
            return
        self.send(200, self.file("examples/acme-telecom.json"), "application/json",
                  validators)

    def stream(self, total, chunk, seconds, delay=0.0):
        """Writes up to `total` bytes in `chunk`s for at most `seconds`."""
        sent, start, block = 0, time.monotonic(), b"x" * chunk
        try:
            while sent < total and time.monotonic() - start < seconds:
                n = min(chunk, total - sent)
                self.wfile.write(block[:n])
                self.wfile.flush()
                sent += n
                if delay:
                    time.sleep(delay)
        except (OSError, ValueError):
            pass  # the client hung up: that is the point of these routes

    # -- routes --
    def do_GET(self):
        path = self.path.split("?", 1)[0]
        if path == "/stats":
            self.send(200, self.server.stats.json())
            return
        self.server.stats.request(path, self.headers)
        gen = self.server.fixtures
        if path == "/acme.json":
            self.acme(path)
        elif path == "/acme.csv":
            if self.headers.get("If-Modified-Since") == CSV_MODIFIED:
                self.server.stats.got_304(path)
                self.send_response(304)
                self.end_headers()
            else:
                self.send(200, self.file("examples/acme-telecom.csv"), "text/csv",
                          [("Last-Modified", CSV_MODIFIED)])
        elif path == "/catalog.json":
            self.send(200, self.file("profiles/catalog.json"))
        elif path.lstrip("/") in gen:
            body, ctype = gen[path.lstrip("/")]
            self.send(200, body, ctype)
        elif path == "/404":
            self.send(404, b"not here\n", "text/plain")
        elif path == "/500":
            self.send(500, b"broken\n", "text/plain")
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.stream(100, 1, 100, delay=1.0)
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.stream(2 * 1000 ** 3, 1 << 16, 60)
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(10 * 1000 * 1000))
            self.end_headers()
            self.stream(10 * 1000 * 1000, 1 << 16, 30)
        elif path == "/truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.stream(100, 100, 5)
        elif path == "/loop":
            self.redirect("/loop")
        elif path.startswith("/chain/") and path[7:].isdigit() and int(path[7:]) < 100:
            n = int(path[7:])
            if n == 0:
                self.acme(path)
            else:
                self.redirect("/chain/%d" % (n - 1))
        elif path == "/to-file":
            self.redirect("file:///etc/passwd")
        elif path == "/to-gopher":
            self.redirect("gopher://127.0.0.1:%d/1/etc/passwd" % self.server.server_address[1])
        elif path.startswith("/to-http/") and path[9:].isdigit():
            self.redirect("http://127.0.0.1:%s/acme.json" % path[9:])
        elif path == "/html":
            self.send(200, HTML, "text/html; charset=utf-8")
        elif path == "/garbage.json":
            self.send(200, bytes(range(256)) * 4, "application/json")
        elif path == "/auth":
            if self.headers.get("Authorization") == "Bearer " + TOKEN:
                self.send(200, self.file("examples/acme-telecom.json"))
            else:
                self.send(401, b"unauthorized\n", "text/plain",
                          [("WWW-Authenticate", 'Bearer realm="cxbench"')])
        else:
            self.send(404, b"no such route\n", "text/plain")


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    tls = None

    def finish_request(self, request, client_address):
        # the TLS handshake happens here, in the request's own thread, so a
        # client that gives up on the certificate cannot stall the others
        if self.tls:
            request.settimeout(30)
            request = self.tls.wrap_socket(request, server_side=True)
        try:
            super().finish_request(request, client_address)
        finally:
            if self.tls:
                request.close()

    def handle_error(self, request, client_address):
        pass  # refused handshakes and hung-up clients are expected here


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    ap.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"))
    ap.add_argument("--lifetime", type=float, default=120)
    ap.add_argument("--dump", metavar="DIR")
    ap.add_argument("--stats-file", metavar="FILE")
    a = ap.parse_args()
    gen = fixtures(a.root)
    if a.dump:
        for name, (body, _) in gen.items():
            with open(os.path.join(a.dump, name), "wb") as f:
                f.write(body)
        return
    srv = Server(("127.0.0.1", 0), Handler)
    srv.root, srv.fixtures, srv.stats = a.root, gen, Stats(a.stats_file)
    if a.tls:
        srv.tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        srv.tls.load_cert_chain(a.tls[0], a.tls[1])
    print(srv.server_address[1], flush=True)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    t.join(a.lifetime)
    os._exit(0)  # daemon threads may still be dripping: stop them all


if __name__ == "__main__":
    main()
