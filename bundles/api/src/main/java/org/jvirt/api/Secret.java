package org.jvirt.api;

import java.util.UUID;

/**
 * A secret (virSecretPtr): a handle naming it by UUID and usage. Two handles are equal when they name the same
 * secret (UUID) on the same connection. Its value is never shown to a read-only connection.
 */
public interface Secret {

    @Libvirt("virSecretGetConnect")
    Connect getConnect();

    @Libvirt("virSecretGetUUID")
    UUID getUUID();

    @Libvirt(value = "virSecretGetUUIDString", via = "virSecretGetUUID")
    default String getUUIDString() {
        return getUUID().toString();
    }

    /** What the secret is for. */
    @Libvirt("virSecretGetUsageType")
    SecretUsageType getUsageType();

    /** What it is for, in its usage's terms (a volume's path, a Ceph user, an iSCSI target, …). */
    @Libvirt("virSecretGetUsageID")
    String getUsageID();

    @Libvirt("virSecretGetXMLDesc")
    default String getXMLDesc() {
        throw VirtException.noSupport();
    }

    /** The secret's value. */
    @Modifies
    @Libvirt("virSecretGetValue")
    default byte[] getValue() {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virSecretSetValue")
    default void setValue(byte[] value) {
        throw VirtException.noSupport();
    }

    @Modifies
    @Libvirt("virSecretUndefine")
    default void undefine() {
        throw VirtException.noSupport();
    }
}
