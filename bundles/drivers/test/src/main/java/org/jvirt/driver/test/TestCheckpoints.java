package org.jvirt.driver.test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.jvirt.api.DomainXMLFlag;
import org.jvirt.api.ErrorCode;
import org.jvirt.api.ErrorDomain;
import org.jvirt.api.VirtException;
import org.jvirt.conf.DomainXml;
import org.jvirt.conf.XmlDocuments;
import org.jvirt.conf.domain.DiskDef;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.snapshot.DomainCheckpointDef;

/** Checkpoints of test domains (libvirt's testDomainCheckpoint* functions): metadata only. */
final class TestCheckpoints {
    private TestCheckpoints() {
    }

    static Moments.Moment<DomainCheckpointDef> find(TestDomainObj o, String name) {
        Moments.Moment<DomainCheckpointDef> m = o.checkpoints.get(name);
        if (m == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN_CHECKPOINT, ErrorDomain.TEST,
                    "no domain checkpoint with matching name '" + name + "'");
        }
        return m;
    }

    static String create(TestDomainObj o, String xml, int flags) {
        if ((flags & 4) != 0 && (flags & 1) == 0) {
            throw VirtException.withMessage(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN_CHECKPOINT,
                    "Flag 'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE' is required by flag "
                            + "'VIR_DOMAIN_CHECKPOINT_CREATE_REDEFINE_VALIDATE'");
        }
        Flags.check("testDomainCheckpointCreateXML", flags, 1 | 2 | 4);
        boolean redefine = (flags & 1) != 0;
        if (o.snapshots.size() > 0) {
            throw Errors.unsupported("cannot create checkpoint while snapshot exists");
        }
        if (!o.isActive()) {
            throw Errors.unsupported("cannot create checkpoint for inactive domain");
        }
        DomainCheckpointDef def = XmlDocuments.parse(xml, DomainCheckpointDef.class);
        if (def.name == null) {
            if (redefine) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_CHECKPOINT,
                        "a redefined checkpoint must have a name");
            }
            def.name = Long.toString(System.currentTimeMillis() / 1000);
        }
        if (!redefine) {
            def.creationTime = Long.toString(System.currentTimeMillis() / 1000);
        }
        if (o.checkpoints.get(def.name) != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain moment " + def.name + " already exists");
        }
        String parent;
        if (redefine) {
            parent = def.parent == null ? null : def.parent.name;
        } else {
            DomainDef dom = DomainXml.copy(o.def, TestState.PARSE);
            dom.id = -1;
            def.domain = dom;
            align(def);
            Moments.Moment<DomainCheckpointDef> cur = o.checkpoints.current();
            parent = cur == null ? null : cur.name;
        }
        def.parent = null;
        o.checkpoints.add(new Moments.Moment<>(def.name, def, parent));
        if (!redefine) {
            o.checkpoints.setCurrent(def.name);
        }
        return def.name;
    }

    /** Every disk with a source gets a bitmap named after the checkpoint (virDomainCheckpointAlignDisks). */
    private static void align(DomainCheckpointDef def) {
        DomainCheckpointDef.Disks disks = new DomainCheckpointDef.Disks();
        for (DiskDef d : def.domain.devices().disks) {
            DomainCheckpointDef.Disks.Disk given = null;
            if (def.disks != null) {
                for (DomainCheckpointDef.Disks.Disk g : def.disks.disks) {
                    if (d.target.dev.equals(g.name)) {
                        given = g;
                    }
                }
            }
            DomainCheckpointDef.Disks.Disk e = given != null ? given : new DomainCheckpointDef.Disks.Disk();
            e.name = d.target.dev;
            boolean empty = d.source == null || d.source.file == null && d.source.dev == null
                    && d.source.name == null && d.source.volume == null;
            if (e.checkpoint == null) {
                e.checkpoint = empty || d.readonly != null ? "no" : "bitmap";
            }
            if ("bitmap".equals(e.checkpoint) && e.bitmap == null) {
                e.bitmap = def.name;
            }
            disks.disks.add(e);
        }
        def.disks = disks;
    }

    static String xml(TestDomainObj o, String name, int flags) {
        Flags.check("testDomainCheckpointGetXMLDesc", flags, 1 | 2 | 4);
        Moments.Moment<DomainCheckpointDef> m = find(o, name);
        DomainCheckpointDef def = m.def;
        if ((flags & 4) != 0) {
            DomainGuest.checkActive(o);
            for (DomainCheckpointDef.Disks.Disk d : def.disks == null ? List.<DomainCheckpointDef.Disks.Disk>of()
                    : def.disks.disks) {
                if ("bitmap".equals(d.checkpoint)) {
                    d.size = "1024";
                }
            }
        }
        DomainDef dom = def.domain;
        if (m.parent != null) {
            def.parent = new DomainCheckpointDef.Parent();
            def.parent.name = m.parent;
        }
        if ((flags & 2) != 0) {
            def.domain = null;
        }
        try {
            return XmlDocuments.format(def, EnumSet.of(DomainXMLFlag.SECURE, DomainXMLFlag.INACTIVE));
        } finally {
            def.domain = dom;
            def.parent = null;
            // the size is shown only when asked for
            if (def.disks != null) {
                def.disks.disks.forEach(d -> d.size = null);
            }
        }
    }

    static List<String> list(TestDomainObj o, String from, int flags) {
        Flags.check(from == null ? "testDomainListAllCheckpoints" : "testDomainCheckpointListAllChildren", flags,
                1 | 2 | 4 | 8);
        boolean deep = (flags & 1) != 0;
        List<Moments.Moment<DomainCheckpointDef>> pick;
        if (from == null) {
            pick = deep ? o.checkpoints.children(null) : o.checkpoints.descendants(null);
        } else {
            find(o, from);
            pick = deep ? o.checkpoints.descendants(from) : o.checkpoints.children(from);
        }
        List<String> out = new ArrayList<>();
        for (Moments.Moment<DomainCheckpointDef> m : pick) {
            boolean leaf = o.checkpoints.isLeaf(m.name);
            if ((flags & (4 | 8)) == 0 || (flags & 4) != 0 && leaf || (flags & 8) != 0 && !leaf) {
                out.add(m.name);
            }
        }
        return out;
    }

    static void delete(TestDomainObj o, String name, int flags) {
        Flags.check("testDomainCheckpointDelete", flags, 1 | 2 | 4);
        Moments.Moment<DomainCheckpointDef> chk = find(o, name);
        Moments.Moment<DomainCheckpointDef> cur = o.checkpoints.current();
        if ((flags & (1 | 4)) != 0) {
            boolean wasCurrent = false;
            for (Moments.Moment<DomainCheckpointDef> d : o.checkpoints.descendants(name)) {
                wasCurrent |= cur != null && cur.name.equals(d.name);
                o.checkpoints.remove(d.name);
            }
            if (wasCurrent) {
                o.checkpoints.setCurrent(name);
            }
        } else {
            for (Moments.Moment<DomainCheckpointDef> c : o.checkpoints.children(name)) {
                c.parent = chk.parent;
            }
        }
        if ((flags & 4) == 0) {
            boolean wasCurrent = o.checkpoints.current() == chk;
            o.checkpoints.remove(name);
            if (wasCurrent) {
                o.checkpoints.setCurrent(chk.parent != null && o.checkpoints.get(chk.parent) != null ? chk.parent
                        : null);
            }
        }
    }
}
