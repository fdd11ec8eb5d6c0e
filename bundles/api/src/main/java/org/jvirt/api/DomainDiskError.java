package org.jvirt.api;

/**
 * A disk that met an I/O error (virDomainGetDiskErrors).
 *
 * @param disk  the disk's target, e.g. "vda"
 * @param error what went wrong
 */
public record DomainDiskError(String disk, DomainDiskErrorCode error) {
}
