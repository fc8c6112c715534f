#!/usr/bin/env python3
"""The per-request floor of one or more running servers, measured interleaved (docs/benchmarks.md).

    scripts/request-floor.py [--requests N] [--warm N] [--block N] NAME=PORT [NAME=PORT ...] --queries QUERY ...

Each QUERY is `ask` (ASK {}) or a file of the catalogue (queries/competency/V40.rq). Every request
goes on a new connection, as `./sovecon bench` sends it (bench/run.py's sparql()). Each server first
gets `--warm` requests of every query; then, for each query, the servers take turns, `--block`
requests at a time, until each has answered `--requests`. Prints per server and query the median and
p95 latency and the server's CPU time per 1,000 requests (user + system of the server's process,
read from /proc around its own blocks; the server's PID is the process listening on its port).
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import run  # noqa: E402  (bench/run.py: sparql())

TICK = os.sysconf("SC_CLK_TCK")


def pid_on(port):
    out = subprocess.run(["ss", "-Htlnp", f"sport = :{port}"], capture_output=True, text=True).stdout
    return int(out.split("pid=")[1].split(",")[0])


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def text_of(q):
    return "ASK {}" if q == "ask" else open(os.path.join(ROOT, q)).read()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--warm", type=int, default=500)
    ap.add_argument("--block", type=int, default=100)
    ap.add_argument("--queries", nargs="+", default=["ask"])
    ap.add_argument("servers", nargs="+", help="NAME=PORT")
    a = ap.parse_args()
    queries = a.queries
    servers = [(s.split("=")[0], int(s.split("=")[1])) for s in a.servers]
    pids = {name: pid_on(port) for name, port in servers}
    for q in queries:
        text = text_of(q)
        expected = None
        for name, port in servers:
            for _ in range(a.warm):
                status, body = run.sparql(port, "/sovecon/sparql", text)
                if status != 200:
                    sys.exit(f"{name}: {q}: HTTP {status}: {body[:200]}")
            # Answers compared as sets of rows (order may differ without ORDER BY).
            got = run.canonical(body) if q != "ask" else body
            if expected is None:
                expected = got
            elif got != expected:
                sys.exit(f"{name}: {q}: answer differs from {servers[0][0]}'s")
        times = {name: [] for name, _ in servers}
        cpu = {name: 0.0 for name, _ in servers}
        while any(len(times[n]) < a.requests for n, _ in servers):
            for name, port in servers:
                c = cpu_seconds(pids[name])
                for _ in range(a.block):
                    t = time.perf_counter()
                    status, _ = run.sparql(port, "/sovecon/sparql", text)
                    times[name].append((time.perf_counter() - t) * 1000)
                    if status != 200:
                        sys.exit(f"{name}: {q}: HTTP {status}")
                cpu[name] += cpu_seconds(pids[name]) - c
        for name, _ in servers:
            xs = sorted(times[name])
            print(f"{q:48s} {name:8s} median {statistics.median(xs):6.3f} ms  p95 {xs[int(0.95 * len(xs))]:6.3f} ms"
                  f"  cpu {cpu[name] / len(xs) * 1e6:7.1f} ms/1000 requests  (n={len(xs)})", flush=True)


if __name__ == "__main__":
    main()
