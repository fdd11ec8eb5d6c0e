package org.jvirt.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * libvirt's own virsh tests ({@code ../shared/libvirt-tests/virshtestdata}: NAME.in scripts and NAME.out expected
 * output) run through jvirt's console on jvirt's test driver, one dynamic test per case. How each case is run
 * (URI, virsh options, arguments) is in {@code virshtest/cases.tsv}, as libvirt's tests/virshtest.c runs it: stdout
 * and stderr in one stream, "## Exit code: N" after a failure, a line filter for volatile lines. A case that cannot
 * pass is skipped with the reason given in {@code virshtest/skips.tsv}, never counted as passed; an .out file that
 * no case covers fails.
 */
class VirshTestDataTest {
    private static final Path DATA = Path.of(System.getProperty("jvirt.shared", "../../../shared"),
            "libvirt-tests", "virshtestdata");
    private static final Pattern NO_SUPPORT =
            Pattern.compile("this function is not supported by the connection driver: (\\w+)");
    private static final Path EXAMPLES = DATA.resolveSibling("examples-test");

    /**
     * Cases virshtest.c runs outside one console and which are run here each its own way: a FIFO (read-big-pipe),
     * the environment's default URIs (uriprecedence-*).
     */
    private static final Map<String, Outside> OUTSIDE = Map.of(
            "read-big-pipe", VirshTestDataTest::bigPipe,
            "uriprecedence-param", name -> uriPrecedence(name, "test:///default?good_uri",
                    Map.of("VIRSH_DEFAULT_CONNECT_URI", "test:///default?bad_uri")),
            "uriprecedence-VIRSH_DEFAULT_CONNECT_URI", name -> uriPrecedence(name, null,
                    Map.of("VIRSH_DEFAULT_CONNECT_URI", "test:///default?good_uri")),
            "uriprecedence-LIBVIRT_DEFAULT_URI", VirshTestDataTest::libvirtDefaultUri);

    /** What cannot run at all, and why. */
    private static final Map<String, String> NOT_RUN = Map.of(
            "uriprecedence-xdg-config", "jvirt takes its default URI from the platform's configuration (core's "
                    + "uri_default), not from $XDG_CONFIG_HOME/libvirt/libvirt.conf",
            "snapshot-redefine", "needs libvirt 10.7's cd outside the prompt; virsh 9.0 (jvirt's reference) refuses "
                    + "it: \"cd: command valid only in interactive mode\"",
            "checkpoint-redefine", "needs libvirt 10.7's cd outside the prompt; virsh 9.0 (jvirt's reference) "
                    + "refuses it: \"cd: command valid only in interactive mode\"");

    /** A case run its own way; returns what jvirt printed, as virshtest.c would capture it. */
    @FunctionalInterface
    private interface Outside {
        String run(String name) throws Exception;
    }

