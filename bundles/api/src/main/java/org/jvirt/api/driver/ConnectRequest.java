package org.jvirt.api.driver;

import java.net.URI;
import java.util.Set;

import org.jvirt.api.ConnectAuth;
import org.jvirt.api.ConnectFlag;

/**
 * What a driver is given to open a connection.
 *
 * @param uri    the URI, parsed
 * @param flags  the flags of the open (read-only is enforced by the platform; a driver may also look)
 * @param auth   the caller's credential callback, or null
 * @param events where the driver delivers this connection's events
 */
public record ConnectRequest(URI uri, Set<ConnectFlag> flags, ConnectAuth auth, EventSink events) {
    public boolean readOnly() {
        return flags.contains(ConnectFlag.RO);
    }
}
