package org.jvirt.api.event;

/**
 * One identity of an authenticated graphics client (virDomainEventGraphicsSubjectIdentity).
 *
 * @param type the kind of identity, e.g. "x509dname" or "saslUsername"
 * @param name the identity
 */
public record GraphicsSubjectIdentity(String type, String name) {
}
