package org.jvirt.driver.remote.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;

/**
 * Side by side, in one run on one machine: per-call latency of {@code lookupByName('test')} + {@code getInfo()}
 * against a private libvirtd 9.0 (its test driver, TCP on loopback), by jvirt's remote driver and by
 * python-libvirt (../shared/peers/bench_rpc.py case a), alternating A B A B. A plain main, not a test:
 *
 * <pre>
 *   java -cp ... org.jvirt.driver.remote.bench.LookupInfoBenchmark SHARED_DIR [runs] [seconds]
 * </pre>
 *
 * Every loop is bounded in time; the daemon is started and stopped here, on loopback only.
 */
public final class LookupInfoBenchmark {
    private LookupInfoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path script = shared.resolve("peers/libvirtd-peer.sh");
        Path dir = Files.createTempDirectory("jvirt-remote-bench");
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(List.of("sh", script.toString(), "start", dir.toString(), Integer.toString(port)));
        Thread.sleep(500);
        String uri = "test+tcp://127.0.0.1:" + port + "/default";
        try {
            ConnectFactory factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
            List<Double> jvirt = new ArrayList<>();
            List<Double> python = new ArrayList<>();
            List<Double> raw = new ArrayList<>();
            jvirtLoop(factory, uri, 2); // warm-up: JIT, class loading
            for (int r = 0; r < runs; r++) {
                python.add(pythonLoop(shared, uri, seconds));
                jvirt.add(jvirtLoop(factory, uri, seconds));
                if (Boolean.getBoolean("bench.raw")) {
                    raw.add(rawLoop(port, seconds));
                }
                System.out.printf("run %d: python-libvirt %.0f calls/s, jvirt %.0f calls/s%s%n", r + 1,
                        python.get(r), jvirt.get(r), raw.isEmpty() ? "" : String.format(", bare RpcClient %.0f",
                                raw.get(r)));
            }
            double p = median(python);
            double j = median(jvirt);
            System.out.printf("median python-libvirt: %.0f calls/s = %.1f us/call%n", p, 1e6 / p);
            System.out.printf("median jvirt remote:   %.0f calls/s = %.1f us/call%n", j, 1e6 / j);
            System.out.printf("jvirt / python-libvirt throughput: %.2f (above 1.0: jvirt faster)%n", j / p);
        } finally {
            run(List.of("sh", script.toString(), "stop", dir.toString()));
        }
    }

    /** lookupByName + getInfo in a loop for {@code seconds} on one connection; calls per second. */
    private static double jvirtLoop(ConnectFactory factory, String uri, int seconds) {
        try (Connect c = factory.open(uri)) {
            c.domainLookupByName("test").getInfo();
            long n = 0;
            long t0 = System.nanoTime();
            long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
            long now;
            do {
                for (int i = 0; i < 20; i++) {
                    c.domainLookupByName("test").getInfo();
                }
                n += 20;
                now = System.nanoTime();
            } while (now < end);
            return n / ((now - t0) / 1e9);
        }
    }

    /** The same two procedures on a bare RpcClient: what the wire and the server cost without the API layers. */
    private static double rawLoop(int port, int seconds) {
        try (var c = org.jvirt.rpc.transport.RpcClient.open("bench",
                org.jvirt.rpc.transport.Transports.connectTcp("127.0.0.1", port))) {
            var rp = org.jvirt.rpc.remote.RemoteProtocol.class;
            c.call(org.jvirt.rpc.remote.RemoteProtocol.AUTH_LIST, null);
            c.call(org.jvirt.rpc.remote.RemoteProtocol.CONNECT_OPEN,
                    new org.jvirt.rpc.remote.RemoteProtocol.ConnectOpenArgs("test:///default", 0));
            var args = new org.jvirt.rpc.remote.RemoteProtocol.DomainLookupByNameArgs("test");
            long n = 0;
            long t0 = System.nanoTime();
            long end = t0 + TimeUnit.SECONDS.toNanos(seconds);
            long now;
            do {
                for (int i = 0; i < 20; i++) {
                    var d = c.call(org.jvirt.rpc.remote.RemoteProtocol.DOMAIN_LOOKUP_BY_NAME, args).dom();
                    c.call(org.jvirt.rpc.remote.RemoteProtocol.DOMAIN_GET_INFO,
                            new org.jvirt.rpc.remote.RemoteProtocol.DomainGetInfoArgs(d));
                }
                n += 20;
                now = System.nanoTime();
            } while (now < end);
            c.call(org.jvirt.rpc.remote.RemoteProtocol.CONNECT_CLOSE, null);
            return n / ((now - t0) / 1e9);
        }
    }

    private static double pythonLoop(Path shared, String uri, int seconds) throws Exception {
        String out = run(List.of("/usr/bin/python3", shared.resolve("peers/bench_rpc.py").toString(), "--uri", uri,
                "--one", "a", "--duration", Integer.toString(seconds)));
        Matcher m = Pattern.compile("\"calls_per_s\": ([0-9.]+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("bench_rpc.py said: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd + " failed: " + out);
        }
        return out;
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
