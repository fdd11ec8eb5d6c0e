package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainSnapshotCreateFlag;
import org.jvirt.api.DomainSnapshotDeleteFlag;
import org.jvirt.api.DomainSnapshotListFlag;
import org.jvirt.api.DomainSnapshotRevertFlag;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStateInfo;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.VirtException;

/**
 * Snapshots on a real QEMU: internal ones of the boot-sector guest (reverting to one taken while it ran brings
 * back the running guest, which answers the power button without booting again), internal ones of a stopped
 * domain (qemu-img), external disk-only ones (new overlays, live and offline), the snapshot tree, its metadata
 * across a driver restart, and libvirt's refusals.
 */
class QemuSnapshotTest {
    private static final Duration BOOT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    @TempDir
    Path dir;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    private static List<String> snapshotNames(JsonNode info) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : info.path("snapshots")) {
            out.add(s.path("name").asText());
        }
        return out;
    }

    private static long vmStateSize(JsonNode info, String name) {
        for (JsonNode s : info.path("snapshots")) {
            if (name.equals(s.path("name").asText())) {
                return s.path("vm-state-size").asLong();
            }
        }
        throw new AssertionError("no snapshot " + name + " in " + info);
    }

    private static List<String> names(List<DomainSnapshot> l) {
        return l.stream().map(DomainSnapshot::getName).toList();
    }

    /** The boot-sector guest on a qcow2 copy of its disk. */
    private String qcow2Guest(AcpiGuest guest, Path image, String name) throws Exception {
        QemuImages.run(List.of(RealQemu.qemuImg().toString(), "convert", "-O", "qcow2", guest.disk.toString(),
                image.toString()));
        return guest.xml(name).replace("type='raw'", "type='qcow2'").replace(guest.disk.toString(),
                image.toString());
    }

    @Test
    void internalSnapshotsCarryTheRunningGuestAndFormATree() throws Exception {
        AcpiGuest guest = new AcpiGuest(dir);
        Path image = dir.resolve("guest.qcow2");
        String xml = qcow2Guest(guest, image, "snapper");
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(xml);
            assertThat(d.hasCurrentSnapshot()).isFalse();
            d.create();
            assertThat(guest.awaitOutput("B\n", BOOT)).isTrue();
            f.events.clear();

            DomainSnapshot s1 = d.snapshotCreateXML("<domainsnapshot><name>s1</name><description>booted"
                    + "</description></domainsnapshot>", Set.of());
            assertThat(f.nextLifecycle()).isEqualTo("SUSPENDED/PAUSED");
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/UNPAUSED");
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            String x1 = s1.getXMLDesc(Set.of());
            assertThat(x1).contains("<name>s1</name>", "<description>booted</description>",
                    "<state>running</state>", "<memory snapshot='internal'/>",
                    "<disk name='vda' snapshot='internal'/>", "<domain type='qemu'>", "<name>snapper</name>")
                    .doesNotContain("<parent>", "<active>");
            assertThat(x1.indexOf("<creationTime>")).isGreaterThan(x1.indexOf("<state>"));
            JsonNode info = QemuImages.info(image);
            assertThat(snapshotNames(info)).containsExactly("s1");
            assertThat(vmStateSize(info, "s1")).as("the guest's memory is in the image").isGreaterThan(0);

            // the guest powers off; the revert brings it back running where it was, without a boot
            d.shutdown();
            assertThat(f.nextLifecycle()).isEqualTo("SHUTDOWN/GUEST");
            assertThat(f.nextLifecycle()).isEqualTo("STOPPED/SHUTDOWN");
            d.revertToSnapshot(s1, Set.of());
            assertThat(f.nextLifecycle()).isEqualTo("STARTED/FROM_SNAPSHOT");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.RUNNING,
                    RunningReason.FROM_SNAPSHOT.value()));
            d.shutdown();
            assertThat(f.nextLifecycle()).isEqualTo("SHUTDOWN/GUEST");
            assertThat(f.nextLifecycle()).isEqualTo("STOPPED/SHUTDOWN");
            assertThat(guest.output()).isEqualTo("B\nP\nP\n");

            // a second snapshot under the current one
            d.create();
            assertThat(guest.awaitOutput("B\nP\nP\nB\n", BOOT)).isTrue();
            DomainSnapshot s2 = d.snapshotCreateXML("<domainsnapshot><name>s2</name></domainsnapshot>", Set.of());
            assertThat(s2.getParent()).isEqualTo(s1);
            assertThat(s2.isCurrent()).isTrue();
            assertThat(s1.isCurrent()).isFalse();
            assertThat(d.snapshotCurrent()).isEqualTo(s2);
            assertThat(names(d.listAllSnapshots(Set.of()))).containsExactly("s1", "s2");
            assertThat(names(d.listAllSnapshots(EnumSet.of(DomainSnapshotListFlag.ROOTS)))).containsExactly("s1");
            assertThat(names(d.listAllSnapshots(EnumSet.of(DomainSnapshotListFlag.LEAVES)))).containsExactly("s2");
            assertThat(names(d.listAllSnapshots(EnumSet.of(DomainSnapshotListFlag.EXTERNAL)))).isEmpty();
            assertThat(names(s1.listAllChildren(Set.of()))).containsExactly("s2");
            assertThat(s2.getXMLDesc(Set.of())).contains("<parent>\n    <name>s1</name>\n  </parent>");
            assertThatThrownBy(s1::getParent).isInstanceOfSatisfying(VirtException.class, e -> assertThat(
                    e.getMessage()).isEqualTo("Domain snapshot not found: snapshot 's1' does not have a parent"));

            // reverting a running guest: loadvm on the same QEMU
            long pid = ((QemuDomain) d).pid();
            f.events.clear();
            d.revertToSnapshot(s1, EnumSet.of(DomainSnapshotRevertFlag.PAUSED));
            assertThat(f.nextLifecycle()).isEqualTo("SUSPENDED/FROM_SNAPSHOT");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.PAUSED,
                    PausedReason.FROM_SNAPSHOT.value()));
            assertThat(((QemuDomain) d).pid()).as("the same QEMU").isEqualTo(pid);
            assertThat(d.snapshotCurrent()).isEqualTo(s1);
            d.revertToSnapshot(s2, EnumSet.of(DomainSnapshotRevertFlag.RUNNING));
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/FROM_SNAPSHOT");
            assertThat(d.getState()).isEqualTo(new DomainStateInfo(DomainState.RUNNING,
                    RunningReason.FROM_SNAPSHOT.value()));

            // deleting s1 while it runs (QEMU's delvm): s2 becomes a root
            s1.delete(Set.of());
            assertThat(names(d.listAllSnapshots(Set.of()))).containsExactly("s2");
            assertThatThrownBy(s2::getParent).isInstanceOf(VirtException.class);
            assertThat(snapshotNames(QemuImages.info(image))).containsExactly("s2");
            assertThatThrownBy(() -> d.snapshotLookupByName("s1")).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("Domain snapshot not found: no domain snapshot with "
                            + "matching name 's1'"));
            d.destroy();

            // a snapshot of the stopped domain: qemu-img, no memory
            DomainSnapshot off = d.snapshotCreateXML("<domainsnapshot><name>off</name></domainsnapshot>", Set.of());
            assertThat(off.getXMLDesc(Set.of())).contains("<state>shutoff</state>", "<memory snapshot='no'/>",
                    "<disk name='vda' snapshot='internal'/>");
            assertThat(off.getParent()).isEqualTo(s2);
            info = QemuImages.info(image);
            assertThat(snapshotNames(info)).containsExactly("s2", "off");
            assertThat(vmStateSize(info, "off")).isZero();
            assertThat(names(d.listAllSnapshots(EnumSet.of(DomainSnapshotListFlag.INACTIVE))))
                    .containsExactly("off");
            assertThat(names(d.listAllSnapshots(EnumSet.of(DomainSnapshotListFlag.ACTIVE))))
                    .containsExactly("s2");
            assertThatThrownBy(d::undefine).isInstanceOfSatisfying(VirtException.class, e -> assertThat(
                    e.getMessage()).isEqualTo("Requested operation is not valid: cannot delete inactive domain "
                            + "with 2 snapshots"));
        }

        // the metadata outlives the driver
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainLookupByName("snapper");
            assertThat(names(d.listAllSnapshots(Set.of()))).containsExactly("s2", "off");
            DomainSnapshot off = d.snapshotCurrent();
            assertThat(off.getName()).isEqualTo("off");
            assertThat(off.getParent().getName()).isEqualTo("s2");
            assertThat(Files.readString(home.resolve("data/lib/qemu/snapshot/snapper/off.xml")))
                    .contains("<active>1</active>");

            // an inactive snapshot reverted with RUNNING: the guest boots from the image as it was
            f.events.clear();
            d.revertToSnapshot(off, EnumSet.of(DomainSnapshotRevertFlag.RUNNING));
            assertThat(f.nextLifecycle()).isEqualTo("RESUMED/UNPAUSED");
            assertThat(f.nextLifecycle()).isEqualTo("STARTED/FROM_SNAPSHOT");
            assertThat(d.getState().state()).isEqualTo(DomainState.RUNNING);
            assertThat(guest.awaitOutput("B\nP\nP\nB\nB\n", BOOT)).isTrue();
            assertThatThrownBy(() -> d.revertToSnapshot(off, EnumSet.of(DomainSnapshotRevertFlag.RUNNING)))
                    .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "revert requires force: must respawn qemu to start inactive snapshot"));
            d.destroy();

            d.snapshotLookupByName("s2").delete(EnumSet.of(DomainSnapshotDeleteFlag.CHILDREN));
            assertThat(d.listAllSnapshots(Set.of())).isEmpty();
            assertThat(d.hasCurrentSnapshot()).isFalse();
            assertThat(snapshotNames(QemuImages.info(image))).isEmpty();
            assertThat(Files.list(home.resolve("data/lib/qemu/snapshot/snapper")).toList()).isEmpty();
            d.undefine();
        }
    }

    @Test
    void externalDiskOnlySnapshotsPutANewOverlayOnTop() throws Exception {
        Path base = dir.resolve("base.qcow2");
        QemuImages.create(base, "qcow2", "16M", null);
        String disk = "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + base
                + "'/><target dev='vda' bus='virtio'/></disk>";
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("ext", disk));
            d.create();
            f.events.clear();
            DomainSnapshot ext = d.snapshotCreateXML("<domainsnapshot><name>ext</name></domainsnapshot>",
                    EnumSet.of(DomainSnapshotCreateFlag.DISK_ONLY));
            Path overlay = dir.resolve("base.ext");
            assertThat(overlay).exists();
            assertThat(QemuImages.info(overlay).path("backing-filename").asText()).isEqualTo(base.toString());
            assertThat(ext.getXMLDesc(Set.of())).contains("<state>disk-snapshot</state>", "<memory snapshot='no'/>",
                    "<disk name='vda' snapshot='external' type='file'>\n      <driver type='qcow2'/>\n"
                            + "      <source file='" + overlay + "'/>\n    </disk>");
            assertThat(f.events.poll()).as("a disk-only snapshot leaves the guest running").isNull();
            String live = d.getXMLDesc(Set.of());
            assertThat(live).contains("<source file='" + overlay + "' index='2'/>",
                    "<backingStore type='file' index='1'>\n        <format type='qcow2'/>\n        <source file='"
                            + base + "'/>");
            assertThat(d.getXMLDesc(EnumSet.of(DomainXMLFlag.INACTIVE))).contains("<source file='" + overlay + "'/>");
            assertThat(names(d.listAllSnapshots(EnumSet.of(DomainSnapshotListFlag.DISK_ONLY))))
                    .containsExactly("ext");
            assertThat(names(d.listAllSnapshots(EnumSet.of(DomainSnapshotListFlag.EXTERNAL))))
                    .containsExactly("ext");

            assertThatThrownBy(() -> d.revertToSnapshot(ext, Set.of())).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("unsupported configuration: revert to external "
                            + "snapshot not supported yet"));
            assertThatThrownBy(() -> ext.delete(Set.of())).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("unsupported configuration: deletion of 1 external "
                            + "disk snapshots not supported yet"));
            assertThatThrownBy(() -> d.snapshotCreateXML("<domainsnapshot><name>ext</name></domainsnapshot>",
                    EnumSet.of(DomainSnapshotCreateFlag.DISK_ONLY))).isInstanceOf(VirtException.class);
            ext.delete(EnumSet.of(DomainSnapshotDeleteFlag.METADATA_ONLY));
            assertThat(overlay).as("metadata only: the image stays").exists();
            d.destroy();

            // offline: qemu-img makes the overlay and the definition names it; the next run opens the chain
            d.snapshotCreateXML("<domainsnapshot><name>cold</name></domainsnapshot>",
                    EnumSet.of(DomainSnapshotCreateFlag.DISK_ONLY));
            Path cold = dir.resolve("base.cold");
            assertThat(QemuImages.info(cold).path("backing-filename").asText()).isEqualTo(overlay.toString());
            assertThat(d.getXMLDesc(Set.of())).contains("<source file='" + cold + "'/>");
            d.create();
            assertThat(d.getXMLDesc(Set.of())).contains("<source file='" + cold + "' index='1'/>",
                    "<source file='" + overlay + "'/>", "<source file='" + base + "'/>");
            d.destroy();
            assertThat(d.snapshotLookupByName("cold").getXMLDesc(Set.of())).contains("<state>shutoff</state>");
        }
    }

    @Test
    void badRequestsFailAsLibvirtsAndChangeNothing() throws Exception {
        Path raw = dir.resolve("raw.img");
        QemuImages.create(raw, "raw", "1M", null);
        String disk = "<disk type='file' device='disk'><driver name='qemu' type='raw'/><source file='" + raw
                + "'/><target dev='vda' bus='virtio'/></disk>";
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("plain", disk));
            assertThatThrownBy(() -> d.snapshotCreateXML("<domainsnapshot/>", Set.of()))
                    .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "Operation not supported: internal snapshot for disk vda unsupported for storage type "
                                    + "raw"));
            assertThatThrownBy(() -> d.snapshotCreateXML("<domainsnapshot><name>a/b</name></domainsnapshot>",
                    Set.of())).isInstanceOfSatisfying(VirtException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.XML_DETAIL);
                        assertThat(e.getMessage()).isEqualTo("invalid snapshot name 'a/b': name can't contain '/'");
                    });
            assertThatThrownBy(() -> d.snapshotCreateXML("<domainsnapshot/>",
                    EnumSet.of(DomainSnapshotCreateFlag.QUIESCE))).isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARG));
            assertThatThrownBy(d::snapshotCurrent).isInstanceOfSatisfying(VirtException.class, e -> assertThat(
                    e.getMessage()).isEqualTo("Domain snapshot not found: the domain does not have a current "
                            + "snapshot"));
            assertThat(d.listAllSnapshots(Set.of())).isEmpty();
            assertThat(home.resolve("data/lib/qemu/snapshot/plain")).doesNotExist();

            Domain tr = f.conn.domainCreateXML(QemuFixture.xml("tr", disk), Set.of());
            assertThatThrownBy(() -> tr.snapshotCreateXML("<domainsnapshot/>",
                    EnumSet.of(DomainSnapshotCreateFlag.HALT))).isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("Requested operation is not valid: cannot "
                                    + "halt after transient domain snapshot"));
            assertThatThrownBy(() -> tr.snapshotCreateXML("<domainsnapshot><memory snapshot='no'/>"
                    + "</domainsnapshot>", Set.of())).isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.getMessage()).isEqualTo("Operation not supported: internal snapshot "
                                    + "of a running VM must include the memory state"));
            tr.destroy();
        }
    }
}
