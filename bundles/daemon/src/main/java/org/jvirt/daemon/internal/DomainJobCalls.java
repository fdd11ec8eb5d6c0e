package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.ArrayList;
import java.util.List;
import org.jvirt.api.Domain;
import org.jvirt.api.DomainAbortJobFlag;
import org.jvirt.api.DomainBackupBeginFlag;
import org.jvirt.api.DomainDirtyRateCalcFlag;
import org.jvirt.api.DomainGetJobStatsFlag;
import org.jvirt.api.DomainJobInfo;
import org.jvirt.api.DomainJobStats;
import org.jvirt.api.DomainMigrateMaxSpeedFlag;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.DomainStatsType;
import org.jvirt.api.GetAllDomainStatsFlag;

/**
 * Jobs (their progress, aborting them, backups, dirty-rate measurement), the migration tunables, and statistics of
 * many domains at once. The migration steps themselves (MIGRATE_PREPARE, _PERFORM …) are driver-to-driver calls
 * the API does not have: they stay unsupported.
 */
final class DomainJobCalls {
    private DomainJobCalls() {
    }

    static void register(DispatchTable t) {
        t.on(DOMAIN_GET_JOB_INFO, (c, a) -> {
            DomainJobInfo j = c.dom(a.dom()).getJobInfo();
            return new DomainGetJobInfoRet(j.type().value(), j.timeElapsed(), j.timeRemaining(), j.dataTotal(),
                    j.dataProcessed(), j.dataRemaining(), j.memTotal(), j.memProcessed(), j.memRemaining(),
                    j.fileTotal(), j.fileProcessed(), j.fileRemaining());
        });
        t.on(DOMAIN_GET_JOB_STATS, (c, a) -> {
            DomainJobStats s = c.dom(a.dom()).getJobStats(c.flags(DomainGetJobStatsFlag.class, a.flags()));
            return new DomainGetJobStatsRet(s.type().value(), Wire.params(s.params()));
        });
        t.on(DOMAIN_ABORT_JOB, (c, a) -> {
            c.dom(a.dom()).abortJob();
            return null;
        });
        t.on(DOMAIN_ABORT_JOB_FLAGS, (c, a) -> {
            c.dom(a.dom()).abortJob(c.flags(DomainAbortJobFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_BACKUP_BEGIN, (c, a) -> {
            c.dom(a.dom()).backupBegin(a.backupXml(), a.checkpointXml(), c.flags(DomainBackupBeginFlag.class,
                    a.flags()));
            return null;
        });
        t.on(DOMAIN_BACKUP_GET_XML_DESC, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainBackupGetXmlDescRet(c.dom(a.dom()).backupGetXMLDesc());
        });
        t.on(DOMAIN_START_DIRTY_RATE_CALC, (c, a) -> {
            c.dom(a.dom()).startDirtyRateCalc(a.seconds(), c.flags(DomainDirtyRateCalcFlag.class, a.flags()));
            return null;
        });

        t.on(DOMAIN_MIGRATE_GET_MAX_DOWNTIME, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainMigrateGetMaxDowntimeRet(c.dom(a.dom()).migrateGetMaxDowntime());
        });
        t.on(DOMAIN_MIGRATE_SET_MAX_DOWNTIME, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).migrateSetMaxDowntime(a.downtime());
            return null;
        });
        t.on(DOMAIN_MIGRATE_GET_COMPRESSION_CACHE, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainMigrateGetCompressionCacheRet(c.dom(a.dom()).migrateGetCompressionCache());
        });
        t.on(DOMAIN_MIGRATE_SET_COMPRESSION_CACHE, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).migrateSetCompressionCache(a.cacheSize());
            return null;
        });
        t.on(DOMAIN_MIGRATE_GET_MAX_SPEED, (c, a) -> new DomainMigrateGetMaxSpeedRet(c.dom(a.dom()).migrateGetMaxSpeed(
                c.flags(DomainMigrateMaxSpeedFlag.class, a.flags()))));
        t.on(DOMAIN_MIGRATE_SET_MAX_SPEED, (c, a) -> {
            c.dom(a.dom()).migrateSetMaxSpeed(a.bandwidth(), c.flags(DomainMigrateMaxSpeedFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_MIGRATE_START_POST_COPY, (c, a) -> {
            c.noFlags(a.flags());
            c.dom(a.dom()).migrateStartPostCopy();
            return null;
        });

        t.on(CONNECT_GET_ALL_DOMAIN_STATS, (c, a) -> {
            var stats = c.flags(DomainStatsType.class, a.stats());
            var flags = c.flags(GetAllDomainStatsFlag.class, a.flags());
            List<DomainStatsRecord> records;
            if (a.doms().isEmpty()) {
                records = c.conn().getAllDomainStats(stats, flags);
            } else {
                List<Domain> doms = new ArrayList<>(a.doms().size());
                for (NonnullDomain d : a.doms()) {
                    doms.add(c.dom(d));
                }
                records = c.conn().domainListGetStats(doms, stats, flags);
            }
            return new ConnectGetAllDomainStatsRet(Wire.map(records, r -> new org.jvirt.rpc.remote.RemoteProtocol.DomainStatsRecord(
                    Wire.dom(r.domain()), Wire.params(r.params()))));
        });
    }
}
