package org.jvirt.api.event;

/**
 * Something that happened to an object of a connection: a domain, network, storage pool, node device or secret
 * event, or a QEMU monitor event. Each kind has its interface ({@link DomainEvent}, {@link NetworkEvent}, …) and
 * each event id its record; drivers deliver them through the connection's {@link org.jvirt.api.driver.EventSink}.
 */
public interface ObjectEvent {
    /** The object the event is about. */
    Object subject();
}
