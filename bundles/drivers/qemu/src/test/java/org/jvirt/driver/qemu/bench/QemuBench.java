package org.jvirt.driver.qemu.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jvirt.api.Connect;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.ListDomainsFlag;
import org.jvirt.driver.qemu.QemuBenchAccess;

/**
 * The QEMU driver's figures on this machine, all in one run, TCG: start to running and destroy to shut off with a
 * warm capabilities cache, QEMU's own exec-to-QMP-greeting with the same arguments, and listing 20 running guests
 * with each one's info. Medians, after a warm-up. Not a test: run it by hand (docs/performance.md says how).
 *
 * <p>Arguments: {@code [runs] [guests]} (default 30 and 20).
 */
public final class QemuBench {
    private QemuBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int guests = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path home = Files.createTempDirectory("jvirt-qemu-bench");
        try (QemuBenchAccess q = new QemuBenchAccess(home)) {
            Connect c = q.connect();
            long probe0 = System.nanoTime();
            c.getCapabilities(); // the first use probes the emulator; the rest find it cached
            double probeMs = ms(System.nanoTime() - probe0);

            Domain d = c.domainDefineXML(QemuBenchAccess.guestXml("bench"));
            for (int i = 0; i < 5; i++) { // warm-up: JIT, page cache, QEMU's files
                d.create();
                d.destroy();
            }
            double[] start = new double[runs];
            double[] destroy = new double[runs];
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                d.create();
                long t1 = System.nanoTime();
                if (d.getState().state() != DomainState.RUNNING) {
                    throw new IllegalStateException("not running after create: " + d.getState());
                }
                long t2 = System.nanoTime();
                d.destroy();
                long t3 = System.nanoTime();
                if (d.getState().state() != DomainState.SHUTOFF) {
                    throw new IllegalStateException("not shut off after destroy: " + d.getState());
                }
                start[i] = ms(t1 - t0);
                destroy[i] = ms(t3 - t2);
            }

            List<String> argv = q.commandLine("bench", home.resolve("bare"));
            double[] greeting = new double[runs];
            double[] greetingSetsid = new double[runs];
            double[] readySetsid = new double[runs];
            List<String> viaSetsid = new ArrayList<>(argv);
            viaSetsid.add(0, "/usr/bin/setsid");
            for (int i = 0; i < runs + 3; i++) {
                double[] g = bareStart(argv, home.resolve("bare/monitor.sock"));
                double[] g2 = bareStart(viaSetsid, home.resolve("bare/monitor.sock"));
                if (i >= 3) {
                    greeting[i - 3] = g[0];
                    greetingSetsid[i - 3] = g2[0];
                    readySetsid[i - 3] = g2[1];
                }
            }

            // each guest with a disk (one image, shared read-only), so that block statistics have something to say
            Path disk = home.resolve("disk.raw");
            Files.write(disk, new byte[1 << 20]);
            List<Domain> running = new ArrayList<>();
            for (int i = 0; i < guests; i++) {
                running.add(c.domainCreateXML(QemuBenchAccess.guestXml("g" + i, "<disk type='file' device='disk'>"
                        + "<driver name='qemu' type='raw'/><source file='" + disk + "'/><target dev='vda' bus='virtio'/>"
                        + "<readonly/></disk>"), Set.of()));
            }
            int loops = 200;
            double[] stats = new double[loops];
            for (int i = 0; i < loops + 50; i++) {
                long t0 = System.nanoTime();
                List<Domain> all = c.listAllDomains(Set.of(ListDomainsFlag.ACTIVE));
                List<DomainStatsRecord> records = c.getAllDomainStats(Set.of(), Set.of());
                long t1 = System.nanoTime();
                if (all.size() != guests || records.size() != guests + 1) {
                    throw new IllegalStateException(records.size() + " records for " + guests + " guests");
                }
                if (i >= 50) {
                    stats[i - 50] = ms(t1 - t0);
                }
            }
            double[] list = new double[loops];
            for (int i = 0; i < loops + 50; i++) {
                long t0 = System.nanoTime();
                List<Domain> all = c.listAllDomains(Set.of(ListDomainsFlag.ACTIVE));
                for (Domain x : all) {
                    x.getInfo();
                }
                long t1 = System.nanoTime();
                if (all.size() != guests) {
                    throw new IllegalStateException(all.size() + " guests listed");
                }
                if (i >= 50) {
                    list[i - 50] = ms(t1 - t0);
                }
            }
            for (Domain x : running) {
                x.destroy();
            }
            d.undefine();

