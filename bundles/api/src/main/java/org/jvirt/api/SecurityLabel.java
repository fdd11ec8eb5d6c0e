package org.jvirt.api;

/** A running domain's security label (virDomainGetSecurityLabel); "" when it has none. */
public record SecurityLabel(String label, boolean enforcing) {
}
