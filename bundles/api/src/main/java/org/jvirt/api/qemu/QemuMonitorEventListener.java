package org.jvirt.api.qemu;

/** Receives QEMU monitor events of a connection, in order, one at a time, on a thread of the platform's. */
@FunctionalInterface
public interface QemuMonitorEventListener {
    void onEvent(QemuMonitorEvent event);
}
