package org.jvirt.driver.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The call scripts of src/test/resources/libvirt-cpu (virConnectBaselineCPU over libvirt's CPU map), replayed against
 * jvirt's test driver and compared with libvirt 9.0's answers. jvirt reads the map from the folder jvirt.cpumap
 * names; the scripts need libvirt's own map, installed with libvirt, and are skipped without it.
 */
class CpuBaselineCallsTest {
    private static final Path DIR = Path.of("src", "test", "resources", "libvirt-cpu");
    private static final Path SYSTEM_MAP = Path.of("/usr/share/libvirt/cpu_map");

    @AfterEach
    void forgetMap() {
        System.clearProperty("jvirt.cpumap");
    }

    @TestFactory
    Stream<DynamicNode> baselinesAgreeWithLibvirt() throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(SYSTEM_MAP.resolve("index.xml")), "libvirt's CPU map is absent");
        System.setProperty("jvirt.cpumap", SYSTEM_MAP.toString());
        return CallScripts.compare(DIR, CallScript::direct, Path.of("target", "libvirt-cpu-differences.txt"));
    }
}
