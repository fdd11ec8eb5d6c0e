package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockResizeFlag;
import org.jvirt.api.VirtException;

/** blockResize on a real QEMU: the image grows, in KiB or bytes, qcow2 to whole sectors; libvirt's refusals. */
class QemuBlockResizeTest {
    @TempDir
    Path home;
    @TempDir
    Path dir;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    @Test
    void aDiskGrowsAsAsked() throws Exception {
        Path image = dir.resolve("grow.qcow2");
        QemuImages.create(image, "qcow2", "16M", null);
        String disks = "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + image
                + "'/><target dev='vda' bus='virtio'/></disk><disk type='file' device='cdrom'><target dev='hdc' "
                + "bus='ide'/><readonly/></disk>";
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("grow", disks));
            assertThatThrownBy(() -> d.blockResize("vda", 32768, Set.of())).isInstanceOfSatisfying(
                    VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "Requested operation is not valid: domain is not running"));
            d.create();
            d.blockResize("vda", 32768, Set.of());
            assertThat(d.getBlockInfo("vda").capacity()).isEqualTo(32L << 20);
            assertThat(QemuImages.info(image).path("virtual-size").asLong()).isEqualTo(32L << 20);

            d.blockResize(image.toString(), (48L << 20) + 1, EnumSet.of(DomainBlockResizeFlag.BYTES));
            assertThat(d.getBlockInfo("vda").capacity()).as("qcow2 keeps whole sectors").isEqualTo((48L << 20)
                    + 512);

            assertThatThrownBy(() -> d.blockResize("vdz", 1, Set.of())).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("invalid argument: disk 'vdz' was not found in the "
                            + "domain config"));
            assertThatThrownBy(() -> d.blockResize("hdc", 1, Set.of())).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Operation not supported: can't resize empty or "
                            + "readonly disk 'hdc'"));
            assertThat(d.getBlockInfo("vda").capacity()).as("refusals change nothing").isEqualTo((48L << 20) + 512);
            d.destroy();
        }
    }
}
