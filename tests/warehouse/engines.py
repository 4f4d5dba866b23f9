r"""Real SQL engines for cxbench's warehouse tests, each started by the test.

Three context managers, each given a scratch directory (every file they
write stays inside it) and stopping what it started on exit, exceptions
included:

    with ClickHouseCluster(tmp) as ch, Postgres(tmp) as pg, DuckDB(tmp) as dk:
        for engine in (ch, pg, dk):
            engine.load_contacts("contacts.csv", "contacts", CONTACT_COLUMNS)
            print(engine.query("SELECT count(*) AS n FROM contacts"))

- ClickHouseCluster: two clickhouse-server processes (Debian's 18.16) on
  127.0.0.1, ports picked at run time, one cluster `cxbench` of two shards;
  `contacts` is a Distributed table over `contacts_local` (MergeTree) on each
  shard, sharded by customer (cityHash64(ifNull(toString(customer_id), ''))).
  `query(sql, shard=0, settings=None)` runs on either shard; NULL prints as
  \N in its CSV.
- Postgres: a throwaway PostgreSQL 15 cluster listening only on a Unix
  socket in the scratch directory.
- DuckDB: no server; each query runs tests/warehouse/duckdb-run.mjs
  (@duckdb/node-api, installed by install-deps.sh), which loads the CSV into
  an in-memory table and runs the query.

`query(sql)` returns the result as CSV text with a header line, the values
printed the way that engine prints them (see NOTES.md).

Column types: `load_contacts(csv_path, table, columns)` takes an ordered
dict {column: type}.  A type is either a generic kind, "string", "number"
or "datetime" (mapped by each engine, see KINDS), or a type in the engine's
own dialect, used as written.  The table gets every column of the dict, in
its order; the CSV's header says which of them the file holds (in any
order; a column the dict lacks is an error), and columns the file lacks are
NULL.  Every empty cell, quoted or not, loads as NULL in all three engines
(cxbench reads empty cells as missing values).  A "datetime" with an offset
(2026-03-31T23:30:00-05:00) is converted to UTC by ClickHouse but kept as
written, offset dropped, by PostgreSQL and DuckDB: CONTACT_COLUMNS loads
started_at as a string.

Stdlib only.  A SIGTERM to the test should become an exception so that the
context managers run (engines_selftest.py shows how).
"""

import atexit
import csv
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
START_TIMEOUT = 60.0
QUERY_TIMEOUT = 300.0

# generic kind -> the engine's type
KINDS = {
    "clickhouse": {"string": "Nullable(String)", "number": "Nullable(Float64)",
                   "datetime": "Nullable(DateTime)"},
    "postgres": {"string": "text", "number": "double precision",
                 "datetime": "timestamp"},
    "duckdb": {"string": "VARCHAR", "number": "DOUBLE", "datetime": "TIMESTAMP"},
}

# cxbench's contact columns (DESIGN.md, "Raw data") and a row-order column,
# as generic kinds; started_at as written (a string), since a contact's
# period is its date as written and the engines read offsets differently.
CONTACT_COLUMNS = {
    "row_no": "number",
    "contact_id": "string", "customer_id": "string", "channel": "string",
    "started_at": "string",
    "wait_seconds": "number", "handle_seconds": "number",
    "hold_seconds": "number", "transfers": "number", "abandoned": "number",
    "resolved": "number", "proactive": "number", "ai_handled": "number",
    "escalated": "number", "human_wait_seconds": "number",
    "csat": "number", "nps": "number", "ces": "number",
}


class EngineError(RuntimeError):
    """An engine could not start, load or answer; the message says which
    engine, the command, and the last lines of its output or log."""


def _tail(path, lines=20):
    """The last lines of a log, without stack trace frames ("12. /lib...")."""
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            f.seek(max(0, f.tell() - 16384))
            text = f.read().decode("utf-8", "replace")
    except OSError as e:
        return "(no log: %s)" % e
    kept = [ln for ln in text.splitlines()
            if ln.strip() and not re.match(r"\s*\d+\. [/(]", ln)]
    return "\n".join(kept[-lines:])


def _fail(engine, what, cmd, output="", log=None):
    msg = "%s: %s\n  command: %s" % (engine, what, " ".join(map(str, cmd)))
    if output and output.strip():
        msg += "\n  output (last lines):\n    " + "\n    ".join(
            output.strip().splitlines()[-20:])
    if log:
        msg += "\n  %s (last lines):\n    %s" % (
            log, "\n    ".join(_tail(log).splitlines()))
    raise EngineError(msg)


