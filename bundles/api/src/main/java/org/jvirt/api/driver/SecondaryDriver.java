package org.jvirt.api.driver;

/**
 * A driver that serves one part of connections opened by hypervisor drivers (libvirt's secondary drivers, made
 * shared with virSetSharedNetworkDriver and its kin): networks, storage, node devices, host interfaces, network
 * filters or secrets. Provide it as an OSGi service of its own interface ({@link NetworkDriver}, …) and, for use
 * outside OSGi, list it in {@code META-INF/services/} under that interface's name.
 *
 * <p>When a connection's hypervisor driver implements none of the methods of part {@code F} (say
 * {@link org.jvirt.api.ConnectNetworks}), the platform opens this driver's part of the connection the first time
 * one of them is called (or an event of the part is subscribed to), and routes those calls to it. The part
 * delivers its events to the request's {@link EventSink}; objects it returns are wrapped like the hypervisor
 * driver's, so their {@code getConnect()} is the user's connection. If the part is {@link AutoCloseable}, the
 * platform closes it with the connection, or when the driver leaves.
 *
 * @param <F> the part of {@link org.jvirt.api.Connect} the driver serves
 */
public interface SecondaryDriver<F> {
    /** The driver's name, e.g. "network". */
    String name();

    /** Opens this driver's part of a connection, for the request the hypervisor driver was given. */
    F open(ConnectRequest request);
}
