/**
 * What libvirt's QEMU extension adds (libvirt-qemu): the flags and timeouts of the monitor and guest agent
 * commands, and QEMU monitor events. The functions themselves are on {@link org.jvirt.api.Domain}
 * ({@code qemuMonitorCommand}, {@code qemuAgentCommand}) and {@link org.jvirt.api.Connect}
 * ({@code domainQemuAttach}, {@code domainQemuMonitorEventRegister}); drivers other than QEMU leave them
 * unsupported.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jvirt.api.qemu;
