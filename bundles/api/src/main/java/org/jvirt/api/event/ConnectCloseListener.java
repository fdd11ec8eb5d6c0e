package org.jvirt.api.event;

import org.jvirt.api.CloseReason;

/**
 * Told when a connection closes other than by its own {@code close()}: the driver went away (EOF), an error, or a
 * keepalive timeout (virConnectRegisterCloseCallback).
 */
@FunctionalInterface
public interface ConnectCloseListener {
    void onClose(CloseReason reason);
}