    @TestFactory
    Stream<DynamicTest> everyCase() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "libvirt's virsh test data is not at " + DATA.toAbsolutePath());
        Map<String, String[]> cases = table("/virshtest/cases.tsv");
        Map<String, String[]> skips = table("/virshtest/skips.tsv");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            tests.add(DynamicTest.dynamicTest(c.getKey(), () -> run(c.getKey(), c.getValue(), skips)));
        }
        try (Stream<Path> files = Files.list(DATA)) {
            for (Path out : files.filter(f -> f.toString().endsWith(".out")).sorted().toList()) {
                String name = out.getFileName().toString().replaceFirst("\\.out$", "");
                if (!cases.containsKey(name)) {
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Assumptions.assumeTrue(!NOT_RUN.containsKey(name), () -> name + ": " + NOT_RUN.get(name));
                        Outside way = OUTSIDE.get(name);
                        if (way == null) {
                            throw new AssertionError("no case in virshtest/cases.tsv for " + out);
                        }
                        String actual = way.run(name);
                        Path target = Path.of("target", "virshtestdata");
                        Files.createDirectories(target);
                        Files.writeString(target.resolve(name + ".actual"), actual);
                        assertThat(actual).isEqualTo(Files.readString(out));
                    }));
                }
            }
        }
        return tests.stream();
    }

    private void run(String name, String[] spec, Map<String, String[]> skips) throws IOException {
        String[] skip = skips.get(name);
        Assumptions.assumeTrue(skip == null, () -> name + ": " + skip[1]);
        String uri = spec[1].equals("custom") ? "test://" + EXAMPLES.toAbsolutePath().resolve("testnode.xml")
                : "test:///default";
        String filter = spec[2].equals("-") ? null : spec[2];
        List<String> args = new ArrayList<>();
        boolean quiet = false;
        boolean options = true;
        for (int i = 3; i < spec.length; i++) {
            String a = spec[i].equals("@SCRIPT") ? Files.readString(DATA.resolve(name + ".in")) : unescape(spec[i]);
            // virsh's own options come first; "--" ends them, as getopt does
            if (options && a.equals("-q")) {
                quiet = true;
                continue;
            }
            if (options && a.equals("--")) {
                options = false;
                continue;
            }
            options = false;
            args.add(a);
        }
        ShellHarness.Run r = new ShellHarness(TestDriverFactory.fresh()).runCombined(uri, quiet,
                args.toArray(String[]::new));
        String actual = r.out();
        if (r.status() != 0) {
            actual = actual + "\n## Exit code: " + r.status() + "\n";
        }
        if (filter != null) {
            actual = dropLines(actual, filter);
        }
        Path target = Path.of("target", "virshtestdata");
        Files.createDirectories(target);
        Files.writeString(target.resolve(name + ".actual"), actual);
        String expected = Files.readString(DATA.resolve(name + ".out"));
        // a call jvirt's test driver does not implement yet: the command is right to fail, the case cannot pass
        Matcher missing = NO_SUPPORT.matcher(actual);
        if (!actual.equals(expected) && missing.find() && !expected.contains(missing.group())) {
            Assumptions.abort(name + ": jvirt's test driver does not implement " + missing.group(1) + " yet");
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** The exit status as virshtest.c appends it to the output of a failure. */
    private static String withStatus(String out, int status) {
        return status == 0 ? out : out + "\n## Exit code: " + status + "\n";
    }

    /**
     * testPipeVirsh: a domain defined from a FIFO that a thread fills with 140 KiB of blanks before the XML, then
     * the list; the FIFO's path is cut from the output as libvirt's filter cuts it.
     */
    private static String bigPipe(String name) throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "libvirt_virshtest");
        Path pipe = dir.resolve("pipe");
        try {
            Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", pipe.toString()).start();
            Assumptions.assumeTrue(mkfifo.waitFor() == 0, name + ": mkfifo is not available");
            String xml = "<domain type='test' id='2'>\n  <name>t2</name>\n"
                    + "  <uuid>004b96e1-2d78-c30f-5aa5-000000000000</uuid>\n  <memory>8388608</memory>\n"
                    + "  <vcpu>2</vcpu>\n  <os>\n    <type>xen</type>\n  </os>\n</domain>\n";
            Thread feeder = new Thread(() -> {
                try (var w = Files.newOutputStream(pipe)) {
                    w.write(" ".repeat(140 * 1024).getBytes(StandardCharsets.UTF_8));
                    w.write(xml.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, "virshtest-pipe-feeder");
            feeder.start();
            ShellHarness.Run r = new ShellHarness(TestDriverFactory.fresh()).runCombined("test:///default", false,
                    "define " + pipe + " ; list --all");
            feeder.join();
            return cutFrom(withStatus(r.out(), r.status()), "/tmp/libvirt_virshtest");
        } finally {
            Files.deleteIfExists(pipe);
            Files.deleteIfExists(dir);
        }
    }

    /** "uri; connect; uri" with -c {@code uri} (or none) and the commands seeing {@code environment}. */
    private static String uriPrecedence(String name, String uri, Map<String, String> environment) {
        ShellHarness.Run r = new ShellHarness(TestDriverFactory.fresh()).runCombined(uri, false, environment,
                "uri; connect; uri");
        return withStatus(r.out(), r.status());
    }

    /** LIBVIRT_DEFAULT_URI is the library's (core reads the process's environment): a console process of its own. */
    private static String libvirtDefaultUri(String name) throws Exception {
        TestDriverFactory.fresh();
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=off", ConsoleMain.class.getName(), "uri; connect; uri")
                .redirectErrorStream(true);
        pb.environment().remove("JVIRT_DEFAULT_URI");
        pb.environment().remove("VIRSH_DEFAULT_CONNECT_URI");
        pb.environment().put("LIBVIRT_DEFAULT_URI", "test:///default?good_uri");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(name + ": the console process did not finish");
        }
        return withStatus(out, p.exitValue());
    }

    /** libvirt's testFilterLine: from each {@code marker} to the end of its line, the text goes. */
    static String cutFrom(String text, String marker) {
        StringBuilder out = new StringBuilder(text);
        int at;
        while ((at = out.indexOf(marker)) >= 0) {
            int end = out.indexOf("\n", at + 1);
            out.delete(at, end < 0 ? out.length() : end);
        }
        return out.toString();
    }

    /** testFilterLine: every line that starts with {@code filter} goes. */
    static String dropLines(String text, String filter) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("(?<=\n)")) {
            if (!line.startsWith(filter)) {
                out.append(line);
            }
        }
        return out.toString();
    }

    /** A C string literal's escapes. */
    static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                b.append(switch (n) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    default -> n;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Map<String, String[]> table(String resource) throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        try (InputStream in = VirshTestDataTest.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] f = line.split("\t", -1);
                    out.put(f[0], f);
                }
            }
        }
        return out;
    }
}
