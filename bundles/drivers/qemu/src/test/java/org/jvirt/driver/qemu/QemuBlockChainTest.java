package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/** Backing chains on a real QEMU: found from the images, shown with libvirt's indexes, opened node by node. */
class QemuBlockChainTest {
    @TempDir
    Path home;
    @TempDir
    Path images;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
        RealQemu.qemuImg();
    }

    static String disk(String dev, Path file, String format) {
        return "<disk type='file' device='disk'><driver name='qemu' type='" + format + "'/><source file='" + file
                + "'/><target dev='" + dev + "' bus='virtio'/></disk>";
    }

    @Test
    void theChainIsFoundNumberedAndOpenedAsLibvirtDoes() throws Exception {
        Path base = images.resolve("base.qcow2");
        Path mid = images.resolve("mid.qcow2");
        Path top = images.resolve("top.qcow2");
        Path raw = images.resolve("data.raw");
        QemuImages.create(base, "qcow2", "16M", null);
        QemuImages.create(mid, "qcow2", null, base);
        QemuImages.create(top, "qcow2", null, mid);
        QemuImages.create(raw, "raw", "1M", null);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainCreateXML(QemuFixture.xml("chain", disk("vda", top, "qcow2")
                    + disk("vdb", raw, "raw")), Set.of());
            String xml = d.getXMLDesc(Set.of());
            // disks from the last: vdb is 1; vda's images from the top: 2, 3, 4
            assertThat(xml).contains("<source file='" + top + "' index='2'/>\n"
                    + "      <backingStore type='file' index='3'>\n"
                    + "        <format type='qcow2'/>\n"
                    + "        <source file='" + mid + "'/>\n"
                    + "        <backingStore type='file' index='4'>\n"
                    + "          <format type='qcow2'/>\n"
                    + "          <source file='" + base + "'/>\n"
                    + "          <backingStore/>\n"
                    + "        </backingStore>\n"
                    + "      </backingStore>\n");
            assertThat(xml).contains("<source file='" + raw + "' index='1'/>\n      <backingStore/>\n");
            // the persistent form knows nothing of what was found
            String inactive = d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE));
            assertThat(inactive).doesNotContain("backingStore").doesNotContain("qcow2' index=")
                    .contains("<source file='" + top + "'/>").doesNotContain("<alias")
                    .contains("<controller type='pci' index='0' model='pci-root'/>");

            JsonNode nodes = QmpMonitor.JSON.readTree(d.qemuMonitorCommand(
                    "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}", Set.of()))
                    .get("return");
            assertThat(backing(nodes, "libvirt-2-format")).isEqualTo(mid.toString());
            assertThat(backing(nodes, "libvirt-3-format")).isEqualTo(base.toString());
            assertThat(nodeFile(nodes, "libvirt-4-format")).isEqualTo(base.toString());
            assertThat(nodeFile(nodes, "libvirt-1-storage")).isEqualTo(raw.toString());
            d.destroy();
        }
    }

    /** The file of the image below a format node (QEMU's "backing_file"). */
    private static String backing(JsonNode nodes, String node) {
        for (JsonNode n : nodes) {
            if (node.equals(n.path("node-name").asText())) {
                return n.path("backing_file").asText(null);
            }
        }
        return null;
    }

    private static String nodeFile(JsonNode nodes, String node) {
        for (JsonNode n : nodes) {
            if (node.equals(n.path("node-name").asText())) {
                return n.path("file").asText(null);
            }
        }
        return null;
    }
}
