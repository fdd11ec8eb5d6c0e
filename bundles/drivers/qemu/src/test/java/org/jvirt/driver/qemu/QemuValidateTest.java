package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainCreateFlag;
import org.jvirt.api.DomainDefineFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.util.HostProcesses;

/**
 * VIR_DOMAIN_DEFINE_VALIDATE and VIR_DOMAIN_START_VALIDATE check the document against libvirt's domain.rng before
 * it is parsed; without them an element the schema lacks is parsed past and dropped, as libvirt does.
 */
class QemuValidateTest {
    @TempDir
    Path home;

    private Path schema;

    @BeforeEach
    void needsQemuAndSchemas() {
        RealQemu.emulator();
        Path dir = XmlSchemas.folder();
        Assumptions.assumeTrue(dir != null && Files.isRegularFile(dir.resolve("domain.rng")),
                "libvirt's schemas are absent (system property jvirt.schemas: " + System.getProperty("jvirt.schemas")
                        + "): the VALIDATE flags cannot be checked");
        schema = dir.resolve("domain.rng");
    }

    private static String stray(String name, UUID uuid) {
        return "<domain type='qemu'><name>" + name + "</name><uuid>" + uuid + "</uuid><memory unit='MiB'>32</memory>"
                + "<vcpu>1</vcpu><os><type arch='x86_64' machine='pc'>hvm</type></os><jvirtStray/><devices>"
                + "</devices></domain>";
    }

    private void assertSchemaError(Throwable t) {
        assertThat(t).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.XML_INVALID_SCHEMA);
            assertThat(e.domain()).isEqualTo(ErrorDomain.XML);
            assertThat(e.getMessage()).startsWith("XML document failed to validate against schema: "
                    + "Unable to validate doc against " + schema + "\n").contains("jvirtStray");
        });
    }

    @Test
    void defineWithValidateRefusesAStrayElementAndWithoutItDropsIt() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            UUID uuid = UUID.randomUUID();
            assertSchemaError(catchThrowable(
                    () -> f.conn.domainDefineXML(stray("v1", uuid), Set.of(DomainDefineFlag.VALIDATE))));
            assertThat(f.conn.listAllDomains(Set.of())).isEmpty();
            assertThat(home.resolve("etc/qemu/v1.xml")).doesNotExist();

            Domain d = f.conn.domainDefineXML(stray("v1", uuid), Set.of());
            assertThat(d.getXMLDesc(Set.of())).doesNotContain("jvirtStray").contains("<name>v1</name>");
            assertThat(Files.readString(home.resolve("etc/qemu/v1.xml"))).doesNotContain("jvirtStray");

            // a document the schema accepts defines with the flag too
            Domain valid = f.conn.domainDefineXML(QemuFixture.xml("v2"), Set.of(DomainDefineFlag.VALIDATE));
            assertThat(valid.getName()).isEqualTo("v2");
            d.undefine();
            valid.undefine();
        }
    }

    @Test
    void createWithStartValidateRefusesAStrayElementAndStartsNothing() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            UUID uuid = UUID.randomUUID();
            assertSchemaError(catchThrowable(
                    () -> f.conn.domainCreateXML(stray("c1", uuid), Set.of(DomainCreateFlag.START_VALIDATE))));
            assertThat(f.conn.listAllDomains(Set.of())).isEmpty();
            assertThat(HostProcesses.withArgument(uuid.toString())).as("QEMU processes with the domain's UUID")
                    .isEmpty();

            Domain d = f.conn.domainCreateXML(stray("c1", uuid), Set.of());
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            assertThat(d.getXMLDesc(Set.of())).doesNotContain("jvirtStray");
            d.destroy();

            Domain valid = f.conn.domainCreateXML(QemuFixture.xml("c2"), Set.of(DomainCreateFlag.START_VALIDATE));
            assertThat(valid.getState().state()).isEqualTo(DomainState.RUNNING);
            valid.destroy();
        }
    }
}
