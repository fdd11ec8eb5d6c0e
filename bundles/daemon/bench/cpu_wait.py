#!/usr/bin/python3
"""Where case b's time goes: runs ../shared/peers/bench_rpc.py case b (8 clients) against one server for 8 s and,
over the middle 4 s, reads the kernel's scheduler statistics (/proc/PID/task/TID/schedstat) of the server and of
the client: per call, the CPU time each used and the time each spent runnable but waiting for a CPU.

  /usr/bin/python3 bundles/daemon/bench/cpu_wait.py PORT PIDFILE [SHARED]
"""
import json
import os
import subprocess
import sys
import time


def snap(pid):
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                run, wait, _ = map(int, f.read().split())
            out[tid] = (run, wait)
        except OSError:
            pass  # the thread ended meanwhile
    return out


def used(before, after):
    run = wait = 0
    for tid, (r, w) in after.items():
        if tid in before:
            run += r - before[tid][0]
            wait += w - before[tid][1]
    return run / 1e3, wait / 1e3  # microseconds


def main():
    port = sys.argv[1]
    with open(sys.argv[2]) as f:
        server = int(f.read().strip())
    here = os.path.dirname(os.path.abspath(__file__))
    shared = sys.argv[3] if len(sys.argv) > 3 else os.path.join(here, "..", "..", "..", "..", "shared")
    client = subprocess.Popen(["/usr/bin/python3", os.path.join(shared, "peers", "bench_rpc.py"), "--uri",
                               f"test+tcp://127.0.0.1:{port}/default", "--one", "b", "--duration", "8"],
                              stdout=subprocess.PIPE, text=True)
    time.sleep(3)
    s0, c0 = snap(server), snap(client.pid)
    time.sleep(4)
    s1, c1 = snap(server), snap(client.pid)
    rate = json.loads(client.communicate()[0].strip().splitlines()[-1])["calls_per_s"]
    calls = rate * 4
    sr, sw = used(s0, s1)
    cr, cw = used(c0, c1)
    print(f"port {port}: {rate:.0f} calls/s; per call: server runs {sr / calls:.1f} us and waits {sw / calls:.1f} us "
          f"for a CPU, client runs {cr / calls:.1f} us and waits {cw / calls:.1f} us")


if __name__ == "__main__":
    main()
