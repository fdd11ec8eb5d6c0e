package org.jvirt.api;

import java.util.List;
import java.util.Set;

/**
 * A checkpoint of a domain's disks, for incremental backups (virDomainCheckpointPtr): a handle naming it by domain
 * and name. Two handles are equal when they name the same checkpoint of the same domain on the same connection.
 */
public interface DomainCheckpoint {

    @Libvirt("virDomainCheckpointGetConnect")
    Connect getConnect();

    @Libvirt("virDomainCheckpointGetDomain")
    Domain getDomain();

    @Libvirt("virDomainCheckpointGetName")
    String getName();

    /** The checkpoint this one follows; NO_DOMAIN_CHECKPOINT when it is a root. */
    @Libvirt("virDomainCheckpointGetParent")
    default DomainCheckpoint getParent() {
        throw VirtException.noSupport();
    }

    @Modifies(when = "SECURE", message = "virDomainCheckpointGetXMLDesc with secure flag")
    @Libvirt("virDomainCheckpointGetXMLDesc")
    default String getXMLDesc(Set<DomainCheckpointXMLFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt("virDomainCheckpointListAllChildren")
    default List<DomainCheckpoint> listAllChildren(Set<DomainCheckpointListFlag> flags) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virDomainCheckpointDelete")
    default void delete(Set<DomainCheckpointDeleteFlag> flags) {
        throw VirtException.noSupport();
    }
}
