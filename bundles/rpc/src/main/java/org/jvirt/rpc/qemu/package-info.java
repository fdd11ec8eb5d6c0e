/**
 * libvirt's QEMU program (0x20008087): monitor commands, QMP events, attach.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jvirt.rpc.qemu;
