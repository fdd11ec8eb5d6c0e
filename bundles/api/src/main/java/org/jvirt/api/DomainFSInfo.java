package org.jvirt.api;

import java.util.List;

/**
 * A file system mounted in a guest (virDomainGetFSInfo).
 *
 * @param mountpoint where it is mounted
 * @param name       its device name in the guest
 * @param fstype     its type, e.g. "ext4"
 * @param devAliases the aliases of the domain's disks it lives on
 */
public record DomainFSInfo(String mountpoint, String name, String fstype, List<String> devAliases) {
    public DomainFSInfo {
        devAliases = List.copyOf(devAliases);
    }
}
