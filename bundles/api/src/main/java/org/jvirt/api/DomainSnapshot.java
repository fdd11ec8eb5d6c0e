package org.jvirt.api;

import java.util.List;
import java.util.Set;

/**
 * A snapshot of a domain (virDomainSnapshotPtr): a handle naming it by domain and name. Two handles are equal when
 * they name the same snapshot of the same domain on the same connection. Revert a domain to it with
 * {@link Domain#revertToSnapshot}.
 */
public interface DomainSnapshot {

    @Libvirt("virDomainSnapshotGetConnect")
    Connect getConnect();

    /** The domain the snapshot belongs to. */
    @Libvirt("virDomainSnapshotGetDomain")
    Domain getDomain();

    @Libvirt("virDomainSnapshotGetName")
    String getName();

    /** The snapshot this one was taken on top of; NO_DOMAIN_SNAPSHOT when it is a root. */
    @Libvirt("virDomainSnapshotGetParent")
    default DomainSnapshot getParent() {
        throw VirtException.noSupport();
    }

    @Modifies(when = "SECURE", message = "virDomainSnapshotGetXMLDesc with secure flag")
    @Libvirt("virDomainSnapshotGetXMLDesc")
    default String getXMLDesc(Set<DomainSnapshotXMLFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Whether it is its domain's current snapshot. */
    @Libvirt("virDomainSnapshotIsCurrent")
    default boolean isCurrent() {
        throw VirtException.noSupport();
    }

    /** Whether libvirt keeps metadata for it (a snapshot without any lives only in the disk images). */
    @Libvirt("virDomainSnapshotHasMetadata")
    default boolean hasMetadata() {
        throw VirtException.noSupport();
    }

    /** Its children (with DESCENDANTS, all its descendants), filtered by {@code flags}. */
    @Libvirt("virDomainSnapshotListAllChildren")
    default List<DomainSnapshot> listAllChildren(Set<DomainSnapshotListFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virDomainSnapshotNumChildren", via = "virDomainSnapshotListAllChildren")
    default int numChildren(Set<DomainSnapshotListFlag> flags) {
        return listAllChildren(flags).size();
    }

    @Libvirt(value = "virDomainSnapshotListChildrenNames", via = "virDomainSnapshotListAllChildren")
    default List<String> listChildrenNames(Set<DomainSnapshotListFlag> flags) {
        return listAllChildren(flags).stream().map(DomainSnapshot::getName).toList();
    }

    /** Deletes the snapshot (with CHILDREN, its descendants too; with METADATA_ONLY, only what libvirt keeps). */
    @Modifies
    @Libvirt("virDomainSnapshotDelete")
    default void delete(Set<DomainSnapshotDeleteFlag> flags) {
        throw VirtException.noSupport();
    }
}
