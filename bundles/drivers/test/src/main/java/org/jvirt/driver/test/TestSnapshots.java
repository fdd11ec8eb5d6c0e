package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.DomainState;
import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.PausedReason;
import org.jvirt.api.RunningReason;
import org.jvirt.api.ShutoffReason;
import org.jvirt.api.VirtException;
import org.jvirt.api.event.LifecycleEventType;
import org.jvirt.api.event.StartedDetail;
import org.jvirt.api.event.StoppedDetail;
import org.jvirt.api.event.SuspendedDetail;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.XmlDocuments;
import org.jvirt.conf.XmlSchemas;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.snapshot.DomainSnapshotDef;

/** Snapshots of test domains (libvirt's testDomainSnapshot* functions): metadata only, the domain's XML kept. */
final class TestSnapshots {
    static final int REDEFINE = 1;
    static final int CURRENT = 2;
    static final int HALT = 8;
    /** VIR_DOMAIN_SNAPSHOT_CREATE_VALIDATE: the document is checked against domainsnapshot.rng first. */
    static final int VALIDATE = 512;
    static final int REVERT_RUNNING = 1;
    static final int REVERT_PAUSED = 2;
    static final int REVERT_FORCE = 4;
    static final int DELETE_CHILDREN = 1;
    static final int DELETE_CHILDREN_ONLY = 4;

    private TestSnapshots() {
    }

