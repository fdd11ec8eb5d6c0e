package org.jvirt.driver.qemu.caps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/**
 * The parser against the QMP replies of real QEMU builds that libvirt recorded, checked against the machine types
 * and CPU models libvirt derived from the same replies (its capabilities cache files).
 */
class CapsParserTest {
    static final Path DATA = Path.of(System.getProperty("jvirt.shared", "../shared"), "libvirt-tests",
            "qemucapabilitiesdata");

    @TestFactory
    Stream<DynamicTest> machineTypesAndCpuModelsAsLibvirtReadsThem() throws IOException {
        assumeTrue(Files.isDirectory(DATA), "libvirt's test data is absent: " + DATA);
        List<Path> cases;
        try (Stream<Path> s = Files.list(DATA)) {
            cases = s.filter(p -> p.getFileName().toString().matches("caps_[0-9.]+_x86_64\\.replies")).sorted()
                    .toList();
        }
        assertThat(cases).isNotEmpty();
        return cases.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> check(p)));
    }

    private static void check(Path replies) throws IOException {
        Map<String, JsonNode> first = firstReplies(replies);
        QemuCaps caps = CapsParser.parse("/usr/bin/qemu-system-x86_64", 1, 2, first::get);
        String name = replies.getFileName().toString();
        String xml = Files.readString(replies.resolveSibling(name.replace(".replies", ".xml")));
        assertThat("<version>" + caps.version() + "</version>").isIn(lines(xml));
        assertThat("<package>" + caps.packageText() + "</package>").isIn(lines(xml));
        assertThat("<arch>" + caps.arch() + "</arch>").isIn(lines(xml));
        // libvirt's cache lists, per accelerator, machines then CPU models; the first probe is KVM's
        List<String> expectedMachines = new ArrayList<>();
        Matcher m = Pattern.compile("<machine type='kvm' name='([^']+)'(?: alias='([^']+)')?[^>]*?maxCpus='(\\d+)'"
                + "([^>]*)/>").matcher(xml);
        while (m.find()) {
            expectedMachines.add(m.group(1) + "|" + m.group(2) + "|" + m.group(3) + "|"
                    + m.group(4).contains("default='yes'") + "|" + m.group(4).contains("deprecated='yes'"));
        }
        List<String> actualMachines = caps.machines().stream().map(x -> x.name() + "|" + x.alias() + "|"
                + x.maxCpus() + "|" + x.isDefault() + "|" + x.deprecated()).toList();
        assertThat(actualMachines).containsExactlyElementsOf(expectedMachines);

        List<String> expectedCpus = new ArrayList<>();
        Matcher c = Pattern.compile("<cpu type='kvm' name='([^']+)' typename='([^']+)' usable='(yes|no)'")
                .matcher(xml);
        while (c.find()) {
            expectedCpus.add(c.group(1) + "|" + c.group(2) + "|" + c.group(3).equals("yes"));
        }
        List<String> actualCpus = caps.cpuModels().stream().map(x -> x.name() + "|" + x.typename() + "|"
                + x.usable()).toList();
        assertThat(actualCpus).containsExactlyInAnyOrderElementsOf(expectedCpus);
        assertThat(caps.hasType("tcg-accel")).isEqualTo(xml.contains("<flag name='tcg'/>"));

        List<String> expectedTcg = new ArrayList<>();
        Matcher t = Pattern.compile("<cpu type='tcg' name='([^']+)' typename='[^']+' usable='(yes|no)'").matcher(xml);
        while (t.find()) {
            expectedTcg.add(t.group(1) + "|" + t.group(2).equals("yes"));
        }
        assertThat(caps.cpuModels(false).stream().map(x -> x.name() + "|" + x.usable()).toList())
                .containsExactlyInAnyOrderElementsOf(expectedTcg);
        // the flags read from the schema and the TPM queries, as libvirt read them from the same replies
        for (String flag : List.of("sdl", "egl-headless", "display-dbus", "netdev.stream", "tpm-tis", "tpm-crb",
                "tpm-passthrough", "tpm-emulator")) {
            assertThat(caps.hasFlag(flag)).as(name + " " + flag)
                    .isEqualTo(xml.contains("<flag name='" + flag + "'/>"));
        }
    }

    private static List<String> lines(String xml) {
        return xml.lines().map(String::strip).toList();
    }

    /**
     * The first reply to each command in a recorded QMP session (commands and replies, in turn); libvirt records
     * the TCG probe after KVM's, so the second {@code query-cpu-definitions} is TCG's.
     */
    static Map<String, JsonNode> firstReplies(Path file) throws IOException {
        Map<String, JsonNode> out = new HashMap<>();
        Map<String, String> byId = new HashMap<>();
        try (MappingIterator<JsonNode> it = QmpMonitor.JSON.readerFor(JsonNode.class)
                .readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode n = it.nextValue();
                if (n.has("execute")) {
                    byId.put(n.path("id").asText(), n.path("execute").asText());
                } else if (n.has("return")) {
                    String cmd = byId.get(n.path("id").asText());
                    if (cmd != null && out.putIfAbsent(cmd, n.get("return")) != null
                            && cmd.equals("query-cpu-definitions")) {
                        out.putIfAbsent(CapsParser.TCG_CPU_DEFINITIONS, n.get("return"));
                    }
                }
            }
        }
        return out;
    }
}
