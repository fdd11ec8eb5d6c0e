package org.jvirt.driver.qemu.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.caps.RecordedCaps;

/**
 * libvirt's expected QEMU command lines ({@code qemuxmlconfdata/NAME.x86_64-latest.args}) against the argument
 * array jvirt builds from {@code NAME.xml} with the same QEMU (the newest x86_64 recording), one test per case. A
 * case whose XML conf cannot read, or that asks for what the driver does not do yet, is skipped with the reason;
 * every other case must match argument for argument.
 */
class ArgsCorpusTest {
    static final Path DATA = Path.of(System.getProperty("jvirt.shared", "../shared"), "libvirt-tests",
            "qemuxmlconfdata");
    static final AtomicInteger RUN = new AtomicInteger();
    static final AtomicInteger PASSED = new AtomicInteger();
    static final AtomicInteger SKIPPED = new AtomicInteger();
    /**
     * Cases whose command line comes from more than their XML: libvirt's test sets a qemu.conf option or a start
     * argument for them (qemuxmlconftest.c).
     */
    static final Map<String, String> HARNESS_SETTINGS = Map.of(
            "audio-default-nographics", "qemu.conf's nographics_allow_host_audio",
            "graphics-vnc-sasl", "qemu.conf's vnc_sasl",
            "graphics-vnc-tls", "qemu.conf's vnc_tls",
            "graphics-vnc-tls-secret", "qemu.conf's vnc_tls with a secret",
            "graphics-vnc-auto-socket-cfg", "qemu.conf's vnc_auto_unix_socket",
            "restore-v2", "an incoming migration from exec:cat (a restore)",
            "restore-v2-fd", "an incoming migration from a file descriptor (a restore)");
    /**
     * Cases whose command line libvirt derives from its own CPU map, which jvirt does not have: the features it
     * turns off because its model lacks them where QEMU's has them.
     */
    static final Map<String, String> CPU_MAP_CASES = Map.of(
            "cpu-Icelake-Server-pconfig", "libvirt's CPU map (its Icelake-Server lacks pconfig, intel-pt and mpx)");

    @TestFactory
    Stream<DynamicTest> commandLinesAsLibvirtBuildsThem() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "libvirt's test data is absent: " + DATA);
        QemuCaps caps = RecordedCaps.latestX86_64();
        Map<String, String> knownDefinitions = QemuXml2XmlTest.known();
        List<Path> cases;
        try (Stream<Path> s = Files.list(DATA)) {
            cases = s.filter(p -> p.getFileName().toString().endsWith(".x86_64-latest.args")).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(args -> {
            String name = args.getFileName().toString().replace(".x86_64-latest.args", "");
            return DynamicTest.dynamicTest(name, () -> check(name, args, QemuXml2XmlTest.asLibvirtsTestHasThem(caps,
                    name), knownDefinitions.get(name)));
        });
    }

    /**
     * @param knownDefinition why jvirt does not define this case as libvirt does (qemuxml2xml-known.txt), or null:
     *                        its command line then cannot be libvirt's either, and a difference skips, saying so
     */
    private static void check(String name, Path argsFile, QemuCaps caps, String knownDefinition)
            throws IOException {
        RUN.incrementAndGet();
        Path xml = argsFile.resolveSibling(name + ".xml");
        if (!Files.exists(xml)) {
            skip("no input " + xml.getFileName() + " in this copy of the corpus");
        }
        String harness = HARNESS_SETTINGS.get(name);
        if (harness != null) {
            skip("libvirt's test sets " + harness + ", which jvirt's QEMU driver has no setting for yet");
        }
        String cpuMap = CPU_MAP_CASES.get(name);
        if (cpuMap != null) {
            skip("libvirt's command line comes from " + cpuMap + ", which jvirt's QEMU driver does not have");
        }
        List<String> expected = CorpusLaunch.libvirts(ArgsFile.parse(Files.readString(argsFile)).argv());
        List<String> actual;
        DomainDef def;
        try {
            def = DomainXml.parse(Files.readString(xml), NewDefinition.options());
        } catch (VirtException e) {
            skip("conf cannot read it: " + e.getMessage());
            return;
        }
        try {
            // defined as the driver defines it, without ABI_UPDATE as libvirt's test
            def = NewDefinition.parse(Files.readString(xml), NewDefinition.options().withRandom(new ZeroRandom()),
                    d -> caps, false, CorpusFirmware.selection());
            actual = CorpusLaunch.commandLine(def, caps);
        } catch (VirtException e) {
            if (e.code() == ErrorCode.CONFIG_UNSUPPORTED || e.code() == ErrorCode.NO_SUPPORT) {
                skip(e.getMessage());
            }
            throw e;
        }
        List<String> want = lines(expected);
        List<String> got = lines(actual);
        if (!want.equals(got) && knownDefinition != null) {
            skip("the definition differs from libvirt's (qemuxml2xml-known.txt: " + knownDefinition + ")");
        }
        if (!want.equals(got)) {
            int i = 0;
            while (i < want.size() && i < got.size() && want.get(i).equals(got.get(i))) {
                i++;
            }
            org.junit.jupiter.api.Assertions.fail("[" + name + "] first difference at argument line " + (i + 1) + ": libvirt has <"
                    + (i < want.size() ? want.get(i) : "(end)") + "> but jvirt built <"
                    + (i < got.size() ? got.get(i) : "(end)") + ">\nlibvirt: " + want + "\njvirt:   " + got);
        }
        PASSED.incrementAndGet();
    }

    private static void skip(String reason) {
        SKIPPED.incrementAndGet();
        Assumptions.abort(reason);
    }

    /** One option with its value per line, so that a difference reads as libvirt's file does. */
    static List<String> lines(List<String> argv) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.startsWith("-") && i + 1 < argv.size() && !argv.get(i + 1).startsWith("-")) {
                out.add(a + " " + argv.get(++i));
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** Randomness that yields zeros, as libvirt's tests mock it (generated MACs read 52:54:00:00:00:00). */
    static final class ZeroRandom extends Random {
        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, (byte) 0);
        }

        @Override
        protected int next(int bits) {
            return 0;
        }
    }
}
