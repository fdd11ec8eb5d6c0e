package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainDeviceModifyFlag;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/** A CD-ROM's medium changed, ejected and changed back through virDomainUpdateDeviceFlags on a real QEMU. */
class QemuCdromChangeTest {
    @TempDir
    Path home;
    @TempDir
    Path images;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    private static String cdrom(Path file) {
        return "<disk type='file' device='cdrom'><driver name='qemu' type='raw'/>"
                + (file == null ? "" : "<source file='" + file + "'/>")
                + "<target dev='hdc' bus='ide'/><readonly/></disk>";
    }

    /** The block backend of the device with this id, as QEMU's query-block tells it. */
    private static JsonNode block(Domain d, String id) throws Exception {
        JsonNode reply = QmpMonitor.JSON.readTree(d.qemuMonitorCommand("{\"execute\":\"query-block\"}", Set.of()));
        for (JsonNode b : reply.get("return")) {
            String qdev = b.path("qdev").asText();
            if (qdev.equals(id) || qdev.startsWith("/machine/peripheral/" + id + "/")) {
                return b;
            }
        }
        throw new AssertionError("no block backend for " + id + " in " + reply);
    }

    private static String medium(Domain d) throws Exception {
        JsonNode b = block(d, "ide0-1-0");
        return b.has("inserted") ? b.get("inserted").path("file").asText() : null;
    }

