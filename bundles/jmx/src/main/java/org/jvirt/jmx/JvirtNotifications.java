package org.jvirt.jmx;

/**
 * The types of the notifications jvirt's MBeans emit, besides {@link javax.management.AttributeChangeNotification}.
 * Each domain event has one type, {@code jvirt.domain.} followed by the event's name as {@code virsh event --list}
 * prints it; its user data is a {@link javax.management.openmbean.CompositeData} with the items {@code connection},
 * {@code domain} and {@code uuid}, then the event's own.
 */
public final class JvirtNotifications {
    /** What every domain event's type starts with. */
    public static final String DOMAIN_EVENT_PREFIX = "jvirt.domain.";

    /** A domain was defined, undefined, started, suspended, resumed, stopped, shut down, pm-suspended or crashed. */
    public static final String DOMAIN_LIFECYCLE = DOMAIN_EVENT_PREFIX + "lifecycle";

    /** A domain's guest rebooted. */
    public static final String DOMAIN_REBOOT = DOMAIN_EVENT_PREFIX + "reboot";

    private JvirtNotifications() {
    }

    /** The type of the notification for the domain event virsh names {@code virshName} ("block-job", ...). */
    public static String domainEvent(String virshName) {
        return DOMAIN_EVENT_PREFIX + virshName;
    }
}
