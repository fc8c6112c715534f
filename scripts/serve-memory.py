#!/usr/bin/env python3
"""Peak memory of a server under the catalogue (docs/benchmarks.md).

    scripts/serve-memory.py STORE [serve options...]

Starts `./sovecon serve --no-build --store STORE --warm-up 0` on a free loopback port (the launcher's
heap, as users get it; SOVECON_HEAP and SOVECON_JAVA_OPTS apply), waits for a first answer, runs the
whole catalogue twice, then prints the JVM's peak and current resident memory, split into anonymous
memory (heap and the JVM's own) and file-backed pages (the memory-mapped TDB2 indexes, the jars, the
class-data archive), with the second round's geometric mean latency.
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
    port = run.free_port()
    log = open(os.path.join(ROOT, "target", "serve-memory.log"), "w")
    server = subprocess.Popen([os.path.join(ROOT, "sovecon"), "serve", "--no-build", "--store", sys.argv[1],
                               "--port", str(port), "--warm-up", "0"] + sys.argv[2:], stdout=log, stderr=subprocess.STDOUT)
    try:
        t0 = time.monotonic()
        run.await_answer(port, server, "target/serve-memory.log")
        print(f"first answer {time.monotonic() - t0:.2f} s")
        times = []
        for round_ in range(2):
            for name, q in run.catalogue():
                t = time.perf_counter()
                status, _ = run.sparql(port, "/sovecon/sparql", q)
                if round_ == 1:
                    times.append((time.perf_counter() - t) * 1000)
                if status != 200:
                    print(f"{name}: HTTP {status}")
        # The launcher execs java, so the server's PID is the JVM's.
        m = memory(server.pid)
        print(f"peak {m['VmHWM']} MB, now {m['VmRSS']} MB (anonymous {m['RssAnon']} MB, files {m['RssFile']} MB); "
              f"geometric mean {run.geomean(times):.2f} ms over {len(times)} queries")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