def _run(engine, cmd, stdin=None, env=None, timeout=QUERY_TIMEOUT, log=None,
         preexec_fn=None):
    """Runs cmd; returns its stdout (text); raises EngineError otherwise."""
    try:
        p = subprocess.run(cmd, stdin=stdin if stdin is not None else subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           env=env, timeout=timeout, preexec_fn=preexec_fn)
    except subprocess.TimeoutExpired as e:
        _fail(engine, "timed out after %g s" % timeout, cmd,
              (e.stderr or b"").decode("utf-8", "replace"), log)
    except OSError as e:
        _fail(engine, "cannot run: %s" % e, cmd, "", log)
    if p.returncode != 0:
        _fail(engine, "exit status %d" % p.returncode, cmd,
              p.stderr.decode("utf-8", "replace") or
              p.stdout.decode("utf-8", "replace"), log)
    return p.stdout.decode("utf-8")


def _free_ports(count):
    """TCP ports on 127.0.0.1 that are free now (the kernel's pick; a port
    taken again before the server binds it makes the start try again)."""
    socks = []
    try:
        for _ in range(count):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            socks.append(s)
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in socks]
    finally:
        for s in socks:
            s.close()


def _csv_header(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        try:
            return next(csv.reader(f))
        except StopIteration:
            raise EngineError("%s: empty CSV file" % path) from None


def _plan_columns(engine, csv_path, columns):
    """(table columns [(name, type)], the CSV's columns in file order)."""
    kinds = KINDS[engine]
    table = [(name, kinds.get(t, t)) for name, t in columns.items()]
    header = _csv_header(csv_path)
    unknown = [h for h in header if h not in columns]
    if unknown:
        raise EngineError("%s: %s has columns with no type: %s"
                          % (engine, csv_path, ", ".join(unknown)))
    if len(set(header)) != len(header):
        raise EngineError("%s: %s repeats a column name" % (engine, csv_path))
    return table, header


def _ident(name):
    """A plain SQL identifier (letters, digits, _), refused otherwise."""
    if not name or not (name[0].isalpha() or name[0] == "_") or \
            not all(c.isalnum() or c == "_" for c in name) or not name.isascii():
        raise EngineError("not a plain identifier: %r" % name)
    return name


def _stop_process(proc, grace=15.0):
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


class _SignalsHeld:
    """SIGINT and SIGTERM wait (blocked, then delivered on exit) while a
    server process is being started, so that no interruption can leave one
    running that nothing knows about."""

    SIGNALS = {signal.SIGINT, signal.SIGTERM}

    def __enter__(self):
        self.old = signal.pthread_sigmask(signal.SIG_BLOCK, self.SIGNALS)
        return self

    def child(self):
        """preexec_fn for what starts meanwhile: the signal mask as it was."""
        signal.pthread_sigmask(signal.SIG_SETMASK, self.old)

    def __exit__(self, *exc):
        signal.pthread_sigmask(signal.SIG_SETMASK, self.old)
        return False


# A safety net: what is still running when the interpreter exits (a signal
# between two statements of a `with`, say) is stopped then.
_LIVE = {}  # id -> function that stops it


def _at_exit():
    for stop in list(_LIVE.values()):
        try:
            stop()
        except Exception:  # noqa: BLE001 - best effort at exit
            pass


atexit.register(_at_exit)


# --------------------------------------------------------------------------
# ClickHouse

_CH_CONFIG = """<?xml version="1.0"?>
<yandex>
  <logger>
    <level>{level}</level>
    <log>{dir}/server.log</log>
    <errorlog>{dir}/server.err.log</errorlog>
    <size>100M</size>
    <count>1</count>
  </logger>
  <listen_host>127.0.0.1</listen_host>
  <tcp_port>{port}</tcp_port>
  <path>{dir}/data/</path>
  <tmp_path>{dir}/tmp/</tmp_path>
  <user_files_path>{dir}/user_files/</user_files_path>
  <format_schema_path>{dir}/format_schemas/</format_schema_path>
  <users_config>{dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <max_connections>64</max_connections>
  <max_concurrent_queries>16</max_concurrent_queries>
  <mark_cache_size>67108864</mark_cache_size>
  <uncompressed_cache_size>67108864</uncompressed_cache_size>
  <mlock_executable>false</mlock_executable>
  <shutdown_wait_unfinished>2</shutdown_wait_unfinished>
  <remote_servers>
    <cxbench>
{shards}
    </cxbench>
  </remote_servers>
</yandex>
"""

_CH_SHARD = """      <shard>
        <replica><host>127.0.0.1</host><port>{port}</port></replica>
      </shard>"""

_CH_USERS = """<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>4000000000</max_memory_usage>
      <max_threads>2</max_threads>
      <!-- an idle connection (the other shard's pooled one) checks every
           second whether the server is stopping; 10 s made each stop wait
           10 s -->
      <poll_interval>1</poll_interval>
    </default>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default></default></quotas>
</yandex>
"""


class _Server:
    """A server the test starts: start() on entering (stop() if that
    fails half-way), stop() on leaving, exceptions included."""

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc):
        self.stop()
        return False


