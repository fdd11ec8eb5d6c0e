package org.jvirt.jmx.internal;

/**
 * The MBeans of one kind of object of one connection (domains; networks, pools, volumes, node devices, interfaces
 * and secrets are the same shape): they are registered on {@link #start()}, follow the connection's events, and are
 * all unregistered on {@link #close()}.
 */
interface ObjectBeans extends AutoCloseable {

    /** The kind of object, as in the MBeans' {@code type} key: "Domain", ... */
    String type();

    /** How many MBeans of this kind are registered now. */
    int count();

    /** Whether the connection's driver has objects of this kind at all (false: left out of the counts). */
    default boolean supported() {
        return true;
    }

    /** Subscribes to the connection's events, then registers an MBean for each object there is. */
    void start();

    /** Ends the subscriptions and unregisters every MBean; later events change nothing. Idempotent. */
    @Override
    void close();
}
