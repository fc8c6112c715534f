#!/usr/bin/env python3
"""Peak memory of a server under the catalogue (docs/benchmarks.md).

    scripts/serve-memory.py STORE [--rounds N] [serve options...]

Starts `./sovecon serve --no-build --store STORE --warm-up 0` on a free loopback port (the launcher's
heap, as users get it; SOVECON_HEAP and SOVECON_JAVA_OPTS apply; a `--warm-up` among the serve options
replaces the 0), waits for a first answer, runs the whole catalogue N times (2 unless given), then
prints the JVM's peak and current resident memory, split into anonymous memory (heap and the JVM's
own) and file-backed pages (the memory-mapped TDB2 indexes, the jars, the class-data archive), with the
last round's geometric mean latency. With N over 2 it prints the same after each round.

`--rounds 8 --warm-up 30` is what the benchmark does to a server (3 warm-up and 5 timed rounds, with
the server's own warm-up on).
"""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import run  # noqa: E402  (bench/run.py: catalogue(), sparql(), free_port(), geomean())


def memory(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key = line.split(":")[0]
            if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
                out[key] = int(line.split()[1]) // 1024
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    store, options, rounds = sys.argv[1], sys.argv[2:], 2
    if "--rounds" in options:
        i = options.index("--rounds")
        rounds = int(options[i + 1])
        options = options[:i] + options[i + 2:]
    if not any(o.startswith("--warm-up") for o in options):
        options = ["--warm-up", "0"] + options
    port = run.free_port()
    log = open(os.path.join(ROOT, "target", "serve-memory.log"), "w")
    server = subprocess.Popen([os.path.join(ROOT, "sovecon"), "serve", "--no-build", "--store", store,
                               "--port", str(port)] + options, stdout=log, stderr=subprocess.STDOUT)
    try:
        t0 = time.monotonic()
        run.await_answer(port, server, "target/serve-memory.log")
        print(f"first answer {time.monotonic() - t0:.2f} s")
        for round_ in range(rounds):
            times = []
            for name, q in run.catalogue():
                t = time.perf_counter()
                status, _ = run.sparql(port, "/sovecon/sparql", q)
                times.append((time.perf_counter() - t) * 1000)
                if status != 200:
                    print(f"{name}: HTTP {status}")
            if rounds > 2 or round_ == rounds - 1:
                # The launcher execs java, so the server's PID is the JVM's.
                m = memory(server.pid)
                print(f"{'round ' + str(round_ + 1) + ': ' if rounds > 2 else ''}"
                      f"peak {m['VmHWM']} MB, now {m['VmRSS']} MB (anonymous {m['RssAnon']} MB, files {m['RssFile']} MB); "
                      f"geometric mean {run.geomean(times):.2f} ms over {len(times)} queries", flush=True)
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
