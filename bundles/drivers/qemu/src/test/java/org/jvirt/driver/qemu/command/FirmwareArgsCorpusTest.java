package org.jvirt.driver.qemu.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.driver.qemu.caps.QemuCaps;
import org.jvirt.driver.qemu.caps.RecordedCaps;
import org.jvirt.driver.qemu.firmware.FirmwareArgs;

/**
 * The firmware's part of libvirt's command lines, for every x86_64 case with a pflash or ROM loader, q35 ones
 * included (whose whole command line jvirt does not build yet): the pflash {@code -blockdev} nodes, the
 * machine's {@code pflash0}/{@code pflash1}, the secure flash {@code -global} and {@code -bios}. An NVRAM store on
 * the network must be refused, not put on the command line wrongly.
 */
class FirmwareArgsCorpusTest {
    private static final Pattern MACHINE_PFLASH = Pattern.compile(",pflash0=[^,]*(,pflash1=[^,]*)?");
    private static final String SECURE = "driver=cfi.pflash01,property=secure,value=on";

    @TestFactory
    Stream<DynamicTest> firmwareArgumentsAsLibvirtWritesThem() throws IOException {
        assumeTrue(Files.isDirectory(ArgsCorpusTest.DATA), "libvirt's test data is absent: " + ArgsCorpusTest.DATA);
        QemuCaps caps = QemuXml2XmlTest.withoutMachineAliases(RecordedCaps.latestX86_64());
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(ArgsCorpusTest.DATA)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".x86_64-latest.args")).sorted()
                    .toList()) {
                String text = Files.readString(p);
                String name = p.getFileName().toString().replace(".x86_64-latest.args", "");
                if ((text.contains("libvirt-pflash0") || text.contains("\n-bios "))
                        && Files.exists(p.resolveSibling(name + ".xml"))) {
                    cases.add(p);
                }
            }
        }
        assertThat(cases).hasSizeGreaterThan(20);
        return cases.stream().map(args -> {
            String name = args.getFileName().toString().replace(".x86_64-latest.args", "");
            return DynamicTest.dynamicTest(name, () -> check(name, args, caps));
        });
    }

    private static void check(String name, Path argsFile, QemuCaps caps) throws IOException {
        List<String> argv = ArgsFile.parse(Files.readString(argsFile)).argv();
        DomainDef def = NewDefinition.parse(Files.readString(argsFile.resolveSibling(name + ".xml")),
                NewDefinition.options().withRandom(new ArgsCorpusTest.ZeroRandom()), d -> caps, false,
                CorpusFirmware.selection());
        List<String> blockdevs = new ArrayList<>();
        String machine = "";
        List<String> globals = new ArrayList<>();
        List<String> bios = new ArrayList<>();
        boolean network = false;
        for (int i = 0; i + 1 < argv.size(); i++) {
            String a = argv.get(i);
            String v = argv.get(i + 1);
            if (a.equals("-blockdev") && v.contains("\"libvirt-pflash")) {
                blockdevs.add(a);
                blockdevs.add(v);
                network |= v.contains("\"node-name\":\"libvirt-pflash1-storage\"")
                        && !v.startsWith("{\"driver\":\"file\"");
            } else if (a.equals("-machine")) {
                Matcher m = MACHINE_PFLASH.matcher(v);
                machine = m.find() ? m.group() : "";
            } else if (a.equals("-global") && v.equals(SECURE)) {
                globals.add(a);
                globals.add(v);
            } else if (a.equals("-bios")) {
                bios.add(a);
                bios.add(v);
            }
        }
        if (network) {
            assertThatThrownBy(() -> FirmwareArgs.of(def)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFIG_UNSUPPORTED));
            return;
        }
        FirmwareArgs ours = FirmwareArgs.of(def);
        assertThat(ours.blockdevs()).as("[%s] pflash blockdevs", name).isEqualTo(blockdevs);
        assertThat(ours.machineOptions()).as("[%s] -machine", name).isEqualTo(machine);
        assertThat(ours.globals()).as("[%s] -global", name).isEqualTo(globals);
        assertThat(ours.bios()).as("[%s] -bios", name).isEqualTo(bios);
    }
}
