package org.jvirt.jmx.internal;

/**
 * The MBeans of one kind of object of one connection (domains; networks and pools are the same shape): they are
 * registered on {@link #start()}, follow the connection's events, and are all unregistered on {@link #close()}.
 */
interface ObjectBeans extends AutoCloseable {

    /** Subscribes to the connection's events, then registers an MBean for each object there is. */
    void start();

    /** Ends the subscription and unregisters every MBean; later events change nothing. Idempotent. */
    @Override
    void close();
}
