#!/usr/bin/python3
"""Runs ../shared/peers/bench_rpc.py's cases against several libvirt-protocol servers in rotation (X Y Z X Y Z ...)
and prints each server's median, with the server's CPU per call (or per pair) and, for case d, its RSS growth per
domain. For before/after comparisons of two daemons beside libvirtd in one session; compare_rpc.py takes two.

  /usr/bin/python3 bundles/daemon/bench/rotate_rpc.py NAME=PORT:PIDFILE[,NAME=PORT:PIDFILE...] CASES RUNS [SHARED]

SHARED is the shared test data folder (default ../shared next to the project). Every URI is test+tcp on loopback.
"""
import json
import os
import statistics
import subprocess
import sys

KEY = {"a": "calls_per_s", "b": "calls_per_s", "c": "pairs_per_s", "d": "listAllDomains_median_ms",
       "e": "after_return_median_ms"}


def main():
    servers = [s.split("=", 1) for s in sys.argv[1].split(",")]
    cases, runs = sys.argv[2].split(","), int(sys.argv[3])
    here = os.path.dirname(os.path.abspath(__file__))
    shared = sys.argv[4] if len(sys.argv) > 4 else os.path.join(here, "..", "..", "..", "..", "shared")
    bench = os.path.join(shared, "peers", "bench_rpc.py")
    for case in cases:
        values = {name: [] for name, _ in servers}
        extra = {name: [] for name, _ in servers}
        for _ in range(runs):
            for name, spec in servers:
                port, pidfile = spec.split(":", 1)
                out = subprocess.run(["/usr/bin/python3", bench, "--uri", f"test+tcp://127.0.0.1:{port}/default",
                                      "--one", case, "--duration", "3", "--daemon-pidfile", pidfile],
                                     capture_output=True, text=True, timeout=900, check=True)
                r = json.loads(out.stdout.strip().splitlines()[-1])
                values[name].append(r[KEY[case]])
                if case == "d":
                    extra[name].append((r["rss_kib_after_define"] - r["rss_kib_before"]) / r["ndomains"])
                elif "daemon_cpu_us_per_call" in r:
                    extra[name].append(r["daemon_cpu_us_per_call"])
                elif "daemon_cpu_us_per_pair" in r:
                    extra[name].append(r["daemon_cpu_us_per_pair"])
        line = f"case {case} {KEY[case]}:"
        for name, _ in servers:
            line += f"  {name}={statistics.median(values[name]):.4g}"
            if extra[name]:
                what = "KiB RSS/domain" if case == "d" else "server CPU us"
                line += f" ({what} {statistics.median(extra[name]):.3g})"
        print(line, flush=True)


if __name__ == "__main__":
    main()
