package org.jvirt.driver.test;

import java.util.Set;

import org.jvirt.api.DomainState;
import org.jvirt.api.ListDomainsFlag;

/** virConnectListAllDomains' filter groups (virDomainObjListExport): a group applies when one of its flags is set. */
final class DomainFilter {
    private DomainFilter() {
    }

    static boolean matches(TestDomainObj o, Set<ListDomainsFlag> f) {
        return group(f, ListDomainsFlag.ACTIVE, o.isActive(), ListDomainsFlag.INACTIVE, !o.isActive())
                && group(f, ListDomainsFlag.PERSISTENT, o.persistent, ListDomainsFlag.TRANSIENT, !o.persistent)
                && state(o, f)
                && group(f, ListDomainsFlag.MANAGEDSAVE, o.hasManagedSave, ListDomainsFlag.NO_MANAGEDSAVE,
                        !o.hasManagedSave)
                && group(f, ListDomainsFlag.AUTOSTART, o.autostart, ListDomainsFlag.NO_AUTOSTART, !o.autostart)
                && group(f, ListDomainsFlag.HAS_SNAPSHOT, o.snapshots.size() > 0, ListDomainsFlag.NO_SNAPSHOT,
                        o.snapshots.size() == 0)
                && group(f, ListDomainsFlag.HAS_CHECKPOINT, o.checkpoints.size() > 0,
                        ListDomainsFlag.NO_CHECKPOINT, o.checkpoints.size() == 0);
    }

    private static boolean group(Set<ListDomainsFlag> f, ListDomainsFlag a, boolean ca, ListDomainsFlag b,
            boolean cb) {
        if (!f.contains(a) && !f.contains(b)) {
            return true;
        }
        return (f.contains(a) && ca) || (f.contains(b) && cb);
    }

    private static boolean state(TestDomainObj o, Set<ListDomainsFlag> f) {
        boolean any = f.contains(ListDomainsFlag.RUNNING) || f.contains(ListDomainsFlag.PAUSED)
                || f.contains(ListDomainsFlag.SHUTOFF) || f.contains(ListDomainsFlag.OTHER);
        if (!any) {
            return true;
        }
        DomainState s = o.state;
        return (f.contains(ListDomainsFlag.RUNNING) && s == DomainState.RUNNING)
                || (f.contains(ListDomainsFlag.PAUSED) && s == DomainState.PAUSED)
                || (f.contains(ListDomainsFlag.SHUTOFF) && s == DomainState.SHUTOFF)
                || (f.contains(ListDomainsFlag.OTHER) && s != DomainState.RUNNING && s != DomainState.PAUSED
                        && s != DomainState.SHUTOFF);
    }
}
