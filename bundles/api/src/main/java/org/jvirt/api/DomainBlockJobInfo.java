package org.jvirt.api;

/**
 * A running block job (virDomainGetBlockJobInfo).
 *
 * @param type      the kind of job
 * @param bandwidth its bandwidth limit, in MiB/s, or bytes/s when asked with BANDWIDTH_BYTES
 * @param cur       how far it has got, in units of {@code end}
 * @param end       where it ends
 */
public record DomainBlockJobInfo(DomainBlockJobType type, long bandwidth, long cur, long end) {
}
