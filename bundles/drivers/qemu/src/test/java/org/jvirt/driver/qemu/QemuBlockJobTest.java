package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainBlockCommitFlag;
import org.jvirt.api.DomainBlockJobAbortFlag;
import org.jvirt.api.DomainBlockJobInfo;
import org.jvirt.api.DomainBlockJobInfoFlag;
import org.jvirt.api.DomainBlockJobSetSpeedFlag;
import org.jvirt.api.DomainBlockJobType;
import org.jvirt.api.DomainBlockPullFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.BlockJobStatus;
import org.jvirt.api.event.DomainBlockJob2Event;
import org.jvirt.api.event.DomainBlockJobEvent;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.driver.qemu.qmp.QmpMonitor;

/**
 * Block jobs on a real QEMU over a three-image qcow2 chain (top, mid, base: indexes 1, 2, 3): pull, commit, active
 * commit, copy, with their events, order and fields, and the chain the live XML shows afterwards.
 */
class QemuBlockJobTest {
    @TempDir
    Path home;
    @TempDir
    Path images;

    Path base;
    Path mid;
    Path top;

    @BeforeEach
    void chain() throws Exception {
        RealQemu.emulator();
        RealQemu.qemuImg();
        base = images.resolve("base.qcow2");
        mid = images.resolve("mid.qcow2");
        top = images.resolve("top.qcow2");
        QemuImages.create(base, "qcow2", "16M", null);
        QemuImages.write(base, "qcow2", 0, 4 << 20, 0x11);
        QemuImages.create(mid, "qcow2", null, base);
        QemuImages.write(mid, "qcow2", 4 << 20, 4 << 20, 0x22);
        QemuImages.create(top, "qcow2", null, mid);
    }

    private Domain start(QemuFixture f) {
        Domain d = f.conn.domainCreateXML(QemuFixture.xml("jobs", QemuBlockChainTest.disk("vda", top, "qcow2")),
                Set.of());
        f.events.clear();
        return d;
    }

    /** The next two block job events, which must be BLOCK_JOB then BLOCK_JOB_2 for the same job and status. */
    private static String nextPair(QemuFixture f) throws InterruptedException {
        List<DomainEvent> two = new ArrayList<>();
        while (two.size() < 2) {
            DomainEvent e = f.events.poll(60, TimeUnit.SECONDS);
            assertThat(e).as("block job events").isNotNull();
            if (e instanceof DomainBlockJobEvent || e instanceof DomainBlockJob2Event) {
                two.add(e);
            }
        }
        DomainBlockJobEvent one = (DomainBlockJobEvent) two.get(0);
        DomainBlockJob2Event other = (DomainBlockJob2Event) two.get(1);
        assertThat(other.disk()).isEqualTo("vda");
        assertThat(other.type()).isEqualTo(one.type());
        assertThat(other.status()).isEqualTo(one.status());
        return one.type() + "/" + one.status() + " " + one.disk();
    }

    private static String chainXml(Domain d) {
        String xml = d.getXMLDesc(Set.of());
        return xml.substring(xml.indexOf("<disk"), xml.indexOf("<target dev='vda'"));
    }

    private static String backingFile(Path image) throws Exception {
        JsonNode info = QemuImages.info(image);
        return info.path("backing-filename").asText(null);
    }

