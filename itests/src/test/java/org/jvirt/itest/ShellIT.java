package org.jvirt.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import javax.inject.Inject;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

/**
 * The shell in the real platform, through the console service bin/jvirt uses: what it prints for the commands of
 * the issue is what {@code virsh -c test:///default} 9.0 prints, byte for byte (the CPU time line aside, which
 * is the clock). Each call is a fresh session on the platform's shared test:///default state, as bin/jvirt is.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellIT {
    @Inject
    @Filter("(jvirt.console=true)")
    Function<Map<String, Object>, Integer> console;

    @Configuration
    public Option[] config() {
        return PlatformOptions.platform("shell");
    }

    record Run(int status, String out, String err) {
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, Object> request = new HashMap<>();
        request.put("args", args);
        request.put("uri", null);
        request.put("readonly", false);
        request.put("quiet", false);
        request.put("in", new ByteArrayInputStream(new byte[0]));
        request.put("out", new PrintStream(out, true, StandardCharsets.UTF_8));
        request.put("err", new PrintStream(err, true, StandardCharsets.UTF_8));
        request.put("terminal", false);
        int status = console.apply(request);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    public void listAll() {
        assertEquals(new Run(0, " Id   Name   State\n----------------------\n 1    test   running\n\n", ""),
                run("list", "--all"));
    }

    @Test
    public void dominfo() {
        Run r = run("dominfo", "test");
        assertEquals(0, r.status());
        assertEquals("""
                Id:             1
                Name:           test
                UUID:           6695eb01-f6a4-8304-79aa-97f2502e193f
                OS Type:        linux
                State:          running
                CPU(s):         2
                CPU time:       MASKED
                Max memory:     8388608 KiB
                Used memory:    2097152 KiB
                Persistent:     yes
                Autostart:      disable
                Managed save:   no
                Security model: testSecurity
                Security DOI:  \s
                Security label: libvirt-test (enforcing)

                """, r.out().replaceAll("(?m)^CPU time:( +).*$", "CPU time:$1MASKED"));
    }

    @Test
    public void nodeinfo() {
        assertEquals(new Run(0, """
                CPU model:           i686
                CPU(s):              16
                CPU frequency:       1400 MHz
                CPU socket(s):       2
                Core(s) per socket:  2
                Thread(s) per core:  2
                NUMA cell(s):        2
                Memory size:         3145728 KiB

                """, ""), run("nodeinfo"));
    }

    @Test
    public void domstateWithReason() {
        assertEquals(new Run(0, "running (unknown)\n\n", ""), run("domstate", "test", "--reason"));
    }

    @Test
    public void badInputGetsLibvirtsAnswerAndChangesNothing() {
        assertEquals(new Run(1, "\n", "error: failed to get domain 'nope'\n"), run("dominfo", "nope"));
        assertEquals(new Run(1, "\n", "error: Domain is already active\n"), run("start", "test"));
        assertEquals(new Run(1, "\n", "error: Failed to open file '/nonexistent.xml': No such file or directory\n"),
                run("define", "/nonexistent.xml"));
        assertEquals(new Run(0, "running (unknown)\n\n", ""), run("domstate", "test", "--reason"));
    }

    @Test
    public void defineValidateChecksTheSchemaInsideThePlatform() throws Exception {
        String schemas = System.getProperty("jvirt.schemas");
        Assume.assumeTrue("libvirt's schemas are absent: VALIDATE not checked",
                schemas != null && Files.isDirectory(Path.of(schemas))
                        || Files.isDirectory(Path.of("/usr/share/libvirt/schemas")));
        Path file = Files.createTempFile("stray", ".xml");
        try {
            Files.writeString(file, "<domain type='test'><name>v</name><jvirtStray/><memory>8192</memory>"
                    + "<os><type>hvm</type></os></domain>");
            Run r = run("define", "--validate", file.toString());
            assertEquals(1, r.status());
            // the schema engine's messages are resources of the conf bundle: missing, this was an internal error
            assertTrue(r.err(), r.err().startsWith("error: Failed to define domain from " + file + "\n"
                    + "error: XML document failed to validate against schema: Unable to validate doc against "));
            assertTrue(r.err(), r.err().contains("jvirtStray"));
            assertEquals(new Run(0, " Id   Name   State\n----------------------\n 1    test   running\n\n", ""),
                    run("list", "--all"));
        } finally {
            Files.delete(file);
        }
    }

    @Test
    public void severalCommandsInOneArgumentAsVirshDoes() {
        Run r = run("suspend test; domstate test --reason; resume test; domstate test --reason");
        assertEquals(0, r.status());
        assertEquals("Domain 'test' suspended\n\npaused (user)\n\nDomain 'test' resumed\n\nrunning (unpaused)\n\n",
                r.out());
    }
}
