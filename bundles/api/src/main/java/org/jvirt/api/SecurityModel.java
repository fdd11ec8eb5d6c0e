package org.jvirt.api;

/**
 * The security model of a host (virNodeGetSecurityModel): its name ("selinux", "apparmor", or "" when none is
 * active) and its domain of interpretation.
 */
public record SecurityModel(String model, String doi) {
}
