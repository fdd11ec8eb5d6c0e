package org.jvirt.api;

/**
 * Progress of a domain's background job (virDomainGetJobInfo); times in milliseconds, sizes in bytes.
 */
public record DomainJobInfo(DomainJobType type, long timeElapsed, long timeRemaining, long dataTotal,
        long dataProcessed, long dataRemaining, long memTotal, long memProcessed, long memRemaining,
        long fileTotal, long fileProcessed, long fileRemaining) {
}
