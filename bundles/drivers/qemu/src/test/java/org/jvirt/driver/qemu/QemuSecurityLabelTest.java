package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.SecurityLabel;
import org.jvirt.api.SecurityModel;

/**
 * The security model and labels virsh dominfo shows: "none" as the primary model (libvirt 9.0's session daemon
 * prints "Security model: none", "Security DOI: 0" here too), DAC's process label under it.
 */
class QemuSecurityLabelTest {
    @TempDir
    Path home;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    @Test
    void modelNoneWithDacStackedBeneath() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            assertThat(f.conn.getSecurityModel()).isEqualTo(new SecurityModel("none", "0"));
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("sec1"));
            assertThat(d.getSecurityLabel()).isEqualTo(new SecurityLabel("", false));
            assertThat(d.getSecurityLabelList()).isEmpty();

            d.create();
            long pid = ((QemuDomain) f.conn.domainLookupByName("sec1")).pid();
            Path proc = Path.of("/proc", Long.toString(pid));
            String dac = "+" + Files.getAttribute(proc, "unix:uid") + ":+" + Files.getAttribute(proc, "unix:gid");
            assertThat(d.getSecurityLabel()).isEqualTo(new SecurityLabel("", false));
            assertThat(d.getSecurityLabelList()).containsExactly(new SecurityLabel("", false),
                    new SecurityLabel(dac, false));
            d.destroy(Set.of());
            assertThat(d.getSecurityLabelList()).isEmpty();
        }
    }
}
