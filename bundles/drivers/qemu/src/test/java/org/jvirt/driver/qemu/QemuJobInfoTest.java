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
import org.jvirt.api.DomainCoreDumpFlag;
import org.jvirt.api.DomainGetJobStatsFlag;
import org.jvirt.api.DomainJobInfo;
import org.jvirt.api.DomainJobOperation;
import org.jvirt.api.DomainJobStats;
import org.jvirt.api.DomainJobType;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirtException;

/** getJobInfo, getJobStats (current and completed) and abortJob around a dump and a save of a real QEMU. */
class QemuJobInfoTest {
    @TempDir
    Path home;
    @TempDir
    Path dir;

    @BeforeEach
    void needsQemu() {
        RealQemu.emulator();
    }

    @Test
    void jobsAreReportedAsLibvirtReportsThem() {
        try (QemuFixture f = new QemuFixture(home)) {
            Domain d = f.conn.domainDefineXML(QemuFixture.xml("jobs"));
            assertThatThrownBy(d::getJobInfo).isInstanceOfSatisfying(VirtException.class, e -> assertThat(
                    e.getMessage()).isEqualTo("Requested operation is not valid: domain is not running"));
            d.create();
            assertThat(d.getJobInfo()).isEqualTo(new DomainJobInfo(DomainJobType.NONE, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                    0));
            assertThat(d.getJobStats(Set.of())).isEqualTo(new DomainJobStats(DomainJobType.NONE,
                    TypedParameters.empty()));
            assertThat(d.getJobStats(EnumSet.of(DomainGetJobStatsFlag.COMPLETED)).type())
                    .as("nothing completed yet").isEqualTo(DomainJobType.NONE);
            assertThatThrownBy(d::abortJob).isInstanceOfSatisfying(VirtException.class, e -> assertThat(
                    e.getMessage()).isEqualTo("Requested operation is not valid: no job is active on the domain"));

            d.coreDump(dir.resolve("mem.core").toString(), EnumSet.of(DomainCoreDumpFlag.MEMORY_ONLY));
            DomainJobStats dump = d.getJobStats(EnumSet.of(DomainGetJobStatsFlag.COMPLETED,
                    DomainGetJobStatsFlag.KEEP_COMPLETED));
            assertThat(dump.type()).isEqualTo(DomainJobType.COMPLETED);
            assertThat(dump.params().getInt(TypedParamFields.DOMAIN_JOB_OPERATION).getAsInt())
                    .isEqualTo(DomainJobOperation.DUMP.value());
            assertThat(dump.params().getULLong(TypedParamFields.DOMAIN_JOB_MEMORY_TOTAL).getAsLong())
                    .as("the guest's 32 MiB").isGreaterThanOrEqualTo(32L << 20);
            assertThat(dump.params().getULLong(TypedParamFields.DOMAIN_JOB_MEMORY_REMAINING).getAsLong()).isZero();
            assertThat(dump.params().contains(TypedParamFields.DOMAIN_JOB_TIME_ELAPSED)).isTrue();
            assertThat(d.getJobStats(EnumSet.of(DomainGetJobStatsFlag.COMPLETED))).as("kept").isEqualTo(dump);
            assertThat(d.getJobStats(EnumSet.of(DomainGetJobStatsFlag.COMPLETED)).type())
                    .as("read without KEEP_COMPLETED, it is gone").isEqualTo(DomainJobType.NONE);
            assertThat(d.getJobInfo().type()).isEqualTo(DomainJobType.NONE);

            d.save(dir.resolve("jobs.save").toString());
            DomainJobStats save = d.getJobStats(EnumSet.of(DomainGetJobStatsFlag.COMPLETED));
            assertThat(save.type()).isEqualTo(DomainJobType.COMPLETED);
            assertThat(save.params().getInt(TypedParamFields.DOMAIN_JOB_OPERATION).getAsInt())
                    .isEqualTo(DomainJobOperation.SAVE.value());
            long total = save.params().getULLong(TypedParamFields.DOMAIN_JOB_MEMORY_TOTAL).getAsLong();
            assertThat(total).isGreaterThanOrEqualTo(32L << 20);
            assertThat(save.params().getULLong(TypedParamFields.DOMAIN_JOB_DATA_TOTAL).getAsLong()).isEqualTo(total);
        }
    }
}