class ClickHouseCluster(_Server):
    """Two clickhouse-server processes, shards 0 and 1 of cluster `cxbench`.

    ClickHouse 18.16 runs as root without complaint (checked), so it runs as
    whoever runs the test.  Its server time zone is UTC.
    """

    name = "clickhouse"
    SHARDS = 2

    def __init__(self, tmpdir, timeout=START_TIMEOUT, log_level="information",
                 server="clickhouse-server", client="clickhouse-client"):
        """log_level "debug" logs every query each shard runs (server.log)."""
        self.dir = os.path.join(os.path.abspath(tmpdir), "clickhouse")
        self.log_level = log_level
        self.timeout = timeout
        self.server = shutil.which(server) or shutil.which(server, path="/usr/sbin:/usr/bin")
        self.client = shutil.which(client)
        self.procs = []
        self.ports = []
        self.dirs = []
        self.start_seconds = None
        self.version = None

    # -- lifetime

    def start(self):
        for what, path in (("clickhouse-server", self.server),
                           ("clickhouse-client", self.client)):
            if not path:
                raise EngineError("clickhouse: %s is not installed (sh install-deps.sh)" % what)
        t0 = time.monotonic()
        for attempt in range(3):
            try:
                self._start_once()
                break
            except _PortTaken:
                self.stop()
                if attempt == 2:
                    raise EngineError("clickhouse: ports kept being taken by others")
        self.start_seconds = time.monotonic() - t0

    def _start_once(self):
        os.makedirs(self.dir, exist_ok=True)
        self.ports = _free_ports(self.SHARDS)
        shards = "\n".join(_CH_SHARD.format(port=p) for p in self.ports)
        self.dirs = []
        for i, port in enumerate(self.ports):
            d = os.path.join(self.dir, "shard%d" % i)
            if os.path.exists(d):
                shutil.rmtree(d)
            for sub in ("", "data", "tmp", "user_files", "format_schemas"):
                os.makedirs(os.path.join(d, sub), exist_ok=True)
            with open(os.path.join(d, "config.xml"), "w") as f:
                f.write(_CH_CONFIG.format(dir=d, port=port, shards=shards,
                                          level=self.log_level))
            with open(os.path.join(d, "users.xml"), "w") as f:
                f.write(_CH_USERS)
            self.dirs.append(d)
        for d in self.dirs:
            cmd = [self.server, "--config-file=%s/config.xml" % d]
            with open(os.path.join(d, "stdout.log"), "wb") as out, _SignalsHeld() as held:
                self.procs.append(subprocess.Popen(
                    cmd, cwd=d, stdin=subprocess.DEVNULL, stdout=out,
                    stderr=subprocess.STDOUT, preexec_fn=held.child))
                _LIVE[id(self)] = self.stop
        deadline = time.monotonic() + self.timeout
        for i, (proc, d) in enumerate(zip(self.procs, self.dirs)):
            cmd = self._client_cmd(i, "SELECT 1")
            log = os.path.join(d, "server.log")
            while True:
                if proc.poll() is not None:
                    if "Address already in use" in _tail(log, 200) + \
                            _tail(os.path.join(d, "stdout.log"), 200):
                        raise _PortTaken()
                    _fail("clickhouse", "shard %d exited with status %d while starting"
                          % (i, proc.returncode), proc.args, _tail(os.path.join(d, "stdout.log")), log)
                try:
                    p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                       stderr=subprocess.STDOUT, timeout=15)
                    answer, ok = p.stdout.decode("utf-8", "replace"), p.returncode == 0
                except subprocess.TimeoutExpired:
                    answer, ok = "(the client hung for 15 s)", False
                if ok:
                    break
                if time.monotonic() > deadline:
                    _fail("clickhouse", "shard %d not answering after %g s"
                          % (i, self.timeout), proc.args, answer + "\n" +
                          _tail(os.path.join(d, "stdout.log")), log)
                time.sleep(0.2)
        self.version = "ClickHouse " + self.execute("SELECT version()").strip()

    def stop(self):
        try:
            for proc in self.procs:
                if proc.poll() is None:
                    proc.terminate()
            for proc in self.procs:
                _stop_process(proc)
        finally:
            # interrupted while waiting: the rest at once
            for proc in self.procs:
                if proc.poll() is None:
                    proc.kill()
                    proc.wait()
            self.procs = []
            _LIVE.pop(id(self), None)

    # -- use
    def _client_cmd(self, shard, sql, settings=None, fmt=None, multiquery=False):
        cmd = [self.client, "--host=127.0.0.1", "--port=%d" % self.ports[shard]]
        if multiquery:
            cmd.append("--multiquery")
        for k, v in (settings or {}).items():
            cmd.append("--%s=%s" % (k, v))
        if fmt:
            cmd.append("--format=%s" % fmt)
        cmd += ["--query", sql]
        return cmd

    def execute(self, sql, shard=0, settings=None, stdin=None, fmt=None, multiquery=False):
        """Runs one statement (several, ;-separated, with multiquery) on one
        shard's server; returns its output."""
        return _run("clickhouse", self._client_cmd(shard, sql, settings, fmt, multiquery),
                    stdin=stdin, log=os.path.join(self.dirs[shard], "server.err.log"))

    def query(self, sql, shard=0, settings=None):
        """The result of one query (run on `shard`, 0 by default) as
        CSVWithNames.  settings: {name: value}, as client options."""
        return self.execute(sql.strip().rstrip(";"), shard, settings, fmt="CSVWithNames")

    def load_contacts(self, csv_path, table, columns, sharding_key=None):
        """Creates `<table>_local` (MergeTree) and `<table>` (Distributed over
        cluster cxbench) on every shard, and inserts the CSV through the
        Distributed table of shard 0, sharded by
        cityHash64(ifNull(toString(customer_id), '')) unless sharding_key
        says otherwise (insert_distributed_sync=1: every row
        is in its shard when this returns).  Empty cells load as NULL: 18.16
        reads an empty CSV cell as the type's default (0, ''), so the file
        is first rewritten with \\N for them (in the scratch directory).
        A datetime column reads ISO 8601 with T, Z and offsets
        (date_time_input_format=best_effort), converted to UTC."""
        table = _ident(table)
        cols, header = _plan_columns("clickhouse", csv_path, columns)
        if sharding_key is None:
            if "customer_id" not in columns:
                raise EngineError("clickhouse: the sharding key needs a customer_id column")
            # 18.16 refuses a Nullable sharding key ("should be one of
            # integer type"): contacts without a customer go to one shard
            sharding_key = "cityHash64(ifNull(toString(customer_id), ''))"
        defs = ", ".join("%s %s" % (_ident(n), t) for n, t in cols)
        ddl = ("DROP TABLE IF EXISTS {t}; DROP TABLE IF EXISTS {t}_local; "
               "CREATE TABLE {t}_local ({defs}) ENGINE = MergeTree() ORDER BY tuple(); "
               "CREATE TABLE {t} AS {t}_local ENGINE = Distributed"
               "(cxbench, currentDatabase(), {t}_local, {key})").format(
                   t=table, defs=defs, key=sharding_key)
        for shard in range(self.SHARDS):
            self.execute(ddl, shard, multiquery=True)
        # empty cells -> \N
        conv = os.path.join(self.dir, "%s.load.csv" % table)
        with open(csv_path, newline="", encoding="utf-8-sig") as src, \
                open(conv, "w", newline="", encoding="utf-8") as dst:
            w = csv.writer(dst, lineterminator="\n")
            for i, row in enumerate(csv.reader(src)):
                w.writerow(row if i == 0 else [c if c != "" else "\\N" for c in row])
        try:
            with open(conv, "rb") as f:
                self.execute("INSERT INTO %s (%s) FORMAT CSVWithNames"
                             % (table, ", ".join(header)), 0,
                             settings={"insert_distributed_sync": 1,
                                       "date_time_input_format": "best_effort"},
                             stdin=f)
        finally:
            os.unlink(conv)


