package org.jvirt.conf.internal;

import org.jvirt.conf.DomainParseOptions;
import org.jvirt.conf.domain.DomainDef;
import org.jvirt.conf.iface.InterfaceDef;
import org.jvirt.conf.snapshot.DomainCheckpointDef;
import org.jvirt.conf.snapshot.DomainSnapshotDef;

/** libvirt's checks and defaults for the documents other than domains, per kind. */
public final class DocumentPostParse {
    private DocumentPostParse() {
    }

    public static void apply(Object def) {
        if (def instanceof DomainSnapshotDef s) {
            domain(s.domain);
            domain(s.inactiveDomain);
        } else if (def instanceof DomainCheckpointDef c) {
            domain(c.domain);
        } else if (def instanceof InterfaceDef i) {
            InterfaceDocument.check(i);
        }
    }

    /** A domain inside another document is parsed as a domain definition of its own. */
    private static void domain(DomainDef d) {
        if (d != null && d.name != null) {
            DomainPostParse.apply(d, DomainParseOptions.generic());
        }
    }
}
