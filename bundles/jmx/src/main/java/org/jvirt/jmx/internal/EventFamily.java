package org.jvirt.jmx.internal;

import java.util.function.UnaryOperator;

/**
 * The events of one kind of object: the prefix of their notification types, the item (and the event record's
 * component) that names the object, and how virsh names the object in an event's line.
 *
 * @param typePrefix  {@code jvirt.domain.}, ...
 * @param subjectItem {@code domain}, {@code network}, {@code pool}: the record component holding the object, and
 *                    the CompositeData item holding its name
 * @param phrase      the object as virsh's event commands print it: {@code domain 'vm1'}, {@code network default}
 * @param hasUuid     whether the objects have a UUID apart from their name (node devices have none; a secret's
 *                    name is its UUID), and the CompositeData an item {@code uuid}
 */
record EventFamily(String typePrefix, String subjectItem, UnaryOperator<String> phrase, boolean hasUuid) {
    static final EventFamily DOMAIN = new EventFamily("jvirt.domain.", "domain", n -> "domain '" + n + "'", true);
    static final EventFamily NETWORK = new EventFamily("jvirt.network.", "network", n -> "network " + n, true);
    static final EventFamily STORAGE_POOL = new EventFamily("jvirt.storage-pool.", "pool",
            n -> "storage pool " + n, true);
    // virsh nodedev-event and secret-event (tools/virsh-nodedev.c, virsh-secret.c) name them so
    static final EventFamily NODE_DEVICE = new EventFamily("jvirt.node-device.", "device",
            n -> "node device " + n, false);
    static final EventFamily SECRET = new EventFamily("jvirt.secret.", "secret", n -> "secret " + n, false);
}
