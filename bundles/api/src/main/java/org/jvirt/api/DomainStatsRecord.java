package org.jvirt.api;

/**
 * The statistics of one domain (virDomainStatsRecord), as virConnectGetAllDomainStats returns them: fields such as
 * "state.state", "cpu.time", "block.0.rd.bytes".
 */
public record DomainStatsRecord(Domain domain, TypedParameters params) {
}
