package org.jvirt.api;

/**
 * A domain's scheduler (virDomainGetSchedulerType).
 *
 * @param type    the scheduler's name, e.g. "posix"
 * @param nparams how many scheduler parameters it has
 */
public record DomainSchedulerType(String type, int nparams) {
}
