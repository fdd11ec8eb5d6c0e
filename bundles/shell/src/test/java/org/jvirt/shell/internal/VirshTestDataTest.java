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

    /** Cases virshtest.c runs whose .out files are here but that need more than a console (see skips.tsv). */
    private static final List<String> OUTSIDE = List.of("completion-", "snapshot-redefine", "checkpoint-redefine",
            "read-big-pipe", "uriprecedence-");

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
                        Assumptions.assumeTrue(OUTSIDE.stream().noneMatch(name::startsWith),
                                name + ": runs outside one console (readline completion, a FIFO, cd in the "
                                        + "data folder, the environment's default URI) and is not run here");
                        throw new AssertionError("no case in virshtest/cases.tsv for " + out);
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