    static Moments.Moment<DomainSnapshotDef> find(TestDomainObj o, String name) {
        Moments.Moment<DomainSnapshotDef> m = o.snapshots.get(name);
        if (m == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.TEST,
                    "no domain snapshot with matching name '" + name + "'");
        }
        return m;
    }

    static String create(TestState state, TestDomainObj o, String xml, int flags) {
        Flags.check("testDomainSnapshotCreateXML", flags, REDEFINE | CURRENT | HALT | 64 | 128 | 256 | VALIDATE);
        boolean redefine = (flags & REDEFINE) != 0;
        if (o.checkpoints.size() > 0) {
            throw Errors.unsupported("cannot create snapshot while checkpoint exists");
        }
        if (!o.persistent && (flags & HALT) != 0) {
            throw Errors.invalid("cannot halt after transient domain snapshot");
        }
        if ((flags & VALIDATE) != 0) {
            XmlSchemas.validate(xml, XmlDocuments.Kind.SNAPSHOT);
        }
        DomainSnapshotDef def = XmlDocuments.parse(xml, DomainSnapshotDef.class);
        if (def.name == null) {
            if (redefine) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                        "a redefined snapshot must have a name");
            }
            def.name = Long.toString(System.currentTimeMillis() / 1000);
        }
        if (!redefine) {
            def.creationTime = Long.toString(System.currentTimeMillis() / 1000);
        }
        Moments.Moment<DomainSnapshotDef> existing = o.snapshots.get(def.name);
        if (existing != null && !redefine) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain moment " + def.name + " already exists");
        }
        String parent;
        if (redefine) {
            parent = def.parent == null ? null : def.parent.name;
            if (existing != null) {
                o.snapshots.remove(def.name);
            }
        } else {
            DomainDef dom = DomainXml.copy(o.def, TestState.PARSE);
            dom.id = -1;
            def.domain = dom;
            align(o, def);
            Moments.Moment<DomainSnapshotDef> cur = o.snapshots.current();
            parent = cur == null ? null : cur.name;
        }
        def.parent = null;
        o.snapshots.add(new Moments.Moment<>(def.name, def, parent));
        if (!redefine && (flags & HALT) != 0 && o.isActive()) {
            state.shutdownState(o, ShutoffReason.FROM_SNAPSHOT.value());
            state.emit(o, LifecycleEventType.STOPPED, StoppedDetail.FROM_SNAPSHOT.value());
        }
        if (!redefine || (flags & CURRENT) != 0) {
            o.snapshots.setCurrent(def.name);
        }
        return def.name;
    }

    /** virDomainSnapshotAlignDisks for the test driver: internal snapshots, memory while running. */
    private static void align(TestDomainObj o, DomainSnapshotDef def) {
        def.state = o.state.libvirtName().substring("VIR_DOMAIN_".length()).toLowerCase();
        boolean external = def.memory != null && "external".equals(def.memory.snapshot);
        if (!external) {
            def.memory = new DomainSnapshotDef.Memory();
            def.memory.snapshot = o.state == DomainState.SHUTOFF ? "no" : "internal";
        }
        String location = external ? "external" : "internal";
        DomainSnapshotDef.Disks given = def.disks;
        DomainSnapshotDef.Disks disks = new DomainSnapshotDef.Disks();
        for (DiskDef d : def.domain.devices().disks) {
            String dst = d.target.dev;
            DomainSnapshotDef.Disks.Disk entry = null;
            if (given != null) {
                for (DomainSnapshotDef.Disks.Disk g : given.disks) {
                    if (dst.equals(g.name)) {
                        entry = g;
                    }
                }
            }
            if (entry == null) {
                entry = new DomainSnapshotDef.Disks.Disk();
                entry.name = dst;
                boolean empty = d.source == null || d.source.file == null && d.source.dev == null
                        && d.source.name == null && d.source.volume == null && d.source.dir == null;
                entry.snapshot = empty || d.readonly != null ? "no" : location;
            }
            disks.disks.add(entry);
        }
        def.disks = disks;
    }

    static String xml(TestDomainObj o, String name) {
        DomainSnapshotDef def = find(o, name).def;
        Moments.Moment<DomainSnapshotDef> m = o.snapshots.get(name);
        DomainSnapshotDef out = def;
        if (m.parent != null) {
            out.parent = new DomainSnapshotDef.Parent();
            out.parent.name = m.parent;
        }
        try {
            return XmlDocuments.format(out, EnumSet.of(DomainXMLFlag.SECURE, DomainXMLFlag.INACTIVE));
        } finally {
            out.parent = null;
        }
    }

    /** The snapshots under {@code from} (or all, or the roots) that pass {@code flags}' filters. */
    static List<String> list(TestDomainObj o, String from, int flags) {
        List<Moments.Moment<DomainSnapshotDef>> pick;
        boolean deep = (flags & 1) != 0;
        if (from == null) {
            pick = deep ? o.snapshots.children(null) : o.snapshots.descendants(null);
        } else {
            pick = deep ? o.snapshots.descendants(from) : o.snapshots.children(from);
        }
        List<String> out = new ArrayList<>();
        for (Moments.Moment<DomainSnapshotDef> m : pick) {
            if (passes(o, m, flags)) {
                out.add(m.name);
            }
        }
        return out;
    }

    private static boolean passes(TestDomainObj o, Moments.Moment<DomainSnapshotDef> m, int flags) {
        boolean leaf = o.snapshots.isLeaf(m.name);
        if ((flags & (4 | 8)) != 0 && !((flags & 4) != 0 && leaf || (flags & 8) != 0 && !leaf)) {
            return false;
        }
        if ((flags & (2 | 16)) != 0 && (flags & 2) == 0) {
            return false;
        }
        String st = m.def.state;
        boolean inactive = "shutoff".equals(st);
        boolean diskOnly = "disk-snapshot".equals(st);
        if ((flags & (32 | 64 | 128)) != 0 && !((flags & 32) != 0 && inactive || (flags & 128) != 0 && diskOnly
                || (flags & 64) != 0 && !inactive && !diskOnly)) {
            return false;
        }
        boolean external = m.def.memory != null && "external".equals(m.def.memory.snapshot)
                || m.def.disks != null && m.def.disks.disks.stream().anyMatch(d -> "external".equals(d.snapshot));
        return (flags & (256 | 512)) == 0 || (flags & 256) != 0 && !external || (flags & 512) != 0 && external;
    }

    static void delete(TestDomainObj o, String name, int flags) {
        Flags.check("testDomainSnapshotDelete", flags, DELETE_CHILDREN | DELETE_CHILDREN_ONLY);
        Moments.Moment<DomainSnapshotDef> snap = find(o, name);
        Moments.Moment<DomainSnapshotDef> cur = o.snapshots.current();
        if ((flags & (DELETE_CHILDREN | DELETE_CHILDREN_ONLY)) != 0) {
            boolean wasCurrent = false;
            for (Moments.Moment<DomainSnapshotDef> d : o.snapshots.descendants(name)) {
                wasCurrent |= cur != null && cur.name.equals(d.name);
                o.snapshots.remove(d.name);
            }
            if (wasCurrent) {
                o.snapshots.setCurrent(name);
            }
        } else {
            for (Moments.Moment<DomainSnapshotDef> c : o.snapshots.children(name)) {
                c.parent = snap.parent;
            }
        }
        if ((flags & DELETE_CHILDREN_ONLY) == 0) {
            boolean wasCurrent = o.snapshots.current() == snap;
            o.snapshots.remove(name);
            if (wasCurrent) {
                o.snapshots.setCurrent(snap.parent != null && o.snapshots.get(snap.parent) != null ? snap.parent
                        : null);
            }
        }
    }

    /** testDomainRevertToSnapshot, with its state transitions and their events. */
    static void revert(TestState state, TestDomainObj o, String name, int flags) {
        Flags.check("testDomainRevertToSnapshot", flags, REVERT_RUNNING | REVERT_PAUSED | REVERT_FORCE);
        Moments.Moment<DomainSnapshotDef> snap = find(o, name);
        DomainSnapshotDef sd = snap.def;
        boolean snapLive = "running".equals(sd.state) || "paused".equals(sd.state);
        boolean runOrPause = (flags & (REVERT_RUNNING | REVERT_PAUSED)) != 0;
        if (!o.persistent && !snapLive && !runOrPause) {
            throw Errors.invalid("transient domain needs to request run or pause to revert to inactive snapshot");
        }
        if ((flags & REVERT_FORCE) == 0) {
            if (sd.domain == null) {
                throw new VirtException(ErrorCode.SNAPSHOT_REVERT_RISKY, ErrorDomain.TEST,
                        "snapshot '" + name + "' lacks domain '" + o.def.name + "' rollback info");
            }
            if (o.isActive() && !snapLive && runOrPause) {
                throw new VirtException(ErrorCode.SNAPSHOT_REVERT_RISKY, ErrorDomain.TEST,
                        "must respawn guest to start inactive snapshot");
            }
        }
        o.snapshots.setCurrent(null);
        DomainDef config = DomainXml.copy(sd.domain, TestState.PARSE);
        config.id = -1;
        int[] event = null;
        int[] event2 = null;
        if (snapLive) {
            boolean wasRunning = false;
            boolean wasStopped = false;
            if (o.isActive()) {
                // libvirt 9.0's test driver finds the running definition never ABI-stable with the snapshot's:
                // it stops the domain and starts it again from the snapshot
                state.shutdownState(o, ShutoffReason.FROM_SNAPSHOT.value());
                emit(state, o, new int[] {LifecycleEventType.STOPPED.value(), StoppedDetail.FROM_SNAPSHOT.value()});
            }
            if (false) {
                wasRunning = true;
            } else {
                wasStopped = true;
                o.def = config;
                state.startState(o, RunningReason.FROM_SNAPSHOT.value());
                event = new int[] {LifecycleEventType.STARTED.value(), StartedDetail.FROM_SNAPSHOT.value()};
            }
            if ((flags & REVERT_RUNNING) == 0 && ("paused".equals(sd.state) || (flags & REVERT_PAUSED) != 0)) {
                o.setState(DomainState.PAUSED, PausedReason.FROM_SNAPSHOT.value());
                if (wasStopped) {
                    event2 = new int[] {LifecycleEventType.SUSPENDED.value(), SuspendedDetail.FROM_SNAPSHOT.value()};
                }
            } else {
                event = null;
                if (wasStopped) {
                    event = new int[] {LifecycleEventType.STARTED.value(), StartedDetail.FROM_SNAPSHOT.value()};
                } else if (wasRunning) {
                    // libvirt passes the event type RESUMED as the detail here
                    event = new int[] {LifecycleEventType.RESUMED.value(), LifecycleEventType.RESUMED.value()};
                }
            }
        } else {
            if (o.isActive()) {
                o.newDef = config;
                state.shutdownState(o, ShutoffReason.FROM_SNAPSHOT.value());
                event = new int[] {LifecycleEventType.STOPPED.value(), StoppedDetail.FROM_SNAPSHOT.value()};
            } else {
                o.def = config;
            }
            if (runOrPause) {
                if (event != null) {
                    emit(state, o, event);
                }
                event = new int[] {LifecycleEventType.STARTED.value(), StartedDetail.FROM_SNAPSHOT.value()};
                if ((flags & REVERT_PAUSED) != 0) {
                    event2 = new int[] {LifecycleEventType.SUSPENDED.value(), SuspendedDetail.FROM_SNAPSHOT.value()};
                }
            }
        }
        o.snapshots.setCurrent(name);
        if (event != null) {
            emit(state, o, event);
            if (event2 != null) {
                emit(state, o, event2);
            }
        }
    }

    private static void emit(TestState state, TestDomainObj o, int[] e) {
        state.emit(o, LifecycleEventType.fromValue(e[0]), e[1]);
    }
}
