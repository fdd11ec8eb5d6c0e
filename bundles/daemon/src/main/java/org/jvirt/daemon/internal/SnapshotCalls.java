package org.jvirt.daemon.internal;

import static org.jvirt.rpc.remote.RemoteProtocol.*;

import java.util.List;
import org.jvirt.api.DomainCheckpoint;
import org.jvirt.api.DomainCheckpointCreateFlag;
import org.jvirt.api.DomainCheckpointDeleteFlag;
import org.jvirt.api.DomainCheckpointListFlag;
import org.jvirt.api.DomainCheckpointXMLFlag;
import org.jvirt.api.DomainSnapshot;
import org.jvirt.api.DomainSnapshotCreateFlag;
import org.jvirt.api.DomainSnapshotDeleteFlag;
import org.jvirt.api.DomainSnapshotListFlag;
import org.jvirt.api.DomainSnapshotRevertFlag;
import org.jvirt.api.DomainSnapshotXMLFlag;

/** Domain snapshots and checkpoints. */
final class SnapshotCalls {
    private SnapshotCalls() {
    }

    static void register(DispatchTable t) {
        t.on(DOMAIN_SNAPSHOT_CREATE_XML, (c, a) -> new DomainSnapshotCreateXmlRet(Wire.snapshot(c.dom(a.dom())
                .snapshotCreateXML(a.xmlDesc(), c.flags(DomainSnapshotCreateFlag.class, a.flags())))));
        t.on(DOMAIN_SNAPSHOT_GET_XML_DESC, (c, a) -> new DomainSnapshotGetXmlDescRet(c.snapshot(a.snap())
                .getXMLDesc(c.flags(DomainSnapshotXMLFlag.class, a.flags()))));
        t.on(DOMAIN_SNAPSHOT_NUM, (c, a) -> new DomainSnapshotNumRet(c.dom(a.dom()).snapshotNum(
                c.flags(DomainSnapshotListFlag.class, a.flags()))));
        t.on(DOMAIN_SNAPSHOT_LIST_NAMES, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_DOMAIN_SNAPSHOT_LIST_MAX,
                    "maxnames > REMOTE_DOMAIN_SNAPSHOT_LIST_MAX");
            return new DomainSnapshotListNamesRet(DomainCalls.first(c.dom(a.dom()).snapshotListNames(
                    c.flags(DomainSnapshotListFlag.class, a.flags())), a.maxnames()));
        });
        t.on(DOMAIN_LIST_ALL_SNAPSHOTS, (c, a) -> {
            List<DomainSnapshot> list = c.dom(a.dom()).listAllSnapshots(c.flags(DomainSnapshotListFlag.class,
                    a.flags()));
            return new DomainListAllSnapshotsRet(a.needResults() != 0 ? Wire.map(list, Wire::snapshot) : List.of(),
                    list.size());
        });
        t.on(DOMAIN_SNAPSHOT_NUM_CHILDREN, (c, a) -> new DomainSnapshotNumChildrenRet(c.snapshot(a.snap())
                .numChildren(c.flags(DomainSnapshotListFlag.class, a.flags()))));
        t.on(DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES, (c, a) -> {
            DomainCalls.max(a.maxnames(), REMOTE_DOMAIN_SNAPSHOT_LIST_MAX,
                    "maxnames > REMOTE_DOMAIN_SNAPSHOT_LIST_MAX");
            return new DomainSnapshotListChildrenNamesRet(DomainCalls.first(c.snapshot(a.snap()).listChildrenNames(
                    c.flags(DomainSnapshotListFlag.class, a.flags())), a.maxnames()));
        });
        t.on(DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN, (c, a) -> {
            List<DomainSnapshot> list = c.snapshot(a.snapshot()).listAllChildren(
                    c.flags(DomainSnapshotListFlag.class, a.flags()));
            return new DomainSnapshotListAllChildrenRet(a.needResults() != 0 ? Wire.map(list, Wire::snapshot)
                    : List.of(), list.size());
        });
        t.on(DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainSnapshotLookupByNameRet(Wire.snapshot(c.dom(a.dom()).snapshotLookupByName(a.name())));
        });
        t.on(DOMAIN_HAS_CURRENT_SNAPSHOT, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainHasCurrentSnapshotRet(c.dom(a.dom()).hasCurrentSnapshot() ? 1 : 0);
        });
        t.on(DOMAIN_SNAPSHOT_GET_PARENT, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainSnapshotGetParentRet(Wire.snapshot(c.snapshot(a.snap()).getParent()));
        });
        t.on(DOMAIN_SNAPSHOT_CURRENT, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainSnapshotCurrentRet(Wire.snapshot(c.dom(a.dom()).snapshotCurrent()));
        });
        t.on(DOMAIN_SNAPSHOT_IS_CURRENT, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainSnapshotIsCurrentRet(c.snapshot(a.snap()).isCurrent() ? 1 : 0);
        });
        t.on(DOMAIN_SNAPSHOT_HAS_METADATA, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainSnapshotHasMetadataRet(c.snapshot(a.snap()).hasMetadata() ? 1 : 0);
        });
        t.on(DOMAIN_REVERT_TO_SNAPSHOT, (c, a) -> {
            DomainSnapshot s = c.snapshot(a.snap());
            s.getDomain().revertToSnapshot(s, c.flags(DomainSnapshotRevertFlag.class, a.flags()));
            return null;
        });
        t.on(DOMAIN_SNAPSHOT_DELETE, (c, a) -> {
            c.snapshot(a.snap()).delete(c.flags(DomainSnapshotDeleteFlag.class, a.flags()));
            return null;
        });

        t.on(DOMAIN_CHECKPOINT_CREATE_XML, (c, a) -> new DomainCheckpointCreateXmlRet(Wire.checkpoint(c.dom(a.dom())
                .checkpointCreateXML(a.xmlDesc(), c.flags(DomainCheckpointCreateFlag.class, a.flags())))));
        t.on(DOMAIN_CHECKPOINT_GET_XML_DESC, (c, a) -> new DomainCheckpointGetXmlDescRet(c.checkpoint(a.checkpoint())
                .getXMLDesc(c.flags(DomainCheckpointXMLFlag.class, a.flags()))));
        t.on(DOMAIN_LIST_ALL_CHECKPOINTS, (c, a) -> {
            List<DomainCheckpoint> list = c.dom(a.dom()).listAllCheckpoints(c.flags(DomainCheckpointListFlag.class,
                    a.flags()));
            return new DomainListAllCheckpointsRet(a.needResults() != 0 ? Wire.map(list, Wire::checkpoint)
                    : List.of(), list.size());
        });
        t.on(DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN, (c, a) -> {
            List<DomainCheckpoint> list = c.checkpoint(a.checkpoint()).listAllChildren(
                    c.flags(DomainCheckpointListFlag.class, a.flags()));
            return new DomainCheckpointListAllChildrenRet(a.needResults() != 0 ? Wire.map(list, Wire::checkpoint)
                    : List.of(), list.size());
        });
        t.on(DOMAIN_CHECKPOINT_LOOKUP_BY_NAME, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainCheckpointLookupByNameRet(Wire.checkpoint(c.dom(a.dom()).checkpointLookupByName(
                    a.name())));
        });
        t.on(DOMAIN_CHECKPOINT_GET_PARENT, (c, a) -> {
            c.noFlags(a.flags());
            return new DomainCheckpointGetParentRet(Wire.checkpoint(c.checkpoint(a.checkpoint()).getParent()));
        });
        t.on(DOMAIN_CHECKPOINT_DELETE, (c, a) -> {
            c.checkpoint(a.checkpoint()).delete(c.flags(DomainCheckpointDeleteFlag.class, a.flags()));
            return null;
        });
    }
}
