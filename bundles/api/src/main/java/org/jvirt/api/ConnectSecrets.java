package org.jvirt.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jvirt.api.event.EventSubscription;
import org.jvirt.api.event.SecretEventId;
import org.jvirt.api.event.SecretEventListener;

/**
 * A connection's secrets: the part of {@link Connect} that libvirt's secret driver serves. A hypervisor driver that
 * implements none of these methods gets the platform's shared {@link org.jvirt.api.driver.SecretDriver} behind
 * them.
 */
public interface ConnectSecrets {

    @Libvirt("virConnectListAllSecrets")
    default List<Secret> listAllSecrets(Set<ListSecretsFlag> flags) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virConnectNumOfSecrets", via = "virConnectListAllSecrets")
    default int numOfSecrets() {
        return listAllSecrets(Set.of()).size();
    }

    /** The UUIDs of the secrets, as text. */
    @Libvirt(value = "virConnectListSecrets", via = "virConnectListAllSecrets")
    default List<String> listSecrets() {
        return listAllSecrets(Set.of()).stream().map(Secret::getUUIDString).toList();
    }

    @Libvirt("virSecretLookupByUUID")
    default Secret secretLookupByUUID(UUID uuid) {
        throw VirtException.noSupport();
    }

    @Libvirt(value = "virSecretLookupByUUIDString", via = "virSecretLookupByUUID")
    default Secret secretLookupByUUIDString(String uuid) {
        return secretLookupByUUID(Uuids.parse(uuid));
    }

    /** The secret used for {@code usageID} in the terms of {@code usageType}. */
    @Libvirt("virSecretLookupByUsage")
    default Secret secretLookupByUsage(SecretUsageType usageType, String usageID) {
        throw VirtException.noSupport();
    }

    /** Defines (or redefines) a secret from its XML; its value is set separately. */
    @Modifies
    @Libvirt("virSecretDefineXML")
    default Secret secretDefineXML(String xml, Set<SecretDefineFlag> flags) {
        throw VirtException.noSupport();
    }

    /** Subscribes to secret events; the platform implements it for every driver. */
    @Libvirt("virConnectSecretEventRegisterAny")
    default EventSubscription secretEventRegisterAny(Secret secret, SecretEventId id, SecretEventListener listener) {
        throw VirtException.noSupport();
    }

    @Libvirt("virConnectSecretEventDeregisterAny")
    default void secretEventDeregisterAny(int callbackId) {
        throw VirtException.noSupport();
    }
}