    private static List<String> nodes(Domain d) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : QmpMonitor.JSON.readTree(d.qemuMonitorCommand(
                "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}", Set.of())).get("return")) {
            out.add(n.path("node-name").asText());
        }
        return out;
    }

    private static void assertError(Throwable t, ErrorCode code, String message) {
        assertThat(t).isInstanceOfSatisfying(VirtException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.domain()).isEqualTo(ErrorDomain.QEMU);
            assertThat(e.getMessage()).endsWith(message);
        });
    }

    private Path raw(String name, int fill) throws Exception {
        Path p = images.resolve(name);
        byte[] data = new byte[64 * 1024];
        java.util.Arrays.fill(data, (byte) fill);
        Files.write(p, data);
        return p;
    }

    @Test
    void insertEjectAndChangeBack() throws Exception {
        Path a = raw("a.iso", 1);
        Path b = raw("b.iso", 2);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("cd", cdrom(a)));
            d.create();
            // SeaBIOS probing the drive for a boot CD may load (close) the tray at any moment: paused, it cannot
            d.suspend();
            assertThat(medium(d)).isEqualTo(a.toString());

            d.updateDeviceFlags(cdrom(b), EnumSet.of(DomainDeviceModifyFlag.LIVE));
            assertThat(medium(d)).as("the new medium is in").isEqualTo(b.toString());
            assertThat(block(d, "ide0-1-0").path("tray_open").asBoolean()).isFalse();
            assertThat(d.getXMLDesc(Set.of())).contains("<source file='" + b + "' index='2'/>")
                    .doesNotContain(a.toString());
            assertThat(nodes(d)).as("the old medium's node is gone").contains("libvirt-2-storage")
                    .doesNotContain("libvirt-1-storage");
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).as("LIVE leaves the definition")
                    .contains(a.toString()).doesNotContain(b.toString());

            // an eject: no <source>; the tray stays open and empty
            d.updateDeviceFlags(cdrom(null), EnumSet.of(DomainDeviceModifyFlag.LIVE, DomainDeviceModifyFlag.FORCE));
            assertThat(medium(d)).as("no medium").isNull();
            assertThat(block(d, "ide0-1-0").path("tray_open").asBoolean()).isTrue();
            assertThat(d.getXMLDesc(Set.of())).doesNotContain(b.toString());
            assertThat(nodes(d)).doesNotContain("libvirt-2-storage");

            // back to the first one, live and persistent, without force (nothing locks SeaBIOS's tray)
            d.updateDeviceFlags(cdrom(a), EnumSet.of(DomainDeviceModifyFlag.LIVE, DomainDeviceModifyFlag.CONFIG));
            assertThat(medium(d)).isEqualTo(a.toString());
            assertThat(block(d, "ide0-1-0").path("tray_open").asBoolean()).isFalse();
            assertThat(d.getXMLDesc(Set.of())).contains("<source file='" + a + "' index='3'/>");

            d.updateDeviceFlags(cdrom(b), EnumSet.of(DomainDeviceModifyFlag.CONFIG));
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).contains(b.toString());
            assertThat(Files.readString(home.resolve("etc/qemu/cd.xml"))).contains(b.toString());
            assertThat(medium(d)).as("CONFIG leaves the guest").isEqualTo(a.toString());
            d.destroy();
            assertThat(d.getXMLDesc(Set.of())).contains(b.toString());
        }
    }

    @Test
    void badRequestsChangeNothing() throws Exception {
        Path a = raw("a.iso", 1);
        Path b = raw("b.iso", 2);
        Path data = raw("data.img", 3);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("cdbad", cdrom(a)
                    + "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + data
                    + "'/><target dev='hda' bus='ide'/></disk>"));
            d.create();
            d.suspend();
            String live = d.getXMLDesc(Set.of());
            String inactive = d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE));
            var both = EnumSet.of(DomainDeviceModifyFlag.LIVE, DomainDeviceModifyFlag.CONFIG);

            assertError(catchThrowable(() -> d.updateDeviceFlags(cdrom(b).replace("hdc", "hdd"),
                    EnumSet.of(DomainDeviceModifyFlag.LIVE))), ErrorCode.INTERNAL_ERROR, "disk 'hdd' not found");
            assertError(catchThrowable(() -> d.updateDeviceFlags(cdrom(b).replace("hdc", "hdd"), both)),
                    ErrorCode.INVALID_ARG, "target hdd doesn't exist.");
            assertError(catchThrowable(() -> d.updateDeviceFlags(cdrom(b).replace("<readonly/>",
                    "<serial>XYZ</serial><readonly/>"), both)), ErrorCode.OPERATION_UNSUPPORTED,
                    "cannot modify field 'serial' of the disk");
            assertError(catchThrowable(() -> d.updateDeviceFlags(cdrom(b).replace("device='cdrom'", "device='disk'"),
                    EnumSet.of(DomainDeviceModifyFlag.LIVE))), ErrorCode.OPERATION_UNSUPPORTED,
                    "cannot modify field 'device' of the disk");
            assertError(catchThrowable(() -> d.updateDeviceFlags(cdrom(b).replace("<driver name='qemu' type='raw'/>",
                    "<driver name='qemu' type='raw' cache='none'/>"), EnumSet.of(DomainDeviceModifyFlag.LIVE))),
                    ErrorCode.OPERATION_UNSUPPORTED, "cannot modify field 'cache' of the disk");
            // a hard disk's image cannot change under a running guest
            assertError(catchThrowable(() -> d.updateDeviceFlags("<disk type='file' device='disk'><driver "
                    + "name='qemu' type='raw'/><source file='" + b + "'/><target dev='hda' bus='ide'/></disk>",
                    EnumSet.of(DomainDeviceModifyFlag.LIVE))), ErrorCode.OPERATION_UNSUPPORTED,
                    "disk source can be changed only in removable drives");
            // a medium that does not exist is refused before the tray moves
            Path missing = images.resolve("missing.iso");
            assertThat(catchThrowable(() -> d.updateDeviceFlags(cdrom(missing),
                    EnumSet.of(DomainDeviceModifyFlag.LIVE)))).isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.getMessage()).startsWith("Cannot access storage file '" + missing
                                    + "' (as uid:").endsWith("): No such file or directory"));

            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).isEqualTo(inactive);
            assertThat(d.getXMLDesc(Set.of())).isEqualTo(live);
            assertThat(medium(d)).isEqualTo(a.toString());
            assertThat(block(d, "ide0-1-0").path("tray_open").asBoolean()).isFalse();
            d.destroy();
        }
    }
}
