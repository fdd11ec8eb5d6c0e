package org.jvirt.jmx.internal.remote;

/**
 * The JVM-wide {@code java.rmi.server.hostname}: the host RMI writes into the stubs it hands to clients, which
 * call back there. Without it a connector bound to loopback would send the machine's address, where nothing of
 * ours listens. It is set only when the operator has not set it (on the command line), and cleared again when
 * the connector stops.
 */
final class RmiHostname {
    static final String PROPERTY = "java.rmi.server.hostname";

    private static String ours; // guarded by RmiHostname.class

    private RmiHostname() {
    }

    /** Sets the property to {@code host}, unless someone else set it; returns the value in force. */
    static synchronized String claim(String host) {
        String now = System.getProperty(PROPERTY);
        if (host != null && (now == null || now.equals(ours))) {
            System.setProperty(PROPERTY, host);
            ours = host;
            return host;
        }
        return now;
    }

    /** Clears the property if it is still the value this class set. */
    static synchronized void release() {
        if (ours != null && ours.equals(System.getProperty(PROPERTY))) {
            System.clearProperty(PROPERTY);
        }
        ours = null;
    }
}