    private static List<String> nodeNames(Domain d) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode n : QmpMonitor.JSON.readTree(d.qemuMonitorCommand(
                "{\"execute\":\"query-named-block-nodes\",\"arguments\":{\"flat\":true}}", Set.of())).get("return")) {
            out.add(n.path("node-name").asText());
        }
        return out;
    }

    @Test
    void pullOfTheWholeChain() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = start(f);
            assertThat(chainXml(d)).contains("<source file='" + top + "' index='1'/>")
                    .contains("<backingStore type='file' index='2'>").contains("<backingStore type='file' index='3'>");
            d.blockPull("vda", 0, Set.of());
            assertThat(nextPair(f)).isEqualTo("PULL/COMPLETED " + top);
            assertThat(chainXml(d)).contains("<source file='" + top + "' index='1'/>\n      <backingStore/>\n");
            assertThat(backingFile(top)).isNull();
            assertThat(nodeNames(d)).contains("libvirt-1-format").doesNotContain("libvirt-2-format",
                    "libvirt-3-storage");
            assertThat(d.getBlockJobInfo("vda", Set.of())).isEmpty();
            d.destroy();
        }
    }

    @Test
    void pullDownToABaseAndAnAbortedSlowPull() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = start(f);
            // one byte a second: it runs until it is stopped
            d.blockPull("vda", 1, EnumSet.of(DomainBlockPullFlag.BANDWIDTH_BYTES));
            Optional<DomainBlockJobInfo> info = d.getBlockJobInfo("vda",
                    EnumSet.of(DomainBlockJobInfoFlag.BANDWIDTH_BYTES));
            assertThat(info).isPresent();
            assertThat(info.get().type()).isEqualTo(DomainBlockJobType.PULL);
            assertThat(info.get().bandwidth()).isEqualTo(1);
            assertThat(info.get().cur()).isLessThan(info.get().end());
            d.blockJobSetSpeed("vda", 2, EnumSet.of(DomainBlockJobSetSpeedFlag.BANDWIDTH_BYTES));
            assertThat(d.getBlockJobInfo("vda", EnumSet.of(DomainBlockJobInfoFlag.BANDWIDTH_BYTES)).get().bandwidth())
                    .isEqualTo(2);
            assertThatThrownBy(() -> d.blockPull("vda", 0, Set.of())).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo(
                            "Operation not supported: disk 'vda' already in active block job"));
            d.blockJobAbort("vda", Set.of());
            assertThat(nextPair(f)).isEqualTo("PULL/CANCELED " + top);
            assertThat(d.getBlockJobInfo("vda", Set.of())).isEmpty();
            assertThat(chainXml(d)).contains("index='2'").contains("index='3'");
            assertThatThrownBy(() -> d.blockJobAbort("vda", Set.of())).isInstanceOfSatisfying(VirtException.class,
                    e -> assertThat(e.getMessage()).isEqualTo(
                            "invalid argument: disk vda does not have an active block job"));

            d.blockRebase("vda", "vda[3]", 0, Set.of());
            assertThat(nextPair(f)).isEqualTo("PULL/COMPLETED " + top);
            assertThat(chainXml(d)).contains("<source file='" + top + "' index='1'/>\n"
                    + "      <backingStore type='file' index='3'>\n"
                    + "        <format type='qcow2'/>\n"
                    + "        <source file='" + base + "'/>\n"
                    + "        <backingStore/>\n"
                    + "      </backingStore>\n");
            assertThat(backingFile(top)).isEqualTo(base.toString());
            assertThat(nodeNames(d)).doesNotContain("libvirt-2-format").contains("libvirt-3-format");
            d.destroy();
        }
    }

    @Test
    void commitOfAnImageBelowTheTop() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = start(f);
            assertThatThrownBy(() -> d.blockCommit("vda", null, null, 0, Set.of()))
                    .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "invalid argument: commit of 'vda' active layer requires active flag"));
            assertThatThrownBy(() -> d.blockCommit("vda", null, "vda[3]", 0, Set.of()))
                    .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "invalid argument: top '" + base + "' in chain for 'vda' has no backing file"));
            assertThatThrownBy(() -> d.blockCommit("vdz", null, null, 0, Set.of()))
                    .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.getMessage()).isEqualTo(
                            "invalid argument: disk 'vdz' not found in domain"));

            d.blockCommit("vda", null, mid.toString(), 0, Set.of());
            assertThat(nextPair(f)).isEqualTo("COMMIT/COMPLETED " + top);
            assertThat(chainXml(d)).contains("<source file='" + top + "' index='1'/>\n"
                    + "      <backingStore type='file' index='3'>\n"
                    + "        <format type='qcow2'/>\n"
                    + "        <source file='" + base + "'/>\n"
                    + "        <backingStore/>\n"
                    + "      </backingStore>\n");
            assertThat(backingFile(top)).isEqualTo(base.toString());
            assertThat(nodeNames(d)).doesNotContain("libvirt-2-format", "libvirt-2-storage");
            d.destroy();
        }
    }

    @Test
    void activeCommitIsReadyThenPivots() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = start(f);
            d.blockCommit("vda", null, null, 0, EnumSet.of(DomainBlockCommitFlag.ACTIVE));
            assertThat(nextPair(f)).isEqualTo("ACTIVE_COMMIT/READY " + top);
            assertThat(chainXml(d)).contains("<mirror type='file' job='active-commit' ready='yes'>\n"
                    + "        <format type='qcow2'/>\n"
                    + "        <source file='" + base + "' index='3'/>\n"
                    + "      </mirror>\n");
            DomainBlockJobInfo info = d.getBlockJobInfo("vda", Set.of()).orElseThrow();
            assertThat(info.type()).isEqualTo(DomainBlockJobType.ACTIVE_COMMIT);
            assertThat(info.cur()).isEqualTo(info.end());

            d.blockJobAbort("vda", EnumSet.of(DomainBlockJobAbortFlag.PIVOT));
            // the disk is the base image now, and the event names it
            assertThat(nextPair(f)).isEqualTo("ACTIVE_COMMIT/COMPLETED " + base);
            assertThat(chainXml(d)).contains("<source file='" + base + "' index='3'/>\n      <backingStore/>\n")
                    .doesNotContain("<mirror");
            assertThat(nodeNames(d)).doesNotContain("libvirt-1-format", "libvirt-2-format")
                    .contains("libvirt-3-format");
            d.destroy();
        }
    }

    @Test
    void copyIsReadyThenPivotsOrIsCancelled() throws Exception {
        Path copy = images.resolve("copy.qcow2");
        Path dropped = images.resolve("dropped.qcow2");
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = start(f);
            // a copy left without pivot: cancelled, its nodes gone, the disk as it was
            d.blockCopy("vda", "<disk type='file'><driver type='qcow2'/><source file='" + dropped + "'/></disk>",
                    null, Set.of());
            assertThat(nextPair(f)).isEqualTo("COPY/READY " + top);
            assertThatThrownBy(() -> d.blockCommit("vda", null, null, 0, EnumSet.of(DomainBlockCommitFlag.ACTIVE)))
                    .isInstanceOfSatisfying(VirtException.class, e -> assertThat(e.code())
                            .isEqualTo(ErrorCode.BLOCK_COPY_ACTIVE));
            d.blockJobAbort("vda", Set.of());
            assertThat(nextPair(f)).isEqualTo("COPY/CANCELED " + top);
            assertThat(chainXml(d)).doesNotContain("<mirror").contains("<source file='" + top + "' index='1'/>");
            assertThat(nodeNames(d)).doesNotContain("libvirt-4-format");

            d.blockCopy("vda", "<disk type='file'><driver type='qcow2'/><source file='" + copy + "'/></disk>", null,
                    Set.of());
            assertThat(nextPair(f)).isEqualTo("COPY/READY " + top);
            assertThat(chainXml(d)).contains("<mirror type='file' file='" + copy + "' format='qcow2' job='copy' "
                    + "ready='yes'>\n        <format type='qcow2'/>\n        <source file='" + copy + "' index='5'/>\n"
                    + "        <backingStore/>\n      </mirror>\n");
            d.blockJobAbort("vda", EnumSet.of(DomainBlockJobAbortFlag.PIVOT, DomainBlockJobAbortFlag.ASYNC));
            assertThat(nextPair(f)).isEqualTo("COPY/COMPLETED " + copy);
            assertThat(chainXml(d)).contains("<source file='" + copy + "' index='5'/>\n      <backingStore/>\n")
                    .doesNotContain("<mirror");
            assertThat(backingFile(copy)).isNull();
            assertThat(QemuImages.info(copy).path("virtual-size").asLong()).isEqualTo(16 << 20);
            assertThat(nodeNames(d)).contains("libvirt-5-format").doesNotContain("libvirt-1-format",
                    "libvirt-2-format", "libvirt-3-format");
            d.destroy();
        }
    }
}
