/**
 * libvirt's REMOTE program (0x20008086 version 1), generated from libvirt 9.0's remote_protocol.x.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.jvirt.rpc.remote;
