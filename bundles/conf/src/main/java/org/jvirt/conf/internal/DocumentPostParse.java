package org.jvirt.conf.internal;

import org.jvirt.conf.MomentOptions;
import org.jvirt.conf.iface.InterfaceDef;
import org.jvirt.conf.network.NetworkDef;
import org.jvirt.conf.nodedev.NodeDeviceDef;
import org.jvirt.conf.nwfilter.NWFilterBindingDef;
import org.jvirt.conf.nwfilter.NWFilterDef;
import org.jvirt.conf.storage.StoragePoolDef;
import org.jvirt.conf.storage.StorageVolDef;
import org.jvirt.conf.snapshot.DomainCheckpointDef;
import org.jvirt.conf.snapshot.DomainSnapshotDef;

/**
 * libvirt's checks and defaults for the documents other than domains, per kind, as a document given on its own
 * is read (a snapshot or checkpoint as a new one, timed by the clock).
 */
public final class DocumentPostParse {
    private DocumentPostParse() {
    }

    /** {@code xml} is the document's text, for the kinds libvirt always validates against their schema. */
    public static void apply(Object def, String xml) {
        applyChecks(def, xml);
        // the single-element views of lists start at the parsed document's first element
        if (def instanceof NetworkDef n) {
            n.syncFirstViews();
        } else if (def instanceof NodeDeviceDef d) {
            d.syncFirstViews();
        }
    }

    private static void applyChecks(Object def, String xml) {
        if (def instanceof DomainSnapshotDef s) {
            MomentDocument.checkSnapshot(s, xml, MomentOptions.create());
        } else if (def instanceof DomainCheckpointDef c) {
            MomentDocument.checkCheckpoint(c, xml, MomentOptions.create());
        } else if (def instanceof InterfaceDef i) {
            InterfaceDocument.check(i);
        } else if (def instanceof NodeDeviceDef n) {
            NodeDeviceDocument.check(n);
        } else if (def instanceof NetworkDef n) {
            NetworkDocument.check(n);
        } else if (def instanceof NWFilterDef f) {
            NWFilterDocument.check(f);
        } else if (def instanceof NWFilterBindingDef b && b.filterref != null) {
            // libvirt keeps a binding's parameters by name and writes them in its order
            b.filterref.parameters.sort(java.util.Comparator.comparing(p -> p.name == null ? "" : p.name));
        } else if (def instanceof StoragePoolDef p) {
            StorageDocument.checkPool(p);
        } else if (def instanceof StorageVolDef v) {
            // a volume given alone is read as a directory pool's
            StorageDocument.checkVolume(v, "dir", false);
        }
    }
}
