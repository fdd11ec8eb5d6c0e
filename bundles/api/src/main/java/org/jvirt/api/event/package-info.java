/**
 * Events: what a subscriber to a connection receives when its objects change, with libvirt's event ids, types and
 * details (same numbers).
 *
 * <p>Each family has an interface ({@link org.jvirt.api.event.DomainEvent}, {@link org.jvirt.api.event.NetworkEvent},
 * {@link org.jvirt.api.event.StoragePoolEvent}, {@link org.jvirt.api.event.NodeDeviceEvent},
 * {@link org.jvirt.api.event.SecretEvent}), an id enum, a listener, and a record per event id
 * ({@link org.jvirt.api.event.DomainBlockThresholdEvent}, {@link org.jvirt.api.event.DomainTunableEvent}, …).
 * Subscribe with the connection's {@code *EventRegisterAny} methods; an
 * {@link org.jvirt.api.event.EventSubscription} ends a subscription. Events of one connection arrive in order, one
 * at a time, on a platform thread, with the connection's own handles.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package org.jvirt.api.event;
