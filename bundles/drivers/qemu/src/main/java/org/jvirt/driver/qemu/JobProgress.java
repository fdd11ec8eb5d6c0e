package org.jvirt.driver.qemu;

import com.fasterxml.jackson.databind.JsonNode;

import org.jvirt.api.DomainJobOperation;
import org.jvirt.api.DomainJobType;
import org.jvirt.api.TypedParamFields;
import org.jvirt.api.TypedParameters;

/**
 * A long job of a domain as getJobInfo and getJobStats report it (libvirt's virDomainJobData): what it does, when
 * it began and ended, how it ended, and the last progress QEMU reported for it.
 */
final class JobProgress {
    /** Where its progress comes from: QEMU's migration (save, dump), its memory dump, or nowhere. */
    enum Source { MIGRATION, MEMORY_DUMP, NONE }

    final DomainJobOperation operation;
    final Source source;
    final long startedMillis = System.currentTimeMillis();
    volatile long endedMillis = -1;
    volatile DomainJobType outcome;
    /** QEMU's last query-migrate or query-dump reply for this job. */
    volatile JsonNode last;

    JobProgress(DomainJobOperation operation, Source source) {
        this.operation = operation;
        this.source = source;
    }

    void end(boolean ok) {
        endedMillis = System.currentTimeMillis();
        outcome = ok ? DomainJobType.COMPLETED : DomainJobType.FAILED;
    }

    long elapsedMillis() {
        long end = endedMillis;
        return (end < 0 ? System.currentTimeMillis() : end) - startedMillis;
    }

    /**
     * The job's statistics (getJobStats, and the job-completed event): operation, time, and for a job QEMU reports
     * on, memory {@code m} (total, processed, remaining) and, for a migration, the same as data.
     */
    TypedParameters stats(long[] m) {
        TypedParameters.Builder b = TypedParameters.builder()
                .addInt(TypedParamFields.DOMAIN_JOB_OPERATION, operation.value())
                .addULLong(TypedParamFields.DOMAIN_JOB_TIME_ELAPSED, elapsedMillis());
        if (source != Source.NONE) {
            b.addULLong(TypedParamFields.DOMAIN_JOB_MEMORY_TOTAL, m[0])
                    .addULLong(TypedParamFields.DOMAIN_JOB_MEMORY_PROCESSED, m[1])
                    .addULLong(TypedParamFields.DOMAIN_JOB_MEMORY_REMAINING, m[2]);
            if (source == Source.MIGRATION) {
                b.addULLong(TypedParamFields.DOMAIN_JOB_DATA_TOTAL, m[0])
                        .addULLong(TypedParamFields.DOMAIN_JOB_DATA_PROCESSED, m[1])
                        .addULLong(TypedParamFields.DOMAIN_JOB_DATA_REMAINING, m[2]);
            }
        }
        return b.build();
    }

    /** Memory total, processed and remaining in bytes, from QEMU's last report (zeros without one). */
    long[] memory() {
        JsonNode r = last;
        if (r == null) {
            return new long[3];
        }
        if (source == Source.MEMORY_DUMP) {
            long total = r.path("total").asLong();
            long done = r.path("completed").asLong();
            return new long[] {total, done, Math.max(0, total - done)};
        }
        JsonNode ram = r.path("ram");
        return new long[] {ram.path("total").asLong(), ram.path("transferred").asLong(),
            ram.path("remaining").asLong()};
    }
}
