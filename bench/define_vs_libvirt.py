#!/usr/bin/env python3
"""In-process define + undefine on the test driver: jvirt (JMH, DefineUndefineBench) against libvirt (its own
python binding in process, ../shared/peers/bench_rpc.py case c), measured in the same run; prints both and the
ratio. Run after `mvn -q -o package -DskipTests` from the project's root."""
import json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PEER = os.path.join(HERE, "..", "..", "shared", "peers", "bench_rpc.py")


def jvirt():
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([os.path.join(HERE, "jmh.sh"), "DefineUndefineBench", "-rf", "json", "-rff", out.name],
                       check=True, stdout=subprocess.DEVNULL)
        return json.load(open(out.name))[0]["primaryMetric"]["score"]


def libvirt():
    r = subprocess.run(["/usr/bin/python3", PEER, "--uri", "test:///default", "--one", "c"], check=True,
                       capture_output=True, text=True)
    return json.loads(r.stdout.strip().splitlines()[-1])["pairs_per_s"]


def main():
    if not os.path.exists(PEER):
        sys.exit("no " + PEER + ": libvirt's side cannot be measured")
    lv = libvirt()
    jv = jvirt()
    lv2 = libvirt()
    lv_mean = (lv + lv2) / 2
    print("libvirt in-process define+undefine: %.0f pairs/s (runs %.0f, %.0f)" % (lv_mean, lv, lv2))
    print("jvirt in-process define+undefine:   %.0f pairs/s" % jv)
    print("ratio jvirt/libvirt: %.2f" % (jv / lv_mean))


if __name__ == "__main__":
    main()
