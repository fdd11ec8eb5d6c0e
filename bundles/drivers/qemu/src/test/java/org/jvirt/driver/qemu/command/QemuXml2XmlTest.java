package org.jvirt.driver.qemu.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.caps.RecordedCaps;

/**
 * libvirt's qemuxml2xml half of qemuxmlconftest: every {@code qemuxmlconfdata/NAME.xml} with an expected
 * {@code NAME.x86_64-latest.xml} is defined as the QEMU driver defines it ({@link NewDefinition}, with the newest
 * recorded x86_64 QEMU in place of a probe) and formatted inactive; the result must equal libvirt's file byte for
 * byte. Cases jvirt cannot do yet are listed, with the reason, in {@code qemuxml2xml-known.txt}: such a case that
 * fails is skipped with its reason, and one that passes fails, so that the list only shrinks.
 */
class QemuXml2XmlTest {
    static final String SUFFIX = ".x86_64-latest.xml";
    static final AtomicInteger RUN = new AtomicInteger();
    static final AtomicInteger PASSED = new AtomicInteger();
    /** Where the XML jvirt made for a failing case is written, to diff against libvirt's. */
    private static final Path ACTUAL = Path.of("target", "qemuxml2xml-actual");

    @TestFactory
    Stream<DynamicTest> definitionsAsLibvirtFormatsThem() throws IOException {
        assumeTrue(Files.isDirectory(ArgsCorpusTest.DATA), "libvirt's test data is absent: " + ArgsCorpusTest.DATA);
        QemuCaps caps = withoutMachineAliases(RecordedCaps.latestX86_64());
        Map<String, String> known = known();
        List<Path> cases = cases();
        assertThat(cases).isNotEmpty();
        return cases.stream().map(expected -> {
            String name = expected.getFileName().toString().replace(SUFFIX, "");
            return DynamicTest.dynamicTest(name, () -> check(name, expected, asLibvirtsTestHasThem(caps, name),
                    known.get(name)));
        });
    }

    /** The device types libvirt's test removes from the capabilities for a case (its ARG_QEMU_CAPS_DEL). */
    private static final Map<String, Set<String>> TYPES_REMOVED = Map.of(
            "usb-controller-default-unavailable-i440fx", Set.of("piix3-usb-uhci"),
            "usb-controller-default-unavailable-q35", Set.of("piix3-usb-uhci"),
            "usb-controller-automatic-unavailable-q35", Set.of("qemu-xhci", "nec-usb-xhci", "ich9-usb-ehci1"));

    /** The capabilities libvirt's test gives case {@code name}: {@code c} less what it removes for that case. */
    static QemuCaps asLibvirtsTestHasThem(QemuCaps c, String name) {
        Set<String> removed = TYPES_REMOVED.getOrDefault(name, Set.of());
        if (removed.isEmpty()) {
            return c;
        }
        Set<String> types = new java.util.HashSet<>(c.types());
        types.removeAll(removed);
        return new QemuCaps(c.emulator(), c.size(), c.mtimeMillis(), c.format(), c.version(), c.packageText(),
                c.arch(), c.kvm(), c.commands(), c.machines(), c.cpuModels(), Set.copyOf(types), c.flags(),
                c.tcgCpuModels());
    }

    /** Every name in the known list is a case of the corpus: a stale entry would hide nothing and mislead. */
    @Test
    void knownListNamesCasesOfTheCorpus() throws IOException {
        assumeTrue(Files.isDirectory(ArgsCorpusTest.DATA), "libvirt's test data is absent: " + ArgsCorpusTest.DATA);
        List<String> names = cases().stream().map(p -> p.getFileName().toString().replace(SUFFIX, "")).toList();
        assertThat(names).containsAll(known().keySet());
    }

    private static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(ArgsCorpusTest.DATA)) {
            return s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
    }

    private static void check(String name, Path expectedFile, QemuCaps caps, String knownReason) throws IOException {
        RUN.incrementAndGet();
        Path input = expectedFile.resolveSibling(name + ".xml");
        String expected = Files.readString(expectedFile);
        String actual;
        try {
            // as libvirt's test parses: the driver's whole define path, without ABI_UPDATE
            DomainDef def = NewDefinition.parse(Files.readString(input),
                    NewDefinition.options().withRandom(new ArgsCorpusTest.ZeroRandom()), d -> caps, false,
                    CorpusFirmware.selection());
            actual = DomainXml.format(def, EnumSet.of(DomainXMLFlag.INACTIVE, DomainXMLFlag.SECURE));
        } catch (VirtException e) {
            actual = "error: " + e.getMessage() + "\n";
        }
        if (expected.equals(actual)) {
            if (knownReason != null) {
                Assertions.fail("[" + name + "] is listed in qemuxml2xml-known.txt (" + knownReason
                        + ") but now passes: take it off the list");
            }
            PASSED.incrementAndGet();
            return;
        }
        Files.createDirectories(ACTUAL);
        Files.writeString(ACTUAL.resolve(name + ".xml"), actual);
        if (knownReason != null) {
            Assumptions.abort(knownReason);
        }
        Assertions.fail("[" + name + "] " + firstDifference(expected, actual));
    }

    static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        int i = 0;
        while (i < want.length && i < got.length && want[i].equals(got[i])) {
            i++;
        }
        return "first difference at line " + (i + 1) + ": libvirt has <" + (i < want.length ? want[i] : "(end)")
                + "> but jvirt made <" + (i < got.length ? got[i] : "(end)") + ">";
    }

    /** NAME: reason lines; # starts a comment (a group's heading), blank lines are nothing. */
    static Map<String, String> known() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = QemuXml2XmlTest.class.getResourceAsStream("/qemuxml2xml-known.txt")) {
            assertThat(in).as("qemuxml2xml-known.txt on the test class path").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                int colon = l.indexOf(':');
                assertThat(colon).as("'NAME: reason' in qemuxml2xml-known.txt: %s", l).isPositive();
                String previous = out.put(l.substring(0, colon).strip(), l.substring(colon + 1).strip());
                assertThat(previous).as("%s listed twice", l.substring(0, colon)).isNull();
            }
        }
        return out;
    }

    /**
     * The capabilities as libvirt's tests use the "latest" ones (virQEMUCapsStripMachineAliases): each alias is a
     * machine of its own, in its machine's place, so that 'pc' stays 'pc' rather than becoming the versioned name
     * the day's QEMU gives it; the versioned names come after.
     */
    static QemuCaps withoutMachineAliases(QemuCaps c) {
        List<QemuCaps.Machine> machines = new ArrayList<>();
        List<QemuCaps.Machine> versioned = new ArrayList<>();
        for (QemuCaps.Machine m : c.machines()) {
            if (m.alias() == null) {
                machines.add(m);
                continue;
            }
            machines.add(new QemuCaps.Machine(m.alias(), null, m.isDefault(), m.maxCpus(), m.deprecated(),
                    m.defaultCpuType(), m.defaultRamId()));
            versioned.add(new QemuCaps.Machine(m.name(), null, false, m.maxCpus(), m.deprecated(),
                    m.defaultCpuType(), m.defaultRamId()));
        }
        machines.addAll(versioned);
        return new QemuCaps(c.emulator(), c.size(), c.mtimeMillis(), c.format(), c.version(), c.packageText(),
                c.arch(), c.kvm(), c.commands(), machines, c.cpuModels(), c.types(), c.flags(), c.tcgCpuModels());
    }
}
