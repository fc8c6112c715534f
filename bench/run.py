#!/usr/bin/env python3
"""sovecon's benchmark: sovecon against the stores a user could pick instead, side by side, in one run.

For each size (x1, x10, x100 copies of the graph) it builds the store, then starts each server on
loopback in turn (sovecon; stock Fuseki with the OWL Micro reasoner at query time; Virtuoso Open
Source; Oxigraph), warms it with the same requests, times the catalogue queries (a new connection per
request), compares every answer with sovecon's, records peak resident memory and the time to the
first real answer after the start, stops it, and prints one table per size and one summary.

    ./sovecon bench                                   # x1 and x10, every peer installed here
    ./sovecon bench --sizes 1,10,100 --rounds 10
    ./sovecon bench --sizes 1 --peers sovecon --rounds 1 --queries 3   # the smoke run of the tests

Only the Python standard library; the peers come from Debian (virtuoso-opensource-7-bin) and npm
(bench/oxigraph, `npm ci` there). A peer that is not installed is skipped with a note.
Figures are printed, not asserted: docs/benchmarks.md records a run and how to repeat it.
"""
import argparse
import csv
import glob
import http.client
import io
import json
import math
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
UNION_GRAPH = "urn:sovecon:all"
COPIES_PER_FILE = 10  # copies of one fact table per file in the x10 and x100 data
QUERY_TIMEOUT = 120  # seconds a peer may take over one catalogue query before it counts as not answered
GRACE = 10  # seconds more the client waits, for a peer's own timeout answer


