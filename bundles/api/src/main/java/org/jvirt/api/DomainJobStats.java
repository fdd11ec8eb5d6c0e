package org.jvirt.api;

/**
 * A domain job's statistics (virDomainGetJobStats): the kind of job and its {@code TypedParamFields.DOMAIN_JOB_*}
 * fields.
 */
public record DomainJobStats(DomainJobType type, TypedParameters params) {
}