            System.out.printf(Locale.ROOT, "QEMU driver benchmark (TCG, %d runs, medians; min-max)%n", runs);
            System.out.printf(Locale.ROOT, "  capabilities probe (cold, once)                  %8.1f ms%n", probeMs);
            row("start to running (warm caps)", start);
            row("destroy to shut off", destroy);
            row("QEMU bare exec to QMP greeting", greeting);
            row("  the same through setsid (as the driver)", greetingSetsid);
            row("  through setsid, to qmp_capabilities' reply", readySetsid);
            System.out.printf(Locale.ROOT, "  start / bare greeting through setsid %.2f; start / bare reply through "
                    + "setsid %.2f (medians)%n", median(start) / median(greetingSetsid),
                    median(start) / median(readySetsid));
            row(guests + " guests: listAllDomains + getInfo", list);
            row(guests + " guests: listAllDomains + getAllDomainStats", stats);
            double[][] peer = libvirtSession(QemuBenchAccess.guestXml("bench"), runs);
            if (peer == null) {
                System.out.println("  libvirt 9.0's QEMU driver: not here (it needs root to run as nobody, "
                        + "python3-libvirt and libvirt-daemon-driver-qemu): no side-by-side figure");
            } else {
                row("libvirt 9.0 session daemon: start to running", peer[0]);
                row("libvirt 9.0 session daemon: destroy", peer[1]);
                System.out.printf(Locale.ROOT, "  libvirt's start / jvirt's start %.1f; destroy %.1f (medians, same "
                        + "guest, one connection each)%n", median(peer[0]) / median(start),
                        median(peer[1]) / median(destroy));
            }
        } finally {
            try (Stream<Path> s = Files.walk(home)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * exec of QEMU with the driver's arguments to its greeting on the monitor socket, and to the reply to
     * qmp_capabilities sent as soon as the socket connects (QEMU answers once its start-up is done); then it is
     * killed.
     */
    /**
     * libvirt 9.0's QEMU driver on the same guest, as a session daemon of the user nobody (so TCG, and nothing of
     * the system's touched), driven by python-libvirt over one connection: each start and destroy in
     * milliseconds, or null when it cannot run here. The daemon virsh started is ended afterwards.
     */
    private static double[][] libvirtSession(String xml, int runs) throws IOException, InterruptedException {
        Path module = Path.of("/usr/lib/x86_64-linux-gnu/libvirt/connection-driver/libvirt_driver_qemu.so");
        if (!"root".equals(System.getProperty("user.name")) || !Files.exists(module)
                || !Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return null;
        }
        Path dir = Files.createTempDirectory("jvirt-bench-libvirt");
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.writeString(dir.resolve("guest.xml"), xml);
            Files.writeString(dir.resolve("bench.py"), String.join("\n",
                    "import libvirt, sys, time",
                    "c = libvirt.open('qemu:///session')",
                    "d = c.defineXML(open(sys.argv[1]).read())",
                    "for i in range(5):",
                    "    d.create(); d.destroy()",
                    "for i in range(int(sys.argv[2])):",
                    "    t0 = time.perf_counter(); d.create(); t1 = time.perf_counter()",
                    "    assert d.state()[0] == libvirt.VIR_DOMAIN_RUNNING",
                    "    t2 = time.perf_counter(); d.destroy(); t3 = time.perf_counter()",
                    "    print('%.3f %.3f' % ((t1 - t0) * 1000, (t3 - t2) * 1000))",
                    "d.undefine()", ""));
            for (String f : List.of("guest.xml", "bench.py")) {
                Files.setPosixFilePermissions(dir.resolve(f),
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            String env = "HOME=" + dir + " XDG_RUNTIME_DIR=" + dir + "/run XDG_CONFIG_HOME=" + dir + "/cfg"
                    + " XDG_CACHE_HOME=" + dir + "/cache XDG_DATA_HOME=" + dir + "/data";
            Process p = new ProcessBuilder("su", "-s", "/bin/sh", "nobody", "-c", "mkdir -p " + dir + "/run && env "
                    + env + " /usr/bin/python3 " + dir + "/bench.py " + dir + "/guest.xml " + runs)
                    .redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .toList();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0 || lines.size() != runs) {
                System.out.println("  libvirt 9.0's QEMU driver failed: " + String.join(" | ", lines));
                return null;
            }
            double[][] out = new double[2][runs];
            for (int i = 0; i < runs; i++) {
                String[] f = lines.get(i).split(" ");
                out[0][i] = Double.parseDouble(f[0]);
                out[1][i] = Double.parseDouble(f[1]);
            }
            return out;
        } finally {
            Path pid = dir.resolve("run/libvirt/libvirtd.pid");
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroy);
            }
            new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static double[] bareStart(List<String> argv, Path socket) throws IOException, InterruptedException {
        Files.deleteIfExists(socket);
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try (SocketChannel ch = connect(socket, p)) {
            ch.write(ByteBuffer.wrap("{\"execute\":\"qmp_capabilities\"}\n".getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer b = ByteBuffer.allocate(8192);
            double greeting = -1;
            int lines = 0;
            while (lines < 2) { // the greeting's line, then the reply's
                if (ch.read(b) <= 0) {
                    throw new IOException("QEMU closed its monitor");
                }
                lines = countLines(b);
                if (lines >= 1 && greeting < 0) {
                    greeting = ms(System.nanoTime() - t0);
                }
            }
            return new double[] {greeting, ms(System.nanoTime() - t0)};
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static SocketChannel connect(Path socket, Process p) throws IOException, InterruptedException {
        while (true) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(socket));
                return ch;
            } catch (IOException e) {
                ch.close();
                if (!p.isAlive()) {
                    try (InputStream in = p.getInputStream()) {
                        throw new IOException("QEMU exited: " + new String(in.readAllBytes()));
                    }
                }
                TimeUnit.MICROSECONDS.sleep(100);
            }
        }
    }

    private static int countLines(ByteBuffer b) {
        int n = 0;
        for (int i = 0; i < b.position(); i++) {
            if (b.get(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void row(String what, double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double median = s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "  %-48s %8.1f ms   (%.1f-%.1f)%n", what, median, s[0], s[s.length - 1]);
    }
}