# ---------------------------------------------------------------- processes and memory

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def vm_hwm_mb(pid):
    """Peak resident set size of a live process (the kernel's high-water mark), in MB."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Process:
    """A server or build started by the benchmark: its pid, its log, its peak memory, its stop."""

    def __init__(self, cmd, log, env=None, cwd=ROOT):
        self.log_path = log
        self.log = open(log, "w")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, stdout=self.log, stderr=subprocess.STDOUT, cwd=cwd,
                                     env={**os.environ, **(env or {})}, start_new_session=True)
        self.peak = 0.0
        self._watch = threading.Thread(target=self._poll, daemon=True)
        self._watch.start()

    def _poll(self):
        # The kernel keeps the high-water mark, but only while the process lives: read it until the end.
        while self.proc.poll() is None:
            v = vm_hwm_mb(self.proc.pid)
            if not math.isnan(v):
                self.peak = max(self.peak, v)
            time.sleep(0.1)

    def wait(self):
        rc = self.proc.wait()
        self._watch.join()
        self.log.close()
        return rc, time.monotonic() - self.started

    def stop(self):
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        self._watch.join()
        self.log.close()


# ---------------------------------------------------------------- synthetic copies

def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def write_csv(path, rows):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def make_copies(n, out):
    """data/ n times over: copy 0 is the real data, copy k>0 suffixes every entity and data-set id
    (and labels, aliases and romanisations, so that no two copies look like duplicates) with -ck. The
    five sources and their lines are shared, as the copies cite the same texts. Fact and observation
    tables are written COPIES_PER_FILE copies to a file: a table may hold at most 16 MiB."""
    data = os.path.join(ROOT, "data")
    done = os.path.join(out, ".complete")
    if os.path.exists(done):
        return out
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(data, out)
    if n == 1:
        open(done, "w").close()
        return out
    ids = set()
    entity_files = sorted(glob.glob(os.path.join(data, "entities", "*.csv")))
    for f in entity_files + [os.path.join(data, "observations", "datasets.csv")]:
        ids.update(r[0] for r in read_csv(f)[1:] if r)

    def rename(cell, k):
        return ";".join(t + f"-c{k}" if t in ids else t for t in cell.split(";"))

    for f in entity_files + [os.path.join(data, "observations", "datasets.csv")]:
        rows = read_csv(f)
        h = rows[0]
        out_rows = [h]
        for k in range(n):
            for r in rows[1:]:
                if not r:
                    continue
                r = list(r)
                if k:
                    r[0] = r[0] + f"-c{k}"
                    for i, col in enumerate(h):
                        if i >= len(r):
                            break
                        if col in ("label", "aliases", "translit") and r[i]:
                            r[i] = ";".join(a + f"-c{k}" if a.strip() else a for a in r[i].split(";"))
                        elif col not in ("id", "description", "note", "source", "lines", "label_ru", "translit",
                                         "wikidata", "wikidata_close", "wikidata_evidence") and r[i]:
                            r[i] = rename(r[i], k)  # property columns such as postIn
                        if col in ("wikidata", "wikidata_close"):
                            r[i] = ""
                out_rows.append(r)
        write_csv(os.path.join(out, os.path.relpath(f, data)), out_rows)
    # The curated claim links name claims by subject and lines, which every copy shares: a link would
    # match a claim in each copy. They stay out of the copies (two rows; x1 keeps them).
    claim_links = read_csv(os.path.join(data, "claim-links.csv"))
    write_csv(os.path.join(out, "claim-links.csv"), claim_links[:1])
    for f in glob.glob(os.path.join(data, "facts", "*.csv")) + glob.glob(os.path.join(data, "observations", "*.csv")):
        if f.endswith("datasets.csv"):
            continue
        rows = read_csv(f)
        h = rows[0]
        keep = {"source", "lines", "note", "start", "end", "date", "value", "upper", "unit", "period", "base",
                "status", "bound", "rank", "rank_reason", "role", "property"}
        for first in range(0, n, COPIES_PER_FILE):
            out_rows = [h]
            for k in range(first, min(n, first + COPIES_PER_FILE)):
                for r in rows[1:]:
                    if not r:
                        continue
                    r = list(r)
                    if k:
                        for i, col in enumerate(h[:len(r)]):
                            if col not in keep and r[i]:
                                r[i] = rename(r[i], k)
                    out_rows.append(r)
            name = os.path.relpath(f, data)
            if first:
                name = name[:-len(".csv")] + f"-copies-{first}.csv"
            write_csv(os.path.join(out, name), out_rows)
    open(done, "w").close()
    return out


# ---------------------------------------------------------------- SPARQL over HTTP

def sparql(port, path, query, accept="text/csv", timeout=120, params=None):
    """One request on a new connection (as a browser or a script without keep-alive makes it)."""
    body = urllib.parse.urlencode({"query": query, **(params or {})}, doseq=True)
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", path, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept, "Connection": "close"})
        r = conn.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    finally:
        conn.close()


NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")


def canonical(csv_text):
    """An answer as a sorted list of rows keyed by variable name, numbers compared by value: stores
    write 100, 100.0 and 1.0E2 for one decimal, and order rows their own way without ORDER BY; and
    GROUP_CONCAT joins its values in whatever order the store yields them (the catalogue joins
    with " | ")."""
    rows = list(csv.reader(io.StringIO(csv_text)))
    if not rows:
        return ()
    head = rows[0]
    order = sorted(range(len(head)), key=lambda i: head[i])
    out = []
    for r in rows[1:]:
        cells = []
        for i in order:
            v = r[i] if i < len(r) else ""
            if NUMBER.match(v):
                v = repr(round(float(v), 6))
            if " | " in v:
                v = " | ".join(sorted(v.split(" | ")))
            cells.append(v)
        out.append(tuple(cells))
    return (tuple(head[i] for i in order), tuple(sorted(out)))


def catalogue(limit=None):
    qs = []
    for f in sorted(glob.glob(os.path.join(ROOT, "queries", "**", "*.rq"), recursive=True)):
        with open(f, encoding="utf-8") as fh:
            text = fh.read()
        if re.search(r"\bSERVICE\b", text):
            continue  # federation needs the network; not a store measure
        qs.append((os.path.relpath(f, os.path.join(ROOT, "queries")), text))
    return qs[:limit] if limit else qs


# ---------------------------------------------------------------- the servers

class Peer:
    name = "?"
    path = "/sparql"
    params = None

    def available(self):
        return True, ""

    def start(self, size_dir, port):
        raise NotImplementedError

    def first_query(self):
        return "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/sovecon/ontology#Person> }"


class Sovecon(Peer):
    name = "sovecon"
    path = "/sovecon/sparql"

    def start(self, size_dir, port):
        return Process([os.path.join(ROOT, "sovecon"), "serve", "--no-build", "--store", os.path.join(size_dir, "store"),
                        "--port", str(port)], os.path.join(size_dir, "sovecon.log"))


class SoveconEngine(Sovecon):
    """sovecon without its answer cache (serve --answer-cache 0): every timed request runs the query, as
    in the other stores, none of which keeps answers. What the engine itself costs."""
    name = "sovecon-no-cache"

    def start(self, size_dir, port):
        return Process([os.path.join(ROOT, "sovecon"), "serve", "--no-build", "--answer-cache", "0", "--store",
                        os.path.join(size_dir, "store"), "--port", str(port)], os.path.join(size_dir, "sovecon-no-cache.log"))


class SoveconInMemory(Sovecon):
    """sovecon serving a copy of its store loaded into memory at start (serve --in-memory), no answer cache."""
    name = "sovecon-memory"

    def start(self, size_dir, port):
        return Process([os.path.join(ROOT, "sovecon"), "serve", "--no-build", "--in-memory", "--answer-cache", "0",
                        "--store", os.path.join(size_dir, "store"), "--port", str(port)],
                       os.path.join(size_dir, "sovecon-memory.log"))


class Reasoner(Peer):
    """Stock Fuseki main with fuseki-config/reasoner-benchmark.ttl: asserted data, rules at query time."""
    name = "fuseki+reasoner"
    path = "/sovecon/sparql"

    def start(self, size_dir, port):
        with open(os.path.join(ROOT, "fuseki-config", "reasoner-benchmark.ttl"), encoding="utf-8") as f:
            cfg = f.read().replace("DATA_FILE", os.path.join(size_dir, "asserted.nt"))
        cfg_path = os.path.join(size_dir, "reasoner.ttl")
        with open(cfg_path, "w", encoding="utf-8") as f:
            f.write(cfg)
        with open(os.path.join(ROOT, "target", "classpath.txt")) as f:
            cp = os.path.join(ROOT, "target", "sovecon.jar") + ":" + f.read().strip()
        heap = os.environ.get("BENCH_REASONER_HEAP", "4g")
        # Fuseki's command sets up Log4j2 unless told a configuration is given; our classpath logs through
        # slf4j-simple and has no Log4j2 core, so say one is given.
        return Process(["java", f"-Xmx{heap}", "-Dlog4j2.configurationFile=none", "-cp", cp, "org.apache.jena.fuseki.main.cmds.FusekiMainCmd",
                        "--localhost", "--port", str(port), "--config", cfg_path], os.path.join(size_dir, "reasoner.log"))


class Oxigraph(Peer):
    """Oxigraph's in-memory store behind bench/oxigraph/server.js: the store in one worker thread, which
    the server terminates when a query passes QUERY_TIMEOUT (answering 503) and then reloads."""
    name = "oxigraph"
    dir = os.path.join(ROOT, "bench", "oxigraph")

    def available(self):
        if not shutil.which("node"):
            return False, "node is not installed"
        if not os.path.isdir(os.path.join(self.dir, "node_modules", "oxigraph")):
            return False, "run `npm ci` in bench/oxigraph"
        return True, ""

    def start(self, size_dir, port):
        # The quads, not the flattened triples: Oxigraph keeps named graphs and its default graph is their
        # union, as sovecon's is, so the queries over the explanation and claim-link graphs (GRAPH ...)
        # do the same work and give the same rows here as on sovecon.
        return Process(["node", os.path.join(self.dir, "server.js"), os.path.join(size_dir, "graph.nq"), str(port),
                        str(QUERY_TIMEOUT)],
                       os.path.join(size_dir, "oxigraph.log"))


class Virtuoso(Peer):
    """A private Virtuoso: its own database folder and ini, on loopback, loaded with the bulk loader;
    queries scoped to the loaded graph, result rows unlimited."""
    name = "virtuoso"

    def available(self):
        if not shutil.which("virtuoso-t") or not shutil.which("isql-vt"):
            return False, "virtuoso-t / isql-vt missing (Debian: virtuoso-opensource-7-bin)"
        return True, ""

    def start(self, size_dir, port):
        db = os.path.join(size_dir, "virtuoso")
        shutil.rmtree(db, ignore_errors=True)
        os.makedirs(db)
        self.isql_port = free_port()
        load_dir = os.path.join(size_dir, "virtuoso-load")
        os.makedirs(load_dir, exist_ok=True)
        target = os.path.join(load_dir, "graph.nt")
        if not os.path.exists(target):
            os.link(os.path.join(size_dir, "graph.nt"), target)
        with open(os.path.join(db, "virtuoso.ini"), "w") as f:
            f.write(f"""[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{self.isql_port}
DirsAllowed = ., {load_dir}, /usr/share/virtuoso-opensource-7/vad
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
MaxQueryMem = 1G
[HTTPServer]
ServerPort = 127.0.0.1:{port}
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
[SPARQL]
ResultSetMaxRows = 10000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 0
DefaultGraph = {UNION_GRAPH}
""")
        self.load_dir = load_dir
        self.db = db
        return Process(["virtuoso-t", "+foreground", "+configfile", os.path.join(db, "virtuoso.ini")],
                       os.path.join(size_dir, "virtuoso-server.log"), cwd=db)

    def after_start(self):
        """Bulk-load the graph once the server listens; the load time is the peer's build time."""
        t = time.monotonic()
        script = (f"ld_dir('{self.load_dir}', 'graph.nt', '{UNION_GRAPH}');\n"
                  "rdf_loader_run();\ncheckpoint;\n")
        for _ in range(120):
            r = subprocess.run(["isql-vt", str(self.isql_port), "dba", "dba"], input=script, text=True,
                               capture_output=True)
            if r.returncode == 0 and "Connect failed" not in r.stdout + r.stderr:
                return time.monotonic() - t
            time.sleep(1)
        raise RuntimeError("virtuoso: bulk load failed: " + r.stdout[-500:] + r.stderr[-500:])

    params = {"default-graph-uri": UNION_GRAPH}


PEERS = {p.name: p for p in (Sovecon(), SoveconEngine(), SoveconInMemory(), Reasoner(), Virtuoso(), Oxigraph())}


# ---------------------------------------------------------------- one size

def build(n, out, heap, baseline=True):
    """Build the copy's store with sovecon; also export the graph the peers load."""
    d = os.path.join(out, f"x{n}")
    os.makedirs(d, exist_ok=True)
    data = make_copies(n, os.path.join(d, "data"))
    store = os.path.join(d, "store")
    res = {}
    env = {"SOVECON_HEAP": heap}
    p = Process([os.path.join(ROOT, "sovecon"), "build", "--no-sources", "--data", data, "--store", store],
                os.path.join(d, "build.log"), env=env)
    rc, secs = p.wait()
    if rc != 0:
        raise RuntimeError(f"build x{n} failed, see {p.log_path}")
    res["build_s"], res["build_peak_mb"] = secs, p.peak
    nq = os.path.join(d, "graph.nq")
    subprocess.run([os.path.join(ROOT, "sovecon"), "export", "--no-sources", "--data", data, "--store", store, nq],
                   check=True, capture_output=True, env={**os.environ, **env})
    # The peers get plain triples: the union of the three graphs (what sovecon's default graph is),
    # and for the reasoner only the asserted and ontology graphs (it infers the rest itself).
    seen = 0
    with open(nq, encoding="utf-8") as f, open(os.path.join(d, "graph.nt"), "w", encoding="utf-8") as all_out, \
            open(os.path.join(d, "asserted.nt"), "w", encoding="utf-8") as asserted_out:
        for line in f:
            line = line.rstrip("\n")
            if not line.endswith(" ."):
                continue
            body = line[:-2].rstrip()
            g_start = body.rfind(" <")
            triple, graph = body[:g_start], body[g_start + 1:]
            all_out.write(triple + " .\n")
            seen += 1
            if not graph.endswith("/inferred>"):
                asserted_out.write(triple + " .\n")
    res["quads"] = seen
    res["tdbloader_s"] = float("nan")
    if not baseline:
        return d, res
    # Jena's own bulk loader on the same quads: the yardstick for the build's speed.
    with open(os.path.join(ROOT, "target", "classpath.txt")) as f:
        cp = os.path.join(ROOT, "target", "sovecon.jar") + ":" + f.read().strip()
    loc = os.path.join(d, "tdbloader")
    shutil.rmtree(loc, ignore_errors=True)
    p = Process(["java", f"-Xmx{heap}", "-cp", cp, "tdb2.tdbloader", "--loader=phased", "--loc", loc, nq],
                os.path.join(d, "tdbloader.log"))
    rc, secs = p.wait()
    res["tdbloader_s"] = secs if rc == 0 else float("nan")
    shutil.rmtree(loc, ignore_errors=True)
    return d, res


def await_answer(port, proc, log_path, path="/sovecon/sparql", query="ASK {}", pause=0.05):
    """Polls a server started by a script until it answers 200, or ends the script if the server exits."""
    while True:
        if proc.poll() is not None:
            sys.exit(f"the server exited; see {log_path}")
        try:
            if sparql(port, path, query)[0] == 200:
                return
        except OSError:
            pass
        time.sleep(pause)


def percentile(xs, q):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def run_peer(peer, d, queries, warmup, rounds, reference):
    port = free_port()
    t0 = time.monotonic()
    proc = peer.start(d, port)
    out = {"load_s": None}
    try:
        if hasattr(peer, "after_start"):
            out["load_s"] = peer.after_start()
        first = None
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline:
            if proc.proc.poll() is not None:
                raise RuntimeError(f"{peer.name} exited; see {proc.log_path}")
            try:
                st, body = sparql(port, peer.path, peer.first_query(), params=peer.params, timeout=300)
                if st == 200 and len(body.strip().splitlines()) > 1 and body.strip().splitlines()[1] not in ("0", '"0"'):
                    first = time.monotonic() - t0
                    break
            except OSError:
                pass
            time.sleep(0.05)
        out["first_answer_s"] = first
        times, answers, errors = {}, {}, {}

        def ask(name, q):
            """(status, body, ms), or None when the query fails: a query a peer does not answer, or
            answers with an error, in any round is an error for that query alone, is not sent again and
            keeps no times (the figures cover answered queries); the peer's other figures stand."""
            if name in errors:
                return None
            t = time.perf_counter()
            try:
                # A little longer than the limit, so that a peer's own timeout answer (a 503) arrives.
                st, body = sparql(port, peer.path, q, params=peer.params, timeout=QUERY_TIMEOUT + GRACE)
                ms = (time.perf_counter() - t) * 1000
                if st == 200 and ms <= QUERY_TIMEOUT * 1000:
                    return st, body, ms
                errors[name] = f"{st}: {body[:200]}" if st != 200 else f"no answer within {QUERY_TIMEOUT} s"
            except (socket.timeout, TimeoutError):
                errors[name] = f"no answer within {QUERY_TIMEOUT} s"
            except OSError as e:
                if proc.proc.poll() is not None:
                    raise RuntimeError(f"{peer.name} exited; see {proc.log_path}")
                errors[name] = f"request failed: {e}"
            times.pop(name, None)
            answers.pop(name, None)
            wait_until_answering()
            return None

        def wait_until_answering():
            # A peer may still be busy after a failed query (a store that cannot cancel one finishes
            # it; Oxigraph's server reloads its store): the next query is timed only once it answers
            # again, so that no other query pays for the failed one.
            deadline = time.monotonic() + 900
            while time.monotonic() < deadline:
                if proc.proc.poll() is not None:
                    raise RuntimeError(f"{peer.name} exited; see {proc.log_path}")
                try:
                    if sparql(port, peer.path, peer.first_query(), params=peer.params, timeout=300)[0] == 200:
                        return
                except OSError:
                    pass
                time.sleep(0.05)
            raise RuntimeError(f"{peer.name} did not answer again within 900 s after a failed query")

        for _ in range(warmup):
            for name, q in queries:
                ask(name, q)
        for _ in range(rounds):
            for name, q in queries:
                r = ask(name, q)
                if r is not None:
                    times.setdefault(name, []).append(r[2])
                    answers[name] = canonical(r[1])
        out["times"], out["answers"], out["errors"] = times, answers, errors
        out["peak_mb"] = max(proc.peak, vm_hwm_mb(proc.proc.pid))
    finally:
        proc.stop()
    if reference is not None:
        out["same"] = sorted(n for n in out["answers"] if reference.get(n) == out["answers"][n])
        out["differ"] = sorted(n for n in reference if n in out["answers"] and reference[n] != out["answers"][n])
    return out


def geomean(xs):
    xs = [x for x in xs if x and x > 0]
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1,10")
    ap.add_argument("--peers", default=",".join(PEERS))
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=3, help="rounds of the whole catalogue before timing")
    ap.add_argument("--queries", type=int, default=None, help="only the first N catalogue queries")
    ap.add_argument("--out", default=os.path.join(ROOT, "target", "bench"))
    ap.add_argument("--build-heap", default="4g")
    ap.add_argument("--json", help="also write every figure to this file")
    ap.add_argument("--no-baseline", action="store_true", help="skip the tdb2.tdbloader yardstick (the smoke run)")
    a = ap.parse_args()
    queries = catalogue(a.queries)
    report = {"machine": f"{os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB",
              "queries": len(queries), "sizes": {}}
    print(f"sovecon bench: {len(queries)} catalogue queries, {a.rounds} timed rounds after {a.warmup} warm-up rounds, "
          f"a new connection per request; machine {report['machine']}", flush=True)
    for n in [int(s) for s in a.sizes.split(",")]:
        d, b = build(n, a.out, a.build_heap, not a.no_baseline)
        print(f"\n## x{n}: {b['quads']:,} quads; sovecon build {b['build_s']:.1f} s (peak {b['build_peak_mb']:.0f} MB); "
              f"tdb2.tdbloader on the same quads {b['tdbloader_s']:.1f} s", flush=True)
        size = {"build": b, "peers": {}}
        reference = None
        for name in a.peers.split(","):
            peer = PEERS[name]
            ok, why = peer.available()
            if not ok:
                print(f"- {name}: skipped ({why})", flush=True)
                continue
            try:
                r = run_peer(peer, d, queries, a.warmup, a.rounds, reference)
            except Exception as e:  # one peer failing must not lose the others' figures
                print(f"- {name}: failed ({e})", flush=True)
                continue
            if name == "sovecon":
                reference = r["answers"]
            size["peers"][name] = r
            med = {q: statistics.median(ts) for q, ts in r["times"].items()}
            p95 = {q: percentile(ts, 0.95) for q, ts in r["times"].items()}
            r["median_ms"], r["p95_ms"] = med, p95
            line = (f"- {name}: first answer {r['first_answer_s']:.2f} s after start"
                    + (f" (load {r['load_s']:.1f} s)" if r.get("load_s") else "")
                    + f"; peak {r['peak_mb']:.0f} MB; median of medians {statistics.median(med.values()):.1f} ms; "
                    f"geometric mean {geomean(list(med.values())):.2f} ms; worst median {max(med.values()):.1f} ms "
                    f"({max(med, key=med.get)}); p95 of all {percentile([t for ts in r['times'].values() for t in ts], 0.95):.1f} ms")
            if reference is not None and name != "sovecon":
                line += f"; answers same as sovecon's on {len(r['same'])}/{len(reference)}"
                if r["differ"]:
                    line += f" (differ: {', '.join(r['differ'][:8])})"
            if r["errors"]:
                line += f"; errors on {len(r['errors'])}: {', '.join(list(r['errors'])[:5])}"
            print(line, flush=True)
        # Per-query table and ratios against the fastest peer.
        peers = size["peers"]
        if "sovecon" in peers:
            names = list(peers)
            print("\n| query | " + " | ".join(f"{p} median / p95 ms" for p in names) + " |")
            print("|---|" + "---|" * len(names))
            for q, _ in queries:
                cells = []
                for p in names:
                    m, p95 = peers[p]["median_ms"].get(q), peers[p]["p95_ms"].get(q)
                    cells.append("—" if m is None else f"{m:.1f} / {p95:.1f}")
                print(f"| {q} | " + " | ".join(cells) + " |")
            # sovecon as served (answers kept), and its engine alone (no cache), against every other peer.
            for mine in [m for m in ("sovecon", "sovecon-no-cache") if m in peers]:
                for p in names:
                    if p in ("sovecon", mine):
                        continue
                    ratios = [peers[mine]["median_ms"][q] / peers[p]["median_ms"][q] for q, _ in queries
                              if q in peers[p]["median_ms"] and q in peers[mine]["median_ms"]
                              and q not in peers[p]["errors"] and q not in peers[mine]["errors"]]
                    print(f"{mine} ÷ {p}, geometric mean of per-query median ratios over {len(ratios)} queries: {geomean(ratios):.2f}")
                    size.setdefault("ratios", {})[f"{mine}/{p}"] = geomean(ratios)
            if b["tdbloader_s"] == b["tdbloader_s"]:
                print(f"build speed, sovecon's build ÷ tdb2.tdbloader's load time: {b['build_s'] / b['tdbloader_s']:.2f} "
                      f"(sovecon also reads, validates, converts and infers)")
        for p in peers.values():
            p.pop("answers", None)
        report["sizes"][f"x{n}"] = size
    if a.json:
        with open(a.json, "w") as f:
            json.dump(report, f, indent=1, default=str)


if __name__ == "__main__":
    main()
