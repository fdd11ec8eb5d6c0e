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
 */
record EventFamily(String typePrefix, String subjectItem, UnaryOperator<String> phrase) {
    static final EventFamily DOMAIN = new EventFamily("jvirt.domain.", "domain", n -> "domain '" + n + "'");
    static final EventFamily NETWORK = new EventFamily("jvirt.network.", "network", n -> "network " + n);
    static final EventFamily STORAGE_POOL = new EventFamily("jvirt.storage-pool.", "pool",
            n -> "storage pool " + n);
}
