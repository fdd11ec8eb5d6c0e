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
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockInfo;
import org.jvirt.api.DomainBlockStats;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.DomainStatsType;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.GetAllDomainStatsFlag;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.DomainBlockThresholdEvent;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.qemu.QemuMonitorCommandFlag;

/**
 * Block statistics, getAllDomainStats and the block threshold on a real QEMU: the boot-sector guest reads and
 * writes its own disk through the BIOS (I/O the device counts), and HMP's qemu-io writes to a qcow2 chain.
 */
class QemuBlockStatsTest {
    @TempDir
    Path home;
    @TempDir
    Path images;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
        RealQemu.qemuImg();
    }

    /**
     * The boot-sector guest on vda, and hdb (IDE, whose device owns its block backend, so HMP's qemu-io can
     * write through it) on a two-image qcow2 chain. Disks are numbered from the last: hdb 1 (its base 2), vda 3.
     */
    private Domain start(QemuFixture f, AcpiGuest guest) throws Exception {
        QemuImages.create(images.resolve("base.qcow2"), "qcow2", "16M", null);
        QemuImages.create(images.resolve("top.qcow2"), "qcow2", null, images.resolve("base.qcow2"));
        Domain d = f.conn.domainCreateXML(guest.xml("blk", "<disk type='file' device='disk'><driver name='qemu' "
                + "type='qcow2'/><source file='" + images.resolve("top.qcow2") + "'/><target dev='hdb' bus='ide'/>"
                + "</disk>"), Set.of());
        assertThat(guest.awaitOutput("B\n", Duration.ofSeconds(30))).as("the guest booted").isTrue();
        assertThat(d.getXMLDesc(Set.of())).contains("<source file='" + images.resolve("top.qcow2") + "' index='1'/>")
                .contains("<source file='" + guest.disk + "' index='3'/>");
        return d;
    }

    /** Writes through hdb's device, with HMP's qemu-io (QEMU prints its report into the domain's log). */
    private void write(Domain d, long offset, long length) throws Exception {
        d.qemuMonitorCommand("qemu-io -d ide0-0-1 \"write " + offset + " " + length + "\"",
                EnumSet.of(QemuMonitorCommandFlag.HMP));
        assertThat(Files.readString(home.resolve("data/log/qemu/blk.log")))
                .contains("wrote " + length + "/" + length + " bytes at offset " + offset);
    }

    private static Object value(TypedParameters p, String field) {
        return p.get(field).map(x -> x.value()).orElse(null);
    }

    private static List<String> fields(TypedParameters p) {
        return p.asList().stream().map(x -> x.field()).toList();
    }

    @Test
    void statisticsCountTheGuestsOwnIo() throws Exception {
        AcpiGuest guest = new AcpiGuest(images);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = start(f, guest);
            DomainBlockStats vda = d.blockStats("vda");
            // SeaBIOS read the boot sector, and the guest wrote one sector
            assertThat(vda.rdReq()).isPositive();
            assertThat(vda.rdBytes()).isGreaterThanOrEqualTo(512);
            assertThat(vda.wrReq()).isEqualTo(1);
            assertThat(vda.wrBytes()).isEqualTo(512);
            assertThat(vda.errs()).isEqualTo(-1);
            assertThat(d.blockStats(guest.disk.toString())).as("by the image's path").isEqualTo(vda);
            DomainBlockStats hdb = d.blockStats("hdb");
            assertThat(d.blockStats("")).as("every disk summed").isEqualTo(new DomainBlockStats(
                    vda.rdReq() + hdb.rdReq(), vda.rdBytes() + hdb.rdBytes(), vda.wrReq() + hdb.wrReq(),
                    vda.wrBytes() + hdb.wrBytes(), -1));
            TypedParameters flags = d.blockStatsFlags("vda");
            assertThat(fields(flags)).containsExactly(
                    TypedParamFields.DOMAIN_BLOCK_STATS_WRITE_BYTES, TypedParamFields.DOMAIN_BLOCK_STATS_WRITE_REQ,
                    TypedParamFields.DOMAIN_BLOCK_STATS_READ_BYTES, TypedParamFields.DOMAIN_BLOCK_STATS_READ_REQ,
                    TypedParamFields.DOMAIN_BLOCK_STATS_FLUSH_REQ,
                    TypedParamFields.DOMAIN_BLOCK_STATS_WRITE_TOTAL_TIMES,
                    TypedParamFields.DOMAIN_BLOCK_STATS_READ_TOTAL_TIMES,
                    TypedParamFields.DOMAIN_BLOCK_STATS_FLUSH_TOTAL_TIMES);
            assertThat(value(flags, "wr_bytes")).isEqualTo(512L);
            assertThat(value(flags, "rd_operations")).isEqualTo(vda.rdReq());
            assertThatThrownBy(() -> d.blockStats("vdz")).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("invalid argument: invalid path: vdz"));

            DomainBlockInfo info = d.getBlockInfo("hdb");
            assertThat(info.capacity()).isEqualTo(16 << 20);
            assertThat(info.physical()).isEqualTo(Files.size(images.resolve("top.qcow2")));
            assertThat(d.getBlockInfo("vda").capacity()).isEqualTo(1 << 20);

            List<DomainStatsRecord> all = f.conn.getAllDomainStats(EnumSet.of(DomainStatsType.BLOCK,
                    DomainStatsType.STATE), Set.of());
            assertThat(all).hasSize(1);
            TypedParameters p = all.get(0).params();
            assertThat(fields(p)).startsWith("state.state", "state.reason", "block.count", "block.0.name",
                    "block.0.path", "block.0.backingIndex", "block.0.rd.reqs", "block.0.rd.bytes", "block.0.rd.times", "block.0.wr.reqs",
                    "block.0.wr.bytes", "block.0.wr.times", "block.0.fl.reqs", "block.0.fl.times",
                    "block.0.allocation", "block.0.capacity", "block.0.physical", "block.1.name");
            assertThat(value(p, "state.state")).isEqualTo(1);
            assertThat(value(p, "block.count")).isEqualTo(2L);
            assertThat(value(p, "block.0.name")).isEqualTo("vda");
            assertThat(value(p, "block.0.path")).isEqualTo(guest.disk.toString());
            assertThat(value(p, "block.0.rd.reqs")).isEqualTo(vda.rdReq());
            assertThat(value(p, "block.0.wr.bytes")).isEqualTo(512L);
            assertThat(value(p, "block.0.allocation")).as("the guest wrote sector 1").isEqualTo(1024L);
            assertThat(value(p, "block.1.name")).isEqualTo("hdb");
            assertThat(value(p, "block.1.capacity")).isEqualTo(16L << 20);

            // with the backing images: vda, hdb, hdb's base (index 2)
            TypedParameters withBacking = f.conn.getAllDomainStats(EnumSet.of(DomainStatsType.BLOCK),
                    EnumSet.of(GetAllDomainStatsFlag.BACKING)).get(0).params();
            assertThat(value(withBacking, "block.count")).isEqualTo(3L);
            assertThat(value(withBacking, "block.2.name")).isEqualTo("hdb");
            assertThat(value(withBacking, "block.2.backingIndex")).isEqualTo(2L);
            assertThat(value(withBacking, "block.2.path")).isEqualTo(images.resolve("base.qcow2").toString());

            TypedParameters every = f.conn.getAllDomainStats(Set.of(), Set.of()).get(0).params();
            assertThat(fields(every)).contains("cpu.time", "cpu.user", "cpu.system", "balloon.current",
                    "balloon.maximum", "balloon.rss", "vcpu.current", "vcpu.maximum", "vcpu.0.state", "vcpu.0.time",
                    "net.count", "block.count");
            assertThat(value(every, "balloon.maximum")).isEqualTo(32768L);
            assertThat(value(every, "balloon.current")).isEqualTo(32768L);
            assertThatThrownBy(() -> f.conn.getAllDomainStats(EnumSet.of(DomainStatsType.PERF),
                    EnumSet.of(GetAllDomainStatsFlag.ENFORCE_STATS))).isInstanceOfSatisfying(VirtException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.ARGUMENT_UNSUPPORTED));
            assertThat(f.conn.getAllDomainStats(EnumSet.of(DomainStatsType.STATE),
                    EnumSet.of(GetAllDomainStatsFlag.INACTIVE))).isEmpty();
            d.destroy();
        }
    }

    @Test
    void aCrossedThresholdIsReportedForTheDiskAndItsImageAndThenCleared() throws Exception {
        AcpiGuest guest = new AcpiGuest(images);
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = start(f, guest);
            long threshold = d.getBlockInfo("hdb").physical() + 1;
            d.setBlockThreshold("hdb", threshold);
            d.setBlockThreshold("hdb[2]", 1 << 30);
            TypedParameters set = f.conn.getAllDomainStats(EnumSet.of(DomainStatsType.BLOCK),
                    EnumSet.of(GetAllDomainStatsFlag.BACKING)).get(0).params();
            assertThat(value(set, "block.1.threshold")).isEqualTo(threshold);
            assertThat(value(set, "block.2.threshold")).as("the backing image's own threshold").isEqualTo(1L << 30);
            f.events.clear();

            write(d, 4 << 20, 1 << 20);
            List<DomainBlockThresholdEvent> events = new ArrayList<>();
            while (events.size() < 2) {
                DomainEvent e = f.events.poll(30, TimeUnit.SECONDS);
                assertThat(e).as("threshold events").isNotNull();
                if (e instanceof DomainBlockThresholdEvent t) {
                    events.add(t);
                }
            }
            // the top image of hdb, which has index 1: once for the disk, once for the image
            assertThat(events.get(0).dev()).isEqualTo("hdb");
            assertThat(events.get(1).dev()).isEqualTo("hdb[1]");
            for (DomainBlockThresholdEvent t : events) {
                assertThat(t.path()).isEqualTo(images.resolve("top.qcow2").toString());
                assertThat(t.threshold()).isEqualTo(threshold);
                assertThat(t.excess()).isPositive();
                assertThat(t.domain().getName()).isEqualTo("blk");
            }
            assertThat(f.events.poll(300, TimeUnit.MILLISECONDS)).as("one crossing, two events").isNull();
            // it fired: gone from the statistics; the backing image's stays
            TypedParameters after = f.conn.getAllDomainStats(EnumSet.of(DomainStatsType.BLOCK),
                    EnumSet.of(GetAllDomainStatsFlag.BACKING)).get(0).params();
            assertThat(value(after, "block.1.threshold")).isNull();
            assertThat(value(after, "block.2.threshold")).isEqualTo(1L << 30);

            assertThatThrownBy(() -> d.setBlockThreshold("vdz", 1)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo("invalid argument: failed to find disk 'vdz'"));
            assertThatThrownBy(() -> d.setBlockThreshold("hdb[9]", 1)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo(
                            "invalid argument: could not find backing store index '9' in chain for 'hdb'"));
            d.destroy();
            Domain off = f.conn.domainDefineXML(QemuFixture.xml("off"));
            assertThatThrownBy(() -> off.setBlockThreshold("hdb", 1)).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo(
                            "Requested operation is not valid: domain is not running"));
        }
    }
}
