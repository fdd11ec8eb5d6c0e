package org.jvirt.driver.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Connect;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.api.driver.ConnectRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * getCPUModelNames against virsh cpu-models on libvirt's own test driver, both reading libvirt 9.0's CPU map of this
 * machine; and jvirt's errors without a map or for architectures without a CPU driver.
 */
class CpuModelsTest {
    private static final Path SYSTEM_MAP = Path.of("/usr/share/libvirt/cpu_map");

    @AfterEach
    void forgetMap() {
        System.clearProperty("jvirt.cpumap");
    }

    private static Connect open() {
        return new TestHypervisorDriver().open(new ConnectRequest(URI.create("test:///default"), Set.of(), null,
                null)).orElseThrow();
    }

    @Test
    void modelsAreVirshsForEachArchitecture() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/virsh")), "virsh is not installed");
        Assumptions.assumeTrue(Files.isRegularFile(SYSTEM_MAP.resolve("index.xml")), "libvirt's CPU map is absent");
        System.setProperty("jvirt.cpumap", SYSTEM_MAP.toString());
        Connect c = open();
        for (String arch : List.of("i686", "x86_64", "ppc64", "ppc64le", "aarch64", "armv7l", "s390x")) {
            Process p = new ProcessBuilder("/usr/bin/virsh", "-c", "test:///default", "cpu-models", arch).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isZero();
            List<String> models = c.getCPUModelNames(arch);
            // virsh prints one model a line, or a sentence when the driver accepts any model, then an empty line
            String expected = (models.isEmpty() ? "all CPU models are accepted" : String.join("\n", models)) + "\n\n";
            assertThat(out).as(arch).isEqualTo(expected);
        }
    }

    @Test
    void architecturesLibvirtDoesNotKnowOrCannotList() {
        Connect c = open();
        assertThatThrownBy(() -> c.getCPUModelNames("foo")).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG);
            assertThat(e.domain()).isEqualTo(ErrorDomain.TEST);
            assertThat(e.getMessage()).isEqualTo("invalid argument: cannot find architecture foo");
        });
        assertThatThrownBy(() -> c.getCPUModelNames("mips")).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.NO_SUPPORT);
            assertThat(e.domain()).isEqualTo(ErrorDomain.CPU);
            assertThat(e.getMessage()).isEqualTo("this function is not supported by the connection driver: "
                    + "'mips' architecture is not supported by CPU driver");
        });
        assertThat(c.getCPUModelNames("aarch64")).isEmpty();
    }

    @Test
    void withoutAMapTheModelsCannotBeListed() {
        System.setProperty("jvirt.cpumap", "/nonexistent");
        assertThatThrownBy(() -> open().getCPUModelNames("x86_64")).isInstanceOfSatisfying(VirtException.class,
                e -> assertThat(e.getMessage()).contains("set jvirt.cpumap"));
    }
}
