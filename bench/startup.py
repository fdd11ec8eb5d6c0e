#!/usr/bin/env python3
"""Start-up benchmark: time from exec of bin/jvirt to its shell's prompt, with every bundle active.

  python3 bench/startup.py [--runs 10] [--dist distribution/target/jvirt]

Each run starts bin/jvirt with standard input a pipe (the shell then prints its prompt as virsh does when reading
a file), reads its output until the prompt appears, notes the time, and ends the shell with 'quit'. The launcher's
start-up report (jvirt.startup.report) says whether every bundle was active when the shell took over. Prints each
run and the median; this machine is noisy, so compare medians taken in one session.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

PROMPT = b"jvirt # "


def one_run(dist, env):
    with tempfile.NamedTemporaryFile(prefix="jvirt-startup-", delete=False) as f:
        report = f.name
    run_env = dict(env)
    run_env["JVIRT_JAVA_OPTS"] = (env.get("JVIRT_JAVA_OPTS", "") + " -Djvirt.startup.report=" + report).strip()
    start = time.perf_counter()
    p = subprocess.Popen([os.path.join(dist, "bin", "jvirt")], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, env=run_env)
    seen = b""
    elapsed = None
    while True:
        chunk = os.read(p.stdout.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        if PROMPT in seen:
            elapsed = time.perf_counter() - start
            break
    p.stdin.write(b"quit\n")
    p.stdin.close()
    p.stdout.read()
    p.wait(timeout=60)
    with open(report) as f:
        all_active = f.read().split()[1] == "true"
    os.unlink(report)
    if elapsed is None:
        raise SystemExit("the shell never printed its prompt; output was: %r" % seen[-500:])
    return elapsed, all_active


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--dist", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                                                   "distribution", "target", "jvirt"))
    a = ap.parse_args()
    dist = os.path.abspath(a.dist)
    env = dict(os.environ)
    times = []
    for i in range(a.warmup + a.runs):
        t, active = one_run(dist, env)
        if not active:
            raise SystemExit("run %d: not every bundle was active when the shell took over" % i)
        if i >= a.warmup:
            times.append(t)
            print("run %2d: %.3f s to the prompt, every bundle active" % (i - a.warmup + 1, t))
    print("median %.3f s over %d runs (min %.3f, max %.3f)" % (statistics.median(times), len(times), min(times),
                                                            max(times)))


if __name__ == "__main__":
    sys.exit(main())
