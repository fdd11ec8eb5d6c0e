package org.jvirt.api;

/**
 * The state of the channel to a domain's hypervisor process (virDomainGetControlInfo).
 *
 * @param state       the channel's state
 * @param details     for ERROR, a {@link DomainControlErrorReason} number; 0 otherwise
 * @param stateTimeMs how long the channel has been in this state, in milliseconds (for JOB and OCCUPIED)
 */
public record DomainControlInfo(DomainControlState state, int details, long stateTimeMs) {
}
