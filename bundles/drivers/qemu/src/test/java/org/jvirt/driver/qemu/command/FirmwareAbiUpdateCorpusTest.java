package org.jvirt.driver.qemu.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.caps.RecordedCaps;

/**
 * libvirt's firmware cases defined as a new domain (VIR_DOMAIN_DEF_PARSE_ABI_UPDATE, libvirt's
 * {@code NAME.x86_64-latest.abi-update.xml}): unlike a definition loaded again, a new one may take a qcow2 build,
 * and takes the first that fits.
 */
class FirmwareAbiUpdateCorpusTest {
    private static final String SUFFIX = ".x86_64-latest.abi-update.xml";

    @TestFactory
    Stream<DynamicTest> newFirmwareDefinitionsAsLibvirtFormatsThem() throws IOException {
        assumeTrue(Files.isDirectory(ArgsCorpusTest.DATA), "libvirt's test data is absent: " + ArgsCorpusTest.DATA);
        QemuCaps caps = QemuXml2XmlTest.withoutMachineAliases(RecordedCaps.latestX86_64());
        List<Path> cases;
        try (Stream<Path> s = Files.list(ArgsCorpusTest.DATA)) {
            cases = s.filter(p -> p.getFileName().toString().startsWith("firmware-")
                    && p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(expected -> {
            String name = expected.getFileName().toString().replace(SUFFIX, "");
            return DynamicTest.dynamicTest(name, () -> {
                DomainDef def = NewDefinition.parse(Files.readString(expected.resolveSibling(name + ".xml")),
                        NewDefinition.options().withRandom(new ArgsCorpusTest.ZeroRandom()), d -> caps, true,
                        CorpusFirmware.selection());
                String actual = DomainXml.format(def, EnumSet.of(DomainXMLFlag.INACTIVE, DomainXMLFlag.SECURE));
                assertThat(actual).isEqualTo(Files.readString(expected));
            });
        });
    }
}
