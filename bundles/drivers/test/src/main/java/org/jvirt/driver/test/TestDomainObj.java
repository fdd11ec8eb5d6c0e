package org.jvirt.driver.test;

import org.jvirt.api.DomainState;
import org.jvirt.conf.domain.DomainDef;

/** One domain of a test state (libvirt's virDomainObj); guarded by its state's lock. */
final class TestDomainObj {
    /** The running definition, or the only one while shut off. */
    DomainDef def;
    /** The persistent definition while the domain runs, when it has one. */
    DomainDef newDef;
    DomainState state = DomainState.SHUTOFF;
    int reason;
    boolean persistent;
    boolean autostart;
    boolean hasManagedSave;
    /** What its configuration taints, and its deprecated settings: virDomainGetMessages's answers. */
    final java.util.EnumSet<Taint> taints = java.util.EnumSet.noneOf(Taint.class);
    final java.util.List<String> deprecations = new java.util.ArrayList<>();
    /** The guest clock (testDomainGetTime), which also drives the fake control state. */
    long seconds = DomainGuest.EPOCH_SECONDS;
    int nseconds;
    /** Whether "/" and "/boot" are frozen. */
    final boolean[] frozen = new boolean[2];
    /** Poll settings of the running IOThreads, by id: max-ns, grow, shrink. */
    final java.util.Map<Integer, long[]> iothreadPoll = new java.util.TreeMap<>();
    final Moments<org.jvirt.conf.snapshot.DomainSnapshotDef> snapshots = new Moments<>();
    final Moments<org.jvirt.conf.snapshot.DomainCheckpointDef> checkpoints = new Moments<>();

    TestDomainObj(DomainDef def) {
        this.def = def;
    }

    boolean isActive() {
        return def.id != -1;
    }

    void setState(DomainState s, int r) {
        state = s;
        reason = r;
    }
}
