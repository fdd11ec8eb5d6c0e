package org.jvirt.jmx.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.jvirt.api.event.DomainEvent;
import org.jvirt.api.event.NetworkEventId;
import org.jvirt.api.event.NodeDeviceEventId;
import org.jvirt.api.event.ObjectEvent;
import org.jvirt.api.event.SecretEventId;
import org.jvirt.api.event.StoragePoolEventId;

/** The events of networks, pools, node devices and secrets: each record of the API is a notification type. */
class ObjectEventTypesTest {
    private static final List<ObjectKind<?>> KINDS = List.of(NetworkKind.INSTANCE, StoragePoolKind.INSTANCE,
            NodeDeviceKind.INSTANCE, SecretKind.INSTANCE);

    /** When the API gains an event record of these kinds, this names it until a kind maps it. */
    @Test
    void everyNonDomainEventRecordOfTheApiHasANotificationType() throws Exception {
        Set<String> records = new TreeSet<>();
        for (Class<?> c : DomainEventTypesTest.classesBeside(ObjectEvent.class)) {
            if (c.isRecord() && ObjectEvent.class.isAssignableFrom(c) && !DomainEvent.class.isAssignableFrom(c)) {
                records.add(c.getSimpleName());
            }
        }
        Set<String> mapped = new TreeSet<>();
        KINDS.forEach(k -> k.eventTypes().forEach(t -> mapped.add(t.recordClass().getSimpleName())));
        assertThat(records).as("the API's network, pool, node device and secret event records").hasSize(7)
                .isEqualTo(mapped);
    }

    @Test
    void everyEventIdHasOneTypeNamedAsVirshListsIt() {
        // virsh net-event --list, pool-event --list, nodedev-event --list, secret-event --list (9.0)
        assertThat(types(NetworkKind.INSTANCE)).containsExactly("jvirt.network.lifecycle");
        assertThat(types(StoragePoolKind.INSTANCE)).containsExactly("jvirt.storage-pool.lifecycle",
                "jvirt.storage-pool.refresh");
        assertThat(types(NodeDeviceKind.INSTANCE)).containsExactly("jvirt.node-device.lifecycle",
                "jvirt.node-device.update");
        assertThat(types(SecretKind.INSTANCE)).containsExactly("jvirt.secret.lifecycle",
                "jvirt.secret.value-changed");
        assertThat(Stream.of(KINDS.get(0), KINDS.get(1), KINDS.get(2), KINDS.get(3))
                .mapToInt(k -> k.eventTypes().size()).sum()).isEqualTo(NetworkEventId.values().length
                        + StoragePoolEventId.values().length + NodeDeviceEventId.values().length
                        + SecretEventId.values().length);
    }

    @Test
    void nodeDeviceAndSecretDataCarryNoUuidItem() {
        assertThat(NodeDeviceKind.INSTANCE.eventTypes().get(1).compositeType().keySet())
                .containsExactlyInAnyOrder("connection", "device");
        assertThat(SecretKind.INSTANCE.eventTypes().get(0).compositeType().keySet())
                .containsExactlyInAnyOrder("connection", "secret", "event", "eventNumber", "detail");
        assertThat(NetworkKind.INSTANCE.eventTypes().get(0).compositeType().keySet()).contains("uuid");
    }

    private static List<String> types(ObjectKind<?> kind) {
        return kind.eventTypes().stream().map(EventType::notificationType).toList();
    }
}
