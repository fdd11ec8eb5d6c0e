package org.jvirt.api;

/**
 * What virDomainGetBlockInfo reports of a disk.
 *
 * @param capacity   the size the guest sees, in bytes
 * @param allocation the host storage the image occupies, in bytes
 * @param physical   the size of the image's container on the host, in bytes
 */
public record DomainBlockInfo(long capacity, long allocation, long physical) {
}