class _PortTaken(Exception):
    pass


# --------------------------------------------------------------------------
# PostgreSQL

PG_BIN = "/usr/lib/postgresql/15/bin"


class Postgres(_Server):
    """A throwaway PostgreSQL 15 cluster on a Unix socket in the scratch
    directory (listen_addresses='': no TCP at all).  initdb and postgres
    refuse root, so as root they run as the `postgres` user (or `nobody`)
    through runuser, and the cluster's directory is theirs; psql runs as
    the caller, connecting as the cluster's superuser `cxbench` (trust)."""

    name = "postgres"
    PORT = 5432  # only names the socket file, in our own directory

    def __init__(self, tmpdir, timeout=START_TIMEOUT, bindir=PG_BIN):
        self.base = os.path.abspath(tmpdir)
        self.dir = os.path.join(self.base, "pg")
        self.data = os.path.join(self.dir, "data")
        self.log = os.path.join(self.dir, "server.log")
        self.timeout = timeout
        self.bindir = bindir
        self.started = False
        self.start_seconds = None
        self.version = None
        self.as_user = None
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        self.env.update(PGHOST=self.dir, PGPORT=str(self.PORT), PGUSER="cxbench",
                        PGDATABASE="postgres", PGCLIENTENCODING="UTF8",
                        PGCONNECT_TIMEOUT="10", LC_ALL="C")


    def _as_server(self, cmd):
        if self.as_user:
            return ["runuser", "-u", self.as_user, "--"] + cmd
        return cmd

    def start(self):
        t0 = time.monotonic()
        for tool in ("initdb", "pg_ctl", "postgres"):
            if not os.access(os.path.join(self.bindir, tool), os.X_OK):
                raise EngineError("postgres: %s/%s is missing (sh install-deps.sh)"
                                  % (self.bindir, tool))
        if not shutil.which("psql"):
            raise EngineError("postgres: psql is not installed (sh install-deps.sh)")
        sock = os.path.join(self.dir, ".s.PGSQL.%d" % self.PORT)
        if len(sock.encode()) > 107:
            raise EngineError("postgres: the socket path %s is too long for a Unix "
                              "socket (107 bytes); use a shorter scratch directory" % sock)
        if os.path.exists(self.dir):
            shutil.rmtree(self.dir)
        os.makedirs(self.dir, mode=0o700)
        uid = gid = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    pw = pwd.getpwnam(name)
                except KeyError:
                    continue
                self.as_user, uid, gid = name, pw.pw_uid, pw.pw_gid
                break
            else:
                raise EngineError("postgres: running as root and there is no "
                                  "`postgres` or `nobody` user to run the server as")
            os.chown(self.dir, uid, gid)
            # the server's user must be able to reach its directory
            st = os.stat(self.base)
            if st.st_uid == 0 and not st.st_mode & 0o001:
                os.chmod(self.base, st.st_mode | 0o001)
        env = dict(self.env, HOME=self.dir)
        cmd = self._as_server([os.path.join(self.bindir, "initdb"), "-D", self.data,
                               "-U", "cxbench", "--auth=trust", "-E", "UTF8",
                               "--locale=C", "--no-sync"])
        with _SignalsHeld() as held:  # no initdb left writing here
            _run("postgres", cmd, env=env, timeout=self.timeout, preexec_fn=held.child)
        opts = ("-c listen_addresses='' -c unix_socket_directories='%s' -p %d "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                "-c max_connections=20 -c shared_buffers=64MB -c TimeZone=UTC "
                "-c log_min_messages=warning" % (self.dir, self.PORT))
        cmd = self._as_server([os.path.join(self.bindir, "pg_ctl"), "start", "-D", self.data,
                               "-l", self.log, "-w", "-t", str(int(self.timeout)),
                               "-o", opts])
        self.started = True  # even a failed start may leave a postmaster
        _LIVE[id(self)] = self.stop
        with _SignalsHeld() as held:
            _run("postgres", cmd, env=env, timeout=self.timeout + 10, log=self.log,
                 preexec_fn=held.child)
        self.version = "PostgreSQL " + _run(
            "postgres", self._psql(["-At", "-c", "SHOW server_version"]), env=self.env,
            timeout=self.timeout, log=self.log).strip()
        self.start_seconds = time.monotonic() - t0

    def stop(self):
        if not self.started:
            return
        self.started = False
        _LIVE.pop(id(self), None)
        pidfile = os.path.join(self.data, "postmaster.pid")
        if not os.path.exists(pidfile):
            return
        cmd = self._as_server([os.path.join(self.bindir, "pg_ctl"), "stop", "-D", self.data,
                               "-m", "fast", "-w", "-t", "30"])
        with _SignalsHeld() as held:  # at most 30 s
            p = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=dict(self.env, HOME=self.dir),
                               preexec_fn=held.child)
        if p.returncode != 0 and os.path.exists(pidfile):
            try:
                with open(pidfile) as f:
                    os.kill(int(f.readline()), signal.SIGQUIT)  # immediate shutdown
            except (OSError, ValueError):
                pass

    def _psql(self, args):
        return ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1"] + args

    def execute(self, sql, stdin=None):
        return _run("postgres", self._psql(["-c", sql]), stdin=stdin, env=self.env,
                    log=self.log)

    def query(self, sql):
        """The result of one query as CSV with a header (psql --csv; NULL
        prints as an empty cell)."""
        return _run("postgres", self._psql(["--csv", "-c", sql.strip().rstrip(";")]),
                    env=self.env, log=self.log)

    def load_contacts(self, csv_path, table, columns):
        """CREATE TABLE, then COPY FROM STDIN (CSV, HEADER) through psql,
        every column FORCE_NULL so that quoted empty cells are NULL too."""
        table = _ident(table)
        cols, header = _plan_columns("postgres", csv_path, columns)
        defs = ", ".join("%s %s" % (_ident(n), t) for n, t in cols)
        self.execute("DROP TABLE IF EXISTS %s; CREATE TABLE %s (%s)" % (table, table, defs))
        names = ", ".join(header)
        with open(csv_path, "rb") as f:
            self.execute("COPY %s (%s) FROM STDIN WITH (FORMAT csv, HEADER true, "
                         "FORCE_NULL (%s))" % (table, names, names), stdin=f)


