package org.jvirt.driver.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainAffect;
import org.jvirt.api.DomainControlState;
import org.jvirt.api.DomainGetHostnameFlag;
import org.jvirt.api.DomainMemoryStat;
import org.jvirt.api.DomainMemoryStatTag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.TypedParameter;
import org.jvirt.api.VcpuInfo;
import org.jvirt.api.VirtException;
import org.jvirt.util.CpuSets;

/**
 * What virsh vcpuinfo, vcpupin, emulatorpin, iothreadinfo, dommemstat, domblkerror, domifstat, domcontrol, perf,
 * numatune and the guest agent's commands get from a real guest, with the answers libvirt 9.0's QEMU driver gave on
 * this host for the same guest (a session daemon; the peer comparison is in the commit that added these calls).
 */
class QemuGuestQueriesTest {
    @TempDir
    Path home;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    private static final String DEVICES = "<interface type='user'><mac address='52:54:00:11:22:33'/>"
            + "<model type='virtio'/></interface>";

    @Test
    void placementCountersAndTheAbsentAgent() throws Exception {
        try (QemuFixture f = new QemuFixture(home)) {
            int host = f.conn.nodeInfo().cpus();
            BitSet all = CpuSets.all(host);
            // I/O threads and pinning are defined but not yet started by jvirt: a definition alone answers for them
            Domain withThreads = f.conn.domainDefineXML(QemuFixture.xml("q0").replace("<vcpu>1</vcpu>",
                    "<vcpu placement='static'>2</vcpu><iothreads>1</iothreads>"
                            + "<cputune><vcpupin vcpu='1' cpuset='0'/><emulatorpin cpuset='0'/></cputune>"));
            assertThat(withThreads.getVcpuPinInfo(Set.of())).containsExactly(all, CpuSets.parse("0"));
            assertThat(withThreads.getEmulatorPinInfo(Set.of())).contains(CpuSets.parse("0"));
            assertThat(withThreads.getIOThreadInfo(Set.of())).singleElement().satisfies(t -> {
                assertThat(t.iothreadId()).isEqualTo(1);
                assertThat(t.cpumap()).isEqualTo(all);
            });
            assertThat(f.conn.domainDefineXML(QemuFixture.xml("q00")).getIOThreadInfo(Set.of())).isEmpty();

            Domain d = f.conn.domainDefineXML(QemuFixture.xml("q1", DEVICES).replace("<vcpu>1</vcpu>",
                    "<vcpu placement='static'>2</vcpu>"));

            // shut off: the definition answers placement; the running-only calls refuse
            assertThat(d.getVcpuPinInfo(Set.of())).containsExactly(all, all);
            assertThat(d.getEmulatorPinInfo(Set.of())).contains(all);
            assertThat(error(d::getVcpus).getMessage())
                    .isEqualTo("Requested operation is not valid: cannot list vcpu pinning for an inactive domain");
            assertThat(error(d::memoryStats).getMessage())
                    .isEqualTo("Requested operation is not valid: domain is not running");
            assertThat(error(d::getControlInfo).code()).isEqualTo(ErrorCode.OPERATION_INVALID);
            assertThat(error(d::getTime).getMessage())
                    .isEqualTo("Requested operation is not valid: domain is not running");

            d.create();
            List<VcpuInfo> vcpus = d.getVcpus();
            assertThat(vcpus).extracting(VcpuInfo::number).containsExactly(0, 1);
            assertThat(vcpus).allSatisfy(v -> {
                assertThat(v.cpu()).isBetween(0, host - 1);
                assertThat(v.cpumap().cardinality()).isPositive();
            });
            assertThat(d.getVcpuPinInfo(Set.of(DomainAffect.LIVE))).hasSize(2);

            List<DomainMemoryStat> mem = d.memoryStats();
            assertThat(mem).extracting(DomainMemoryStat::tag).containsExactly(DomainMemoryStatTag.ACTUAL_BALLOON,
                    DomainMemoryStatTag.LAST_UPDATE, DomainMemoryStatTag.RSS);
            assertThat(mem.get(0).value()).isEqualTo(32 * 1024);
            assertThat(mem.get(1).value()).isZero(); // the guest has no balloon driver that reports
            assertThat(mem.get(2).value()).isPositive();

            assertThat(d.getDiskErrors()).isEmpty();
            assertThat(error(() -> d.getBlockInfo("vdz")).getMessage())
                    .isEqualTo("invalid argument: invalid path vdz not assigned to domain");
            assertThat(error(() -> d.interfaceStats("vnet0")).getMessage())
                    .isEqualTo("invalid argument: 'vnet0' is not a known interface");
            assertThat(error(() -> d.interfaceStats("52:54:00:11:22:33")).getMessage())
                    .isEqualTo("internal error: Interface name not provided");
            assertThat(d.getControlInfo().state()).isEqualTo(DomainControlState.OK);
            assertThat(d.getPerfEvents(Set.of())).hasSize(22).allSatisfy(p -> assertThat(p.value()).isEqualTo(false));
            assertThat(d.getNumaParameters(Set.of())).extracting(TypedParameter::value).containsExactly(0, "");
            assertThat(d.getLaunchSecurityInfo()).isEmpty();
            d.startDirtyRateCalc(1, Set.of());

            VirtException agent = error(d::getTime);
            assertThat(agent.code()).isEqualTo(ErrorCode.ARGUMENT_UNSUPPORTED);
            assertThat(agent.getMessage()).isEqualTo("argument unsupported: QEMU guest agent is not configured");
            assertThat(error(() -> d.getHostname(Set.of())).getMessage()).isEqualTo(agent.getMessage());
            assertThat(error(() -> d.authorizedSSHKeysGet("root")).getMessage()).isEqualTo(agent.getMessage());
            assertThat(error(() -> d.getHostname(Set.of(DomainGetHostnameFlag.LEASE))).getMessage())
                    .isEqualTo("no hostname found: no hostname found for domain q1");
            assertThat(error(() -> d.startDirtyRateCalc(0, Set.of())).getMessage())
                    .isEqualTo("invalid argument: seconds=0 is invalid, please choose value within [1, 60].");
            d.destroy(Set.of());
        }
    }

    private static VirtException error(Runnable r) {
        VirtException e = catchThrowableOfType(r::run, VirtException.class);
        assertThat(e).isNotNull();
        return e;
    }

    private static VirtException error(java.util.concurrent.Callable<?> c) {
        return error(() -> {
            try {
                c.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
