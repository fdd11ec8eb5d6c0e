package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jvirt.api.Domain;
import org.jvirt.api.DomainState;
import org.jvirt.api.DomainStatsRecord;
import org.jvirt.api.DomainStatsType;
import org.jvirt.api.GetAllDomainStatsFlag;
import org.jvirt.api.TypedParameters;
import org.jvirt.api.VirFlag;

/** virConnectGetAllDomainStats of the test driver: the state and IOThread groups. */
final class DomainStats {
    static final int SUPPORTED = DomainStatsType.STATE.value() | DomainStatsType.IOTHREAD.value();

    private DomainStats() {
    }

    private static int check(Set<DomainStatsType> stats, Set<GetAllDomainStatsFlag> flags) {
        int want = VirFlag.toBits(stats);
        if (flags.contains(GetAllDomainStatsFlag.ENFORCE_STATS) && (want & ~SUPPORTED) != 0) {
            throw Errors.argUnsupported("Stats types bits 0x" + Integer.toHexString(want & ~SUPPORTED)
                    + " are not supported by this daemon");
        }
        return want == 0 ? SUPPORTED : want & SUPPORTED;
    }

    static List<DomainStatsRecord> all(TestConnect conn, Set<DomainStatsType> stats,
            Set<GetAllDomainStatsFlag> flags) {
        int want = check(stats, flags);
        List<DomainStatsRecord> out = new ArrayList<>();
        for (TestDomainObj o : conn.state.all()) {
            if (matches(o, flags)) {
                out.add(new DomainStatsRecord(conn.handle(o), of(o, want)));
            }
        }
        return out;
    }

    static List<DomainStatsRecord> of(TestConnect conn, List<Domain> domains, Set<DomainStatsType> stats,
            Set<GetAllDomainStatsFlag> flags) {
        int want = check(stats, flags);
        List<DomainStatsRecord> out = new ArrayList<>();
        for (Domain d : domains) {
            TestDomainObj o = conn.state.byUuid(d.getUUID());
            if (o != null && matches(o, flags)) {
                out.add(new DomainStatsRecord(conn.handle(o), of(o, want)));
            }
        }
        return out;
    }

    private static boolean matches(TestDomainObj o, Set<GetAllDomainStatsFlag> f) {
        boolean ok = true;
        if (f.contains(GetAllDomainStatsFlag.ACTIVE) || f.contains(GetAllDomainStatsFlag.INACTIVE)) {
            ok &= f.contains(GetAllDomainStatsFlag.ACTIVE) && o.isActive()
                    || f.contains(GetAllDomainStatsFlag.INACTIVE) && !o.isActive();
        }
        if (f.contains(GetAllDomainStatsFlag.PERSISTENT) || f.contains(GetAllDomainStatsFlag.TRANSIENT)) {
            ok &= f.contains(GetAllDomainStatsFlag.PERSISTENT) && o.persistent
                    || f.contains(GetAllDomainStatsFlag.TRANSIENT) && !o.persistent;
        }
        if (f.contains(GetAllDomainStatsFlag.RUNNING) || f.contains(GetAllDomainStatsFlag.PAUSED)
                || f.contains(GetAllDomainStatsFlag.SHUTOFF) || f.contains(GetAllDomainStatsFlag.OTHER)) {
            DomainState s = o.state;
            ok &= f.contains(GetAllDomainStatsFlag.RUNNING) && s == DomainState.RUNNING
                    || f.contains(GetAllDomainStatsFlag.PAUSED) && s == DomainState.PAUSED
                    || f.contains(GetAllDomainStatsFlag.SHUTOFF) && s == DomainState.SHUTOFF
                    || f.contains(GetAllDomainStatsFlag.OTHER) && s != DomainState.RUNNING
                            && s != DomainState.PAUSED && s != DomainState.SHUTOFF;
        }
        return ok;
    }

    private static TypedParameters of(TestDomainObj o, int want) {
        TypedParameters.Builder b = TypedParameters.builder();
        if ((want & DomainStatsType.STATE.value()) != 0) {
            b.addInt("state.state", o.state.value()).addInt("state.reason", o.reason);
        }
        if ((want & DomainStatsType.IOTHREAD.value()) != 0 && o.isActive() && o.def.iothreadids != null
                && !o.def.iothreadids.iothreads.isEmpty()) {
            b.addUInt("iothread.count", o.def.iothreadids.iothreads.size());
            for (var t : o.def.iothreadids.iothreads) {
                int id = Integer.parseInt(t.id);
                long[] poll = o.iothreadPoll.getOrDefault(id,
                        new long[] {DomainResources.DEFAULT_POLL_MAX_NS, 0, 0});
                String p = "iothread." + id + ".";
                b.addULLong(p + "poll-max-ns", poll[0]).addUInt(p + "poll-grow", poll[1])
                        .addUInt(p + "poll-shrink", poll[2]);
            }
        }
        return b.build();
    }

}