# --------------------------------------------------------------------------
# DuckDB

class DuckDB:
    """DuckDB in-process, through Node and @duckdb/node-api (installed by
    install-deps.sh into tests/warehouse/node_modules).  No server: each
    query starts `node duckdb-run.mjs`, which loads the CSV of the last
    load_contacts into an in-memory table and runs the query.  One table."""

    name = "duckdb"

    def __init__(self, tmpdir, timeout=START_TIMEOUT, node="node"):
        self.dir = os.path.join(os.path.abspath(tmpdir), "duckdb")
        self.timeout = timeout
        self.node = shutil.which(node)
        self.script = os.path.join(HERE, "duckdb-run.mjs")
        self.table = None
        self.start_seconds = None
        self.version = None

    def __enter__(self):
        t0 = time.monotonic()
        if not self.node:
            raise EngineError("duckdb: node is not installed (sh install-deps.sh)")
        if not os.path.isdir(os.path.join(HERE, "node_modules", "@duckdb", "node-api")):
            raise EngineError("duckdb: @duckdb/node-api is missing from %s/node_modules "
                              "(sh install-deps.sh)" % HERE)
        os.makedirs(self.dir, exist_ok=True)
        self.version = _run("duckdb", [self.node, self.script, "--version"],
                            env=self._env(), timeout=self.timeout).strip()
        self.start_seconds = time.monotonic() - t0
        return self

    def __exit__(self, *exc):
        return False

    def _env(self):
        # DuckDB's home for extensions and secrets: in the scratch directory
        return dict(os.environ, HOME=self.dir, TMPDIR=self.dir)

    def load_contacts(self, csv_path, table, columns):
        """Remembers the CSV and types; each query loads them afresh."""
        cols, header = _plan_columns("duckdb", csv_path, columns)
        self.table = (os.path.abspath(csv_path), _ident(table), cols)

    def query(self, sql):
        """The result of one query as CSV with a header, each value as
        DuckDB casts it to VARCHAR (doubles: shortest exact form)."""
        if self.table is None:
            raise EngineError("duckdb: query before load_contacts")
        csv_path, table, cols = self.table
        sql_file = os.path.join(self.dir, "query.sql")
        with open(sql_file, "w", encoding="utf-8") as f:
            f.write(sql)
        types = json.dumps(dict(cols))
        return _run("duckdb", [self.node, self.script, csv_path, table, sql_file, types],
                    env=self._env())


ENGINES = (ClickHouseCluster, Postgres, DuckDB)

if __name__ == "__main__":
    sys.exit("engines.py is a module; run engines_selftest.py")
