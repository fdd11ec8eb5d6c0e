package org.jvirt.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.jvirt.api.Connect;
import org.jvirt.api.ConnectFactory;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainEventId;
import org.jvirt.api.event.DomainLifecycleEvent;
import org.jvirt.api.event.DomainMetadataChangeEvent;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the calls of each {@code test-driver/NAME.expected} on jvirt's test driver, through the platform's
 * standalone ConnectFactory (so the proxies are exercised), and compares with what libvirt 9.0's own test driver
 * gave for them ({@code src/test/scripts/record-test-driver.py} wrote the files).
 */
class TestDriverScenariosTest {
    private static final Path FOLDER = Path.of("src/test/resources/test-driver");

    static Stream<String> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
                    .map(n -> n.substring(0, n.length() - ".expected".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void givesWhatLibvirtsTestDriverGives(String name) throws Exception {
        for (String known : Files.readAllLines(FOLDER.resolve("known-differences.txt"))) {
            String[] kv = known.split("\t", 2);
            Assumptions.assumeFalse(kv[0].equals(name), () -> name + " still differs from libvirt: " + kv[1]);
        }
        List<String> lines = Files.readAllLines(FOLDER.resolve(name + ".expected"));
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        ConnectFactory factory = ServiceLoader.load(ConnectFactory.class).findFirst().orElseThrow();
        try (Connect conn = factory.open("test:///default")) {
            ScenarioOps ops = new ScenarioOps(conn, FOLDER);
            int i = 0;
            while (i < lines.size()) {
                String call = lines.get(i);
                assertThat(call).as(name + ": a call line").startsWith("> ");
                int j = i + 1;
                while (j < lines.size() && !lines.get(j).startsWith("> ")) {
                    j++;
                }
                List<String> want = lines.subList(i + 1, j);
                long events = want.stream().filter(l -> l.startsWith("event ")).count();
                expected.add(call);
                expected.addAll(want);
                actual.add(call);
                actual.addAll(ops.run(call.substring(2), events));
                i = j;
            }
        }
        Path out = Path.of("target", "test-driver", name + ".actual");
        Files.createDirectories(out.getParent());
        Files.write(out, actual);
        assertThat(String.join("\n", actual)).as(name + " (jvirt's answers in " + out + ")")
                .isEqualTo(String.join("\n", expected));
    }

    /** The operations of the scenarios, as record-test-driver.py runs them on libvirt. */
    static final class ScenarioOps {
        private final Connect conn;
        private final Path folder;
        private final List<String> events = new CopyOnWriteArrayList<>();
        private final java.util.Map<String, org.jvirt.api.Domain> kept = new java.util.HashMap<>();

        ScenarioOps(Connect conn, Path folder) {
            this.conn = conn;
            this.folder = folder;
        }

        List<String> run(String line, long expectedEvents) throws Exception {
            List<String> args = Shell.split(line);
            List<String> out = new ArrayList<>();
            try {
                new ScenarioCalls(this, out).call(args.get(0), args.subList(1, args.size()));
            } catch (VirtException e) {
                out.add("error " + e.code().value() + " " + e.domain().value() + ": " + e.getMessage());
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (events.size() < expectedEvents && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            out.addAll(events);
            events.clear();
            return out;
        }

        void listen() {
            conn.domainEventRegisterAny(null, DomainEventId.LIFECYCLE, e -> {
                DomainLifecycleEvent l = (DomainLifecycleEvent) e;
                events.add("event lifecycle " + l.domain().getName() + " " + l.type().value() + " " + l.detail());
            });
            conn.domainEventRegisterAny(null, DomainEventId.METADATA_CHANGE, e -> {
                DomainMetadataChangeEvent m = (DomainMetadataChangeEvent) e;
                events.add("event metadata-change " + m.domain().getName() + " " + m.type().value() + " "
                        + (m.nsuri() == null ? "None" : m.nsuri()));
            });
        }

        Connect conn() {
            return conn;
        }

        org.jvirt.api.Domain dom(String name) {
            return name.startsWith("$") ? kept.get(name.substring(1)) : conn.domainLookupByName(name);
        }

        void keep(String as, org.jvirt.api.Domain d) {
            kept.put(as, d);
        }

        String text(String arg) throws IOException {
            if (arg.startsWith("@")) {
                return Files.readString(folder.resolve(arg.substring(1)));
            }
            return "NULL".equals(arg) ? null : arg;
        }

        static String map(BitSet bits) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(bits.get(i) ? 'y' : '-');
            }
            return sb.toString();
        }

        static Comparator<String> names() {
            return Comparator.naturalOrder();
        }

        static long seconds(Instant t) {
            return t.getEpochSecond();
        }
    }

    /** Shell-like splitting of a recorded call line (single and double quotes, as Python's shlex.quote writes). */
    static final class Shell {
        private Shell() {
        }

        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean any = false;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == quote) {
                        quote = 0;
                    } else {
                        cur.append(c);
                    }
                } else if (c == '\'' || c == '"') {
                    quote = c;
                    any = true;
                } else if (c == ' ') {
                    if (any || cur.length() > 0) {
                        out.add(cur.toString());
                    }
                    cur.setLength(0);
                    any = false;
                } else {
                    cur.append(c);
                }
            }
            if (any || cur.length() > 0) {
                out.add(cur.toString());
            }
            return out;
        }
    }
}
