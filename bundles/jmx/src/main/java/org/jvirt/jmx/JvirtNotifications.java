package org.jvirt.jmx;

/**
 * The types of the notifications jvirt's MBeans emit, besides {@link javax.management.AttributeChangeNotification}.
 * Each event has one type: {@code jvirt.domain.}, {@code jvirt.network.}, {@code jvirt.storage-pool.},
 * {@code jvirt.node-device.} or {@code jvirt.secret.} followed by the event's name as {@code virsh event --list}
 * (net-event, pool-event, nodedev-event, secret-event) prints it; its user data is a
 * {@link javax.management.openmbean.CompositeData} with the items {@code connection}, the object's name
 * ({@code domain}, {@code network}, {@code pool}, {@code device}; a secret's UUID in {@code secret}) and
 * {@code uuid} (not for node devices and secrets), then the event's own.
 */
public final class JvirtNotifications {
    /** What every domain event's type starts with. */
    public static final String DOMAIN_EVENT_PREFIX = "jvirt.domain.";

    /** A domain was defined, undefined, started, suspended, resumed, stopped, shut down, pm-suspended or crashed. */
    public static final String DOMAIN_LIFECYCLE = DOMAIN_EVENT_PREFIX + "lifecycle";

    /** A domain's guest rebooted. */
    public static final String DOMAIN_REBOOT = DOMAIN_EVENT_PREFIX + "reboot";

    /** A network was defined, undefined, started or stopped. */
    public static final String NETWORK_LIFECYCLE = "jvirt.network.lifecycle";

    /** A storage pool was defined, undefined, started, stopped, built (created) or deleted. */
    public static final String STORAGE_POOL_LIFECYCLE = "jvirt.storage-pool.lifecycle";

    /** A storage pool was refreshed. */
    public static final String STORAGE_POOL_REFRESH = "jvirt.storage-pool.refresh";

    /** A host device was created, deleted, defined or undefined. */
    public static final String NODE_DEVICE_LIFECYCLE = "jvirt.node-device.lifecycle";

    /** A host device's description changed. */
    public static final String NODE_DEVICE_UPDATE = "jvirt.node-device.update";

    /** A secret was defined or undefined. */
    public static final String SECRET_LIFECYCLE = "jvirt.secret.lifecycle";

    /** A secret's value changed (the notification never carries the value). */
    public static final String SECRET_VALUE_CHANGED = "jvirt.secret.value-changed";

    private JvirtNotifications() {
    }

    /** The type of the notification for the domain event virsh names {@code virshName} ("block-job", ...). */
    public static String domainEvent(String virshName) {
        return DOMAIN_EVENT_PREFIX + virshName;
    }
}
