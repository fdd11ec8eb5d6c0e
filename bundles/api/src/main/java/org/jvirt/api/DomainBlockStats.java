package org.jvirt.api;

/**
 * A disk's I/O counters (virDomainBlockStats); -1 for a counter the hypervisor does not keep.
 *
 * @param rdReq   read requests
 * @param rdBytes bytes read
 * @param wrReq   write requests
 * @param wrBytes bytes written
 * @param errs    errors (Xen only)
 */
public record DomainBlockStats(long rdReq, long rdBytes, long wrReq, long wrBytes, long errs) {
}
