package org.jvirt.shell.internal.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.jvirt.shell.internal.CommandCatalog;
import org.jvirt.shell.internal.CommandContext;
import org.jvirt.shell.internal.CommandRunner;
import org.jvirt.shell.internal.ShellSession;
import org.jvirt.shell.internal.VirshCommand;
import org.jvirt.shell.internal.vsh.CommandDef;
import org.jvirt.shell.internal.vsh.ParsedArgs;

/**
 * dumpxml --xpath against virsh 9.0: each {@code CASE.xpath} in src/test/resources/xpath names the domain XML
 * (test.xml, virsh's dump of test:///default's domain, or rich.xml, one with text, comments, namespaces and
 * non-ASCII text), whether to wrap, and the expression; {@code CASE.out} and {@code CASE.err} are what
 * {@code virsh -q dumpxml --xpath} printed for it.
 */
class XPathDumpTest {
    @Test
    void everyCaseAsVirshPrintsIt() throws IOException, URISyntaxException {
        Path dir = Path.of(XPathDumpTest.class.getResource("/xpath/test.xml").toURI()).getParent();
        List<Path> cases;
        try (Stream<Path> files = Files.list(dir)) {
            cases = files.filter(p -> p.toString().endsWith(".xpath")).sorted().toList();
        }
        assertThat(cases).hasSizeGreaterThan(10);
        for (Path c : cases) {
            List<String> spec = Files.readAllLines(c);
            String xml = Files.readString(dir.resolve(spec.get(0) + ".xml"));
            boolean wrap = spec.get(1).equals("wrap");
            String expr = spec.get(2);
            String base = c.getFileName().toString().replace(".xpath", "");
            String[] got = run(xml, expr, wrap);
            assertThat(got[0]).as(base + " stdout").isEqualTo(Files.readString(dir.resolve(base + ".out")));
            assertThat(got[1]).as(base + " stderr").isEqualTo(Files.readString(dir.resolve(base + ".err")));
        }
    }

    /** Runs the dump as a command, quiet like the recorded virsh -q runs, so that errors print as virsh's. */
    private static String[] run(String xml, String expr, boolean wrap) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        VirshCommand dump = new VirshCommand() {
            @Override
            public CommandDef definition() {
                return CommandDef.named("dumpxml").help("h").noConnection().build();
            }

            @Override
            public void run(CommandContext ctx, ParsedArgs args) {
                XPathDump.print(ctx, xml, expr, wrap);
            }
        };
        new CommandRunner(CommandCatalog.standard()).execute(dump, ParsedArgs.none(dump.definition()),
                new ShellSession(null, null, false, true), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }
}
