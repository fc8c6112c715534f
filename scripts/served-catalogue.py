#!/usr/bin/env python3
"""The catalogue as users meet it on one server: run once (computing and keeping the answers), then
timed twice (docs/benchmarks.md, x100).

    scripts/served-catalogue.py STORE [serve options...]

Starts `./sovecon serve --no-build --store STORE --warm-up 0 --timeout 180` on a free loopback port
(the launcher's heap; add `--answer-cache 0` for the engine alone), runs every catalogue query once,
then twice more, timed, each on a new connection as `./sovecon bench` sends it. Prints the p95 and the
geometric mean of the timed requests, the slowest queries with their first run, the server's peak
memory, and the size of its answer files.
"""
import glob
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import run  # noqa: E402  (bench/run.py: catalogue(), sparql(), free_port(), geomean())


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    port = run.free_port()
    log = open(os.path.join(ROOT, "target", "served-catalogue.log"), "w")
    server = subprocess.Popen([os.path.join(ROOT, "sovecon"), "serve", "--no-build", "--store", sys.argv[1], "--port", str(port),
                               "--warm-up", "0", "--timeout", "180"] + sys.argv[2:], stdout=log, stderr=subprocess.STDOUT)
    try:
        run.await_answer(port, server, "target/served-catalogue.log")
        catalogue = run.catalogue()
        first, times = {}, {}
        t0 = time.monotonic()
        for name, q in catalogue:
            t = time.perf_counter()
            status, body = run.sparql(port, "/sovecon/sparql", q, timeout=300)
            first[name] = (time.perf_counter() - t) * 1000
            if status != 200:
                print(f"{name}: HTTP {status} {body[:100]}")
        print(f"first round {time.monotonic() - t0:.1f} s")
        for _ in range(2):
            for name, q in catalogue:
                t = time.perf_counter()
                run.sparql(port, "/sovecon/sparql", q, timeout=300)
                times.setdefault(name, []).append((time.perf_counter() - t) * 1000)
        every = sorted(x for v in times.values() for x in v)
        p95 = run.percentile(every, 0.95)
        print(f"{len(catalogue)} queries, 2 timed rounds: p95 {p95:.1f} ms, geometric mean {run.geomean(every):.2f} ms, slowest {every[-1]:.1f} ms")
        for worst, name in sorted(((max(v), k) for k, v in times.items()), reverse=True)[:8]:
            print(f"  {name}: {worst:.1f} ms (first run {first[name]:.0f} ms)")
        with open(f"/proc/{server.pid}/status") as f:
            mem = {l.split(":")[0]: int(l.split()[1]) // 1024 for l in f if l.startswith(("VmHWM", "RssAnon", "RssFile"))}
        print(f"peak {mem['VmHWM']} MB (anonymous {mem['RssAnon']} MB, files {mem['RssFile']} MB now)")
        folders = glob.glob(f"/tmp/sovecon-answers-{server.pid}-*")
        if folders:
            print("answer files: " + subprocess.run(["du", "-sh"] + folders, capture_output=True, text=True).stdout.split()[0])
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
